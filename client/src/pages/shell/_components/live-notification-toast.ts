import type { ApolloClient } from '@apollo/client';
import { notifications as toasts } from '@mantine/notifications';
import { createElement } from 'react';
import type { NavigateFunction } from 'react-router';
import { MARK_NOTIFICATIONS_READ, notificationPath, type NotificationRow } from '../../notifications/notification-operations';
import { NotificationToastBody } from './notification-toast-body';

/**
 * A toast for a notification that concerns me (assigned, mentioned, approval requested or
 * decided), with a way to open what it is about. Toasts live outside the router, so the
 * navigation is handed in.
 */
export function showNotificationToast(client: ApolloClient, organizationId: string, notification: NotificationRow, navigate: NavigateFunction): void {
  const id = `notification-${notification.id}`;
  const open = () => {
    toasts.hide(id);
    void client
      .mutate({
        mutation: MARK_NOTIFICATIONS_READ,
        variables: { input: { ids: [notification.id], organizationId }, organizationId },
        refetchQueries: ['NotificationsBell', 'MyWork'],
      })
      .catch(() => undefined);
    navigate(notificationPath(organizationId, notification));
  };
  toasts.show({
    id,
    color: notification.kind === 'APPROVAL_REQUESTED' ? 'yellow' : 'indigo',
    title: notification.title,
    message: createElement(NotificationToastBody, { body: notification.body, actor: notification.actor?.name ?? null, onOpen: open }),
    autoClose: 8000,
    withBorder: true,
  });
}
