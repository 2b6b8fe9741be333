import type { EntityManager } from 'typeorm';
import {
  certificationBlockers,
  gapScore,
  isCorrectiveActionOverdue,
  nonconformityBurndown,
  readiness,
  todayUtc,
  type ConsistencyIssue,
  type GapStatus,
  type Readiness,
  type ReadinessInput,
} from '@annex/domain';
import { CONTROLS } from '@annex/iso27001';
import type { Database } from '../../core/db/database.js';
import { typeOfId } from '../../core/ids.js';
import type { AuditService } from '../audits/audit.service.js';
import type { DocumentService } from '../documents/document.service.js';
import { trainingCoverageSummary } from '../training/training-summary.js';
import { lastSignedManagementReview } from '../management-reviews/review-summary.js';

export interface ReadinessReport extends Readiness {
  organizationId: string;
  computedAt: Date;
  nonconformityBurndown: Array<{ weekEnding: string; open: number; overdue: number }>;
  /** The figures the score was computed from (shown beside each area). */
  facts: ReadinessInput;
}

/** Where a consistency issue is fixed, from the id of its first record. */
function linkOfSubject(id: string | undefined): string | null {
  if (!id) return 'documents';
  switch (typeOfId(id)) {
    case 'Document':
      return `documents/${id}`;
    case 'Risk':
      return `risks?risk=${id}`;
    case 'SoaEntry':
      return 'statement-of-applicability';
    default:
      return 'documents';
  }
}

/**
 * Gathers, in a handful of statements, the facts the readiness rules of `@annex/domain` need:
 * the gap analysis, the SoA, risks, mandatory documents and consistency, acknowledgements,
 * training, the latest internal audit and management review, non-conformities.
 */
export class ReadinessService {
  constructor(
    private readonly db: Database,
    private readonly documents: DocumentService,
    private readonly audits: AuditService,
  ) {}

  async facts(organizationId: string, today = todayUtc(), em: EntityManager = this.db.dataSource.manager) {
    const { mandatory, issues } = await this.documents.checks(organizationId);
    const gapRows = (await em.query(`SELECT status, maturity FROM gap_items WHERE organization_id = $1`, [organizationId])) as Array<{ status: GapStatus; maturity: number | null }>;
    const [soa] = (await em.query(
      `SELECT (SELECT count(*)::int FROM soa_entries WHERE organization_id = $1 AND applicable IS NOT NULL AND justification <> '') AS decided,
              (SELECT count(*)::int FROM soa_versions v JOIN approval_requests r ON r.subject_id = v.id AND r.status = 'APPROVED' AND r.subject_hash = v.content_hash
                WHERE v.organization_id = $1) AS approved`,
      [organizationId],
    )) as Array<{ decided: number; approved: number }>;
    const [risks] = (await em.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE r.treatment IS NULL AND r.inherent_score > t.threshold)::int AS untreated,
              count(*) FILTER (WHERE (r.treatment = 'ACCEPT' OR coalesce(r.residual_score, r.inherent_score) > t.threshold)
                                 AND NOT EXISTS (SELECT 1 FROM approval_requests a WHERE a.subject_id = r.id AND a.status = 'APPROVED'))::int AS unaccepted
         FROM risks r CROSS JOIN (SELECT coalesce((SELECT acceptance_threshold FROM risk_matrices WHERE organization_id = $1), 9) AS threshold) t
        WHERE r.organization_id = $1`,
      [organizationId],
    )) as Array<{ total: number; untreated: number; unaccepted: number }>;
    // Policies in force: everyone in their audience should have acknowledged the current major version.
    const [acks] = (await em.query(
      `SELECT count(*)::int AS required, count(ack.done)::int AS done
         FROM documents d
         JOIN document_versions cv ON cv.id = d.current_version_id
         JOIN memberships m ON m.organization_id = d.organization_id AND (cardinality(d.audience_roles) = 0 OR m.role = ANY(d.audience_roles))
         LEFT JOIN LATERAL (SELECT 1 AS done FROM document_acknowledgements a JOIN document_versions v ON v.id = a.document_version_id
                             WHERE a.document_id = d.id AND a.user_id = m.user_id AND v.major = cv.major LIMIT 1) ack ON true
        WHERE d.organization_id = $1 AND d.kind = 'POLICY'`,
      [organizationId],
    )) as Array<{ required: number; done: number }>;
    const findings = (await em.query(
      `SELECT f.id, f.audit_id, f.kind, f.raised_at::date::text AS raised_on, c.status, c.due_date::text AS due_date,
              CASE WHEN c.status = 'VERIFIED' THEN coalesce(c.verified_at, c.updated_at)::date::text END AS closed_on
         FROM findings f LEFT JOIN corrective_actions c ON c.finding_id = f.id
        WHERE f.organization_id = $1 AND f.kind IN ('MAJOR_NONCONFORMITY','MINOR_NONCONFORMITY')`,
      [organizationId],
    )) as Array<{ id: string; audit_id: string; kind: string; raised_on: string; status: string | null; due_date: string | null; closed_on: string | null }>;
    const certificationInput = await this.audits.certificationInput(em, organizationId, today);
    const training = await trainingCoverageSummary(em, organizationId, today);
    const review = await lastSignedManagementReview(em, organizationId);

    // The audits come with the certification input: the latest reported internal audit, and whether stage 1 closed.
    const lastInternalAuditOn =
      certificationInput.audits
        .filter((a) => a.kind === 'INTERNAL' && (a.status === 'REPORTING' || a.status === 'CLOSED'))
        .map((a) => a.endDate)
        .sort()
        .at(-1) ?? null;
    const open = findings.filter((f) => f.status !== 'VERIFIED');
    const input: ReadinessInput = {
      today,
      gapScore: gapScore(gapRows),
      soa: { controls: CONTROLS.length, decided: Math.min(soa?.decided ?? 0, CONTROLS.length), approved: (soa?.approved ?? 0) > 0 },
      risks: { total: risks?.total ?? 0, untreated: risks?.untreated ?? 0, unaccepted: risks?.unaccepted ?? 0 },
      mandatoryDocuments: {
        required: mandatory.length,
        missing: mandatory.filter((m) => !m.satisfied).map((m) => ({ ref: m.ref, title: m.title, documentId: m.documentIds[0] ?? null })),
      },
      acknowledgements: { required: acks?.required ?? 0, done: acks?.done ?? 0 },
      training: { assigned: training.assigned, current: training.current, overdue: training.overdue },
      lastInternalAuditOn,
      lastManagementReviewOn: review ? (review.heldOn ?? review.signedOn) : null,
      managementReviewId: review?.id ?? null,
      nonconformities: {
        openMajor: open.filter((f) => f.kind === 'MAJOR_NONCONFORMITY').length,
        openMinor: open.filter((f) => f.kind === 'MINOR_NONCONFORMITY').length,
        overdueCorrectiveActions: open.filter((f) => f.status && f.due_date && isCorrectiveActionOverdue({ status: f.status as never, dueDate: f.due_date }, today)).length,
      },
      consistencyErrors: issues
        .filter((i: ConsistencyIssue) => i.severity === 'ERROR' && i.code !== 'MANDATORY_DOCUMENT_MISSING')
        .map((i) => ({ message: i.message, link: linkOfSubject(i.subjectIds[0]) })),
      certificationBlockers: certificationBlockers(certificationInput),
      auditOfFinding: new Map(certificationInput.findings.map((f) => [f.id, f.auditId])),
      stage1Closed: certificationInput.audits.some((a) => a.kind === 'STAGE1' && a.status === 'CLOSED'),
    };
    return {
      input,
      burndown: nonconformityBurndown(
        findings.map((f) => ({ raisedOn: f.raised_on, closedOn: f.closed_on, dueDate: f.due_date })),
        today,
      ),
    };
  }

  async readiness(organizationId: string): Promise<ReadinessReport> {
    const { input, burndown } = await this.facts(organizationId);
    return { ...readiness(input), organizationId, computedAt: new Date(), nonconformityBurndown: burndown, facts: input };
  }
}
