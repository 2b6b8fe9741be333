import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { Role } from '../../organization/roles';
import type { ApprovalStatus, TaskStatus } from '../tasks/task-fragments';
import type { CommentRow } from '../tasks/task-fragments';
import { COMMENT_FRAGMENT } from '../tasks/task-fragments';
import type { Classification, DocumentFormat, DocumentKind, DocumentStatus, DocumentVersionStatus } from './document-words';

interface PersonRef {
  __typename?: 'User';
  id: string;
  name: string;
}

export interface StoredFileRow {
  __typename?: 'StoredFile';
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  url: string;
}

const STORED_FILE_FRAGMENT = gql`
  fragment DocumentFileRow on StoredFile {
    id
    filename
    contentType
    size
    sha256
    uploadedAt
    url
  }
`;

/** The version awaiting approval or publication, with its approval request. */
export interface PendingVersionRow {
  __typename?: 'DocumentVersion';
  id: string;
  number: string;
  major: number;
  minor: number;
  status: DocumentVersionStatus;
  contentHash: string;
  changeSummary: string;
  createdAt: string;
  author: PersonRef | null;
  approvalRequest: {
    __typename?: 'ApprovalRequest';
    id: string;
    status: ApprovalStatus;
    dueDate: string | null;
    viewerCanDecide: boolean;
    approvers: PersonRef[];
    decisions: { __typename?: 'ApprovalDecision'; id: string; decision: 'APPROVE' | 'REJECT'; decidedAt: string; approver: PersonRef }[];
  } | null;
}

/** The published version in force, with its content for the read view. */
export interface CurrentVersionRow {
  __typename?: 'DocumentVersion';
  id: string;
  number: string;
  major: number;
  minor: number;
  content: string;
  contentHash: string;
  changeSummary: string;
  publishedAt: string | null;
  publishedBy: PersonRef | null;
  file: StoredFileRow | null;
}

export interface VersionSummaryRow {
  __typename?: 'DocumentVersion';
  id: string;
  number: string;
  major: number;
  minor: number;
  status: DocumentVersionStatus;
  contentHash: string;
  createdAt: string;
  author: PersonRef | null;
  approvalRequest: {
    __typename?: 'ApprovalRequest';
    id: string;
    status: ApprovalStatus;
    decisions: { __typename?: 'ApprovalDecision'; id: string; decision: 'APPROVE' | 'REJECT'; comment: string; approver: PersonRef }[];
  } | null;
}

export interface DocumentTaskRow {
  __typename?: 'Task';
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
  overdue: boolean;
  assignee: PersonRef | null;
}

export interface DocumentDraftRow {
  __typename?: 'DocumentDraft';
  version: number;
  contentHash: string;
  updatedAt: string | null;
  updatedBy: PersonRef | null;
  changedSinceCurrentVersion: boolean;
  file: StoredFileRow | null;
}

export interface DocumentDetail {
  __typename: 'Document';
  id: string;
  title: string;
  kind: DocumentKind;
  format: DocumentFormat;
  status: DocumentStatus;
  classification: Classification;
  /** Version of the details, for updateDocument. */
  version: number;
  owner: PersonRef | null;
  audienceRoles: Role[];
  clauseRefs: string[];
  controlRefs: string[];
  mandatoryRefs: string[];
  reviewIntervalMonths: number;
  nextReviewOn: string | null;
  lastReviewedOn: string | null;
  reviewOverdue: boolean;
  reviewDueSoon: boolean;
  viewerCanEdit: boolean;
  viewerMustAcknowledge: boolean;
  viewerAcknowledgedAt: string | null;
  createdAt: string;
  updatedAt: string;
  draft: DocumentDraftRow | null;
  currentVersion: CurrentVersionRow | null;
  pendingVersion: PendingVersionRow | null;
  versions: VersionSummaryRow[];
  tasks: DocumentTaskRow[];
}

const DOCUMENT_DETAIL_FRAGMENT = gql`
  fragment DocumentDetail on Document {
    id
    title
    kind
    format
    status
    classification
    version
    owner {
      id
      name
    }
    audienceRoles
    clauseRefs
    controlRefs
    mandatoryRefs
    reviewIntervalMonths
    nextReviewOn
    lastReviewedOn
    reviewOverdue
    reviewDueSoon
    viewerCanEdit
    viewerMustAcknowledge
    viewerAcknowledgedAt
    createdAt
    updatedAt
    draft {
      version
      contentHash
      updatedAt
      updatedBy {
        id
        name
      }
      changedSinceCurrentVersion
      file {
        ...DocumentFileRow
      }
    }
    currentVersion {
      id
      number
      major
      minor
      content
      contentHash
      changeSummary
      publishedAt
      publishedBy {
        id
        name
      }
      file {
        ...DocumentFileRow
      }
    }
    pendingVersion {
      id
      number
      major
      minor
      status
      contentHash
      changeSummary
      createdAt
      author {
        id
        name
      }
      approvalRequest {
        id
        status
        dueDate
        viewerCanDecide
        approvers {
          id
          name
        }
        decisions {
          id
          decision
          decidedAt
          approver {
            id
            name
          }
        }
      }
    }
    versions {
      id
      number
      major
      minor
      status
      contentHash
      createdAt
      author {
        id
        name
      }
      approvalRequest {
        id
        status
        decisions {
          id
          decision
          comment
          approver {
            id
            name
          }
        }
      }
    }
    tasks {
      id
      title
      status
      dueDate
      overdue
      assignee {
        id
        name
      }
    }
  }
  ${STORED_FILE_FRAGMENT}
`;

export function isDocumentNode(node: { __typename?: string } | null | undefined): node is DocumentDetail {
  return node?.__typename === 'Document';
}

/** The document page: refetched live (the name is in STALE_QUERIES) when the document or its approvals change. */
export const DOCUMENT_PAGE_QUERY: TypedDocumentNode<{ node: ({ __typename: string; id: string } & Partial<DocumentDetail>) | null }, { id: string }> = gql`
  query DocumentPage($id: ID!) {
    node(id: $id) {
      id
      ...DocumentDetail
    }
  }
  ${DOCUMENT_DETAIL_FRAGMENT}
`;

export interface CatalogOptionsData {
  catalog: {
    __typename?: 'Catalog';
    clauses: { __typename?: 'CatalogClause'; ref: string; title: string; parent: string | null }[];
    controls: { __typename?: 'CatalogControl'; ref: string; title: string; theme: 'ORGANIZATIONAL' | 'PEOPLE' | 'PHYSICAL' | 'TECHNOLOGICAL' }[];
    mandatoryDocuments: { __typename?: 'CatalogMandatoryDocument'; ref: string; title: string; clause: string; kind: string }[];
  };
}

/** The ISO/IEC 27001 references a document can be tagged with. */
export const DOCUMENT_CATALOG_QUERY: TypedDocumentNode<CatalogOptionsData, Record<string, never>> = gql`
  query DocumentDetailsCatalog {
    catalog {
      clauses {
        ref
        title
        parent
      }
      controls {
        ref
        title
        theme
      }
      mandatoryDocuments {
        ref
        title
        clause
        kind
      }
    }
  }
`;

export interface UpdateDocumentInput {
  id: string;
  version: number;
  title?: string;
  kind?: DocumentKind;
  ownerId?: string;
  classification?: Classification;
  reviewIntervalMonths?: number;
  audienceRoles?: Role[];
  clauseRefs?: string[];
  controlRefs?: string[];
  mandatoryRefs?: string[];
}

const UPDATE_DOCUMENT: TypedDocumentNode<{ updateDocument: { document: DocumentDetail } }, { input: UpdateDocumentInput }> = gql`
  mutation UpdateDocument($input: UpdateDocumentInput!) {
    updateDocument(input: $input) {
      document {
        ...DocumentDetail
      }
    }
  }
  ${DOCUMENT_DETAIL_FRAGMENT}
`;

export function useUpdateDocument() {
  return useMutation(UPDATE_DOCUMENT);
}

export interface SubmitDocumentInput {
  documentId: string;
  approverIds: string[];
  changeSummary: string;
  major: boolean;
  dueDate?: string | null;
}

const SUBMIT_DOCUMENT: TypedDocumentNode<
  { submitDocumentForApproval: { version: { __typename?: 'DocumentVersion'; id: string; number: string; status: DocumentVersionStatus }; approvalRequest: { __typename?: 'ApprovalRequest'; id: string } } },
  { input: SubmitDocumentInput }
> = gql`
  mutation SubmitDocumentForApproval($input: SubmitDocumentForApprovalInput!) {
    submitDocumentForApproval(input: $input) {
      version {
        id
        number
        status
      }
      approvalRequest {
        id
      }
    }
  }
`;

export function useSubmitDocument() {
  return useMutation(SUBMIT_DOCUMENT, { refetchQueries: ['DocumentPage', 'DocumentVersions', 'ApprovalsInbox', 'MyWork'], awaitRefetchQueries: true });
}

const PUBLISH_DOCUMENT_VERSION: TypedDocumentNode<{ publishDocumentVersion: { document: DocumentDetail } }, { input: { documentVersionId: string } }> = gql`
  mutation PublishDocumentVersion($input: PublishDocumentVersionInput!) {
    publishDocumentVersion(input: $input) {
      document {
        ...DocumentDetail
      }
    }
  }
  ${DOCUMENT_DETAIL_FRAGMENT}
`;

export function usePublishDocumentVersion() {
  return useMutation(PUBLISH_DOCUMENT_VERSION, { refetchQueries: ['DocumentVersions', 'DocumentAcknowledgements', 'MyWork'] });
}

const MARK_DOCUMENT_REVIEWED: TypedDocumentNode<{ markDocumentReviewed: { document: DocumentDetail } }, { input: { documentId: string; note?: string } }> = gql`
  mutation MarkDocumentReviewed($input: MarkDocumentReviewedInput!) {
    markDocumentReviewed(input: $input) {
      document {
        ...DocumentDetail
      }
    }
  }
  ${DOCUMENT_DETAIL_FRAGMENT}
`;

export function useMarkDocumentReviewed() {
  return useMutation(MARK_DOCUMENT_REVIEWED, { refetchQueries: ['MyWork'] });
}

const ACKNOWLEDGE_DOCUMENT: TypedDocumentNode<
  { acknowledgeDocument: { acknowledgement: { __typename?: 'DocumentAcknowledgement'; id: string; at: string; version: { __typename?: 'DocumentVersion'; id: string; number: string } } } },
  { input: { documentVersionId: string } }
> = gql`
  mutation AcknowledgeDocument($input: AcknowledgeDocumentInput!) {
    acknowledgeDocument(input: $input) {
      acknowledgement {
        id
        at
        version {
          id
          number
        }
      }
    }
  }
`;

export function useAcknowledgeDocument() {
  return useMutation(ACKNOWLEDGE_DOCUMENT, { refetchQueries: ['DocumentPage', 'DocumentAcknowledgements', 'DocumentsToAcknowledge', 'MyWork'], awaitRefetchQueries: true });
}

export interface DocumentCommentsData {
  organization: {
    __typename?: 'Organization';
    id: string;
    comments: {
    __typename?: 'CommentConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    edges: { __typename?: 'CommentEdge'; cursor: string; node: CommentRow }[];
    };
  } | null;
}

export const DOCUMENT_COMMENTS_QUERY: TypedDocumentNode<DocumentCommentsData, { organizationId: string; subjectId: string; first: number }> = gql`
  query DocumentComments($organizationId: ID!, $subjectId: ID!, $first: Int!) {
    organization(id: $organizationId) {
      id
      comments(subjectId: $subjectId, first: $first) {
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
  ${COMMENT_FRAGMENT}
`;

/** What the upload endpoint answers. */
export type UploadResult = { ok: true; draftVersion: number; sha256: string } | { ok: false; code: string; message: string };

/** Uploads a file document's new draft (PDF or DOCX); `baseVersion` guards against overwriting someone else's upload. */
export async function uploadDocumentFile(documentId: string, file: File, baseVersion: number | null): Promise<UploadResult> {
  const body = new FormData();
  body.append('file', file);
  if (baseVersion !== null) body.append('baseVersion', String(baseVersion));
  let response: Response;
  try {
    response = await fetch(`/documents/${encodeURIComponent(documentId)}/file`, { method: 'POST', body, credentials: 'same-origin', headers: { 'x-annex-upload': '1' } });
  } catch {
    return { ok: false, code: 'NETWORK', message: 'Annex could not be reached. Check your connection and try again.' };
  }
  const json = (await response.json().catch(() => null)) as { draftVersion?: number; sha256?: string; error?: { code?: string; message?: string } } | null;
  if (response.ok && json && typeof json.draftVersion === 'number') return { ok: true, draftVersion: json.draftVersion, sha256: json.sha256 ?? '' };
  return {
    ok: false,
    code: json?.error?.code ?? (response.status === 413 ? 'TOO_LARGE' : 'INTERNAL_SERVER_ERROR'),
    message: json?.error?.message ?? `The upload failed (HTTP ${response.status}).`,
  };
}

/** The number the next version gets: a major change starts the next whole number, a minor one counts up (numbers are never reused). */
export function nextVersionNumber(versions: readonly { major: number; minor: number }[], major: boolean): string {
  const top = versions.reduce((best, v) => (v.major > best.major || (v.major === best.major && v.minor > best.minor) ? v : best), { major: 0, minor: 0 });
  return major ? `${top.major + 1}.0` : `${top.major}.${top.minor + 1}`;
}
