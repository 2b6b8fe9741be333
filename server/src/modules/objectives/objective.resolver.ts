import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import {
  addMonths,
  indicatorState,
  objectiveAchieved,
  objectiveStatus,
  objectiveStatusReason,
  isOnTarget,
  roleCan,
  todayUtc,
  type IndicatorDirection,
  type IndicatorFrequency,
  type IndicatorState,
  type IndicatorTrend,
  type ObjectiveOutcome,
  type ObjectiveStatus,
} from '@annex/domain';
import { findControl } from '@annex/iso27001';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { DateScalar } from '../../core/scalars.js';
import { providedFields } from '../../core/validation.js';
import { badInput } from '../../core/errors.js';
import { authorizeRecord } from '../../app/nodes.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Risk } from '../risks/risk.entity.js';
import {
  Indicator,
  IndicatorDirectionEnum,
  IndicatorFrequencyEnum,
  IndicatorTrendEnum,
  Measurement,
  Objective,
  ObjectiveControl,
  ObjectiveOutcomeEnum,
  ObjectiveStatusEnum,
} from './objective.entity.js';

// ------------------------------------------------------------------ inputs

@InputType('CreateObjectiveInput')
export class CreateObjectiveInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ID, { nullable: true, description: 'Who is responsible; you by default. An owner, ISMS manager, contributor or manager.' })
  ownerId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it will be achieved (required).' })
  targetDate?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Risks the objective addresses.' })
  riskIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Annex A controls it supports, e.g. "A.6.3".' })
  controlRefs?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Indicators that measure it.' })
  indicatorIds?: string[] | null;
}

@InputType('UpdateObjectiveInput')
export class UpdateObjectiveInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  targetDate?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { nullable: true })
  riskIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  controlRefs?: string[] | null;

  @Field(() => [ID], { nullable: true })
  indicatorIds?: string[] | null;

  @Field(() => ObjectiveOutcomeEnum, { nullable: true, description: 'Close the objective as evaluated; an explicit null reopens it.' })
  outcome?: ObjectiveOutcome | null;

  @Field(() => String, { nullable: true, description: 'Required when closing as MISSED or CANCELLED.' })
  outcomeNote?: string | null;
}

@InputType('DeleteObjectiveInput')
export class DeleteObjectiveInput {
  @Field(() => ID)
  id!: string;
}

@InputType('CreateIndicatorInput')
export class CreateIndicatorInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'e.g. "%", "days", "incidents".' })
  unit!: string;

  @Field(() => Float)
  target!: number;

  @Field(() => IndicatorDirectionEnum)
  direction!: IndicatorDirection;

  @Field(() => IndicatorFrequencyEnum)
  frequency!: IndicatorFrequency;

  @Field(() => ID, { nullable: true, description: 'Who measures it; you by default.' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'The method: what is counted, from which source.' })
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Objectives it measures.' })
  objectiveIds?: string[] | null;
}

@InputType('UpdateIndicatorInput')
export class UpdateIndicatorInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => Float, { nullable: true })
  target?: number | null;

  @Field(() => IndicatorDirectionEnum, { nullable: true })
  direction?: IndicatorDirection | null;

  @Field(() => IndicatorFrequencyEnum, { nullable: true })
  frequency?: IndicatorFrequency | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { nullable: true })
  objectiveIds?: string[] | null;
}

@InputType('DeleteIndicatorInput')
export class DeleteIndicatorInput {
  @Field(() => ID)
  id!: string;
}

@InputType('RecordMeasurementInput')
export class RecordMeasurementInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => DateScalar, { description: 'The day the value describes; one measurement per indicator and day.' })
  measuredOn!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType('CorrectMeasurementInput')
export class CorrectMeasurementInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => DateScalar, { nullable: true })
  measuredOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { description: 'Why it is corrected (kept in the audit trail with the value before).' })
  reason!: string;
}

@InputType('DeleteMeasurementInput')
export class DeleteMeasurementInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Why it is deleted (kept in the audit trail with the value).' })
  reason!: string;
}

@InputType('ObjectiveFilter')
export class ObjectiveFilterInput {
  @Field(() => ObjectiveStatusEnum, { nullable: true })
  status?: ObjectiveStatus | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}

@InputType('IndicatorFilter')
export class IndicatorFilterInput {
  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only indicators whose measurement is due (true) or not (false).' })
  measurementDue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only indicators whose last value is on target (true) or off target (false).' })
  onTarget?: boolean | null;
}

// ------------------------------------------------------------------ payloads

@ObjectType('CreateObjectivePayload')
class CreateObjectivePayload {
  @Field(() => Objective)
  objective!: Objective;
}
@ObjectType('UpdateObjectivePayload')
class UpdateObjectivePayload {
  @Field(() => Objective)
  objective!: Objective;
}
@ObjectType('DeleteObjectivePayload')
class DeleteObjectivePayload {
  @Field(() => ID)
  deletedObjectiveId!: string;
}
@ObjectType('CreateIndicatorPayload')
class CreateIndicatorPayload {
  @Field(() => Indicator)
  indicator!: Indicator;
}
@ObjectType('UpdateIndicatorPayload')
class UpdateIndicatorPayload {
  @Field(() => Indicator)
  indicator!: Indicator;
}
@ObjectType('DeleteIndicatorPayload')
class DeleteIndicatorPayload {
  @Field(() => ID)
  deletedIndicatorId!: string;
}
@ObjectType('RecordMeasurementPayload')
class RecordMeasurementPayload {
  @Field(() => Measurement)
  measurement!: Measurement;

  @Field(() => Indicator, { description: 'The indicator, with its state after the measurement.' })
  indicator!: Indicator;
}
@ObjectType('CorrectMeasurementPayload')
class CorrectMeasurementPayload {
  @Field(() => Measurement)
  measurement!: Measurement;

  @Field(() => Indicator)
  indicator!: Indicator;
}
@ObjectType('DeleteMeasurementPayload')
class DeleteMeasurementPayload {
  @Field(() => ID)
  deletedMeasurementId!: string;

  @Field(() => Indicator)
  indicator!: Indicator;
}

@ObjectType('IndicatorPoint', { description: 'A point of an indicator’s series.' })
class IndicatorPoint {
  @Field(() => DateScalar)
  measuredOn!: string;

  @Field(() => Float)
  value!: number;
}

// ------------------------------------------------------------------ derived state

/** The indicator's derived state, from its measurements (loaded once per request for every indicator asked). */
async function stateOf(ctx: RequestContext, indicator: Indicator): Promise<IndicatorState> {
  const measurements = await ctx.loaders.measurementsByIndicator.load(indicator.id);
  return indicatorState(indicator, measurements, todayUtc());
}

async function linkedIndicators(ctx: RequestContext, objective: Objective): Promise<Indicator[]> {
  const ids = await ctx.loaders.indicatorIdsByObjective.load(objective.id);
  const rows = await ctx.loaders.indicatorById.loadMany(ids);
  return rows.filter((r): r is Indicator => !!r && !(r instanceof Error)).sort((a, b) => a.name.localeCompare(b.name));
}

async function objectiveInput(ctx: RequestContext, objective: Objective) {
  const indicators = await linkedIndicators(ctx, objective);
  const states = await Promise.all(indicators.map((i) => stateOf(ctx, i)));
  return { outcome: objective.outcome, targetDate: objective.targetDate, indicators: states.map((s) => ({ onTarget: s.onTarget })) };
}

async function statusOf(ctx: RequestContext, objective: Objective): Promise<ObjectiveStatus> {
  return objectiveStatus(await objectiveInput(ctx, objective), todayUtc());
}

// ------------------------------------------------------------------ resolvers

@Resolver(() => Objective)
export class ObjectiveResolver {
  @Mutation(() => CreateObjectivePayload)
  @Can('objective:manage')
  async createObjective(@Arg('input', () => CreateObjectiveInput) input: CreateObjectiveInput, @Ctx() ctx: RequestContext): Promise<CreateObjectivePayload> {
    const scope = await authorize(ctx, 'objective:manage', input.organizationId);
    const { organizationId: _org, ...fields } = input;
    return { objective: await ctx.services.objectives.createObjective(scope, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => UpdateObjectivePayload, { description: 'A stale version is a CONFLICT. Setting outcome closes the objective; an explicit null reopens it.' })
  @Can('objective:manage')
  async updateObjective(@Arg('input', () => UpdateObjectiveInput) input: UpdateObjectiveInput, @Ctx() ctx: RequestContext): Promise<UpdateObjectivePayload> {
    const { scope } = await authorizeRecord<Objective>(ctx, 'Objective', input.id, 'objective:manage', 'Objective');
    const { id, version, ...fields } = input;
    return { objective: await ctx.services.objectives.updateObjective(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => DeleteObjectivePayload)
  @Can('objective:manage')
  async deleteObjective(@Arg('input', () => DeleteObjectiveInput) input: DeleteObjectiveInput, @Ctx() ctx: RequestContext): Promise<DeleteObjectivePayload> {
    const { scope } = await authorizeRecord<Objective>(ctx, 'Objective', input.id, 'objective:manage', 'Objective');
    return { deletedObjectiveId: await ctx.services.objectives.deleteObjective(scope, input.id, actorOf(ctx)) };
  }

  @FieldResolver(() => User, { nullable: true })
  async owner(@Root() objective: Objective, @Ctx() ctx: RequestContext): Promise<User | null> {
    return objective.ownerId ? ctx.loaders.userById.load(objective.ownerId) : null;
  }

  @FieldResolver(() => ObjectiveStatusEnum)
  async status(@Root() objective: Objective, @Ctx() ctx: RequestContext): Promise<ObjectiveStatus> {
    return statusOf(ctx, objective);
  }

  @FieldResolver(() => String, { description: 'Why it has that status, in a sentence.' })
  async statusReason(@Root() objective: Objective, @Ctx() ctx: RequestContext): Promise<string> {
    const input = await objectiveInput(ctx, objective);
    return objectiveStatusReason(objectiveStatus(input, todayUtc()), input);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'true when achieved, false when missed, null while open or when cancelled.' })
  async achieved(@Root() objective: Objective, @Ctx() ctx: RequestContext): Promise<boolean | null> {
    return objectiveAchieved(await statusOf(ctx, objective));
  }

  @FieldResolver(() => [Indicator], { description: 'The indicators that measure it, by name.' })
  async indicators(@Root() objective: Objective, @Ctx() ctx: RequestContext): Promise<Indicator[]> {
    return linkedIndicators(ctx, objective);
  }

  @FieldResolver(() => [Risk], { description: 'The risks it addresses (those you may see).' })
  async risks(@Root() objective: Objective, @Ctx() ctx: RequestContext): Promise<Risk[]> {
    if (!roleCan(await roleIn(ctx, objective.organizationId), 'risk:read')) return [];
    const ids = await ctx.loaders.riskIdsByObjective.load(objective.id);
    const rows = await Promise.all(ids.map((id) => ctx.loaders.riskById.load(id)));
    return rows.filter((r): r is Risk => !!r);
  }

  @FieldResolver(() => [ObjectiveControl])
  controls(@Root() objective: Objective): ObjectiveControl[] {
    return objective.controlRefs.map((ref) => ({ ref, title: findControl(ref)?.title ?? ref }));
  }

  @FieldResolver(() => Boolean, { description: 'Its target date has passed while it is still open.' })
  overdue(@Root() objective: Objective): boolean {
    return !objective.outcome && objective.targetDate !== null && objective.targetDate < todayUtc();
  }
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Mutation(() => CreateIndicatorPayload)
  @Can('objective:manage')
  async createIndicator(@Arg('input', () => CreateIndicatorInput) input: CreateIndicatorInput, @Ctx() ctx: RequestContext): Promise<CreateIndicatorPayload> {
    const scope = await authorize(ctx, 'objective:manage', input.organizationId);
    const { organizationId: _org, ...fields } = input;
    return { indicator: await ctx.services.objectives.createIndicator(scope, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => UpdateIndicatorPayload, { description: 'A stale version is a CONFLICT.' })
  @Can('objective:manage')
  async updateIndicator(@Arg('input', () => UpdateIndicatorInput) input: UpdateIndicatorInput, @Ctx() ctx: RequestContext): Promise<UpdateIndicatorPayload> {
    const { scope } = await authorizeRecord<Indicator>(ctx, 'Indicator', input.id, 'objective:manage', 'Indicator');
    const { id, version, ...fields } = input;
    return { indicator: await ctx.services.objectives.updateIndicator(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => DeleteIndicatorPayload, { description: 'Deletes its measurements too (the audit trail keeps how many).' })
  @Can('objective:manage')
  async deleteIndicator(@Arg('input', () => DeleteIndicatorInput) input: DeleteIndicatorInput, @Ctx() ctx: RequestContext): Promise<DeleteIndicatorPayload> {
    const { scope } = await authorizeRecord<Indicator>(ctx, 'Indicator', input.id, 'objective:manage', 'Indicator');
    return { deletedIndicatorId: await ctx.services.objectives.deleteIndicator(scope, input.id, actorOf(ctx)) };
  }

  @Mutation(() => RecordMeasurementPayload, { description: 'The indicator’s owner or an ISMS manager; one measurement per indicator and day (DUPLICATE_DATE).' })
  @Can('indicator:measure')
  async recordMeasurement(@Arg('input', () => RecordMeasurementInput) input: RecordMeasurementInput, @Ctx() ctx: RequestContext): Promise<RecordMeasurementPayload> {
    const { record, scope } = await authorizeRecord<Indicator>(ctx, 'Indicator', input.indicatorId, 'indicator:measure', 'Indicator');
    const measurement = await ctx.services.objectives.recordMeasurement(scope, input, actorOf(ctx));
    ctx.loaders.measurementsByIndicator.clear(record.id);
    return { measurement, indicator: record };
  }

  @Mutation(() => CorrectMeasurementPayload, { description: 'Corrects a wrong value, date or note; the reason and the value before go to the audit trail. A stale version is a CONFLICT.' })
  @Can('indicator:measure')
  async correctMeasurement(@Arg('input', () => CorrectMeasurementInput) input: CorrectMeasurementInput, @Ctx() ctx: RequestContext): Promise<CorrectMeasurementPayload> {
    const { record, scope } = await authorizeRecord<Measurement>(ctx, 'Measurement', input.id, 'indicator:measure', 'Measurement');
    const { id, version, reason, ...fields } = input;
    const measurement = await ctx.services.objectives.correctMeasurement(scope, id, version, { ...providedFields(fields), reason }, actorOf(ctx));
    ctx.loaders.measurementsByIndicator.clear(record.indicatorId);
    return { measurement, indicator: (await ctx.loaders.indicatorById.load(record.indicatorId))! };
  }

  @Mutation(() => DeleteMeasurementPayload, { description: 'Deletes a wrong measurement; the reason and the value go to the audit trail.' })
  @Can('indicator:measure')
  async deleteMeasurement(@Arg('input', () => DeleteMeasurementInput) input: DeleteMeasurementInput, @Ctx() ctx: RequestContext): Promise<DeleteMeasurementPayload> {
    const { record, scope } = await authorizeRecord<Measurement>(ctx, 'Measurement', input.id, 'indicator:measure', 'Measurement');
    await ctx.services.objectives.deleteMeasurement(scope, input.id, input.reason, actorOf(ctx));
    ctx.loaders.measurementsByIndicator.clear(record.indicatorId);
    return { deletedMeasurementId: input.id, indicator: (await ctx.loaders.indicatorById.load(record.indicatorId))! };
  }

  @FieldResolver(() => User, { nullable: true })
  async owner(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<User | null> {
    return indicator.ownerId ? ctx.loaders.userById.load(indicator.ownerId) : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The latest value; null when never measured.' })
  async lastValue(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await stateOf(ctx, indicator)).lastValue;
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  async lastMeasuredOn(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await stateOf(ctx, indicator)).lastMeasuredOn;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the latest value meets the target (by direction); null when never measured.' })
  async onTarget(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<boolean | null> {
    return (await stateOf(ctx, indicator)).onTarget;
  }

  @FieldResolver(() => Boolean, { description: 'A measurement is due: one period has passed since the last one (or it was never measured).' })
  async measurementDue(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await stateOf(ctx, indicator)).measurementDue;
  }

  @FieldResolver(() => DateScalar)
  async nextMeasurementDueOn(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<string> {
    return (await stateOf(ctx, indicator)).nextMeasurementDueOn;
  }

  @FieldResolver(() => IndicatorTrendEnum)
  async trend(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<IndicatorTrend> {
    return (await stateOf(ctx, indicator)).trend;
  }

  @FieldResolver(() => [Measurement], { description: 'The history, newest first; `since` (a date) limits it.' })
  async measurements(
    @Root() indicator: Indicator,
    @Arg('since', () => DateScalar, { nullable: true }) since: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most 1000.' }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Measurement[]> {
    if (first !== null && first !== undefined && (first < 0 || first > 1000)) throw badInput('first', 'first must be between 0 and 1000.', 'OUT_OF_RANGE');
    const all = await ctx.loaders.measurementsByIndicator.load(indicator.id);
    return all
      .filter((m) => !since || m.measuredOn >= since)
      .reverse()
      .slice(0, first ?? 1000);
  }

  @FieldResolver(() => [IndicatorPoint], { description: 'The measurements of the last 12 months, oldest first (for charts).' })
  async series(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<IndicatorPoint[]> {
    const today = todayUtc();
    const since = addMonths(today, -12);
    const all = await ctx.loaders.measurementsByIndicator.load(indicator.id);
    return all.filter((m) => m.measuredOn > since && m.measuredOn <= today).map((m) => ({ measuredOn: m.measuredOn, value: m.value }));
  }

  @FieldResolver(() => [Objective], { description: 'The objectives it measures.' })
  async objectives(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<Objective[]> {
    const ids = await ctx.loaders.objectiveIdsByIndicator.load(indicator.id);
    const rows = await ctx.loaders.objectiveById.loadMany(ids);
    return rows.filter((r): r is Objective => !!r && !(r instanceof Error));
  }

  @FieldResolver(() => Boolean, { description: 'You may record, correct and delete its measurements.' })
  async viewerCanMeasure(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<boolean> {
    const role = await roleIn(ctx, indicator.organizationId);
    if (!ctx.viewer || !roleCan(role, 'indicator:measure')) return false;
    return roleCan(role, 'indicator:measureAny') || indicator.ownerId === ctx.viewer.user.id;
  }
}

@Resolver(() => Measurement)
export class MeasurementResolver {
  @FieldResolver(() => Indicator)
  async indicator(@Root() measurement: Measurement, @Ctx() ctx: RequestContext): Promise<Indicator> {
    return (await ctx.loaders.indicatorById.load(measurement.indicatorId))!;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the value meets the indicator’s current target.' })
  async onTarget(@Root() measurement: Measurement, @Ctx() ctx: RequestContext): Promise<boolean> {
    const indicator = (await ctx.loaders.indicatorById.load(measurement.indicatorId))!;
    return isOnTarget(measurement.value, indicator.target, indicator.direction);
  }

  @FieldResolver(() => User, { nullable: true })
  async recordedBy(@Root() measurement: Measurement, @Ctx() ctx: RequestContext): Promise<User | null> {
    return measurement.recordedById ? ctx.loaders.userById.load(measurement.recordedById) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async correctedBy(@Root() measurement: Measurement, @Ctx() ctx: RequestContext): Promise<User | null> {
    return measurement.correctedById ? ctx.loaders.userById.load(measurement.correctedById) : null;
  }
}

@Resolver(() => Risk)
export class RiskObjectivesResolver {
  @FieldResolver(() => [Objective], { description: 'The security objectives that address this risk (empty without objective:read).' })
  async objectives(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<Objective[]> {
    if (!roleCan(await roleIn(ctx, risk.organizationId), 'objective:read')) return [];
    const ids = await ctx.loaders.objectiveIdsByRisk.load(risk.id);
    const rows = await ctx.loaders.objectiveById.loadMany(ids);
    return rows.filter((r): r is Objective => !!r && !(r instanceof Error));
  }
}

@Resolver(() => Organization)
export class OrganizationObjectivesResolver {
  @FieldResolver(() => [Objective], { nullable: true, description: 'Security objectives (clause 6.2), by target date.' })
  @Can('objective:read')
  async objectives(
    @Root() org: Organization,
    @Arg('filter', () => ObjectiveFilterInput, { nullable: true }) filter: ObjectiveFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Objective[]> {
    const scope = await authorize(ctx, 'objective:read', org.id);
    const rows = await ctx.services.objectives.listObjectives(scope, { ownerId: filter?.ownerId ?? null });
    if (!filter?.status) return rows;
    const statuses = await Promise.all(rows.map((o) => statusOf(ctx, o)));
    return rows.filter((_o, i) => statuses[i] === filter.status);
  }

  @FieldResolver(() => [Indicator], { nullable: true, description: 'Key indicators (clause 9.1), by name.' })
  @Can('objective:read')
  async indicators(
    @Root() org: Organization,
    @Arg('filter', () => IndicatorFilterInput, { nullable: true }) filter: IndicatorFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Indicator[]> {
    const scope = await authorize(ctx, 'objective:read', org.id);
    const rows = await ctx.services.objectives.listIndicators(scope, { ownerId: filter?.ownerId ?? null });
    if (filter?.measurementDue == null && filter?.onTarget == null) return rows;
    const states = await Promise.all(rows.map((i) => stateOf(ctx, i)));
    return rows.filter((_i, n) => (filter.measurementDue == null || states[n]!.measurementDue === filter.measurementDue) && (filter.onTarget == null || states[n]!.onTarget === filter.onTarget));
  }
}
