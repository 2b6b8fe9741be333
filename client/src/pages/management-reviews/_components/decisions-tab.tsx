import { ActionIcon, Alert, Anchor, Badge, Button, Group, Menu, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconListCheck, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { readApiError } from '../../../apollo/api-error';
import { DueDate } from '../../../components/due-date';
import { PersonLabel } from '../../../components/person-avatar';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { TaskStatusBadge } from '../../tasks/_components/task-badges';
import type { TaskStatus } from '../../tasks/task-fragments';
import { useAddDecision, useCreateTaskFromDecision, useDeleteDecision, useUpdateDecision, type DecisionRow, type ManagementReviewDetail } from '../management-review-operations';

interface DecisionDraft {
  text: string;
  ownerId: string | null;
  dueDate: string;
}

function DecisionForm({ initial, submitLabel, busy, error, onSubmit, onCancel }: { initial: DecisionDraft; submitLabel: string; busy: boolean; error: { field: string | null; message: string } | null; onSubmit(draft: DecisionDraft): void; onCancel?: () => void }) {
  const { options } = useMemberOptions();
  const [draft, setDraft] = useState(initial);
  const memberOptions = useMemo(() => options.map((m) => ({ value: m.value, label: m.label })), [options]);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <Stack gap="sm">
      {error && !['text', 'ownerId', 'dueDate'].includes(error.field ?? '') ? (
        <Alert color="red" variant="light" role="alert">
          {error.message}
        </Alert>
      ) : null}
      <Textarea label="Decision" placeholder="e.g. Approve the budget for log monitoring; connect the platform logs by the end of the quarter." autosize minRows={2} maxRows={8} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.currentTarget.value })} error={fieldError('text')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label="Owner" placeholder="Who carries it out" data={memberOptions} searchable clearable value={draft.ownerId} onChange={(v) => setDraft({ ...draft, ownerId: v })} error={fieldError('ownerId')} comboboxProps={{ withinPortal: true }} />
        <TextInput type="date" label="Due date" value={draft.dueDate} onChange={(e) => setDraft({ ...draft, dueDate: e.currentTarget.value })} error={fieldError('dueDate')} />
      </SimpleGrid>
      <Group justify="flex-end" gap="xs">
        {onCancel ? (
          <Button variant="default" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button size="sm" loading={busy} onClick={() => onSubmit(draft)} disabled={!draft.text.trim()}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}

function DecisionItem({ decision, index, editable, canTrack }: { decision: DecisionRow; index: number; editable: boolean; canTrack: boolean }) {
  const { organization } = useCurrentOrganization();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [updateDecision, { loading: updating }] = useUpdateDecision();
  const [deleteDecision, { loading: deleting }] = useDeleteDecision();
  const [createTask, { loading: tracking }] = useCreateTaskFromDecision();

  const save = async (draft: DecisionDraft) => {
    setError(null);
    try {
      await updateDecision({ variables: { input: { id: decision.id, version: decision.version, text: draft.text.trim(), ownerId: draft.ownerId, dueDate: draft.dueDate || null } } });
      setEditing(false);
    } catch (e) {
      const { field, message } = readApiError(e);
      setError({ field, message });
    }
  };

  const track = async () => {
    try {
      const { data } = await createTask({ variables: { input: { decisionId: decision.id } } });
      notifications.show({ color: 'teal', title: 'Task created', message: `“${data?.createTaskFromManagementReviewDecision.task.title ?? decision.text}” is now tracked${decision.owner ? ` and assigned to ${decision.owner.name}` : ''}.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'No task created', message: readApiError(e).message });
    }
  };

  const remove = async () => {
    try {
      await deleteDecision({ variables: { input: { id: decision.id } } });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not deleted', message: readApiError(e).message });
    }
  };

  if (editing) {
    return (
      <Paper withBorder radius="md" p="md">
        <DecisionForm initial={{ text: decision.text, ownerId: decision.owner?.id ?? null, dueDate: decision.dueDate ?? '' }} submitLabel="Save decision" busy={updating} error={error} onSubmit={(d) => void save(d)} onCancel={() => setEditing(false)} />
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="md" p="md" data-testid="decision">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Group align="flex-start" wrap="nowrap" gap="sm" style={{ flex: 1 }}>
          <Badge variant="light" color="indigo" radius="xl" size="lg" w={34} style={{ flexShrink: 0 }}>
            {index + 1}
          </Badge>
          <Stack gap={6} style={{ flex: 1 }}>
            <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
              {decision.text}
            </Text>
            <Group gap="lg">
              <PersonLabel person={decision.owner} none="No owner" />
              <DueDate value={decision.dueDate} overdue={false} none="No due date" finished={decision.task?.status === 'DONE'} />
            </Group>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {decision.task ? (
            <Stack gap={4} align="flex-end">
              <TaskStatusBadge status={decision.task.status as TaskStatus} />
              <Anchor component={Link} to={`/o/${organization.id}/tasks?task=${decision.task.id}`} size="xs">
                Open the task
              </Anchor>
            </Stack>
          ) : decision.tracked ? (
            <Badge variant="light" color="gray">
              Tracked
            </Badge>
          ) : canTrack ? (
            <Button size="xs" variant="light" leftSection={<IconListCheck size={14} aria-hidden />} loading={tracking} onClick={() => void track()} aria-label={`Create task: ${decision.text}`}>
              Create task
            </Button>
          ) : (
            <Tooltip label="Not tracked as a task yet">
              <Badge variant="light" color="yellow">
                Not tracked
              </Badge>
            </Tooltip>
          )}
          {editable ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`More actions for decision ${index + 1}`} loading={deleting}>
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)}>
                  Edit
                </Menu.Item>
                <Menu.Item leftSection={<IconTrash size={14} />} color="red" disabled={decision.tracked} onClick={() => void remove()}>
                  Delete
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}

/** The decisions (clause 9.3.3): text, owner, due date; each can become a tracked task, also after sign-off. */
export function DecisionsTab({ review, locked }: { review: ManagementReviewDetail; locked: boolean }) {
  const editable = review.viewerCanManage && !locked;
  const [adding, setAdding] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [addDecision, { loading }] = useAddDecision();
  const untracked = review.decisions.filter((d) => !d.tracked).length;

  const add = async (draft: DecisionDraft) => {
    setError(null);
    try {
      await addDecision({ variables: { input: { managementReviewId: review.id, text: draft.text.trim(), ownerId: draft.ownerId, dueDate: draft.dueDate || null } } });
      setFormKey((k) => k + 1);
      setAdding(false);
    } catch (e) {
      const { field, message } = readApiError(e);
      setError({ field, message });
    }
  };

  return (
    <Stack gap="md">
      {locked ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
          {review.status === 'SIGNED'
            ? 'Signed off: the decisions are frozen. Making them tracked tasks is still possible — that is how they are followed up.'
            : 'Awaiting sign-off: the decisions cannot change meanwhile; they can still become tracked tasks.'}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2} fz={16}>
            Decisions and actions
          </Title>
          <Text size="sm" c="dimmed">
            What management decided on improvements and changes to the ISMS. Make each one a task so it is tracked; the next review’s pack shows where they stand.
          </Text>
        </Stack>
        {editable && !adding ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            Record a decision
          </Button>
        ) : null}
      </Group>
      {untracked > 0 && review.viewerCanManage && review.decisions.length > 0 ? (
        <Alert color="yellow" variant="light">
          {untracked === 1 ? 'One decision is' : `${untracked} decisions are`} not tracked as a task yet: nobody will be reminded of {untracked === 1 ? 'it' : 'them'}.
        </Alert>
      ) : null}
      {adding ? (
        <Paper withBorder radius="md" p="md">
          <DecisionForm key={formKey} initial={{ text: '', ownerId: null, dueDate: '' }} submitLabel="Add decision" busy={loading} error={error} onSubmit={(d) => void add(d)} onCancel={() => setAdding(false)} />
        </Paper>
      ) : null}
      {review.decisions.length === 0 && !adding ? (
        <Paper withBorder radius="md" p="xl">
          <Text size="sm" c="dimmed" ta="center">
            No decision recorded yet. The review’s outputs include decisions on continual improvement and on any changes the ISMS needs.
          </Text>
        </Paper>
      ) : null}
      {review.decisions.map((decision, index) => (
        <DecisionItem key={decision.id} decision={decision} index={index} editable={editable} canTrack={review.viewerCanManage} />
      ))}
    </Stack>
  );
}
