import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../../organization/roles';
import { APPROVAL_REQUEST_ROW_FRAGMENT, type ApprovalRequestRow, type PersonRef } from '../tasks/task-fragments';
import type { DocumentFormat, DocumentKind, DocumentStatus, DocumentVersionStatus } from './document-words';

export interface StoredFileRef {
  __typename?: 'StoredFile';
  id: string;
  filename: string;
  url: string;
  sha256: string;
  size: number;
  contentType: string;
}

/** One version of a document, as the history shows it. */
export interface DocumentVersionRow {
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
  publishedAt: string | null;
  publishedBy: PersonRef | null;
  supersededAt: string | null;
  file: StoredFileRef | null;
  approvalRequest: ApprovalRequestRow | null;
}

export interface DocumentDraftRef {
  __typename?: 'DocumentDraft';
  version: number;
  contentHash: string;
  changedSinceCurrentVersion: boolean;
  updatedAt: string | null;
  updatedBy: PersonRef | null;
  file: StoredFileRef | null;
}

export interface DocumentVersionsNode {
  __typename: 'Document';
  id: string;
  title: string;
  format: DocumentFormat;
  status: DocumentStatus;
  versions: DocumentVersionRow[];
  currentVersion: { __typename?: 'DocumentVersion'; id: string } | null;
  draft: DocumentDraftRef | null;
}

const STORED_FILE_FIELDS = `
  id
  filename
  url
  sha256
  size
  contentType
`;

export const DOCUMENT_VERSIONS_QUERY: TypedDocumentNode<{ node: DocumentVersionsNode | { __typename: string; id: string } | null }, { id: string }> = gql`
  query DocumentVersions($id: ID!) {
    node(id: $id) {
      id
      ... on Document {
        title
        format
        status
        versions {
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
          publishedAt
          publishedBy {
            id
            name
          }
          supersededAt
          file {
            ${STORED_FILE_FIELDS}
          }
          approvalRequest {
            ...ApprovalRequestRow
          }
        }
        currentVersion {
          id
        }
        draft {
          version
          contentHash
          changedSinceCurrentVersion
          updatedAt
          updatedBy {
            id
            name
          }
          file {
            ${STORED_FILE_FIELDS}
          }
        }
      }
    }
  }
  ${APPROVAL_REQUEST_ROW_FRAGMENT}
`;

export function isDocumentVersionsNode(node: { __typename?: string } | null | undefined): node is DocumentVersionsNode {
  return node?.__typename === 'Document';
}

export type DiffKind = 'ADDED' | 'REMOVED' | 'SAME';

export interface DocumentDiffData {
  __typename?: 'DocumentDiff';
  added: number;
  removed: number;
  binary: boolean;
  fromLabel: string;
  toLabel: string;
  parts: { __typename?: 'DiffPart'; kind: DiffKind; text: string }[];
}

/** A word-level comparison: `fromVersionId` null is an empty document, `toVersionId` null the draft. */
export const DOCUMENT_COMPARE_QUERY: TypedDocumentNode<
  { node: { __typename: string; id: string; compare?: DocumentDiffData } | null },
  { id: string; fromVersionId: string | null; toVersionId: string | null }
> = gql`
  query DocumentCompare($id: ID!, $fromVersionId: ID, $toVersionId: ID) {
    node(id: $id) {
      id
      ... on Document {
        compare(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {
          added
          removed
          binary
          fromLabel
          toLabel
          parts {
            kind
            text
          }
        }
      }
    }
  }
`;

export interface RoleCoverage {
  __typename?: 'RoleCoverage';
  role: Role;
  required: number;
  acknowledged: number;
  percent: number;
}

export interface DocumentReader {
  __typename?: 'DocumentReader';
  user: { __typename?: 'User'; id: string; name: string; email: string };
  role: Role;
  acknowledgedAt: string | null;
}

export interface DocumentAcknowledgementsNode {
  __typename: 'Document';
  id: string;
  title: string;
  audienceRoles: Role[];
  currentVersion: { __typename?: 'DocumentVersion'; id: string; number: string; publishedAt: string | null } | null;
  acknowledgement: {
    __typename?: 'DocumentAcknowledgementStatus';
    versionNumber: string;
    required: number;
    acknowledged: number;
    percent: number;
    byRole: RoleCoverage[];
    people: DocumentReader[];
  } | null;
}

export const DOCUMENT_ACKNOWLEDGEMENTS_QUERY: TypedDocumentNode<{ node: DocumentAcknowledgementsNode | { __typename: string; id: string } | null }, { id: string }> = gql`
  query DocumentAcknowledgements($id: ID!) {
    node(id: $id) {
      id
      ... on Document {
        title
        audienceRoles
        currentVersion {
          id
          number
          publishedAt
        }
        acknowledgement {
          versionNumber
          required
          acknowledged
          percent
          byRole {
            role
            required
            acknowledged
            percent
          }
          people {
            user {
              id
              name
              email
            }
            role
            acknowledgedAt
          }
        }
      }
    }
  }
`;

/** A version as its approver sees it in the approvals panel: what it says, and where it stands. */
export interface DocumentVersionSubjectNode {
  __typename: 'DocumentVersion';
  id: string;
  number: string;
  minor: number;
  status: DocumentVersionStatus;
  changeSummary: string;
  contentHash: string;
  content: string;
  createdAt: string;
  author: PersonRef | null;
  file: StoredFileRef | null;
  document: {
    __typename?: 'Document';
    id: string;
    title: string;
    kind: DocumentKind;
    format: DocumentFormat;
    currentVersion: { __typename?: 'DocumentVersion'; id: string; number: string } | null;
    versions: { __typename?: 'DocumentVersion'; id: string; number: string; status: DocumentVersionStatus; createdAt: string; contentHash: string; file: StoredFileRef | null }[];
  };
}

export const DOCUMENT_VERSION_SUBJECT_QUERY: TypedDocumentNode<{ node: DocumentVersionSubjectNode | { __typename: string; id: string } | null }, { id: string }> = gql`
  query DocumentVersionSubject($id: ID!) {
    node(id: $id) {
      id
      ... on DocumentVersion {
        number
        minor
        status
        changeSummary
        contentHash
        content
        createdAt
        author {
          id
          name
        }
        file {
          ${STORED_FILE_FIELDS}
        }
        document {
          id
          title
          kind
          format
          currentVersion {
            id
            number
          }
          versions {
            id
            number
            status
            createdAt
            contentHash
            file {
              ${STORED_FILE_FIELDS}
            }
          }
        }
      }
    }
  }
`;

export function isDocumentVersionSubject(node: { __typename?: string } | null | undefined): node is DocumentVersionSubjectNode {
  return node?.__typename === 'DocumentVersion';
}

/** Which document a version belongs to (for links to a version). */
export const DOCUMENT_VERSION_LOCATION_QUERY: TypedDocumentNode<
  { node: { __typename: string; id: string; document?: { __typename?: 'Document'; id: string } } | null },
  { id: string }
> = gql`
  query DocumentVersionLocation($id: ID!) {
    node(id: $id) {
      id
      ... on DocumentVersion {
        document {
          id
        }
      }
    }
  }
`;

/** "Changes from 1.0": the version just before this one in the history (newest first), or null for the first. */
export function previousVersion<T extends { id: string }>(versions: readonly T[], id: string): T | null {
  const index = versions.findIndex((v) => v.id === id);
  return index >= 0 ? (versions[index + 1] ?? null) : null;
}

/** The first 12 characters of a hash: enough to tell versions apart on screen. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
