export type DocumentKind = 'POLICY' | 'PROCEDURE' | 'STANDARD' | 'PLAN' | 'RECORD' | 'OTHER';
export type DocumentFormat = 'RICH_TEXT' | 'FILE';
export type DocumentStatus = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED';
export type DocumentVersionStatus = 'PENDING_APPROVAL' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'PUBLISHED' | 'SUPERSEDED';
export type Classification = 'PUBLIC' | 'INTERNAL' | 'CONFIDENTIAL' | 'RESTRICTED';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['POLICY', 'PROCEDURE', 'STANDARD', 'PLAN', 'RECORD', 'OTHER'];
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'];
export const CLASSIFICATIONS: readonly Classification[] = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  POLICY: 'Policy',
  PROCEDURE: 'Procedure',
  STANDARD: 'Standard',
  PLAN: 'Plan',
  RECORD: 'Record',
  OTHER: 'Other',
};

export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = {
  RICH_TEXT: 'Written in Annex',
  FILE: 'Uploaded file',
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  PUBLISHED: 'Published',
};

export const DOCUMENT_STATUS_DESCRIPTIONS: Record<DocumentStatus, string> = {
  DRAFT: 'Being written: nothing awaits approval and no version is published yet.',
  IN_REVIEW: 'A version awaits approval.',
  APPROVED: 'A version is approved and awaits publication.',
  PUBLISHED: 'A version is published and nothing newer awaits approval.',
};

export const DOCUMENT_STATUS_COLORS: Record<DocumentStatus, string> = {
  DRAFT: 'gray',
  IN_REVIEW: 'yellow',
  APPROVED: 'blue',
  PUBLISHED: 'teal',
};

export const VERSION_STATUS_LABELS: Record<DocumentVersionStatus, string> = {
  PENDING_APPROVAL: 'Awaiting approval',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
  PUBLISHED: 'Published',
  SUPERSEDED: 'Superseded',
};

export const VERSION_STATUS_DESCRIPTIONS: Record<DocumentVersionStatus, string> = {
  PENDING_APPROVAL: 'Submitted; the approvers have not all decided.',
  APPROVED: 'Approved for exactly this content; may be published.',
  REJECTED: 'An approver rejected it.',
  WITHDRAWN: 'The draft changed after submission (or the request was cancelled): the approval lapsed.',
  PUBLISHED: 'The current published version.',
  SUPERSEDED: 'Was published; a newer version replaced it.',
};

export const VERSION_STATUS_COLORS: Record<DocumentVersionStatus, string> = {
  PENDING_APPROVAL: 'yellow',
  APPROVED: 'blue',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
  PUBLISHED: 'teal',
  SUPERSEDED: 'gray',
};

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  PUBLIC: 'Public',
  INTERNAL: 'Internal',
  CONFIDENTIAL: 'Confidential',
  RESTRICTED: 'Restricted',
};

export const CLASSIFICATION_COLORS: Record<Classification, string> = {
  PUBLIC: 'teal',
  INTERNAL: 'blue',
  CONFIDENTIAL: 'orange',
  RESTRICTED: 'red',
};

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export function isDocumentStatus(value: unknown): value is DocumentStatus {
  return typeof value === 'string' && (DOCUMENT_STATUSES as readonly string[]).includes(value);
}
