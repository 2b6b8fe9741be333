import { Group, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { ROLE_DESCRIPTIONS, isRole } from '../../../organization/roles';

/** A role in a dropdown: its name and, under it, what it may do. */
export function RoleOption({ value, label, checked }: { value: string; label: string; checked?: boolean }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" py={2}>
      <Stack gap={0} style={{ flex: 1 }}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {isRole(value) ? (
          <Text size="xs" c="dimmed">
            {ROLE_DESCRIPTIONS[value]}
          </Text>
        ) : null}
      </Stack>
      {checked ? <IconCheck size={14} aria-hidden style={{ marginTop: 4 }} /> : null}
    </Group>
  );
}
