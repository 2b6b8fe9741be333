import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { Role } from '../../organization/roles';

export interface MemberRow {
  __typename?: 'Membership';
  id: string;
  role: Role;
  createdAt: string;
  user: { __typename?: 'User'; id: string; name: string; email: string };
}

export const MEMBERS_QUERY: TypedDocumentNode<{ organization: { id: string; name: string; members: MemberRow[] } | null }, { id: string }> = gql`
  query Members($id: ID!) {
    organization(id: $id) {
      id
      name
      members {
        id
        role
        createdAt
        user {
          id
          name
          email
        }
      }
    }
  }
`;

export interface PendingInvitation {
  __typename?: 'Invitation';
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

/** Only for those with `invitation:read`: a separate query, so the member list never fails on it. */
export const INVITATIONS_QUERY: TypedDocumentNode<{ organization: { id: string; invitations: PendingInvitation[] } | null }, { id: string }> = gql`
  query PendingInvitations($id: ID!) {
    organization(id: $id) {
      id
      invitations {
        id
        email
        role
        createdAt
        expiresAt
      }
    }
  }
`;

const UPDATE_MEMBER_ROLE: TypedDocumentNode<
  { updateMemberRole: { membership: { id: string; role: Role } } },
  { input: { organizationId: string; userId: string; role: Role } }
> = gql`
  mutation UpdateMemberRole($input: UpdateMemberRoleInput!) {
    updateMemberRole(input: $input) {
      membership {
        id
        role
      }
    }
  }
`;

/** The membership comes back with its id: the cache updates the row by itself. */
export function useUpdateMemberRole() {
  return useMutation(UPDATE_MEMBER_ROLE);
}

const REMOVE_MEMBER: TypedDocumentNode<{ removeMember: { removedUserId: string } }, { input: { organizationId: string; userId: string } }> = gql`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removedUserId
    }
  }
`;

export function useRemoveMember(organizationId: string) {
  return useMutation(REMOVE_MEMBER, {
    refetchQueries: [{ query: MEMBERS_QUERY, variables: { id: organizationId } }],
    awaitRefetchQueries: true,
  });
}

const INVITE_MEMBER: TypedDocumentNode<
  { inviteMember: { invitation: PendingInvitation } },
  { input: { organizationId: string; email: string; role: Role } }
> = gql`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        id
        email
        role
        createdAt
        expiresAt
      }
    }
  }
`;

export function useInviteMember(organizationId: string) {
  return useMutation(INVITE_MEMBER, {
    refetchQueries: [{ query: INVITATIONS_QUERY, variables: { id: organizationId } }],
    awaitRefetchQueries: true,
  });
}

const REVOKE_INVITATION: TypedDocumentNode<{ revokeInvitation: { revokedInvitationId: string } }, { input: { id: string } }> = gql`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      revokedInvitationId
    }
  }
`;

export function useRevokeInvitation(organizationId: string) {
  return useMutation(REVOKE_INVITATION, {
    refetchQueries: [{ query: INVITATIONS_QUERY, variables: { id: organizationId } }],
    awaitRefetchQueries: true,
  });
}
