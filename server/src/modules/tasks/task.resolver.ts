import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { canEditTask, isOverdue, todayUtc, type TaskPriority, type TaskStatus } from '@annex/domain';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import { actorOf, viewerIs, type RequestContext } from '../../core/context.js';
import { providedFields } from '../../core/validation.js';
import { Node } from '../../core/node.js';
import { ConnectionType, PageArgs, pageSize, type Connection } from '../../core/pagination.js';
import { DateScalar } from '../../core/scalars.js';
import { authorizeRecord, resolveNode } from '../../app/nodes.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Task, TaskPriorityEnum, TaskStatusEnum } from './task.entity.js';

export const TaskConnection = ConnectionType(Task, 'Task');

@InputType('ChecklistItemInput')
export class ChecklistItemInput {
  @Field(() => ID, { nullable: true, description: 'Keep the id of an existing item; omit for a new one.' })
  id?: string | null;

  @Field(() => String)
  text!: string;

  @Field(() => Boolean, { nullable: true })
  done?: boolean | null;
}

@InputType('CreateTaskInput')
export class CreateTaskInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => TaskPriorityEnum, { nullable: true, description: 'MEDIUM by default.' })
  priority?: TaskPriority | null;

  @Field(() => ID, { nullable: true, description: 'The record this task is about (a risk, a control, a document, a finding…).' })
  subjectId?: string | null;

  @Field(() => [ChecklistItemInput], { nullable: true })
  checklist?: ChecklistItemInput[] | null;
}

@InputType('UpdateTaskInput')
export class UpdateTaskInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you saw; a stale one is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'null unassigns; omit to keep.' })
  assigneeId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => TaskPriorityEnum, { nullable: true })
  priority?: TaskPriority | null;

  @Field(() => TaskStatusEnum, { nullable: true })
  status?: TaskStatus | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => [ChecklistItemInput], { nullable: true })
  checklist?: ChecklistItemInput[] | null;
}

@InputType('DeleteTaskInput')
export class DeleteTaskInput {
  @Field(() => ID)
  id!: string;
}

@InputType('TaskFilter')
export class TaskFilterInput {
  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => [TaskStatusEnum], { nullable: true })
  status?: TaskStatus[] | null;

  @Field(() => Boolean, { nullable: true })
  overdue?: boolean | null;

  @Field(() => DateScalar, { nullable: true, description: 'Due on or before this day.' })
  dueBefore?: string | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the title.' })
  search?: string | null;
}

@ObjectType('CreateTaskPayload')
export class CreateTaskPayload {
  @Field(() => Task)
  task!: Task;
}

@ObjectType('UpdateTaskPayload')
export class UpdateTaskPayload {
  @Field(() => Task)
  task!: Task;
}

@ObjectType('DeleteTaskPayload')
export class DeleteTaskPayload {
  @Field(() => ID)
  deletedTaskId!: string;
}

@Resolver(() => Task)
export class TaskResolver {
  @Mutation(() => CreateTaskPayload)
  @Can('task:create')
  async createTask(@Arg('input', () => CreateTaskInput) input: CreateTaskInput, @Ctx() ctx: RequestContext): Promise<CreateTaskPayload> {
    const scope = await authorize(ctx, 'task:create', input.organizationId);
    return { task: await ctx.services.tasks.create(scope, providedFields(input), actorOf(ctx)) };
  }

  @Mutation(() => UpdateTaskPayload)
  @Can('task:update')
  async updateTask(@Arg('input', () => UpdateTaskInput) input: UpdateTaskInput, @Ctx() ctx: RequestContext): Promise<UpdateTaskPayload> {
    const { scope } = await authorizeRecord<Task>(ctx, 'Task', input.id, 'task:update', 'Task');
    const { id, version, ...fields } = input;
    return { task: await ctx.services.tasks.update(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => DeleteTaskPayload)
  @Can('task:delete')
  async deleteTask(@Arg('input', () => DeleteTaskInput) input: DeleteTaskInput, @Ctx() ctx: RequestContext): Promise<DeleteTaskPayload> {
    const { record: task, scope } = await authorizeRecord<Task>(ctx, 'Task', input.id, 'task:delete', 'Task');
    return { deletedTaskId: await ctx.services.tasks.delete(scope, task.id, actorOf(ctx)) };
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its due date.' })
  overdue(@Root() task: Task): boolean {
    return isOverdue(task, todayUtc());
  }

  @FieldResolver(() => User, { nullable: true })
  async assignee(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<User | null> {
    return task.assigneeId ? ctx.loaders.userById.load(task.assigneeId) : null;
  }

  @FieldResolver(() => User)
  async createdBy(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(task.createdById))!;
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The record the task is about, when you may see it.' })
  async subject(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return task.subjectId ? resolveNode(ctx, task.subjectId) : null;
  }

  @FieldResolver(() => [User])
  async watchers(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<User[]> {
    const users = await ctx.loaders.userById.loadMany(await ctx.loaders.watcherIdsByTask.load(task.id));
    return users.filter((u): u is User => u instanceof User);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may edit this task.' })
  async viewerCanEdit(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<boolean> {
    const role = await roleIn(ctx, task.organizationId);
    // Asked without reading the viewer's id: a live delivery shares this answer among everyone
    // it is the same for (core/events/shared-results).
    return !!role && !!ctx.viewer && canEditTask(role, (userId) => viewerIs(ctx, userId), task);
  }
}

@Resolver(() => Organization)
export class OrganizationTasksResolver {
  @FieldResolver(() => TaskConnection, { description: 'Open work first, then by due date.' })
  @Can('task:read')
  async tasks(
    @Root() org: Organization,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TaskFilterInput, { nullable: true }) filter: TaskFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<Task>> {
    const scope = await authorize(ctx, 'task:read', org.id);
    return ctx.services.tasks.list(scope, filter ?? {}, pageSize(page.first), page.after);
  }
}
