export type ManagementReviewStatus = 'PLANNED' | 'PACK_PREPARED' | 'HELD' | 'SUBMITTED' | 'SIGNED';
export type ManagementReviewInputKey =
  | 'PREVIOUS_ACTIONS'
  | 'CONTEXT_CHANGES'
  | 'NONCONFORMITIES'
  | 'MONITORING'
  | 'AUDIT_RESULTS'
  | 'OBJECTIVES'
  | 'INTERESTED_PARTY_FEEDBACK'
  | 'RISKS'
  | 'IMPROVEMENTS';

/** The steps of a review, in order. */
export const REVIEW_STEPS: readonly ManagementReviewStatus[] = ['PLANNED', 'PACK_PREPARED', 'HELD', 'SUBMITTED', 'SIGNED'];

export const REVIEW_STATUS_LABELS: Record<ManagementReviewStatus, string> = {
  PLANNED: 'Planned',
  PACK_PREPARED: 'Pack prepared',
  HELD: 'Held',
  SUBMITTED: 'Awaiting sign-off',
  SIGNED: 'Signed off',
};

export const REVIEW_STATUS_COLORS: Record<ManagementReviewStatus, string> = {
  PLANNED: 'gray',
  PACK_PREPARED: 'blue',
  HELD: 'indigo',
  SUBMITTED: 'orange',
  SIGNED: 'teal',
};

export const REVIEW_STATUS_DESCRIPTIONS: Record<ManagementReviewStatus, string> = {
  PLANNED: 'Scheduled. Prepare the pack: Annex assembles the inputs of clause 9.3.2 from your data.',
  PACK_PREPARED: 'The inputs are assembled. Hold the meeting, then record who attended, the minutes and the decisions.',
  HELD: 'The meeting took place. Make the decisions tracked tasks and ask management to sign the review off.',
  SUBMITTED: 'Management is asked to sign the review off: it cannot change meanwhile.',
  SIGNED: 'Signed off by management: the pack, minutes and decisions are frozen.',
};

export function isReviewStatus(value: unknown): value is ManagementReviewStatus {
  return typeof value === 'string' && (REVIEW_STEPS as readonly string[]).includes(value);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
