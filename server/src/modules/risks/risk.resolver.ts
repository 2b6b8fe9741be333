import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { needsOwnerAcceptance, riskLevel, roleCan, type RiskLevel, type RiskTreatment } from '@annex/domain';
import { findControl } from '@annex/iso27001';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { providedFields } from '../../core/validation.js';
import { ConnectionType, PageArgs, pageSize, type Connection } from '../../core/pagination.js';
import { DateScalar } from '../../core/scalars.js';
import { authorizeRecord } from '../../app/nodes.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Asset } from '../assets/asset.entity.js';
import { Task } from '../tasks/task.entity.js';
import { ApprovalRequest } from '../approvals/approval.entity.js';
import { CatalogControl } from '../catalog/catalog.resolver.js';
import { Risk, RiskLevelEnum, RiskTreatmentEnum } from './risk.entity.js';
import { riskApprovableHash, type RiskOrderField } from './risk.service.js';

export const RiskConnection = ConnectionType(Risk, 'Risk');

const RiskOrderFieldEnum = { INHERENT_SCORE: 'INHERENT_SCORE', RESIDUAL_SCORE: 'RESIDUAL_SCORE', TITLE: 'TITLE', REVIEW_DATE: 'REVIEW_DATE', CREATED_AT: 'CREATED_AT' } as const;
registerEnumType(RiskOrderFieldEnum, { name: 'RiskOrderField' });
const OrderDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(OrderDirectionEnum, { name: 'OrderDirection' });

@InputType('RiskOrder')
export class RiskOrderInput {
  @Field(() => RiskOrderFieldEnum)
  field!: RiskOrderField;

  @Field(() => OrderDirectionEnum, { nullable: true })
  direction?: 'ASC' | 'DESC' | null;
}

@InputType('RiskFilter')
export class RiskFilterInput {
  @Field(() => [RiskLevelEnum], { nullable: true, description: 'Inherent level.' })
  level?: RiskLevel[] | null;

  @Field(() => [RiskTreatmentEnum], { nullable: true })
  treatment?: RiskTreatment[] | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  assetId?: string | null;

  @Field(() => String, { nullable: true })
  controlRef?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Residual (or inherent) score above the acceptance threshold.' })
  aboveThreshold?: boolean | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}

@InputType('CreateRiskInput')
export class CreateRiskInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { nullable: true })
  assetIds?: string[] | null;

  @Field(() => String, { nullable: true })
  threat?: string | null;

  @Field(() => String, { nullable: true })
  vulnerability?: string | null;

  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;

  @Field(() => RiskTreatmentEnum, { nullable: true })
  treatment?: RiskTreatment | null;

  @Field(() => [String], { nullable: true, description: 'Annex A controls of the treatment (A.5.1 …).' })
  controlRefs?: string[] | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => Int, { nullable: true })
  residualLikelihood?: number | null;

  @Field(() => Int, { nullable: true })
  residualImpact?: number | null;

  @Field(() => DateScalar, { nullable: true })
  reviewDate?: string | null;
}

@InputType('UpdateRiskInput')
export class UpdateRiskInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { nullable: true })
  assetIds?: string[] | null;

  @Field(() => String, { nullable: true })
  threat?: string | null;

  @Field(() => String, { nullable: true })
  vulnerability?: string | null;

  @Field(() => Int, { nullable: true })
  likelihood?: number | null;

  @Field(() => Int, { nullable: true })
  impact?: number | null;

  @Field(() => RiskTreatmentEnum, { nullable: true })
  treatment?: RiskTreatment | null;

  @Field(() => [String], { nullable: true })
  controlRefs?: string[] | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => Int, { nullable: true })
  residualLikelihood?: number | null;

  @Field(() => Int, { nullable: true })
  residualImpact?: number | null;

  @Field(() => DateScalar, { nullable: true })
  reviewDate?: string | null;
}

@InputType('DeleteRiskInput')
export class DeleteRiskInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType('CreateRiskPayload')
export class CreateRiskPayload {
  @Field(() => Risk)
  risk!: Risk;
}

@ObjectType('UpdateRiskPayload')
export class UpdateRiskPayload {
  @Field(() => Risk)
  risk!: Risk;
}

@ObjectType('DeleteRiskPayload')
export class DeleteRiskPayload {
  @Field(() => ID)
  deletedRiskId!: string;
}

@ObjectType('RiskMatrix', { description: 'Likelihood × impact, with labels, and the acceptance threshold.' })
export class RiskMatrixType {
  @Field(() => [String])
  likelihoodLabels!: readonly string[];

  @Field(() => [String])
  impactLabels!: readonly string[];

  @Field(() => Int, { description: 'Scores above this need treatment, or the owner’s acceptance.' })
  acceptanceThreshold!: number;

  @Field(() => Int)
  version!: number;
}

@InputType('UpdateRiskMatrixInput')
export class UpdateRiskMatrixInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => [String])
  likelihoodLabels!: string[];

  @Field(() => [String])
  impactLabels!: string[];

  @Field(() => Int)
  acceptanceThreshold!: number;

  @Field(() => Int, { nullable: true })
  version?: number | null;
}

@ObjectType('UpdateRiskMatrixPayload')
export class UpdateRiskMatrixPayload {
  @Field(() => RiskMatrixType)
  riskMatrix!: RiskMatrixType;
}

@ObjectType('RiskHeatMapCell')
export class RiskHeatMapCell {
  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;

  @Field(() => Int)
  count!: number;
}

@Resolver(() => Risk)
export class RiskResolver {
  @Mutation(() => CreateRiskPayload)
  @Can('risk:create')
  async createRisk(@Arg('input', () => CreateRiskInput) input: CreateRiskInput, @Ctx() ctx: RequestContext): Promise<CreateRiskPayload> {
    const scope = await authorize(ctx, 'risk:create', input.organizationId);
    return { risk: await ctx.services.risks.create(scope, providedFields(input), actorOf(ctx)) };
  }

  @Mutation(() => UpdateRiskPayload)
  @Can('risk:update')
  async updateRisk(@Arg('input', () => UpdateRiskInput) input: UpdateRiskInput, @Ctx() ctx: RequestContext): Promise<UpdateRiskPayload> {
    const { scope } = await authorizeRecord<Risk>(ctx, 'Risk', input.id, 'risk:update', 'Risk');
    const { id, version, ...fields } = input;
    return { risk: await ctx.services.risks.update(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => DeleteRiskPayload)
  @Can('risk:delete')
  async deleteRisk(@Arg('input', () => DeleteRiskInput) input: DeleteRiskInput, @Ctx() ctx: RequestContext): Promise<DeleteRiskPayload> {
    const { record: risk, scope } = await authorizeRecord<Risk>(ctx, 'Risk', input.id, 'risk:delete', 'Risk');
    return { deletedRiskId: await ctx.services.risks.delete(scope, risk.id, actorOf(ctx)) };
  }

  @Mutation(() => UpdateRiskMatrixPayload, { description: 'Re-scores every risk in the same transaction.' })
  @Can('riskMatrix:update')
  async updateRiskMatrix(@Arg('input', () => UpdateRiskMatrixInput) input: UpdateRiskMatrixInput, @Ctx() ctx: RequestContext): Promise<UpdateRiskMatrixPayload> {
    const scope = await authorize(ctx, 'riskMatrix:update', input.organizationId);
    return { riskMatrix: await ctx.services.risks.updateMatrix(scope, input, actorOf(ctx)) };
  }

  @FieldResolver(() => RiskLevelEnum)
  async level(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<RiskLevel> {
    return riskLevel(risk.inherentScore, await ctx.loaders.riskMatrixByOrganization.load(risk.organizationId));
  }

  @FieldResolver(() => RiskLevelEnum, { nullable: true })
  async residualLevel(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<RiskLevel | null> {
    return risk.residualScore === null ? null : riskLevel(risk.residualScore, await ctx.loaders.riskMatrixByOrganization.load(risk.organizationId));
  }

  @FieldResolver(() => Boolean, { description: 'Residual (or inherent) score above the acceptance threshold.' })
  async aboveThreshold(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<boolean> {
    const matrix = await ctx.loaders.riskMatrixByOrganization.load(risk.organizationId);
    return (risk.residualScore ?? risk.inherentScore) > matrix.acceptanceThreshold;
  }

  @FieldResolver(() => Boolean, { description: 'Clause 6.1.3 f: the residual risk needs its owner’s approval (above threshold, or treatment ACCEPT).' })
  async needsAcceptance(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<boolean> {
    return needsOwnerAcceptance(risk, await ctx.loaders.riskMatrixByOrganization.load(risk.organizationId));
  }

  @FieldResolver(() => ApprovalRequest, { nullable: true, description: 'The owner’s approval covering the current scores, if any.' })
  async acceptance(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<ApprovalRequest | null> {
    const requests = await ctx.loaders.approvalRequestsBySubject.load(risk.id);
    const refs = await ctx.loaders.controlRefsByRisk.load(risk.id);
    const hash = riskApprovableHash(risk, refs);
    return requests.find((r) => r.status === 'APPROVED' && r.subjectHash === hash) ?? null;
  }

  @FieldResolver(() => [ApprovalRequest])
  async approvalRequests(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<ApprovalRequest[]> {
    return ctx.loaders.approvalRequestsBySubject.load(risk.id);
  }

  @FieldResolver(() => [CatalogControl], { description: 'The Annex A controls of the treatment.' })
  async controls(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<CatalogControl[]> {
    return (await ctx.loaders.controlRefsByRisk.load(risk.id)).map((ref) => findControl(ref) as unknown as CatalogControl).filter(Boolean);
  }

  @FieldResolver(() => [Asset])
  async assets(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<Asset[]> {
    return ctx.loaders.assetsByRisk.load(risk.id);
  }

  @FieldResolver(() => [Task], { description: 'Treatment tasks (tasks whose subject is this risk).' })
  async tasks(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<Task[]> {
    return ctx.loaders.tasksBySubject.load(risk.id);
  }

  @FieldResolver(() => User, { nullable: true })
  async owner(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<User | null> {
    return risk.ownerId ? ctx.loaders.userById.load(risk.ownerId) : null;
  }

  @FieldResolver(() => Boolean)
  async viewerCanEdit(@Root() risk: Risk, @Ctx() ctx: RequestContext): Promise<boolean> {
    const role = await roleIn(ctx, risk.organizationId);
    if (!role || !ctx.viewer) return false;
    return roleCan(role, 'risk:updateAny') || (roleCan(role, 'risk:update') && risk.ownerId === ctx.viewer.user.id);
  }
}

@Resolver(() => Organization)
export class OrganizationRisksResolver {
  @FieldResolver(() => RiskConnection, { nullable: true, description: 'Highest inherent score first by default. Null (FORBIDDEN) for roles that may not read risks.' })
  @Can('risk:read')
  async risks(
    @Root() org: Organization,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => RiskFilterInput, { nullable: true }) filter: RiskFilterInput | null,
    @Arg('orderBy', () => RiskOrderInput, { nullable: true }) orderBy: RiskOrderInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<Risk>> {
    const scope = await authorize(ctx, 'risk:read', org.id);
    return ctx.services.risks.list(scope, filter ?? {}, orderBy ? { field: orderBy.field, direction: orderBy.direction ?? 'DESC' } : null, pageSize(page.first), page.after);
  }

  @FieldResolver(() => RiskMatrixType, { nullable: true })
  @Can('risk:read')
  async riskMatrix(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<RiskMatrixType> {
    await authorize(ctx, 'risk:read', org.id);
    return ctx.services.risks.matrix(org.id);
  }

  @FieldResolver(() => [RiskHeatMapCell], { nullable: true, description: 'Risks per matrix cell: inherent, or residual (treated where assessed).' })
  @Can('risk:read')
  async riskHeatMap(@Root() org: Organization, @Arg('residual', () => Boolean, { nullable: true }) residual: boolean | null, @Ctx() ctx: RequestContext): Promise<RiskHeatMapCell[]> {
    const scope = await authorize(ctx, 'risk:read', org.id);
    return ctx.services.risks.heatMap(scope, residual ?? false);
  }
}
