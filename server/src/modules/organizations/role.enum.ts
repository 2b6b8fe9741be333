import { registerEnumType } from 'type-graphql';
import { ROLE_DESCRIPTIONS, ROLES, type Role } from '@annex/domain';

/** The GraphQL enum `Role`, built from the domain's list so the two never drift. */
export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [K in Role]: K };

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a member may do in an organisation.',
  valuesConfig: Object.fromEntries(ROLES.map((role) => [role, { description: ROLE_DESCRIPTIONS[role] }])),
});
