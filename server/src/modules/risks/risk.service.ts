import { createHash } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import {
  DEFAULT_RISK_MATRIX,
  RISK_TREATMENTS,
  checkRiskMatrix,
  rescale,
  riskLevel,
  riskScore,
  type RiskLevel,
  type RiskMatrix,
  type RiskTreatment,
} from '@annex/domain';
import { findControl } from '@annex/iso27001';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit, canonicalJson } from '../../core/audit/audit-trail.js';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isCalendarDate } from '../../core/scalars.js';
import { requiredText } from '../../core/validation.js';
import { decodeOffsetCursor, toOffsetConnection, type Connection } from '../../core/pagination.js';
import type { Actor } from '../organizations/organization.service.js';
import type { ApprovalService } from '../approvals/approval.service.js';
import { Risk } from './risk.entity.js';

export interface RiskFields {
  title?: string | null;
  description?: string | null;
  threat?: string | null;
  vulnerability?: string | null;
  likelihood?: number | null;
  impact?: number | null;
  treatment?: RiskTreatment | null;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  ownerId?: string | null;
  reviewDate?: string | null;
  assetIds?: string[] | null;
  controlRefs?: string[] | null;
}

export interface RiskFilter {
  level?: RiskLevel[] | null;
  treatment?: RiskTreatment[] | null;
  ownerId?: string | null;
  assetId?: string | null;
  controlRef?: string | null;
  aboveThreshold?: boolean | null;
  search?: string | null;
}

export type RiskOrderField = 'INHERENT_SCORE' | 'RESIDUAL_SCORE' | 'TITLE' | 'REVIEW_DATE' | 'CREATED_AT';
export interface RiskOrder {
  field: RiskOrderField;
  direction: 'ASC' | 'DESC';
}

const SCORED = ['likelihood', 'impact', 'treatment', 'residualLikelihood', 'residualImpact'] as const;
const AUDITED = ['title', 'description', 'threat', 'vulnerability', ...SCORED, 'ownerId', 'reviewDate'] as const;
const ORDER_COLUMNS: Record<RiskOrderField, string> = {
  INHERENT_SCORE: 'r.inherent_score',
  RESIDUAL_SCORE: 'COALESCE(r.residual_score, r.inherent_score)',
  TITLE: 'lower(r.title)',
  REVIEW_DATE: 'r.review_date',
  CREATED_AT: 'r.created_at',
};

/** What a risk owner's acceptance signs (clause 6.1.3 f): the scores, the treatment and its controls. */
export function riskApprovableHash(risk: Pick<Risk, (typeof SCORED)[number]>, controlRefs: string[]): string {
  return createHash('sha256')
    .update(canonicalJson({ ...Object.fromEntries(SCORED.map((k) => [k, risk[k]])), controlRefs: [...controlRefs].sort() }))
    .digest('hex');
}

export class RiskService {
  constructor(
    private readonly db: Database,
    private readonly approvals: ApprovalService,
  ) {}

  async matrix(organizationId: string, em: EntityManager = this.db.dataSource.manager): Promise<RiskMatrix & { version: number }> {
    const rows = (await em.query(`SELECT likelihood_labels, impact_labels, acceptance_threshold, version FROM risk_matrices WHERE organization_id = $1`, [organizationId])) as Array<{
      likelihood_labels: string[];
      impact_labels: string[];
      acceptance_threshold: number;
      version: number;
    }>;
    const row = rows[0];
    return row
      ? { likelihoodLabels: row.likelihood_labels, impactLabels: row.impact_labels, acceptanceThreshold: row.acceptance_threshold, version: row.version }
      : { ...DEFAULT_RISK_MATRIX, version: 0 };
  }

  /** The approvable hashes of many risks in two statements (a page of approval requests). */
  async approvableHashes(em: EntityManager, riskIds: readonly string[]): Promise<Map<string, string>> {
    const risks = await em.getRepository(Risk).findBy({ id: In([...riskIds]) });
    const rows = (await em.query(`SELECT risk_id, control_ref FROM risk_controls WHERE risk_id = ANY($1) ORDER BY control_ref`, [[...riskIds]])) as Array<{ risk_id: string; control_ref: string }>;
    const refs = new Map<string, string[]>();
    for (const row of rows) refs.set(row.risk_id, [...(refs.get(row.risk_id) ?? []), row.control_ref]);
    return new Map(risks.map((risk) => [risk.id, riskApprovableHash(risk, refs.get(risk.id) ?? [])]));
  }

  async controlRefs(em: EntityManager, riskId: string): Promise<string[]> {
    const rows = (await em.query(`SELECT control_ref FROM risk_controls WHERE risk_id = $1 ORDER BY control_ref`, [riskId])) as Array<{ control_ref: string }>;
    return rows.map((r) => r.control_ref);
  }

  private async validate(em: EntityManager, scope: OrgScope, matrix: RiskMatrix, input: RiskFields, current: Risk | null): Promise<Partial<Risk>> {
    const out: Partial<Risk> = {};
    if (!current || input.title !== undefined) out.title = requiredText('title', input.title, 300);
    for (const key of ['description', 'threat', 'vulnerability'] as const) {
      if (input[key] !== undefined) {
        const value = (input[key] ?? '').trim();
        if (value.length > 5000) throw badInput(key, `${key} must be at most 5,000 characters.`, 'TOO_LONG');
        out[key] = value;
      }
    }
    const scale = { likelihood: matrix.likelihoodLabels.length, impact: matrix.impactLabels.length, residualLikelihood: matrix.likelihoodLabels.length, residualImpact: matrix.impactLabels.length };
    for (const key of ['likelihood', 'impact', 'residualLikelihood', 'residualImpact'] as const) {
      const required = !current && (key === 'likelihood' || key === 'impact');
      if (input[key] === undefined && !required) continue;
      const value = input[key];
      if (value === null && !required && (key === 'residualLikelihood' || key === 'residualImpact')) {
        out[key] = null;
        continue;
      }
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > scale[key]) {
        throw badInput(key, `${key.replace(/([A-Z])/g, ' $1').toLowerCase()} must be between 1 and ${scale[key]} on this organisation's matrix.`, 'OUT_OF_RANGE');
      }
      out[key] = value as number;
    }
    if (input.treatment !== undefined) {
      if (input.treatment !== null && !RISK_TREATMENTS.includes(input.treatment)) throw badInput('treatment', 'Unknown treatment.', 'UNKNOWN');
      out.treatment = input.treatment;
    }
    if (input.reviewDate !== undefined) {
      if (input.reviewDate !== null && !isCalendarDate(input.reviewDate)) throw badInput('reviewDate', 'Use a date like 2027-03-31.', 'INVALID_DATE');
      out.reviewDate = input.reviewDate;
    }
    if (input.ownerId !== undefined && input.ownerId !== null) {
      const member = (await em.query(`SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $2`, [scope.organizationId, input.ownerId])) as unknown[];
      if (!member.length) throw badInput('ownerId', 'The risk owner must be a member of the organisation.', 'NOT_A_MEMBER');
    }
    if (input.ownerId !== undefined) out.ownerId = input.ownerId;
    if (input.controlRefs) {
      const unknown = input.controlRefs.find((ref) => !findControl(ref));
      if (unknown) throw badInput('controlRefs', `${unknown} is not an Annex A control of ISO/IEC 27001:2022.`, 'UNKNOWN_CONTROL');
    }
    if (input.assetIds?.length) {
      const found = (await em.query(`SELECT id FROM assets WHERE organization_id = $1 AND id = ANY($2)`, [scope.organizationId, input.assetIds])) as unknown[];
      if (found.length !== new Set(input.assetIds).size) throw badInput('assetIds', 'Every asset must be one of this organisation’s assets.', 'UNKNOWN_ASSET');
    }
    return out;
  }

  private score(risk: Risk): void {
    risk.inherentScore = riskScore(risk.likelihood, risk.impact);
    risk.residualScore = risk.residualLikelihood && risk.residualImpact ? riskScore(risk.residualLikelihood, risk.residualImpact) : null;
  }

  private async link(em: EntityManager, riskId: string, input: RiskFields): Promise<void> {
    if (input.assetIds) {
      await em.query(`DELETE FROM risk_assets WHERE risk_id = $1`, [riskId]);
      for (const assetId of new Set(input.assetIds)) await em.query(`INSERT INTO risk_assets (risk_id, asset_id) VALUES ($1, $2)`, [riskId, assetId]);
    }
    if (input.controlRefs) {
      await em.query(`DELETE FROM risk_controls WHERE risk_id = $1`, [riskId]);
      for (const ref of new Set(input.controlRefs)) await em.query(`INSERT INTO risk_controls (risk_id, control_ref) VALUES ($1, $2)`, [riskId, ref]);
    }
  }

  async create(scope: OrgScope, input: RiskFields, actor: Actor): Promise<Risk> {
    return this.db.transaction(async (em) => {
      const matrix = await this.matrix(scope.organizationId, em);
      const fields = await this.validate(em, scope, matrix, input, null);
      if (!scope.can('risk:updateAny') && fields.ownerId && fields.ownerId !== scope.userId) {
        throw forbidden('Contributors register the risks they own themselves.');
      }
      const now = new Date();
      const risk = Object.assign(new Risk(), {
        id: newId('Risk'),
        organizationId: scope.organizationId,
        version: 1,
        description: '',
        threat: '',
        vulnerability: '',
        treatment: null,
        residualLikelihood: null,
        residualImpact: null,
        reviewDate: null,
        ownerId: scope.can('risk:updateAny') ? null : scope.userId,
        ...fields,
        createdAt: now,
        updatedAt: now,
      }) as Risk;
      this.score(risk);
      await em.insert(Risk, risk as never);
      await this.link(em, risk.id, input);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'risk.created',
        ...actor,
        entityType: 'Risk',
        entityId: risk.id,
        summary: { after: { ...Object.fromEntries(AUDITED.map((k) => [k, risk[k]])), assetIds: input.assetIds ?? [], controlRefs: input.controlRefs ?? [] } },
      });
      return risk;
    });
  }

  async update(scope: OrgScope, id: string, version: number, input: RiskFields, actor: Actor): Promise<Risk> {
    return this.db.transaction(async (em) => {
      const current = await em.getRepository(Risk).findOneBy({ id, organizationId: scope.organizationId });
      if (!current) throw notFound('Risk');
      if (!scope.can('risk:updateAny') && current.ownerId !== scope.userId) throw forbidden('You can edit the risks you own.');
      const matrix = await this.matrix(scope.organizationId, em);
      const fields = await this.validate(em, scope, matrix, input, current);
      const beforeRefs = await this.controlRefs(em, id);
      const next = { ...current, ...fields, version: current.version + 1, updatedAt: new Date() } as Risk;
      this.score(next);
      const result = await em
        .createQueryBuilder()
        .update(Risk)
        .set(Object.fromEntries([...AUDITED, 'inherentScore', 'residualScore', 'version', 'updatedAt'].map((k) => [k, next[k as keyof Risk]])) as never)
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw conflict(`This risk was changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      await this.link(em, id, input);
      const afterRefs = input.controlRefs ? [...new Set(input.controlRefs)].sort() : beforeRefs;
      const changed = AUDITED.filter((k) => current[k] !== next[k]);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'risk.updated',
        ...actor,
        entityType: 'Risk',
        entityId: id,
        summary: {
          before: { ...Object.fromEntries(changed.map((k) => [k, current[k]])), ...(input.controlRefs ? { controlRefs: beforeRefs } : {}) },
          after: { ...Object.fromEntries(changed.map((k) => [k, next[k]])), ...(input.controlRefs ? { controlRefs: afterRefs } : {}), ...(input.assetIds ? { assetIds: input.assetIds } : {}) },
        },
      });
      const newHash = riskApprovableHash(next, afterRefs);
      if (riskApprovableHash(current, beforeRefs) !== newHash) await this.approvals.subjectChanged(em, scope.organizationId, id, newHash, actor);
      return next;
    });
  }

  async delete(scope: OrgScope, id: string, actor: Actor): Promise<string> {
    return this.db.transaction(async (em) => {
      const risk = await em.getRepository(Risk).findOneBy({ id, organizationId: scope.organizationId });
      if (!risk) throw notFound('Risk');
      await this.approvals.subjectDeleted(em, scope.organizationId, id, actor);
      await em.delete(Risk, { id });
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'risk.deleted',
        ...actor,
        entityType: 'Risk',
        entityId: id,
        summary: { before: Object.fromEntries(AUDITED.map((k) => [k, risk[k]])) },
      });
      return id;
    });
  }

  async list(scope: OrgScope, filter: RiskFilter, order: RiskOrder | null, first: number, after: string | null | undefined): Promise<Connection<Risk>> {
    const matrix = await this.matrix(scope.organizationId);
    const query = this.db.dataSource.getRepository(Risk).createQueryBuilder('r').where('r.organization_id = :org', { org: scope.organizationId });
    if (filter.treatment?.length) query.andWhere('r.treatment IN (:...treatments)', { treatments: filter.treatment });
    if (filter.ownerId) query.andWhere('r.owner_id = :owner', { owner: filter.ownerId });
    if (filter.assetId) query.andWhere('EXISTS (SELECT 1 FROM risk_assets ra WHERE ra.risk_id = r.id AND ra.asset_id = :asset)', { asset: filter.assetId });
    if (filter.controlRef) query.andWhere('EXISTS (SELECT 1 FROM risk_controls rc WHERE rc.risk_id = r.id AND rc.control_ref = :ref)', { ref: filter.controlRef });
    if (filter.search) query.andWhere('(r.title ILIKE :search OR r.threat ILIKE :search)', { search: `%${filter.search.replace(/[%_\\]/g, '')}%` });
    if (filter.aboveThreshold !== null && filter.aboveThreshold !== undefined) {
      query.andWhere(`COALESCE(r.residual_score, r.inherent_score) ${filter.aboveThreshold ? '>' : '<='} :threshold`, { threshold: matrix.acceptanceThreshold });
    }
    if (filter.level?.length) {
      // Levels are bands of the inherent score on the current matrix.
      const max = matrix.likelihoodLabels.length * matrix.impactLabels.length;
      const scores = Array.from({ length: max }, (_, i) => i + 1).filter((s) => filter.level!.includes(riskLevel(s, matrix)));
      query.andWhere('r.inherent_score IN (:...scores)', { scores: scores.length ? scores : [-1] });
    }
    const totalCount = await query.clone().getCount();
    const offset = decodeOffsetCursor(after);
    const { field, direction } = order ?? { field: 'INHERENT_SCORE', direction: 'DESC' };
    const rows = await query
      .orderBy(ORDER_COLUMNS[field], direction, 'NULLS LAST')
      .addOrderBy('r.id', 'ASC')
      .offset(offset)
      .limit(first + 1)
      .getMany();
    return toOffsetConnection(rows, first, totalCount, offset);
  }

  /** How many risks sit in each cell of the matrix, before or after treatment. */
  async heatMap(scope: OrgScope, residual: boolean): Promise<Array<{ likelihood: number; impact: number; count: number }>> {
    const [l, i] = residual ? ['COALESCE(residual_likelihood, likelihood)', 'COALESCE(residual_impact, impact)'] : ['likelihood', 'impact'];
    const rows = (await this.db.dataSource.query(
      `SELECT ${l} AS likelihood, ${i} AS impact, count(*)::int AS count FROM risks WHERE organization_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [scope.organizationId],
    )) as Array<{ likelihood: number; impact: number; count: number }>;
    return rows;
  }

  /**
   * Changes the matrix and re-scores every risk in the same transaction (values move to the
   * same relative place on a resized scale); acceptances of risks whose scores moved lapse.
   */
  async updateMatrix(scope: OrgScope, input: RiskMatrix & { version?: number | null }, actor: Actor): Promise<RiskMatrix & { version: number }> {
    const matrix: RiskMatrix = {
      likelihoodLabels: (input.likelihoodLabels ?? []).map((l) => l.trim()),
      impactLabels: (input.impactLabels ?? []).map((l) => l.trim()),
      acceptanceThreshold: input.acceptanceThreshold,
    };
    const problem = checkRiskMatrix(matrix);
    if (problem === 'SIZE') throw badInput('likelihoodLabels', 'A matrix has 3 to 10 levels of likelihood and of impact.', 'SIZE');
    if (problem === 'LABELS') throw badInput('impactLabels', 'Every level needs a label of at most 60 characters.', 'LABELS');
    if (problem === 'THRESHOLD') throw badInput('acceptanceThreshold', 'The threshold must be a score between 1 and the highest score of the matrix, exclusive.', 'THRESHOLD');
    return this.db.transaction(async (em) => {
      await em.query(`SELECT 1 FROM audit_chain_heads WHERE chain_key = $1 FOR UPDATE`, [scope.organizationId]);
      const current = await this.matrix(scope.organizationId, em);
      if (input.version !== undefined && input.version !== null && input.version !== current.version) {
        throw conflict(`The matrix was changed by someone else (you had version ${input.version}, it is now ${current.version}).`);
      }
      const version = current.version + 1;
      await em.query(
        `INSERT INTO risk_matrices (organization_id, likelihood_labels, impact_labels, acceptance_threshold, version) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organization_id) DO UPDATE SET likelihood_labels = $2, impact_labels = $3, acceptance_threshold = $4, version = $5`,
        [scope.organizationId, matrix.likelihoodLabels, matrix.impactLabels, matrix.acceptanceThreshold, version],
      );
      const [fromL, fromI, toL, toI] = [current.likelihoodLabels.length, current.impactLabels.length, matrix.likelihoodLabels.length, matrix.impactLabels.length];
      let rescored = 0;
      if (fromL !== toL || fromI !== toI) {
        const risks = await em.getRepository(Risk).findBy({ organizationId: scope.organizationId });
        for (const risk of risks) {
          const refs = await this.controlRefs(em, risk.id);
          const before = riskApprovableHash(risk, refs);
          risk.likelihood = rescale(risk.likelihood, fromL, toL);
          risk.impact = rescale(risk.impact, fromI, toI);
          if (risk.residualLikelihood) risk.residualLikelihood = rescale(risk.residualLikelihood, fromL, toL);
          if (risk.residualImpact) risk.residualImpact = rescale(risk.residualImpact, fromI, toI);
          this.score(risk);
          await em.update(Risk, { id: risk.id }, {
            likelihood: risk.likelihood,
            impact: risk.impact,
            residualLikelihood: risk.residualLikelihood,
            residualImpact: risk.residualImpact,
            inherentScore: risk.inherentScore,
            residualScore: risk.residualScore,
            version: () => 'version + 1',
          } as never);
          const after = riskApprovableHash(risk, refs);
          if (after !== before) await this.approvals.subjectChanged(em, scope.organizationId, risk.id, after, actor);
          rescored += 1;
        }
      }
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'riskMatrix.updated',
        ...actor,
        entityType: 'Organization',
        entityId: scope.organizationId,
        summary: {
          before: { likelihoodLabels: current.likelihoodLabels, impactLabels: current.impactLabels, acceptanceThreshold: current.acceptanceThreshold },
          after: matrix,
          risksRescored: rescored,
        },
      });
      return { ...matrix, version };
    });
  }
}

