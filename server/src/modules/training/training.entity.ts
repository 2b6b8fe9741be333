import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TRAINING_STATUSES, type Role, type TrainingStatus } from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateScalar, DateTimeScalar, dateColumn } from '../../core/scalars.js';
import { RoleEnum } from '../organizations/role.enum.js';

export const TrainingStatusEnum = Object.fromEntries(TRAINING_STATUSES.map((s) => [s, s])) as { [K in TrainingStatus]: K };
registerEnumType(TrainingStatusEnum, {
  name: 'TrainingStatus',
  description: 'Where one person stands with one assigned course, computed from the dates.',
  valuesConfig: {
    ASSIGNED: { description: 'To do; the due date is more than 14 days away.' },
    DUE_SOON: { description: 'To do; due within 14 days.' },
    OVERDUE: { description: 'Not completed, and past the due date.' },
    COMPLETED: { description: 'Completed, and current.' },
    EXPIRING_SOON: { description: 'Completed, but the refresher falls due within 14 days.' },
    EXPIRED: { description: 'Completed once, but the refresher interval has passed: to be done again.' },
  },
});

@ObjectType('Course', { implements: Node, description: 'A training or awareness course (clauses 7.2, 7.3), assigned to roles or people.' })
@Entity('courses')
export class Course implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => Int, { description: 'Goes up with every change of the details; send it back to updateCourse.' })
  @Column('integer')
  version!: number;

  @Field(() => String)
  @Column('text')
  title!: string;

  @Field(() => String)
  @Column('text')
  description!: string;

  @Column('text', { name: 'material_document_id', nullable: true })
  materialDocumentId!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the course material is, when it is outside Annex (an e-learning platform, a video).' })
  @Column('text', { name: 'material_url', nullable: true })
  materialUrl!: string | null;

  @Field(() => Int, { nullable: true, description: 'How long the course takes, in minutes.' })
  @Column('integer', { name: 'duration_minutes', nullable: true })
  durationMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Months after which a completion expires and the course is due again; null for a one-off course.' })
  @Column('integer', { name: 'refresher_months', nullable: true })
  refresherMonths!: number | null;

  @Field(() => Int, { nullable: true, description: 'The lowest score (0–100) that passes, when the course has a test.' })
  @Column('integer', { name: 'pass_score', nullable: true })
  passScore!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Archived courses are no longer assigned, reminded or counted.' })
  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt!: Date | null;

  @Column('text', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Field(() => Boolean)
  get archived(): boolean {
    return this.archivedAt !== null;
  }
}

@ObjectType('CourseRoleAssignment', { description: 'A course assigned to everyone holding a role, including those who join it later.' })
@Entity('course_role_assignments')
export class CourseRoleAssignment {
  @PrimaryColumn('text', { name: 'course_id' })
  courseId!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => RoleEnum)
  @PrimaryColumn('text')
  role!: Role;

  @Field(() => DateScalar, { description: 'The due date for the members who held the role when it was assigned; later joiners get at least 30 days.' })
  @Column('date', { name: 'due_date', transformer: dateColumn })
  dueDate!: string;

  @Column('text', { name: 'assigned_by_id', nullable: true })
  assignedById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt!: Date;
}

/** What the dates say about one assignment (filled by the loaders, never stored). */
export interface AssignmentState {
  role: Role;
  latestRecordId: string | null;
  completedOn: string | null;
  expiresOn: string | null;
  status: TrainingStatus;
  nextDueOn: string | null;
}

@ObjectType('CourseAssignment', { implements: Node, description: 'One person’s assignment to one course, with where they stand.' })
@Entity('course_assignments')
export class CourseAssignment implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'course_id' })
  courseId!: string;

  @Column('text', { name: 'user_id' })
  userId!: string;

  @Field(() => DateScalar, { description: 'When the first completion is due.' })
  @Column('date', { name: 'due_date', transformer: dateColumn })
  dueDate!: string;

  @Field(() => Boolean, { description: 'Assigned to the person by name.' })
  @Column('boolean')
  direct!: boolean;

  @Field(() => Boolean, { description: 'Assigned through a role the person holds.' })
  @Column('boolean', { name: 'via_role' })
  viaRole!: boolean;

  @Column('text', { name: 'assigned_by_id', nullable: true })
  assignedById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt!: Date;

  /** The last reminder sent (its state and date), so that each is sent once. */
  @Column('text', { name: 'reminder_key', nullable: true })
  reminderKey!: string | null;

  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt!: Date | null;

  /** Set when loaded with its state (lists and coverage). */
  state?: AssignmentState;
}

@ObjectType('TrainingRecord', { implements: Node, description: 'A person completed a course: when, how it is proven, the score and until when it counts.' })
@Entity('training_records')
export class TrainingRecord implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'course_id' })
  courseId!: string;

  @Column('text', { name: 'user_id' })
  userId!: string;

  @Field(() => DateScalar)
  @Column('date', { name: 'completed_on', transformer: dateColumn })
  completedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The completion no longer counts from this day (the refresher interval after it); null: never expires.' })
  @Column('date', { name: 'expires_on', nullable: true, transformer: dateColumn })
  expiresOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'The score (0–100), if the course has a test.' })
  @Column('integer', { nullable: true })
  score!: number | null;

  @Field(() => Boolean, { description: 'The person declared themselves that they completed it.' })
  @Column('boolean')
  attested!: boolean;

  @Column('text', { name: 'evidence_id', nullable: true })
  evidenceId!: string | null;

  @Field(() => String)
  @Column('text')
  note!: string;

  @Column('text', { name: 'recorded_by_id', nullable: true })
  recordedById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}

@InterfaceType('TrainingCounts', { description: 'The counts every coverage (overall, per course, per role) has.' })
export abstract class TrainingCounts {
  @Field(() => Int, { description: 'Person × course assignments in force.' })
  assigned!: number;

  @Field(() => Int, { description: 'Completed and not expired.' })
  current!: number;

  @Field(() => Int, { description: 'Late: not completed by the due date, or the refresher lapsed (expired).' })
  overdue!: number;

  @Field(() => Int, { description: 'Of the overdue, those whose completion expired.' })
  expired!: number;

  @Field(() => Int, { description: 'Due, or the refresher due, within 14 days.' })
  dueSoon!: number;

  @Field(() => Float, { nullable: true, description: 'current / assigned (0–1); null when nothing is assigned.' })
  ratio!: number | null;

  @Field(() => Int, { nullable: true, description: 'The ratio as a whole percentage, rounded (100 only when nobody is missing).' })
  percent!: number | null;
}

@ObjectType('CourseCoverage', { implements: TrainingCounts, description: 'Coverage of one course.' })
export class CourseCoverage extends TrainingCounts {
  @Field(() => Course)
  course!: Course;

  @Field(() => [CourseAssignment], { description: 'The people not current on it (late first).' })
  missing!: CourseAssignment[];
}

@ObjectType('RoleTrainingCoverage', { implements: TrainingCounts, description: 'Coverage of the people holding one role, over every course assigned to them.' })
export class RoleTrainingCoverage extends TrainingCounts {
  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => Int, { description: 'Members holding the role.' })
  members!: number;

  @Field(() => Int, { description: 'Of them, those current on every course assigned to them.' })
  membersComplete!: number;

  @Field(() => [CourseAssignment], { description: 'Their assignments not current (late first).' })
  missing!: CourseAssignment[];
}

@ObjectType('TrainingCoverage', { implements: TrainingCounts, description: 'The organisation’s training coverage: overall, per course and per role; who is missing.' })
export class TrainingCoverage extends TrainingCounts {
  @Field(() => [CourseCoverage], { description: 'Every active course, by title.' })
  byCourse!: CourseCoverage[];

  @Field(() => [RoleTrainingCoverage], { description: 'Every role that holds an assignment, in the order of the roles.' })
  byRole!: RoleTrainingCoverage[];
}
