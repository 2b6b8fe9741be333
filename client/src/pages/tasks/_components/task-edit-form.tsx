import { useApolloClient } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { useMemberOptions } from '../../../organization/member-options';
import { useViewer } from '../../../session/require-viewer';
import type { TaskDetail, TaskPriority, TaskStatus } from '../task-fragments';
import { TASK_PANEL_QUERY, isTaskNode, useUpdateTask, type UpdateTaskInput } from '../task-operations';
import { TASK_PRIORITIES, TASK_PRIORITY_LABELS, TASK_STATUSES, TASK_STATUS_LABELS } from '../task-words';
import { ConflictAlert } from '../../../components/conflict-alert';
import { mergeAfterReload } from '../../../components/merge-after-reload';

export interface TaskFormValues {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  assigneeId: string;
  dueDate: string;
}

const FIELDS: readonly (keyof TaskFormValues)[] = ['title', 'description', 'status', 'priority', 'assigneeId', 'dueDate'];

const FIELD_LABELS: Record<keyof TaskFormValues, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  assigneeId: 'Assignee',
  dueDate: 'Due date',
};

export function taskFormValues(task: TaskDetail): TaskFormValues {
  return {
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    assigneeId: task.assignee?.id ?? '',
    dueDate: task.dueDate ?? '',
  };
}

/** What the form was based on: the values and the version the person started editing from. */
interface Base {
  version: number;
  values: TaskFormValues;
}

export const STATUS_OPTIONS = TASK_STATUSES.map((status) => ({ value: status, label: TASK_STATUS_LABELS[status] }));
export const PRIORITY_OPTIONS = TASK_PRIORITIES.map((priority) => ({ value: priority, label: TASK_PRIORITY_LABELS[priority] }));

interface TaskEditFormProps {
  task: TaskDetail;
  /** Versions this browser produced itself (e.g. a checklist tick): not someone else's change. */
  ownVersions: Set<number>;
}

/**
 * The task's fields. Save sends the version the form is based on; a change by someone else
 * meanwhile is a conflict that is explained, and "Reload latest" takes their version while
 * keeping what was typed here.
 */
export function TaskEditForm({ task, ownVersions }: TaskEditFormProps) {
  const client = useApolloClient();
  const viewer = useViewer();
  const { options: members } = useMemberOptions();
  const [updateTask, { loading }] = useUpdateTask();
  const [base, setBase] = useState<Base>(() => ({ version: task.version, values: taskFormValues(task) }));
  const [conflict, setConflict] = useState<'saved-elsewhere' | 'rejected' | null>(null);
  /** After "Reload latest": the fields where both sides changed, with the other side's value. */
  const [theirs, setTheirs] = useState<Partial<TaskFormValues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const form = useForm<TaskFormValues>({
    initialValues: taskFormValues(task),
    validate: { title: (v) => (v.trim() ? null : 'Give the task a title.') },
  });

  const dirty = FIELDS.some((field) => form.values[field] !== base.values[field]);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  /** Our own save is on its way: the version it produces is not someone else's change. */
  const savingRef = useRef(false);

  // The task changed (live, or by our own save): follow it when nothing is being edited.
  useEffect(() => {
    if (task.version === base.version || savingRef.current) return;
    const latest = taskFormValues(task);
    if (!dirtyRef.current) {
      setBase({ version: task.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setConflict(null);
      setTheirs({});
      return;
    }
    // A change of our own that touched none of these fields (a checklist tick): rebase silently.
    const onlyOwn = task.version === base.version + 1 && ownVersions.has(task.version) && FIELDS.every((f) => latest[f] === base.values[f]);
    if (onlyOwn) setBase({ version: task.version, values: base.values });
    else setConflict((current) => current ?? 'saved-elsewhere');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to a new version only
  }, [task.version]);

  const reloadLatest = async () => {
    setReloading(true);
    try {
      const { data } = await client.query({ query: TASK_PANEL_QUERY, variables: { id: task.id }, fetchPolicy: 'network-only' });
      const node = data?.node;
      if (!isTaskNode(node)) {
        setFormError('This task no longer exists.');
        return;
      }
      const latest = taskFormValues(node);
      const mine = form.getValues();
      const { merged, theirs: bothChanged } = mergeAfterReload(base.values, mine, latest, FIELDS);
      setBase({ version: node.version, values: latest });
      form.setValues(merged);
      setTheirs(bothChanged);
      setConflict(null);
      setFormError(null);
    } catch (e) {
      setFormError(readApiError(e).message);
    } finally {
      setReloading(false);
    }
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    if (!FIELDS.some((field) => values[field] !== base.values[field])) {
      notifications.show({ color: 'gray', message: 'Nothing changed: there is nothing to save.' });
      return;
    }
    const input: UpdateTaskInput = { id: task.id, version: base.version };
    if (values.title !== base.values.title) input.title = values.title.trim();
    if (values.description !== base.values.description) input.description = values.description;
    if (values.status !== base.values.status) input.status = values.status;
    if (values.priority !== base.values.priority) input.priority = values.priority;
    if (values.assigneeId !== base.values.assigneeId) input.assigneeId = values.assigneeId || null;
    if (values.dueDate !== base.values.dueDate) input.dueDate = values.dueDate || null;
    savingRef.current = true;
    try {
      const { data } = await updateTask({ variables: { input } });
      const saved = data?.updateTask.task;
      if (!saved) return;
      ownVersions.add(saved.version);
      const latest = taskFormValues(saved);
      setBase({ version: saved.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setTheirs({});
      setConflict(null);
      notifications.show({ color: 'teal', message: `“${saved.title}” is saved.` });
    } catch (e) {
      const error = readApiError(e);
      if (error.code === 'CONFLICT') {
        setConflict('rejected');
        return;
      }
      setFormError(applyMutationError(form, e));
    } finally {
      savingRef.current = false;
    }
  });

  const memberOptions = members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }));
  const theirsHint = (field: keyof TaskFormValues) => {
    const value = theirs[field];
    if (value === undefined) return null;
    const shown =
      field === 'assigneeId'
        ? (members.find((m) => m.value === value)?.label ?? 'Nobody')
        : field === 'status'
          ? TASK_STATUS_LABELS[value as TaskStatus]
          : field === 'priority'
            ? TASK_PRIORITY_LABELS[value as TaskPriority]
            : value || '(empty)';
    return (
      <Text size="xs" c="orange.9" component="span">
        Also changed by someone else to “{shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}”. Yours is kept.{' '}
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => {
            form.setFieldValue(field, value);
            setTheirs(({ [field]: _dropped, ...rest }) => rest);
          }}
        >
          Use theirs
        </Anchor>
      </Text>
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict ? <ConflictAlert conflict={conflict} noun="task" reloading={reloading} onReload={() => void reloadLatest()} /> : null}
        {Object.keys(theirs).length > 0 && !conflict ? (
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
            <Text size="sm">
              Reloaded. You and someone else both changed {Object.keys(theirs).map((f) => FIELD_LABELS[f as keyof TaskFormValues].toLowerCase()).join(', ')}: your text is kept, theirs is shown under the field.
              Save to keep yours.
            </Text>
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput label="Title" {...form.getInputProps('title')} description={theirsHint('title')} />
        <Textarea label="Description" autosize minRows={3} maxRows={14} {...form.getInputProps('description')} description={theirsHint('description')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} description={theirsHint('status')} />
          <Select label="Priority" data={PRIORITY_OPTIONS} allowDeselect={false} {...form.getInputProps('priority')} description={theirsHint('priority')} />
          <Select
            label="Assignee"
            placeholder="Unassigned"
            data={memberOptions}
            searchable
            clearable
            nothingFoundMessage="No member by that name"
            {...form.getInputProps('assigneeId')}
            value={form.values.assigneeId || null}
            onChange={(value) => form.setFieldValue('assigneeId', value ?? '')}
            description={theirsHint('assigneeId')}
          />
          <TextInput label="Due date" type="date" {...form.getInputProps('dueDate')} description={theirsHint('dueDate')} />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          {dirty ? (
            <Button
              variant="default"
              onClick={() => {
                form.setValues(base.values);
                setTheirs({});
                setFormError(null);
              }}
            >
              Discard changes
            </Button>
          ) : null}
          <Button type="submit" loading={loading}>
            Save task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
