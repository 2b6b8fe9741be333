import { Box, Group, Text, Tooltip } from '@mantine/core';
import { useConnectionStatus, type ConnectionStatus } from '../../../apollo/connection-status';

const LOOK: Record<ConnectionStatus, { color: string; label: string | null; tooltip: string }> = {
  idle: { color: 'gray.5', label: null, tooltip: 'Live updates: on standby until a page needs them.' },
  connecting: { color: 'gray.5', label: null, tooltip: 'Connecting for live updates…' },
  connected: { color: 'teal.6', label: 'Live', tooltip: 'Connected: changes by others appear as they happen.' },
  reconnecting: { color: 'orange.6', label: 'Reconnecting…', tooltip: 'The live connection dropped. Annex reconnects and catches up on its own.' },
  offline: { color: 'red.7', label: 'Offline', tooltip: 'Your browser is offline. Changes appear again once you are back online.' },
};

/** The live connection, shown quietly: a dot, with words only when something is off. */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  const look = LOOK[status];
  return (
    <Tooltip label={look.tooltip} multiline w={240}>
      <Group gap={6} wrap="nowrap" tabIndex={0} role="status" aria-label={look.tooltip} style={{ outlineOffset: 4 }}>
        <Box w={8} h={8} bg={look.color} style={{ borderRadius: '50%' }} aria-hidden />
        {look.label ? (
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {look.label}
          </Text>
        ) : null}
      </Group>
    </Tooltip>
  );
}
