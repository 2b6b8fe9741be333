import type { Role } from './roles.js';

/**
 * Every operation of the API declares one of these. `public` needs nobody signed in,
 * `authenticated` needs a signed-in person but no organisation; every other action is
 * `module:verb` and is checked against the caller's role in the organisation concerned.
 */
export const PSEUDO_ACTIONS = ['public', 'authenticated'] as const;
export type PseudoAction = (typeof PSEUDO_ACTIONS)[number];

const ALL: readonly Role[] = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR', 'EMPLOYEE'];
const ADMINS: readonly Role[] = ['OWNER', 'ISMS_MANAGER'];
const OVERSIGHT: readonly Role[] = ['OWNER', 'ISMS_MANAGER', 'MANAGEMENT', 'AUDITOR'];
/** The people who run and do the programme's work (not auditors, not staff at large). */
const TEAM: readonly Role[] = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT'];
const ALL_BUT_AUDITORS: readonly Role[] = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'EMPLOYEE'];

/** The role → action table: which roles may perform each organisation-scoped action. */
export const ACTION_ROLES = {
  'organization:read': ALL,
  'organization:update': ADMINS,
  'organization:delete': ['OWNER'],
  'member:read': ALL,
  'member:invite': ADMINS,
  'member:updateRole': ADMINS,
  'member:remove': ADMINS,
  'invitation:read': ADMINS,
  'invitation:revoke': ADMINS,
  'apiToken:create': ALL,
  'apiToken:revoke': ALL,
  'auditTrail:read': OVERSIGHT,
  'auditTrail:verify': OVERSIGHT,
  /** Tasks: everyone reads the tasks they are involved in; `task:readAll` sees every task. */
  'task:read': ALL,
  'task:readAll': TEAM,
  'task:create': TEAM,
  /** Editing a task: admins any; others only tasks they created or are assigned (see task-rules). */
  'task:update': ALL_BUT_AUDITORS,
  'task:updateAny': ADMINS,
  'task:delete': TEAM,
  'comment:read': ALL,
  'comment:create': ALL,
  'approval:read': ALL,
  'approval:request': TEAM,
  /** Deciding needs this action and being one of the request's named approvers. */
  'approval:decide': ALL,
  'approval:cancel': TEAM,
  /** Assets: the team and auditors read the inventory; admins and contributors maintain it (contributors what they own). */
  'asset:read': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'asset:create': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  'asset:update': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  'asset:delete': ADMINS,
  'asset:import': ADMINS,
  /** Gap analysis: the team and auditors read it; admins assess anything, contributors the items they own. */
  'gap:read': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'gap:update': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  'gap:updateAny': ADMINS,
  'gap:plan': ADMINS,
  /** Risks: the team and auditors read the register; admins and contributors (their own risks) maintain it. */
  'risk:read': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'risk:create': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  'risk:update': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  'risk:updateAny': ADMINS,
  'risk:delete': ADMINS,
  'riskMatrix:update': ADMINS,
  /** Statement of Applicability: read by the team and auditors, maintained and issued by admins, approved by management. */
  'soa:read': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'soa:update': ADMINS,
  'soa:issue': ADMINS,
  /**
   * Documents: everyone reads published documents (employees those meant for them); the team reads
   * drafts and every version; admins and contributors (documents they own, created or have a task
   * on) edit; admins publish; everyone acknowledges what is meant for them.
   */
  'document:read': ALL,
  'document:readDrafts': TEAM,
  'document:readAcknowledgements': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'document:create': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  'document:update': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  'document:updateAny': ADMINS,
  'document:submit': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  'document:publish': ADMINS,
  'document:acknowledge': ALL,
  /**
   * Audits: the team and auditors read them (an auditor only the audits they are on); admins plan
   * them; auditors on the audit (and admins) conduct them: agenda, checklist, evidence requests,
   * findings; those asked answer evidence requests; auditors verify corrective actions.
   */
  'audit:read': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'audit:manage': ADMINS,
  'audit:conduct': ['OWNER', 'ISMS_MANAGER', 'AUDITOR'],
  'evidence:upload': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'evidence:answer': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT'],
  'correctiveAction:create': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  'correctiveAction:update': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR'],
  /** Verifying also needs being on the audit that raised the finding. */
  'correctiveAction:verify': ['OWNER', 'ISMS_MANAGER', 'AUDITOR'],
  'certification:read': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'certification:record': ADMINS,
  /**
   * Training and awareness (clauses 7.2, 7.3): everyone sees the courses and their own training and
   * completes what is assigned to them; the team, management and auditors read coverage and who is
   * missing (audit evidence); admins run the programme and record completions for others.
   */
  'training:read': ALL,
  'training:readCoverage': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'training:complete': ALL,
  'training:manage': ADMINS,
  'training:record': ADMINS,
  /** The readiness score and blockers (the dashboard); employees see their own work instead. */
  'readiness:read': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  /**
   * Management reviews (clause 9.3): the team's oversight roles and auditors read them; admins
   * prepare the pack and record the meeting and decisions; management signs off through approvals.
   */
  'managementReview:read': OVERSIGHT,
  'managementReview:manage': ADMINS,
  /**
   * Objectives and indicators (clauses 6.2, 9.1): the team, management and auditors read them;
   * admins define them; an indicator's owner (contributors and managers only the indicators
   * they own) records, corrects and deletes its measurements, admins any indicator's.
   */
  'objective:read': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
  'objective:manage': ADMINS,
  'indicator:measure': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT'],
  'indicator:measureAny': ADMINS,
  /** The consistency checks and the mandatory-documents checklist. */
  'consistency:read': ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'],
} as const satisfies Record<string, readonly Role[]>;

export type OrgAction = keyof typeof ACTION_ROLES;
export type Action = OrgAction | PseudoAction;

export const ORG_ACTIONS = Object.keys(ACTION_ROLES) as OrgAction[];

export function isOrgAction(value: string): value is OrgAction {
  return Object.prototype.hasOwnProperty.call(ACTION_ROLES, value);
}

/** Deny by default: an unknown action or a missing role is never allowed. */
export function roleCan(role: Role | null | undefined, action: string): boolean {
  if (!role || !isOrgAction(action)) return false;
  return (ACTION_ROLES[action] as readonly Role[]).includes(role);
}

export function actionsOf(role: Role): OrgAction[] {
  return ORG_ACTIONS.filter((action) => roleCan(role, action));
}
