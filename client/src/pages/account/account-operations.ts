import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';

export interface ApiTokenRow {
  __typename?: 'ApiToken';
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  organization: { __typename?: 'Organization'; id: string; name: string };
}

export const API_TOKENS_QUERY: TypedDocumentNode<{ viewer: { id: string; apiTokens: ApiTokenRow[] } | null }, Record<string, never>> = gql`
  query ApiTokens {
    viewer {
      id
      apiTokens {
        id
        name
        prefix
        createdAt
        expiresAt
        lastUsedAt
        organization {
          id
          name
        }
      }
    }
  }
`;

const UPDATE_PROFILE: TypedDocumentNode<{ updateProfile: { viewer: { id: string; name: string } } }, { input: { name: string } }> = gql`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      viewer {
        id
        name
      }
    }
  }
`;

/** The viewer comes back with its id: the name changes everywhere it is shown. */
export function useUpdateProfile() {
  return useMutation(UPDATE_PROFILE);
}

const CHANGE_PASSWORD: TypedDocumentNode<
  { changePassword: { viewer: { id: string } } },
  { input: { currentPassword: string; newPassword: string } }
> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      viewer {
        id
      }
    }
  }
`;

export function useChangePassword() {
  return useMutation(CHANGE_PASSWORD);
}

const CREATE_API_TOKEN: TypedDocumentNode<
  { createApiToken: { secret: string; token: ApiTokenRow } },
  { input: { organizationId: string; name: string; expiresAt?: string } }
> = gql`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        id
        name
        prefix
        createdAt
        expiresAt
        lastUsedAt
        organization {
          id
          name
        }
      }
    }
  }
`;

export function useCreateApiToken() {
  return useMutation(CREATE_API_TOKEN, { refetchQueries: [{ query: API_TOKENS_QUERY }], awaitRefetchQueries: true });
}

const REVOKE_API_TOKEN: TypedDocumentNode<{ revokeApiToken: { revokedApiTokenId: string } }, { input: { id: string } }> = gql`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      revokedApiTokenId
    }
  }
`;

export function useRevokeApiToken() {
  return useMutation(REVOKE_API_TOKEN, { refetchQueries: [{ query: API_TOKENS_QUERY }], awaitRefetchQueries: true });
}
