import { gql, type TypedDocumentNode } from '@apollo/client';

export interface AuditTrailFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

export interface AuditEventRow {
  __typename?: 'AuditEvent';
  id: string;
  seq: number;
  at: string;
  action: string;
  actorLabel: string | null;
  actor: { __typename?: 'User'; id: string; name: string } | null;
  entityType: string | null;
  entityId: string | null;
  summary: unknown;
}

export interface AuditTrailData {
  organization: {
    __typename?: 'Organization';
    id: string;
    auditTrail: {
      __typename?: 'AuditEventConnection';
      totalCount: number;
      pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
      edges: { __typename?: 'AuditEventEdge'; cursor: string; node: AuditEventRow }[];
    };
  } | null;
}

export const PAGE_SIZE = 50;

export const AUDIT_TRAIL_QUERY: TypedDocumentNode<AuditTrailData, { id: string; first: number; after?: string | null; filter: AuditTrailFilter }> = gql`
  query AuditTrail($id: ID!, $first: Int!, $after: String, $filter: AuditTrailFilter) {
    organization(id: $id) {
      id
      auditTrail(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            id
            seq
            at
            action
            actorLabel
            actor {
              id
              name
            }
            entityType
            entityId
            summary
          }
        }
      }
    }
  }
`;

export interface MemberOption {
  id: string;
  user: { id: string; name: string; email: string };
}

export const AUDIT_TRAIL_PEOPLE_QUERY: TypedDocumentNode<{ organization: { id: string; members: MemberOption[] } | null }, { id: string }> = gql`
  query AuditTrailPeople($id: ID!) {
    organization(id: $id) {
      id
      members {
        id
        user {
          id
          name
          email
        }
      }
    }
  }
`;

export const VERIFY_AUDIT_TRAIL_QUERY: TypedDocumentNode<
  { verifyAuditTrail: { ok: boolean; checked: number; firstBrokenId: string | null } },
  { organizationId: string }
> = gql`
  query VerifyAuditTrail($organizationId: ID!) {
    verifyAuditTrail(organizationId: $organizationId) {
      ok
      checked
      firstBrokenId
    }
  }
`;
