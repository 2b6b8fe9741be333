import { Button, Group, Stack, Text } from '@mantine/core';

export function NotificationToastBody({ body, onOpen }: { body: string; actor: string | null; onOpen(): void }) {
  return (
    <Stack gap={6}>
      {body ? (
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
          {body}
        </Text>
      ) : null}
      <Group gap="xs">
        <Button size="compact-sm" variant="light" onClick={onOpen}>
          Open
        </Button>
      </Group>
    </Stack>
  );
}
