import { useQuery } from '@apollo/client/react';
import { ActionIcon, Anchor, Badge, Box, Button, Center, Divider, Group, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell, IconBellCheck, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { readApiError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { RelativeTime } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import {
  BELL_SIZE,
  NOTIFICATIONS_BELL_QUERY,
  notificationPath,
  useMarkNotificationsRead,
  type NotificationRow,
} from '../../notifications/notification-operations';

/** The bell in the top bar: unread count, the newest notifications, live. */
export function NotificationsBell() {
  const { organization } = useCurrentOrganization();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const { data, loading, error, refetch } = useQuery(NOTIFICATIONS_BELL_QUERY, {
    variables: { organizationId: organization.id, first: BELL_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [markRead, { loading: marking }] = useMarkNotificationsRead();
  const unread = data?.viewer?.unreadNotificationCount ?? 0;
  const rows = data?.viewer?.notifications.edges.map((edge) => edge.node) ?? [];
  const countLabel = unread > 99 ? '99+' : String(unread);

  const open = (notification: NotificationRow) => {
    setOpened(false);
    if (!notification.read) {
      void markRead({ variables: { input: { ids: [notification.id], organizationId: organization.id }, organizationId: organization.id } }).catch(() => undefined);
    }
    navigate(notificationPath(organization.id, notification));
  };

  const markAll = async () => {
    if (unread === 0) return;
    try {
      await markRead({ variables: { input: { organizationId: organization.id }, organizationId: organization.id } });
    } catch (e) {
      toasts.show({ color: 'red', title: 'Notifications were not marked as read', message: readApiError(e).message });
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={400} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label="Notifications"
          aria-describedby="annex-bell-count"
          aria-expanded={opened}
          aria-haspopup="dialog"
          onClick={() => setOpened((o) => !o)}
          style={{ position: 'relative', overflow: 'visible' }}
        >
          <IconBell size={20} stroke={1.6} />
          {unread > 0 ? (
            <Badge
              size="xs"
              variant="filled"
              color="red"
              circle={unread < 10}
              data-testid="notifications-unread-count"
              style={{ position: 'absolute', top: -3, right: -5, pointerEvents: 'none', paddingInline: unread < 10 ? 0 : 4 }}
            >
              {countLabel}
            </Badge>
          ) : null}
        </ActionIcon>
      </Popover.Target>
      <VisuallyHidden id="annex-bell-count">{unread === 0 ? 'No unread notifications' : `${unread} unread`}</VisuallyHidden>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Text fw={600}>Notifications</Text>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconChecks size={16} aria-hidden />}
            onClick={() => void markAll()}
            loading={marking}
          >
            Mark all as read
          </Button>
        </Group>
        <Divider />
        {error && !data ? (
          <Stack p="md" gap="xs">
            <Text size="sm" c="red.8">
              {readApiError(error).message}
            </Text>
            <Button size="xs" variant="default" onClick={() => void refetch()}>
              Try again
            </Button>
          </Stack>
        ) : loading && !data ? (
          <Center p="lg">
            <Text size="sm" c="dimmed">
              Loading…
            </Text>
          </Center>
        ) : rows.length === 0 ? (
          <Stack align="center" gap={4} p="lg" ta="center">
            <IconBellCheck size={28} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text fw={600} size="sm">
              You are all caught up
            </Text>
            <Text size="xs" c="dimmed" maw={300}>
              When a task is assigned to you, someone mentions you or asks for your approval, it shows up here at once.
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah={440} type="auto">
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {rows.map((notification) => (
                <BellItem key={notification.id} notification={notification} onOpen={open} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Divider />
        <Group justify="space-between" px="md" py="xs">
          <Anchor component={Link} to={`/o/${organization.id}/my-work`} size="xs" onClick={() => setOpened(false)}>
            Open My work
          </Anchor>
          <Anchor component={Link} to={`/o/${organization.id}/account#notifications`} size="xs" onClick={() => setOpened(false)}>
            E-mail settings
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

function BellItem({ notification, onOpen }: { notification: NotificationRow; onOpen(n: NotificationRow): void }) {
  const flash = useLiveHighlightClass(notification.id);
  return (
    <li className={flash}>
      <UnstyledButton
        onClick={() => onOpen(notification)}
        w="100%"
        px="md"
        py="sm"
        className="annex-bell-item"
        data-unread={notification.read ? undefined : true}
        aria-label={`${notification.read ? '' : 'Unread: '}${notification.title}`}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Box
            mt={6}
            w={8}
            h={8}
            style={{ borderRadius: '50%', flexShrink: 0 }}
            bg={notification.read ? 'transparent' : 'indigo.6'}
            aria-hidden
            data-unread={notification.read ? undefined : true}
          />
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" fw={notification.read ? 400 : 600} lineClamp={2}>
              {notification.title}
            </Text>
            {notification.body ? (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {notification.body}
              </Text>
            ) : null}
            <RelativeTime value={notification.createdAt} size="xs" c="dimmed" />
          </Stack>
        </Group>
      </UnstyledButton>
    </li>
  );
}
