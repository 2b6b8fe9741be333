import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';

@ObjectType('User', { implements: Node, description: 'A person with an Annex account.' })
@Entity('users')
export class User implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Field(() => String)
  @Column('text')
  email!: string;

  @Field(() => String)
  @Column('text')
  name!: string;

  /** argon2id hash; never exposed. */
  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('timestamptz', { name: 'password_changed_at' })
  passwordChangedAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
