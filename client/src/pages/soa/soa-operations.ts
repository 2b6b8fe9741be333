import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { ApprovalStatus } from '../tasks/task-fragments';
import type { RiskLevel } from '../risks/risk-words';
import type { ControlTheme, SoaImplementationStatus } from './soa-words';

interface PersonRef {
  __typename?: 'User';
  id: string;
  name: string;
}

/** One Annex A control in the SoA, as the editor shows it. */
export interface SoaEntryRow {
  __typename?: 'SoaEntry';
  id: string;
  version: number;
  controlRef: string;
  control: { __typename?: 'CatalogControl'; ref: string; title: string; theme: ControlTheme; summary: string };
  applicable: boolean | null;
  justification: string;
  implementationStatus: SoaImplementationStatus;
  suggestedApplicable: boolean;
  risks: { __typename?: 'Risk'; id: string; title: string; level: RiskLevel }[];
  riskCount: number;
  documents: { __typename?: 'Document'; id: string; title: string; currentVersion: { __typename?: 'DocumentVersion'; id: string; number: string } | null }[];
  updatedAt: string | null;
  updatedBy: PersonRef | null;
}

const SOA_ENTRY_FRAGMENT = gql`
  fragment SoaEntryRow on SoaEntry {
    id
    version
    controlRef
    control {
      ref
      title
      theme
      summary
    }
    applicable
    justification
    implementationStatus
    suggestedApplicable
    riskCount
    risks {
      id
      title
      level
    }
    documents {
      id
      title
      currentVersion {
        id
        number
      }
    }
    updatedAt
    updatedBy {
      id
      name
    }
  }
`;

export interface SoaSnapshotEntry {
  __typename?: 'SoaVersionEntry';
  controlRef: string;
  applicable: boolean | null;
  justification: string;
  implementationStatus: SoaImplementationStatus;
}

export interface SoaVersionRow {
  __typename?: 'SoaVersion';
  id: string;
  number: number;
  note: string;
  contentHash: string;
  issuedAt: string;
  issuedBy: PersonRef;
  approval: {
    __typename?: 'ApprovalRequest';
    id: string;
    status: ApprovalStatus;
    closedAt: string | null;
    decisions: { __typename?: 'ApprovalDecision'; id: string; decision: 'APPROVE' | 'REJECT'; decidedAt: string; approver: PersonRef }[];
  } | null;
  approvalRequests: { __typename?: 'ApprovalRequest'; id: string; status: ApprovalStatus; createdAt: string; approvers: PersonRef[] }[];
}

const SOA_VERSION_FRAGMENT = gql`
  fragment SoaVersionRow on SoaVersion {
    id
    number
    note
    contentHash
    issuedAt
    issuedBy {
      id
      name
    }
    approval {
      id
      status
      closedAt
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
    approvalRequests {
      id
      status
      createdAt
      approvers {
        id
        name
      }
    }
  }
`;

export interface SoaPageData {
  organization: {
    __typename?: 'Organization';
    id: string;
    statementOfApplicability: {
      __typename?: 'StatementOfApplicability';
      version: number;
      changedSinceIssued: boolean;
      latestVersion: { __typename?: 'SoaVersion'; id: string; number: number; entries: SoaSnapshotEntry[] } | null;
      entries: SoaEntryRow[];
    } | null;
    soaVersions: SoaVersionRow[] | null;
  } | null;
}

/**
 * The editor and the versions. The latest version's entries come along so the header can say,
 * as you edit, how far the draft has moved from it (the counts are computed from the entries).
 */
export const SOA_PAGE_QUERY: TypedDocumentNode<SoaPageData, { id: string }> = gql`
  query SoaPage($id: ID!) {
    organization(id: $id) {
      id
      statementOfApplicability {
        version
        changedSinceIssued
        latestVersion {
          id
          number
          entries {
            controlRef
            applicable
            justification
            implementationStatus
          }
        }
        entries {
          ...SoaEntryRow
        }
      }
      soaVersions {
        ...SoaVersionRow
      }
    }
  }
  ${SOA_ENTRY_FRAGMENT}
  ${SOA_VERSION_FRAGMENT}
`;

export interface SoaChange {
  __typename?: 'SoaChange';
  controlRef: string;
  field: string;
  before: string | null;
  after: string | null;
}

export const SOA_COMPARE_QUERY: TypedDocumentNode<
  { organization: { __typename?: 'Organization'; id: string; compareSoaVersions: SoaChange[] | null } | null },
  { id: string; from: number; to: number | null }
> = gql`
  query SoaCompare($id: ID!, $from: Int!, $to: Int) {
    organization(id: $id) {
      id
      compareSoaVersions(from: $from, to: $to) {
        controlRef
        field
        before
        after
      }
    }
  }
`;

export interface UpdateSoaEntryInput {
  organizationId: string;
  controlRef: string;
  version: number;
  applicable?: boolean | null;
  justification?: string;
  implementationStatus?: SoaImplementationStatus;
}

const UPDATE_SOA_ENTRY: TypedDocumentNode<{ updateSoaEntry: { entry: SoaEntryRow } }, { input: UpdateSoaEntryInput }> = gql`
  mutation UpdateSoaEntry($input: UpdateSoaEntryInput!) {
    updateSoaEntry(input: $input) {
      entry {
        ...SoaEntryRow
      }
    }
  }
  ${SOA_ENTRY_FRAGMENT}
`;

/** The entry comes back with its new version and replaces itself in the editor. */
export function useUpdateSoaEntry() {
  return useMutation(UPDATE_SOA_ENTRY);
}

const ISSUE_SOA_VERSION: TypedDocumentNode<{ issueSoaVersion: { soaVersion: SoaVersionRow } }, { input: { organizationId: string; note?: string } }> = gql`
  mutation IssueSoaVersion($input: IssueSoaVersionInput!) {
    issueSoaVersion(input: $input) {
      soaVersion {
        ...SoaVersionRow
      }
    }
  }
  ${SOA_VERSION_FRAGMENT}
`;

export function useIssueSoaVersion() {
  return useMutation(ISSUE_SOA_VERSION, { refetchQueries: ['SoaPage'], awaitRefetchQueries: true });
}

const REQUEST_SOA_APPROVAL: TypedDocumentNode<
  { requestApproval: { approvalRequest: { __typename?: 'ApprovalRequest'; id: string; status: ApprovalStatus } } },
  { input: { subjectId: string; approverIds: string[]; note?: string; dueDate?: string | null; quorum?: number } }
> = gql`
  mutation RequestSoaApproval($input: RequestApprovalInput!) {
    requestApproval(input: $input) {
      approvalRequest {
        id
        status
      }
    }
  }
`;

export function useRequestSoaApproval() {
  return useMutation(REQUEST_SOA_APPROVAL, { refetchQueries: ['SoaPage', 'ApprovalsInbox', 'MyWork'], awaitRefetchQueries: true });
}

export type SoaExportFormat = 'csv' | 'xlsx' | 'pdf';

/** `version`: current (the draft), approved (the latest approved version) or a number. */
export function soaExportHref(organizationId: string, format: SoaExportFormat, version: 'current' | 'approved' | number): string {
  return `/exports/organizations/${encodeURIComponent(organizationId)}/soa.${format}?version=${encodeURIComponent(String(version))}`;
}
