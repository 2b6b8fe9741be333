import { addMonths } from './document-rules.js';

/**
 * Management reviews (ISO/IEC 27001:2022 clause 9.3). A review moves forward only:
 * PLANNED → PACK_PREPARED (its inputs assembled from live data) → HELD (the meeting took place)
 * → SUBMITTED (for management's sign-off through the approvals engine) → SIGNED (approved: frozen).
 * A rejected or withdrawn sign-off returns it to HELD.
 */
export const MANAGEMENT_REVIEW_STATUSES = ['PLANNED', 'PACK_PREPARED', 'HELD', 'SUBMITTED', 'SIGNED'] as const;
export type ManagementReviewStatus = (typeof MANAGEMENT_REVIEW_STATUSES)[number];

/** What is stored on the row; SIGNED is derived from the approval request of the submitted snapshot. */
export type StoredManagementReviewStatus = Exclude<ManagementReviewStatus, 'SIGNED'>;

/** The approval request's status as the approvals engine keeps it (see approval-rules). */
type SignOffStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'INVALIDATED' | 'CANCELLED';

export const MANAGEMENT_REVIEW_INPUT_KEYS = [
  'PREVIOUS_ACTIONS',
  'CONTEXT_CHANGES',
  'NONCONFORMITIES',
  'MONITORING',
  'AUDIT_RESULTS',
  'OBJECTIVES',
  'INTERESTED_PARTY_FEEDBACK',
  'RISKS',
  'IMPROVEMENTS',
] as const;
export type ManagementReviewInputKey = (typeof MANAGEMENT_REVIEW_INPUT_KEYS)[number];

export interface ManagementReviewInputDefinition {
  key: ManagementReviewInputKey;
  /** Where clause 9.3.2 asks for it. */
  clause: string;
  title: string;
  /** COMPUTED: assembled from live data when the pack is prepared; ENTERED: written by the people preparing it. */
  source: 'COMPUTED' | 'ENTERED';
}

/** The inputs clause 9.3.2 requires the review to consider, in the standard's order (a–g). */
export const MANAGEMENT_REVIEW_INPUTS: readonly ManagementReviewInputDefinition[] = [
  { key: 'PREVIOUS_ACTIONS', clause: '9.3.2 a', title: 'Status of actions from previous management reviews', source: 'COMPUTED' },
  { key: 'CONTEXT_CHANGES', clause: '9.3.2 b–c', title: 'Changes in internal and external issues and in the needs of interested parties', source: 'ENTERED' },
  { key: 'NONCONFORMITIES', clause: '9.3.2 d 1', title: 'Nonconformities and corrective actions', source: 'COMPUTED' },
  { key: 'MONITORING', clause: '9.3.2 d 2', title: 'Monitoring and measurement results', source: 'COMPUTED' },
  { key: 'AUDIT_RESULTS', clause: '9.3.2 d 3', title: 'Audit results', source: 'COMPUTED' },
  { key: 'OBJECTIVES', clause: '9.3.2 d 4', title: 'Fulfilment of information security objectives', source: 'COMPUTED' },
  { key: 'INTERESTED_PARTY_FEEDBACK', clause: '9.3.2 e', title: 'Feedback from interested parties', source: 'ENTERED' },
  { key: 'RISKS', clause: '9.3.2 f', title: 'Results of risk assessment and status of the risk treatment plan', source: 'COMPUTED' },
  { key: 'IMPROVEMENTS', clause: '9.3.2 g', title: 'Opportunities for continual improvement', source: 'COMPUTED' },
];

/** Management reviews are held at planned intervals; certification bodies expect one at least every 12 months. */
export const MANAGEMENT_REVIEW_INTERVAL_MONTHS = 12;

/** The status people see: a submitted review is SIGNED once its sign-off is approved, and HELD again when it is rejected or withdrawn. */
export function managementReviewStatus(stored: StoredManagementReviewStatus, signOff: SignOffStatus | null): ManagementReviewStatus {
  if (stored !== 'SUBMITTED') return stored;
  if (signOff === 'APPROVED') return 'SIGNED';
  if (signOff === 'PENDING') return 'SUBMITTED';
  return 'HELD';
}

/** Why a review's content may not change now, or null when it may. */
export type ManagementReviewLock = 'FROZEN' | 'AWAITING_SIGN_OFF';
export function managementReviewLock(status: ManagementReviewStatus): ManagementReviewLock | null {
  if (status === 'SIGNED') return 'FROZEN';
  if (status === 'SUBMITTED') return 'AWAITING_SIGN_OFF';
  return null;
}

/** The pack is assembled (and refreshed) until the review is submitted for sign-off. */
export function canPreparePack(status: ManagementReviewStatus): boolean {
  return status === 'PLANNED' || status === 'PACK_PREPARED' || status === 'HELD';
}

/** The meeting is recorded as held once the pack it discussed exists. */
export function canRecordMeeting(status: ManagementReviewStatus): boolean {
  return status === 'PACK_PREPARED' || status === 'HELD';
}

/** Only a review whose meeting was held goes to management for sign-off. */
export function canSubmitForSignOff(status: ManagementReviewStatus): boolean {
  return status === 'HELD';
}

/** The status after a change of the meeting record: recording the meeting date makes it HELD; clearing it, PACK_PREPARED again. */
export function statusAfterMeeting(current: StoredManagementReviewStatus, heldOn: string | null): StoredManagementReviewStatus {
  if (current !== 'PACK_PREPARED' && current !== 'HELD') return current;
  return heldOn ? 'HELD' : 'PACK_PREPARED';
}

/**
 * The clause 9.3.2 inputs still empty: computed ones until the pack is prepared, entered ones
 * while their text is blank. A review is submitted for sign-off only when none is missing.
 */
export function missingManagementReviewInputs(review: { packPrepared: boolean; contextChanges: string; interestedPartyFeedback: string }): ManagementReviewInputKey[] {
  return MANAGEMENT_REVIEW_INPUTS.filter((input) => {
    if (input.source === 'COMPUTED') return !review.packPrepared;
    const text = input.key === 'CONTEXT_CHANGES' ? review.contextChanges : review.interestedPartyFeedback;
    return text.trim() === '';
  }).map((input) => input.key);
}

/** The calendar quarter of a day, e.g. "2027-Q2". */
export function quarterOf(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The last `count` quarters up to and including today's, oldest first. */
export function recentQuarters(today: string, count: number): string[] {
  const quarters: string[] = [];
  for (let i = count - 1; i >= 0; i--) quarters.push(quarterOf(addMonths(`${today.slice(0, 7)}-01`, -3 * i)));
  return quarters;
}

/**
 * Where the pack's "since the last review" sections start: the day the previous review was held
 * (or scheduled, if not recorded), or 12 months before today when there is none.
 */
export function reviewPeriodStart(previous: { heldOn: string | null; scheduledOn: string } | null, today: string): string {
  if (!previous) return addMonths(today, -MANAGEMENT_REVIEW_INTERVAL_MONTHS);
  return previous.heldOn ?? previous.scheduledOn;
}

/** When the next review is due: 12 months after the last signed one was held, or now when there is none. */
export function nextManagementReviewDue(lastHeldOn: string | null, today: string): string {
  return lastHeldOn ? addMonths(lastHeldOn, MANAGEMENT_REVIEW_INTERVAL_MONTHS) : today;
}
