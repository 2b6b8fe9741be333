import type { DocumentFilterInput } from '../../documents-operations';
import { isDocumentKind, isDocumentStatus, type DocumentKind, type DocumentStatus } from '../../document-words';

/** The register's filter as it stands in the address, so a view can be shared ("the overdue ones"). */
export interface DocumentUrlFilter {
  kind: DocumentKind | '';
  status: DocumentStatus | '';
  owner: string;
  search: string;
  reviewOverdue: boolean;
  /** An Annex A control (A.5.15): the documents that address it. */
  control: string;
  /** A mandatory document (MD-5.2): the documents tagged with it. */
  mandatory: string;
}

export type DocumentsTab = 'register' | 'mandatory' | 'consistency';
export type MandatoryShow = 'all' | 'missing' | 'satisfied';

export const NO_DOCUMENT_FILTER: DocumentUrlFilter = { kind: '', status: '', owner: '', search: '', reviewOverdue: false, control: '', mandatory: '' };

const TRUE = new Set(['1', 'true', 'yes']);
const FILTER_KEYS = ['kind', 'status', 'owner', 'search', 'overdue', 'control', 'mandatory'];

export function readDocumentUrlFilter(params: URLSearchParams): DocumentUrlFilter {
  const kind = (params.get('kind') ?? '').toUpperCase();
  const status = (params.get('status') ?? '').toUpperCase().replace('-', '_');
  const control = params.get('control') ?? '';
  const mandatory = params.get('mandatory') ?? '';
  return {
    kind: isDocumentKind(kind) ? kind : '',
    status: isDocumentStatus(status) ? status : '',
    owner: params.get('owner') ?? '',
    search: params.get('search') ?? '',
    reviewOverdue: TRUE.has((params.get('overdue') ?? '').toLowerCase()),
    control: /^A\.[5-8]\.\d{1,2}$/.test(control) ? control : '',
    mandatory: /^MD-[A-Za-z0-9.-]{1,20}$/.test(mandatory) ? mandatory : '',
  };
}

export function readDocumentsTab(params: URLSearchParams): DocumentsTab {
  const tab = params.get('tab');
  return tab === 'mandatory' || tab === 'consistency' ? tab : 'register';
}

export function readMandatoryShow(params: URLSearchParams): MandatoryShow {
  const show = params.get('show');
  return show === 'missing' || show === 'satisfied' ? show : 'all';
}

/** The address with this filter, keeping whatever else it holds (the tab). */
export function writeDocumentFilter(params: URLSearchParams, filter: DocumentUrlFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_KEYS) next.delete(key);
  if (filter.kind) next.set('kind', filter.kind);
  if (filter.status) next.set('status', filter.status);
  if (filter.owner) next.set('owner', filter.owner);
  if (filter.search.trim()) next.set('search', filter.search.trim());
  if (filter.reviewOverdue) next.set('overdue', '1');
  if (filter.control) next.set('control', filter.control);
  if (filter.mandatory) next.set('mandatory', filter.mandatory);
  return next;
}

export function writeDocumentsTab(params: URLSearchParams, tab: DocumentsTab): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('tab');
  next.delete('show');
  if (tab !== 'register') next.set('tab', tab);
  return next;
}

export function writeMandatoryShow(params: URLSearchParams, show: MandatoryShow): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('show');
  if (show !== 'all') next.set('show', show);
  return next;
}

export function toDocumentFilterInput(filter: DocumentUrlFilter): DocumentFilterInput {
  return {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.owner ? { ownerId: filter.owner } : {}),
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.reviewOverdue ? { reviewOverdue: true } : {}),
    ...(filter.control ? { controlRef: filter.control } : {}),
    ...(filter.mandatory ? { mandatoryRef: filter.mandatory } : {}),
  };
}

export function isDocumentFiltered(filter: DocumentUrlFilter): boolean {
  return !!filter.kind || !!filter.status || !!filter.owner || !!filter.search.trim() || filter.reviewOverdue || !!filter.control || !!filter.mandatory;
}
