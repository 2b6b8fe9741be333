import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { isCorrectiveActionOverdue, isEvidenceRequestOverdue, roleCan, todayUtc, type AuditKind, type AuditStatus, type CertificationDecision, type ChecklistVerdict, type CorrectiveActionStatus, type FindingKind, type RootCauseMethod } from '@annex/domain';
import { findClause, findControl } from '@annex/iso27001';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { DateScalar, DateTimeScalar } from '../../core/scalars.js';
import { ConnectionType, PageArgs, pageSize, type Connection } from '../../core/pagination.js';
import { providedFields } from '../../core/validation.js';
import { authorizeRecord, resolveNode } from '../../app/nodes.js';
import { Node } from '../../core/node.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { StoredFile } from '../documents/document.entity.js';
import {
  Audit,
  AuditKindEnum,
  AuditSession,
  AuditStatusEnum,
  Certificate,
  Certification,
  CertificationBlocker,
  CertificationDecisionEnum,
  Stage1Readiness,
  ChecklistItem,
  ChecklistVerdictEnum,
  CorrectiveAction,
  CorrectiveActionStatusEnum,
  Evidence,
  EvidenceRequest,
  Finding,
  FindingKindEnum,
  RootCauseMethodEnum,
} from './audit.entity.js';

export const AuditConnection = ConnectionType(Audit, 'Audit');

@InputType('AuditFilter')
export class AuditFilterInput {
  @Field(() => AuditKindEnum, { nullable: true })
  kind?: AuditKind | null;

  @Field(() => AuditStatusEnum, { nullable: true })
  status?: AuditStatus | null;
}

@InputType('CreateAuditInput')
export class CreateAuditInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => AuditKindEnum)
  kind!: AuditKind;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar)
  startDate!: string;

  @Field(() => DateScalar)
  endDate!: string;

  @Field(() => ID, { nullable: true })
  leadAuditorId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The audit team (members, usually with the AUDITOR role).' })
  teamIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Clauses and controls, or groups of them ("A.8", "9").' })
  scopeRefs?: string[] | null;

  @Field(() => String, { nullable: true })
  objectives?: string | null;
}

@InputType('UpdateAuditInput')
export class UpdateAuditInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => AuditKindEnum, { nullable: true })
  kind?: AuditKind | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => DateScalar, { nullable: true })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => ID, { nullable: true })
  leadAuditorId?: string | null;

  @Field(() => [ID], { nullable: true })
  teamIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  scopeRefs?: string[] | null;

  @Field(() => String, { nullable: true })
  objectives?: string | null;

  @Field(() => AuditStatusEnum, { nullable: true })
  status?: AuditStatus | null;
}

@InputType('AddAuditSessionInput')
export class AddAuditSessionInput {
  @Field(() => ID)
  auditId!: string;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field(() => String)
  topic!: string;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => [ID], { nullable: true })
  intervieweeIds?: string[] | null;
}

@InputType('UpdateAuditChecklistItemInput')
export class UpdateChecklistItemInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ChecklistVerdictEnum, { nullable: true })
  verdict?: ChecklistVerdict | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('RequestEvidenceInput')
export class RequestEvidenceInput {
  @Field(() => ID)
  auditId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => DateTimeScalar)
  dueAt!: Date;
}

@InputType('AnswerEvidenceRequestInput')
export class AnswerEvidenceRequestInput {
  @Field(() => ID)
  evidenceRequestId!: string;

  @Field(() => [ID], { nullable: true, description: 'Evidence uploaded through POST /uploads.' })
  evidenceIds?: string[] | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType('ReviewEvidenceRequestInput')
export class ReviewEvidenceRequestInput {
  @Field(() => ID)
  evidenceRequestId!: string;

  @Field(() => Boolean)
  accepted!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when returning it: what is missing.' })
  comment?: string | null;
}

@InputType('RaiseFindingInput')
export class RaiseFindingInput {
  @Field(() => ID)
  auditId!: string;

  @Field(() => FindingKindEnum)
  kind!: FindingKind;

  @Field(() => String)
  requirementRef!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [ID], { nullable: true })
  evidenceIds?: string[] | null;
}

@InputType('CreateCorrectiveActionInput')
export class CreateCorrectiveActionInput {
  @Field(() => ID)
  findingId!: string;

  @Field(() => String, { nullable: true })
  correction?: string | null;

  @Field(() => RootCauseMethodEnum, { nullable: true })
  rootCauseMethod?: RootCauseMethod | null;

  @Field(() => String, { nullable: true })
  rootCause?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => String, { nullable: true })
  preventiveMeasures?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Default: minor NC 90 days after the audit ends, major 30 days.' })
  dueDate?: string | null;
}

@InputType('UpdateCorrectiveActionInput')
export class UpdateCorrectiveActionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  correction?: string | null;

  @Field(() => RootCauseMethodEnum, { nullable: true })
  rootCauseMethod?: RootCauseMethod | null;

  @Field(() => String, { nullable: true })
  rootCause?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => String, { nullable: true })
  preventiveMeasures?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => CorrectiveActionStatusEnum, { nullable: true })
  status?: CorrectiveActionStatus | null;

  @Field(() => [ID], { nullable: true })
  evidenceIds?: string[] | null;

  @Field(() => DateScalar, { nullable: true })
  effectivenessReviewOn?: string | null;
}

@InputType('VerifyCorrectiveActionInput')
export class VerifyCorrectiveActionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean)
  effective!: boolean;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType('RecordCertificationDecisionInput')
export class RecordCertificationDecisionInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID)
  auditId!: string;

  @Field(() => CertificationDecisionEnum)
  decision!: CertificationDecision;

  @Field(() => DateScalar)
  decidedOn!: string;
}

@InputType('RecordCertificateInput')
export class RecordCertificateInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => String)
  certificationBody!: string;

  @Field(() => String)
  certificateNumber!: string;

  @Field(() => String)
  scope!: string;
}

@ObjectType('CreateAuditPayload')
class CreateAuditPayload {
  @Field(() => Audit)
  audit!: Audit;
}
@ObjectType('UpdateAuditPayload')
class UpdateAuditPayload {
  @Field(() => Audit)
  audit!: Audit;
}
@ObjectType('AddAuditSessionPayload')
class AddAuditSessionPayload {
  @Field(() => AuditSession)
  session!: AuditSession;
}
@ObjectType('UpdateAuditChecklistItemPayload')
class UpdateChecklistItemPayload {
  @Field(() => ChecklistItem)
  item!: ChecklistItem;
}
@ObjectType('RequestEvidencePayload')
class RequestEvidencePayload {
  @Field(() => EvidenceRequest)
  evidenceRequest!: EvidenceRequest;
}
@ObjectType('AnswerEvidenceRequestPayload')
class AnswerEvidenceRequestPayload {
  @Field(() => EvidenceRequest)
  evidenceRequest!: EvidenceRequest;
}
@ObjectType('ReviewEvidenceRequestPayload')
class ReviewEvidenceRequestPayload {
  @Field(() => EvidenceRequest)
  evidenceRequest!: EvidenceRequest;
}
@ObjectType('RaiseFindingPayload')
class RaiseFindingPayload {
  @Field(() => Finding)
  finding!: Finding;
}
@ObjectType('CreateCorrectiveActionPayload')
class CreateCorrectiveActionPayload {
  @Field(() => CorrectiveAction)
  correctiveAction!: CorrectiveAction;
}
@ObjectType('UpdateCorrectiveActionPayload')
class UpdateCorrectiveActionPayload {
  @Field(() => CorrectiveAction)
  correctiveAction!: CorrectiveAction;
}
@ObjectType('VerifyCorrectiveActionPayload')
class VerifyCorrectiveActionPayload {
  @Field(() => CorrectiveAction)
  correctiveAction!: CorrectiveAction;
}
@ObjectType('RecordCertificationDecisionPayload')
class RecordCertificationDecisionPayload {
  @Field(() => Certification)
  certification!: Certification;
}
@ObjectType('RecordCertificatePayload')
class RecordCertificatePayload {
  @Field(() => Certificate)
  certificate!: Certificate;
}

@ObjectType('ProgrammeCoverage', { description: 'One requirement in the internal audit programme over the three-year cycle.' })
class ProgrammeCoverage {
  @Field(() => String)
  ref!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Boolean)
  covered!: boolean;

  @Field(() => DateScalar, { nullable: true })
  lastCoveredOn!: string | null;

  @Field(() => [ID])
  auditIds!: string[];
}

@Resolver(() => Audit)
export class AuditResolver {
  @Mutation(() => CreateAuditPayload)
  @Can('audit:manage')
  async createAudit(@Arg('input', () => CreateAuditInput) input: CreateAuditInput, @Ctx() ctx: RequestContext): Promise<CreateAuditPayload> {
    const scope = await authorize(ctx, 'audit:manage', input.organizationId);
    return { audit: await ctx.services.audits.create(scope, providedFields(input), actorOf(ctx)) };
  }

  @Mutation(() => UpdateAuditPayload, { description: 'Admins plan (kind, lead, team, dates, scope); the audit’s auditors may move its status, dates, scope and objectives.' })
  @Can('audit:conduct')
  async updateAudit(@Arg('input', () => UpdateAuditInput) input: UpdateAuditInput, @Ctx() ctx: RequestContext): Promise<UpdateAuditPayload> {
    const { scope } = await authorizeRecord<Audit>(ctx, 'Audit', input.id, 'audit:conduct', 'Audit');
    const { id, version, ...fields } = input;
    return { audit: await ctx.services.audits.update(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => AddAuditSessionPayload)
  @Can('audit:conduct')
  async addAuditSession(@Arg('input', () => AddAuditSessionInput) input: AddAuditSessionInput, @Ctx() ctx: RequestContext): Promise<AddAuditSessionPayload> {
    const { scope } = await authorizeRecord<Audit>(ctx, 'Audit', input.auditId, 'audit:conduct', 'Audit');
    return { session: await ctx.services.audits.addSession(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => UpdateChecklistItemPayload)
  @Can('audit:conduct')
  async updateAuditChecklistItem(@Arg('input', () => UpdateChecklistItemInput) input: UpdateChecklistItemInput, @Ctx() ctx: RequestContext): Promise<UpdateChecklistItemPayload> {
    const { scope } = await authorizeRecord<ChecklistItem>(ctx, 'ChecklistItem', input.id, 'audit:conduct', 'Checklist item');
    return { item: await ctx.services.audits.updateChecklistItem(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => RequestEvidencePayload)
  @Can('audit:conduct')
  async requestEvidence(@Arg('input', () => RequestEvidenceInput) input: RequestEvidenceInput, @Ctx() ctx: RequestContext): Promise<RequestEvidencePayload> {
    const { scope } = await authorizeRecord<Audit>(ctx, 'Audit', input.auditId, 'audit:conduct', 'Audit');
    return { evidenceRequest: await ctx.services.audits.requestEvidence(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => AnswerEvidenceRequestPayload)
  @Can('evidence:answer')
  async answerEvidenceRequest(@Arg('input', () => AnswerEvidenceRequestInput) input: AnswerEvidenceRequestInput, @Ctx() ctx: RequestContext): Promise<AnswerEvidenceRequestPayload> {
    const { scope } = await authorizeRecord<EvidenceRequest>(ctx, 'EvidenceRequest', input.evidenceRequestId, 'evidence:answer', 'Evidence request');
    return { evidenceRequest: await ctx.services.audits.answer(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => ReviewEvidenceRequestPayload)
  @Can('audit:conduct')
  async reviewEvidenceRequest(@Arg('input', () => ReviewEvidenceRequestInput) input: ReviewEvidenceRequestInput, @Ctx() ctx: RequestContext): Promise<ReviewEvidenceRequestPayload> {
    const { scope } = await authorizeRecord<EvidenceRequest>(ctx, 'EvidenceRequest', input.evidenceRequestId, 'audit:conduct', 'Evidence request');
    return { evidenceRequest: await ctx.services.audits.review(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => RaiseFindingPayload)
  @Can('audit:conduct')
  async raiseFinding(@Arg('input', () => RaiseFindingInput) input: RaiseFindingInput, @Ctx() ctx: RequestContext): Promise<RaiseFindingPayload> {
    const { scope } = await authorizeRecord<Audit>(ctx, 'Audit', input.auditId, 'audit:conduct', 'Audit');
    return { finding: await ctx.services.audits.raiseFinding(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => CreateCorrectiveActionPayload)
  @Can('correctiveAction:create')
  async createCorrectiveAction(@Arg('input', () => CreateCorrectiveActionInput) input: CreateCorrectiveActionInput, @Ctx() ctx: RequestContext): Promise<CreateCorrectiveActionPayload> {
    const { scope } = await authorizeRecord<Finding>(ctx, 'Finding', input.findingId, 'correctiveAction:create', 'Finding');
    return { correctiveAction: await ctx.services.audits.createCorrectiveAction(scope, providedFields(input) as CreateCorrectiveActionInput, actorOf(ctx)) };
  }

  @Mutation(() => UpdateCorrectiveActionPayload)
  @Can('correctiveAction:update')
  async updateCorrectiveAction(@Arg('input', () => UpdateCorrectiveActionInput) input: UpdateCorrectiveActionInput, @Ctx() ctx: RequestContext): Promise<UpdateCorrectiveActionPayload> {
    const { scope } = await authorizeRecord<CorrectiveAction>(ctx, 'CorrectiveAction', input.id, 'correctiveAction:update', 'Corrective action');
    const { id, version, ...fields } = input;
    return { correctiveAction: await ctx.services.audits.updateCorrectiveAction(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => VerifyCorrectiveActionPayload, { description: 'An auditor of the audit verifies it: effective → VERIFIED; not effective → back to IN_PROGRESS with the reason.' })
  @Can('correctiveAction:verify')
  async verifyCorrectiveAction(@Arg('input', () => VerifyCorrectiveActionInput) input: VerifyCorrectiveActionInput, @Ctx() ctx: RequestContext): Promise<VerifyCorrectiveActionPayload> {
    const { scope } = await authorizeRecord<CorrectiveAction>(ctx, 'CorrectiveAction', input.id, 'correctiveAction:verify', 'Corrective action');
    return { correctiveAction: await ctx.services.audits.verify(scope, input, actorOf(ctx)) };
  }

  @Mutation(() => RecordCertificationDecisionPayload, { description: 'A GRANTED decision is refused (BAD_USER_INPUT, reason BLOCKED) while a blocker remains.' })
  @Can('certification:record')
  async recordCertificationDecision(
    @Arg('input', () => RecordCertificationDecisionInput) input: RecordCertificationDecisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordCertificationDecisionPayload> {
    const scope = await authorize(ctx, 'certification:record', input.organizationId);
    return { certification: (await ctx.services.audits.recordDecision(scope, input, actorOf(ctx))) as unknown as Certification };
  }

  @Mutation(() => RecordCertificatePayload, { description: 'Expires three years after issue; plans two surveillance audits, the recertification audit and its preparation.' })
  @Can('certification:record')
  async recordCertificate(@Arg('input', () => RecordCertificateInput) input: RecordCertificateInput, @Ctx() ctx: RequestContext): Promise<RecordCertificatePayload> {
    const scope = await authorize(ctx, 'certification:record', input.organizationId);
    return { certificate: await ctx.services.audits.recordCertificate(scope, input, actorOf(ctx)) };
  }

  @FieldResolver(() => User, { nullable: true })
  async leadAuditor(@Root() audit: Audit, @Ctx() ctx: RequestContext): Promise<User | null> {
    return audit.leadAuditorId ? ctx.loaders.userById.load(audit.leadAuditorId) : null;
  }

  @FieldResolver(() => [User])
  async team(@Root() audit: Audit, @Ctx() ctx: RequestContext): Promise<User[]> {
    const ids = await ctx.loaders.teamIdsByAudit.load(audit.id);
    return (await Promise.all(ids.map((id) => ctx.loaders.userById.load(id)))).filter((u): u is User => !!u);
  }

  @FieldResolver(() => [AuditSession], { description: 'The agenda, in time order.' })
  async agenda(@Root() audit: Audit, @Ctx() ctx: RequestContext): Promise<AuditSession[]> {
    return ctx.loaders.sessionsByAudit.load(audit.id);
  }

  @FieldResolver(() => [ChecklistItem])
  async checklist(@Root() audit: Audit, @Ctx() ctx: RequestContext): Promise<ChecklistItem[]> {
    const items = await ctx.services.db.dataSource.getRepository(ChecklistItem).find({ where: { auditId: audit.id } });
    return items.sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  }

  @FieldResolver(() => [EvidenceRequest])
  async evidenceRequests(@Root() audit: Audit, @Ctx() ctx: RequestContext): Promise<EvidenceRequest[]> {
    return ctx.loaders.evidenceRequestsByAudit.load(audit.id);
  }

  @FieldResolver(() => [Finding])
  async findings(@Root() audit: Audit, @Ctx() ctx: RequestContext): Promise<Finding[]> {
    return ctx.loaders.findingsByAudit.load(audit.id);
  }

  @FieldResolver(() => Boolean, { description: 'You may run this audit (agenda, checklist, requests, findings).' })
  async viewerCanConduct(@Root() audit: Audit, @Ctx() ctx: RequestContext): Promise<boolean> {
    const role = await roleIn(ctx, audit.organizationId);
    if (!ctx.viewer || !roleCan(role, 'audit:conduct')) return false;
    return role !== 'AUDITOR' || ctx.services.audits.isOnAudit(ctx.services.db.dataSource.manager, audit.id, ctx.viewer.user.id);
  }
}

@Resolver(() => AuditSession)
export class AuditSessionResolver {
  @FieldResolver(() => [User])
  async interviewees(@Root() session: AuditSession, @Ctx() ctx: RequestContext): Promise<User[]> {
    return (await Promise.all(session.intervieweeIds.map((id) => ctx.loaders.userById.load(id)))).filter((u): u is User => !!u);
  }
}

@Resolver(() => ChecklistItem)
export class ChecklistItemResolver {
  @FieldResolver(() => String, { description: 'The clause or control title.' })
  requirement(@Root() item: ChecklistItem): string {
    return findClause(item.ref)?.title ?? findControl(item.ref)?.title ?? item.ref;
  }
}

@Resolver(() => EvidenceRequest)
export class EvidenceRequestResolver {
  @FieldResolver(() => Audit)
  async audit(@Root() request: EvidenceRequest, @Ctx() ctx: RequestContext): Promise<Audit> {
    return (await resolveNode(ctx, request.auditId)) as Audit;
  }

  @FieldResolver(() => User, { nullable: true })
  async owner(@Root() request: EvidenceRequest, @Ctx() ctx: RequestContext): Promise<User | null> {
    return request.ownerId ? ctx.loaders.userById.load(request.ownerId) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async requestedBy(@Root() request: EvidenceRequest, @Ctx() ctx: RequestContext): Promise<User | null> {
    return request.requestedById ? ctx.loaders.userById.load(request.requestedById) : null;
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() request: EvidenceRequest): boolean {
    return isEvidenceRequestOverdue(request, new Date());
  }

  @FieldResolver(() => [Evidence])
  async evidence(@Root() request: EvidenceRequest, @Ctx() ctx: RequestContext): Promise<Evidence[]> {
    return ctx.loaders.evidenceByLink.load(`evidenceRequest:${request.id}`);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => StoredFile, { nullable: true })
  async file(@Root() evidence: Evidence, @Ctx() ctx: RequestContext): Promise<StoredFile | null> {
    return evidence.fileId ? ctx.loaders.fileById.load(evidence.fileId) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async uploadedBy(@Root() evidence: Evidence, @Ctx() ctx: RequestContext): Promise<User | null> {
    return evidence.uploadedById ? ctx.loaders.userById.load(evidence.uploadedById) : null;
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The record it is attached to (a risk, a task…), if you may see it.' })
  async subject(@Root() evidence: Evidence, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return evidence.subjectId ? resolveNode(ctx, evidence.subjectId) : null;
  }

  @FieldResolver(() => Boolean)
  expired(@Root() evidence: Evidence): boolean {
    return evidence.expiresOn !== null && evidence.expiresOn < todayUtc();
  }
}

@Resolver(() => Finding)
export class FindingResolver {
  @FieldResolver(() => Audit)
  async audit(@Root() finding: Finding, @Ctx() ctx: RequestContext): Promise<Audit> {
    return (await resolveNode(ctx, finding.auditId)) as Audit;
  }

  @FieldResolver(() => User, { nullable: true })
  async raisedBy(@Root() finding: Finding, @Ctx() ctx: RequestContext): Promise<User | null> {
    return finding.raisedById ? ctx.loaders.userById.load(finding.raisedById) : null;
  }

  @FieldResolver(() => String)
  requirementTitle(@Root() finding: Finding): string {
    return findClause(finding.requirementRef)?.title ?? findControl(finding.requirementRef)?.title ?? finding.requirementRef;
  }

  @FieldResolver(() => CorrectiveAction, { nullable: true })
  async correctiveAction(@Root() finding: Finding, @Ctx() ctx: RequestContext): Promise<CorrectiveAction | null> {
    return ctx.loaders.correctiveActionByFinding.load(finding.id);
  }

  @FieldResolver(() => [Evidence])
  async evidence(@Root() finding: Finding, @Ctx() ctx: RequestContext): Promise<Evidence[]> {
    return ctx.loaders.evidenceByLink.load(`finding:${finding.id}`);
  }
}

@Resolver(() => CorrectiveAction)
export class CorrectiveActionResolver {
  @FieldResolver(() => Finding)
  async finding(@Root() action: CorrectiveAction, @Ctx() ctx: RequestContext): Promise<Finding> {
    return (await resolveNode(ctx, action.findingId)) as Finding;
  }

  @FieldResolver(() => User, { nullable: true })
  async owner(@Root() action: CorrectiveAction, @Ctx() ctx: RequestContext): Promise<User | null> {
    return action.ownerId ? ctx.loaders.userById.load(action.ownerId) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async verifiedBy(@Root() action: CorrectiveAction, @Ctx() ctx: RequestContext): Promise<User | null> {
    return action.verifiedById ? ctx.loaders.userById.load(action.verifiedById) : null;
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() action: CorrectiveAction): boolean {
    return isCorrectiveActionOverdue(action, todayUtc());
  }

  @FieldResolver(() => [Evidence])
  async evidence(@Root() action: CorrectiveAction, @Ctx() ctx: RequestContext): Promise<Evidence[]> {
    return ctx.loaders.evidenceByLink.load(`correctiveAction:${action.id}`);
  }
}

@Resolver(() => Certification)
export class CertificationResolver {
  @FieldResolver(() => Stage1Readiness, { description: 'Mandatory documents, the SoA decided and approved, risk treatment and acceptance, an internal audit and a management review within 12 months, no contradictions (the stage 1 part of `Organization.readiness`).' })
  async stage1Readiness(@Root() certification: Certification, @Ctx() ctx: RequestContext): Promise<Stage1Readiness> {
    // One set of rules for the dashboard and this card: the readiness rules of @annex/domain.
    const readiness = await ctx.services.readiness.readiness(certification.organizationId);
    return { ready: readiness.stage1.ready, blockers: readiness.stage1.blockers.map((b) => ({ code: b.code, message: b.message, subject: null })) };
  }

  @FieldResolver(() => [CertificationBlocker])
  async blockers(@Root() certification: Certification, @Ctx() ctx: RequestContext) {
    const blockers = certification.blockers as unknown as Array<{ code: string; message: string; subjectId: string | null }>;
    return Promise.all(
      blockers.map(async (b) => ({ code: b.code, message: b.message, subject: b.subjectId ? await resolveNode(ctx, b.subjectId) : null })),
    );
  }
}

@Resolver(() => Organization)
export class OrganizationAuditsResolver {
  @FieldResolver(() => AuditConnection, { nullable: true, description: 'Newest first. Auditors see only the audits they are on.' })
  @Can('audit:read')
  async audits(
    @Root() org: Organization,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<Audit>> {
    const scope = await authorize(ctx, 'audit:read', org.id);
    return ctx.services.audits.list(scope, filter ?? {}, pageSize(page.first), page.after);
  }

  @FieldResolver(() => Certification, { nullable: true })
  @Can('certification:read')
  async certification(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<Certification> {
    const scope = await authorize(ctx, 'certification:read', org.id);
    return (await ctx.services.audits.certification(scope.organizationId)) as unknown as Certification;
  }

  @FieldResolver(() => [CorrectiveAction], { nullable: true, description: 'Open ones first by due date; auditors only those of their audits.' })
  @Can('audit:read')
  async correctiveActions(
    @Root() org: Organization,
    @Arg('status', () => CorrectiveActionStatusEnum, { nullable: true }) status: CorrectiveActionStatus | null,
    @Arg('overdue', () => Boolean, { nullable: true }) overdue: boolean | null,
    @Arg('ownerId', () => ID, { nullable: true }) ownerId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CorrectiveAction[]> {
    const scope = await authorize(ctx, 'audit:read', org.id);
    const query = ctx.services.db.dataSource.getRepository(CorrectiveAction).createQueryBuilder('c').innerJoin(Finding, 'f', 'f.id = c.finding_id').where('c.organization_id = :org', { org: scope.organizationId });
    if (scope.role === 'AUDITOR') {
      query.andWhere('EXISTS (SELECT 1 FROM audits a LEFT JOIN audit_team t ON t.audit_id = a.id WHERE a.id = f.audit_id AND (a.lead_auditor_id = :me OR t.user_id = :me))', { me: scope.userId });
    }
    if (status) query.andWhere('c.status = :status', { status });
    if (ownerId) query.andWhere('c.owner_id = :owner', { owner: ownerId });
    if (overdue) query.andWhere(`c.status <> 'VERIFIED' AND c.due_date < :today`, { today: todayUtc() });
    const actions = await query.orderBy('c.due_date', 'ASC').addOrderBy('c.id', 'ASC').limit(500).getMany();
    return [...actions.filter((a) => a.status !== 'VERIFIED'), ...actions.filter((a) => a.status === 'VERIFIED')];
  }

  @FieldResolver(() => [Evidence], {
    nullable: true,
    description: 'Evidence attached to a control (controlRef) or a record such as a risk or a task (subjectId), newest first; auditors see the evidence of their audits only.',
  })
  @Can('evidence:upload')
  async evidence(
    @Root() org: Organization,
    @Arg('controlRef', () => String, { nullable: true }) controlRef: string | null,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Evidence[]> {
    const scope = await authorize(ctx, 'evidence:upload', org.id);
    const query = ctx.services.db.dataSource.getRepository(Evidence).createQueryBuilder('e').where('e.organization_id = :org', { org: scope.organizationId });
    if (controlRef) query.andWhere(':ref = ANY(e.control_refs)', { ref: controlRef });
    if (subjectId) query.andWhere('e.subject_id = :subject', { subject: subjectId });
    const rows = await query.orderBy('e.created_at', 'DESC').limit(200).getMany();
    if (scope.role !== 'AUDITOR') return rows;
    const visible = await Promise.all(rows.map((row) => resolveNode(ctx, row.id)));
    return rows.filter((_row, i) => visible[i] !== null);
  }

  @FieldResolver(() => [EvidenceRequest], { nullable: true, description: 'Evidence requests waiting for your answer (open or returned), soonest due first.' })
  @Can('evidence:answer')
  async evidenceRequestsForViewer(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<EvidenceRequest[]> {
    const scope = await authorize(ctx, 'evidence:answer', org.id);
    return ctx.services.db.dataSource
      .getRepository(EvidenceRequest)
      .find({ where: { organizationId: scope.organizationId, ownerId: scope.userId, status: In(['OPEN', 'RETURNED']) }, order: { dueAt: 'ASC' }, take: 100 });
  }

  @FieldResolver(() => [ProgrammeCoverage], { nullable: true, description: 'The internal audit programme: which clauses and applicable controls internal audits covered in the last three years.' })
  @Can('audit:read')
  async auditProgramme(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<ProgrammeCoverage[]> {
    const scope = await authorize(ctx, 'audit:read', org.id);
    const coverage = await ctx.services.audits.programme(scope.organizationId);
    return coverage.map((c) => ({ ...c, title: findClause(c.ref)?.title ?? findControl(c.ref)?.title ?? c.ref }));
  }
}

