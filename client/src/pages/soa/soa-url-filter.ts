import type { SoaEntryRow } from './soa-operations';
import { isControlTheme, type ControlTheme } from './soa-words';

export type ApplicableFilter = '' | 'yes' | 'no' | 'undecided';

/** The editor's filter as it stands in the address, so a view can be shared ("the incomplete ones"). */
export interface SoaUrlFilter {
  theme: ControlTheme | '';
  applicable: ApplicableFilter;
  incomplete: boolean;
  search: string;
}

export type SoaTab = 'editor' | 'versions';

/** A comparison: from an issued version to another, or to the current draft (`to` null). */
export interface SoaComparison {
  from: number;
  to: number | null;
}

export const NO_SOA_FILTER: SoaUrlFilter = { theme: '', applicable: '', incomplete: false, search: '' };

const TRUE = new Set(['1', 'true', 'yes']);
const FILTER_KEYS = ['theme', 'applicable', 'incomplete', 'search'];

export function readSoaUrlFilter(params: URLSearchParams): SoaUrlFilter {
  const theme = (params.get('theme') ?? '').toUpperCase();
  const applicable = (params.get('applicable') ?? '').toLowerCase();
  return {
    theme: isControlTheme(theme) ? theme : '',
    applicable: applicable === 'yes' || applicable === 'no' || applicable === 'undecided' ? applicable : '',
    incomplete: TRUE.has((params.get('incomplete') ?? '').toLowerCase()),
    search: params.get('search') ?? '',
  };
}

export function readSoaTab(params: URLSearchParams): SoaTab {
  return params.get('tab') === 'versions' || params.has('from') ? 'versions' : 'editor';
}

export function readComparison(params: URLSearchParams): SoaComparison | null {
  const from = Number(params.get('from'));
  if (!Number.isInteger(from) || from < 1) return null;
  const toParam = params.get('to');
  const to = toParam === null || toParam === 'draft' ? null : Number(toParam);
  if (to !== null && (!Number.isInteger(to) || to < 1)) return null;
  return { from, to };
}

export function writeSoaFilter(params: URLSearchParams, filter: SoaUrlFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_KEYS) next.delete(key);
  if (filter.theme) next.set('theme', filter.theme);
  if (filter.applicable) next.set('applicable', filter.applicable);
  if (filter.incomplete) next.set('incomplete', '1');
  if (filter.search.trim()) next.set('search', filter.search.trim());
  return next;
}

export function writeSoaTab(params: URLSearchParams, tab: SoaTab, comparison: SoaComparison | null = null): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('tab');
  next.delete('from');
  next.delete('to');
  if (tab === 'versions') next.set('tab', 'versions');
  if (tab === 'versions' && comparison) {
    next.set('from', String(comparison.from));
    next.set('to', comparison.to === null ? 'draft' : String(comparison.to));
  }
  return next;
}

/** Undecided, or decided without saying why: the SoA cannot be issued while any is. */
export function isIncomplete(entry: Pick<SoaEntryRow, 'applicable' | 'justification'>): boolean {
  return entry.applicable === null || !entry.justification.trim();
}

export function matchesSoaFilter(entry: SoaEntryRow, filter: SoaUrlFilter): boolean {
  if (filter.theme && entry.control.theme !== filter.theme) return false;
  if (filter.applicable === 'yes' && entry.applicable !== true) return false;
  if (filter.applicable === 'no' && entry.applicable !== false) return false;
  if (filter.applicable === 'undecided' && entry.applicable !== null) return false;
  if (filter.incomplete && !isIncomplete(entry)) return false;
  const search = filter.search.trim().toLowerCase();
  if (search && !`${entry.controlRef} ${entry.control.title} ${entry.justification}`.toLowerCase().includes(search)) return false;
  return true;
}

export function isSoaFiltered(filter: SoaUrlFilter): boolean {
  return !!filter.theme || !!filter.applicable || filter.incomplete || !!filter.search.trim();
}
