import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';

@ObjectType('Comment', { implements: Node, description: 'A comment on any record. Mentions are written `@[Name](userId)`.' })
@Entity('comments')
export class Comment implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'subject_id' })
  subjectId!: string;

  @Column('text', { name: 'author_id' })
  authorId!: string;

  @Field(() => String)
  @Column('text')
  body!: string;

  @Column('text', { name: 'mentioned_user_ids', array: true })
  mentionedUserIds!: string[];

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
