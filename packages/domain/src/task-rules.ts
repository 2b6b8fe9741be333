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

function involved(userId: string, task: TaskInvolvement): boolean {
  return task.createdById === userId || task.assigneeId === userId || (task.watcherIds ?? []).includes(userId);
}

/** Who sees a task: the team sees all; auditors and staff see the tasks they are involved in. */
export function canSeeTask(role: Role, userId: string, task: TaskInvolvement): boolean {
  return roleCan(role, 'task:readAll') || (roleCan(role, 'task:read') && involved(userId, task));
}

/** Who edits a task: admins any; others with `task:update` only what they created or are assigned. */
export function canEditTask(role: Role, userId: string, task: TaskInvolvement): boolean {
  if (roleCan(role, 'task:updateAny')) return true;
  return roleCan(role, 'task:update') && (task.createdById === userId || task.assigneeId === userId);
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
