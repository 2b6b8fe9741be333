import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AuditKind, AuditStatus } from '../audits/audit-words';

export type CertificationStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'BLOCKED' | 'READY_FOR_DECISION' | 'CERTIFIED' | 'EXPIRED';
export type DecisionKind = 'GRANTED' | 'REFUSED';

export interface BlockerSubject {
  __typename: string;
  id: string;
  requirementRef?: string;
  audit?: { __typename?: 'Audit'; id: string };
  title?: string;
}

export interface CertificationBlockerRow {
  __typename?: 'CertificationBlocker';
  code: string;
  message: string;
  subject: BlockerSubject | null;
}

export interface CertificateRow {
  __typename?: 'Certificate';
  id: string;
  issuedOn: string;
  expiresOn: string;
  certificationBody: string;
  certificateNumber: string;
  scope: string;
}

export interface DecisionRow {
  __typename?: 'CertificationDecision';
  id: string;
  decision: DecisionKind;
  decidedOn: string;
  /** The stage 2 or recertification audit decided on (null if you may not see it). */
  audit: { __typename?: 'Audit'; id: string } | null;
}

export interface CycleAuditRow {
  __typename?: 'Audit';
  id: string;
  title: string;
  kind: AuditKind;
  status: AuditStatus;
  startDate: string;
  endDate: string;
}

export interface NextAuditRow {
  __typename?: 'NextAudit';
  kind: AuditKind;
  dueOn: string;
  audit: { __typename?: 'Audit'; id: string; title: string; status: AuditStatus; startDate: string } | null;
}

export interface CertificationRow {
  __typename?: 'Certification';
  status: CertificationStatus;
  blockers: CertificationBlockerRow[];
  certificate: CertificateRow | null;
  decisions: DecisionRow[];
  nextAudits: NextAuditRow[];
  stage1Readiness: { __typename?: 'Stage1Readiness'; ready: boolean; blockers: Array<{ __typename?: 'CertificationBlocker'; code: string; message: string }> };
}

export interface CertificationPageData {
  organization: {
    __typename?: 'Organization';
    id: string;
    certification: CertificationRow | null;
    audits: { __typename?: 'AuditConnection'; edges: { __typename?: 'AuditEdge'; node: CycleAuditRow }[] } | null;
  } | null;
}

const CERTIFICATION_FIELDS = gql`
  fragment CertificationFields on Certification {
    status
    stage1Readiness {
      ready
      blockers {
        code
        message
      }
    }
    blockers {
      code
      message
      subject {
        id
        __typename
        ... on Finding {
          requirementRef
          audit {
            id
          }
        }
        ... on Audit {
          title
        }
      }
    }
    certificate {
      id
      issuedOn
      expiresOn
      certificationBody
      certificateNumber
      scope
    }
    decisions {
      id
      decision
      decidedOn
      audit {
        id
      }
    }
    nextAudits {
      kind
      dueOn
      audit {
        id
        title
        status
        startDate
      }
    }
  }
`;

export const CERTIFICATION_PAGE_QUERY: TypedDocumentNode<CertificationPageData, { id: string }> = gql`
  query CertificationPage($id: ID!) {
    organization(id: $id) {
      id
      certification {
        ...CertificationFields
      }
      audits(first: 50) {
        edges {
          node {
            id
            title
            kind
            status
            startDate
            endDate
          }
        }
      }
    }
  }
  ${CERTIFICATION_FIELDS}
`;

export const RECORD_DECISION_MUTATION: TypedDocumentNode<
  { recordCertificationDecision: { __typename?: 'RecordCertificationDecisionPayload'; certification: CertificationRow } },
  { input: { organizationId: string; auditId: string; decision: DecisionKind; decidedOn: string } }
> = gql`
  mutation RecordCertificationDecision($input: RecordCertificationDecisionInput!) {
    recordCertificationDecision(input: $input) {
      certification {
        ...CertificationFields
      }
    }
  }
  ${CERTIFICATION_FIELDS}
`;

export const RECORD_CERTIFICATE_MUTATION: TypedDocumentNode<
  { recordCertificate: { __typename?: 'RecordCertificatePayload'; certificate: CertificateRow } },
  { input: { organizationId: string; issuedOn: string; certificationBody: string; certificateNumber: string; scope: string } }
> = gql`
  mutation RecordCertificate($input: RecordCertificateInput!) {
    recordCertificate(input: $input) {
      certificate {
        id
        issuedOn
        expiresOn
        certificationBody
        certificateNumber
        scope
      }
    }
  }
`;
