import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateScalar, DateTimeScalar, dateColumn } from '../../core/scalars.js';

export const TaskStatusEnum = Object.fromEntries(TASK_STATUSES.map((s) => [s, s])) as { [K in TaskStatus]: K };
registerEnumType(TaskStatusEnum, { name: 'TaskStatus' });
export const TaskPriorityEnum = Object.fromEntries(TASK_PRIORITIES.map((p) => [p, p])) as { [K in TaskPriority]: K };
registerEnumType(TaskPriorityEnum, { name: 'TaskPriority' });

@ObjectType('ChecklistItem')
export class ChecklistItem {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  text!: string;

  @Field(() => Boolean)
  done!: boolean;
}

@ObjectType('Task', { implements: Node, description: 'A piece of work with an owner and a deadline.' })
@Entity('tasks')
export class Task implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => Int, { description: 'Send it back with updates; a stale one is a CONFLICT.' })
  @Column('integer')
  version!: number;

  @Field(() => String)
  @Column('text')
  title!: string;

  @Field(() => String)
  @Column('text')
  description!: string;

  @Field(() => TaskStatusEnum)
  @Column('text')
  status!: TaskStatus;

  @Field(() => TaskPriorityEnum)
  @Column('text')
  priority!: TaskPriority;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'due_date', nullable: true, transformer: dateColumn })
  dueDate!: string | null;

  @Column('text', { name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column('text', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Field(() => [ChecklistItem])
  @Column('jsonb')
  checklist!: ChecklistItem[];

  @Column('text', { name: 'created_by_id' })
  createdById!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt!: Date | null;

  @Column('timestamptz', { name: 'overdue_notified_at', nullable: true })
  overdueNotifiedAt!: Date | null;
}
