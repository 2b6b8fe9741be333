/**
 * Caret and presence colours: dark enough for white label text (WCAG AA), distinct from each
 * other. Hex (#rrggbb), as the caret extension only accepts that form.
 */
const PALETTE = ['#c92a2a', '#a61e4d', '#862e9c', '#5f3dc4', '#364fc7', '#1864ab', '#0b7285', '#087f5b', '#2b8a3e', '#d9480f', '#5c940d', '#495057'] as const;

/** The same person always gets the same colour (from their id), in every browser. */
export function personColor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length]!;
}
