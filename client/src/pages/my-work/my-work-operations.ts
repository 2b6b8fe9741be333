import { gql, type TypedDocumentNode } from '@apollo/client';
import { NOTIFICATION_FRAGMENT, type NotificationRow } from '../notifications/notification-operations';
import { APPROVAL_REQUEST_ROW_FRAGMENT, TASK_ROW_FRAGMENT, type TaskRow } from '../tasks/task-fragments';
import type { ApprovalListRow } from '../approvals/approval-operations';
import { DOCUMENT_TO_ACKNOWLEDGE_FRAGMENT, type DocumentToAcknowledge } from '../documents/documents-operations';

export interface MyWorkData {
  organization: {
    __typename?: 'Organization';
    id: string;
    myTasks: { __typename?: 'TaskConnection'; totalCount: number; edges: { __typename?: 'TaskEdge'; node: TaskRow }[] };
    waiting: { __typename?: 'ApprovalRequestConnection'; totalCount: number; edges: { __typename?: 'ApprovalRequestEdge'; node: ApprovalListRow }[] };
    /** Published documents addressed to the viewer, not acknowledged yet. */
    documentsToAcknowledge: DocumentToAcknowledge[];
  } | null;
  viewer: {
    __typename?: 'Viewer';
    id: string;
    notifications: { __typename?: 'NotificationConnection'; edges: { __typename?: 'NotificationEdge'; node: NotificationRow }[] };
  } | null;
}

/** Everything that waits for the viewer here, in one request. */
export const MY_WORK_QUERY: TypedDocumentNode<MyWorkData, { id: string; me: ID }> = gql`
  query MyWork($id: ID!, $me: ID!) {
    organization(id: $id) {
      id
      myTasks: tasks(first: 100, filter: { assigneeId: $me, status: [OPEN, IN_PROGRESS, BLOCKED] }) {
        totalCount
        edges {
          node {
            ...TaskRow
          }
        }
      }
      waiting: approvalRequests(first: 50, filter: { status: [PENDING], approverId: $me }) {
        totalCount
        edges {
          node {
            ...ApprovalRequestRow
            subject {
              id
              ... on Task {
                title
                status
              }
              ... on DocumentVersion {
                versionNumber: number
                document {
                  id
                  title
                }
              }
            }
          }
        }
      }
      documentsToAcknowledge {
        ...DocumentToAcknowledge
      }
    }
    viewer {
      id
      notifications(first: 50, organizationId: $id) {
        edges {
          node {
            ...NotificationRow
          }
        }
      }
    }
  }
  ${TASK_ROW_FRAGMENT}
  ${APPROVAL_REQUEST_ROW_FRAGMENT}
  ${NOTIFICATION_FRAGMENT}
  ${DOCUMENT_TO_ACKNOWLEDGE_FRAGMENT}
`;

type ID = string;
