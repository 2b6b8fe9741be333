import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { Role } from '../../organization/roles';
import type { Classification, DocumentFormat, DocumentKind, DocumentStatus, DocumentVersionStatus } from './document-words';

export interface PersonRef {
  __typename?: 'User';
  id: string;
  name: string;
}

// --- The register -----------------------------------------------------------------------------------

/** What a row of the register shows. */
export interface DocumentRow {
  __typename?: 'Document';
  id: string;
  title: string;
  kind: DocumentKind;
  format: DocumentFormat;
  status: DocumentStatus;
  classification: Classification;
  owner: PersonRef | null;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  reviewDueSoon: boolean;
  updatedAt: string;
  mandatoryRefs: string[];
  controlRefs: string[];
  viewerCanEdit: boolean;
  viewerMustAcknowledge: boolean;
  viewerAcknowledgedAt: string | null;
  currentVersion: { __typename?: 'DocumentVersion'; id: string; number: string; publishedAt: string | null } | null;
  pendingVersion: { __typename?: 'DocumentVersion'; id: string; number: string; status: DocumentVersionStatus } | null;
  /** Null before publication, and for those who may not read acknowledgements. */
  acknowledgement: { __typename?: 'DocumentAcknowledgementStatus'; percent: number; acknowledged: number; required: number; versionNumber: string } | null;
}

export const DOCUMENT_ROW_FRAGMENT = gql`
  fragment DocumentRow on Document {
    id
    title
    kind
    format
    status
    classification
    owner {
      id
      name
    }
    nextReviewOn
    reviewOverdue
    reviewDueSoon
    updatedAt
    mandatoryRefs
    controlRefs
    viewerCanEdit
    viewerMustAcknowledge
    viewerAcknowledgedAt
    currentVersion {
      id
      number
      publishedAt
    }
    pendingVersion {
      id
      number
      status
    }
    acknowledgement {
      percent
      acknowledged
      required
      versionNumber
    }
  }
`;

export interface DocumentFilterInput {
  kind?: DocumentKind;
  status?: DocumentStatus;
  ownerId?: string;
  search?: string;
  reviewOverdue?: boolean;
  controlRef?: string;
  mandatoryRef?: string;
}

export interface DocumentConnection<Row> {
  __typename?: 'DocumentConnection';
  totalCount: number;
  pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
  edges: { __typename?: 'DocumentEdge'; cursor: string; node: Row }[];
}

export interface DocumentsData {
  organization: { __typename?: 'Organization'; id: string; documents: DocumentConnection<DocumentRow> } | null;
}

export interface DocumentsVariables {
  id: string;
  first: number;
  after?: string | null;
  filter: DocumentFilterInput;
}

export const DOCUMENTS_PAGE_SIZE = 25;

export const DOCUMENT_REGISTER_QUERY: TypedDocumentNode<DocumentsData, DocumentsVariables> = gql`
  query DocumentRegister($id: ID!, $first: Int!, $after: String, $filter: DocumentFilter) {
    organization(id: $id) {
      id
      documents(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            ...DocumentRow
          }
        }
      }
    }
  }
  ${DOCUMENT_ROW_FRAGMENT}
`;

/** "Load more": the next page is appended to the list the query already holds (a row seen twice is kept once). */
export function appendDocumentPage(previous: DocumentsData, next: DocumentsData | undefined): DocumentsData {
  const before = previous.organization?.documents;
  const after = next?.organization?.documents;
  if (!previous.organization || !before || !after) return previous;
  const seen = new Set(before.edges.map((edge) => edge.node.id));
  return {
    ...previous,
    organization: {
      ...previous.organization,
      documents: { ...after, edges: [...before.edges, ...after.edges.filter((edge) => !seen.has(edge.node.id))] },
    },
  };
}

// --- To acknowledge ---------------------------------------------------------------------------------

export interface DocumentToAcknowledge {
  __typename?: 'Document';
  id: string;
  title: string;
  kind: DocumentKind;
  currentVersion: { __typename?: 'DocumentVersion'; id: string; number: string; publishedAt: string | null } | null;
}

export const DOCUMENT_TO_ACKNOWLEDGE_FRAGMENT = gql`
  fragment DocumentToAcknowledge on Document {
    id
    title
    kind
    currentVersion {
      id
      number
      publishedAt
    }
  }
`;

interface DocumentsToAcknowledgeData {
  organization: { __typename?: 'Organization'; id: string; documentsToAcknowledge: DocumentToAcknowledge[] } | null;
}

/** Published documents addressed to the viewer that they have not acknowledged yet (refetched live). */
export const DOCUMENTS_TO_ACKNOWLEDGE_QUERY: TypedDocumentNode<DocumentsToAcknowledgeData, { id: string }> = gql`
  query DocumentsToAcknowledge($id: ID!) {
    organization(id: $id) {
      id
      documentsToAcknowledge {
        ...DocumentToAcknowledge
      }
    }
  }
  ${DOCUMENT_TO_ACKNOWLEDGE_FRAGMENT}
`;

// --- The mandatory documents checklist -----------------------------------------------------------------

export interface MandatoryDocumentRow {
  __typename?: 'MandatoryDocument';
  ref: string;
  title: string;
  clause: string;
  /** DOCUMENT or RECORD. */
  kind: string;
  satisfied: boolean;
  /** Where Annex itself keeps these records, when it does. */
  keptIn: string | null;
  documents: { __typename?: 'Document'; id: string; title: string; status: DocumentStatus; reviewOverdue: boolean; currentVersion: { __typename?: 'DocumentVersion'; id: string; number: string } | null }[];
}

interface MandatoryDocumentsData {
  organization: { __typename?: 'Organization'; id: string; mandatoryDocuments: MandatoryDocumentRow[] | null } | null;
}

export const MANDATORY_DOCUMENTS_QUERY: TypedDocumentNode<MandatoryDocumentsData, { id: string }> = gql`
  query MandatoryDocuments($id: ID!) {
    organization(id: $id) {
      id
      mandatoryDocuments {
        ref
        title
        clause
        kind
        satisfied
        keptIn
        documents {
          id
          title
          status
          reviewOverdue
          currentVersion {
            id
            number
          }
        }
      }
    }
  }
`;

// --- Consistency ------------------------------------------------------------------------------------

export type ConsistencySeverity = 'ERROR' | 'WARNING';

/** A record involved in an issue: a document, a risk or an SoA entry (fields by type). */
export interface ConsistencySubject {
  __typename: string;
  id: string;
  /** Documents and risks. */
  title?: string;
  /** SoA entries. */
  controlRef?: string;
  control?: { __typename?: 'CatalogControl'; ref: string; title: string };
}

export interface ConsistencyIssueRow {
  __typename?: 'ConsistencyIssue';
  code: string;
  severity: ConsistencySeverity;
  message: string;
  ref: string | null;
  subjects: ConsistencySubject[];
}

interface ConsistencyIssuesData {
  organization: { __typename?: 'Organization'; id: string; consistencyIssues: ConsistencyIssueRow[] | null } | null;
}

export const CONSISTENCY_ISSUES_QUERY: TypedDocumentNode<ConsistencyIssuesData, { id: string }> = gql`
  query ConsistencyIssues($id: ID!) {
    organization(id: $id) {
      id
      consistencyIssues {
        code
        severity
        message
        ref
        subjects {
          id
          ... on Document {
            title
          }
          ... on Risk {
            title
          }
          ... on SoaEntry {
            controlRef
            control {
              ref
              title
            }
          }
        }
      }
    }
  }
`;

// --- Creating a document ------------------------------------------------------------------------------

export interface CatalogOption {
  __typename?: string;
  ref: string;
  title: string;
}

interface DocumentCatalogData {
  catalog: {
    __typename?: 'Catalog';
    clauses: (CatalogOption & { parent: string | null })[];
    controls: CatalogOption[];
    mandatoryDocuments: (CatalogOption & { clause: string; kind: string; source: string; description: string })[];
  };
}

/** The ISO/IEC 27001:2022 references a document can address (the same for every organisation). */
export const DOCUMENT_CATALOG_QUERY: TypedDocumentNode<DocumentCatalogData, Record<string, never>> = gql`
  query DocumentCatalog {
    catalog {
      clauses {
        ref
        title
        parent
      }
      controls {
        ref
        title
      }
      mandatoryDocuments {
        ref
        title
        clause
        kind
        source
        description
      }
    }
  }
`;

export interface CreateDocumentInput {
  organizationId: string;
  title: string;
  kind: DocumentKind;
  format?: DocumentFormat;
  ownerId?: string | null;
  classification?: Classification;
  reviewIntervalMonths?: number;
  audienceRoles?: Role[];
  clauseRefs?: string[];
  controlRefs?: string[];
  mandatoryRefs?: string[];
  content?: string;
}

interface CreateDocumentData {
  createDocument: { __typename?: 'CreateDocumentPayload'; document: DocumentRow };
}

const CREATE_DOCUMENT_MUTATION: TypedDocumentNode<CreateDocumentData, { input: CreateDocumentInput }> = gql`
  mutation CreateDocument($input: CreateDocumentInput!) {
    createDocument(input: $input) {
      document {
        ...DocumentRow
      }
    }
  }
  ${DOCUMENT_ROW_FRAGMENT}
`;

export function useCreateDocument() {
  return useMutation(CREATE_DOCUMENT_MUTATION, { refetchQueries: ['MandatoryDocuments', 'ConsistencyIssues'] });
}
