import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Can, authorize, requireViewer } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { Node } from '../../core/node.js';
import { ConnectionType, PageArgs, pageSize, type Connection } from '../../core/pagination.js';
import { organizationOfSubject } from '../../core/subjects.js';
import { resolveNode } from '../../app/nodes.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Task } from '../tasks/task.entity.js';
import { Comment } from './comment.entity.js';

export const CommentConnection = ConnectionType(Comment, 'Comment');

@InputType('AddCommentInput')
export class AddCommentInput {
  @Field(() => ID, { description: 'The record commented on.' })
  subjectId!: string;

  @Field(() => String, { description: 'Plain text; mention a member with `@[Name](userId)`.' })
  body!: string;
}

@ObjectType('AddCommentPayload')
export class AddCommentPayload {
  @Field(() => Comment)
  comment!: Comment;
}

/** A subject the caller may see, with the words and link notifications use for it. */
async function visibleSubject(ctx: RequestContext, subjectId: string) {
  const node = await resolveNode(ctx, subjectId);
  const organizationId = node ? await organizationOfSubject(ctx.services.db.dataSource.manager, subjectId) : null;
  if (!node || !organizationId) throw notFound('Record');
  const label = node instanceof Task ? `"${node.title}"` : 'a record';
  const link = node instanceof Task ? `/o/${organizationId}/tasks?task=${node.id}` : `/o/${organizationId}`;
  return { id: subjectId, organizationId, label, link };
}

@Resolver(() => Comment)
export class CommentResolver {
  @Mutation(() => AddCommentPayload)
  @Can('comment:create')
  async addComment(@Arg('input', () => AddCommentInput) input: AddCommentInput, @Ctx() ctx: RequestContext): Promise<AddCommentPayload> {
    requireViewer(ctx);
    const subject = await visibleSubject(ctx, input.subjectId);
    const scope = await authorize(ctx, 'comment:create', subject.organizationId, 'Record');
    return { comment: await ctx.services.comments.add(scope, subject, input.body, actorOf(ctx)) };
  }

  @FieldResolver(() => User)
  async author(@Root() comment: Comment, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(comment.authorId))!;
  }

  @FieldResolver(() => Node, { nullable: true })
  async subject(@Root() comment: Comment, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return resolveNode(ctx, comment.subjectId);
  }

  @FieldResolver(() => [User])
  async mentions(@Root() comment: Comment, @Ctx() ctx: RequestContext): Promise<User[]> {
    const users = await ctx.loaders.userById.loadMany(comment.mentionedUserIds);
    return users.filter((u): u is User => u instanceof User);
  }
}

@Resolver(() => Organization)
export class OrganizationCommentsResolver {
  @FieldResolver(() => CommentConnection, { description: 'The comments on one record, oldest first.' })
  @Can('comment:read')
  async comments(
    @Root() org: Organization,
    @Arg('subjectId', () => ID) subjectId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<Comment>> {
    const scope = await authorize(ctx, 'comment:read', org.id);
    if (!(await resolveNode(ctx, subjectId))) throw notFound('Record');
    return ctx.services.comments.list(scope, subjectId, pageSize(page.first), page.after);
  }
}

@Resolver(() => Task)
export class TaskCommentsResolver {
  @FieldResolver(() => CommentConnection)
  async comments(@Root() task: Task, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<Comment>> {
    const scope = await authorize(ctx, 'comment:read', task.organizationId);
    return ctx.services.comments.list(scope, task.id, pageSize(page.first), page.after);
  }
}
