import { ActionIcon, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';

/** A placeholder until notifications are delivered live. */
export function NotificationsBell() {
  return (
    <Tooltip label="Notifications arrive with the live core">
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        aria-label="Notifications (arrive with the live core)"
        aria-disabled
        data-disabled
        onClick={(event) => event.preventDefault()}
      >
        <IconBell size={20} stroke={1.6} />
      </ActionIcon>
    </Tooltip>
  );
}
