import { ActionIcon, Button, Checkbox, Group, Progress, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import type { ChecklistItem, TaskDetail } from '../task-fragments';
import { checklistInput, useUpdateTask, type ChecklistItemInput } from '../task-operations';

interface TaskChecklistProps {
  task: TaskDetail;
  canEdit: boolean;
  /** Remembers the versions this browser wrote, so the field form does not take them for someone else's. */
  ownVersions: Set<number>;
  onConflict(): void;
}

/** The task's checklist: a tick, an added or removed item is saved at once (with the task's version). */
export function TaskChecklist({ task, canEdit, ownVersions, onConflict }: TaskChecklistProps) {
  const [updateTask, { loading }] = useUpdateTask();
  const [newItem, setNewItem] = useState('');
  const [busyItem, setBusyItem] = useState<string | null>(null);
  const items = task.checklist;
  const done = items.filter((item) => item.done).length;

  const save = async (next: ChecklistItemInput[], busy: string) => {
    setBusyItem(busy);
    // Registered before sending: the new version reaches the form (through the cache) before this call returns.
    const expected = task.version + 1;
    ownVersions.add(expected);
    try {
      await updateTask({ variables: { input: { id: task.id, version: task.version, checklist: next } } });
      return true;
    } catch (e) {
      ownVersions.delete(expected);
      const error = readApiError(e);
      if (error.code === 'CONFLICT') {
        notifications.show({
          color: 'orange',
          title: 'Changed by someone else — reload',
          message: 'This task was changed by someone else a moment ago. The latest version is loaded now: check the checklist and try again.',
          autoClose: 8000,
        });
        onConflict();
      } else {
        notifications.show({ color: 'red', title: 'The checklist was not saved', message: error.message });
      }
      return false;
    } finally {
      setBusyItem(null);
    }
  };

  const toggle = (item: ChecklistItem) =>
    void save(
      checklistInput(items).map((i) => (i.id === item.id ? { ...i, done: !item.done } : i)),
      item.id,
    );
  const remove = (item: ChecklistItem) =>
    void save(
      checklistInput(items).filter((i) => i.id !== item.id),
      item.id,
    );
  const add = async () => {
    const text = newItem.trim();
    if (!text) return;
    if (await save([...checklistInput(items), { text, done: false }], 'new')) setNewItem('');
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} fz={16}>
          Checklist
        </Title>
        {items.length > 0 ? (
          <Text size="xs" c="dimmed">
            {done} of {items.length} done
          </Text>
        ) : null}
      </Group>
      {items.length > 0 ? <Progress value={(done / items.length) * 100} size="sm" color="teal" aria-label={`${done} of ${items.length} checklist items done`} /> : null}
      {items.length === 0 && !canEdit ? (
        <Text size="sm" c="dimmed">
          No checklist.
        </Text>
      ) : null}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <Group key={item.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Checkbox
              label={item.text}
              checked={item.done}
              disabled={!canEdit || (loading && busyItem !== null)}
              onChange={() => toggle(item)}
              styles={{ label: { textDecoration: item.done ? 'line-through' : undefined, color: item.done ? 'var(--mantine-color-dimmed)' : undefined } }}
            />
            {canEdit ? (
              <Tooltip label="Remove item">
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Remove checklist item: ${item.text}`} onClick={() => remove(item)} disabled={loading}>
                  <IconX size={14} />
                </ActionIcon>
              </Tooltip>
            ) : null}
          </Group>
        ))}
      </Stack>
      {canEdit ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label="New checklist item"
            placeholder="Add an item, e.g. “Collect evidence”"
            value={newItem}
            onChange={(event) => setNewItem(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void add();
              }
            }}
            style={{ flex: 1 }}
            size="sm"
          />
          <Button variant="default" size="sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => void add()} loading={loading && busyItem === 'new'} disabled={!newItem.trim()}>
            Add item
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** The checklist of a task being created: plain items, kept until the task is created. */
export function ChecklistEditor({ value, onChange }: { value: string[]; onChange(next: string[]): void }) {
  const [newItem, setNewItem] = useState('');
  const add = () => {
    const text = newItem.trim();
    if (!text) return;
    onChange([...value, text]);
    setNewItem('');
  };
  return (
    <Stack gap={6} role="group" aria-labelledby="new-task-checklist-label">
      <Text size="sm" fw={500} id="new-task-checklist-label">
        Checklist
      </Text>
      {value.length > 0 ? (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {value.map((text, index) => (
            <Group key={`${index}-${text}`} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">• {text}</Text>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Remove checklist item: ${text}`} onClick={() => onChange(value.filter((_, i) => i !== index))}>
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          Optional: the steps that make this task done.
        </Text>
      )}
      <Group gap="xs" wrap="nowrap">
        <TextInput
          aria-label="New checklist item"
          placeholder="Add an item and press Enter"
          value={newItem}
          onChange={(event) => setNewItem(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          style={{ flex: 1 }}
          size="sm"
        />
        <Button variant="default" size="sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={add} disabled={!newItem.trim()}>
          Add item
        </Button>
      </Group>
    </Stack>
  );
}
