import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { inAudience, isReviewDueSoon, isReviewOverdue, roleCan, todayUtc, type Classification, type DocumentKind, type DocumentStatus, type Role } from '@annex/domain';
import { findControl } from '@annex/iso27001';
import { Can, authorize, roleIn, tryAuthorize } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { DateScalar, DateTimeScalar } from '../../core/scalars.js';
import { In } from 'typeorm';
import { Risk } from '../risks/risk.entity.js';
import { SoaEntry } from '../soa/soa.entity.js';
import { PageArgs, pageSize, ConnectionType, type Connection } from '../../core/pagination.js';
import { providedFields } from '../../core/validation.js';
import { authorizeRecord, resolveNode, visibleNode } from '../../app/nodes.js';
import type { Node } from '../../core/node.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { RoleEnum } from '../organizations/role.enum.js';
import { ApprovalRequest } from '../approvals/approval.entity.js';
import { Task } from '../tasks/task.entity.js';
import { CatalogControl } from '../catalog/catalog.resolver.js';
import {
  ClassificationEnum,
  ConsistencyIssueType,
  Document,
  DocumentAcknowledgement,
  DocumentAcknowledgementStatus,
  DocumentDiff,
  DocumentDraft,
  DocumentFormatEnum,
  DocumentKindEnum,
  DocumentStatusEnum,
  DocumentVersion,
  DocumentVersionStatusEnum,
  MandatoryDocumentStatus,
  StoredFile,
  type DocumentFormat,
  type DocumentVersionStatus,
} from './document.entity.js';
import { DocumentService, acknowledgementStatusOf, type VersionWithStatus } from './document.service.js';
import { diffText } from './content.js';

export const DocumentConnection = ConnectionType(Document, 'Document');

@InputType('DocumentFilter')
export class DocumentFilterInput {
  @Field(() => DocumentKindEnum, { nullable: true })
  kind?: DocumentKind | null;

  @Field(() => DocumentStatusEnum, { nullable: true })
  status?: DocumentStatus | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the title or the draft text.' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true })
  reviewOverdue?: boolean | null;

  @Field(() => String, { nullable: true })
  controlRef?: string | null;

  @Field(() => String, { nullable: true })
  mandatoryRef?: string | null;
}

@InputType('CreateDocumentInput')
export class CreateDocumentInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => DocumentKindEnum)
  kind!: DocumentKind;

  @Field(() => ID, { nullable: true, description: 'Defaults to the creator.' })
  ownerId?: string | null;

  @Field(() => ClassificationEnum, { nullable: true, description: 'Defaults to INTERNAL.' })
  classification?: Classification | null;

  @Field(() => [String], { nullable: true })
  clauseRefs?: string[] | null;

  @Field(() => [String], { nullable: true })
  controlRefs?: string[] | null;

  @Field(() => [String], { nullable: true })
  mandatoryRefs?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Months between reviews (1–60, default 12).' })
  reviewIntervalMonths?: number | null;

  @Field(() => [RoleEnum], { nullable: true, description: 'Who must acknowledge it; empty or omitted means everyone.' })
  audienceRoles?: Role[] | null;

  @Field(() => DocumentFormatEnum, { nullable: true, description: 'RICH_TEXT (default) or FILE (content uploaded to POST /documents/:id/file).' })
  format?: DocumentFormat | null;

  @Field(() => String, { nullable: true, description: 'Initial content as HTML (rich-text documents).' })
  content?: string | null;
}

@InputType('UpdateDocumentInput')
export class UpdateDocumentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => DocumentKindEnum, { nullable: true })
  kind?: DocumentKind | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => ClassificationEnum, { nullable: true })
  classification?: Classification | null;

  @Field(() => [String], { nullable: true })
  clauseRefs?: string[] | null;

  @Field(() => [String], { nullable: true })
  controlRefs?: string[] | null;

  @Field(() => [String], { nullable: true })
  mandatoryRefs?: string[] | null;

  @Field(() => Int, { nullable: true })
  reviewIntervalMonths?: number | null;

  @Field(() => [RoleEnum], { nullable: true })
  audienceRoles?: Role[] | null;
}

@InputType('UpdateDocumentDraftInput')
export class UpdateDocumentDraftInput {
  @Field(() => ID)
  documentId!: string;

  @Field(() => String, { description: 'The whole new content, as HTML.' })
  content!: string;

  @Field(() => Int, { description: 'The draft version the change is based on; a stale one is a CONFLICT.' })
  baseVersion!: number;
}

@InputType('SubmitDocumentForApprovalInput')
export class SubmitDocumentForApprovalInput {
  @Field(() => ID)
  documentId!: string;

  @Field(() => [ID])
  approverIds!: string[];

  @Field(() => String)
  changeSummary!: string;

  @Field(() => Boolean, { description: 'A major version (2.0) asks everyone to acknowledge again; a minor one (1.1) does not.' })
  major!: boolean;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;
}

@InputType('PublishDocumentVersionInput')
export class PublishDocumentVersionInput {
  @Field(() => ID)
  documentVersionId!: string;
}

@InputType('AcknowledgeDocumentInput')
export class AcknowledgeDocumentInput {
  @Field(() => ID)
  documentVersionId!: string;
}

@InputType('MarkDocumentReviewedInput')
export class MarkDocumentReviewedInput {
  @Field(() => ID)
  documentId!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType('CreateDocumentPayload')
export class CreateDocumentPayload {
  @Field(() => Document)
  document!: Document;
}
@ObjectType('UpdateDocumentPayload')
export class UpdateDocumentPayload {
  @Field(() => Document)
  document!: Document;
}
@ObjectType('UpdateDocumentDraftPayload')
export class UpdateDocumentDraftPayload {
  @Field(() => Document)
  document!: Document;
}
@ObjectType('SubmitDocumentForApprovalPayload')
export class SubmitDocumentForApprovalPayload {
  @Field(() => DocumentVersion)
  version!: DocumentVersion;

  @Field(() => ApprovalRequest)
  approvalRequest!: ApprovalRequest;
}
@ObjectType('PublishDocumentVersionPayload')
export class PublishDocumentVersionPayload {
  @Field(() => Document)
  document!: Document;
}
@ObjectType('AcknowledgeDocumentPayload')
export class AcknowledgeDocumentPayload {
  @Field(() => DocumentAcknowledgement)
  acknowledgement!: DocumentAcknowledgement;
}
@ObjectType('MarkDocumentReviewedPayload')
export class MarkDocumentReviewedPayload {
  @Field(() => Document)
  document!: Document;
}

async function canReadDrafts(ctx: RequestContext, organizationId: string): Promise<boolean> {
  return roleCan(await roleIn(ctx, organizationId), 'document:readDrafts');
}

/** The versions the caller may see: every one for the team, published ones for the rest. */
async function visibleVersions(ctx: RequestContext, doc: Document): Promise<VersionWithStatus[]> {
  const versions = await ctx.loaders.versionsByDocument.load(doc.id);
  if (await canReadDrafts(ctx, doc.organizationId)) return versions;
  return versions.filter((v) => v.status === 'PUBLISHED' || v.status === 'SUPERSEDED');
}

@Resolver(() => Document)
export class DocumentResolver {
  @Mutation(() => CreateDocumentPayload)
  @Can('document:create')
  async createDocument(@Arg('input', () => CreateDocumentInput) input: CreateDocumentInput, @Ctx() ctx: RequestContext): Promise<CreateDocumentPayload> {
    const scope = await authorize(ctx, 'document:create', input.organizationId);
    return { document: await ctx.services.documents.create(scope, providedFields(input), actorOf(ctx)) };
  }

  @Mutation(() => UpdateDocumentPayload, { description: 'Changes the details (not the content); `version` is the details version you saw.' })
  @Can('document:update')
  async updateDocument(@Arg('input', () => UpdateDocumentInput) input: UpdateDocumentInput, @Ctx() ctx: RequestContext): Promise<UpdateDocumentPayload> {
    const { scope } = await authorizeRecord<Document>(ctx, 'Document', input.id, 'document:update', 'Document');
    const { id, version, ...fields } = input;
    return { document: await ctx.services.documents.update(scope, id, version, providedFields(fields), actorOf(ctx)) };
  }

  @Mutation(() => UpdateDocumentDraftPayload, { description: 'Replaces the draft (for clients that do not co-edit live); live editors see the change at once.' })
  @Can('document:update')
  async updateDocumentDraft(@Arg('input', () => UpdateDocumentDraftInput) input: UpdateDocumentDraftInput, @Ctx() ctx: RequestContext): Promise<UpdateDocumentDraftPayload> {
    const { scope } = await authorizeRecord<Document>(ctx, 'Document', input.documentId, 'document:update', 'Document');
    return { document: await ctx.services.documents.updateDraft(scope, input.documentId, input.content, input.baseVersion, actorOf(ctx)) };
  }

  @Mutation(() => SubmitDocumentForApprovalPayload, { description: 'Freezes the draft into a hashed version and asks the approvers to sign it.' })
  @Can('document:submit')
  async submitDocumentForApproval(
    @Arg('input', () => SubmitDocumentForApprovalInput) input: SubmitDocumentForApprovalInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SubmitDocumentForApprovalPayload> {
    const { scope } = await authorizeRecord<Document>(ctx, 'Document', input.documentId, 'document:submit', 'Document');
    return ctx.services.documents.submit(scope, input, actorOf(ctx));
  }

  @Mutation(() => PublishDocumentVersionPayload, { description: 'Makes an approved version the current one; the previous one is superseded.' })
  @Can('document:publish')
  async publishDocumentVersion(@Arg('input', () => PublishDocumentVersionInput) input: PublishDocumentVersionInput, @Ctx() ctx: RequestContext): Promise<PublishDocumentVersionPayload> {
    const { scope } = await authorizeRecord<DocumentVersion>(ctx, 'DocumentVersion', input.documentVersionId, 'document:publish', 'Document version');
    return { document: await ctx.services.documents.publish(scope, input.documentVersionId, actorOf(ctx)) };
  }

  @Mutation(() => AcknowledgeDocumentPayload, { description: 'Confirms you read the current published version (idempotent).' })
  @Can('document:acknowledge')
  async acknowledgeDocument(@Arg('input', () => AcknowledgeDocumentInput) input: AcknowledgeDocumentInput, @Ctx() ctx: RequestContext): Promise<AcknowledgeDocumentPayload> {
    const { scope } = await authorizeRecord<DocumentVersion>(ctx, 'DocumentVersion', input.documentVersionId, 'document:acknowledge', 'Document version');
    return { acknowledgement: await ctx.services.documents.acknowledge(scope, input.documentVersionId, actorOf(ctx)) };
  }

  @Mutation(() => MarkDocumentReviewedPayload, { description: 'Records a periodic review that found no change needed; the next review date moves on.' })
  @Can('document:update')
  async markDocumentReviewed(@Arg('input', () => MarkDocumentReviewedInput) input: MarkDocumentReviewedInput, @Ctx() ctx: RequestContext): Promise<MarkDocumentReviewedPayload> {
    const { scope } = await authorizeRecord<Document>(ctx, 'Document', input.documentId, 'document:update', 'Document');
    return { document: await ctx.services.documents.markReviewed(scope, input.documentId, input.note, actorOf(ctx)) };
  }

  @FieldResolver(() => User, { nullable: true })
  async owner(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<User | null> {
    return doc.ownerId ? ctx.loaders.userById.load(doc.ownerId) : null;
  }

  @FieldResolver(() => DocumentStatusEnum)
  async status(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentStatus> {
    // Those who read published versions only are not told that a new version is in the works.
    if (doc.currentVersionId && !(await canReadDrafts(ctx, doc.organizationId))) return 'PUBLISHED';
    return DocumentService.statusOf(await ctx.loaders.versionsByDocument.load(doc.id));
  }

  @FieldResolver(() => DocumentDraft, { nullable: true, description: 'Null for those who read published versions only.' })
  async draft(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentDraft | null> {
    if (!(await canReadDrafts(ctx, doc.organizationId))) return null;
    const versions = await ctx.loaders.versionsByDocument.load(doc.id);
    const current = versions.find((v) => v.id === doc.currentVersionId);
    // Lists load documents without the draft's body.
    const body = doc.draftContent === undefined ? await ctx.loaders.documentDraftById.load(doc.id) : { content: doc.draftContent, text: doc.draftText };
    return {
      content: body?.content ?? '',
      text: body?.text ?? '',
      version: doc.draftVersion,
      contentHash: doc.draftHash,
      updatedAt: doc.draftUpdatedAt,
      updatedBy: doc.draftUpdatedById ? await ctx.loaders.userById.load(doc.draftUpdatedById) : null,
      file: doc.draftFileId ? await ctx.loaders.fileById.load(doc.draftFileId) : null,
      changedSinceCurrentVersion: !current || current.contentHash !== doc.draftHash,
    };
  }

  @FieldResolver(() => DocumentVersion, { nullable: true, description: 'The published version in force.' })
  async currentVersion(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentVersion | null> {
    if (!doc.currentVersionId) return null;
    return (await ctx.loaders.versionsByDocument.load(doc.id)).find((v) => v.id === doc.currentVersionId) ?? null;
  }

  @FieldResolver(() => DocumentVersion, { nullable: true, description: 'The version awaiting approval or publication, if any.' })
  async pendingVersion(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentVersion | null> {
    if (!(await canReadDrafts(ctx, doc.organizationId))) return null;
    return (await ctx.loaders.versionsByDocument.load(doc.id)).find((v) => v.status === 'PENDING_APPROVAL' || v.status === 'APPROVED') ?? null;
  }

  @FieldResolver(() => [DocumentVersion], { description: 'Newest first. Those who read published versions only see those.' })
  async versions(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentVersion[]> {
    return visibleVersions(ctx, doc);
  }

  @FieldResolver(() => Boolean)
  reviewOverdue(@Root() doc: Document): boolean {
    return doc.currentVersionId !== null && isReviewOverdue(doc.nextReviewOn, todayUtc());
  }

  @FieldResolver(() => Boolean, { description: 'The review falls due within 30 days.' })
  reviewDueSoon(@Root() doc: Document): boolean {
    return doc.currentVersionId !== null && isReviewDueSoon(doc.nextReviewOn, todayUtc());
  }

  @FieldResolver(() => [CatalogControl])
  controls(@Root() doc: Document): CatalogControl[] {
    return doc.controlRefs.map((ref) => findControl(ref) as unknown as CatalogControl).filter(Boolean);
  }

  @FieldResolver(() => DocumentAcknowledgementStatus, { nullable: true, description: 'Null before publication, and for employees.' })
  async acknowledgement(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentAcknowledgementStatus | null> {
    if (!(await tryAuthorize(ctx, 'document:readAcknowledgements', doc.organizationId))) return null;
    if (!doc.currentVersionId) return null;
    // Through loaders: a register page of documents costs the same few statements as one document.
    const [versions, members, acknowledged] = await Promise.all([
      ctx.loaders.versionsByDocument.load(doc.id),
      ctx.loaders.membersByNameOfOrganization.load(doc.organizationId),
      ctx.loaders.acknowledgementsByDocument.load(doc.id),
    ]);
    const current = versions.find((v) => v.id === doc.currentVersionId);
    if (!current) return null;
    const status = acknowledgementStatusOf(doc, current.number, members, acknowledged);
    const users = await Promise.all(status.people.map((p) => ctx.loaders.userById.load(p.user_id)));
    return {
      versionNumber: status.versionNumber,
      required: status.required,
      acknowledged: status.acknowledged,
      percent: status.percent,
      byRole: status.byRole,
      people: status.people.map((p, i) => ({ user: users[i]!, role: p.role, acknowledgedAt: p.acknowledged_at })),
    };
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When you acknowledged the current major version.' })
  async viewerAcknowledgedAt(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<Date | null> {
    if (!ctx.viewer || !doc.currentVersionId) return null;
    return (await ctx.loaders.acknowledgementsByDocument.load(doc.id)).get(ctx.viewer.user.id) ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'The current version is addressed to you and you have not acknowledged it.' })
  async viewerMustAcknowledge(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<boolean> {
    const role = await roleIn(ctx, doc.organizationId);
    if (!role || !ctx.viewer || !doc.currentVersionId || !inAudience(doc.audienceRoles, role)) return false;
    return !(await ctx.loaders.acknowledgementsByDocument.load(doc.id)).has(ctx.viewer.user.id);
  }

  @FieldResolver(() => Boolean, { description: 'You may edit the content and details.' })
  async viewerCanEdit(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<boolean> {
    const role = await roleIn(ctx, doc.organizationId);
    if (!role || !ctx.viewer || !roleCan(role, 'document:update')) return false;
    return ctx.services.documents.canEdit(ctx.services.db.dataSource.manager, { role, userId: ctx.viewer.user.id }, doc);
  }

  @FieldResolver(() => [Task], { description: 'Tasks about this document (reviews, acknowledgements, work).' })
  async tasks(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<Task[]> {
    if (!(await canReadDrafts(ctx, doc.organizationId))) return [];
    return ctx.loaders.tasksBySubject.load(doc.id);
  }

  @FieldResolver(() => DocumentDiff, { description: 'A word-level comparison. `from` null: an empty document; `to` null: the draft.' })
  async compare(
    @Root() doc: Document,
    @Arg('fromVersionId', () => ID, { nullable: true }) fromVersionId: string | null,
    @Arg('toVersionId', () => ID, { nullable: true }) toVersionId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DocumentDiff> {
    const versions = await visibleVersions(ctx, doc);
    const side = async (id: string | null | undefined, field: string) => {
      if (!id) {
        if (field === 'fromVersionId') return { label: 'empty', text: '', hash: null as string | null, file: false };
        if (!(await canReadDrafts(ctx, doc.organizationId))) throw badInput('toVersionId', 'Name the version to compare with.', 'REQUIRED');
        const text = doc.draftText ?? (await ctx.loaders.documentDraftById.load(doc.id))?.text ?? '';
        return { label: `draft (revision ${doc.draftVersion})`, text, hash: doc.draftHash, file: doc.format === 'FILE' };
      }
      const version = versions.find((v) => v.id === id);
      if (!version) throw badInput(field, 'No such version of this document.', 'UNKNOWN_VERSION');
      const text = version.contentText ?? (await ctx.loaders.versionContentById.load(version.id))?.contentText ?? '';
      return { label: `version ${version.number}`, text, hash: version.contentHash, file: version.fileId !== null };
    };
    const from = await side(fromVersionId, 'fromVersionId');
    const to = await side(toVersionId, 'toVersionId');
    if (from.file || to.file) {
      const same = from.hash === to.hash;
      return {
        fromLabel: from.label,
        toLabel: to.label,
        binary: true,
        added: 0,
        removed: 0,
        parts: same ? [{ kind: 'SAME', text: to.text }] : [{ kind: 'REMOVED', text: from.text }, { kind: 'ADDED', text: to.text }].filter((p) => p.text) as DocumentDiff['parts'],
      };
    }
    return { fromLabel: from.label, toLabel: to.label, binary: false, ...diffText(from.text, to.text) };
  }
}

@Resolver(() => DocumentVersion)
export class DocumentVersionResolver {
  @FieldResolver(() => String, { description: 'The content as HTML (empty for an uploaded file).' })
  async content(@Root() version: DocumentVersion, @Ctx() ctx: RequestContext): Promise<string> {
    return version.content ?? (await ctx.loaders.versionContentById.load(version.id))?.content ?? '';
  }

  @FieldResolver(() => String, { description: 'The content as plain text, one block per line.' })
  async contentText(@Root() version: DocumentVersion, @Ctx() ctx: RequestContext): Promise<string> {
    return version.contentText ?? (await ctx.loaders.versionContentById.load(version.id))?.contentText ?? '';
  }

  @FieldResolver(() => DocumentVersionStatusEnum)
  async status(@Root() version: DocumentVersion & { status?: DocumentVersionStatus }, @Ctx() ctx: RequestContext): Promise<DocumentVersionStatus> {
    if (version.status) return version.status;
    return (await ctx.loaders.versionsByDocument.load(version.documentId)).find((v) => v.id === version.id)!.status;
  }

  @FieldResolver(() => Document)
  async document(@Root() version: DocumentVersion, @Ctx() ctx: RequestContext): Promise<Document> {
    return visibleNode<Document>(ctx, 'Document', version.documentId, 'Document');
  }

  @FieldResolver(() => User, { nullable: true })
  async author(@Root() version: DocumentVersion, @Ctx() ctx: RequestContext): Promise<User | null> {
    return version.authorId ? ctx.loaders.userById.load(version.authorId) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async publishedBy(@Root() version: DocumentVersion, @Ctx() ctx: RequestContext): Promise<User | null> {
    return version.publishedById ? ctx.loaders.userById.load(version.publishedById) : null;
  }

  @FieldResolver(() => StoredFile, { nullable: true })
  async file(@Root() version: DocumentVersion, @Ctx() ctx: RequestContext): Promise<StoredFile | null> {
    return version.fileId ? ctx.loaders.fileById.load(version.fileId) : null;
  }

  @FieldResolver(() => ApprovalRequest, { nullable: true, description: 'The approval that signs this exact content.' })
  async approvalRequest(@Root() version: DocumentVersion, @Ctx() ctx: RequestContext): Promise<ApprovalRequest | null> {
    if (!version.approvalRequestId) return null;
    return (await resolveNode(ctx, version.approvalRequestId)) as ApprovalRequest | null;
  }
}

@Resolver(() => DocumentAcknowledgement)
export class DocumentAcknowledgementResolver {
  @FieldResolver(() => User)
  async user(@Root() ack: DocumentAcknowledgement, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.userById.load(ack.userId))!;
  }

  @FieldResolver(() => DocumentVersion)
  async version(@Root() ack: DocumentAcknowledgement, @Ctx() ctx: RequestContext): Promise<DocumentVersion> {
    return visibleNode<DocumentVersion>(ctx, 'DocumentVersion', ack.documentVersionId, 'Document version');
  }
}

@Resolver(() => Organization)
export class OrganizationDocumentsResolver {
  @FieldResolver(() => DocumentConnection, { description: 'By title. Auditors and employees see published documents only (employees those addressed to them).' })
  @Can('document:read')
  async documents(
    @Root() org: Organization,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DocumentFilterInput, { nullable: true }) filter: DocumentFilterInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<Document>> {
    const scope = await authorize(ctx, 'document:read', org.id);
    return ctx.services.documents.list(scope, filter ?? {}, pageSize(page.first), page.after);
  }

  @FieldResolver(() => [Document], { description: 'Published documents addressed to you that you have not acknowledged yet.' })
  @Can('document:acknowledge')
  async documentsToAcknowledge(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<Document[]> {
    const scope = await authorize(ctx, 'document:acknowledge', org.id);
    return ctx.services.documents.toAcknowledge(scope);
  }

  @FieldResolver(() => [MandatoryDocumentStatus], { nullable: true, description: 'The mandatory documented information of ISO/IEC 27001:2022, filled from the documents’ tags.' })
  @Can('consistency:read')
  async mandatoryDocuments(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<MandatoryDocumentStatus[]> {
    const scope = await authorize(ctx, 'consistency:read', org.id);
    const statuses = await ctx.services.documents.mandatoryDocuments(scope.organizationId);
    const ids = [...new Set(statuses.flatMap((s) => s.documentIds))];
    const docs = ids.length ? await ctx.services.db.dataSource.getRepository(Document).findBy({ id: In(ids), organizationId: scope.organizationId }) : [];
    // Auditors see the published documents only, never a draft's existence.
    const drafts = scope.can('document:readDrafts');
    const byId = new Map(docs.filter((d) => drafts || d.currentVersionId !== null).map((d) => [d.id, d]));
    return statuses.map((s) => ({ ref: s.ref, title: s.title, clause: s.clause, kind: s.kind, satisfied: s.satisfied, keptIn: s.keptIn, documents: s.documentIds.map((id) => byId.get(id)!).filter(Boolean) }));
  }

  @FieldResolver(() => [ConsistencyIssueType], { nullable: true, description: 'Contradictions between the SoA, risks, controls and documents; errors first.' })
  @Can('consistency:read')
  async consistencyIssues(@Root() org: Organization, @Ctx() ctx: RequestContext): Promise<ConsistencyIssueType[]> {
    const scope = await authorize(ctx, 'consistency:read', org.id);
    const issues = await ctx.services.documents.consistency(scope.organizationId);
    const ids = [...new Set(issues.flatMap((i) => i.subjectIds))];
    // Every subject is a document, risk or SoA entry of this organisation, which the roles that
    // read consistency may read (drafts excepted): one query per type, not one per subject.
    const ofType = (prefix: string) => ids.filter((id) => id.startsWith(`${prefix}_`));
    const repo = ctx.services.db.dataSource;
    const where = (list: string[]) => ({ id: In(list), organizationId: scope.organizationId });
    const drafts = scope.can('document:readDrafts');
    const loaded: Node[] = [
      ...(await repo.getRepository(Document).findBy(where(ofType('doc')))).filter((d) => drafts || d.currentVersionId !== null),
      ...(await repo.getRepository(Risk).findBy(where(ofType('rsk')))),
      ...(await repo.getRepository(SoaEntry).findBy(where(ofType('soe')))),
    ];
    const nodes = new Map(loaded.map((n) => [n.id, n]));
    return issues.map((issue) => ({
      code: issue.code,
      severity: issue.severity,
      message: issue.message,
      ref: issue.ref,
      subjects: issue.subjectIds.map((id) => nodes.get(id)).filter((n): n is Node => !!n),
    }));
  }
}

