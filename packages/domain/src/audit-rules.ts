import { addDays, addMonths } from './document-rules.js';

/** Internal audits (clause 9.2) and the certification body's audits (ISO/IEC 17021-1). */
export const AUDIT_KINDS = ['INTERNAL', 'STAGE1', 'STAGE2', 'SURVEILLANCE', 'RECERTIFICATION', 'SPECIAL'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
/** An audit's life, in order: it only moves forward. */
export const AUDIT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'REPORTING', 'CLOSED'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const CHECKLIST_VERDICTS = ['NOT_CHECKED', 'CONFORMS', 'OBSERVATION', 'MINOR_NC', 'MAJOR_NC', 'NOT_APPLICABLE'] as const;
export type ChecklistVerdict = (typeof CHECKLIST_VERDICTS)[number];
export const EVIDENCE_REQUEST_STATUSES = ['OPEN', 'ANSWERED', 'ACCEPTED', 'RETURNED'] as const;
export type EvidenceRequestStatus = (typeof EVIDENCE_REQUEST_STATUSES)[number];
export const EVIDENCE_REQUEST_ACTIONS = ['ANSWER', 'ACCEPT', 'RETURN'] as const;
export type EvidenceRequestAction = (typeof EVIDENCE_REQUEST_ACTIONS)[number];
export const FINDING_KINDS = ['MAJOR_NONCONFORMITY', 'MINOR_NONCONFORMITY', 'OBSERVATION', 'OPPORTUNITY_FOR_IMPROVEMENT'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
/** A corrective action's life (clause 10.2), in order; only a verification sets VERIFIED. */
export const CORRECTIVE_ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED'] as const;
export type CorrectiveActionStatus = (typeof CORRECTIVE_ACTION_STATUSES)[number];
export const ROOT_CAUSE_METHODS = ['FIVE_WHYS', 'CAUSE_CATEGORIES', 'OTHER'] as const;
export type RootCauseMethod = (typeof ROOT_CAUSE_METHODS)[number];
export const CERTIFICATION_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'READY_FOR_DECISION', 'CERTIFIED', 'EXPIRED'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];
export const CERTIFICATION_DECISIONS = ['GRANTED', 'REFUSED'] as const;
export type CertificationDecision = (typeof CERTIFICATION_DECISIONS)[number];
/** What can stand between the organisation and a certification decision, most serious first. */
export const CERTIFICATION_BLOCKER_CODES = ['OPEN_MAJOR_NONCONFORMITY', 'MINOR_NONCONFORMITY_WITHOUT_PLAN', 'STAGE1_NOT_CLOSED', 'NO_STAGE2_AUDIT'] as const;
export type CertificationBlockerCode = (typeof CERTIFICATION_BLOCKER_CODES)[number];

/** A certificate is valid three years from issue. */
export const CERTIFICATE_VALIDITY_MONTHS = 36;
/** The internal audit programme should cover every requirement at least once in this many months. */
export const AUDIT_PROGRAMME_WINDOW_MONTHS = 36;
/** Days after the audit's last day by which a finding's corrective action is due, unless set otherwise. */
export const DEFAULT_CORRECTIVE_ACTION_DAYS: Readonly<Record<FindingKind, number>> = {
  MAJOR_NONCONFORMITY: 30,
  MINOR_NONCONFORMITY: 90,
  OBSERVATION: 180,
  OPPORTUNITY_FOR_IMPROVEMENT: 180,
};

/** Major and minor nonconformities call for a corrective action; observations and opportunities do not. */
export function isNonconformity(kind: FindingKind): boolean {
  return kind === 'MAJOR_NONCONFORMITY' || kind === 'MINOR_NONCONFORMITY';
}

/** An audit moves only forward, one or more steps at a time (PLANNED → IN_PROGRESS → REPORTING → CLOSED); staying put is allowed. */
export function canMoveAuditStatus(from: AuditStatus, to: AuditStatus): boolean {
  return AUDIT_STATUSES.indexOf(to) >= AUDIT_STATUSES.indexOf(from);
}

/**
 * Where an evidence request goes on an action, or null when the action is not allowed: the auditee
 * answers an open or returned request; the auditor accepts or returns an answered one.
 */
export function canMoveEvidenceRequest(from: EvidenceRequestStatus, action: EvidenceRequestAction): EvidenceRequestStatus | null {
  switch (action) {
    case 'ANSWER':
      return from === 'OPEN' || from === 'RETURNED' ? 'ANSWERED' : null;
    case 'ACCEPT':
      return from === 'ANSWERED' ? 'ACCEPTED' : null;
    case 'RETURN':
      return from === 'ANSWERED' ? 'RETURNED' : null;
  }
}

/** Overdue: still waiting for the auditee's answer (open or returned) after its due time. */
export function isEvidenceRequestOverdue(req: { status: EvidenceRequestStatus; dueAt: Date }, now: Date): boolean {
  return (req.status === 'OPEN' || req.status === 'RETURNED') && req.dueAt.getTime() < now.getTime();
}

/** Whether `updateCorrectiveAction` may set a status, and if not, why. */
export type CorrectiveActionTransition = 'OK' | 'BACKWARD' | 'VERIFY_ONLY' | 'SKIP';

/**
 * A corrective action moves forward one step at a time (OPEN → IN_PROGRESS → IMPLEMENTED);
 * VERIFIED is set only by a verification, and going back only by a failed one.
 */
export function correctiveActionTransition(from: CorrectiveActionStatus, to: CorrectiveActionStatus): CorrectiveActionTransition {
  if (from === to) return 'OK';
  if (to === 'VERIFIED') return 'VERIFY_ONLY';
  const step = CORRECTIVE_ACTION_STATUSES.indexOf(to) - CORRECTIVE_ACTION_STATUSES.indexOf(from);
  if (step < 0) return 'BACKWARD';
  return step > 1 ? 'SKIP' : 'OK';
}

/** Only an implemented corrective action can be verified. */
export function canVerify(status: CorrectiveActionStatus): boolean {
  return status === 'IMPLEMENTED';
}

/** An effective action is verified; an ineffective one goes back to work. */
export function verificationOutcome(effective: boolean): CorrectiveActionStatus {
  return effective ? 'VERIFIED' : 'IN_PROGRESS';
}

/**
 * When a finding's corrective action is due, counted from the audit's last day: 30 days for a major
 * nonconformity (it must be closed before the certification decision), 90 for a minor one, 180
 * for observations and opportunities for improvement.
 */
export function defaultCorrectiveActionDueDate(kind: FindingKind, auditEndDate: string, options: { minorDays?: number; majorDays?: number } = {}): string {
  const days =
    kind === 'MAJOR_NONCONFORMITY'
      ? (options.majorDays ?? DEFAULT_CORRECTIVE_ACTION_DAYS.MAJOR_NONCONFORMITY)
      : kind === 'MINOR_NONCONFORMITY'
        ? (options.minorDays ?? DEFAULT_CORRECTIVE_ACTION_DAYS.MINOR_NONCONFORMITY)
        : DEFAULT_CORRECTIVE_ACTION_DAYS[kind];
  return addDays(auditEndDate, days);
}

/** Overdue: not verified yet after its due date (dates as YYYY-MM-DD). */
export function isCorrectiveActionOverdue(ca: { status: CorrectiveActionStatus; dueDate: string }, today: string): boolean {
  return ca.status !== 'VERIFIED' && ca.dueDate < today;
}

export interface CertificationInput {
  today: string;
  audits: ReadonlyArray<{ id: string; kind: AuditKind; status: AuditStatus; startDate: string; endDate: string }>;
  findings: ReadonlyArray<{
    id: string;
    auditId: string;
    kind: FindingKind;
    requirementRef: string;
    correctiveAction: { id: string; status: CorrectiveActionStatus; dueDate: string } | null;
    /** For a minor nonconformity: when the certification body expects the corrective action plan. */
    deadline: string;
  }>;
  decisions: ReadonlyArray<{ auditId: string; decision: CertificationDecision; decidedOn: string }>;
  /** The latest certificate, if any. */
  certificate: { issuedOn: string; expiresOn: string } | null;
}

export interface CertificationBlocker {
  code: CertificationBlockerCode;
  message: string;
  /** The record that fixes it (a finding or an audit), or null. */
  subjectId: string | null;
}

/** A certificate is valid three years from issue. */
export function certificateExpiry(issuedOn: string): string {
  return addMonths(issuedOn, CERTIFICATE_VALIDITY_MONTHS);
}

/**
 * The certificate in force: the one recorded, or — when a certification was granted after it was
 * issued (or none is recorded) — one issued on the latest grant.
 */
function effectiveCertificate(input: CertificationInput): { issuedOn: string; expiresOn: string } | null {
  const grant = input.decisions.filter((d) => d.decision === 'GRANTED').reduce<string | null>((latest, d) => (latest === null || d.decidedOn > latest ? d.decidedOn : latest), null);
  if (grant !== null && (input.certificate === null || grant > input.certificate.issuedOn)) return { issuedOn: grant, expiresOn: certificateExpiry(grant) };
  return input.certificate;
}

/**
 * The audits of the current certification cycle: all of them, unless the certificate has expired,
 * in which case certification starts over with the audits begun after its expiry.
 */
function cycleAudits(input: CertificationInput): CertificationInput['audits'] {
  const certificate = effectiveCertificate(input);
  if (certificate === null || certificate.expiresOn >= input.today) return input.audits;
  return input.audits.filter((a) => a.startDate > certificate.expiresOn);
}

const isStageAudit = (a: { kind: AuditKind }) => a.kind === 'STAGE1' || a.kind === 'STAGE2';
const byStart = (a: { startDate: string; id: string }, b: { startDate: string; id: string }) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id);

/**
 * What stands between the organisation and a certification decision, most serious first: a major
 * nonconformity (of any audit) without a verified corrective action; a minor one without an
 * accepted action plan (none, or still OPEN) past its deadline; and, unless a certificate is in
 * force, the latest stage 2 audit without a closed stage 1, or no stage 2 audit at all.
 */
export function certificationBlockers(input: CertificationInput): CertificationBlocker[] {
  const blockers: CertificationBlocker[] = [];
  for (const finding of input.findings) {
    const ca = finding.correctiveAction;
    if (finding.kind === 'MAJOR_NONCONFORMITY' && ca?.status !== 'VERIFIED') {
      blockers.push({
        code: 'OPEN_MAJOR_NONCONFORMITY',
        message: ca
          ? `Major nonconformity against ${finding.requirementRef} is still open: its corrective action is not verified yet.`
          : `Major nonconformity against ${finding.requirementRef} has no corrective action.`,
        subjectId: finding.id,
      });
    }
    if (finding.kind === 'MINOR_NONCONFORMITY' && (ca === null || ca.status === 'OPEN') && finding.deadline < input.today) {
      blockers.push({
        code: 'MINOR_NONCONFORMITY_WITHOUT_PLAN',
        message: `Minor nonconformity against ${finding.requirementRef} has no accepted corrective action plan; it was due on ${finding.deadline}.`,
        subjectId: finding.id,
      });
    }
  }

  // The stages matter only on the way to a certificate, not while one is in force.
  const certificate = effectiveCertificate(input);
  if (!(certificate !== null && certificate.expiresOn >= input.today)) {
    const audits = cycleAudits(input);
    const stage2 = audits.filter((a) => a.kind === 'STAGE2').sort(byStart);
    const latestStage2 = stage2[stage2.length - 1];
    if (latestStage2 && !audits.some((a) => a.kind === 'STAGE1' && a.status === 'CLOSED')) {
      blockers.push({ code: 'STAGE1_NOT_CLOSED', message: 'The stage 2 audit needs a closed stage 1 audit first.', subjectId: latestStage2.id });
    }
    if (!latestStage2) blockers.push({ code: 'NO_STAGE2_AUDIT', message: 'No stage 2 audit is planned: certification needs one.', subjectId: null });
  }

  const seen = new Set<string>();
  return blockers
    .filter((b) => {
      const key = `${b.code}:${b.subjectId ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => CERTIFICATION_BLOCKER_CODES.indexOf(a.code) - CERTIFICATION_BLOCKER_CODES.indexOf(b.code));
}

/**
 * Where the organisation stands: CERTIFIED while a certificate is in force (whatever the blockers);
 * EXPIRED once it lapsed, until a new stage 1 or stage 2 audit starts; NOT_STARTED without stage
 * audits; BLOCKED with blockers; READY_FOR_DECISION once a stage 2 audit reports and is not decided
 * yet; IN_PROGRESS otherwise (including after a refusal, until the next stage 2 reports).
 */
export function certificationStatus(input: CertificationInput): CertificationStatus {
  const certificate = effectiveCertificate(input);
  if (certificate !== null && certificate.expiresOn >= input.today) return 'CERTIFIED';
  const audits = cycleAudits(input).filter(isStageAudit);
  if (certificate !== null && audits.length === 0) return 'EXPIRED';
  if (audits.length === 0) return 'NOT_STARTED';
  // Blocked means a nonconformity stands in the way; a stage still to come is progress, not a block.
  const blockers = certificationBlockers(input);
  if (blockers.some((b) => b.code === 'OPEN_MAJOR_NONCONFORMITY' || b.code === 'MINOR_NONCONFORMITY_WITHOUT_PLAN')) return 'BLOCKED';
  if (blockers.length > 0) return 'IN_PROGRESS';
  const decided = new Set(input.decisions.map((d) => d.auditId));
  if (audits.some((a) => a.kind === 'STAGE2' && (a.status === 'REPORTING' || a.status === 'CLOSED') && !decided.has(a.id))) return 'READY_FOR_DECISION';
  return 'IN_PROGRESS';
}

export interface PlannedCycle {
  surveillance1: string;
  surveillance2: string;
  recertificationPreparation: string;
  recertificationAudit: string;
}

/**
 * The three-year cycle after a decision: surveillance audits 12 and 24 months after it;
 * preparation for recertification 6 months, and the recertification audit 3 months, before expiry.
 */
export function plannedCycle(decidedOn: string, expiresOn: string): PlannedCycle {
  return {
    surveillance1: addMonths(decidedOn, 12),
    surveillance2: addMonths(decidedOn, 24),
    recertificationPreparation: addMonths(expiresOn, -6),
    recertificationAudit: addMonths(expiresOn, -3),
  };
}

export interface NextAudit {
  kind: AuditKind;
  dueOn: string;
  /** The audit planned for it (not closed yet), once there is one. */
  auditId: string | null;
}

/**
 * The audits the certification cycle still calls for. Certified: the two surveillance audits and
 * the recertification audit of the cycle from the last decision (or the certificate's issue),
 * each until a CLOSED audit of that kind begun since the decision matches it (the first closed
 * surveillance audit the first surveillance, and so on). Not certified: the stage 1 audit until
 * one is closed, then the stage 2 audit until one reports without being refused — due on the
 * planned audit's start, or today when none is planned.
 */
export function nextAudits(input: CertificationInput & { lastDecisionOn: string | null }): NextAudit[] {
  const certificate = effectiveCertificate(input);
  if (certificate !== null && certificate.expiresOn >= input.today) {
    const decidedOn = input.lastDecisionOn ?? certificate.issuedOn;
    const cycle = plannedCycle(decidedOn, certificate.expiresOn);
    const due: Array<{ kind: AuditKind; dueOn: string }> = [
      { kind: 'SURVEILLANCE', dueOn: cycle.surveillance1 },
      { kind: 'SURVEILLANCE', dueOn: cycle.surveillance2 },
      { kind: 'RECERTIFICATION', dueOn: cycle.recertificationAudit },
    ];
    const result: NextAudit[] = [];
    for (const kind of ['SURVEILLANCE', 'RECERTIFICATION'] as const) {
      const since = input.audits.filter((a) => a.kind === kind && a.startDate >= decidedOn).sort(byStart);
      const closed = since.filter((a) => a.status === 'CLOSED').length;
      const planned = since.filter((a) => a.status !== 'CLOSED');
      const open = due.filter((d) => d.kind === kind && d.dueOn >= decidedOn).slice(closed);
      open.forEach((d, i) => result.push({ ...d, auditId: planned[i]?.id ?? null }));
    }
    return result.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }

  const audits = cycleAudits(input);
  const refused = new Set(input.decisions.filter((d) => d.decision === 'REFUSED').map((d) => d.auditId));
  const result: NextAudit[] = [];
  const stages = [
    { kind: 'STAGE1' as const, done: (a: { status: AuditStatus }) => a.status === 'CLOSED', pending: (a: { status: AuditStatus }) => a.status !== 'CLOSED' },
    {
      kind: 'STAGE2' as const,
      done: (a: { id: string; status: AuditStatus }) => (a.status === 'REPORTING' || a.status === 'CLOSED') && !refused.has(a.id),
      pending: (a: { status: AuditStatus }) => a.status === 'PLANNED' || a.status === 'IN_PROGRESS',
    },
  ];
  for (const stage of stages) {
    const ofKind = audits.filter((a) => a.kind === stage.kind);
    if (ofKind.some(stage.done)) continue;
    const planned = ofKind.filter(stage.pending).sort(byStart)[0];
    result.push({ kind: stage.kind, dueOn: planned?.startDate ?? input.today, auditId: planned?.id ?? null });
  }
  return result;
}

export interface ProgrammeCoverage {
  ref: string;
  /** The internal audits covering it within the window, most recent first. */
  auditIds: string[];
  lastCoveredOn: string | null;
  covered: boolean;
}

/** A scope reference covers itself and everything under it: 'A.5' covers 'A.5.1', '5' covers '5.1' (but not 'A.5.1'). */
export function scopeCovers(scopeRef: string, ref: string): boolean {
  return ref === scopeRef || ref.startsWith(`${scopeRef}.`);
}

/**
 * Which requirements the internal audit programme (clause 9.2.2) covered in the last 36 months:
 * internal audits that have started (in progress, reporting or closed) and ended within the window.
 */
export function auditProgrammeCoverage(
  refs: readonly string[],
  audits: ReadonlyArray<{ id: string; kind: AuditKind; status: AuditStatus; endDate: string; scopeRefs: readonly string[] }>,
  today: string,
): ProgrammeCoverage[] {
  const windowStart = addMonths(today, -AUDIT_PROGRAMME_WINDOW_MONTHS);
  const counted = audits
    .filter((a) => a.kind === 'INTERNAL' && a.status !== 'PLANNED' && a.endDate >= windowStart)
    .sort((a, b) => b.endDate.localeCompare(a.endDate) || a.id.localeCompare(b.id));
  return refs.map((ref) => {
    const covering = counted.filter((a) => a.scopeRefs.some((scope) => scopeCovers(scope, ref)));
    return { ref, auditIds: covering.map((a) => a.id), lastCoveredOn: covering[0]?.endDate ?? null, covered: covering.length > 0 };
  });
}

/** What stage 1 (the documentation review) looks at, read from the data. */
export interface Stage1ReadinessInput {
  today: string;
  missingMandatory: ReadonlyArray<{ ref: string; title: string }>;
  soaApproved: boolean;
  /** Risks above the acceptance threshold with no treatment decided. */
  untreatedRisks: number;
  /** Risks whose residual level (or an ACCEPT treatment) needs the owner's acceptance, without it. */
  unacceptedRisks: number;
  /** End of the latest internal audit that reached reporting or was closed, if any. */
  lastInternalAuditOn: string | null;
  /** Date of the latest management review; `undefined` while Annex does not track reviews. */
  lastManagementReviewOn?: string | null;
  /** Consistency errors other than missing mandatory documents. */
  consistencyErrors: number;
}

export type Stage1BlockerCode =
  | 'MANDATORY_DOCUMENT_MISSING'
  | 'SOA_NOT_APPROVED'
  | 'RISK_TREATMENT_INCOMPLETE'
  | 'RISK_ACCEPTANCE_MISSING'
  | 'NO_RECENT_INTERNAL_AUDIT'
  | 'NO_RECENT_MANAGEMENT_REVIEW'
  | 'CONSISTENCY_ERRORS';

/**
 * Everything the stage 1 auditor would stop at, each with its cause: mandatory documents,
 * the SoA's approval, risk treatment and acceptance, an internal audit and a management review
 * within the last 12 months, and contradictions in the data.
 */
export function stage1Blockers(input: Stage1ReadinessInput): Array<{ code: Stage1BlockerCode; message: string; ref: string | null }> {
  const out: Array<{ code: Stage1BlockerCode; message: string; ref: string | null }> = [];
  const yearAgo = addMonths(input.today, -12);
  for (const doc of input.missingMandatory) out.push({ code: 'MANDATORY_DOCUMENT_MISSING', message: `Mandatory document missing or not current: ${doc.title} (${doc.ref}).`, ref: doc.ref });
  if (!input.soaApproved) out.push({ code: 'SOA_NOT_APPROVED', message: 'No version of the Statement of Applicability is approved by management.', ref: 'MD-6.1.3-d' });
  if (input.untreatedRisks > 0) out.push({ code: 'RISK_TREATMENT_INCOMPLETE', message: `${input.untreatedRisks} risk${input.untreatedRisks === 1 ? '' : 's'} above the acceptance threshold without a treatment decision.`, ref: '6.1.3' });
  if (input.unacceptedRisks > 0) out.push({ code: 'RISK_ACCEPTANCE_MISSING', message: `${input.unacceptedRisks} risk${input.unacceptedRisks === 1 ? '' : 's'} need${input.unacceptedRisks === 1 ? 's' : ''} the owner's acceptance of the residual risk.`, ref: '6.1.3' });
  if (!input.lastInternalAuditOn || input.lastInternalAuditOn < yearAgo) out.push({ code: 'NO_RECENT_INTERNAL_AUDIT', message: 'No internal audit reported in the last 12 months (clause 9.2).', ref: '9.2' });
  if (input.lastManagementReviewOn !== undefined && (!input.lastManagementReviewOn || input.lastManagementReviewOn < yearAgo)) {
    out.push({ code: 'NO_RECENT_MANAGEMENT_REVIEW', message: 'No management review in the last 12 months (clause 9.3).', ref: '9.3' });
  }
  if (input.consistencyErrors > 0) out.push({ code: 'CONSISTENCY_ERRORS', message: `${input.consistencyErrors} contradiction${input.consistencyErrors === 1 ? '' : 's'} in the data (see Documents → Consistency).`, ref: null });
  return out;
}
