import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { APPROVAL_DECISIONS, APPROVAL_STATUSES, type ApprovalDecision, type ApprovalStatus } from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateScalar, DateTimeScalar, dateColumn } from '../../core/scalars.js';

export const ApprovalStatusEnum = Object.fromEntries(APPROVAL_STATUSES.map((s) => [s, s])) as { [K in ApprovalStatus]: K };
registerEnumType(ApprovalStatusEnum, {
  name: 'ApprovalStatus',
  valuesConfig: {
    PENDING: { description: 'Waiting for decisions.' },
    APPROVED: { description: 'The quorum approved the exact content hashed in subjectHash.' },
    REJECTED: { description: 'An approver rejected it.' },
    INVALIDATED: { description: 'The subject changed after the request: the approval does not cover the new content.' },
    CANCELLED: { description: 'Withdrawn by the requester, or the subject was deleted.' },
  },
});
export const ApprovalDecisionEnum = Object.fromEntries(APPROVAL_DECISIONS.map((d) => [d, d])) as { [K in ApprovalDecision]: K };
registerEnumType(ApprovalDecisionEnum, { name: 'ApprovalDecisionKind' });

@ObjectType('ApprovalRequest', { implements: Node, description: 'A request that named approvers sign off the exact content of a record.' })
@Entity('approval_requests')
export class ApprovalRequest implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'subject_id' })
  subjectId!: string;

  @Field(() => String, { description: 'SHA-256 of the approvable content when the request was made.' })
  @Column('text', { name: 'subject_hash' })
  subjectHash!: string;

  @Field(() => ApprovalStatusEnum)
  @Column('text')
  status!: ApprovalStatus;

  @Field(() => Int)
  @Column('integer')
  quorum!: number;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'due_date', nullable: true, transformer: dateColumn })
  dueDate!: string | null;

  @Field(() => String)
  @Column('text')
  note!: string;

  @Column('text', { name: 'requested_by_id' })
  requestedById!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}

@ObjectType('ApprovalDecision')
@Entity('approval_decisions')
export class ApprovalDecisionRecord {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'approval_request_id' })
  approvalRequestId!: string;

  @Column('text', { name: 'approver_id' })
  approverId!: string;

  @Field(() => ApprovalDecisionEnum)
  @Column('text')
  decision!: ApprovalDecision;

  @Field(() => String)
  @Column('text')
  comment!: string;

  @Field(() => String, { description: 'The content hash the approver saw.' })
  @Column('text', { name: 'subject_hash' })
  subjectHash!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'decided_at' })
  decidedAt!: Date;
}
