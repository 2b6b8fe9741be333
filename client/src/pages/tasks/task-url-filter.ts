import type { TaskStatus } from './task-fragments';
import type { TaskFilterInput } from './task-operations';
import { TASK_STATUSES, isTaskStatus } from './task-words';

/** The tasks filter as it stands in the address, so a view can be bookmarked and shared. */
export interface TaskUrlFilter {
  status: TaskStatus[];
  assignee: string;
  overdue: boolean;
  search: string;
}

export type TaskView = 'list' | 'board';

const TRUE = new Set(['1', 'true', 'yes']);

export function readTaskUrlFilter(params: URLSearchParams): TaskUrlFilter {
  // `status=OPEN,BLOCKED` or `status=OPEN&status=BLOCKED`
  const statuses = params
    .getAll('status')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase())
    .filter(isTaskStatus);
  return {
    status: TASK_STATUSES.filter((s) => statuses.includes(s)),
    assignee: params.get('assignee') ?? params.get('assigneeId') ?? '',
    overdue: TRUE.has((params.get('overdue') ?? '').toLowerCase()),
    search: params.get('search') ?? params.get('q') ?? '',
  };
}

export function readTaskView(params: URLSearchParams): TaskView {
  return params.get('view') === 'board' ? 'board' : 'list';
}

/** The address with this filter and view, keeping whatever else it holds (the open task). */
export function writeTaskUrl(params: URLSearchParams, filter: TaskUrlFilter, view: TaskView): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['status', 'assignee', 'assigneeId', 'overdue', 'search', 'q', 'view']) next.delete(key);
  if (view === 'board') next.set('view', 'board');
  if (filter.status.length) next.set('status', filter.status.join(','));
  if (filter.assignee) next.set('assignee', filter.assignee);
  if (filter.overdue) next.set('overdue', '1');
  if (filter.search.trim()) next.set('search', filter.search.trim());
  return next;
}

export function toTaskFilterInput(filter: TaskUrlFilter): TaskFilterInput {
  return {
    ...(filter.status.length ? { status: filter.status } : {}),
    ...(filter.assignee ? { assigneeId: filter.assignee } : {}),
    ...(filter.overdue ? { overdue: true } : {}),
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
  };
}

export function isFiltered(filter: TaskUrlFilter): boolean {
  return filter.status.length > 0 || !!filter.assignee || filter.overdue || !!filter.search.trim();
}
