import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { AuditKind, AuditStatus, ChecklistVerdict, EvidenceRequestStatus, FindingKind } from './audit-words';

export interface AuditPerson {
  __typename?: 'User';
  id: string;
  name: string;
}

// --- The list -------------------------------------------------------------------------------------

export interface AuditRow {
  __typename?: 'Audit';
  id: string;
  kind: AuditKind;
  title: string;
  status: AuditStatus;
  startDate: string;
  endDate: string;
  closedAt: string | null;
  scopeRefs: string[];
  version: number;
  viewerCanConduct: boolean;
  leadAuditor: AuditPerson | null;
  team: AuditPerson[];
  evidenceRequests: { __typename?: 'EvidenceRequest'; id: string; status: EvidenceRequestStatus; overdue: boolean }[];
  findings: { __typename?: 'Finding'; id: string; kind: FindingKind }[];
}

export const AUDIT_ROW_FRAGMENT = gql`
  fragment AuditRow on Audit {
    id
    kind
    title
    status
    startDate
    endDate
    closedAt
    scopeRefs
    version
    viewerCanConduct
    leadAuditor {
      id
      name
    }
    team {
      id
      name
    }
    evidenceRequests {
      id
      status
      overdue
    }
    findings {
      id
      kind
    }
  }
`;

export interface ProgrammeCoverageRow {
  __typename?: 'ProgrammeCoverage';
  ref: string;
  title: string;
  covered: boolean;
  lastCoveredOn: string | null;
  auditIds: string[];
}

export interface AuditsPageData {
  organization: {
    __typename?: 'Organization';
    id: string;
    audits: { __typename?: 'AuditConnection'; totalCount: number; edges: { __typename?: 'AuditEdge'; node: AuditRow }[] } | null;
  } | null;
}

export interface AuditsPageVariables {
  id: string;
  filter: { kind?: AuditKind; status?: AuditStatus };
}

/** Every audit (at most 100: an organisation runs a handful a year), newest first. */
export const AUDITS_PAGE_QUERY: TypedDocumentNode<AuditsPageData, AuditsPageVariables> = gql`
  query AuditsPage($id: ID!, $filter: AuditFilter) {
    organization(id: $id) {
      id
      audits(first: 100, filter: $filter) {
        totalCount
        edges {
          node {
            ...AuditRow
          }
        }
      }
    }
  }
  ${AUDIT_ROW_FRAGMENT}
`;

interface AuditProgrammeData {
  organization: { __typename?: 'Organization'; id: string; auditProgramme: ProgrammeCoverageRow[] | null } | null;
}

export const AUDIT_PROGRAMME_QUERY: TypedDocumentNode<AuditProgrammeData, { id: string }> = gql`
  query AuditProgramme($id: ID!) {
    organization(id: $id) {
      id
      auditProgramme {
        ref
        title
        covered
        lastCoveredOn
        auditIds
      }
    }
  }
`;

export interface CatalogRef {
  __typename?: string;
  ref: string;
  title: string;
}

interface AuditCatalogData {
  catalog: { __typename?: 'Catalog'; clauses: (CatalogRef & { parent: string | null })[]; controls: CatalogRef[] };
}

export const AUDIT_CATALOG_QUERY: TypedDocumentNode<AuditCatalogData, Record<string, never>> = gql`
  query AuditCatalog {
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
    }
  }
`;

// --- One audit ------------------------------------------------------------------------------------

export interface AuditSessionRow {
  __typename?: 'AuditSession';
  id: string;
  startsAt: string;
  endsAt: string;
  topic: string;
  location: string;
  interviewees: AuditPerson[];
}

export interface ChecklistItemRow {
  __typename?: 'AuditChecklistItem';
  id: string;
  ref: string;
  requirement: string;
  verdict: ChecklistVerdict;
  notes: string;
  version: number;
  updatedAt: string | null;
}

export interface AuditDetail extends AuditRow {
  objectives: string;
  createdAt: string;
  updatedAt: string;
  agenda: AuditSessionRow[];
  checklist: ChecklistItemRow[];
}

const SESSION_FRAGMENT = gql`
  fragment AuditSessionRow on AuditSession {
    id
    startsAt
    endsAt
    topic
    location
    interviewees {
      id
      name
    }
  }
`;

const CHECKLIST_ITEM_FRAGMENT = gql`
  fragment ChecklistItemRow on AuditChecklistItem {
    id
    ref
    requirement
    verdict
    notes
    version
    updatedAt
  }
`;

export const AUDIT_DETAIL_FRAGMENT = gql`
  fragment AuditDetail on Audit {
    ...AuditRow
    objectives
    createdAt
    updatedAt
    agenda {
      ...AuditSessionRow
    }
    checklist {
      ...ChecklistItemRow
    }
  }
  ${AUDIT_ROW_FRAGMENT}
  ${SESSION_FRAGMENT}
  ${CHECKLIST_ITEM_FRAGMENT}
`;

interface AuditDetailData {
  node: ({ __typename: string; id: string } & Partial<AuditDetail>) | null;
}

export const AUDIT_DETAIL_QUERY: TypedDocumentNode<AuditDetailData, { id: string }> = gql`
  query AuditDetail($id: ID!) {
    node(id: $id) {
      id
      ... on Audit {
        ...AuditDetail
      }
    }
  }
  ${AUDIT_DETAIL_FRAGMENT}
`;

export function isAuditNode(node: AuditDetailData['node'] | undefined): node is { __typename: 'Audit' } & AuditDetail {
  return !!node && node.__typename === 'Audit';
}

// --- Mutations ------------------------------------------------------------------------------------

export interface CreateAuditInput {
  organizationId: string;
  kind: AuditKind;
  title: string;
  startDate: string;
  endDate: string;
  leadAuditorId?: string | null;
  teamIds?: string[];
  scopeRefs?: string[];
  objectives?: string;
}

export interface UpdateAuditInput {
  id: string;
  version: number;
  kind?: AuditKind;
  title?: string;
  startDate?: string;
  endDate?: string;
  leadAuditorId?: string | null;
  teamIds?: string[];
  scopeRefs?: string[];
  objectives?: string;
  status?: AuditStatus;
}

const CREATE_AUDIT_MUTATION: TypedDocumentNode<{ createAudit: { __typename?: 'CreateAuditPayload'; audit: AuditRow } }, { input: CreateAuditInput }> = gql`
  mutation CreateAudit($input: CreateAuditInput!) {
    createAudit(input: $input) {
      audit {
        ...AuditRow
      }
    }
  }
  ${AUDIT_ROW_FRAGMENT}
`;

export function useCreateAudit() {
  return useMutation(CREATE_AUDIT_MUTATION, { refetchQueries: ['AuditsPage', 'AuditProgramme'] });
}

const UPDATE_AUDIT_MUTATION: TypedDocumentNode<{ updateAudit: { __typename?: 'UpdateAuditPayload'; audit: AuditDetail } }, { input: UpdateAuditInput }> = gql`
  mutation UpdateAudit($input: UpdateAuditInput!) {
    updateAudit(input: $input) {
      audit {
        ...AuditDetail
      }
    }
  }
  ${AUDIT_DETAIL_FRAGMENT}
`;

export function useUpdateAudit() {
  return useMutation(UPDATE_AUDIT_MUTATION);
}

export interface AddAuditSessionInput {
  auditId: string;
  startsAt: string;
  endsAt: string;
  topic: string;
  location?: string;
  intervieweeIds?: string[];
}

const ADD_AUDIT_SESSION_MUTATION: TypedDocumentNode<{ addAuditSession: { __typename?: 'AddAuditSessionPayload'; session: AuditSessionRow } }, { input: AddAuditSessionInput }> = gql`
  mutation AddAuditSession($input: AddAuditSessionInput!) {
    addAuditSession(input: $input) {
      session {
        ...AuditSessionRow
      }
    }
  }
  ${SESSION_FRAGMENT}
`;

export function useAddAuditSession() {
  return useMutation(ADD_AUDIT_SESSION_MUTATION, { refetchQueries: ['AuditDetail'] });
}

export interface UpdateChecklistItemInput {
  id: string;
  version: number;
  verdict?: ChecklistVerdict;
  notes?: string;
}

const UPDATE_CHECKLIST_ITEM_MUTATION: TypedDocumentNode<
  { updateAuditChecklistItem: { __typename?: 'UpdateAuditChecklistItemPayload'; item: ChecklistItemRow } },
  { input: UpdateChecklistItemInput }
> = gql`
  mutation UpdateAuditChecklistItem($input: UpdateAuditChecklistItemInput!) {
    updateAuditChecklistItem(input: $input) {
      item {
        ...ChecklistItemRow
      }
    }
  }
  ${CHECKLIST_ITEM_FRAGMENT}
`;

export function useUpdateChecklistItem() {
  return useMutation(UPDATE_CHECKLIST_ITEM_MUTATION);
}
