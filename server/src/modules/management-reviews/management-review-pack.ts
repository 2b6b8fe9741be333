import type { EntityManager } from 'typeorm';
import {
  FINDING_KINDS,
  OBJECTIVE_STATUSES,
  OPEN_TASK_STATUSES,
  RISK_LEVELS,
  RISK_TREATMENTS,
  CORRECTIVE_ACTION_STATUSES,
  isCorrectiveActionOverdue,
  isNonconformity,
  isOverdue,
  needsOwnerAcceptance,
  quarterOf,
  recentQuarters,
  reviewPeriodStart,
  riskLevel,
  type AuditKind,
  type AuditStatus,
  type CorrectiveActionStatus,
  type FindingKind,
  type RiskLevel,
  type RiskMatrix,
  type RiskTreatment,
  type TaskStatus,
} from '@annex/domain';
import { riskApprovableHash } from '../risks/risk.service.js';
import { summarizeIndicators, summarizeObjectives, type IndicatorSummary } from '../objectives/objective-summary.js';

/**
 * The management review pack: the clause 9.3.2 inputs assembled from live data when the pack is
 * prepared, kept as JSON on the review (and frozen in its signed snapshot). Every figure is read
 * with the rules the pages that show it use (@annex/domain, the objectives summaries), so the pack
 * shows what those pages show at the moment it was prepared.
 */
export interface ManagementReviewPackData {
  /** Bumped when the shape changes; old packs keep theirs. */
  format: 1;
  preparedAt: string;
  /** The day the figures are as of. */
  asOf: string;
  /** Where "since the last review" starts: the previous review's meeting, or 12 months back. */
  since: string;
  previousReview: { id: string; title: string; heldOn: string | null } | null;
  previousActions: PreviousActionsSection;
  nonconformities: NonconformitiesSection;
  monitoring: MonitoringSection;
  auditResults: AuditResultsSection;
  objectives: ObjectivesSection;
  risks: RisksSection;
  improvements: ImprovementsSection;
}

export interface PreviousActionItem {
  decisionId: string;
  reviewId: string;
  reviewTitle: string;
  text: string;
  taskId: string | null;
  taskTitle: string | null;
  /** null when the decision was never made a task. */
  taskStatus: TaskStatus | null;
  ownerName: string | null;
  dueDate: string | null;
  overdue: boolean;
}

export interface PreviousActionsSection {
  computedAt: string;
  total: number;
  open: number;
  done: number;
  cancelled: number;
  overdue: number;
  /** Decisions never made a task. */
  untracked: number;
  items: PreviousActionItem[];
}

export interface NonconformitiesSection {
  computedAt: string;
  /** Major and minor nonconformities whose corrective action is not verified (or missing). */
  openMajor: number;
  openMinor: number;
  /** Findings of each kind: all time, and raised since the last review. */
  byKind: Array<{ kind: FindingKind; total: number; raisedSince: number }>;
  correctiveActionsByStatus: Array<{ status: CorrectiveActionStatus; count: number }>;
  /** Corrective actions not verified after their due date (as the audits pages count them). */
  overdueCorrectiveActions: number;
  overdue: Array<{ correctiveActionId: string; findingId: string; auditId: string; kind: FindingKind; requirementRef: string; status: CorrectiveActionStatus; dueDate: string; ownerName: string | null }>;
  /** Nonconformities raised and corrective actions verified, per quarter (the last four). */
  trend: Array<{ quarter: string; raised: number; closed: number }>;
}

export interface MonitoringSection {
  computedAt: string;
  total: number;
  onTarget: number;
  offTarget: number;
  notMeasured: number;
  measurementDue: number;
  indicators: Array<{
    indicatorId: string;
    name: string;
    unit: string;
    target: number;
    direction: string;
    lastValue: number | null;
    lastMeasuredOn: string | null;
    onTarget: boolean | null;
    measurementDue: boolean;
    trend: string;
    series: Array<{ measuredOn: string; value: number }>;
  }>;
}

export interface AuditResultsSection {
  computedAt: string;
  audits: Array<{
    auditId: string;
    kind: AuditKind;
    title: string;
    status: AuditStatus;
    startDate: string;
    endDate: string;
    leadAuditorName: string | null;
    majorNonconformities: number;
    minorNonconformities: number;
    observations: number;
    opportunities: number;
  }>;
}

export interface ObjectivesSection {
  computedAt: string;
  total: number;
  byStatus: Array<{ status: string; count: number }>;
  objectives: Array<{ objectiveId: string; title: string; status: string; targetDate: string | null; ownerName: string | null; achieved: boolean | null }>;
}

export interface RisksSection {
  computedAt: string;
  total: number;
  acceptanceThreshold: number;
  /** Inherent level, as the risk register's level filter counts it. */
  byLevel: Array<{ level: RiskLevel; count: number }>;
  /** Residual level where assessed, else inherent. */
  byResidualLevel: Array<{ level: RiskLevel; count: number }>;
  /** Residual (or inherent) score above the acceptance threshold, as the register's "above threshold" filter counts it. */
  aboveAppetite: number;
  /** Above the threshold with no treatment decided. */
  untreatedAboveAppetite: number;
  /** Clause 6.1.3 f: needing the owner's acceptance of the residual risk, without it. */
  awaitingAcceptance: number;
  /** A null treatment: none decided yet. */
  byTreatment: Array<{ treatment: RiskTreatment | null; count: number }>;
  /** The treatment plan: tasks whose subject is a risk. */
  treatmentTasks: { total: number; open: number; done: number; overdue: number };
  topRisks: Array<{ riskId: string; title: string; score: number; level: RiskLevel; treatment: RiskTreatment | null; ownerName: string | null; accepted: boolean }>;
}

export interface ImprovementsSection {
  computedAt: string;
  opportunities: number;
  observations: number;
  items: Array<{ findingId: string; auditId: string; auditTitle: string; kind: FindingKind; requirementRef: string; description: string; raisedOn: string }>;
}

interface PackTarget {
  organizationId: string;
  reviewId: string;
  scheduledOn: string;
  createdAt: Date;
}

const n = (value: unknown) => Number(value ?? 0);

/** Assembles every computed section, reading through the caller's EntityManager (one transaction: one consistent picture). */
export async function assemblePack(em: EntityManager, target: PackTarget, matrix: RiskMatrix, today: string, now = new Date()): Promise<ManagementReviewPackData> {
  const computedAt = now.toISOString();
  const previous = (await em.query(
    `SELECT id, title, held_on::text AS held_on, scheduled_on::text AS scheduled_on FROM management_reviews
      WHERE organization_id = $1 AND id <> $2 AND (scheduled_on < $3 OR (scheduled_on = $3 AND created_at < $4))
      ORDER BY scheduled_on DESC, created_at DESC`,
    [target.organizationId, target.reviewId, target.scheduledOn, target.createdAt],
  )) as Array<{ id: string; title: string; held_on: string | null; scheduled_on: string }>;
  const lastHeld = previous.find((p) => p.held_on !== null) ?? null;
  const since = reviewPeriodStart(lastHeld ? { heldOn: lastHeld.held_on, scheduledOn: lastHeld.scheduled_on } : null, today);
  // Read once: the monitoring section lists them, the objectives section rates by them.
  const indicators = await summarizeIndicators(em, target.organizationId, today);
  return {
    format: 1,
    preparedAt: computedAt,
    asOf: today,
    since,
    previousReview: lastHeld ? { id: lastHeld.id, title: lastHeld.title, heldOn: lastHeld.held_on } : null,
    previousActions: await previousActions(em, target.organizationId, previous.map((p) => p.id), today, computedAt),
    nonconformities: await nonconformities(em, target.organizationId, since, today, computedAt),
    monitoring: monitoring(indicators, computedAt),
    auditResults: await auditResults(em, target.organizationId, since, today, computedAt),
    objectives: await objectives(em, target.organizationId, today, computedAt, indicators),
    risks: await risks(em, target.organizationId, matrix, today, computedAt),
    improvements: await improvements(em, target.organizationId, since, today, computedAt),
  };
}

/**
 * 9.3.2 a: the decisions of the previous reviews and the tasks that track them: every decision of
 * the latest previous review, and those of earlier reviews still open or never tracked.
 */
async function previousActions(em: EntityManager, organizationId: string, previousIds: string[], today: string, computedAt: string): Promise<PreviousActionsSection> {
  const empty = { computedAt, total: 0, open: 0, done: 0, cancelled: 0, overdue: 0, untracked: 0, items: [] };
  if (!previousIds.length) return empty;
  const rows = (await em.query(
    `SELECT d.id, d.text, d.due_date::text AS due_date, d.task_id, m.id AS review_id, m.title AS review_title,
            t.title AS task_title, t.status AS task_status, t.due_date::text AS task_due, coalesce(ua.name, u.name) AS owner_name
       FROM management_review_decisions d
       JOIN management_reviews m ON m.id = d.management_review_id
       LEFT JOIN tasks t ON t.id = d.task_id
       LEFT JOIN users u ON u.id = d.owner_id
       LEFT JOIN users ua ON ua.id = t.assignee_id
      WHERE d.organization_id = $1 AND d.management_review_id = ANY($2)
      ORDER BY d.created_at, d.id`,
    [organizationId, previousIds],
  )) as Array<{ id: string; text: string; due_date: string | null; task_id: string | null; review_id: string; review_title: string; task_title: string | null; task_status: TaskStatus | null; task_due: string | null; owner_name: string | null }>;
  const latest = previousIds[0];
  const order = new Map(previousIds.map((id, i) => [id, i]));
  const items: PreviousActionItem[] = rows
    .filter((r) => r.review_id === latest || r.task_status === null || OPEN_TASK_STATUSES.includes(r.task_status))
    .sort((a, b) => order.get(a.review_id)! - order.get(b.review_id)!)
    .map((r) => {
      const dueDate = r.task_id ? r.task_due : r.due_date;
      const overdue = r.task_status ? isOverdue({ status: r.task_status, dueDate }, today) : dueDate !== null && dueDate < today;
      return { decisionId: r.id, reviewId: r.review_id, reviewTitle: r.review_title, text: r.text, taskId: r.task_id, taskTitle: r.task_title, taskStatus: r.task_status, ownerName: r.owner_name, dueDate, overdue };
    });
  return {
    computedAt,
    total: items.length,
    open: items.filter((i) => i.taskStatus !== null && OPEN_TASK_STATUSES.includes(i.taskStatus)).length,
    done: items.filter((i) => i.taskStatus === 'DONE').length,
    cancelled: items.filter((i) => i.taskStatus === 'CANCELLED').length,
    overdue: items.filter((i) => i.overdue).length,
    untracked: items.filter((i) => i.taskStatus === null).length,
    items,
  };
}

/** The day a finding counts from: when it was raised, or the audit's last day when it was recorded later. */
const RAISED_ON = `LEAST((f.raised_at AT TIME ZONE 'UTC')::date, a.end_date)`;

/** 9.3.2 d 1: nonconformities and corrective actions, with the overdue ones and the trend. */
async function nonconformities(em: EntityManager, organizationId: string, since: string, today: string, computedAt: string): Promise<NonconformitiesSection> {
  const findings = (await em.query(
    `SELECT f.id, f.kind, f.requirement_ref, f.audit_id, ${RAISED_ON}::text AS raised_on
       FROM findings f JOIN audits a ON a.id = f.audit_id
      WHERE f.organization_id = $1 AND ${RAISED_ON} <= $2`,
    [organizationId, today],
  )) as Array<{ id: string; kind: FindingKind; requirement_ref: string; audit_id: string; raised_on: string }>;
  const allActions = (await em.query(
    `SELECT c.id, c.finding_id, c.status, c.due_date::text AS due_date, to_char(c.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS verified_on, u.name AS owner_name,
            f.kind, f.requirement_ref, f.audit_id
       FROM corrective_actions c JOIN findings f ON f.id = c.finding_id LEFT JOIN users u ON u.id = c.owner_id
      WHERE c.organization_id = $1
      ORDER BY c.due_date, c.id`,
    [organizationId],
  )) as Array<{ id: string; finding_id: string; status: CorrectiveActionStatus; due_date: string; verified_on: string | null; owner_name: string | null; kind: FindingKind; requirement_ref: string; audit_id: string }>;
  // Corrective actions of the findings counted (as of the pack's day: all of them when prepared today).
  const counted = new Set(findings.map((f) => f.id));
  const actions = allActions.filter((a) => counted.has(a.finding_id));
  const actionOf = new Map(actions.map((a) => [a.finding_id, a]));
  const openNc = (kind: FindingKind) => findings.filter((f) => f.kind === kind && actionOf.get(f.id)?.status !== 'VERIFIED').length;
  const overdue = actions.filter((a) => isCorrectiveActionOverdue({ status: a.status, dueDate: a.due_date }, today));
  const quarters = recentQuarters(today, 4);
  return {
    computedAt,
    openMajor: openNc('MAJOR_NONCONFORMITY'),
    openMinor: openNc('MINOR_NONCONFORMITY'),
    byKind: FINDING_KINDS.map((kind) => ({
      kind,
      total: findings.filter((f) => f.kind === kind).length,
      raisedSince: findings.filter((f) => f.kind === kind && f.raised_on >= since).length,
    })),
    correctiveActionsByStatus: CORRECTIVE_ACTION_STATUSES.map((status) => ({ status, count: actions.filter((a) => a.status === status).length })),
    overdueCorrectiveActions: overdue.length,
    overdue: overdue.map((a) => ({ correctiveActionId: a.id, findingId: a.finding_id, auditId: a.audit_id, kind: a.kind, requirementRef: a.requirement_ref, status: a.status, dueDate: a.due_date, ownerName: a.owner_name })),
    trend: quarters.map((quarter) => ({
      quarter,
      raised: findings.filter((f) => isNonconformity(f.kind) && quarterOf(f.raised_on) === quarter).length,
      closed: actions.filter((a) => a.status === 'VERIFIED' && a.verified_on !== null && a.verified_on <= today && quarterOf(a.verified_on) === quarter).length,
    })),
  };
}

/** 9.3.2 d 2: the indicators against their targets (the objectives module's summaries). */
function monitoring(indicators: IndicatorSummary[], computedAt: string): MonitoringSection {
  return {
    computedAt,
    total: indicators.length,
    onTarget: indicators.filter((i) => i.onTarget === true).length,
    offTarget: indicators.filter((i) => i.onTarget === false).length,
    notMeasured: indicators.filter((i) => i.onTarget === null).length,
    measurementDue: indicators.filter((i) => i.measurementDue).length,
    indicators: indicators.map((i) => ({
      indicatorId: i.id,
      name: i.name,
      unit: i.unit,
      target: i.target,
      direction: i.direction,
      lastValue: i.lastValue,
      lastMeasuredOn: i.lastMeasuredOn,
      onTarget: i.onTarget,
      measurementDue: i.measurementDue,
      trend: i.trend,
      series: i.series,
    })),
  };
}

/** 9.3.2 d 3: audits reported or closed since the last review, with their findings. */
async function auditResults(em: EntityManager, organizationId: string, since: string, today: string, computedAt: string): Promise<AuditResultsSection> {
  const rows = (await em.query(
    `SELECT a.id, a.kind, a.title, a.status, a.start_date::text AS start_date, a.end_date::text AS end_date, u.name AS lead_name,
            count(f.id) FILTER (WHERE f.kind = 'MAJOR_NONCONFORMITY')::int AS major,
            count(f.id) FILTER (WHERE f.kind = 'MINOR_NONCONFORMITY')::int AS minor,
            count(f.id) FILTER (WHERE f.kind = 'OBSERVATION')::int AS observations,
            count(f.id) FILTER (WHERE f.kind = 'OPPORTUNITY_FOR_IMPROVEMENT')::int AS opportunities
       FROM audits a LEFT JOIN findings f ON f.audit_id = a.id LEFT JOIN users u ON u.id = a.lead_auditor_id
      WHERE a.organization_id = $1 AND a.status IN ('REPORTING','CLOSED') AND a.end_date >= $2 AND a.end_date <= $3
      GROUP BY a.id, u.name
      ORDER BY a.end_date DESC, a.id`,
    [organizationId, since, today],
  )) as Array<{ id: string; kind: AuditKind; title: string; status: AuditStatus; start_date: string; end_date: string; lead_name: string | null; major: number; minor: number; observations: number; opportunities: number }>;
  return {
    computedAt,
    audits: rows.map((r) => ({
      auditId: r.id,
      kind: r.kind,
      title: r.title,
      status: r.status,
      startDate: r.start_date,
      endDate: r.end_date,
      leadAuditorName: r.lead_name,
      majorNonconformities: n(r.major),
      minorNonconformities: n(r.minor),
      observations: n(r.observations),
      opportunities: n(r.opportunities),
    })),
  };
}

/** 9.3.2 d 4: the objectives and where they stand (the objectives module's summaries). */
async function objectives(em: EntityManager, organizationId: string, today: string, computedAt: string, indicators: IndicatorSummary[]): Promise<ObjectivesSection> {
  const list = await summarizeObjectives(em, organizationId, today, indicators);
  const owners = await namesOf(em, list.map((o) => o.ownerId));
  return {
    computedAt,
    total: list.length,
    byStatus: OBJECTIVE_STATUSES.map((status) => ({ status, count: list.filter((o) => o.status === status).length })),
    objectives: list.map((o) => ({ objectiveId: o.id, title: o.title, status: o.status, targetDate: o.targetDate, ownerName: o.ownerId ? (owners.get(o.ownerId) ?? null) : null, achieved: o.achieved })),
  };
}

/** 9.3.2 f: the risk assessment's results and the treatment plan's status. */
async function risks(em: EntityManager, organizationId: string, matrix: RiskMatrix, today: string, computedAt: string): Promise<RisksSection> {
  const rows = (await em.query(
    `SELECT r.id, r.title, r.likelihood, r.impact, r.inherent_score, r.treatment, r.residual_likelihood, r.residual_impact, r.residual_score, u.name AS owner_name
       FROM risks r LEFT JOIN users u ON u.id = r.owner_id WHERE r.organization_id = $1`,
    [organizationId],
  )) as Array<{ id: string; title: string; likelihood: number; impact: number; inherent_score: number; treatment: RiskTreatment | null; residual_likelihood: number | null; residual_impact: number | null; residual_score: number | null; owner_name: string | null }>;
  const controls = (await em.query(`SELECT rc.risk_id, rc.control_ref FROM risk_controls rc JOIN risks r ON r.id = rc.risk_id WHERE r.organization_id = $1`, [organizationId])) as Array<{
    risk_id: string;
    control_ref: string;
  }>;
  const approved = (await em.query(`SELECT subject_id, subject_hash FROM approval_requests WHERE organization_id = $1 AND status = 'APPROVED' AND subject_id LIKE 'rsk\\_%'`, [organizationId])) as Array<{
    subject_id: string;
    subject_hash: string;
  }>;
  const tasks = (await em.query(`SELECT t.status, t.due_date::text AS due_date FROM tasks t JOIN risks r ON r.id = t.subject_id WHERE r.organization_id = $1`, [organizationId])) as Array<{
    status: TaskStatus;
    due_date: string | null;
  }>;
  const refsOf = new Map<string, string[]>();
  for (const c of controls) refsOf.set(c.risk_id, [...(refsOf.get(c.risk_id) ?? []), c.control_ref]);
  const hashes = new Set(approved.map((a) => `${a.subject_id}:${a.subject_hash}`));
  const scored = rows.map((r) => {
    const risk = { likelihood: r.likelihood, impact: r.impact, treatment: r.treatment, residualLikelihood: r.residual_likelihood, residualImpact: r.residual_impact };
    const score = r.residual_score ?? r.inherent_score;
    const accepted = hashes.has(`${r.id}:${riskApprovableHash(risk, refsOf.get(r.id) ?? [])}`);
    return { ...r, score, accepted, needsAcceptance: needsOwnerAcceptance({ treatment: r.treatment, residualScore: r.residual_score, inherentScore: r.inherent_score }, matrix) };
  });
  const above = scored.filter((r) => r.score > matrix.acceptanceThreshold);
  return {
    computedAt,
    total: rows.length,
    acceptanceThreshold: matrix.acceptanceThreshold,
    byLevel: RISK_LEVELS.map((level) => ({ level, count: scored.filter((r) => riskLevel(r.inherent_score, matrix) === level).length })),
    byResidualLevel: RISK_LEVELS.map((level) => ({ level, count: scored.filter((r) => riskLevel(r.score, matrix) === level).length })),
    aboveAppetite: above.length,
    untreatedAboveAppetite: scored.filter((r) => r.treatment === null && r.inherent_score > matrix.acceptanceThreshold).length,
    awaitingAcceptance: scored.filter((r) => r.needsAcceptance && !r.accepted).length,
    byTreatment: [...RISK_TREATMENTS, null].map((treatment) => ({ treatment, count: scored.filter((r) => r.treatment === treatment).length })),
    treatmentTasks: {
      total: tasks.length,
      open: tasks.filter((t) => OPEN_TASK_STATUSES.includes(t.status)).length,
      done: tasks.filter((t) => t.status === 'DONE').length,
      overdue: tasks.filter((t) => isOverdue({ status: t.status, dueDate: t.due_date }, today)).length,
    },
    topRisks: above
      .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
      .slice(0, 10)
      .map((r) => ({ riskId: r.id, title: r.title, score: r.score, level: riskLevel(r.score, matrix), treatment: r.treatment, ownerName: r.owner_name, accepted: r.accepted })),
  };
}

/** 9.3.2 g: opportunities for improvement and observations raised since the last review. */
async function improvements(em: EntityManager, organizationId: string, since: string, today: string, computedAt: string): Promise<ImprovementsSection> {
  const rows = (await em.query(
    `SELECT f.id, f.kind, f.requirement_ref, f.description, f.audit_id, a.title AS audit_title, ${RAISED_ON}::text AS raised_on
       FROM findings f JOIN audits a ON a.id = f.audit_id
      WHERE f.organization_id = $1 AND f.kind IN ('OPPORTUNITY_FOR_IMPROVEMENT','OBSERVATION') AND ${RAISED_ON} >= $2 AND ${RAISED_ON} <= $3
      ORDER BY ${RAISED_ON} DESC, f.id`,
    [organizationId, since, today],
  )) as Array<{ id: string; kind: FindingKind; requirement_ref: string; description: string; audit_id: string; audit_title: string; raised_on: string }>;
  return {
    computedAt,
    opportunities: rows.filter((r) => r.kind === 'OPPORTUNITY_FOR_IMPROVEMENT').length,
    observations: rows.filter((r) => r.kind === 'OBSERVATION').length,
    items: rows.map((r) => ({ findingId: r.id, auditId: r.audit_id, auditTitle: r.audit_title, kind: r.kind, requirementRef: r.requirement_ref, description: r.description, raisedOn: r.raised_on })),
  };
}

/** The names of people by id (accounts, members or not: a past owner keeps their name). */
export async function namesOf(em: EntityManager, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = (await em.query(`SELECT id, name FROM users WHERE id = ANY($1)`, [wanted])) as Array<{ id: string; name: string }>;
  return new Map(rows.map((r) => [r.id, r.name]));
}
