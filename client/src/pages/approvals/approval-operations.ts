import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { APPROVAL_REQUEST_ROW_FRAGMENT, type ApprovalDecisionKind, type ApprovalRequestRow, type ApprovalStatus, type ChecklistItem, type PersonRef, type TaskPriority, type TaskStatus } from '../tasks/task-fragments';

/** The record an approval is about, as far as the lists show it. */
export type ApprovalSubjectSummary =
  | { __typename: 'Task'; id: string; title: string; status: TaskStatus }
  | { __typename: 'Risk'; id: string; riskTitle: string }
  | { __typename: 'SoaVersion'; id: string; number: number }
  | { __typename: 'DocumentVersion'; id: string; versionNumber: string; document: { id: string; title: string } }
  | { __typename: 'ManagementReview'; id: string; reviewTitle: string }
  | { __typename: string; id: string };

export interface ApprovalListRow extends ApprovalRequestRow {
  subject: ApprovalSubjectSummary | null;
}

export interface ApprovalFilterInput {
  status?: ApprovalStatus[];
  approverId?: string;
}

interface ApprovalsData {
  organization: {
    __typename?: 'Organization';
    id: string;
    approvalRequests: {
      __typename?: 'ApprovalRequestConnection';
      totalCount: number;
      pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
      edges: { __typename?: 'ApprovalRequestEdge'; cursor: string; node: ApprovalListRow }[];
    };
  } | null;
}

export const APPROVALS_PAGE_SIZE = 50;

export const APPROVALS_INBOX_QUERY: TypedDocumentNode<ApprovalsData, { id: string; first: number; after?: string | null; filter: ApprovalFilterInput }> = gql`
  query ApprovalsInbox($id: ID!, $first: Int!, $after: String, $filter: ApprovalRequestFilter) {
    organization(id: $id) {
      id
      approvalRequests(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            ...ApprovalRequestRow
            subject {
              id
              ... on Task {
                title
                status
              }
              ... on Risk {
                riskTitle: title
              }
              ... on SoaVersion {
                number
              }
              ... on DocumentVersion {
                versionNumber: number
                document {
                  id
                  title
                }
              }
              ... on ManagementReview {
                reviewTitle: title
              }
            }
          }
        }
      }
    }
  }
  ${APPROVAL_REQUEST_ROW_FRAGMENT}
`;

/** The task content an approval signs (its hash covers title, description, checklist and status). */
export interface ApprovalSubjectTask {
  __typename: 'Task';
  id: string;
  version: number;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: string | null;
  overdue: boolean;
  checklist: ChecklistItem[];
  assignee: PersonRef | null;
}

/** A document version to approve: the panel's title names the document (its content is loaded by the subject view). */
export interface ApprovalSubjectDocumentVersion {
  __typename: 'DocumentVersion';
  id: string;
  documentVersionNumber: string;
  document: { __typename?: 'Document'; id: string; title: string };
}

export interface ApprovalDetail extends ApprovalRequestRow {
  __typename: 'ApprovalRequest';
  subject: ApprovalSubjectTask | ApprovalSubjectDocumentVersion | { __typename: string; id: string } | null;
}

export const APPROVAL_PANEL_QUERY: TypedDocumentNode<{ node: ApprovalDetail | { __typename: string; id: string } | null }, { id: string }> = gql`
  query ApprovalPanel($id: ID!) {
    node(id: $id) {
      id
      ... on ApprovalRequest {
        ...ApprovalRequestRow
        subject {
          id
          ... on Task {
            version
            title
            description
            status
            priority
            dueDate
            overdue
            checklist {
              id
              text
              done
            }
            assignee {
              id
              name
            }
          }
          ... on DocumentVersion {
            # Aliased: SoaVersion.number is an Int, this one a String ("2.1").
            documentVersionNumber: number
            document {
              id
              title
            }
          }
        }
      }
    }
  }
  ${APPROVAL_REQUEST_ROW_FRAGMENT}
`;

export function isDocumentVersionSubject(subject: { __typename?: string } | null | undefined): subject is ApprovalSubjectDocumentVersion {
  return subject?.__typename === 'DocumentVersion';
}

export function isApprovalDetail(node: { __typename?: string } | null | undefined): node is ApprovalDetail {
  return node?.__typename === 'ApprovalRequest';
}

export function isTaskSubject(subject: { __typename?: string } | null | undefined): subject is ApprovalSubjectTask {
  return subject?.__typename === 'Task';
}

const REFRESH_AFTER_DECISION = ['ApprovalsInbox', 'ApprovalPanel', 'MyWork', 'TaskPanel'];

const DECIDE_APPROVAL: TypedDocumentNode<
  { decideApproval: { approvalRequest: ApprovalRequestRow } },
  { input: { approvalRequestId: string; decision: ApprovalDecisionKind; comment?: string } }
> = gql`
  mutation DecideApproval($input: DecideApprovalInput!) {
    decideApproval(input: $input) {
      approvalRequest {
        ...ApprovalRequestRow
      }
    }
  }
  ${APPROVAL_REQUEST_ROW_FRAGMENT}
`;

export function useDecideApproval() {
  return useMutation(DECIDE_APPROVAL, { refetchQueries: REFRESH_AFTER_DECISION });
}

const CANCEL_APPROVAL: TypedDocumentNode<{ cancelApproval: { approvalRequest: ApprovalRequestRow } }, { input: { approvalRequestId: string } }> = gql`
  mutation CancelApproval($input: CancelApprovalInput!) {
    cancelApproval(input: $input) {
      approvalRequest {
        ...ApprovalRequestRow
      }
    }
  }
  ${APPROVAL_REQUEST_ROW_FRAGMENT}
`;

export function useCancelApproval() {
  return useMutation(CANCEL_APPROVAL, { refetchQueries: REFRESH_AFTER_DECISION });
}
