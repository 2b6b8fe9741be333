import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { gapItemScore, gapScore, type GapStatus } from '@annex/domain';
import { CONTROLS, type ControlTheme } from '@annex/iso27001';
import { Can, authorize } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { DateScalar } from '../../core/scalars.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Task } from '../tasks/task.entity.js';
import { ControlThemeEnum } from '../catalog/catalog.resolver.js';
import { GapItem, GapStatusEnum } from './gap-item.entity.js';
import { titleOfRef } from './gap.service.js';

@ObjectType('GapGroupScore')
export class GapGroupScore {
  @Field(() => String, { description: 'A clause number (4 … 10) or a control theme.' })
  key!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int, { nullable: true, description: '0–100; null when nothing in the group applies.' })
  score!: number | null;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  implemented!: number;
}

@ObjectType('GapAssessment', { description: 'The gap analysis against ISO/IEC 27001:2022.' })
export class GapAssessment {
  organizationId!: string;
  allItems!: GapItem[];

  @Field(() => Int, { nullable: true, description: 'Overall 0–100 over the applicable items.' })
  score!: number | null;

  @Field(() => [GapGroupScore], { description: 'Per clause 4 … 10.' })
  clauseScores!: GapGroupScore[];

  @Field(() => [GapGroupScore], { description: 'Per Annex A theme.' })
  themeScores!: GapGroupScore[];
}

@InputType('GapItemFilter')
export class GapItemFilterInput {
  @Field(() => [GapStatusEnum], { nullable: true })
  status?: GapStatus[] | null;

  @Field(() => String, { nullable: true, description: 'CLAUSE or CONTROL.' })
  kind?: string | null;

  @Field(() => ControlThemeEnum, { nullable: true })
  theme?: ControlTheme | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}

@InputType('UpdateGapItemInput')
export class UpdateGapItemInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  ref!: string;

  @Field(() => Int, { nullable: true, description: 'The version you saw; a stale one is a CONFLICT.' })
  version?: number | null;

  @Field(() => GapStatusEnum, { nullable: true })
  status?: GapStatus | null;

  @Field(() => Int, { nullable: true })
  maturity?: number | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [String], { nullable: true })
  evidenceLinks?: string[] | null;
}

@ObjectType('UpdateGapItemPayload')
export class UpdateGapItemPayload {
  @Field(() => GapItem)
  item!: GapItem;
}

@InputType('PlanGapsInput')
export class PlanGapsInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => [String])
  refs!: string[];

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => ID, { nullable: true, description: "Assign every task to this member; by default each item's owner." })
  assigneeId?: string | null;
}

@ObjectType('PlanGapsPayload')
export class PlanGapsPayload {
  @Field(() => [Task])
  tasks!: Task[];
}

const THEME_TITLES: Record<ControlTheme, string> = { ORGANIZATIONAL: 'Organizational controls (A.5)', PEOPLE: 'People controls (A.6)', PHYSICAL: 'Physical controls (A.7)', TECHNOLOGICAL: 'Technological controls (A.8)' };
const CLAUSE_TITLES: Record<string, string> = { '4': 'Context of the organization', '5': 'Leadership', '6': 'Planning', '7': 'Support', '8': 'Operation', '9': 'Performance evaluation', '10': 'Improvement' };
const themeOf = (ref: string) => CONTROLS.find((c) => c.ref === ref)?.theme ?? null;

function group(key: string, title: string, items: GapItem[]): GapGroupScore {
  return { key, title, score: gapScore(items), total: items.length, implemented: items.filter((i) => i.status === 'IMPLEMENTED').length };
}

export function assessmentOf(organizationId: string, items: GapItem[]): GapAssessment {
  const clauses = items.filter((i) => !i.ref.startsWith('A.'));
  const controls = items.filter((i) => i.ref.startsWith('A.'));
  return Object.assign(new GapAssessment(), {
    organizationId,
    allItems: items,
    score: gapScore(items),
    clauseScores: Object.entries(CLAUSE_TITLES).map(([n, title]) => group(n, `${n} ${title}`, clauses.filter((i) => i.ref.split('.')[0] === n))),
    themeScores: (Object.keys(THEME_TITLES) as ControlTheme[]).map((theme) => group(theme, THEME_TITLES[theme], controls.filter((i) => themeOf(i.ref) === theme))),
  });
}

@Resolver(() => GapAssessment)
export class GapAssessmentResolver {
  @FieldResolver(() => [GapItem])
  items(@Root() assessment: GapAssessment, @Arg('filter', () => GapItemFilterInput, { nullable: true }) filter: GapItemFilterInput | null): GapItem[] {
    return assessment.allItems.filter(
      (item) =>
        (!filter?.status?.length || filter.status.includes(item.status)) &&
        (!filter?.kind || (filter.kind === 'CONTROL') === item.ref.startsWith('A.')) &&
        (!filter?.theme || themeOf(item.ref) === filter.theme) &&
        (!filter?.ownerId || item.ownerId === filter.ownerId),
    );
  }
}

@Resolver(() => GapItem)
export class GapItemResolver {
  @FieldResolver(() => String, { description: 'CLAUSE or CONTROL.' })
  kind(@Root() item: GapItem): string {
    return item.ref.startsWith('A.') ? 'CONTROL' : 'CLAUSE';
  }

  @FieldResolver(() => String)
  title(@Root() item: GapItem): string {
    return titleOfRef(item.ref);
  }

  @FieldResolver(() => ControlThemeEnum, { nullable: true })
  theme(@Root() item: GapItem): ControlTheme | null {
    return themeOf(item.ref);
  }

  @FieldResolver(() => Int, { nullable: true, description: '0–100 towards the requirement; null when not applicable.' })
  score(@Root() item: GapItem): number | null {
    return gapItemScore(item);
  }

  @FieldResolver(() => User, { nullable: true })
  async owner(@Root() item: GapItem, @Ctx() ctx: RequestContext): Promise<User | null> {
    return item.ownerId ? ctx.loaders.userById.load(item.ownerId) : null;
  }

  @FieldResolver(() => [Task], { description: 'The tasks planned to close this gap.' })
  async tasks(@Root() item: GapItem, @Ctx() ctx: RequestContext): Promise<Task[]> {
    return ctx.loaders.tasksBySubject.load(item.id);
  }

  @Mutation(() => UpdateGapItemPayload)
  @Can('gap:update')
  async updateGapItem(@Arg('input', () => UpdateGapItemInput) input: UpdateGapItemInput, @Ctx() ctx: RequestContext): Promise<UpdateGapItemPayload> {
    const scope = await authorize(ctx, 'gap:update', input.organizationId);
    const { organizationId: _org, ...fields } = input;
    return { item: await ctx.services.gaps.update(scope, fields, actorOf(ctx)) };
  }

  @Mutation(() => PlanGapsPayload, { description: 'Turns the chosen gaps into tasks linked to their items.' })
  @Can('gap:plan')
  async planGaps(@Arg('input', () => PlanGapsInput) input: PlanGapsInput, @Ctx() ctx: RequestContext): Promise<PlanGapsPayload> {
    const scope = await authorize(ctx, 'gap:plan', input.organizationId);
    return { tasks: await ctx.services.gaps.plan(scope, input, actorOf(ctx)) };
  }
}

@Resolver(() => Organization)
export class OrganizationGapResolver {
  @FieldResolver(() => GapAssessment, { nullable: true, description: 'Null (FORBIDDEN) for roles that may not read it.' })
  @Can('gap:read')
  async gapAssessment(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<GapAssessment> {
    const scope = await authorize(ctx, 'gap:read', org.id);
    return assessmentOf(org.id, await ctx.services.gaps.items(scope));
  }
}
