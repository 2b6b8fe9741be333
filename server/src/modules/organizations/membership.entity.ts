import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';
import { RoleEnum } from './role.enum.js';

@ObjectType('Membership', { implements: Node, description: "A person's role in one organisation." })
@Entity('memberships')
export class Membership implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'user_id' })
  userId!: string;

  @Field(() => RoleEnum)
  @Column('text')
  role!: Role;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
