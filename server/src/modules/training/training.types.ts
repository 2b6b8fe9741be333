import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Role } from '@annex/domain';
import { DateScalar } from '../../core/scalars.js';
import { RoleEnum } from '../organizations/role.enum.js';
import { Course, TrainingRecord } from './training.entity.js';

@InputType('CreateCourseInput')
export class CreateCourseInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int, { nullable: true, description: 'Months after which a completion expires (1–60); null or omitted for a one-off course.' })
  refresherMonths?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'A document of the Documents module holding the material (e.g. the awareness slides).' })
  materialDocumentId?: string | null;

  @Field(() => String, { nullable: true, description: 'A web address of the material (https://…).' })
  materialUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes (1–1440).' })
  durationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'The lowest passing score (0–100), when the course has a test.' })
  passScore?: number | null;
}

@InputType('UpdateCourseInput')
export class UpdateCourseInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you saw; a stale one is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  materialDocumentId?: string | null;

  @Field(() => String, { nullable: true })
  materialUrl?: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Changing it recomputes the expiry of the completions already recorded.' })
  refresherMonths?: number | null;

  @Field(() => Int, { nullable: true })
  passScore?: number | null;
}

@InputType('ArchiveCourseInput')
export class ArchiveCourseInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'false restores an archived course.' })
  archived?: boolean | null;
}

@InputType('AssignCourseInput')
export class AssignCourseInput {
  @Field(() => ID)
  courseId!: string;

  @Field(() => [RoleEnum], { nullable: true, description: 'Everyone holding these roles, and whoever joins them later.' })
  roles?: Role[] | null;

  @Field(() => [ID], { nullable: true, description: 'People named individually.' })
  userIds?: string[] | null;

  @Field(() => DateScalar, { description: 'When the course must be completed (today or later).' })
  dueDate!: string;
}

@InputType('UnassignCourseInput')
export class UnassignCourseInput {
  @Field(() => ID)
  courseId!: string;

  @Field(() => [RoleEnum], { nullable: true })
  roles?: Role[] | null;

  @Field(() => [ID], { nullable: true })
  userIds?: string[] | null;
}

@InputType('RecordTrainingCompletionInput')
export class RecordTrainingCompletionInput {
  @Field(() => ID)
  courseId!: string;

  @Field(() => ID, { nullable: true, description: 'Whose completion; omitted: yours. Recording for someone else needs training:record.' })
  userId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today; never in the future.' })
  completedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Evidence uploaded with POST /uploads or POST /training/evidence (a certificate, a screenshot).' })
  evidenceId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '"I completed this": your own declaration, when you have no evidence to attach.' })
  attested?: boolean | null;

  @Field(() => Int, { nullable: true, description: '0–100; at least the course’s pass score.' })
  score?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType('DeleteTrainingRecordInput')
export class DeleteTrainingRecordInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType('CreateCoursePayload')
export class CreateCoursePayload {
  @Field(() => Course)
  course!: Course;
}

@ObjectType('UpdateCoursePayload')
export class UpdateCoursePayload {
  @Field(() => Course)
  course!: Course;
}

@ObjectType('ArchiveCoursePayload')
export class ArchiveCoursePayload {
  @Field(() => Course)
  course!: Course;
}

@ObjectType('AssignCoursePayload')
export class AssignCoursePayload {
  @Field(() => Course)
  course!: Course;
}

@ObjectType('UnassignCoursePayload')
export class UnassignCoursePayload {
  @Field(() => Course)
  course!: Course;
}

@ObjectType('RecordTrainingCompletionPayload')
export class RecordTrainingCompletionPayload {
  @Field(() => TrainingRecord)
  record!: TrainingRecord;
}

@ObjectType('DeleteTrainingRecordPayload')
export class DeleteTrainingRecordPayload {
  @Field(() => ID)
  deletedTrainingRecordId!: string;
}
