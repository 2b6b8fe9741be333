import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { useDeleteTask } from '../task-operations';

interface DeleteTaskModalProps {
  task: { id: string; title: string } | null;
  onClose(): void;
  onDeleted(): void;
}

export function DeleteTaskModal({ task, onClose, onDeleted }: DeleteTaskModalProps) {
  const [deleteTask, { loading }] = useDeleteTask();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!task) return;
    setError(null);
    try {
      await deleteTask({ variables: { input: { id: task.id } } });
      notifications.show({ color: 'teal', message: `“${task.title}” is deleted.` });
      onDeleted();
    } catch (e) {
      setError(readApiError(e).message);
    }
  };
  return (
    <Modal
      opened={task !== null}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={<Text fw={600}>Delete task?</Text>}
    >
      <Stack gap="md">
        <Text size="sm">
          “{task?.title}” and its comments disappear for everyone. Pending approval requests for it are withdrawn. The audit trail keeps a record that it existed.
        </Text>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" loading={loading} onClick={() => void confirm()}>
            Delete task
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
