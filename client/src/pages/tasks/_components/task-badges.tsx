import { Badge, type BadgeProps } from '@mantine/core';
import type { ApprovalStatus, TaskPriority, TaskStatus } from '../task-fragments';
import {
  APPROVAL_STATUS_COLORS,
  APPROVAL_STATUS_DESCRIPTIONS,
  APPROVAL_STATUS_LABELS,
  TASK_PRIORITY_COLORS,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_COLORS,
  TASK_STATUS_LABELS,
} from '../task-words';

/** Status as a coloured chip with words (never colour alone). */
export function TaskStatusBadge({ status, ...props }: { status: TaskStatus } & BadgeProps) {
  return (
    <Badge color={TASK_STATUS_COLORS[status]} {...props}>
      {TASK_STATUS_LABELS[status]}
    </Badge>
  );
}

export function TaskPriorityBadge({ priority, ...props }: { priority: TaskPriority } & BadgeProps) {
  return (
    <Badge color={TASK_PRIORITY_COLORS[priority]} variant={priority === 'CRITICAL' ? 'filled' : 'light'} {...props}>
      {TASK_PRIORITY_LABELS[priority]}
    </Badge>
  );
}

export function ApprovalStatusBadge({ status, ...props }: { status: ApprovalStatus } & BadgeProps) {
  return (
    <Badge color={APPROVAL_STATUS_COLORS[status]} title={APPROVAL_STATUS_DESCRIPTIONS[status]} {...props}>
      {APPROVAL_STATUS_LABELS[status]}
    </Badge>
  );
}
