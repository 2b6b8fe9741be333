import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CorrectiveActionStatus, EvidenceRequestStatus, FindingKind, RootCauseMethod } from './audit-words';

export interface PersonRef {
  __typename?: 'User';
  id: string;
  name: string;
}

export interface EvidenceFileRow {
  __typename?: 'StoredFile';
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  url: string;
}

export interface EvidenceRow {
  __typename?: 'Evidence';
  id: string;
  title: string;
  note: string;
  createdAt: string;
  uploadedBy: PersonRef | null;
  file: EvidenceFileRow | null;
}

const EVIDENCE_ROW_FRAGMENT = gql`
  fragment AuditEvidenceRow on Evidence {
    id
    title
    note
    createdAt
    uploadedBy {
      id
      name
    }
    file {
      id
      filename
      contentType
      size
      sha256
      url
    }
  }
`;

export interface EvidenceRequestRow {
  __typename?: 'EvidenceRequest';
  id: string;
  title: string;
  description: string;
  status: EvidenceRequestStatus;
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  answeredAt: string | null;
  answerNote: string;
  reviewedAt: string | null;
  reviewComment: string;
  version: number;
  owner: PersonRef | null;
  requestedBy: PersonRef | null;
  evidence: EvidenceRow[];
}

interface AuditAccess {
  __typename: 'Audit';
  id: string;
  title: string;
  status: string;
  endDate: string;
  viewerCanConduct: boolean;
}

export interface AuditEvidenceRequestsData {
  node: (AuditAccess & { evidenceRequests: EvidenceRequestRow[] }) | { __typename: string; id: string } | null;
}

export const AUDIT_EVIDENCE_REQUESTS_QUERY: TypedDocumentNode<AuditEvidenceRequestsData, { auditId: string }> = gql`
  query AuditEvidenceRequests($auditId: ID!) {
    node(id: $auditId) {
      id
      ... on Audit {
        title
        status
        endDate
        viewerCanConduct
        evidenceRequests {
          id
          title
          description
          status
          dueAt
          overdue
          createdAt
          answeredAt
          answerNote
          reviewedAt
          reviewComment
          version
          owner {
            id
            name
          }
          requestedBy {
            id
            name
          }
          evidence {
            ...AuditEvidenceRow
          }
        }
      }
    }
  }
  ${EVIDENCE_ROW_FRAGMENT}
`;

export const REQUEST_EVIDENCE_MUTATION: TypedDocumentNode<
  { requestEvidence: { evidenceRequest: { id: string } } },
  { input: { auditId: string; title: string; description?: string | null; ownerId?: string | null; dueAt: string } }
> = gql`
  mutation RequestEvidence($input: RequestEvidenceInput!) {
    requestEvidence(input: $input) {
      evidenceRequest {
        id
        status
      }
    }
  }
`;

export const ANSWER_EVIDENCE_REQUEST_MUTATION: TypedDocumentNode<
  { answerEvidenceRequest: { evidenceRequest: { id: string; status: EvidenceRequestStatus } } },
  { input: { evidenceRequestId: string; evidenceIds?: string[] | null; note?: string | null } }
> = gql`
  mutation AnswerEvidenceRequest($input: AnswerEvidenceRequestInput!) {
    answerEvidenceRequest(input: $input) {
      evidenceRequest {
        id
        status
        answerNote
        answeredAt
        version
      }
    }
  }
`;

export const REVIEW_EVIDENCE_REQUEST_MUTATION: TypedDocumentNode<
  { reviewEvidenceRequest: { evidenceRequest: { id: string; status: EvidenceRequestStatus } } },
  { input: { evidenceRequestId: string; accepted: boolean; comment?: string | null } }
> = gql`
  mutation ReviewEvidenceRequest($input: ReviewEvidenceRequestInput!) {
    reviewEvidenceRequest(input: $input) {
      evidenceRequest {
        id
        status
        reviewComment
        reviewedAt
        version
      }
    }
  }
`;

// ------------------------------------------------------------------ findings and corrective actions

export interface CorrectiveActionRow {
  __typename?: 'CorrectiveAction';
  id: string;
  status: CorrectiveActionStatus;
  correction: string;
  rootCauseMethod: RootCauseMethod;
  rootCause: string;
  action: string;
  preventiveMeasures: string;
  dueDate: string;
  overdue: boolean;
  effectivenessReviewOn: string | null;
  lastRejection: string;
  verificationComment: string;
  verifiedAt: string | null;
  verifiedBy: PersonRef | null;
  owner: PersonRef | null;
  version: number;
  updatedAt: string;
  evidence: EvidenceRow[];
}

export interface FindingRow {
  __typename?: 'Finding';
  id: string;
  kind: FindingKind;
  requirementRef: string;
  requirementTitle: string;
  description: string;
  raisedAt: string;
  raisedBy: PersonRef | null;
  evidence: EvidenceRow[];
  correctiveAction: CorrectiveActionRow | null;
}

export interface RequirementOption {
  ref: string;
  title: string;
}

export interface AuditFindingsData {
  node: (AuditAccess & { findings: FindingRow[]; leadAuditor: PersonRef | null; team: PersonRef[] }) | { __typename: string; id: string } | null;
  catalog: { __typename?: 'Catalog'; clauses: RequirementOption[]; controls: RequirementOption[] };
}

const CORRECTIVE_ACTION_FRAGMENT = gql`
  fragment AuditCorrectiveAction on CorrectiveAction {
    id
    status
    correction
    rootCauseMethod
    rootCause
    action
    preventiveMeasures
    dueDate
    overdue
    effectivenessReviewOn
    lastRejection
    verificationComment
    verifiedAt
    verifiedBy {
      id
      name
    }
    owner {
      id
      name
    }
    version
    updatedAt
    evidence {
      ...AuditEvidenceRow
    }
  }
  ${EVIDENCE_ROW_FRAGMENT}
`;

export const AUDIT_FINDINGS_QUERY: TypedDocumentNode<AuditFindingsData, { auditId: string }> = gql`
  query AuditFindings($auditId: ID!) {
    node(id: $auditId) {
      id
      ... on Audit {
        title
        status
        endDate
        viewerCanConduct
        leadAuditor {
          id
          name
        }
        team {
          id
          name
        }
        findings {
          id
          kind
          requirementRef
          requirementTitle
          description
          raisedAt
          raisedBy {
            id
            name
          }
          evidence {
            ...AuditEvidenceRow
          }
          correctiveAction {
            ...AuditCorrectiveAction
          }
        }
      }
    }
    catalog {
      clauses {
        ref
        title
      }
      controls {
        ref
        title
      }
    }
  }
  ${EVIDENCE_ROW_FRAGMENT}
  ${CORRECTIVE_ACTION_FRAGMENT}
`;

export const RAISE_FINDING_MUTATION: TypedDocumentNode<
  { raiseFinding: { finding: { id: string } } },
  { input: { auditId: string; kind: FindingKind; requirementRef: string; description: string; evidenceIds?: string[] | null } }
> = gql`
  mutation RaiseFinding($input: RaiseFindingInput!) {
    raiseFinding(input: $input) {
      finding {
        id
      }
    }
  }
`;

export interface CorrectiveActionFieldsInput {
  ownerId?: string | null;
  dueDate?: string | null;
  correction?: string | null;
  rootCauseMethod?: RootCauseMethod | null;
  rootCause?: string | null;
  action?: string | null;
  preventiveMeasures?: string | null;
  effectivenessReviewOn?: string | null;
}

export const CREATE_CORRECTIVE_ACTION_MUTATION: TypedDocumentNode<
  { createCorrectiveAction: { correctiveAction: CorrectiveActionRow } },
  { input: CorrectiveActionFieldsInput & { findingId: string } }
> = gql`
  mutation CreateCorrectiveAction($input: CreateCorrectiveActionInput!) {
    createCorrectiveAction(input: $input) {
      correctiveAction {
        ...AuditCorrectiveAction
      }
    }
  }
  ${CORRECTIVE_ACTION_FRAGMENT}
`;

export const UPDATE_CORRECTIVE_ACTION_MUTATION: TypedDocumentNode<
  { updateCorrectiveAction: { correctiveAction: CorrectiveActionRow } },
  { input: CorrectiveActionFieldsInput & { id: string; version: number; status?: CorrectiveActionStatus | null; evidenceIds?: string[] | null } }
> = gql`
  mutation UpdateCorrectiveAction($input: UpdateCorrectiveActionInput!) {
    updateCorrectiveAction(input: $input) {
      correctiveAction {
        ...AuditCorrectiveAction
      }
    }
  }
  ${CORRECTIVE_ACTION_FRAGMENT}
`;

export const VERIFY_CORRECTIVE_ACTION_MUTATION: TypedDocumentNode<
  { verifyCorrectiveAction: { correctiveAction: CorrectiveActionRow } },
  { input: { id: string; effective: boolean; comment?: string | null } }
> = gql`
  mutation VerifyCorrectiveAction($input: VerifyCorrectiveActionInput!) {
    verifyCorrectiveAction(input: $input) {
      correctiveAction {
        ...AuditCorrectiveAction
      }
    }
  }
  ${CORRECTIVE_ACTION_FRAGMENT}
`;

// ------------------------------------------------------------------ uploads

export type EvidenceUploadResult =
  | { ok: true; id: string; sha256: string; size: number; filename: string }
  | { ok: false; code: string; message: string; filename: string };

/** Uploads one file as evidence (POST /uploads); the returned id is then attached by a mutation. */
export async function uploadEvidenceFile(
  organizationId: string,
  file: File,
  fields: { title?: string; controlRefs?: string[]; subjectId?: string; effectiveOn?: string; expiresOn?: string } = {},
): Promise<EvidenceUploadResult> {
  const body = new FormData();
  body.append('file', file);
  if (fields.title) body.append('title', fields.title);
  if (fields.controlRefs?.length) body.append('controlRefs', fields.controlRefs.join(','));
  if (fields.subjectId) body.append('subjectId', fields.subjectId);
  if (fields.effectiveOn) body.append('effectiveOn', fields.effectiveOn);
  if (fields.expiresOn) body.append('expiresOn', fields.expiresOn);
  let response: Response;
  try {
    response = await fetch('/uploads', { method: 'POST', body, credentials: 'same-origin', headers: { 'x-annex-upload': '1', 'x-organization-id': organizationId } });
  } catch {
    return { ok: false, code: 'NETWORK', message: 'Annex could not be reached. Check your connection and try again.', filename: file.name };
  }
  const json = (await response.json().catch(() => null)) as { id?: string; sha256?: string; size?: number; filename?: string; error?: { code?: string; message?: string } } | null;
  if (response.ok && json && typeof json.id === 'string') return { ok: true, id: json.id, sha256: json.sha256 ?? '', size: json.size ?? file.size, filename: json.filename ?? file.name };
  return {
    ok: false,
    code: json?.error?.code ?? (response.status === 413 ? 'TOO_LARGE' : 'INTERNAL_SERVER_ERROR'),
    message: json?.error?.message ?? (response.status === 413 ? 'The file is too large.' : `The upload failed (HTTP ${response.status}).`),
    filename: file.name,
  };
}

/** Uploads every file; stops at the first failure and says which file failed and why. */
export async function uploadEvidenceFiles(organizationId: string, files: File[], fields: { title?: string; controlRefs?: string[] } = {}): Promise<{ ok: true; ids: string[] } | { ok: false; message: string }> {
  const ids: string[] = [];
  for (const file of files) {
    const result = await uploadEvidenceFile(organizationId, file, fields);
    if (!result.ok) return { ok: false, message: `“${result.filename}” was not uploaded: ${result.message}` };
    ids.push(result.id);
  }
  return { ok: true, ids };
}

/** "1.2 MB", "340 KB". */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
