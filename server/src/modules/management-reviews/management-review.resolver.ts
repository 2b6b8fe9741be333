import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { MANAGEMENT_REVIEW_INPUTS, missingManagementReviewInputs, roleCan, type ManagementReviewInputKey, type ManagementReviewStatus, type TaskPriority } from '@annex/domain';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { DateScalar } from '../../core/scalars.js';
import { providedFields } from '../../core/validation.js';
import { authorizeRecord, resolveNode } from '../../app/nodes.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { ApprovalRequest } from '../approvals/approval.entity.js';
import { Task, TaskPriorityEnum } from '../tasks/task.entity.js';
import {
  ManagementReview,
  ManagementReviewAttendee,
  ManagementReviewDecision,
  ManagementReviewInputKeyEnum,
  ManagementReviewInputState,
  ManagementReviewStatusEnum,
} from './management-review.entity.js';
import { ManagementReviewPackType } from './management-review-pack.types.js';

@InputType('CreateManagementReviewInput')
export class CreateManagementReviewInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar)
  scheduledOn!: string;

  @Field(() => String, { nullable: true })
  location?: string | null;
}

@InputType('ManagementReviewAttendeeInput', { description: 'A member (userId), or an external person (name, affiliation).' })
export class ManagementReviewAttendeeInput {
  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for someone who is not a member.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Their function or organisation.' })
  affiliation?: string | null;
}

@InputType('UpdateManagementReviewInput')
export class UpdateManagementReviewInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => DateScalar, { nullable: true })
  scheduledOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the meeting took place (needs the pack prepared); null clears it.' })
  heldOn?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => [ManagementReviewAttendeeInput], { nullable: true, description: 'Replaces the attendees.' })
  attendees?: ManagementReviewAttendeeInput[] | null;

  @Field(() => String, { nullable: true })
  minutes?: string | null;

  @Field(() => String, { nullable: true })
  contextChanges?: string | null;

  @Field(() => String, { nullable: true })
  interestedPartyFeedback?: string | null;
}

@InputType('PrepareManagementReviewPackInput')
export class PrepareManagementReviewPackInput {
  @Field(() => ID)
  managementReviewId!: string;
}

@InputType('SubmitManagementReviewForSignOffInput')
export class SubmitManagementReviewForSignOffInput {
  @Field(() => ID)
  managementReviewId!: string;

  @Field(() => [ID], { nullable: true, description: 'Members with the MANAGEMENT role; all of them (but you) by default.' })
  approverIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Approvals needed; all approvers by default.' })
  quorum?: number | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType('DeleteManagementReviewInput')
export class DeleteManagementReviewInput {
  @Field(() => ID)
  id!: string;
}

@InputType('AddManagementReviewDecisionInput')
export class AddManagementReviewDecisionInput {
  @Field(() => ID)
  managementReviewId!: string;

  @Field(() => String)
  text!: string;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;
}

@InputType('UpdateManagementReviewDecisionInput')
export class UpdateManagementReviewDecisionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;
}

@InputType('DeleteManagementReviewDecisionInput')
export class DeleteManagementReviewDecisionInput {
  @Field(() => ID)
  id!: string;
}

@InputType('CreateTaskFromManagementReviewDecisionInput')
export class CreateTaskFromManagementReviewDecisionInput {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => TaskPriorityEnum, { nullable: true })
  priority?: TaskPriority | null;
}

@ObjectType('CreateManagementReviewPayload')
class CreateManagementReviewPayload {
  @Field(() => ManagementReview)
  managementReview!: ManagementReview;
}
@ObjectType('UpdateManagementReviewPayload')
class UpdateManagementReviewPayload {
  @Field(() => ManagementReview)
  managementReview!: ManagementReview;
}
@ObjectType('PrepareManagementReviewPackPayload')
class PrepareManagementReviewPackPayload {
  @Field(() => ManagementReview)
  managementReview!: ManagementReview;
}
@ObjectType('SubmitManagementReviewForSignOffPayload')
class SubmitManagementReviewForSignOffPayload {
  @Field(() => ManagementReview)
  managementReview!: ManagementReview;

  @Field(() => ApprovalRequest)
  approvalRequest!: ApprovalRequest;
}
@ObjectType('DeleteManagementReviewPayload')
class DeleteManagementReviewPayload {
  @Field(() => ID)
  deletedManagementReviewId!: string;
}
@ObjectType('AddManagementReviewDecisionPayload')
class AddManagementReviewDecisionPayload {
  @Field(() => ManagementReviewDecision)
  decision!: ManagementReviewDecision;

  @Field(() => ManagementReview)
  managementReview!: ManagementReview;
}
@ObjectType('UpdateManagementReviewDecisionPayload')
class UpdateManagementReviewDecisionPayload {
  @Field(() => ManagementReviewDecision)
  decision!: ManagementReviewDecision;
}
@ObjectType('DeleteManagementReviewDecisionPayload')
class DeleteManagementReviewDecisionPayload {
  @Field(() => ID)
  deletedManagementReviewDecisionId!: string;

  @Field(() => ManagementReview)
  managementReview!: ManagementReview;
}
@ObjectType('CreateTaskFromManagementReviewDecisionPayload')
class CreateTaskFromManagementReviewDecisionPayload {
  @Field(() => ManagementReviewDecision)
  decision!: ManagementReviewDecision;

  @Field(() => Task)
  task!: Task;
}

/** The review as stored now (batched: a list of decisions reads their reviews in one statement; not cached, so read afresh after a write). */
async function reload(ctx: RequestContext, id: string): Promise<ManagementReview> {
  const review = await ctx.loaders.rowById(ManagementReview).load(id);
  if (!review) throw notFound('Management review');
  return review;
}

@Resolver(() => ManagementReview)
export class ManagementReviewResolver {
  @Mutation(() => CreateManagementReviewPayload)
  @Can('managementReview:manage')
  async createManagementReview(@Arg('input', () => CreateManagementReviewInput) input: CreateManagementReviewInput, @Ctx() ctx: RequestContext): Promise<CreateManagementReviewPayload> {
    const scope = await authorize(ctx, 'managementReview:manage', input.organizationId);
    return { managementReview: await ctx.services.managementReviews.create(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => UpdateManagementReviewPayload, { description: 'Title, dates, attendees, minutes and the entered inputs; refused (CONFLICT) while awaiting sign-off and once signed.' })
  @Can('managementReview:manage')
  async updateManagementReview(@Arg('input', () => UpdateManagementReviewInput) input: UpdateManagementReviewInput, @Ctx() ctx: RequestContext): Promise<UpdateManagementReviewPayload> {
    const { scope } = await authorizeRecord<ManagementReview>(ctx, 'ManagementReview', input.id, 'managementReview:manage', 'Management review');
    const { id, version, ...fields } = input;
    return { managementReview: await ctx.services.managementReviews.update(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => PrepareManagementReviewPackPayload, { description: 'Assembles (or refreshes) the clause 9.3.2 inputs from live data; possible until the review is submitted for sign-off.' })
  @Can('managementReview:manage')
  async prepareManagementReviewPack(
    @Arg('input', () => PrepareManagementReviewPackInput) input: PrepareManagementReviewPackInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PrepareManagementReviewPackPayload> {
    const { scope } = await authorizeRecord<ManagementReview>(ctx, 'ManagementReview', input.managementReviewId, 'managementReview:manage', 'Management review');
    return { managementReview: await ctx.services.managementReviews.preparePack(scope, input.managementReviewId, actorOf(ctx)) };
  }

  @Mutation(() => SubmitManagementReviewForSignOffPayload, { description: 'Freezes the content (hashed) and asks management to sign it off through the approvals engine; approved, the review is SIGNED and frozen.' })
  @Can('managementReview:manage')
  async submitManagementReviewForSignOff(
    @Arg('input', () => SubmitManagementReviewForSignOffInput) input: SubmitManagementReviewForSignOffInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SubmitManagementReviewForSignOffPayload> {
    const { scope } = await authorizeRecord<ManagementReview>(ctx, 'ManagementReview', input.managementReviewId, 'managementReview:manage', 'Management review');
    const { review, approvalRequest } = await ctx.services.managementReviews.submitForSignOff(scope, input, actorOf(ctx));
    return { managementReview: review, approvalRequest };
  }

  @Mutation(() => DeleteManagementReviewPayload, { description: 'Only a review never submitted for sign-off and without tracked decisions.' })
  @Can('managementReview:manage')
  async deleteManagementReview(@Arg('input', () => DeleteManagementReviewInput) input: DeleteManagementReviewInput, @Ctx() ctx: RequestContext): Promise<DeleteManagementReviewPayload> {
    const { scope } = await authorizeRecord<ManagementReview>(ctx, 'ManagementReview', input.id, 'managementReview:manage', 'Management review');
    return { deletedManagementReviewId: await ctx.services.managementReviews.delete(scope, input.id, actorOf(ctx)) };
  }

  @Mutation(() => AddManagementReviewDecisionPayload)
  @Can('managementReview:manage')
  async addManagementReviewDecision(@Arg('input', () => AddManagementReviewDecisionInput) input: AddManagementReviewDecisionInput, @Ctx() ctx: RequestContext): Promise<AddManagementReviewDecisionPayload> {
    const { scope } = await authorizeRecord<ManagementReview>(ctx, 'ManagementReview', input.managementReviewId, 'managementReview:manage', 'Management review');
    const decision = await ctx.services.managementReviews.addDecision(scope, providedFields(input) as AddManagementReviewDecisionInput, actorOf(ctx));
    return { decision, managementReview: await reload(ctx, input.managementReviewId) };
  }

  @Mutation(() => UpdateManagementReviewDecisionPayload)
  @Can('managementReview:manage')
  async updateManagementReviewDecision(
    @Arg('input', () => UpdateManagementReviewDecisionInput) input: UpdateManagementReviewDecisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UpdateManagementReviewDecisionPayload> {
    const { scope } = await authorizeRecord<ManagementReviewDecision>(ctx, 'ManagementReviewDecision', input.id, 'managementReview:manage', 'Decision');
    const { id, version, ...fields } = input;
    return { decision: await ctx.services.managementReviews.updateDecision(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => DeleteManagementReviewDecisionPayload)
  @Can('managementReview:manage')
  async deleteManagementReviewDecision(
    @Arg('input', () => DeleteManagementReviewDecisionInput) input: DeleteManagementReviewDecisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DeleteManagementReviewDecisionPayload> {
    const { record, scope } = await authorizeRecord<ManagementReviewDecision>(ctx, 'ManagementReviewDecision', input.id, 'managementReview:manage', 'Decision');
    const deleted = await ctx.services.managementReviews.deleteDecision(scope, input.id, actorOf(ctx));
    return { deletedManagementReviewDecisionId: deleted, managementReview: await reload(ctx, record.managementReviewId) };
  }

  @Mutation(() => CreateTaskFromManagementReviewDecisionPayload, { description: 'Makes the decision a tracked task (subject: the review), assigned to its owner and due when it is; allowed after sign-off.' })
  @Can('managementReview:manage')
  async createTaskFromManagementReviewDecision(
    @Arg('input', () => CreateTaskFromManagementReviewDecisionInput) input: CreateTaskFromManagementReviewDecisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreateTaskFromManagementReviewDecisionPayload> {
    const { scope } = await authorizeRecord<ManagementReviewDecision>(ctx, 'ManagementReviewDecision', input.decisionId, 'managementReview:manage', 'Decision');
    return ctx.services.managementReviews.createTask(scope, input, actorOf(ctx));
  }

  // ------------------------------------------------------------------ fields

  private async signOff(review: ManagementReview, ctx: RequestContext): Promise<ApprovalRequest | null> {
    return review.approvalRequestId ? ctx.loaders.managementReviewSignOffById.load(review.approvalRequestId) : null;
  }

  @FieldResolver(() => ManagementReviewStatusEnum)
  async status(@Root() review: ManagementReview, @Ctx() ctx: RequestContext): Promise<ManagementReviewStatus> {
    return ctx.services.managementReviews.statusOf(review, await this.signOff(review, ctx));
  }

  @FieldResolver(() => Boolean, { description: 'Signed off by management: the pack, minutes and decisions can no longer change.' })
  async frozen(@Root() review: ManagementReview, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await this.status(review, ctx)) === 'SIGNED';
  }

  @FieldResolver(() => [ManagementReviewAttendee])
  attendees(@Root() review: ManagementReview): ManagementReviewAttendee[] {
    return review.attendees;
  }

  @FieldResolver(() => ManagementReviewPackType, { nullable: true, description: 'The clause 9.3.2 inputs as last prepared (once submitted, exactly as submitted).' })
  pack(@Root() review: ManagementReview): ManagementReviewPackType | null {
    return (review.snapshot?.pack ?? review.pack) as unknown as ManagementReviewPackType | null;
  }

  @FieldResolver(() => User, { nullable: true })
  async packPreparedBy(@Root() review: ManagementReview, @Ctx() ctx: RequestContext): Promise<User | null> {
    return review.packPreparedById ? ctx.loaders.userById.load(review.packPreparedById) : null;
  }

  @FieldResolver(() => [ManagementReviewInputState], { description: 'Every input clause 9.3.2 requires, and whether the review has it.' })
  inputs(@Root() review: ManagementReview): ManagementReviewInputState[] {
    const missing = new Set(this.missing(review));
    return MANAGEMENT_REVIEW_INPUTS.map((i) => ({ key: i.key, clause: i.clause, title: i.title, source: i.source, filled: !missing.has(i.key) }));
  }

  @FieldResolver(() => [ManagementReviewInputKeyEnum], { description: 'The clause 9.3.2 inputs still empty: the review is submitted for sign-off only without any.' })
  missingInputs(@Root() review: ManagementReview): ManagementReviewInputKey[] {
    return this.missing(review);
  }

  private missing(review: ManagementReview): ManagementReviewInputKey[] {
    return missingManagementReviewInputs({ packPrepared: review.pack !== null, contextChanges: review.contextChanges, interestedPartyFeedback: review.interestedPartyFeedback });
  }

  @FieldResolver(() => [ManagementReviewDecision], { description: 'In the order they were recorded.' })
  async decisions(@Root() review: ManagementReview, @Ctx() ctx: RequestContext): Promise<ManagementReviewDecision[]> {
    return ctx.loaders.decisionsByManagementReview.load(review.id);
  }

  @FieldResolver(() => ApprovalRequest, { nullable: true, description: 'The latest request for management’s sign-off.' })
  async signOffRequest(@Root() review: ManagementReview, @Ctx() ctx: RequestContext): Promise<ApprovalRequest | null> {
    return this.signOff(review, ctx);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'The day management’s approval completed the sign-off.' })
  async signedOn(@Root() review: ManagementReview, @Ctx() ctx: RequestContext): Promise<string | null> {
    const request = await this.signOff(review, ctx);
    return (await this.status(review, ctx)) === 'SIGNED' && request?.closedAt ? request.closedAt.toISOString().slice(0, 10) : null;
  }

  @FieldResolver(() => [User], { description: 'Who approved the sign-off, in the order they decided.' })
  async signedBy(@Root() review: ManagementReview, @Ctx() ctx: RequestContext): Promise<User[]> {
    if ((await this.status(review, ctx)) !== 'SIGNED') return [];
    const decisions = await ctx.loaders.decisionsByRequest.load(review.approvalRequestId!);
    const users = await Promise.all(decisions.filter((d) => d.decision === 'APPROVE').map((d) => ctx.loaders.userById.load(d.approverId)));
    return users.filter((u): u is User => !!u);
  }

  @FieldResolver(() => User, { nullable: true })
  async submittedBy(@Root() review: ManagementReview, @Ctx() ctx: RequestContext): Promise<User | null> {
    return review.submittedById ? ctx.loaders.userById.load(review.submittedById) : null;
  }

  @FieldResolver(() => Boolean, { description: 'You may prepare the pack and record the meeting and decisions (while it is not submitted or signed).' })
  async viewerCanManage(@Root() review: ManagementReview, @Ctx() ctx: RequestContext): Promise<boolean> {
    return roleCan(await roleIn(ctx, review.organizationId), 'managementReview:manage');
  }
}

@Resolver(() => ManagementReviewDecision)
export class ManagementReviewDecisionResolver {
  @FieldResolver(() => User, { nullable: true })
  async owner(@Root() decision: ManagementReviewDecision, @Ctx() ctx: RequestContext): Promise<User | null> {
    return decision.ownerId ? ctx.loaders.userById.load(decision.ownerId) : null;
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The task tracking it, when there is one you may see.' })
  async task(@Root() decision: ManagementReviewDecision, @Ctx() ctx: RequestContext): Promise<Task | null> {
    // The task as `node` would answer it: the same visibility rule, the same loader.
    return decision.taskId ? ((await resolveNode(ctx, decision.taskId)) as Task | null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Made a task (whether or not you may see the task).' })
  tracked(@Root() decision: ManagementReviewDecision): boolean {
    return decision.taskId !== null;
  }

  @FieldResolver(() => ManagementReview)
  async managementReview(@Root() decision: ManagementReviewDecision, @Ctx() ctx: RequestContext): Promise<ManagementReview> {
    return reload(ctx, decision.managementReviewId);
  }
}

@Resolver(() => Organization)
export class OrganizationManagementReviewsResolver {
  @FieldResolver(() => [ManagementReview], { nullable: true, description: 'Management reviews, latest scheduled first.' })
  @Can('managementReview:read')
  async managementReviews(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<ManagementReview[]> {
    const scope = await authorize(ctx, 'managementReview:read', org.id);
    return ctx.services.managementReviews.list(scope);
  }
}
