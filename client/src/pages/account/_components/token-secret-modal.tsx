import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { ApiTokenRow } from '../account-operations';

interface TokenSecretModalProps {
  created: { secret: string; token: ApiTokenRow } | null;
  onClose(): void;
}

/** The secret exists only in this modal: Annex keeps a hash, never the token itself. */
export function TokenSecretModal({ created, onClose }: TokenSecretModalProps) {
  const curl = created
    ? `curl ${window.location.origin}/graphql \\\n  -H 'Authorization: Bearer ${created.secret}' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"query":"{ organization(id: \\"${created.token.organization.id}\\") { name } }"}'`
    : '';
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={<Text fw={600}>Your new API token</Text>}
      size="lg"
      closeOnClickOutside={false}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            Copy it now: this is the only time Annex shows it. Store it in your password manager or secret store.
          </Alert>
          <Text size="sm">
            <b>{created.token.name}</b> works in {created.token.organization.name} with your role there.
          </Text>
          <Code block fz="sm" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label="API token">
            {created.secret}
          </Code>
          <Group>
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button onClick={copy} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}>
                  {copied ? 'Copied' : 'Copy token'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              How to use it
            </Text>
            <Text size="sm">Send it in the Authorization header of each request:</Text>
            <Code block fz="xs" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              Authorization: Bearer {created.secret}
            </Code>
            <Text size="sm">For example:</Text>
            <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {curl}
            </Code>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
