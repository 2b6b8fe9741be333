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

// --- Who is on the board --------------------------------------------------------------------------

export interface BoardParticipant {
  __typename?: 'AuditParticipant';
  user: PersonRef;
  role: 'OWNER' | 'ISMS_MANAGER' | 'CONTRIBUTOR' | 'MANAGEMENT' | 'AUDITOR' | 'EMPLOYEE';
  isLeadAuditor: boolean;
  onAuditTeam: boolean;
  since: string;
}

interface PresenceAudit {
  __typename: 'Audit';
  id: string;
  onlineParticipants: BoardParticipant[];
}

const PARTICIPANT_FIELDS = gql`
  fragment BoardParticipant on AuditParticipant {
    user {
      id
      name
    }
    role
    isLeadAuditor
    onAuditTeam
    since
  }
`;

/** The people on the board now (named so that `auditPresence.*` events refetch it). */
export const AUDIT_PRESENCE_QUERY: TypedDocumentNode<{ node: PresenceAudit | { __typename: string; id: string } | null }, { auditId: string }> = gql`
  query AuditPresence($auditId: ID!) {
    node(id: $auditId) {
      id
      ... on Audit {
        onlineParticipants {
          ...BoardParticipant
        }
      }
    }
  }
  ${PARTICIPANT_FIELDS}
`;

/** "I am on the board" / "still here": each answer refreshes the list in the cache. */
export const JOIN_AUDIT_BOARD_MUTATION: TypedDocumentNode<
  { joinAuditBoard: { __typename?: 'JoinAuditBoardPayload'; heartbeatSeconds: number; audit: PresenceAudit } },
  { input: { auditId: string; clientId: string } }
> = gql`
  mutation JoinAuditBoard($input: JoinAuditBoardInput!) {
    joinAuditBoard(input: $input) {
      heartbeatSeconds
      audit {
        id
        onlineParticipants {
          ...BoardParticipant
        }
      }
    }
  }
  ${PARTICIPANT_FIELDS}
`;

export const LEAVE_AUDIT_BOARD_MUTATION: TypedDocumentNode<
  { leaveAuditBoard: { __typename?: 'LeaveAuditBoardPayload'; audit: PresenceAudit } },
  { input: { auditId: string; clientId: string } }
> = gql`
  mutation LeaveAuditBoard($input: LeaveAuditBoardInput!) {
    leaveAuditBoard(input: $input) {
      audit {
        id
        onlineParticipants {
          ...BoardParticipant
        }
      }
    }
  }
  ${PARTICIPANT_FIELDS}
`;

export function isPresenceAudit(node: { __typename: string } | null | undefined): node is PresenceAudit {
  return node?.__typename === 'Audit' && 'onlineParticipants' in node;
}
