import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';

@ObjectType('Organization', { implements: Node, description: 'The root of everything an organisation owns.' })
@Entity('organizations')
export class Organization implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Field(() => String)
  @Column('text')
  name!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
