import { Alert, Anchor, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyMutationError } from '../../../apollo/api-error';
import { DueDate } from '../../../components/due-date';
import { PersonLabel } from '../../../components/person-avatar';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { TASK_STATUS_COLORS, TASK_STATUS_LABELS, isOpenStatus } from '../../tasks/task-words';
import { useCreateTreatmentTask, type RiskDetail, type RiskTaskRow } from '../risk-operations';

/** A treatment task in one line: what, its status, its deadline and who does it. */
export function TreatmentTaskLine({ task }: { task: RiskTaskRow }) {
  const { organization } = useCurrentOrganization();
  const open = isOpenStatus(task.status);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" py={4}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Badge color={TASK_STATUS_COLORS[task.status]} size="sm" style={{ flexShrink: 0 }}>
          {TASK_STATUS_LABELS[task.status]}
        </Badge>
        <Anchor component={Link} to={`/o/${organization.id}/tasks?task=${encodeURIComponent(task.id)}`} size="sm" lineClamp={1} td={open ? undefined : 'line-through'} c={open ? undefined : 'dimmed'}>
          {task.title}
        </Anchor>
      </Group>
      <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
        <DueDate value={task.dueDate} overdue={task.overdue} finished={!open} size="xs" />
        <PersonLabel person={task.assignee} />
      </Group>
    </Group>
  );
}

/** The work that carries out the treatment: tasks whose subject is this risk. */
export function TreatmentTasks({ risk }: { risk: RiskDetail }) {
  const { can } = useCurrentOrganization();
  const [adding, { open, close }] = useDisclosure(false);
  const done = risk.tasks.filter((t) => t.status === 'DONE').length;
  const live = risk.tasks.filter((t) => t.status !== 'CANCELLED').length;
  const planned = risk.treatment && risk.treatment !== 'ACCEPT';

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <div>
          <Title order={3} fz={16}>
            Treatment tasks
          </Title>
          {live ? (
            <Text size="xs" c="dimmed">
              {done} of {live} done
            </Text>
          ) : null}
        </div>
        {can('task:create') ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={open}>
            Add treatment task
          </Button>
        ) : null}
      </Group>
      {risk.tasks.length === 0 ? (
        <Text size="sm" c={planned ? 'orange.9' : 'dimmed'}>
          {planned
            ? 'No task carries out this treatment yet. Add one with an owner and a due date, so the treatment plan shows who does what by when.'
            : 'No treatment tasks. When the treatment needs work (a control to put in place, a contract to change), add a task for it.'}
        </Text>
      ) : (
        <Stack gap={0}>
          {risk.tasks.map((task) => (
            <TreatmentTaskLine key={task.id} task={task} />
          ))}
        </Stack>
      )}
      {can('task:create') ? <NewTreatmentTaskModal risk={risk} opened={adding} onClose={close} /> : null}
    </Stack>
  );
}

interface TaskValues {
  title: string;
  assigneeId: string;
  dueDate: string;
}

function NewTreatmentTaskModal({ risk, opened, onClose }: { risk: RiskDetail; opened: boolean; onClose(): void }) {
  const { organization } = useCurrentOrganization();
  const viewer = useViewer();
  const { options: members } = useMemberOptions();
  const [createTask, { loading }] = useCreateTreatmentTask();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TaskValues>({
    initialValues: { title: '', assigneeId: risk.owner?.id ?? '', dueDate: risk.reviewDate ?? '' },
    validate: { title: (v) => (v.trim() ? null : 'Say what needs doing.') },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await createTask({
        variables: {
          input: {
            organizationId: organization.id,
            subjectId: risk.id,
            title: values.title.trim(),
            assigneeId: values.assigneeId || null,
            dueDate: values.dueDate || null,
          },
        },
      });
      const task = data?.createTask.task;
      if (!task) return;
      notifications.show({ color: 'teal', title: 'Treatment task added', message: task.assignee ? `${task.assignee.name} sees “${task.title}” in My work.` : `“${task.title}” is added.` });
      close();
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  const memberOptions = members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }));

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Add treatment task</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Work that carries out the treatment of “{risk.title}”. It appears in the treatment plan, and in the assignee’s My work.
          </Text>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput label="Title" data-autofocus placeholder="e.g. Enable MFA on the SFTP endpoint" {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label="Assignee"
              placeholder="Unassigned"
              data={memberOptions}
              searchable
              clearable
              nothingFoundMessage="No member by that name"
              value={form.values.assigneeId || null}
              onChange={(value) => form.setFieldValue('assigneeId', value ?? '')}
              error={form.errors['assigneeId']}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput label="Due date" type="date" {...form.getInputProps('dueDate')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Add task
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
