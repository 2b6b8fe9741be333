import { gql, type TypedDocumentNode } from '@apollo/client';
import { createContext, useContext, type ReactNode } from 'react';
import type { Role } from './roles';

export interface CurrentOrganization {
  id: string;
  name: string;
  viewerRole: Role | null;
  viewerActions: string[];
}

interface OrganizationAccessData {
  organization: (CurrentOrganization & { __typename?: 'Organization' }) | null;
}

/** Fetched once by the shell: what the viewer may do here decides what the shell shows. */
export const ORGANIZATION_ACCESS_QUERY: TypedDocumentNode<OrganizationAccessData, { id: string }> = gql`
  query OrganizationAccess($id: ID!) {
    organization(id: $id) {
      id
      name
      viewerRole
      viewerActions
    }
  }
`;

interface OrganizationContextValue {
  organization: CurrentOrganization;
  /** Whether the viewer may perform the action (module:verb) here, as the server says. */
  can(action: string): boolean;
}

const OrganizationContext = createContext<OrganizationContextValue | null>(null);

export function OrganizationProvider({ organization, children }: { organization: CurrentOrganization; children: ReactNode }) {
  const value: OrganizationContextValue = {
    organization,
    can: (action) => organization.viewerActions.includes(action),
  };
  return <OrganizationContext value={value}>{children}</OrganizationContext>;
}

export function useCurrentOrganization(): OrganizationContextValue {
  const value = useContext(OrganizationContext);
  if (!value) throw new Error('useCurrentOrganization is used outside an organisation.');
  return value;
}

/** The same, for pages that also render outside an organisation (the account page). */
export function useOptionalOrganization(): OrganizationContextValue | null {
  return useContext(OrganizationContext);
}
