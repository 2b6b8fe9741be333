export type AuditKind = 'INTERNAL' | 'STAGE1' | 'STAGE2' | 'SURVEILLANCE' | 'RECERTIFICATION' | 'SPECIAL';
export type AuditStatus = 'PLANNED' | 'IN_PROGRESS' | 'REPORTING' | 'CLOSED';
export type FindingKind = 'MAJOR_NONCONFORMITY' | 'MINOR_NONCONFORMITY' | 'OBSERVATION' | 'OPPORTUNITY_FOR_IMPROVEMENT';
export type EvidenceRequestStatus = 'OPEN' | 'ANSWERED' | 'RETURNED' | 'ACCEPTED';
export type CorrectiveActionStatus = 'OPEN' | 'IN_PROGRESS' | 'IMPLEMENTED' | 'VERIFIED';
export type RootCauseMethod = 'FIVE_WHYS' | 'CAUSE_CATEGORIES' | 'OTHER';
export type ChecklistVerdict = 'CONFORMS' | 'OBSERVATION' | 'MINOR_NC' | 'MAJOR_NC' | 'NOT_APPLICABLE' | 'NOT_CHECKED';

export const AUDIT_KINDS: readonly AuditKind[] = ['INTERNAL', 'STAGE1', 'STAGE2', 'SURVEILLANCE', 'RECERTIFICATION', 'SPECIAL'];
export const AUDIT_STATUSES: readonly AuditStatus[] = ['PLANNED', 'IN_PROGRESS', 'REPORTING', 'CLOSED'];
export const FINDING_KINDS: readonly FindingKind[] = [
  'MAJOR_NONCONFORMITY',
  'MINOR_NONCONFORMITY',
  'OBSERVATION',
  'OPPORTUNITY_FOR_IMPROVEMENT',
];
export const EVIDENCE_REQUEST_STATUSES: readonly EvidenceRequestStatus[] = ['OPEN', 'ANSWERED', 'RETURNED', 'ACCEPTED'];
export const CORRECTIVE_ACTION_STATUSES: readonly CorrectiveActionStatus[] = ['OPEN', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED'];
export const ROOT_CAUSE_METHODS: readonly RootCauseMethod[] = ['FIVE_WHYS', 'CAUSE_CATEGORIES', 'OTHER'];
export const CHECKLIST_VERDICTS: readonly ChecklistVerdict[] = [
  'CONFORMS',
  'OBSERVATION',
  'MINOR_NC',
  'MAJOR_NC',
  'NOT_APPLICABLE',
  'NOT_CHECKED',
];

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  INTERNAL: 'Internal audit',
  STAGE1: 'Stage 1',
  STAGE2: 'Stage 2',
  SURVEILLANCE: 'Surveillance',
  RECERTIFICATION: 'Recertification',
  SPECIAL: 'Special audit',
};

export const AUDIT_KIND_COLORS: Record<AuditKind, string> = {
  INTERNAL: 'grape',
  STAGE1: 'indigo',
  STAGE2: 'blue',
  SURVEILLANCE: 'cyan',
  RECERTIFICATION: 'violet',
  SPECIAL: 'orange',
};

export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  REPORTING: 'Reporting',
  CLOSED: 'Closed',
};

export const AUDIT_STATUS_COLORS: Record<AuditStatus, string> = {
  PLANNED: 'gray',
  IN_PROGRESS: 'blue',
  REPORTING: 'yellow',
  CLOSED: 'teal',
};

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  MAJOR_NONCONFORMITY: 'Major nonconformity',
  MINOR_NONCONFORMITY: 'Minor nonconformity',
  OBSERVATION: 'Observation',
  OPPORTUNITY_FOR_IMPROVEMENT: 'Opportunity for improvement',
};

/** Short forms for counts and tight places. */
export const FINDING_KIND_SHORT_LABELS: Record<FindingKind, string> = {
  MAJOR_NONCONFORMITY: 'Major NC',
  MINOR_NONCONFORMITY: 'Minor NC',
  OBSERVATION: 'Observation',
  OPPORTUNITY_FOR_IMPROVEMENT: 'OFI',
};

export const FINDING_KIND_COLORS: Record<FindingKind, string> = {
  MAJOR_NONCONFORMITY: 'red',
  MINOR_NONCONFORMITY: 'orange',
  OBSERVATION: 'yellow',
  OPPORTUNITY_FOR_IMPROVEMENT: 'blue',
};

export const EVIDENCE_REQUEST_STATUS_LABELS: Record<EvidenceRequestStatus, string> = {
  OPEN: 'Open',
  ANSWERED: 'Answered',
  RETURNED: 'Returned',
  ACCEPTED: 'Accepted',
};

export const EVIDENCE_REQUEST_STATUS_COLORS: Record<EvidenceRequestStatus, string> = {
  OPEN: 'gray',
  ANSWERED: 'blue',
  RETURNED: 'orange',
  ACCEPTED: 'teal',
};

export const CORRECTIVE_ACTION_STATUS_LABELS: Record<CorrectiveActionStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  IMPLEMENTED: 'Implemented',
  VERIFIED: 'Verified',
};

export const CORRECTIVE_ACTION_STATUS_COLORS: Record<CorrectiveActionStatus, string> = {
  OPEN: 'gray',
  IN_PROGRESS: 'blue',
  IMPLEMENTED: 'yellow',
  VERIFIED: 'teal',
};

export const ROOT_CAUSE_METHOD_LABELS: Record<RootCauseMethod, string> = {
  FIVE_WHYS: '5 whys',
  CAUSE_CATEGORIES: 'Cause categories (fishbone)',
  OTHER: 'Other',
};

export const CHECKLIST_VERDICT_LABELS: Record<ChecklistVerdict, string> = {
  CONFORMS: 'Conforms',
  OBSERVATION: 'Observation',
  MINOR_NC: 'Minor NC',
  MAJOR_NC: 'Major NC',
  NOT_APPLICABLE: 'Not applicable',
  NOT_CHECKED: 'Not checked',
};

export const CHECKLIST_VERDICT_COLORS: Record<ChecklistVerdict, string> = {
  CONFORMS: 'teal',
  OBSERVATION: 'yellow',
  MINOR_NC: 'orange',
  MAJOR_NC: 'red',
  NOT_APPLICABLE: 'gray',
  NOT_CHECKED: 'gray',
};

export function isAuditKind(value: unknown): value is AuditKind {
  return typeof value === 'string' && (AUDIT_KINDS as readonly string[]).includes(value);
}

export function isAuditStatus(value: unknown): value is AuditStatus {
  return typeof value === 'string' && (AUDIT_STATUSES as readonly string[]).includes(value);
}

export function isChecklistVerdict(value: unknown): value is ChecklistVerdict {
  return typeof value === 'string' && (CHECKLIST_VERDICTS as readonly string[]).includes(value);
}
