import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';

export const SOA_IMPLEMENTATION_STATUSES = ['NOT_STARTED', 'PLANNED', 'PARTIAL', 'IMPLEMENTED'] as const;
export type SoaImplementationStatus = (typeof SOA_IMPLEMENTATION_STATUSES)[number];
export const SoaImplementationStatusEnum = Object.fromEntries(SOA_IMPLEMENTATION_STATUSES.map((s) => [s, s])) as { [K in SoaImplementationStatus]: K };
registerEnumType(SoaImplementationStatusEnum, { name: 'SoaImplementationStatus' });

@ObjectType('SoaEntry', { implements: Node, description: 'Whether one Annex A control applies, why, and how far it is implemented.' })
@Entity('soa_entries')
export class SoaEntry implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => String)
  @Column('text', { name: 'control_ref' })
  controlRef!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => Boolean, { nullable: true, description: 'Null while undecided.' })
  @Column('boolean', { nullable: true })
  applicable!: boolean | null;

  @Field(() => String)
  @Column('text')
  justification!: string;

  @Field(() => SoaImplementationStatusEnum)
  @Column('text', { name: 'implementation_status' })
  implementationStatus!: SoaImplementationStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'updated_at', nullable: true })
  updatedAt!: Date | null;

  @Column('text', { name: 'updated_by_id', nullable: true })
  updatedById!: string | null;
}

export interface SoaSnapshotEntry {
  controlRef: string;
  applicable: boolean | null;
  justification: string;
  implementationStatus: SoaImplementationStatus;
}

@ObjectType('SoaVersion', { implements: Node, description: 'An issued, immutable Statement of Applicability.' })
@Entity('soa_versions')
export class SoaVersion implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => Int)
  @Column('integer')
  number!: number;

  @Field(() => String)
  @Column('text')
  note!: string;

  @Column('jsonb')
  entries!: SoaSnapshotEntry[];

  @Field(() => String, { description: 'SHA-256 of the issued entries: what an approval signs.' })
  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('text', { name: 'issued_by_id' })
  issuedById!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;
}
