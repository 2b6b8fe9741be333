import { roleCan } from './actions.js';
import type { Role } from './roles.js';

export const TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Statuses in which a task still waits for work (and can be overdue). */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED'];

export interface TaskInvolvement {
  createdById: string;
  assigneeId: string | null;
  watcherIds?: readonly string[];
}

/**
 * A person, for the rules below: their id, or a test of whether an id is theirs (which lets a
 * caller see which people a rule asked about, to share its answer with everyone it is the same for).
 */
export type Person = string | ((userId: string | null) => boolean);

const is = (person: Person, userId: string | null): boolean => (typeof person === 'string' ? userId !== null && person === userId : person(userId));

function involved(person: Person, task: TaskInvolvement): boolean {
  return is(person, task.createdById) || is(person, task.assigneeId) || (task.watcherIds ?? []).some((id) => is(person, id));
}

/** Who sees a task: the team sees all; auditors and staff see the tasks they are involved in. */
export function canSeeTask(role: Role, person: Person, task: TaskInvolvement): boolean {
  return roleCan(role, 'task:readAll') || (roleCan(role, 'task:read') && involved(person, task));
}

/** Who edits a task: admins any; others with `task:update` only what they created or are assigned. */
export function canEditTask(role: Role, person: Person, task: TaskInvolvement): boolean {
  if (roleCan(role, 'task:updateAny')) return true;
  return roleCan(role, 'task:update') && (is(person, task.createdById) || is(person, task.assigneeId));
}

/** Who deletes a task: admins any; the team only what they created. */
export function canDeleteTask(role: Role, userId: string, task: TaskInvolvement): boolean {
  if (roleCan(role, 'task:updateAny')) return true;
  return roleCan(role, 'task:delete') && task.createdById === userId;
}

/** Overdue: still open after its due date (dates as YYYY-MM-DD, compared in UTC). */
export function isOverdue(task: { status: TaskStatus; dueDate: string | null }, today: string): boolean {
  return task.dueDate !== null && task.dueDate < today && OPEN_TASK_STATUSES.includes(task.status);
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
