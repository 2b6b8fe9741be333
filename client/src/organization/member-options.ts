import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { MEMBERS_QUERY } from '../pages/members/member-operations';
import { useCurrentOrganization } from './organization-context';

export interface MemberOption {
  /** The user id (what assignees, approvers and mentions refer to). */
  value: string;
  label: string;
  email: string;
  role: string;
}

/** The organisation's members as picker options, sorted by name (one shared, cached query). */
export function useMemberOptions(): { options: MemberOption[]; loading: boolean } {
  const { organization } = useCurrentOrganization();
  const { data, loading } = useQuery(MEMBERS_QUERY, { variables: { id: organization.id } });
  const options = useMemo(
    () =>
      (data?.organization?.members ?? [])
        .map((m) => ({ value: m.user.id, label: m.user.name, email: m.user.email, role: m.role }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [data],
  );
  return { options, loading: loading && !data };
}
