export const GAP_STATUSES = ['NOT_STARTED', 'PARTIAL', 'IMPLEMENTED', 'NOT_APPLICABLE'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];
export const MATURITY_MIN = 0;
export const MATURITY_MAX = 5;

/**
 * How far an item is towards the requirement, 0–100: implemented counts fully, partial by its
 * maturity (0–5 maps to 10–90, 50 without a maturity), not started counts nothing; not
 * applicable items are left out of every score.
 */
export function gapItemScore(item: { status: GapStatus; maturity: number | null }): number | null {
  switch (item.status) {
    case 'NOT_APPLICABLE':
      return null;
    case 'IMPLEMENTED':
      return 100;
    case 'NOT_STARTED':
      return 0;
    case 'PARTIAL':
      return item.maturity === null ? 50 : 10 + Math.round((item.maturity / MATURITY_MAX) * 80);
  }
}

/** The average score of the applicable items (0–100, whole numbers), or null when none applies. */
export function gapScore(items: ReadonlyArray<{ status: GapStatus; maturity: number | null }>): number | null {
  const scores = items.map(gapItemScore).filter((s): s is number => s !== null);
  if (!scores.length) return null;
  return Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
}

/** Gaps worth planning first: not started before partial, low maturity first. */
export function gapPriority(item: { status: GapStatus; maturity: number | null }): 'HIGH' | 'MEDIUM' | 'LOW' {
  if (item.status === 'NOT_STARTED') return 'HIGH';
  if (item.status === 'PARTIAL' && (item.maturity ?? 2) <= 2) return 'MEDIUM';
  return 'LOW';
}
