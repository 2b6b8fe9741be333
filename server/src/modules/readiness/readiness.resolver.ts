import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { READINESS_AREAS, type ReadinessArea } from '@annex/domain';
import { Can, authorize } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { DateScalar, DateTimeScalar } from '../../core/scalars.js';
import { Organization } from '../organizations/organization.entity.js';
import type { ReadinessReport } from './readiness.service.js';

export const ReadinessAreaEnum = Object.fromEntries(READINESS_AREAS.map((a) => [a, a])) as { [K in ReadinessArea]: K };
registerEnumType(ReadinessAreaEnum, { name: 'ReadinessArea', description: 'An area of the readiness score.' });

@ObjectType('ReadinessBlocker', { description: 'What an auditor would stop at, with its cause and where to fix it.' })
export class ReadinessBlocker {
  @Field()
  code!: string;

  @Field()
  message!: string;

  @Field(() => ReadinessAreaEnum)
  area!: ReadinessArea;

  @Field(() => String, { nullable: true, description: 'The page that fixes it, relative to the organisation (e.g. `documents/doc_…`; the client prefixes `/o/:id/`).' })
  link!: string | null;
}

@ObjectType('ReadinessStage')
export class ReadinessStage {
  @Field()
  ready!: boolean;

  @Field(() => [ReadinessBlocker])
  blockers!: ReadinessBlocker[];
}

@ObjectType('ReadinessAreaScore')
export class ReadinessAreaScore {
  @Field(() => ReadinessAreaEnum)
  area!: ReadinessArea;

  @Field(() => Int, { description: '0–100.' })
  score!: number;

  @Field(() => Int, { description: 'Its weight in the overall score (the weights add up to 100).' })
  weight!: number;
}

@ObjectType('NonconformityBurndownPoint', { description: 'Non-conformities open at the end of a week (raised and not yet verified effective).' })
export class NonconformityBurndownPoint {
  @Field(() => DateScalar)
  weekEnding!: string;

  @Field(() => Int)
  open!: number;

  @Field(() => Int, { description: 'Of which past their corrective action’s due date.' })
  overdue!: number;
}

@ObjectType('ReadinessFacts', { description: 'The figures the score is computed from.' })
export class ReadinessFacts {
  @Field(() => Int, { nullable: true })
  gapScore!: number | null;

  @Field(() => Int)
  soaControls!: number;

  @Field(() => Int)
  soaDecided!: number;

  @Field()
  soaApproved!: boolean;

  @Field(() => Int)
  risks!: number;

  @Field(() => Int)
  risksUntreated!: number;

  @Field(() => Int)
  risksUnaccepted!: number;

  @Field(() => Int)
  mandatoryDocumentsRequired!: number;

  @Field(() => Int)
  mandatoryDocumentsMissing!: number;

  @Field(() => Float, { nullable: true, description: 'Share (0–1) of policy acknowledgements done; null when no policy is published.' })
  acknowledgementCoverage!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share (0–1) of training assignments completed and current; null when nothing is assigned.' })
  trainingCoverage!: number | null;

  @Field(() => Int)
  trainingOverdue!: number;

  @Field(() => DateScalar, { nullable: true })
  lastInternalAuditOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  lastManagementReviewOn!: string | null;

  @Field(() => Int)
  openMajorNonconformities!: number;

  @Field(() => Int)
  openMinorNonconformities!: number;

  @Field(() => Int)
  overdueCorrectiveActions!: number;

  @Field(() => Int)
  consistencyErrors!: number;
}

@ObjectType('Readiness', { description: 'Where the organisation stands for stage 1 and stage 2, computed from its data by the rules of @annex/domain.' })
export class ReadinessType {
  @Field(() => Int, { description: '0–100: the weighted mean of the areas’ scores.' })
  score!: number;

  @Field(() => ReadinessStage)
  stage1!: ReadinessStage;

  @Field(() => ReadinessStage, { description: 'Stage 2 needs everything stage 1 needs, and more.' })
  stage2!: ReadinessStage;

  @Field(() => [ReadinessAreaScore])
  breakdown!: ReadinessAreaScore[];

  @Field(() => [NonconformityBurndownPoint], { description: 'The last twelve weeks.' })
  nonconformityBurndown!: NonconformityBurndownPoint[];

  @Field(() => ReadinessFacts)
  facts!: ReadinessFacts;

  @Field(() => DateTimeScalar)
  computedAt!: Date;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function toReadinessType(report: ReadinessReport): ReadinessType {
  const f = report.facts;
  return {
    score: report.score,
    stage1: report.stage1,
    stage2: report.stage2,
    breakdown: report.breakdown,
    nonconformityBurndown: report.nonconformityBurndown,
    computedAt: report.computedAt,
    facts: {
      gapScore: f.gapScore,
      soaControls: f.soa.controls,
      soaDecided: f.soa.decided,
      soaApproved: f.soa.approved,
      risks: f.risks.total,
      risksUntreated: f.risks.untreated,
      risksUnaccepted: f.risks.unaccepted,
      mandatoryDocumentsRequired: f.mandatoryDocuments.required,
      mandatoryDocumentsMissing: f.mandatoryDocuments.missing.length,
      acknowledgementCoverage: ratio(f.acknowledgements.done, f.acknowledgements.required),
      trainingCoverage: ratio(f.training.current, f.training.assigned),
      trainingOverdue: f.training.overdue,
      lastInternalAuditOn: f.lastInternalAuditOn,
      lastManagementReviewOn: f.lastManagementReviewOn,
      openMajorNonconformities: f.nonconformities.openMajor,
      openMinorNonconformities: f.nonconformities.openMinor,
      overdueCorrectiveActions: f.nonconformities.overdueCorrectiveActions,
      consistencyErrors: f.consistencyErrors.length,
    },
  };
}

@Resolver(() => Organization)
export class OrganizationReadinessResolver {
  @FieldResolver(() => ReadinessType, { nullable: true, description: 'Null (FORBIDDEN) for roles that may not read it (employees).' })
  @Can('readiness:read')
  async readiness(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<ReadinessType> {
    const scope = await authorize(ctx, 'readiness:read', org.id);
    return toReadinessType(await ctx.services.readiness.readiness(scope.organizationId));
  }
}
