import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { findControl } from '@annex/iso27001';
import { Can, authorize, roleIn } from '../../core/authorization.js';
import { roleCan } from '@annex/domain';
import { Document } from '../documents/document.entity.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { ApprovalRequest } from '../approvals/approval.entity.js';
import { CatalogControl } from '../catalog/catalog.resolver.js';
import { Risk } from '../risks/risk.entity.js';
import { SoaEntry, SoaImplementationStatusEnum, SoaVersion, type SoaImplementationStatus, type SoaSnapshotEntry } from './soa.entity.js';
import { compareSoa, soaContentHash } from './soa.service.js';

@ObjectType('StatementOfApplicability')
export class StatementOfApplicability {
  organizationId!: string;
  allEntries!: SoaEntry[];
  suggested!: Set<string>;
  latest!: SoaVersion | null;

  @Field(() => Int, { description: 'The number of the latest issued version (0 before the first).' })
  version!: number;

  @Field(() => Boolean, { description: 'The entries differ from the latest issued version.' })
  changedSinceIssued!: boolean;

  @Field(() => Int)
  applicableCount!: number;

  @Field(() => Int)
  excludedCount!: number;

  @Field(() => Int, { description: 'Entries still undecided or without justification.' })
  incompleteCount!: number;
}

@ObjectType('SoaVersionEntry', { description: 'An entry as issued in a version.' })
export class SoaVersionEntry {
  @Field(() => String)
  controlRef!: string;

  @Field(() => Boolean, { nullable: true })
  applicable!: boolean | null;

  @Field(() => String)
  justification!: string;

  @Field(() => SoaImplementationStatusEnum)
  implementationStatus!: SoaImplementationStatus;
}

@ObjectType('SoaChange')
export class SoaChangeType {
  @Field(() => String)
  controlRef!: string;

  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;
}

@InputType('UpdateSoaEntryInput')
export class UpdateSoaEntryInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  controlRef!: string;

  @Field(() => Int, { nullable: true })
  version?: number | null;

  @Field(() => Boolean, { nullable: true })
  applicable?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Required whether the control applies or not.' })
  justification?: string | null;

  @Field(() => SoaImplementationStatusEnum, { nullable: true })
  implementationStatus?: SoaImplementationStatus | null;
}

@ObjectType('UpdateSoaEntryPayload')
export class UpdateSoaEntryPayload {
  @Field(() => SoaEntry)
  entry!: SoaEntry;
}

@InputType('IssueSoaVersionInput')
export class IssueSoaVersionInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType('IssueSoaVersionPayload')
export class IssueSoaVersionPayload {
  @Field(() => SoaVersion)
  soaVersion!: SoaVersion;
}

@Resolver(() => StatementOfApplicability)
export class StatementOfApplicabilityResolver {
  @FieldResolver(() => [SoaEntry])
  entries(@Root() soa: StatementOfApplicability, @Arg('applicable', () => Boolean, { nullable: true }) applicable: boolean | null): SoaEntry[] {
    return applicable === null || applicable === undefined ? soa.allEntries : soa.allEntries.filter((e) => e.applicable === applicable);
  }

  @FieldResolver(() => SoaVersion, { nullable: true })
  latestVersion(@Root() soa: StatementOfApplicability): SoaVersion | null {
    return soa.latest;
  }
}

@Resolver(() => SoaEntry)
export class SoaEntryResolver {
  @FieldResolver(() => CatalogControl)
  control(@Root() entry: SoaEntry): CatalogControl {
    return findControl(entry.controlRef) as unknown as CatalogControl;
  }

  @FieldResolver(() => Boolean, { description: 'Suggested applicable: a risk treatment links this control.' })
  async suggestedApplicable(@Root() entry: SoaEntry, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await ctx.loaders.treatedControlRefsByOrganization.load(entry.organizationId)).includes(entry.controlRef);
  }

  @FieldResolver(() => [Risk], { description: 'The highest-scored risks (up to 10) whose treatment uses this control; see riskCount for all.' })
  async risks(@Root() entry: SoaEntry, @Ctx() ctx: RequestContext): Promise<Risk[]> {
    return ctx.loaders.topRisksByControl.load(`${entry.organizationId}:${entry.controlRef}`);
  }

  @FieldResolver(() => [Document], { description: 'The documents addressing this control (published ones only, for those who read published versions only).' })
  async documents(@Root() entry: SoaEntry, @Ctx() ctx: RequestContext): Promise<Document[]> {
    const docs = await ctx.loaders.documentsByControl.load(`${entry.organizationId}:${entry.controlRef}`);
    if (roleCan(await roleIn(ctx, entry.organizationId), 'document:readDrafts')) return docs;
    return docs.filter((d) => d.currentVersionId !== null);
  }

  @FieldResolver(() => Int, { description: 'How many risks’ treatments use this control.' })
  async riskCount(@Root() entry: SoaEntry, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.riskCountByControl.load(`${entry.organizationId}:${entry.controlRef}`);
  }

  @FieldResolver(() => User, { nullable: true })
  async updatedBy(@Root() entry: SoaEntry, @Ctx() ctx: RequestContext): Promise<User | null> {
    return entry.updatedById ? ctx.loaders.userById.load(entry.updatedById) : null;
  }

  @Mutation(() => UpdateSoaEntryPayload)
  @Can('soa:update')
  async updateSoaEntry(@Arg('input', () => UpdateSoaEntryInput) input: UpdateSoaEntryInput, @Ctx() ctx: RequestContext): Promise<UpdateSoaEntryPayload> {
    const scope = await authorize(ctx, 'soa:update', input.organizationId);
    const { organizationId: _org, ...fields } = input;
    return { entry: await ctx.services.soa.update(scope, fields, actorOf(ctx)) };
  }

  @Mutation(() => IssueSoaVersionPayload, { description: 'Snapshots the SoA as its next version, to be approved by management.' })
  @Can('soa:issue')
  async issueSoaVersion(@Arg('input', () => IssueSoaVersionInput) input: IssueSoaVersionInput, @Ctx() ctx: RequestContext): Promise<IssueSoaVersionPayload> {
    const scope = await authorize(ctx, 'soa:issue', input.organizationId);
    return { soaVersion: await ctx.services.soa.issue(scope, input.note, actorOf(ctx)) };
  }
}

@Resolver(() => SoaVersion)
export class SoaVersionResolver {
  @FieldResolver(() => [SoaVersionEntry])
  entries(@Root() version: SoaVersion): SoaSnapshotEntry[] {
    return version.entries;
  }

  @FieldResolver(() => User)
  async issuedBy(@Root() version: SoaVersion, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(version.issuedById))!;
  }

  @FieldResolver(() => [ApprovalRequest])
  async approvalRequests(@Root() version: SoaVersion, @Ctx() ctx: RequestContext): Promise<ApprovalRequest[]> {
    return ctx.loaders.approvalRequestsBySubject.load(version.id);
  }

  @FieldResolver(() => ApprovalRequest, { nullable: true, description: 'The approval that signed this version, if any.' })
  async approval(@Root() version: SoaVersion, @Ctx() ctx: RequestContext): Promise<ApprovalRequest | null> {
    return (await ctx.loaders.approvalRequestsBySubject.load(version.id)).find((r) => r.status === 'APPROVED' && r.subjectHash === version.contentHash) ?? null;
  }
}

@Resolver(() => Organization)
export class OrganizationSoaResolver {
  @FieldResolver(() => StatementOfApplicability, { nullable: true, description: 'Null (FORBIDDEN) for roles that may not read it.' })
  @Can('soa:read')
  async statementOfApplicability(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<StatementOfApplicability> {
    const scope = await authorize(ctx, 'soa:read', org.id);
    const [entries, versions] = await Promise.all([ctx.services.soa.entries(scope), ctx.services.soa.versions(scope)]);
    const latest = versions[0] ?? null;
    const snapshot = entries.map(({ controlRef, applicable, justification, implementationStatus }) => ({ controlRef, applicable, justification, implementationStatus }));
    return Object.assign(new StatementOfApplicability(), {
      organizationId: org.id,
      allEntries: entries,
      latest,
      version: latest?.number ?? 0,
      changedSinceIssued: latest ? latest.contentHash !== soaContentHash(snapshot) : true,
      applicableCount: entries.filter((e) => e.applicable === true).length,
      excludedCount: entries.filter((e) => e.applicable === false).length,
      incompleteCount: entries.filter((e) => e.applicable === null || !e.justification).length,
    });
  }

  @FieldResolver(() => [SoaVersion], { nullable: true, description: 'Issued versions, newest first.' })
  @Can('soa:read')
  async soaVersions(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<SoaVersion[]> {
    return ctx.services.soa.versions(await authorize(ctx, 'soa:read', org.id));
  }

  @FieldResolver(() => [SoaChangeType], { nullable: true, description: 'What changed between two versions (to: null = the current draft).' })
  @Can('soa:read')
  async compareSoaVersions(
    @Root() org: Organization,
    @Arg('from', () => Int) from: number,
    @Arg('to', () => Int, { nullable: true }) to: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SoaChangeType[]> {
    const scope = await authorize(ctx, 'soa:read', org.id);
    return compareSoa(await ctx.services.soa.snapshot(scope, from), await ctx.services.soa.snapshot(scope, to ?? null));
  }
}

