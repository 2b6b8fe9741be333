import type { Role } from './roles.js';

export type MembershipRuleViolation =
  | 'ONLY_OWNER_MANAGES_OWNERS'
  | 'LAST_OWNER';

/**
 * Whether `actorRole` may give `targetNewRole` to a member currently holding `targetCurrentRole`
 * (null for an invitation). Owners manage everyone; ISMS managers manage everyone but owners
 * and cannot make anyone an owner.
 */
export function checkRoleAssignment(
  actorRole: Role,
  targetCurrentRole: Role | null,
  targetNewRole: Role | null,
): MembershipRuleViolation | null {
  if (actorRole === 'OWNER') return null;
  if (targetCurrentRole === 'OWNER' || targetNewRole === 'OWNER') return 'ONLY_OWNER_MANAGES_OWNERS';
  return null;
}

/** Removing or demoting an owner must leave at least one owner. */
export function checkOwnersRemain(ownerCount: number, targetCurrentRole: Role, targetNewRole: Role | null): MembershipRuleViolation | null {
  if (targetCurrentRole === 'OWNER' && targetNewRole !== 'OWNER' && ownerCount <= 1) return 'LAST_OWNER';
  return null;
}
