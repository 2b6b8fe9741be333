import type { ControlTheme, GapItemRow, GapStatus } from './gap-operations';
import { GAP_STATUSES, isControlTheme, isGap, isGapStatus } from './gap-words';

/** The gap analysis filter as it stands in the address, so a view can be bookmarked and shared. */
export interface GapUrlFilter {
  status: GapStatus[];
  theme: ControlTheme | '';
  /** A member's user id, `none` for items nobody owns, or '' for anyone. */
  owner: string;
  gapsOnly: boolean;
}

export type GapView = 'clauses' | 'controls';

/** The owner filter's value for "nobody owns it yet". */
export const UNOWNED = 'none';

const TRUE = new Set(['1', 'true', 'yes']);
const KEYS = ['status', 'theme', 'owner', 'gaps', 'view'];

export function readGapUrlFilter(params: URLSearchParams): GapUrlFilter {
  // `status=PARTIAL,NOT_STARTED` or `status=PARTIAL&status=NOT_STARTED`
  const statuses = params
    .getAll('status')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase())
    .filter(isGapStatus);
  const theme = (params.get('theme') ?? '').toUpperCase();
  return {
    status: GAP_STATUSES.filter((s) => statuses.includes(s)),
    theme: isControlTheme(theme) ? theme : '',
    owner: params.get('owner') ?? '',
    gapsOnly: TRUE.has((params.get('gaps') ?? '').toLowerCase()),
  };
}

export function readGapView(params: URLSearchParams): GapView {
  const view = params.get('view');
  // A theme only narrows the controls: a link with one opens that tab.
  if (view === 'controls' || (view === null && isControlTheme((params.get('theme') ?? '').toUpperCase()))) return 'controls';
  return 'clauses';
}

/** The address with this filter and view, keeping whatever else it holds (the open item). */
export function writeGapUrl(params: URLSearchParams, filter: GapUrlFilter, view: GapView): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of KEYS) next.delete(key);
  if (view === 'controls') next.set('view', 'controls');
  if (filter.status.length) next.set('status', filter.status.join(','));
  if (filter.theme) next.set('theme', filter.theme);
  if (filter.owner) next.set('owner', filter.owner);
  if (filter.gapsOnly) next.set('gaps', '1');
  return next;
}

export const NO_FILTER: GapUrlFilter = { status: [], theme: '', owner: '', gapsOnly: false };

/** Whether the filter narrows this view (the theme only applies to controls). */
export function isFiltered(filter: GapUrlFilter, view: GapView): boolean {
  return filter.status.length > 0 || !!filter.owner || filter.gapsOnly || (view === 'controls' && !!filter.theme);
}

export function matchesGapFilter(item: GapItemRow, filter: GapUrlFilter): boolean {
  if (filter.status.length && !filter.status.includes(item.status)) return false;
  if (filter.gapsOnly && !isGap(item.status)) return false;
  if (filter.theme && item.kind === 'CONTROL' && item.theme !== filter.theme) return false;
  if (filter.owner === UNOWNED) return !item.owner;
  if (filter.owner && item.owner?.id !== filter.owner) return false;
  return true;
}
