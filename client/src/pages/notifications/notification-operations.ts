import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';

export type NotificationKind = 'ASSIGNED' | 'MENTIONED' | 'COMMENTED' | 'APPROVAL_REQUESTED' | 'APPROVAL_DECIDED' | 'DUE_SOON' | 'OVERDUE' | 'DIGEST' | 'ACKNOWLEDGEMENT_REQUESTED' | 'REVIEW_DUE';

export interface NotificationRow {
  __typename?: 'Notification';
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  read: boolean;
  createdAt: string;
  actor: { __typename?: 'User'; id: string; name: string } | null;
  subject: { __typename: string; id: string } | null;
}

export const NOTIFICATION_FRAGMENT = gql`
  fragment NotificationRow on Notification {
    id
    kind
    title
    body
    read
    createdAt
    actor {
      id
      name
    }
    subject {
      id
    }
  }
`;

interface NotificationsData {
  viewer: {
    __typename?: 'Viewer';
    id: string;
    unreadNotificationCount: number;
    notifications: { __typename?: 'NotificationConnection'; totalCount: number; edges: { __typename?: 'NotificationEdge'; node: NotificationRow }[] };
  } | null;
}

export const BELL_SIZE = 20;

/** The bell: the unread count and the newest notifications of this organisation. */
export const NOTIFICATIONS_BELL_QUERY: TypedDocumentNode<NotificationsData, { organizationId: string; first: number }> = gql`
  query NotificationsBell($organizationId: ID!, $first: Int!) {
    viewer {
      id
      unreadNotificationCount(organizationId: $organizationId)
      notifications(first: $first, organizationId: $organizationId) {
        totalCount
        edges {
          node {
            ...NotificationRow
          }
        }
      }
    }
  }
  ${NOTIFICATION_FRAGMENT}
`;

export const MARK_NOTIFICATIONS_READ: TypedDocumentNode<
  { markNotificationsRead: { marked: number; viewer: { id: string; unreadNotificationCount: number } } },
  { input: { ids?: string[]; organizationId: string }; organizationId: string }
> = gql`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!, $organizationId: ID) {
    markNotificationsRead(input: $input) {
      marked
      viewer {
        id
        unreadNotificationCount(organizationId: $organizationId)
      }
    }
  }
`;

/**
 * Marks some (or, without ids, all of this organisation's) notifications read; the rows turn
 * read in place, and the bell and My work refetch their counts.
 */
export function useMarkNotificationsRead() {
  return useMutation(MARK_NOTIFICATIONS_READ, {
    update(cache, _result, { variables }) {
      const ids = variables?.input.ids;
      if (ids) {
        for (const id of ids) cache.modify({ id: cache.identify({ __typename: 'Notification', id }), fields: { read: () => true } });
      }
    },
    refetchQueries: ['NotificationsBell', 'MyWork'],
  });
}

/** Where a notification leads: its task or approval request, in a side panel over the list. */
export function notificationPath(organizationId: string, notification: Pick<NotificationRow, 'subject' | 'kind'>): string {
  const base = `/o/${organizationId}`;
  const subject = notification.subject;
  if (subject?.__typename === 'Task') return `${base}/tasks?task=${encodeURIComponent(subject.id)}`;
  if (subject?.__typename === 'ApprovalRequest') return `${base}/approvals?request=${encodeURIComponent(subject.id)}`;
  if (subject?.__typename === 'Course') return `${base}/training/my`;
  if (notification.kind === 'APPROVAL_REQUESTED' || notification.kind === 'APPROVAL_DECIDED') return `${base}/approvals`;
  return `${base}/my-work`;
}

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  ASSIGNED: 'A task is assigned to me',
  MENTIONED: 'Someone mentions me',
  COMMENTED: 'A comment on a task I watch',
  APPROVAL_REQUESTED: 'My approval is requested',
  APPROVAL_DECIDED: 'A request of mine is decided',
  DUE_SOON: 'A task of mine is due within a day',
  OVERDUE: 'A task of mine is overdue',
  DIGEST: 'Daily summary of my open work',
  ACKNOWLEDGEMENT_REQUESTED: 'A published document asks me to acknowledge it',
  REVIEW_DUE: 'A document I own is due for review',
};

export const NOTIFICATION_KIND_DETAILS: Record<NotificationKind, string> = {
  ASSIGNED: 'Someone makes you the assignee of a task.',
  MENTIONED: 'You are @mentioned in a comment.',
  COMMENTED: 'Someone comments on a task you created, are assigned or watch.',
  APPROVAL_REQUESTED: 'You are named as an approver of a record.',
  APPROVAL_DECIDED: 'An approval you requested is approved, rejected or invalidated.',
  DUE_SOON: 'A reminder the day before a deadline.',
  OVERDUE: 'A task of yours passed its due date.',
  DIGEST: 'One e-mail a day with what waits for you (e-mail only).',
  ACKNOWLEDGEMENT_REQUESTED: 'A new policy or a new major version is published for your role: read it and acknowledge it.',
  REVIEW_DUE: 'The periodic review of a document you own falls due within 30 days.',
};

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_LABELS) as NotificationKind[];

/** Kinds that concern the person directly: they also pop up as a toast when they arrive live. */
export const TOAST_KINDS: ReadonlySet<NotificationKind> = new Set(['ASSIGNED', 'MENTIONED', 'APPROVAL_REQUESTED', 'APPROVAL_DECIDED', 'ACKNOWLEDGEMENT_REQUESTED']);

export interface NotificationPreference {
  __typename?: 'NotificationPreference';
  kind: NotificationKind;
  email: boolean;
}

export const NOTIFICATION_PREFERENCES_QUERY: TypedDocumentNode<{ viewer: { id: string; notificationPreferences: NotificationPreference[] } | null }, Record<string, never>> = gql`
  query NotificationPreferences {
    viewer {
      id
      notificationPreferences {
        kind
        email
      }
    }
  }
`;

const UPDATE_NOTIFICATION_PREFERENCES: TypedDocumentNode<
  { updateNotificationPreferences: { viewer: { id: string; notificationPreferences: NotificationPreference[] } } },
  { input: { preferences: { kind: NotificationKind; email: boolean }[] } }
> = gql`
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      viewer {
        id
        notificationPreferences {
          kind
          email
        }
      }
    }
  }
`;

export function useUpdateNotificationPreferences() {
  return useMutation(UPDATE_NOTIFICATION_PREFERENCES);
}
