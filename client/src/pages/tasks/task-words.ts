import type { ApprovalStatus, TaskPriority, TaskStatus } from './task-fragments';

export const TASK_STATUSES: readonly TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED'];
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED'];
export const TASK_PRIORITIES: readonly TaskPriority[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  DONE: 'Done',
  CANCELLED: 'Cancelled',
};

export const TASK_STATUS_COLORS: Record<TaskStatus, string> = {
  OPEN: 'gray',
  IN_PROGRESS: 'blue',
  BLOCKED: 'orange',
  DONE: 'teal',
  CANCELLED: 'dark',
};

export const TASK_PRIORITY_LABELS: Record<TaskPriority, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const TASK_PRIORITY_COLORS: Record<TaskPriority, string> = {
  LOW: 'gray',
  MEDIUM: 'indigo',
  HIGH: 'orange',
  CRITICAL: 'red',
};

export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  INVALIDATED: 'Invalidated',
  CANCELLED: 'Withdrawn',
};

export const APPROVAL_STATUS_COLORS: Record<ApprovalStatus, string> = {
  PENDING: 'yellow',
  APPROVED: 'teal',
  REJECTED: 'red',
  INVALIDATED: 'red',
  CANCELLED: 'gray',
};

export const APPROVAL_STATUS_DESCRIPTIONS: Record<ApprovalStatus, string> = {
  PENDING: 'Waiting for decisions.',
  APPROVED: 'The quorum approved exactly the content that was hashed.',
  REJECTED: 'An approver rejected it.',
  INVALIDATED: 'The content changed after the request: this approval does not cover the new content.',
  CANCELLED: 'Withdrawn by the requester, or the record was deleted.',
};

export function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);
}

export function isOpenStatus(status: TaskStatus): boolean {
  return OPEN_TASK_STATUSES.includes(status);
}
