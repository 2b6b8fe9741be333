import DataLoader from 'dataloader';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { ApprovalDecision, ApprovalStatus } from '@annex/domain';
import { Can, authorize, requireViewer } from '../../core/authorization.js';
import { actorOf, viewerIs, type RequestContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { Node } from '../../core/node.js';
import { ConnectionType, PageArgs, pageSize, type Connection } from '../../core/pagination.js';
import { DateScalar } from '../../core/scalars.js';
import { organizationOfSubject } from '../../core/subjects.js';
import { authorizeRecord, resolveNode } from '../../app/nodes.js';
import type { Loaders } from '../../app/loaders.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Task } from '../tasks/task.entity.js';
import { ApprovalDecisionEnum, ApprovalDecisionRecord, ApprovalRequest, ApprovalStatusEnum } from './approval.entity.js';

export const ApprovalRequestConnection = ConnectionType(ApprovalRequest, 'ApprovalRequest');

/** Per request (per set of loaders): the current hashes of every subject on the page load together. */
const currentHashLoaders = new WeakMap<Loaders, DataLoader<string, string | null>>();

function currentHashLoader(ctx: RequestContext): DataLoader<string, string | null> {
  let loader = currentHashLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, string | null>((subjectIds) => ctx.services.approvals.currentHashes(subjectIds), { cache: false });
    currentHashLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

@InputType('RequestApprovalInput')
export class RequestApprovalInput {
  @Field(() => ID)
  subjectId!: string;

  @Field(() => [ID])
  approverIds!: string[];

  @Field(() => Int, { nullable: true, description: 'Approvals needed; all approvers by default.' })
  quorum?: number | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType('RequestApprovalPayload')
export class RequestApprovalPayload {
  @Field(() => ApprovalRequest)
  approvalRequest!: ApprovalRequest;
}

@InputType('DecideApprovalInput')
export class DecideApprovalInput {
  @Field(() => ID)
  approvalRequestId!: string;

  @Field(() => ApprovalDecisionEnum)
  decision!: ApprovalDecision;

  @Field(() => String, { nullable: true, description: 'Required when rejecting.' })
  comment?: string | null;
}

@ObjectType('DecideApprovalPayload')
export class DecideApprovalPayload {
  @Field(() => ApprovalRequest)
  approvalRequest!: ApprovalRequest;
}

@InputType('CancelApprovalInput')
export class CancelApprovalInput {
  @Field(() => ID)
  approvalRequestId!: string;
}

@ObjectType('CancelApprovalPayload')
export class CancelApprovalPayload {
  @Field(() => ApprovalRequest)
  approvalRequest!: ApprovalRequest;
}

@InputType('ApprovalRequestFilter')
export class ApprovalRequestFilterInput {
  @Field(() => [ApprovalStatusEnum], { nullable: true })
  status?: ApprovalStatus[] | null;

  @Field(() => ID, { nullable: true })
  approverId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Requests made by this member.' })
  requestedById?: string | null;

  @Field(() => ID, { nullable: true, description: 'Pending requests this member is named on and has not decided yet.' })
  awaitingDecisionBy?: string | null;
}

@Resolver(() => ApprovalRequest)
export class ApprovalResolver {
  @Mutation(() => RequestApprovalPayload)
  @Can('approval:request')
  async requestApproval(@Arg('input', () => RequestApprovalInput) input: RequestApprovalInput, @Ctx() ctx: RequestContext): Promise<RequestApprovalPayload> {
    requireViewer(ctx);
    const node = await resolveNode(ctx, input.subjectId);
    const organizationId = node ? await organizationOfSubject(ctx.services.db.dataSource.manager, input.subjectId) : null;
    if (!organizationId) throw badInput('subjectId', 'Record not found.', 'UNKNOWN_SUBJECT');
    const scope = await authorize(ctx, 'approval:request', organizationId);
    return { approvalRequest: await ctx.services.approvals.request(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => DecideApprovalPayload)
  @Can('approval:decide')
  async decideApproval(@Arg('input', () => DecideApprovalInput) input: DecideApprovalInput, @Ctx() ctx: RequestContext): Promise<DecideApprovalPayload> {
    const { record: request, scope } = await authorizeRecord<ApprovalRequest>(ctx, 'ApprovalRequest', input.approvalRequestId, 'approval:decide', 'Approval request');
    return { approvalRequest: await ctx.services.approvals.decide(scope, request.id, input.decision, input.comment, actorOf(ctx)) };
  }

  @Mutation(() => CancelApprovalPayload)
  @Can('approval:cancel')
  async cancelApproval(@Arg('input', () => CancelApprovalInput) input: CancelApprovalInput, @Ctx() ctx: RequestContext): Promise<CancelApprovalPayload> {
    const { record: request, scope } = await authorizeRecord<ApprovalRequest>(ctx, 'ApprovalRequest', input.approvalRequestId, 'approval:cancel', 'Approval request');
    return { approvalRequest: await ctx.services.approvals.cancel(scope, request.id, actorOf(ctx)) };
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The record to approve, when you may see it.' })
  async subject(@Root() request: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return resolveNode(ctx, request.subjectId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The hash of the content now: differs from subjectHash once it changed.' })
  async currentSubjectHash(@Root() request: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<string | null> {
    return currentHashLoader(ctx).load(request.subjectId);
  }

  @FieldResolver(() => User)
  async requestedBy(@Root() request: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(request.requestedById))!;
  }

  @FieldResolver(() => [User])
  async approvers(@Root() request: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<User[]> {
    const users = await ctx.loaders.userById.loadMany(await ctx.loaders.approverIdsByRequest.load(request.id));
    return users.filter((u): u is User => u instanceof User);
  }

  @FieldResolver(() => [ApprovalDecisionRecord])
  async decisions(@Root() request: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<ApprovalDecisionRecord[]> {
    return ctx.loaders.decisionsByRequest.load(request.id);
  }

  @FieldResolver(() => Boolean, { description: 'You are a named approver who has not decided yet, and it is pending.' })
  async viewerCanDecide(@Root() request: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<boolean> {
    // Asked without reading the viewer's id: a live delivery shares the answer (core/events/shared-results).
    if (!ctx.viewer || request.status !== 'PENDING') return false;
    if (!(await ctx.loaders.approverIdsByRequest.load(request.id)).some((id) => viewerIs(ctx, id))) return false;
    return !(await ctx.loaders.decisionsByRequest.load(request.id)).some((d) => viewerIs(ctx, d.approverId));
  }
}

@Resolver(() => ApprovalDecisionRecord)
export class ApprovalDecisionResolver {
  @FieldResolver(() => User)
  async approver(@Root() decision: ApprovalDecisionRecord, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(decision.approverId))!;
  }
}

@Resolver(() => Organization)
export class OrganizationApprovalsResolver {
  @FieldResolver(() => ApprovalRequestConnection, { description: 'Newest first.' })
  @Can('approval:read')
  async approvalRequests(
    @Root() org: Organization,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ApprovalRequestFilterInput, { nullable: true }) filter: ApprovalRequestFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<ApprovalRequest>> {
    const scope = await authorize(ctx, 'approval:read', org.id);
    return ctx.services.approvals.list(scope, filter ?? {}, pageSize(page.first), page.after);
  }
}

@Resolver(() => Task)
export class TaskApprovalsResolver {
  @FieldResolver(() => [ApprovalRequest], { description: 'Approval requests about this task, newest first.' })
  async approvalRequests(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<ApprovalRequest[]> {
    return ctx.loaders.approvalRequestsBySubject.load(task.id);
  }
}
