/** The tabs of the document page, kept in the URL (`?tab=`); `?read=1` opens the read view. */
export const DOCUMENT_TABS = ['edit', 'read', 'details', 'history', 'acknowledgements'] as const;
export type DocumentTab = (typeof DOCUMENT_TABS)[number];

export function isDocumentTab(value: unknown): value is DocumentTab {
  return typeof value === 'string' && (DOCUMENT_TABS as readonly string[]).includes(value);
}

/** The tab to show: the one asked for when this person has it, else the read view for readers and the editor for the team. */
export function readDocumentTab(params: URLSearchParams, available: readonly DocumentTab[], canReadDrafts: boolean): DocumentTab {
  const asked = params.get('tab');
  if (isDocumentTab(asked) && available.includes(asked)) return asked;
  if (params.get('read') === '1') return 'read';
  return canReadDrafts && available.includes('edit') ? 'edit' : 'read';
}

export function writeDocumentTab(params: URLSearchParams, tab: DocumentTab): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('tab', tab);
  next.delete('read');
  return next;
}
