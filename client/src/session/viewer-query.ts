import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../organization/roles';

export interface SessionMembership {
  __typename?: 'Membership';
  id: string;
  role: Role;
  createdAt: string;
  organization: { __typename?: 'Organization'; id: string; name: string };
}

export interface SessionViewer {
  __typename?: 'Viewer';
  id: string;
  name: string;
  email: string;
  memberships: SessionMembership[];
}

/** What the shell needs to know about the signed-in person; mutations that sign in select it too. */
export const SESSION_VIEWER_FRAGMENT = gql`
  fragment SessionViewer on Viewer {
    id
    name
    email
    memberships {
      id
      role
      createdAt
      organization {
        id
        name
      }
    }
  }
`;

export interface ViewerQueryData {
  viewer: SessionViewer | null;
}

export const VIEWER_QUERY: TypedDocumentNode<ViewerQueryData, Record<string, never>> = gql`
  query Viewer {
    viewer {
      ...SessionViewer
    }
  }
  ${SESSION_VIEWER_FRAGMENT}
`;
