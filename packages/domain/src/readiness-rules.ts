import { stage1Blockers, type CertificationBlocker } from './audit-rules.js';
import { addDays, addMonths } from './document-rules.js';

/**
 * Readiness: how far the organisation is from passing stage 1 and stage 2, from its data.
 * The score is a weighted mean of one score per area; the blockers are what an auditor would
 * stop at, each with its cause and a link (relative to the organisation's pages) to the record
 * that fixes it.
 */

export const READINESS_AREAS = [
  'GAP_ANALYSIS',
  'STATEMENT_OF_APPLICABILITY',
  'RISK_ASSESSMENT',
  'MANDATORY_DOCUMENTS',
  'ACKNOWLEDGEMENT',
  'TRAINING',
  'INTERNAL_AUDIT',
  'MANAGEMENT_REVIEW',
  'NONCONFORMITIES',
  'CONSISTENCY',
] as const;
export type ReadinessArea = (typeof READINESS_AREAS)[number];

/** How much each area weighs in the score (they add up to 100). */
export const READINESS_WEIGHTS: Readonly<Record<ReadinessArea, number>> = {
  GAP_ANALYSIS: 10,
  STATEMENT_OF_APPLICABILITY: 15,
  RISK_ASSESSMENT: 15,
  MANDATORY_DOCUMENTS: 15,
  ACKNOWLEDGEMENT: 5,
  TRAINING: 10,
  INTERNAL_AUDIT: 10,
  MANAGEMENT_REVIEW: 10,
  NONCONFORMITIES: 5,
  CONSISTENCY: 5,
};

/** Below these shares, staff awareness is a stage 2 blocker (clause 7.3: people must be aware). */
export const MIN_TRAINING_COVERAGE = 0.8;
export const MIN_ACKNOWLEDGEMENT_COVERAGE = 0.8;

export interface ReadinessInput {
  today: string;
  /** The gap analysis score (0–100) over the applicable items, null when nothing is assessed. */
  gapScore: number | null;
  soa: { controls: number; decided: number; approved: boolean };
  risks: { total: number; untreated: number; unaccepted: number };
  mandatoryDocuments: { required: number; missing: ReadonlyArray<{ ref: string; title: string; documentId: string | null }> };
  acknowledgements: { required: number; done: number };
  training: { assigned: number; current: number; overdue: number };
  lastInternalAuditOn: string | null;
  lastManagementReviewOn: string | null;
  /** The management review to open for the fix (the latest one, signed or not). */
  managementReviewId?: string | null;
  nonconformities: { openMajor: number; openMinor: number; overdueCorrectiveActions: number };
  /** Consistency errors other than missing mandatory documents, with the record to open. */
  consistencyErrors: ReadonlyArray<{ message: string; link: string | null }>;
  /** The certification decision's blockers (open major NC, minor without plan past due, stage 1 not closed). */
  certificationBlockers: readonly CertificationBlocker[];
  /** Finding id → audit id, to link a certification blocker to its finding. */
  auditOfFinding?: ReadonlyMap<string, string>;
  /** Whether a stage 1 audit has been closed. */
  stage1Closed: boolean;
}

export interface ReadinessBlocker {
  code: string;
  message: string;
  area: ReadinessArea;
  /** Where the fix is, relative to the organisation (e.g. `documents/doc_…`), or null. */
  link: string | null;
}

export interface Readiness {
  score: number;
  stage1: { ready: boolean; blockers: ReadinessBlocker[] };
  stage2: { ready: boolean; blockers: ReadinessBlocker[] };
  breakdown: Array<{ area: ReadinessArea; score: number; weight: number }>;
}

const share = (part: number, whole: number): number => (whole <= 0 ? 0 : Math.max(0, Math.min(1, part / whole)));
const pct = (ratio: number): number => Math.round(ratio * 100);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One score per area, 0–100. */
export function readinessBreakdown(input: ReadinessInput): Array<{ area: ReadinessArea; score: number; weight: number }> {
  const yearAgo = addMonths(input.today, -12);
  const recent = (on: string | null) => (on !== null && on >= yearAgo ? 100 : 0);
  const scores: Record<ReadinessArea, number> = {
    GAP_ANALYSIS: input.gapScore ?? 0,
    // Deciding every control is most of the work; management's approval is the rest.
    STATEMENT_OF_APPLICABILITY: Math.round(share(input.soa.decided, input.soa.controls) * 80 + (input.soa.approved ? 20 : 0)),
    // No risk assessed at all is no risk assessment.
    RISK_ASSESSMENT: input.risks.total === 0 ? 0 : pct(share(input.risks.total - input.risks.untreated - input.risks.unaccepted, input.risks.total)),
    MANDATORY_DOCUMENTS: input.mandatoryDocuments.required === 0 ? 100 : pct(share(input.mandatoryDocuments.required - input.mandatoryDocuments.missing.length, input.mandatoryDocuments.required)),
    ACKNOWLEDGEMENT: input.acknowledgements.required === 0 ? 0 : pct(share(input.acknowledgements.done, input.acknowledgements.required)),
    // No training programme is a gap of clauses 7.2 and 7.3.
    TRAINING: input.training.assigned === 0 ? 0 : pct(share(input.training.current, input.training.assigned)),
    INTERNAL_AUDIT: recent(input.lastInternalAuditOn),
    MANAGEMENT_REVIEW: recent(input.lastManagementReviewOn),
    NONCONFORMITIES: Math.max(0, 100 - 50 * input.nonconformities.openMajor - 10 * input.nonconformities.overdueCorrectiveActions - 5 * input.nonconformities.openMinor),
    CONSISTENCY: Math.max(0, 100 - 10 * input.consistencyErrors.length),
  };
  return READINESS_AREAS.map((area) => ({ area, score: scores[area], weight: READINESS_WEIGHTS[area] }));
}

/** The weighted mean of the areas' scores, 0–100 (whole number). */
export function readinessScore(breakdown: ReadonlyArray<{ score: number; weight: number }>): number {
  const weights = breakdown.reduce((sum, b) => sum + b.weight, 0);
  return weights === 0 ? 0 : Math.round(breakdown.reduce((sum, b) => sum + b.score * b.weight, 0) / weights);
}

/** What the stage 1 auditor would stop at: the documented ISMS. */
export function readinessStage1Blockers(input: ReadinessInput): ReadinessBlocker[] {
  const base = stage1Blockers({
    today: input.today,
    missingMandatory: input.mandatoryDocuments.missing,
    soaApproved: input.soa.approved,
    untreatedRisks: input.risks.untreated,
    unacceptedRisks: input.risks.unaccepted,
    lastInternalAuditOn: input.lastInternalAuditOn,
    lastManagementReviewOn: input.lastManagementReviewOn,
    consistencyErrors: 0,
  });
  const out: ReadinessBlocker[] = [];
  let missingIndex = 0;
  for (const blocker of base) {
    switch (blocker.code) {
      case 'MANDATORY_DOCUMENT_MISSING': {
        const missing = input.mandatoryDocuments.missing[missingIndex++];
        out.push({ ...pick(blocker), area: 'MANDATORY_DOCUMENTS', link: missing?.documentId ? `documents/${missing.documentId}` : 'documents' });
        break;
      }
      case 'SOA_NOT_APPROVED':
        out.push({ ...pick(blocker), area: 'STATEMENT_OF_APPLICABILITY', link: 'statement-of-applicability' });
        break;
      case 'RISK_TREATMENT_INCOMPLETE':
      case 'RISK_ACCEPTANCE_MISSING':
        out.push({ ...pick(blocker), area: 'RISK_ASSESSMENT', link: 'risks?above=1' });
        break;
      case 'NO_RECENT_INTERNAL_AUDIT':
        out.push({ ...pick(blocker), area: 'INTERNAL_AUDIT', link: 'audits' });
        break;
      case 'NO_RECENT_MANAGEMENT_REVIEW':
        out.push({ ...pick(blocker), area: 'MANAGEMENT_REVIEW', link: input.managementReviewId ? `management-reviews/${input.managementReviewId}` : 'management-reviews' });
        break;
      default:
        break;
    }
  }
  if (input.soa.decided < input.soa.controls) {
    const open = input.soa.controls - input.soa.decided;
    const at = out.filter((b) => b.area === 'MANDATORY_DOCUMENTS').length;
    out.splice(at, 0, {
      code: 'SOA_INCOMPLETE',
      message: `${plural(open, 'Annex A control')} without an applicability decision in the Statement of Applicability.`,
      area: 'STATEMENT_OF_APPLICABILITY',
      link: 'statement-of-applicability?applicable=undecided',
    });
  }
  if (input.risks.total === 0) out.push({ code: 'NO_RISK_ASSESSMENT', message: 'No risk has been assessed yet (clause 6.1.2).', area: 'RISK_ASSESSMENT', link: 'risks' });
  for (const error of input.consistencyErrors) out.push({ code: 'CONSISTENCY_ERROR', message: error.message, area: 'CONSISTENCY', link: error.link });
  return out;
}

/**
 * What stage 2 additionally needs: a closed stage 1, the certification decision unblocked (no
 * open major NC, minors planned in time), people trained and aware, corrective actions on time.
 * Everything stage 1 needs still holds.
 */
export function readinessStage2Blockers(input: ReadinessInput, stage1: readonly ReadinessBlocker[] = readinessStage1Blockers(input)): ReadinessBlocker[] {
  const out: ReadinessBlocker[] = [...stage1];
  if (!input.stage1Closed) out.push({ code: 'STAGE1_NOT_CLOSED', message: 'The stage 1 audit is not closed yet.', area: 'NONCONFORMITIES', link: 'audits?kind=STAGE1' });
  for (const blocker of input.certificationBlockers) {
    if (blocker.code === 'STAGE1_NOT_CLOSED') continue;
    const auditId = blocker.subjectId ? input.auditOfFinding?.get(blocker.subjectId) : undefined;
    out.push({ code: blocker.code, message: blocker.message, area: 'NONCONFORMITIES', link: auditId ? `audits/${auditId}?tab=findings&finding=${blocker.subjectId}` : 'certification' });
  }
  if (input.nonconformities.overdueCorrectiveActions > 0) {
    out.push({
      code: 'CORRECTIVE_ACTIONS_OVERDUE',
      message: `${plural(input.nonconformities.overdueCorrectiveActions, 'corrective action')} past ${input.nonconformities.overdueCorrectiveActions === 1 ? 'its' : 'their'} due date.`,
      area: 'NONCONFORMITIES',
      link: 'my-work',
    });
  }
  const training = input.training.assigned === 0 ? 0 : input.training.current / input.training.assigned;
  if (input.training.assigned === 0) {
    out.push({ code: 'NO_TRAINING_PROGRAMME', message: 'No awareness training is assigned (clauses 7.2 and 7.3).', area: 'TRAINING', link: 'training' });
  } else if (training < MIN_TRAINING_COVERAGE) {
    out.push({ code: 'TRAINING_COVERAGE_LOW', message: `Training coverage is ${pct(training)} % (at least ${pct(MIN_TRAINING_COVERAGE)} % expected); ${plural(input.training.overdue, 'assignment')} overdue.`, area: 'TRAINING', link: 'training' });
  }
  if (input.acknowledgements.required > 0) {
    const ack = input.acknowledgements.done / input.acknowledgements.required;
    if (ack < MIN_ACKNOWLEDGEMENT_COVERAGE) {
      out.push({ code: 'ACKNOWLEDGEMENT_COVERAGE_LOW', message: `Policies are acknowledged at ${pct(ack)} % (at least ${pct(MIN_ACKNOWLEDGEMENT_COVERAGE)} % expected).`, area: 'ACKNOWLEDGEMENT', link: 'documents' });
    }
  }
  return out;
}

export function readiness(input: ReadinessInput): Readiness {
  const breakdown = readinessBreakdown(input);
  const stage1 = readinessStage1Blockers(input);
  const stage2 = readinessStage2Blockers(input, stage1);
  return { score: readinessScore(breakdown), stage1: { ready: stage1.length === 0, blockers: stage1 }, stage2: { ready: stage2.length === 0, blockers: stage2 }, breakdown };
}

/**
 * Open non-conformities at the end of each week, oldest first: a finding counts from the day it
 * was raised until its corrective action is verified effective (or closed).
 */
export function nonconformityBurndown(
  findings: ReadonlyArray<{ raisedOn: string; closedOn: string | null; dueDate: string | null }>,
  today: string,
  weeks = 12,
): Array<{ weekEnding: string; open: number; overdue: number }> {
  const out: Array<{ weekEnding: string; open: number; overdue: number }> = [];
  for (let i = weeks - 1; i >= 0; i -= 1) {
    const day = addDays(today, -7 * i);
    const open = findings.filter((f) => f.raisedOn <= day && (f.closedOn === null || f.closedOn > day));
    out.push({ weekEnding: day, open: open.length, overdue: open.filter((f) => f.dueDate !== null && f.dueDate < day).length });
  }
  return out;
}

function pick(blocker: { code: string; message: string }) {
  return { code: blocker.code, message: blocker.message };
}
