import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AuditKind, AuditStatus, CorrectiveActionStatus, EvidenceRequestStatus, FindingKind } from './audit-words';

interface PersonRef {
  __typename?: 'User';
  id: string;
  name: string;
}

export interface BoardSession {
  __typename?: 'AuditSession';
  id: string;
  topic: string;
  location: string;
  startsAt: string;
  endsAt: string;
  interviewees: PersonRef[];
}

export interface BoardEvidenceRequest {
  __typename?: 'EvidenceRequest';
  id: string;
  title: string;
  status: EvidenceRequestStatus;
  dueAt: string;
  overdue: boolean;
  owner: PersonRef | null;
  answeredAt: string | null;
  reviewComment: string;
}

export interface BoardFinding {
  __typename?: 'Finding';
  id: string;
  kind: FindingKind;
  requirementRef: string;
  requirementTitle: string;
  description: string;
  raisedAt: string;
  raisedBy: PersonRef | null;
}

export interface BoardAudit {
  __typename: 'Audit';
  id: string;
  title: string;
  kind: AuditKind;
  status: AuditStatus;
  startDate: string;
  endDate: string;
  leadAuditor: PersonRef | null;
  team: PersonRef[];
  agenda: BoardSession[];
  evidenceRequests: BoardEvidenceRequest[];
  findings: BoardFinding[];
}

export interface BoardCorrectiveAction {
  __typename?: 'CorrectiveAction';
  id: string;
  status: CorrectiveActionStatus;
  dueDate: string;
  overdue: boolean;
  action: string;
  correction: string;
  owner: PersonRef | null;
  finding: { __typename?: 'Finding'; id: string; kind: FindingKind; requirementRef: string; description: string; audit: { __typename?: 'Audit'; id: string; title: string } };
}

export interface AuditBoardData {
  node: BoardAudit | { __typename: string; id: string } | null;
  organization: { __typename?: 'Organization'; id: string; correctiveActions: BoardCorrectiveAction[] | null } | null;
}

/** Everything the audit-week board shows, in one request (named so live changes refetch it). */
export const AUDIT_BOARD_QUERY: TypedDocumentNode<AuditBoardData, { auditId: string; organizationId: string }> = gql`
  query AuditBoard($auditId: ID!, $organizationId: ID!) {
    node(id: $auditId) {
      id
      ... on Audit {
        title
        kind
        status
        startDate
        endDate
        leadAuditor {
          id
          name
        }
        team {
          id
          name
        }
        agenda {
          id
          topic
          location
          startsAt
          endsAt
          interviewees {
            id
            name
          }
        }
        evidenceRequests {
          id
          title
          status
          dueAt
          overdue
          answeredAt
          reviewComment
          owner {
            id
            name
          }
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
        }
      }
    }
    organization(id: $organizationId) {
      id
      correctiveActions {
        id
        status
        dueDate
        overdue
        action
        correction
        owner {
          id
          name
        }
        finding {
          id
          kind
          requirementRef
          description
          audit {
            id
            title
          }
        }
      }
    }
  }
`;

export function isBoardAudit(node: AuditBoardData['node']): node is BoardAudit {
  return node?.__typename === 'Audit';
}
