import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GAP_STATUSES, type GapStatus } from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';

export const GapStatusEnum = Object.fromEntries(GAP_STATUSES.map((s) => [s, s])) as { [K in GapStatus]: K };
registerEnumType(GapStatusEnum, { name: 'GapStatus' });

@ObjectType('GapItem', { implements: Node, description: 'The assessment of one clause requirement or Annex A control.' })
@Entity('gap_items')
export class GapItem implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => String, { description: 'A clause (4.1 … 10.2) or an Annex A control (A.5.1 … A.8.34).' })
  @Column('text')
  ref!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => GapStatusEnum)
  @Column('text')
  status!: GapStatus;

  @Field(() => Int, { nullable: true, description: '0 (none) to 5 (optimised).' })
  @Column('smallint', { nullable: true })
  maturity!: number | null;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Field(() => String)
  @Column('text')
  notes!: string;

  @Field(() => [String], { description: 'Links to evidence (documents, tickets, dashboards).' })
  @Column('text', { name: 'evidence_links', array: true })
  evidenceLinks!: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'last_assessed_at', nullable: true })
  lastAssessedAt!: Date | null;
}
