import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';
import { RoleEnum } from './role.enum.js';

@ObjectType('Invitation', { implements: Node, description: 'An invitation to join an organisation with a role.' })
@Entity('invitations')
export class Invitation implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => String)
  @Column('text')
  email!: string;

  @Field(() => RoleEnum)
  @Column('text')
  role!: Role;

  /** SHA-256 of the secret token carried by the e-mailed link. */
  @Column('text', { name: 'token_hash' })
  tokenHash!: string;

  @Column('text', { name: 'invited_by_id' })
  invitedById!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
