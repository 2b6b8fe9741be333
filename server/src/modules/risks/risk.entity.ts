import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RISK_LEVELS, RISK_TREATMENTS, type RiskLevel, type RiskTreatment } from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateScalar, DateTimeScalar, dateColumn } from '../../core/scalars.js';

export const RiskTreatmentEnum = Object.fromEntries(RISK_TREATMENTS.map((t) => [t, t])) as { [K in RiskTreatment]: K };
registerEnumType(RiskTreatmentEnum, { name: 'RiskTreatment' });
export const RiskLevelEnum = Object.fromEntries(RISK_LEVELS.map((l) => [l, l])) as { [K in RiskLevel]: K };
registerEnumType(RiskLevelEnum, { name: 'RiskLevel' });

@ObjectType('Risk', { implements: Node, description: 'An information security risk, scored on the organisation’s matrix.' })
@Entity('risks')
export class Risk implements Node {
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

  @Field(() => String)
  @Column('text')
  description!: string;

  @Field(() => String)
  @Column('text')
  threat!: string;

  @Field(() => String)
  @Column('text')
  vulnerability!: string;

  @Field(() => Int)
  @Column('smallint')
  likelihood!: number;

  @Field(() => Int)
  @Column('smallint')
  impact!: number;

  @Field(() => Int, { description: 'likelihood × impact before treatment.' })
  @Column('smallint', { name: 'inherent_score' })
  inherentScore!: number;

  @Field(() => RiskTreatmentEnum, { nullable: true })
  @Column('text', { nullable: true })
  treatment!: RiskTreatment | null;

  @Field(() => Int, { nullable: true })
  @Column('smallint', { name: 'residual_likelihood', nullable: true })
  residualLikelihood!: number | null;

  @Field(() => Int, { nullable: true })
  @Column('smallint', { name: 'residual_impact', nullable: true })
  residualImpact!: number | null;

  @Field(() => Int, { nullable: true, description: 'Residual likelihood × impact, once assessed.' })
  @Column('smallint', { name: 'residual_score', nullable: true })
  residualScore!: number | null;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'review_date', nullable: true, transformer: dateColumn })
  reviewDate!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
