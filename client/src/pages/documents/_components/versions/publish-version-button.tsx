import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { readApiError } from '../../../../apollo/api-error';
import { usePublishDocumentVersion } from '../../document-operations';

interface PublishVersionButtonProps {
  version: { id: string; number: string; minor: number };
  /** The version in force now, if any. */
  current: { number: string } | null;
}

/** Publishes an approved version (for `document:publish`), after saying what publishing does. */
export function PublishVersionButton({ version, current }: PublishVersionButtonProps) {
  const [publish, { loading }] = usePublishDocumentVersion();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const asksAcknowledgement = !current || version.minor === 0;

  const confirm = async () => {
    setError(null);
    try {
      await publish({ variables: { input: { documentVersionId: version.id } } });
      notifications.show({ color: 'teal', message: `Version ${version.number} is published${asksAcknowledgement ? ': its readers are asked to acknowledge it.' : '.'}` });
      setOpen(false);
    } catch (e) {
      setError(readApiError(e).message);
    }
  };

  return (
    <>
      <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} onClick={() => setOpen(true)}>
        Publish version {version.number}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={<Text fw={600}>Publish version {version.number}?</Text>}>
        <Stack gap="md">
          <Text size="sm">
            {current ? `It replaces version ${current.number} as the version in force; version ${current.number} is kept as superseded.` : 'It becomes the version in force, the one auditors and employees read.'}
          </Text>
          <Text size="sm">
            {asksAcknowledgement
              ? 'Everyone it is addressed to is asked to read and acknowledge it.'
              : 'As a minor version, it does not ask readers to acknowledge it again.'}
          </Text>
          {error ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button loading={loading} onClick={() => void confirm()}>
              Publish
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
