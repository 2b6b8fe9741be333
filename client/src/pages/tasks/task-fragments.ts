import { gql } from '@apollo/client';

export type TaskStatus = 'OPEN' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'CANCELLED';
export type TaskPriority = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'INVALIDATED' | 'CANCELLED';
export type ApprovalDecisionKind = 'APPROVE' | 'REJECT';

export interface PersonRef {
  __typename?: 'User';
  id: string;
  name: string;
}

export interface ChecklistItem {
  __typename?: 'ChecklistItem';
  id: string;
  text: string;
  done: boolean;
}

/** What a row or a card of a task list shows. */
export interface TaskRow {
  __typename?: 'Task';
  id: string;
  version: number;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: string | null;
  overdue: boolean;
  updatedAt: string;
  viewerCanEdit: boolean;
  assignee: PersonRef | null;
  checklist: ChecklistItem[];
}

export const TASK_ROW_FRAGMENT = gql`
  fragment TaskRow on Task {
    id
    version
    title
    status
    priority
    dueDate
    overdue
    updatedAt
    viewerCanEdit
    assignee {
      id
      name
    }
    checklist {
      id
      text
      done
    }
  }
`;

export interface ApprovalDecisionRow {
  __typename?: 'ApprovalDecision';
  id: string;
  decision: ApprovalDecisionKind;
  comment: string;
  decidedAt: string;
  subjectHash: string;
  approver: PersonRef;
}

/** An approval request as its lists and the task's history show it. */
export interface ApprovalRequestRow {
  __typename?: 'ApprovalRequest';
  id: string;
  status: ApprovalStatus;
  quorum: number;
  dueDate: string | null;
  note: string;
  createdAt: string;
  closedAt: string | null;
  subjectHash: string;
  currentSubjectHash: string | null;
  viewerCanDecide: boolean;
  requestedBy: PersonRef;
  approvers: PersonRef[];
  decisions: ApprovalDecisionRow[];
}

export const APPROVAL_REQUEST_ROW_FRAGMENT = gql`
  fragment ApprovalRequestRow on ApprovalRequest {
    id
    status
    quorum
    dueDate
    note
    createdAt
    closedAt
    subjectHash
    currentSubjectHash
    viewerCanDecide
    requestedBy {
      id
      name
    }
    approvers {
      id
      name
    }
    decisions {
      id
      decision
      comment
      decidedAt
      subjectHash
      approver {
        id
        name
      }
    }
  }
`;

/** Everything the task panel shows, apart from the comments (paginated on their own). */
export interface TaskDetail extends TaskRow {
  description: string;
  createdAt: string;
  completedAt: string | null;
  createdBy: PersonRef;
  watchers: PersonRef[];
  approvalRequests: ApprovalRequestRow[];
}

export const TASK_DETAIL_FRAGMENT = gql`
  fragment TaskDetail on Task {
    ...TaskRow
    description
    createdAt
    completedAt
    createdBy {
      id
      name
    }
    watchers {
      id
      name
    }
    approvalRequests {
      ...ApprovalRequestRow
    }
  }
  ${TASK_ROW_FRAGMENT}
  ${APPROVAL_REQUEST_ROW_FRAGMENT}
`;

export interface CommentRow {
  __typename?: 'Comment';
  id: string;
  body: string;
  createdAt: string;
  author: PersonRef;
  mentions: PersonRef[];
}

export const COMMENT_FRAGMENT = gql`
  fragment CommentRow on Comment {
    id
    body
    createdAt
    author {
      id
      name
    }
    mentions {
      id
      name
    }
  }
`;
