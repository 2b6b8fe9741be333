import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';

/**
 * The stale-save explanation every edit form shows: someone else saved the record meanwhile
 * (`stale`, seen live) or the server refused the save (`rejected`, a CONFLICT). Reloading keeps
 * what the person typed and takes the other changes for the rest.
 */
export function ConflictAlert({ conflict, noun, reloading, onReload }: { conflict: string; noun: string; reloading: boolean; onReload: () => void }) {
  const rejected = conflict === 'rejected';
  return (
    <Alert
      color={rejected ? 'red' : 'orange'}
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={rejected ? `Not saved: this ${noun} was changed by someone else` : `Someone else saved this ${noun} while you were editing`}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">
          {rejected
            ? 'Annex does not overwrite other people’s work. Your edits are still here. Reload the latest version: what you typed is kept, the rest takes their changes, and then you can save.'
            : 'Saving now would be refused. Reload the latest version first: what you typed is kept, the rest takes their changes.'}
        </Text>
        <Group>
          <Button size="xs" color={rejected ? 'red' : 'orange'} leftSection={<IconRefresh size={14} aria-hidden />} loading={reloading} onClick={onReload}>
            Reload latest
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
