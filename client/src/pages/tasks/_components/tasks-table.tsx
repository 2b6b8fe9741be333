import { Anchor, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { DueDate } from '../../../components/due-date';
import { PersonLabel } from '../../../components/person-avatar';
import { RelativeTime } from '../../../components/relative-time';
import type { TaskRow } from '../task-fragments';
import { isOpenStatus } from '../task-words';
import { TaskPriorityBadge, TaskStatusBadge } from './task-badges';

interface TasksTableProps {
  tasks: TaskRow[];
  selectedId: string | null;
  onOpen(taskId: string): void;
}

export function TasksTable({ tasks, selectedId, onOpen }: TasksTableProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Task</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={110}>Priority</Table.Th>
            <Table.Th w={190}>Assignee</Table.Th>
            <Table.Th w={170}>Due</Table.Th>
            <Table.Th w={150}>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <TaskTableRow key={task.id} task={task} selected={task.id === selectedId} onOpen={onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TaskTableRow({ task, selected, onOpen }: { task: TaskRow; selected: boolean; onOpen(id: string): void }) {
  const flash = useLiveHighlightClass(task.id);
  const done = task.checklist.filter((item) => item.done).length;
  return (
    <Table.Tr
      className={flash}
      data-task-id={task.id}
      bg={selected ? 'indigo.0' : undefined}
      onClick={() => onOpen(task.id)}
      style={{ cursor: 'pointer' }}
    >
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor
            component="button"
            type="button"
            fw={500}
            c="dark.8"
            ta="left"
            lineClamp={2}
            onClick={(event) => {
              event.stopPropagation();
              onOpen(task.id);
            }}
          >
            {task.title}
          </Anchor>
          {task.checklist.length > 0 ? (
            <Tooltip label={`${done} of ${task.checklist.length} checklist items done`}>
              <Group gap={2} wrap="nowrap" c={done === task.checklist.length ? 'teal.8' : 'dimmed'}>
                <IconListCheck size={14} aria-hidden />
                <Text size="xs" c="inherit">
                  {done}/{task.checklist.length}
                </Text>
              </Group>
            </Tooltip>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <TaskStatusBadge status={task.status} />
      </Table.Td>
      <Table.Td>
        <TaskPriorityBadge priority={task.priority} />
      </Table.Td>
      <Table.Td>
        <PersonLabel person={task.assignee} />
      </Table.Td>
      <Table.Td>
        <DueDate value={task.dueDate} overdue={task.overdue} finished={!isOpenStatus(task.status)} none="—" />
      </Table.Td>
      <Table.Td>
        <RelativeTime value={task.updatedAt} c="dimmed" style={{ whiteSpace: 'nowrap' }} />
      </Table.Td>
    </Table.Tr>
  );
}
