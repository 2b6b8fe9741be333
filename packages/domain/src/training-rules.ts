import { addDays, addMonths } from './document-rules.js';
import type { Role } from './roles.js';

/**
 * Training and awareness (clauses 7.2 competence, 7.3 awareness): the status of one person's
 * assignment to one course, computed from dates only, and coverage over many of them.
 */

/**
 * - `ASSIGNED`: to do, the due date is more than the notice period away.
 * - `DUE_SOON`: to do, due within the notice period (or today).
 * - `OVERDUE`: never completed (or only before it expired… see EXPIRED) and past the due date.
 * - `COMPLETED`: completed and current.
 * - `EXPIRING_SOON`: completed and current, but the refresher falls due within the notice period.
 * - `EXPIRED`: completed once, but the refresher interval has passed: to be done again.
 */
export const TRAINING_STATUSES = ['ASSIGNED', 'DUE_SOON', 'OVERDUE', 'COMPLETED', 'EXPIRING_SOON', 'EXPIRED'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** Reminders go out this many days before a course (or its refresher) falls due. */
export const TRAINING_NOTICE_DAYS = 14;
/** Someone who joins a role that a course is assigned to gets at least this long to complete it. */
export const TRAINING_JOINER_DAYS = 30;
export const REFRESHER_MONTHS_MIN = 1;
export const REFRESHER_MONTHS_MAX = 60;
export const COURSE_DURATION_MAX_MINUTES = 24 * 60;

/** The statuses in which a person's training counts as done (not expired). */
export function isTrainingCurrent(status: TrainingStatus): boolean {
  return status === 'COMPLETED' || status === 'EXPIRING_SOON';
}

/** The statuses in which a person is late: never done after the due date, or the refresher lapsed. */
export function isTrainingLate(status: TrainingStatus): boolean {
  return status === 'OVERDUE' || status === 'EXPIRED';
}

/** When a completion stops counting: the refresher interval after it, or never for a one-off course. */
export function trainingExpiry(completedOn: string, refresherMonths: number | null): string | null {
  return refresherMonths ? addMonths(completedOn, refresherMonths) : null;
}

export interface TrainingState {
  /** The assignment's due date (for the first completion). */
  dueDate: string;
  /** The latest completion, if any. */
  completedOn: string | null;
  /** When that completion expires (null: never). */
  expiresOn: string | null;
}

/**
 * The status of one person's assignment on `today`. A completion counts until the day before it
 * expires; an assignment is overdue the day after its due date.
 */
export function trainingStatus(state: TrainingState, today: string, noticeDays = TRAINING_NOTICE_DAYS): TrainingStatus {
  const notice = addDays(today, noticeDays);
  if (state.completedOn) {
    if (state.expiresOn !== null && state.expiresOn <= today) return 'EXPIRED';
    if (state.expiresOn !== null && state.expiresOn <= notice) return 'EXPIRING_SOON';
    return 'COMPLETED';
  }
  if (state.dueDate < today) return 'OVERDUE';
  if (state.dueDate <= notice) return 'DUE_SOON';
  return 'ASSIGNED';
}

/** The date the person must (again) complete the course by; null when done for good. */
export function trainingNextDueOn(state: TrainingState): string | null {
  if (state.completedOn) return state.expiresOn;
  return state.dueDate;
}

/**
 * The reminder a status calls for, as a key that changes with each new state (and date): the
 * reminder job sends one message per key, so nobody is reminded twice of the same thing.
 */
export function trainingReminderKey(status: TrainingStatus, state: TrainingState): string | null {
  if (status === 'ASSIGNED' || status === 'COMPLETED') return null;
  return `${status}:${trainingNextDueOn(state) ?? ''}`;
}

/**
 * A person who joins a role the course is assigned to: the role's due date, but never less than
 * `TRAINING_JOINER_DAYS` from the day they join.
 */
export function joinerDueDate(roleDueDate: string, joinedOn: string, joinerDays = TRAINING_JOINER_DAYS): string {
  const earliest = addDays(joinedOn, joinerDays);
  return roleDueDate > earliest ? roleDueDate : earliest;
}

export interface TrainingCoverageCounts {
  /** Person × course assignments in force. */
  assigned: number;
  /** Completed and not expired. */
  current: number;
  /** Late: past the due date without a completion, or the refresher lapsed. */
  overdue: number;
  /** Of the overdue, those whose completion expired. */
  expired: number;
  /** Due (or the refresher due) within the notice period. */
  dueSoon: number;
  /** current / assigned, or null when nothing is assigned. */
  ratio: number | null;
}

/** Counts a set of assignment statuses. */
export function trainingCoverage(statuses: readonly TrainingStatus[]): TrainingCoverageCounts {
  let current = 0;
  let overdue = 0;
  let expired = 0;
  let dueSoon = 0;
  for (const status of statuses) {
    if (isTrainingCurrent(status)) current += 1;
    if (isTrainingLate(status)) overdue += 1;
    if (status === 'EXPIRED') expired += 1;
    if (status === 'DUE_SOON' || status === 'EXPIRING_SOON') dueSoon += 1;
  }
  return { assigned: statuses.length, current, overdue, expired, dueSoon, ratio: statuses.length ? current / statuses.length : null };
}

/** Coverage grouped by a key (a course, a role), in the order the keys first appear. */
export function trainingCoverageBy<K>(rows: ReadonlyArray<{ key: K; status: TrainingStatus }>): Map<K, TrainingCoverageCounts> {
  const groups = new Map<K, TrainingStatus[]>();
  for (const row of rows) {
    const list = groups.get(row.key);
    if (list) list.push(row.status);
    else groups.set(row.key, [row.status]);
  }
  return new Map([...groups].map(([key, statuses]) => [key, trainingCoverage(statuses)]));
}

/** Roles as assigned to a course: each at most once, in the canonical order. */
export function normalizeRoles(roles: readonly Role[], known: readonly Role[]): Role[] {
  const set = new Set(roles);
  return known.filter((role) => set.has(role));
}

/** Whether a text is an http(s) address a browser can open. */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?([/?#][^\s]*)?$/i.test(value);
}
