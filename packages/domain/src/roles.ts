/** The roles a member can hold in an organisation (GraphQL enum `Role`). */
export const ROLES = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR', 'EMPLOYEE'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: 'Owner',
  ISMS_MANAGER: 'ISMS manager',
  CONTRIBUTOR: 'Contributor',
  MANAGEMENT: 'Management',
  AUDITOR: 'Auditor',
  EMPLOYEE: 'Employee',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: 'Everything, including members, roles and deleting the organisation.',
  ISMS_MANAGER: 'Runs the programme: all ISMS records, members (not owners), audits, certification data.',
  CONTRIBUTOR: 'Edits the records and documents they own or are assigned, works tasks and corrective actions.',
  MANAGEMENT: 'Top management: reads everything, approves policies, risk acceptance, the SoA, management reviews.',
  AUDITOR: 'Internal or certification-body auditor: reads what an audit covers, requests evidence, raises findings.',
  EMPLOYEE: 'Reads published policies, acknowledges them, completes assigned training.',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
