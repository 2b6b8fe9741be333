import { ROLES, ROLE_LABELS, type Role } from '../../../organization/roles';

/**
 * The roles the viewer can hand out: only owners make owners (the server enforces this too;
 * offering what would be refused only invites an error).
 */
export function assignableRoles(viewerRole: Role | null): { value: Role; label: string }[] {
  return ROLES.filter((role) => role !== 'OWNER' || viewerRole === 'OWNER').map((role) => ({ value: role, label: ROLE_LABELS[role] }));
}
