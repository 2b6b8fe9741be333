import type { EntityManager } from 'typeorm';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  OBJECTIVE_OUTCOMES,
  addDays,
  nextMeasurementDueOn,
  todayUtc,
  type IndicatorDirection,
  type IndicatorFrequency,
  type ObjectiveOutcome,
  type Role,
} from '@annex/domain';
import { findControl } from '@annex/iso27001';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isCalendarDate } from '../../core/scalars.js';
import { requiredText } from '../../core/validation.js';
import type { Actor } from '../organizations/organization.service.js';
import { requireMembers } from '../organizations/member.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { Indicator, Measurement, Objective } from './objective.entity.js';

/** The roles that may own an objective or an indicator: those who can act on it (not auditors, not staff at large). */
const OWNER_ROLES: readonly Role[] = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT'];
/** Bounds that keep a value meaningful on a chart and in a double. */
const MAX_MAGNITUDE = 1e12;

export interface ObjectiveFields {
  title?: string | null;
  description?: string | null;
  ownerId?: string | null;
  targetDate?: string | null;
  riskIds?: string[] | null;
  controlRefs?: string[] | null;
  indicatorIds?: string[] | null;
  outcome?: ObjectiveOutcome | null;
  outcomeNote?: string | null;
}

export interface IndicatorFields {
  name?: string | null;
  description?: string | null;
  unit?: string | null;
  target?: number | null;
  direction?: IndicatorDirection | null;
  frequency?: IndicatorFrequency | null;
  ownerId?: string | null;
  objectiveIds?: string[] | null;
}

export interface MeasurementFields {
  value?: number | null;
  measuredOn?: string | null;
  note?: string | null;
}

const text = (field: string, value: string | null | undefined, max = 5000) => {
  const trimmed = (value ?? '').trim();
  if (trimmed.length > max) throw badInput(field, `At most ${max.toLocaleString('en')} characters.`, 'TOO_LONG');
  return trimmed;
};

const unique = (ids: string[] | null | undefined) => [...new Set((ids ?? []).map((id) => id.trim()).filter(Boolean))];

/** A number in range; with the unit "%" between 0 and 100. */
function checkNumber(field: string, value: number | null | undefined, unit: string): number {
  if (value === null || value === undefined) throw badInput(field, `${field === 'target' ? 'The target' : 'A value'} is required.`, 'REQUIRED');
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) throw badInput(field, 'Enter a finite number.', 'INVALID_NUMBER');
  if (unit === '%' && (value < 0 || value > 100)) throw badInput(field, 'A percentage lies between 0 and 100.', 'OUT_OF_RANGE');
  return value;
}

/**
 * Security objectives (clause 6.2) and indicators with their measurements (clause 9.1). Admins
 * define them; an indicator's owner (or an admin) records, corrects and deletes its
 * measurements, every change audited. The derived rules are in @annex/domain (objective-rules).
 */
export class ObjectiveService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
  ) {}

  // ------------------------------------------------------------------ checks

  private async requireOwner(em: EntityManager, organizationId: string, field: string, userId: string): Promise<void> {
    const member = (await requireMembers(em, organizationId, field, [userId], 'The owner must be a member of the organisation.')).get(userId)!;
    if (!OWNER_ROLES.includes(member.role)) throw badInput(field, `A ${member.role.toLowerCase()} cannot own it: choose an owner, ISMS manager, contributor or manager.`, 'OWNER_ROLE');
  }

  private async requireIds(em: EntityManager, table: 'risks' | 'indicators' | 'objectives', organizationId: string, field: string, ids: string[], reason: string, what: string): Promise<void> {
    if (!ids.length) return;
    const rows = (await em.query(`SELECT id FROM ${table} WHERE organization_id = $1 AND id = ANY($2)`, [organizationId, ids])) as Array<{ id: string }>;
    if (rows.length !== ids.length) throw badInput(field, `Unknown ${what}: ${ids.find((id) => !rows.some((r) => r.id === id))}.`, reason);
  }

  private controlRefs(refs: string[] | null | undefined): string[] {
    const wanted = unique(refs);
    const unknown = wanted.find((ref) => !findControl(ref));
    if (unknown) throw badInput('controlRefs', `${unknown} is not an Annex A control of ISO/IEC 27001:2022 (e.g. A.6.3).`, 'UNKNOWN_CONTROL');
    return wanted.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  }

  private async lockObjective(em: EntityManager, scope: OrgScope, id: string): Promise<Objective> {
    const row = await em.getRepository(Objective).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id AND o.organization_id = :org', { id, org: scope.organizationId }).getOne();
    if (!row) throw notFound('Objective');
    return row;
  }

  private async lockIndicator(em: EntityManager, scope: OrgScope, id: string): Promise<Indicator> {
    const row = await em.getRepository(Indicator).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id AND i.organization_id = :org', { id, org: scope.organizationId }).getOne();
    if (!row) throw notFound('Indicator');
    return row;
  }

  /** Admins measure any indicator; the others only the indicators they own. */
  private requireMeasurer(scope: OrgScope, indicator: Indicator): void {
    if (scope.can('indicator:measureAny') || indicator.ownerId === scope.userId) return;
    throw forbidden(`Only the owner of "${indicator.name}" or an ISMS manager records its measurements.`);
  }

  private measuredOn(value: string | null | undefined): string {
    if (!value || !isCalendarDate(value)) throw badInput('measuredOn', 'Use a date like 2027-03-31.', 'INVALID_DATE');
    // One day of slack: a person ahead of UTC may record "today" before UTC gets there.
    if (value > addDays(todayUtc(), 1)) throw badInput('measuredOn', 'A measurement cannot be dated in the future.', 'FUTURE_DATE');
    if (value < '2000-01-01') throw badInput('measuredOn', 'That date is too far in the past.', 'INVALID_DATE');
    return value;
  }

  private async replaceLinks(em: EntityManager, table: 'objective_risks' | 'objective_indicators', column: 'risk_id' | 'indicator_id', objectiveId: string, ids: string[]): Promise<void> {
    await em.query(`DELETE FROM ${table} WHERE objective_id = $1`, [objectiveId]);
    if (ids.length) await em.query(`INSERT INTO ${table} (objective_id, ${column}) SELECT $1, unnest($2::text[])`, [objectiveId, ids]);
  }

  // ------------------------------------------------------------------ objectives

  private validateObjective(input: ObjectiveFields, current: Objective | null): Partial<Objective> {
    const out: Partial<Objective> = {};
    if (!current || input.title !== undefined) out.title = requiredText('title', input.title, 300);
    if (input.description !== undefined) out.description = text('description', input.description);
    if (!current || input.targetDate !== undefined) {
      if (!input.targetDate) throw badInput('targetDate', 'Say by when the objective is to be achieved (clause 6.2 i).', 'REQUIRED');
      if (!isCalendarDate(input.targetDate)) throw badInput('targetDate', 'Use a date like 2027-03-31.', 'INVALID_DATE');
      out.targetDate = input.targetDate;
    }
    if (input.controlRefs !== undefined) out.controlRefs = this.controlRefs(input.controlRefs);
    if (input.outcomeNote !== undefined) out.outcomeNote = text('outcomeNote', input.outcomeNote, 2000);
    if (input.outcome !== undefined) {
      if (!current && input.outcome !== null) throw badInput('outcome', 'A new objective is open: close it once it is evaluated.', 'INVALID_STATUS');
      if (input.outcome !== null && !OBJECTIVE_OUTCOMES.includes(input.outcome)) throw badInput('outcome', `Choose one of ${OBJECTIVE_OUTCOMES.join(', ')}.`, 'INVALID_OUTCOME');
      const note = out.outcomeNote ?? current?.outcomeNote ?? '';
      if ((input.outcome === 'MISSED' || input.outcome === 'CANCELLED') && !note) throw badInput('outcomeNote', 'Say why it was missed or cancelled.', 'REQUIRED');
      out.outcome = input.outcome;
      if (input.outcome !== (current?.outcome ?? null)) out.closedOn = input.outcome ? todayUtc() : null;
    }
    return out;
  }

  async createObjective(scope: OrgScope, input: ObjectiveFields, actor: Actor): Promise<Objective> {
    const fields = this.validateObjective(input, null);
    const riskIds = unique(input.riskIds);
    const indicatorIds = unique(input.indicatorIds);
    return this.db.transaction(async (em) => {
      const ownerId = input.ownerId ?? scope.userId;
      await this.requireOwner(em, scope.organizationId, 'ownerId', ownerId);
      await this.requireIds(em, 'risks', scope.organizationId, 'riskIds', riskIds, 'UNKNOWN_RISK', 'risk');
      await this.requireIds(em, 'indicators', scope.organizationId, 'indicatorIds', indicatorIds, 'UNKNOWN_INDICATOR', 'indicator');
      const now = new Date();
      const objective = Object.assign(new Objective(), {
        id: newId('Objective'),
        organizationId: scope.organizationId,
        version: 1,
        title: fields.title!,
        description: fields.description ?? '',
        ownerId,
        targetDate: fields.targetDate ?? null,
        outcome: null,
        outcomeNote: '',
        closedOn: null,
        controlRefs: fields.controlRefs ?? [],
        createdById: scope.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Objective, objective as never);
      await this.replaceLinks(em, 'objective_risks', 'risk_id', objective.id, riskIds);
      await this.replaceLinks(em, 'objective_indicators', 'indicator_id', objective.id, indicatorIds);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'objective.created',
        ...actor,
        entityType: 'Objective',
        entityId: objective.id,
        summary: { after: { ...fields, ownerId, riskIds, indicatorIds } },
      });
      return objective;
    });
  }

  async updateObjective(scope: OrgScope, id: string, version: number, input: ObjectiveFields, actor: Actor): Promise<Objective> {
    return this.db.transaction(async (em) => {
      const current = await this.lockObjective(em, scope, id);
      if (current.version !== version) throw conflict(`This objective was changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      const fields = this.validateObjective(input, current);
      if (input.ownerId !== undefined) {
        if (!input.ownerId) throw badInput('ownerId', 'Every objective has an owner (clause 6.2 h).', 'REQUIRED');
        await this.requireOwner(em, scope.organizationId, 'ownerId', input.ownerId);
        fields.ownerId = input.ownerId;
      }
      const links: Record<string, string[]> = {};
      const before: Record<string, unknown> = Object.fromEntries(Object.keys(fields).map((k) => [k, current[k as keyof Objective]]));
      if (input.riskIds !== undefined) {
        links['riskIds'] = unique(input.riskIds);
        await this.requireIds(em, 'risks', scope.organizationId, 'riskIds', links['riskIds'], 'UNKNOWN_RISK', 'risk');
        before['riskIds'] = ((await em.query(`SELECT risk_id FROM objective_risks WHERE objective_id = $1 ORDER BY risk_id`, [id])) as Array<{ risk_id: string }>).map((r) => r.risk_id);
        await this.replaceLinks(em, 'objective_risks', 'risk_id', id, links['riskIds']);
      }
      if (input.indicatorIds !== undefined) {
        links['indicatorIds'] = unique(input.indicatorIds);
        await this.requireIds(em, 'indicators', scope.organizationId, 'indicatorIds', links['indicatorIds'], 'UNKNOWN_INDICATOR', 'indicator');
        before['indicatorIds'] = ((await em.query(`SELECT indicator_id FROM objective_indicators WHERE objective_id = $1 ORDER BY indicator_id`, [id])) as Array<{ indicator_id: string }>).map((r) => r.indicator_id);
        await this.replaceLinks(em, 'objective_indicators', 'indicator_id', id, links['indicatorIds']);
      }
      const now = new Date();
      const next = Object.assign(new Objective(), current, fields, { version: current.version + 1, updatedAt: now });
      const [, affected] = (await em.query(
        `UPDATE objectives SET title = $3, description = $4, owner_id = $5, target_date = $6, outcome = $7, outcome_note = $8, closed_on = $9, control_refs = $10, version = version + 1, updated_at = $11
          WHERE id = $1 AND version = $2`,
        [id, version, next.title, next.description, next.ownerId, next.targetDate, next.outcome, next.outcomeNote, next.closedOn, next.controlRefs, now],
      )) as [unknown, number];
      if (!affected) throw conflict('This objective was changed by someone else. Reload to see their change.');
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: fields.outcome !== undefined && fields.outcome !== current.outcome ? (fields.outcome ? 'objective.closed' : 'objective.reopened') : 'objective.updated',
        ...actor,
        entityType: 'Objective',
        entityId: id,
        summary: { before, after: { ...fields, ...links } },
      });
      return next;
    });
  }

  async deleteObjective(scope: OrgScope, id: string, actor: Actor): Promise<string> {
    return this.db.transaction(async (em) => {
      const current = await this.lockObjective(em, scope, id);
      await em.delete(Objective, { id });
      await appendAudit(em, { organizationId: scope.organizationId, action: 'objective.deleted', ...actor, entityType: 'Objective', entityId: id, summary: { before: { title: current.title, ownerId: current.ownerId, targetDate: current.targetDate } } });
      return id;
    });
  }

  async listObjectives(scope: OrgScope, filter: { ownerId?: string | null } = {}): Promise<Objective[]> {
    // Open ones first, soonest target first; closed ones after them.
    const where: Record<string, unknown> = { organizationId: scope.organizationId };
    if (filter.ownerId) where['ownerId'] = filter.ownerId;
    const rows = await this.db.dataSource.getRepository(Objective).find({ where, order: { targetDate: { direction: 'ASC', nulls: 'LAST' }, title: 'ASC' }, take: 500 });
    return [...rows.filter((o) => !o.outcome), ...rows.filter((o) => o.outcome)];
  }

  // ------------------------------------------------------------------ indicators

  private validateIndicator(input: IndicatorFields, current: Indicator | null): Partial<Indicator> {
    const out: Partial<Indicator> = {};
    if (!current || input.name !== undefined) out.name = requiredText('name', input.name, 200);
    if (input.description !== undefined) out.description = text('description', input.description);
    if (!current || input.unit !== undefined) out.unit = requiredText('unit', input.unit, 20);
    const unit = out.unit ?? current!.unit;
    if (!current || input.target !== undefined || out.unit !== undefined) out.target = checkNumber('target', input.target !== undefined ? input.target : current?.target, unit);
    if (!current || input.direction !== undefined) {
      if (!input.direction || !INDICATOR_DIRECTIONS.includes(input.direction)) throw badInput('direction', `Choose ${INDICATOR_DIRECTIONS.join(' (higher is better) or ')} (lower is better).`, 'INVALID_DIRECTION');
      out.direction = input.direction;
    }
    if (!current || input.frequency !== undefined) {
      if (!input.frequency || !INDICATOR_FREQUENCIES.includes(input.frequency)) throw badInput('frequency', `Choose one of ${INDICATOR_FREQUENCIES.join(', ')}.`, 'INVALID_FREQUENCY');
      out.frequency = input.frequency;
    }
    return out;
  }

  private async requireUniqueName(em: EntityManager, organizationId: string, name: string, exceptId: string | null): Promise<void> {
    const rows = (await em.query(`SELECT id FROM indicators WHERE organization_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3 LIMIT 1`, [organizationId, name, exceptId])) as unknown[];
    if (rows.length) throw badInput('name', `There is already an indicator called "${name}".`, 'DUPLICATE_NAME');
  }

  async createIndicator(scope: OrgScope, input: IndicatorFields, actor: Actor): Promise<Indicator> {
    const fields = this.validateIndicator(input, null);
    const objectiveIds = unique(input.objectiveIds);
    return this.db.transaction(async (em) => {
      const ownerId = input.ownerId ?? scope.userId;
      await this.requireOwner(em, scope.organizationId, 'ownerId', ownerId);
      await this.requireUniqueName(em, scope.organizationId, fields.name!, null);
      await this.requireIds(em, 'objectives', scope.organizationId, 'objectiveIds', objectiveIds, 'UNKNOWN_OBJECTIVE', 'objective');
      const now = new Date();
      const indicator = Object.assign(new Indicator(), {
        id: newId('Indicator'),
        organizationId: scope.organizationId,
        version: 1,
        name: fields.name!,
        description: fields.description ?? '',
        unit: fields.unit!,
        target: fields.target!,
        direction: fields.direction!,
        frequency: fields.frequency!,
        ownerId,
        createdOn: todayUtc(now),
        dueNotifiedFor: null,
        createdById: scope.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Indicator, indicator as never);
      if (objectiveIds.length) await em.query(`INSERT INTO objective_indicators (objective_id, indicator_id) SELECT unnest($1::text[]), $2`, [objectiveIds, indicator.id]);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'indicator.created', ...actor, entityType: 'Indicator', entityId: indicator.id, summary: { after: { ...fields, ownerId, objectiveIds } } });
      return indicator;
    });
  }

  async updateIndicator(scope: OrgScope, id: string, version: number, input: IndicatorFields, actor: Actor): Promise<Indicator> {
    return this.db.transaction(async (em) => {
      const current = await this.lockIndicator(em, scope, id);
      if (current.version !== version) throw conflict(`This indicator was changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      const fields = this.validateIndicator(input, current);
      if (fields.name !== undefined) await this.requireUniqueName(em, scope.organizationId, fields.name, id);
      if (input.ownerId !== undefined) {
        if (!input.ownerId) throw badInput('ownerId', 'Every indicator has an owner who measures it.', 'REQUIRED');
        await this.requireOwner(em, scope.organizationId, 'ownerId', input.ownerId);
        fields.ownerId = input.ownerId;
      }
      const before: Record<string, unknown> = Object.fromEntries(Object.keys(fields).map((k) => [k, current[k as keyof Indicator]]));
      let objectiveIds: string[] | undefined;
      if (input.objectiveIds !== undefined) {
        objectiveIds = unique(input.objectiveIds);
        await this.requireIds(em, 'objectives', scope.organizationId, 'objectiveIds', objectiveIds, 'UNKNOWN_OBJECTIVE', 'objective');
        before['objectiveIds'] = ((await em.query(`SELECT objective_id FROM objective_indicators WHERE indicator_id = $1 ORDER BY objective_id`, [id])) as Array<{ objective_id: string }>).map((r) => r.objective_id);
        await em.query(`DELETE FROM objective_indicators WHERE indicator_id = $1`, [id]);
        if (objectiveIds.length) await em.query(`INSERT INTO objective_indicators (objective_id, indicator_id) SELECT unnest($1::text[]), $2`, [objectiveIds, id]);
      }
      const now = new Date();
      const next = Object.assign(new Indicator(), current, fields, { version: current.version + 1, updatedAt: now });
      const [, affected] = (await em.query(
        `UPDATE indicators SET name = $3, description = $4, unit = $5, target = $6, direction = $7, frequency = $8, owner_id = $9, version = version + 1, updated_at = $10
          WHERE id = $1 AND version = $2`,
        [id, version, next.name, next.description, next.unit, next.target, next.direction, next.frequency, next.ownerId, now],
      )) as [unknown, number];
      if (!affected) throw conflict('This indicator was changed by someone else. Reload to see their change.');
      await appendAudit(em, { organizationId: scope.organizationId, action: 'indicator.updated', ...actor, entityType: 'Indicator', entityId: id, summary: { before, after: { ...fields, ...(objectiveIds ? { objectiveIds } : {}) } } });
      return next;
    });
  }

  async deleteIndicator(scope: OrgScope, id: string, actor: Actor): Promise<string> {
    return this.db.transaction(async (em) => {
      const current = await this.lockIndicator(em, scope, id);
      const [count] = (await em.query(`SELECT count(*)::int AS n FROM indicator_measurements WHERE indicator_id = $1`, [id])) as Array<{ n: number }>;
      await em.delete(Indicator, { id });
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'indicator.deleted',
        ...actor,
        entityType: 'Indicator',
        entityId: id,
        summary: { before: { name: current.name, unit: current.unit, target: current.target, direction: current.direction, frequency: current.frequency, measurements: count?.n ?? 0 } },
      });
      return id;
    });
  }

  async listIndicators(scope: OrgScope, filter: { ownerId?: string | null } = {}): Promise<Indicator[]> {
    const where: Record<string, unknown> = { organizationId: scope.organizationId };
    if (filter.ownerId) where['ownerId'] = filter.ownerId;
    return this.db.dataSource.getRepository(Indicator).find({ where, order: { name: 'ASC' }, take: 500 });
  }

  // ------------------------------------------------------------------ measurements

  async recordMeasurement(scope: OrgScope, input: { indicatorId: string } & MeasurementFields, actor: Actor): Promise<Measurement> {
    return this.db.transaction(async (em) => {
      const indicator = await this.lockIndicator(em, scope, input.indicatorId);
      this.requireMeasurer(scope, indicator);
      const measuredOn = this.measuredOn(input.measuredOn);
      const note = text('note', input.note, 2000);
      const value = checkNumber('value', input.value, indicator.unit);
      const now = new Date();
      const measurement = Object.assign(new Measurement(), {
        id: newId('Measurement'),
        organizationId: scope.organizationId,
        indicatorId: indicator.id,
        version: 1,
        value,
        measuredOn,
        note,
        recordedById: scope.userId,
        recordedAt: now,
        correctedAt: null,
        correctedById: null,
      });
      const inserted = (await em.query(
        `INSERT INTO indicator_measurements (id, organization_id, indicator_id, version, value, measured_on, note, recorded_by_id, recorded_at)
         VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8) ON CONFLICT (indicator_id, measured_on) DO NOTHING RETURNING id`,
        [measurement.id, scope.organizationId, indicator.id, value, measuredOn, note, scope.userId, now],
      )) as unknown[];
      if (!inserted.length) throw badInput('measuredOn', `"${indicator.name}" already has a measurement on ${measuredOn}: correct that one instead.`, 'DUPLICATE_DATE');
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'measurement.recorded',
        ...actor,
        entityType: 'Measurement',
        entityId: measurement.id,
        summary: { after: { indicatorId: indicator.id, indicator: indicator.name, value, unit: indicator.unit, measuredOn, note } },
      });
      return measurement;
    });
  }

  private async lockMeasurement(em: EntityManager, scope: OrgScope, id: string): Promise<{ measurement: Measurement; indicator: Indicator }> {
    const measurement = await em.getRepository(Measurement).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id AND m.organization_id = :org', { id, org: scope.organizationId }).getOne();
    if (!measurement) throw notFound('Measurement');
    const indicator = (await em.getRepository(Indicator).findOneBy({ id: measurement.indicatorId }))!;
    this.requireMeasurer(scope, indicator);
    return { measurement, indicator };
  }

  async correctMeasurement(scope: OrgScope, id: string, version: number, input: MeasurementFields & { reason?: string | null }, actor: Actor): Promise<Measurement> {
    const reason = requiredText('reason', input.reason, 1000);
    return this.db.transaction(async (em) => {
      const { measurement: current, indicator } = await this.lockMeasurement(em, scope, id);
      if (current.version !== version) throw conflict(`This measurement was corrected by someone else (you had version ${version}, it is now ${current.version}). Reload to see the correction.`);
      const changes: Partial<Measurement> = {};
      if (input.value !== undefined) changes.value = checkNumber('value', input.value, indicator.unit);
      if (input.measuredOn !== undefined) changes.measuredOn = this.measuredOn(input.measuredOn);
      if (input.note !== undefined) changes.note = text('note', input.note, 2000);
      if (changes.measuredOn && changes.measuredOn !== current.measuredOn) {
        const taken = (await em.query(`SELECT 1 FROM indicator_measurements WHERE indicator_id = $1 AND measured_on = $2 AND id <> $3`, [indicator.id, changes.measuredOn, id])) as unknown[];
        if (taken.length) throw badInput('measuredOn', `"${indicator.name}" already has a measurement on ${changes.measuredOn}.`, 'DUPLICATE_DATE');
      }
      const now = new Date();
      const next = Object.assign(new Measurement(), current, changes, { version: current.version + 1, correctedAt: now, correctedById: scope.userId });
      const [, affected] = (await em.query(
        `UPDATE indicator_measurements SET value = $3, measured_on = $4, note = $5, version = version + 1, corrected_at = $6, corrected_by_id = $7 WHERE id = $1 AND version = $2`,
        [id, version, next.value, next.measuredOn, next.note, now, scope.userId],
      )) as [unknown, number];
      if (!affected) throw conflict('This measurement was corrected by someone else. Reload to see the correction.');
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'measurement.corrected',
        ...actor,
        entityType: 'Measurement',
        entityId: id,
        summary: {
          indicatorId: indicator.id,
          indicator: indicator.name,
          reason,
          before: Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof Measurement]])),
          after: changes,
        },
      });
      return next;
    });
  }

  async deleteMeasurement(scope: OrgScope, id: string, reasonInput: string | null | undefined, actor: Actor): Promise<Measurement> {
    const reason = requiredText('reason', reasonInput, 1000);
    return this.db.transaction(async (em) => {
      const { measurement, indicator } = await this.lockMeasurement(em, scope, id);
      await em.delete(Measurement, { id });
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'measurement.deleted',
        ...actor,
        entityType: 'Measurement',
        entityId: id,
        summary: { indicatorId: indicator.id, indicator: indicator.name, reason, before: { value: measurement.value, measuredOn: measurement.measuredOn, note: measurement.note, recordedById: measurement.recordedById } },
      });
      return measurement;
    });
  }

  // ------------------------------------------------------------------ the job

  /**
   * Tells each indicator's owner when a measurement falls due, once per due date: the due
   * date notified is kept on the indicator, and a conditional UPDATE makes sure that among
   * replicas only one sends it. Returns how many owners were notified.
   */
  async notifyDueMeasurements(today = todayUtc()): Promise<number> {
    const rows = (await this.db.dataSource.query(
      `SELECT i.id, i.organization_id, i.name, i.frequency, i.owner_id, i.created_on::text AS created_on, i.due_notified_for::text AS due_notified_for,
              (SELECT max(m.measured_on)::text FROM indicator_measurements m WHERE m.indicator_id = i.id) AS last_measured_on
         FROM indicators i
         JOIN memberships ms ON ms.organization_id = i.organization_id AND ms.user_id = i.owner_id`,
    )) as Array<{ id: string; organization_id: string; name: string; frequency: IndicatorFrequency; owner_id: string; created_on: string; due_notified_for: string | null; last_measured_on: string | null }>;
    let notified = 0;
    for (const row of rows) {
      const dueOn = nextMeasurementDueOn({ frequency: row.frequency, lastMeasuredOn: row.last_measured_on, createdOn: row.created_on });
      if (dueOn > today || row.due_notified_for === dueOn) continue;
      await this.db.transaction(async (em) => {
        const [, marked] = (await em.query(`UPDATE indicators SET due_notified_for = $2 WHERE id = $1 AND due_notified_for IS DISTINCT FROM $2`, [row.id, dueOn])) as [unknown, number];
        if (!marked) return; // another replica got there first
        await this.notifications.notify(em, {
          organizationId: row.organization_id,
          userId: row.owner_id,
          kind: 'DUE_SOON',
          title: `Measurement due: ${row.name}`,
          body: row.last_measured_on ? `The ${row.frequency.toLowerCase().replace('_', '-')} measurement of "${row.name}" was due on ${dueOn} (last one ${row.last_measured_on}).` : `"${row.name}" has no measurement yet: record a baseline.`,
          subjectId: row.id,
          actorId: null,
          link: `/o/${row.organization_id}/objectives/indicators/${row.id}`,
        });
        notified++;
      });
    }
    return notified;
  }

}
