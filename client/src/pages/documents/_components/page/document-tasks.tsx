import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DueDate } from '../../../../components/due-date';
import { PersonLabel } from '../../../../components/person-avatar';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { OPEN_TASK_STATUSES, TASK_STATUS_COLORS, TASK_STATUS_LABELS } from '../../../tasks/task-words';
import type { DocumentTaskRow } from '../../document-operations';

/** The work about this document (reviews, acknowledgements, writing), open first. */
export function DocumentTasks({ tasks }: { tasks: readonly DocumentTaskRow[] }) {
  const { organization, can } = useCurrentOrganization();
  const open = tasks.filter((t) => OPEN_TASK_STATUSES.includes(t.status));
  const closed = tasks.filter((t) => !OPEN_TASK_STATUSES.includes(t.status));
  const shown = [...open, ...closed].slice(0, 5);
  const canOpen = can('task:read');

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz={16}>
            Tasks{open.length ? ` (${open.length} open)` : ''}
          </Title>
        </Group>
        {tasks.length === 0 ? (
          <Group gap="xs" wrap="nowrap">
            <IconChecklist size={18} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text size="sm" c="dimmed">
              No tasks about this document. Reviews and acknowledgements raise them here.
            </Text>
          </Group>
        ) : (
          <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Tasks about this document">
            {shown.map((task) => {
              const done = !OPEN_TASK_STATUSES.includes(task.status);
              return (
                <li key={task.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '8px 0' }}>
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                      {canOpen ? (
                        <Anchor component={Link} to={`/o/${organization.id}/tasks?task=${encodeURIComponent(task.id)}`} size="sm" fw={500} c={done ? 'dimmed' : undefined} lineClamp={2}>
                          {task.title}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={500} lineClamp={2}>
                          {task.title}
                        </Text>
                      )}
                      <Badge size="sm" variant="light" color={TASK_STATUS_COLORS[task.status]} style={{ flexShrink: 0 }}>
                        {TASK_STATUS_LABELS[task.status]}
                      </Badge>
                    </Group>
                    <Group gap="md" wrap="wrap">
                      <PersonLabel person={task.assignee} />
                      <DueDate value={task.dueDate} overdue={task.overdue} finished={done} size="xs" />
                    </Group>
                  </Stack>
                </li>
              );
            })}
          </Stack>
        )}
        {tasks.length > shown.length ? (
          <Text size="xs" c="dimmed">
            And {tasks.length - shown.length} more.
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
