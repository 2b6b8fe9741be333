import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  MANAGEMENT_REVIEW_INPUT_KEYS,
  MANAGEMENT_REVIEW_STATUSES,
  type ManagementReviewInputKey,
  type ManagementReviewStatus,
  type StoredManagementReviewStatus,
} from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateScalar, DateTimeScalar, dateColumn } from '../../core/scalars.js';
import type { ManagementReviewPackData } from './management-review-pack.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ManagementReviewStatusEnum = enumOf(MANAGEMENT_REVIEW_STATUSES);
registerEnumType(ManagementReviewStatusEnum, {
  name: 'ManagementReviewStatus',
  description: 'PLANNED → PACK_PREPARED → HELD → SUBMITTED (for sign-off) → SIGNED (approved by management: frozen). A rejected or withdrawn sign-off returns it to HELD.',
});
export const ManagementReviewInputKeyEnum = enumOf(MANAGEMENT_REVIEW_INPUT_KEYS);
registerEnumType(ManagementReviewInputKeyEnum, { name: 'ManagementReviewInputKey', description: 'The inputs clause 9.3.2 requires a management review to consider.' });

/** Someone at the meeting: a member (userId) or a named external person. */
export interface AttendeeRecord {
  userId: string | null;
  name: string;
  /** Their function or organisation, e.g. "CFO" or "External consultant". */
  affiliation: string;
}

/** What a sign-off covers: the review's content as it was submitted (hashed without people's display names). */
export interface ManagementReviewSnapshot {
  title: string;
  scheduledOn: string;
  heldOn: string | null;
  location: string;
  attendees: AttendeeRecord[];
  minutes: string;
  contextChanges: string;
  interestedPartyFeedback: string;
  pack: ManagementReviewPackData | null;
  decisions: Array<{ id: string; text: string; ownerId: string | null; dueDate: string | null }>;
}

@ObjectType('ManagementReview', { implements: Node, description: 'A management review (clause 9.3): its pack of inputs assembled from live data, the meeting, the decisions and management’s sign-off.' })
@Entity('management_reviews')
export class ManagementReview implements Node {
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

  /** The stored step; the status served is derived with the sign-off (see the resolver). */
  @Column('text', { name: 'status' })
  storedStatus!: StoredManagementReviewStatus;

  @Field(() => DateScalar)
  @Column('date', { name: 'scheduled_on', transformer: dateColumn })
  scheduledOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the meeting took place; recording it makes the review HELD.' })
  @Column('date', { name: 'held_on', nullable: true, transformer: dateColumn })
  heldOn!: string | null;

  @Field(() => String)
  @Column('text')
  location!: string;

  @Column('jsonb')
  attendees!: AttendeeRecord[];

  @Field(() => String, { description: 'The minutes of the meeting (plain text).' })
  @Column('text')
  minutes!: string;

  @Field(() => String, { description: 'Entered input (9.3.2 b–c): changes in internal and external issues and in the needs and expectations of interested parties.' })
  @Column('text', { name: 'context_changes' })
  contextChanges!: string;

  @Field(() => String, { description: 'Entered input (9.3.2 e): feedback from interested parties.' })
  @Column('text', { name: 'interested_party_feedback' })
  interestedPartyFeedback!: string;

  @Column('jsonb', { nullable: true })
  pack!: ManagementReviewPackData | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'pack_prepared_at', nullable: true })
  packPreparedAt!: Date | null;

  @Column('text', { name: 'pack_prepared_by_id', nullable: true })
  packPreparedById!: string | null;

  @Column('jsonb', { nullable: true })
  snapshot!: (ManagementReviewSnapshot & { ownerNames: Record<string, string> }) | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the content submitted for sign-off: what management’s approval signs.' })
  @Column('text', { name: 'snapshot_hash', nullable: true })
  snapshotHash!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('text', { name: 'submitted_by_id', nullable: true })
  submittedById!: string | null;

  @Column('text', { name: 'approval_request_id', nullable: true })
  approvalRequestId!: string | null;

  @Column('text', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

@ObjectType('ManagementReviewDecision', { implements: Node, description: 'A decision of a management review (clause 9.3.3): what, who, by when, and the task that tracks it.' })
@Entity('management_review_decisions')
export class ManagementReviewDecision implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'management_review_id' })
  managementReviewId!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => String)
  @Column('text')
  text!: string;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'due_date', nullable: true, transformer: dateColumn })
  dueDate!: string | null;

  @Column('text', { name: 'task_id', nullable: true })
  taskId!: string | null;

  @Column('text', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

@ObjectType('ManagementReviewAttendee', { description: 'Someone at the review meeting: a member, or a named external person.' })
export class ManagementReviewAttendee {
  @Field(() => ID, { nullable: true, description: 'The member, when the attendee is one.' })
  userId!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Their function or organisation.' })
  affiliation!: string;
}

@ObjectType('ManagementReviewInput', { description: 'One input clause 9.3.2 requires, and whether the review has it.' })
export class ManagementReviewInputState {
  @Field(() => ManagementReviewInputKeyEnum)
  key!: ManagementReviewInputKey;

  @Field(() => String)
  clause!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'COMPUTED (assembled from live data in the pack) or ENTERED (written by the people preparing the review).' })
  source!: string;

  @Field(() => Boolean)
  filled!: boolean;
}

export type { ManagementReviewStatus };
