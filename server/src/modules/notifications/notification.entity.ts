import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../../core/node.js';
import { DateTimeScalar } from '../../core/scalars.js';

export const NOTIFICATION_KINDS = ['ASSIGNED', 'MENTIONED', 'COMMENTED', 'APPROVAL_REQUESTED', 'APPROVAL_DECIDED', 'DUE_SOON', 'OVERDUE', 'DIGEST', 'ACKNOWLEDGEMENT_REQUESTED', 'REVIEW_DUE'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as { [K in NotificationKind]: K };
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  valuesConfig: {
    ASSIGNED: { description: 'A task was assigned to you.' },
    MENTIONED: { description: 'Someone @mentioned you in a comment.' },
    COMMENTED: { description: 'A comment on a task you watch.' },
    APPROVAL_REQUESTED: { description: 'Your approval is requested.' },
    APPROVAL_DECIDED: { description: 'A request you made was approved, rejected or invalidated.' },
    DUE_SOON: { description: 'A task of yours is due within a day.' },
    OVERDUE: { description: 'A task of yours is past its due date.' },
    DIGEST: { description: 'The daily summary e-mail of your open work.' },
    ACKNOWLEDGEMENT_REQUESTED: { description: 'A newly published document asks you to read and acknowledge it.' },
    REVIEW_DUE: { description: 'A document you own is due for its periodic review.' },
  },
});

/** E-mail is sent for these kinds unless the person turns it off. */
export const EMAIL_BY_DEFAULT: Record<NotificationKind, boolean> = {
  ASSIGNED: true,
  MENTIONED: true,
  COMMENTED: false,
  APPROVAL_REQUESTED: true,
  APPROVAL_DECIDED: true,
  DUE_SOON: true,
  OVERDUE: true,
  DIGEST: true,
  ACKNOWLEDGEMENT_REQUESTED: true,
  REVIEW_DUE: true,
};

@ObjectType('Notification', { implements: Node })
@Entity('notifications')
export class Notification implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'user_id' })
  userId!: string;

  @Field(() => NotificationKindEnum)
  @Column('text')
  kind!: NotificationKind;

  @Field(() => String)
  @Column('text')
  title!: string;

  @Field(() => String)
  @Column('text')
  body!: string;

  @Column('text', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Column('text', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;

  @Column('timestamptz', { name: 'emailed_at', nullable: true })
  emailedAt!: Date | null;
}
