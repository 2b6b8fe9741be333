import { useQuery } from '@apollo/client/react';
import { Card, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { readApiError } from '../../../apollo/api-error';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_DETAILS,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_PREFERENCES_QUERY,
  useUpdateNotificationPreferences,
  type NotificationKind,
} from '../../notifications/notification-operations';

/** Which notifications also arrive by e-mail (in the app they always arrive). */
export function NotificationPreferencesSection() {
  const { data, error, refetch } = useQuery(NOTIFICATION_PREFERENCES_QUERY);
  const [update] = useUpdateNotificationPreferences();
  const [saving, setSaving] = useState<NotificationKind | null>(null);
  const preferences = data?.viewer?.notificationPreferences;
  const emailOf = new Map(preferences?.map((p) => [p.kind, p.email]));
  const { hash } = useLocation();
  const card = useRef<HTMLDivElement>(null);
  const loaded = !!preferences;
  // Linked from the bell ("E-mail settings"): bring the section into view once it has loaded.
  useEffect(() => {
    if (hash === '#notifications' && loaded) card.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [hash, loaded]);

  const toggle = async (kind: NotificationKind, email: boolean) => {
    setSaving(kind);
    try {
      await update({
        variables: { input: { preferences: [{ kind, email }] } },
        optimisticResponse: {
          updateNotificationPreferences: {
            viewer: {
              id: data?.viewer?.id ?? '',
              notificationPreferences: (preferences ?? []).map((p) => (p.kind === kind ? { ...p, email } : p)),
            },
          },
        },
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Your e-mail setting was not saved', message: readApiError(e).message });
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card id="notifications" ref={card}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz={18}>
            Notifications
          </Title>
          <Text size="sm" c="dimmed">
            Every notification appears in Annex at once, under the bell. Choose which ones also reach your inbox.
          </Text>
        </Stack>
        {error && !data ? (
          <ErrorState error={error} onRetry={() => refetch()} />
        ) : !preferences ? (
          <SkeletonRows rows={4} />
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th w={160}>Also e-mail me</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {NOTIFICATION_KINDS.filter((kind) => emailOf.has(kind)).map((kind) => (
                  <Table.Tr key={kind}>
                    <Table.Td>
                      <Text size="sm" fw={500} id={`notification-kind-${kind}`}>
                        {NOTIFICATION_KIND_LABELS[kind]}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {NOTIFICATION_KIND_DETAILS[kind]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Switch
                          aria-label={`Also e-mail me: ${NOTIFICATION_KIND_LABELS[kind]}`}
                          checked={emailOf.get(kind) ?? false}
                          disabled={saving === kind}
                          onChange={(event) => void toggle(kind, event.currentTarget.checked)}
                          label={emailOf.get(kind) ? 'E-mail' : 'In app only'}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
