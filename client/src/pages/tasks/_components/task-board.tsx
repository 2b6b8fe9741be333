import { NetworkStatus } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { ActionIcon, Badge, Button, Group, Menu, Paper, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsMove, IconListCheck } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { DueDate } from '../../../components/due-date';
import { PersonAvatar } from '../../../components/person-avatar';
import { useCurrentOrganization } from '../../../organization/organization-context';
import type { TaskRow, TaskStatus } from '../task-fragments';
import { TASK_BOARD_COLUMN_QUERY, useMoveTask, type TaskFilterInput } from '../task-operations';
import { OPEN_TASK_STATUSES, TASK_STATUSES, TASK_STATUS_COLORS, TASK_STATUS_LABELS, isOpenStatus } from '../task-words';
import { TaskPriorityBadge } from './task-badges';

const DEFAULT_COLUMNS: readonly TaskStatus[] = [...OPEN_TASK_STATUSES, 'DONE'];
const COLUMN_SIZE = 50;
const DRAG_TYPE = 'application/x-annex-task';

interface TaskBoardProps {
  /** The filters apart from status; the statuses chosen pick the columns. */
  filter: TaskFilterInput;
  statuses: TaskStatus[];
  onOpen(taskId: string): void;
}

interface Dragged {
  id: string;
  version: number;
  status: TaskStatus;
  title: string;
}

/** The tasks as columns by status; moving a card (drag, or its Move menu) changes its status. */
export function TaskBoard({ filter, statuses, onOpen }: TaskBoardProps) {
  const columns = statuses.length ? TASK_STATUSES.filter((s) => statuses.includes(s)) : DEFAULT_COLUMNS;
  const client = useApolloClient();
  const [moveTask] = useMoveTask();
  /** Cards moved here a moment ago, shown in their new column until it has reloaded. */
  const [arriving, setArriving] = useState<Record<string, TaskRow>>({});

  const move = async (task: TaskRow, to: TaskStatus) => {
    if (task.status === to) return;
    setArriving((current) => ({ ...current, [task.id]: { ...task, status: to } }));
    try {
      await moveTask({
        variables: { input: { id: task.id, version: task.version, status: to } },
        optimisticResponse: { updateTask: { task: { ...task, __typename: 'Task', status: to, version: task.version + 1 } } },
      });
    } catch (e) {
      const error = readApiError(e);
      if (error.code === 'CONFLICT') {
        void client.refetchQueries({ include: ['TaskBoardColumn'] }).catch(() => undefined);
        notifications.show({
          color: 'orange',
          title: 'Changed by someone else — reload',
          message: `“${task.title}” was changed by someone else a moment ago, so it was not moved. The board now shows the latest version: check it and move it again if needed.`,
          autoClose: 10000,
        });
      } else {
        notifications.show({ color: 'red', title: `“${task.title}” was not moved`, message: error.message });
      }
    } finally {
      setArriving(({ [task.id]: _done, ...rest }) => rest);
    }
  };

  return (
    <ScrollArea type="auto" offsetScrollbars>
      <SimpleGrid cols={columns.length} spacing="md" miw={columns.length * 260} style={{ alignItems: 'start' }}>
        {columns.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            filter={{ ...filter, status: [status] }}
            arriving={Object.values(arriving).filter((t) => t.status === status)}
            onOpen={onOpen}
            onMove={(task, to) => void move(task, to)}
            columns={columns}
          />
        ))}
      </SimpleGrid>
    </ScrollArea>
  );
}

interface BoardColumnProps {
  status: TaskStatus;
  filter: TaskFilterInput;
  arriving: TaskRow[];
  columns: readonly TaskStatus[];
  onOpen(taskId: string): void;
  onMove(task: TaskRow, to: TaskStatus): void;
}

function BoardColumn({ status, filter, arriving, columns, onOpen, onMove }: BoardColumnProps) {
  const { organization } = useCurrentOrganization();
  const [over, setOver] = useState(false);
  const { data, fetchMore, networkStatus } = useQuery(TASK_BOARD_COLUMN_QUERY, {
    variables: { id: organization.id, first: COLUMN_SIZE, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.organization?.tasks;
  // A card whose status just changed (live or optimistic) leaves this column at once.
  const fetched = (connection?.edges.map((e) => e.node) ?? []).filter((t) => t.status === status);
  const tasks = [...arriving.filter((a) => !fetched.some((t) => t.id === a.id)), ...fetched];
  const taskById = new Map(tasks.map((t) => [t.id, t]));

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const raw = event.dataTransfer.getData(DRAG_TYPE);
    if (!raw) return;
    const dragged = JSON.parse(raw) as Dragged & { task: TaskRow };
    if (dragged.status !== status && !taskById.has(dragged.id)) onMove(dragged.task, status);
  };

  return (
    <Paper
      component="section"
      aria-label={`${TASK_STATUS_LABELS[status]} column`}
      bg={over ? 'indigo.0' : 'gray.1'}
      p="sm"
      withBorder={over}
      style={{ minHeight: 240, transition: 'background-color 120ms' }}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap={8}>
          <Badge color={TASK_STATUS_COLORS[status]} variant="filled" size="sm" radius="xl" w={10} h={10} p={0} aria-hidden />
          <Text fw={600} size="sm">
            {TASK_STATUS_LABELS[status]}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" aria-label={`${connection?.totalCount ?? 0} tasks`}>
          {connection ? connection.totalCount : '…'}
        </Text>
      </Group>
      <Stack gap="xs">
        {tasks.map((task) => (
          <BoardCard key={task.id} task={task} columns={columns} onOpen={onOpen} onMove={onMove} />
        ))}
        {connection && tasks.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="lg">
            {isOpenStatus(status) ? 'Nothing here. Drop a card to move it.' : 'No tasks.'}
          </Text>
        ) : null}
        {connection?.pageInfo.hasNextPage ? (
          <Button
            size="xs"
            variant="subtle"
            loading={networkStatus === NetworkStatus.fetchMore}
            onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
          >
            Show more ({connection.totalCount - connection.edges.length} left)
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}

function BoardCard({ task, columns, onOpen, onMove }: { task: TaskRow; columns: readonly TaskStatus[]; onOpen(id: string): void; onMove(task: TaskRow, to: TaskStatus): void }) {
  const flash = useLiveHighlightClass(task.id);
  const done = task.checklist.filter((i) => i.done).length;
  const targets = TASK_STATUSES.filter((s) => s !== task.status);
  return (
    <Paper
      withBorder
      p="sm"
      shadow="xs"
      className={flash}
      data-task-id={task.id}
      draggable={task.viewerCanEdit}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ id: task.id, version: task.version, status: task.status, title: task.title, task }));
        event.dataTransfer.effectAllowed = 'move';
      }}
      style={{ cursor: task.viewerCanEdit ? 'grab' : 'pointer', borderLeft: task.overdue ? '3px solid var(--mantine-color-red-7)' : undefined }}
      onClick={(event) => {
        // The Move menu (rendered in a portal, but its clicks bubble here through React) does not open the task.
        if ((event.target as HTMLElement).closest('[data-card-menu]')) return;
        onOpen(task.id);
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text
            component="button"
            type="button"
            size="sm"
            fw={500}
            ta="left"
            lineClamp={3}
            style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', color: 'inherit', font: 'inherit', fontWeight: 500 }}
            onClick={(event) => {
              event.stopPropagation();
              onOpen(task.id);
            }}
          >
            {task.title}
          </Text>
          {task.viewerCanEdit ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move “${task.title}”`} title="Move to another column" data-card-menu>
                  <IconArrowsMove size={14} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown data-card-menu>
                <Menu.Label>Move to</Menu.Label>
                {targets.map((status) => (
                  <Menu.Item key={status} onClick={() => onMove(task, status)}>
                    {TASK_STATUS_LABELS[status]}
                    {columns.includes(status) ? '' : ' (hidden column)'}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Group gap={6} wrap="nowrap">
            <TaskPriorityBadge priority={task.priority} size="xs" />
            {task.checklist.length > 0 ? (
              <Group gap={2} wrap="nowrap" c="dimmed">
                <IconListCheck size={12} aria-hidden />
                <Text size="xs" c="inherit">
                  {done}/{task.checklist.length}
                </Text>
              </Group>
            ) : null}
          </Group>
          {task.assignee ? <PersonAvatar name={task.assignee.name} size={22} /> : null}
        </Group>
        {task.dueDate ? <DueDate value={task.dueDate} overdue={task.overdue} finished={!isOpenStatus(task.status)} size="xs" /> : null}
      </Stack>
    </Paper>
  );
}
