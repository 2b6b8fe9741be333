import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { useDeleteAsset } from '../asset-operations';

interface DeleteAssetModalProps {
  asset: { id: string; name: string } | null;
  onClose(): void;
  onDeleted(): void;
}

export function DeleteAssetModal({ asset, onClose, onDeleted }: DeleteAssetModalProps) {
  const [deleteAsset, { loading }] = useDeleteAsset();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!asset) return;
    setError(null);
    try {
      await deleteAsset({ variables: { input: { id: asset.id } } });
      notifications.show({ color: 'teal', message: `“${asset.name}” is removed from the inventory.` });
      onDeleted();
    } catch (e) {
      setError(readApiError(e).message);
    }
  };
  return (
    <Modal opened={asset !== null} onClose={close} title={<Text fw={600}>Delete asset?</Text>}>
      <Stack gap="md">
        <Text size="sm">
          “{asset?.name}” leaves the inventory for everyone. Delete only what you no longer have; an asset you still hold but no longer consider important is better kept with a low value. The audit
          trail keeps a record that it existed.
        </Text>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Keep it
          </Button>
          <Button color="red" loading={loading} onClick={() => void confirm()}>
            Delete asset
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
