/** The roles a member can hold (GraphQL enum `Role`), in order of reach. */
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

/** What each role does, after the descriptions on the `Role` enum of the API. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: 'Can do everything, including managing members and roles and deleting the organisation.',
  ISMS_MANAGER: 'Runs the programme: all ISMS records, members (except owners), audits and certification data.',
  CONTRIBUTOR: 'Edits the records and documents they own or are assigned, and works tasks and corrective actions.',
  MANAGEMENT: 'Top management: reads everything and approves policies, risk acceptance, the Statement of Applicability and management reviews.',
  AUDITOR: 'Internal or certification-body auditor: reads what an audit covers, requests evidence and raises findings.',
  EMPLOYEE: 'Reads published policies, acknowledges them and completes assigned training.',
};

export const ROLE_COLORS: Record<Role, string> = {
  OWNER: 'grape',
  ISMS_MANAGER: 'indigo',
  CONTRIBUTOR: 'teal',
  MANAGEMENT: 'orange',
  AUDITOR: 'cyan',
  EMPLOYEE: 'gray',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** The role in a sentence: "What an ISMS manager does". */
export const ROLE_IN_A_SENTENCE: Record<Role, string> = {
  OWNER: 'an owner',
  ISMS_MANAGER: 'an ISMS manager',
  CONTRIBUTOR: 'a contributor',
  MANAGEMENT: 'management',
  AUDITOR: 'an auditor',
  EMPLOYEE: 'an employee',
};
