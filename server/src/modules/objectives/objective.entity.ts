import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_TRENDS,
  OBJECTIVE_OUTCOMES,
  OBJECTIVE_STATUSES,
  type IndicatorDirection,
  type IndicatorFrequency,
  type ObjectiveOutcome,
} from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateScalar, DateTimeScalar, dateColumn } from '../../core/scalars.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const IndicatorDirectionEnum = enumOf(INDICATOR_DIRECTIONS);
registerEnumType(IndicatorDirectionEnum, {
  name: 'IndicatorDirection',
  description: 'Which side of the target is good.',
  valuesConfig: {
    AT_LEAST: { description: 'Higher is better: on target when the value is at least the target (e.g. training completion ≥ 95 %).' },
    AT_MOST: { description: 'Lower is better: on target when the value is at most the target (e.g. phishing click rate ≤ 5 %).' },
  },
});
export const IndicatorFrequencyEnum = enumOf(INDICATOR_FREQUENCIES);
registerEnumType(IndicatorFrequencyEnum, { name: 'IndicatorFrequency', description: 'How often it is measured: the next measurement falls due one period after the last one.' });
export const IndicatorTrendEnum = enumOf(INDICATOR_TRENDS);
registerEnumType(IndicatorTrendEnum, { name: 'IndicatorTrend', description: 'Where the latest measurements (up to six) are heading, judged by the direction.' });
export const ObjectiveStatusEnum = enumOf(OBJECTIVE_STATUSES);
registerEnumType(ObjectiveStatusEnum, {
  name: 'ObjectiveStatus',
  description:
    'Derived while open: PLANNED (nothing measured yet), ON_TRACK (every measured indicator on target), AT_RISK (one is off target); after the target date ACHIEVED (all on target) or MISSED. Closing the objective (outcome) sets ACHIEVED, MISSED or CANCELLED.',
});
export const ObjectiveOutcomeEnum = enumOf(OBJECTIVE_OUTCOMES);
registerEnumType(ObjectiveOutcomeEnum, { name: 'ObjectiveOutcome', description: 'How a manager closed the objective after evaluating it.' });

@ObjectType('Objective', { implements: Node, description: 'An information security objective (clause 6.2): what, who, by when, the risks and controls behind it and the indicators that measure it.' })
@Entity('objectives')
export class Objective implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => String)
  @Column('text')
  title!: string;

  @Field(() => String, { description: 'What will be done and how the result is evaluated.' })
  @Column('text')
  description!: string;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'target_date', nullable: true, transformer: dateColumn })
  targetDate!: string | null;

  @Field(() => ObjectiveOutcomeEnum, { nullable: true, description: 'Set when a manager closes the objective; null while it is open.' })
  @Column('text', { nullable: true })
  outcome!: ObjectiveOutcome | null;

  @Field(() => String, { description: 'Why it was closed that way.' })
  @Column('text', { name: 'outcome_note' })
  outcomeNote!: string;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'closed_on', nullable: true, transformer: dateColumn })
  closedOn!: string | null;

  @Field(() => [String], { description: 'The Annex A controls it supports, e.g. "A.6.3".' })
  @Column('text', { name: 'control_refs', array: true })
  controlRefs!: string[];

  @Column('text', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

@ObjectType('Indicator', { implements: Node, description: 'A key indicator (clause 9.1): what is measured, in which unit, against which target, how often and by whom.' })
@Entity('indicators')
export class Indicator implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => String)
  @Column('text')
  name!: string;

  @Field(() => String, { description: 'The method: what is counted, from which source (clause 9.1 b).' })
  @Column('text')
  description!: string;

  @Field(() => String, { description: 'e.g. "%", "days", "incidents". With "%" values and target lie between 0 and 100.' })
  @Column('text')
  unit!: string;

  @Field(() => Float)
  @Column('double precision')
  target!: number;

  @Field(() => IndicatorDirectionEnum)
  @Column('text')
  direction!: IndicatorDirection;

  @Field(() => IndicatorFrequencyEnum)
  @Column('text')
  frequency!: IndicatorFrequency;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Field(() => DateScalar, { description: 'The day it was defined; never measured, a measurement is due from then.' })
  @Column('date', { name: 'created_on', transformer: dateColumn })
  createdOn!: string;

  /** The due date the owner was last told about (one notification per period). */
  @Column('date', { name: 'due_notified_for', nullable: true, transformer: dateColumn })
  dueNotifiedFor!: string | null;

  @Column('text', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

@ObjectType('Measurement', { implements: Node, description: 'One value of an indicator on a day, recorded by hand or through the API; corrections and deletions are audited.' })
@Entity('indicator_measurements')
export class Measurement implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'indicator_id' })
  indicatorId!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => Float)
  @Column('double precision')
  value!: number;

  @Field(() => DateScalar)
  @Column('date', { name: 'measured_on', transformer: dateColumn })
  measuredOn!: string;

  @Field(() => String)
  @Column('text')
  note!: string;

  @Column('text', { name: 'recorded_by_id', nullable: true })
  recordedById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last corrected (the audit trail keeps the value before).' })
  @Column('timestamptz', { name: 'corrected_at', nullable: true })
  correctedAt!: Date | null;

  @Column('text', { name: 'corrected_by_id', nullable: true })
  correctedById!: string | null;
}

@ObjectType('ObjectiveControl', { description: 'An Annex A control an objective supports.' })
export class ObjectiveControl {
  @Field(() => String)
  ref!: string;

  @Field(() => String)
  title!: string;
}
