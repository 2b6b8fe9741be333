import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyMutationError } from '../../../apollo/api-error';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { OPEN_TASK_STATUSES } from '../../tasks/task-words';
import { usePlanGaps, type GapItemRow, type PlannedTask } from '../gap-operations';
import { GapStatusBadge } from './gap-badges';

interface PlanGapsModalProps {
  /** The gaps to plan; the modal is open while this is not null. */
  items: GapItemRow[] | null;
  onClose(): void;
  /** The tasks were created: the selection can be cleared. */
  onPlanned(): void;
}

interface PlanValues {
  dueDate: string;
  /** '' to give each task to its item's owner. */
  assigneeId: string;
}

/** Turns the chosen gaps into tasks (one per gap, linked to it), then shows what was created. */
export function PlanGapsModal({ items, onClose, onPlanned }: PlanGapsModalProps) {
  const [created, setCreated] = useState<PlannedTask[] | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={!!items} onClose={close} title={created ? 'Tasks created' : 'Plan selected gaps'} size="lg">
      {created ? <PlanResult tasks={created} onClose={close} /> : items ? <PlanForm items={items} onCancel={close} onCreated={(tasks) => {
        setCreated(tasks);
        onPlanned();
      }} /> : null}
    </Modal>
  );
}

function PlanForm({ items: chosen, onCancel, onCreated }: { items: GapItemRow[]; onCancel(): void; onCreated(tasks: PlannedTask[]): void }) {
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const items = chosen.filter((item) => !leftOut.has(item.ref));
  const viewer = useViewer();
  const { organization } = useCurrentOrganization();
  const { options: members } = useMemberOptions();
  const [planGaps, { loading }] = usePlanGaps();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PlanValues>({
    initialValues: { dueDate: '', assigneeId: '' },
    validate: {
      dueDate: (value) => (!value ? 'Give the plan a due date.' : dayjs(value).isBefore(dayjs(), 'day') ? 'Choose today or a later day.' : null),
    },
  });
  const alreadyPlanned = items.filter((item) => item.tasks.some((t) => OPEN_TASK_STATUSES.includes(t.status)));
  const unowned = items.filter((item) => !item.owner);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await planGaps({
        variables: { input: { organizationId: organization.id, refs: items.map((i) => i.ref), dueDate: values.dueDate, assigneeId: values.assigneeId || null } },
      });
      if (data) onCreated(data.planGaps.tasks);
    } catch (e) {
      setFormError(applyMutationError(form, e));
    }
  });

  const shown = items.slice(0, 12);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Each gap becomes a task linked to it, prioritised by the size of the gap (not started first, then low maturity), with its notes as the description.
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {items.length} {items.length === 1 ? 'gap' : 'gaps'} to plan
          </Text>
          {shown.map((item) => (
            <Group key={item.ref} gap="xs" wrap="nowrap">
              <Text size="sm" ff="monospace" fw={600} w={64}>
                {item.ref}
              </Text>
              <Text size="sm" lineClamp={1} style={{ flex: 1 }}>
                {item.title}
              </Text>
              <GapStatusBadge status={item.status} size="sm" />
            </Group>
          ))}
          {items.length > shown.length ? (
            <Text size="sm" c="dimmed">
              and {items.length - shown.length} more
            </Text>
          ) : null}
        </Stack>
        {alreadyPlanned.length ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Stack gap={6} align="flex-start">
              <Text size="sm">
                {alreadyPlanned.map((i) => i.ref).join(', ')} {alreadyPlanned.length === 1 ? 'already has an open task' : 'already have open tasks'}: planning again adds another.
              </Text>
              <Button size="xs" variant="white" color="orange" onClick={() => setLeftOut(new Set([...leftOut, ...alreadyPlanned.map((i) => i.ref)]))}>
                Leave {alreadyPlanned.length === 1 ? 'it' : 'them'} out
              </Button>
            </Stack>
          </Alert>
        ) : null}
        {leftOut.size ? (
          <Text size="xs" c="dimmed">
            {leftOut.size} already planned {leftOut.size === 1 ? 'gap is' : 'gaps are'} left out.{' '}
            <Anchor component="button" type="button" size="xs" onClick={() => setLeftOut(new Set())}>
              Put {leftOut.size === 1 ? 'it' : 'them'} back
            </Anchor>
          </Text>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          <TextInput label="Due date" type="date" required withAsterisk={false} min={dayjs().format('YYYY-MM-DD')} {...form.getInputProps('dueDate')} />
          <Select
            label="Assignee"
            placeholder="Each item’s owner"
            data={members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }))}
            searchable
            clearable
            nothingFoundMessage="No member by that name"
            {...form.getInputProps('assigneeId')}
            value={form.values.assigneeId || null}
            onChange={(value) => form.setFieldValue('assigneeId', value ?? '')}
            description={
              !form.values.assigneeId && unowned.length ? `${unowned.length} of these ${unowned.length === 1 ? 'has' : 'have'} no owner: ${unowned.length === 1 ? 'its task' : 'their tasks'} start unassigned.` : 'Optional: by default each task goes to the item’s owner.'
            }
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={loading} disabled={items.length === 0}>
            Create tasks
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PlanResult({ tasks, onClose }: { tasks: PlannedTask[]; onClose(): void }) {
  const { organization } = useCurrentOrganization();
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
        {tasks.length} {tasks.length === 1 ? 'task was' : 'tasks were'} created and linked to {tasks.length === 1 ? 'its gap' : 'their gaps'}. The people they are assigned to see them in My work.
      </Alert>
      <Stack gap={6}>
        {tasks.map((task) => (
          <Group key={task.id} justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to={`/o/${organization.id}/tasks?task=${encodeURIComponent(task.id)}`} size="sm" lineClamp={1} onClick={onClose}>
              {task.title}
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {task.assignee?.name ?? 'Unassigned'}
              </Text>
              {task.dueDate ? (
                <Badge size="sm" color="gray" variant="light">
                  due {dayjs(task.dueDate).format('D MMM YYYY')}
                </Badge>
              ) : null}
            </Group>
          </Group>
        ))}
      </Stack>
      <Group justify="space-between">
        <Anchor component={Link} to={`/o/${organization.id}/tasks`} size="sm" onClick={onClose}>
          See all tasks
        </Anchor>
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
