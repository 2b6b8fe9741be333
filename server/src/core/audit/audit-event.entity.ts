import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../node.js';
import { DateTimeScalar, JSONScalar } from '../scalars.js';

/**
 * One row of the tamper-evident audit trail. Rows form a hash chain per organisation
 * (`chain_key` = organisation id, or `global` for account events outside any organisation):
 * `hash = sha256(prev_hash + canonical(row))`. The database refuses UPDATE and DELETE.
 */
@ObjectType('AuditEvent', { implements: Node })
@Entity('audit_events')
export class AuditEvent implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'chain_key' })
  chainKey!: string;

  @Field(() => Int, { description: 'Position in the chain, from 1.' })
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq!: number;

  @Column('text', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Field(() => String)
  @Column('text')
  action!: string;

  @Column('text', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Name or e-mail of the actor when the row was written.' })
  @Column('text', { name: 'actor_label', nullable: true })
  actorLabel!: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'entity_type', nullable: true })
  entityType!: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'entity_id', nullable: true })
  entityId!: string | null;

  @Field(() => JSONScalar, { description: 'What changed: { before, after } or other details. Never holds secrets.' })
  @Column('jsonb')
  summary!: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  ip!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz')
  at!: Date;

  @Column('text', { name: 'prev_hash' })
  prevHash!: string;

  @Field(() => String)
  @Column('text')
  hash!: string;
}
