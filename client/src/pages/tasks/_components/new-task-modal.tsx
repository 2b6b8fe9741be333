import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import type { TaskPriority } from '../task-fragments';
import { useCreateTask } from '../task-operations';
import { ChecklistEditor } from './task-checklist';
import { PRIORITY_OPTIONS } from './task-edit-form';

interface NewTaskValues {
  title: string;
  description: string;
  assigneeId: string;
  dueDate: string;
  priority: TaskPriority;
  checklist: string[];
}

interface NewTaskModalProps {
  opened: boolean;
  onClose(): void;
  /** Called with the new task's id (e.g. to open it). */
  onCreated?(taskId: string): void;
}

export function NewTaskModal({ opened, onClose, onCreated }: NewTaskModalProps) {
  const { organization } = useCurrentOrganization();
  const viewer = useViewer();
  const { options: members } = useMemberOptions();
  const [createTask, { loading }] = useCreateTask();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NewTaskValues>({
    initialValues: { title: '', description: '', assigneeId: '', dueDate: '', priority: 'MEDIUM', checklist: [] },
    validate: { title: (v) => (v.trim() ? null : 'Give the task a title.') },
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
            title: values.title.trim(),
            description: values.description.trim() || undefined,
            assigneeId: values.assigneeId || null,
            dueDate: values.dueDate || null,
            priority: values.priority,
            checklist: values.checklist.map((text) => ({ text, done: false })),
          },
        },
      });
      const task = data?.createTask.task;
      if (!task) return;
      const assignee = task.assignee && task.assignee.id !== viewer.id ? ` and assigned to ${task.assignee.name}` : '';
      notifications.show({ color: 'teal', title: 'Task created', message: `“${task.title}” is created${assignee}.` });
      close();
      onCreated?.(task.id);
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  const memberOptions = members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }));

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>New task</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A piece of work with an owner and a deadline. The assignee is notified at once and sees it in My work.
          </Text>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput label="Title" data-autofocus placeholder="e.g. Review the access control policy" {...form.getInputProps('title')} />
          <Textarea label="Description" autosize minRows={3} maxRows={10} placeholder="What needs doing, and what counts as done" {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
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
            <Select label="Priority" data={PRIORITY_OPTIONS} allowDeselect={false} {...form.getInputProps('priority')} />
          </SimpleGrid>
          <ChecklistEditor value={form.values.checklist} onChange={(next) => form.setFieldValue('checklist', next)} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Create task
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
