import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import {
  APPROVAL_REQUEST_ROW_FRAGMENT,
  COMMENT_FRAGMENT,
  TASK_DETAIL_FRAGMENT,
  TASK_ROW_FRAGMENT,
  type ApprovalRequestRow,
  type ChecklistItem,
  type CommentRow,
  type TaskDetail,
  type TaskPriority,
  type TaskRow,
  type TaskStatus,
} from './task-fragments';

export interface TaskFilterInput {
  assigneeId?: string;
  status?: TaskStatus[];
  overdue?: boolean;
  search?: string;
}

export interface TaskConnectionData {
  __typename?: 'TaskConnection';
  totalCount: number;
  pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
  edges: { __typename?: 'TaskEdge'; cursor: string; node: TaskRow }[];
}

interface TasksData {
  organization: { __typename?: 'Organization'; id: string; tasks: TaskConnectionData } | null;
}

interface TasksVariables {
  id: string;
  first: number;
  after?: string | null;
  filter: TaskFilterInput;
}

export const TASKS_PAGE_SIZE = 50;

/** The tasks table; refetched by the page itself when something changes live (it keeps its loaded pages). */
export const TASKS_PAGE_QUERY: TypedDocumentNode<TasksData, TasksVariables> = gql`
  query TasksPage($id: ID!, $first: Int!, $after: String, $filter: TaskFilter) {
    organization(id: $id) {
      id
      tasks(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            ...TaskRow
          }
        }
      }
    }
  }
  ${TASK_ROW_FRAGMENT}
`;

/** One column of the board: the tasks of one status. */
export const TASK_BOARD_COLUMN_QUERY: TypedDocumentNode<TasksData, TasksVariables> = gql`
  query TaskBoardColumn($id: ID!, $first: Int!, $after: String, $filter: TaskFilter) {
    organization(id: $id) {
      id
      tasks(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            ...TaskRow
          }
        }
      }
    }
  }
  ${TASK_ROW_FRAGMENT}
`;

type TaskNode = TaskDetail & { __typename: 'Task' };

export const TASK_PANEL_QUERY: TypedDocumentNode<{ node: TaskNode | { __typename: string; id: string } | null }, { id: string }> = gql`
  query TaskPanel($id: ID!) {
    node(id: $id) {
      id
      ... on Task {
        ...TaskDetail
      }
    }
  }
  ${TASK_DETAIL_FRAGMENT}
`;

export function isTaskNode(node: { __typename?: string } | null | undefined): node is TaskNode {
  return node?.__typename === 'Task';
}

export interface CommentConnectionData {
  __typename?: 'CommentConnection';
  totalCount: number;
  pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
  edges: { __typename?: 'CommentEdge'; cursor: string; node: CommentRow }[];
}

export const COMMENTS_PAGE_SIZE = 100;

export const TASK_COMMENTS_QUERY: TypedDocumentNode<
  { node: { __typename: string; id: string; comments?: CommentConnectionData } | null },
  { id: string; first: number; after?: string | null }
> = gql`
  query TaskComments($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on Task {
        comments(first: $first, after: $after) {
          totalCount
          pageInfo {
            endCursor
            hasNextPage
          }
          edges {
            cursor
            node {
              ...CommentRow
            }
          }
        }
      }
    }
  }
  ${COMMENT_FRAGMENT}
`;

/** The active queries that list tasks: refetched after one of our own changes. */
export const TASK_LIST_QUERIES = ['TasksPage', 'TaskBoardColumn', 'MyWork'];

export interface ChecklistItemInput {
  id?: string;
  text: string;
  done?: boolean;
}

export interface CreateTaskInput {
  organizationId: string;
  title: string;
  description?: string;
  assigneeId?: string | null;
  dueDate?: string | null;
  priority?: TaskPriority;
  checklist?: ChecklistItemInput[];
}

const CREATE_TASK: TypedDocumentNode<{ createTask: { task: TaskDetail } }, { input: CreateTaskInput }> = gql`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      task {
        ...TaskDetail
      }
    }
  }
  ${TASK_DETAIL_FRAGMENT}
`;

export function useCreateTask() {
  return useMutation(CREATE_TASK, { refetchQueries: TASK_LIST_QUERIES });
}

export interface UpdateTaskInput {
  id: string;
  version: number;
  title?: string;
  description?: string;
  assigneeId?: string | null;
  dueDate?: string | null;
  priority?: TaskPriority;
  status?: TaskStatus;
  checklist?: ChecklistItemInput[];
}

const UPDATE_TASK: TypedDocumentNode<{ updateTask: { task: TaskDetail } }, { input: UpdateTaskInput }> = gql`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      task {
        ...TaskDetail
      }
    }
  }
  ${TASK_DETAIL_FRAGMENT}
`;

/** The task comes back with its id and new version: every list and panel showing it updates. */
export function useUpdateTask() {
  return useMutation(UPDATE_TASK, { refetchQueries: TASK_LIST_QUERIES });
}

/** The checklist as the API takes it back (ids kept, so items keep their identity). */
export function checklistInput(items: readonly ChecklistItem[]): ChecklistItemInput[] {
  return items.map(({ id, text, done }) => ({ id, text, done }));
}

const DELETE_TASK: TypedDocumentNode<{ deleteTask: { deletedTaskId: string } }, { input: { id: string } }> = gql`
  mutation DeleteTask($input: DeleteTaskInput!) {
    deleteTask(input: $input) {
      deletedTaskId
    }
  }
`;

export function useDeleteTask() {
  return useMutation(DELETE_TASK, {
    update(cache, { data }) {
      const id = data?.deleteTask.deletedTaskId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'Task', id }) });
      cache.gc();
    },
    refetchQueries: TASK_LIST_QUERIES,
  });
}

const ADD_COMMENT: TypedDocumentNode<{ addComment: { comment: CommentRow } }, { input: { subjectId: string; body: string } }> = gql`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      comment {
        ...CommentRow
      }
    }
  }
  ${COMMENT_FRAGMENT}
`;

/** Adds a comment to any record; pass the names of the queries that show the thread. */
export function useAddComment(refetchQueries: string[] = ['TaskComments']) {
  return useMutation(ADD_COMMENT, { refetchQueries, awaitRefetchQueries: true });
}

export interface RequestApprovalInput {
  subjectId: string;
  approverIds: string[];
  quorum?: number;
  dueDate?: string | null;
  note?: string;
}

const REQUEST_APPROVAL: TypedDocumentNode<{ requestApproval: { approvalRequest: ApprovalRequestRow } }, { input: RequestApprovalInput }> = gql`
  mutation RequestApproval($input: RequestApprovalInput!) {
    requestApproval(input: $input) {
      approvalRequest {
        ...ApprovalRequestRow
      }
    }
  }
  ${APPROVAL_REQUEST_ROW_FRAGMENT}
`;

export function useRequestApproval() {
  return useMutation(REQUEST_APPROVAL, { refetchQueries: ['TaskPanel', 'ApprovalsInbox', 'MyWork'], awaitRefetchQueries: true });
}

const MOVE_TASK: TypedDocumentNode<{ updateTask: { task: TaskRow } }, { input: { id: string; version: number; status: TaskStatus } }> = gql`
  mutation MoveTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      task {
        ...TaskRow
      }
    }
  }
  ${TASK_ROW_FRAGMENT}
`;

/** A card dropped on another column of the board: the status changes at once, the server confirms. */
export function useMoveTask() {
  return useMutation(MOVE_TASK, { refetchQueries: ['TaskBoardColumn', 'MyWork'], awaitRefetchQueries: true });
}
