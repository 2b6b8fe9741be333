import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import * as Y from 'yjs';
import {
  CLASSIFICATIONS,
  DOCUMENT_KINDS,
  REVIEW_INTERVAL_MAX,
  REVIEW_INTERVAL_MIN,
  REVIEW_NOTICE_DAYS,
  ROLES,
  acknowledgementCoverage,
  addDays,
  addMonths,
  canEditDocument,
  consistencyIssues,
  documentStatus,
  formatVersion,
  inAudience,
  mandatoryDocumentStatus,
  nextVersionNumber,
  publicationNeedsAcknowledgement,
  todayUtc,
  versionStatus,
  type Classification,
  type ConsistencyIssue,
  type DocumentKind,
  type DocumentStanding,
  type DocumentStatus,
  type DocumentVersionStatus,
  type Role,
} from '@annex/domain';
import { CONTROLS, MANDATORY_DOCUMENTS, findClause, findControl, findMandatoryDocument } from '@annex/iso27001';
import type { Database } from '../../core/db/database.js';
import { onCommit } from '../../core/db/database.js';
import { OrgScope } from '../../core/authorization.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { FileStore } from '../../core/storage/file-store.js';
import { requiredText } from '../../core/validation.js';
import { toOffsetConnection, decodeOffsetCursor, type Connection } from '../../core/pagination.js';
import type { Actor } from '../organizations/organization.service.js';
import type { ApprovalService } from '../approvals/approval.service.js';
import type { TaskService } from '../tasks/task.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { ApprovalRequest } from '../approvals/approval.entity.js';
import { Document, DocumentAcknowledgement, DocumentVersion, StoredFile, type DocumentFormat } from './document.entity.js';
import { insertStoredFile } from './stored-files.js';
import { MAX_CONTENT_CHARS, normalizeHtml, renderYDoc, replaceYDocContent, sha256, yDocFromHtml } from './content.js';

export interface DocumentFields {
  title?: string | null;
  kind?: DocumentKind | null;
  ownerId?: string | null;
  classification?: Classification | null;
  clauseRefs?: string[] | null;
  controlRefs?: string[] | null;
  mandatoryRefs?: string[] | null;
  reviewIntervalMonths?: number | null;
  audienceRoles?: Role[] | null;
}

export interface DocumentFilter {
  kind?: DocumentKind | null;
  status?: DocumentStatus | null;
  ownerId?: string | null;
  search?: string | null;
  reviewOverdue?: boolean | null;
  controlRef?: string | null;
  mandatoryRef?: string | null;
}

/** A version with its effective status (its stored state combined with its approval request). */
export type VersionWithStatus = DocumentVersion & { status: DocumentVersionStatus };

const AUDITED = ['title', 'kind', 'ownerId', 'classification', 'clauseRefs', 'controlRefs', 'mandatoryRefs', 'reviewIntervalMonths', 'audienceRoles'] as const;
const ACCEPTED_FILE_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};
export const ACKNOWLEDGE_WITHIN_DAYS = 14;
const ACK_TASK_PREFIX = 'Read and acknowledge';

/** A hook the live co-editing layer registers to hear of draft changes made outside it. */
export type DraftChangedListener = (documentId: string, state: Uint8Array) => void;

/**
 * Documents: the register, the draft (co-edited through Yjs, or replaced through the API),
 * immutable versions approved through the approvals engine, publication, acknowledgement,
 * the review cycle, the mandatory-documents checklist and the consistency checks.
 */
export class DocumentService {
  private draftListeners: DraftChangedListener[] = [];
  /** Set by the co-editing layer: saves a live document's pending edits before an API write reads the draft. */
  flushLive: (documentId: string) => Promise<void> = async () => {};

  constructor(
    private readonly db: Database,
    private readonly approvals: ApprovalService,
    private readonly tasks: TaskService,
    private readonly notifications: NotificationService,
    private readonly files: FileStore,
    private readonly uploadMaxBytes: number,
  ) {}

  onDraftChanged(listener: DraftChangedListener): void {
    this.draftListeners.push(listener);
  }

  // ---------------------------------------------------------------- validation

  private async validate(em: EntityManager, scope: OrgScope, input: DocumentFields, creating: boolean): Promise<Partial<Document>> {
    const out: Partial<Document> = {};
    if (creating || input.title !== undefined) out.title = requiredText('title', input.title, 200);
    if (creating || input.kind !== undefined) {
      if (!input.kind || !DOCUMENT_KINDS.includes(input.kind)) throw badInput('kind', `Choose one of ${DOCUMENT_KINDS.join(', ')}.`, 'INVALID_KIND');
      out.kind = input.kind;
    }
    if (input.classification !== undefined) {
      if (!input.classification || !CLASSIFICATIONS.includes(input.classification)) throw badInput('classification', `Choose one of ${CLASSIFICATIONS.join(', ')}.`, 'INVALID_CLASSIFICATION');
      out.classification = input.classification;
    }
    if (input.ownerId !== undefined) {
      if (input.ownerId !== null) {
        const member = (await em.query(`SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $2`, [scope.organizationId, input.ownerId])) as unknown[];
        if (!member.length) throw badInput('ownerId', 'The owner must be a member of the organisation.', 'NOT_A_MEMBER');
      }
      out.ownerId = input.ownerId;
    }
    if (input.clauseRefs !== undefined) out.clauseRefs = refs('clauseRefs', input.clauseRefs, (r) => !!findClause(r), 'clause such as 5.2');
    if (input.controlRefs !== undefined) out.controlRefs = refs('controlRefs', input.controlRefs, (r) => !!findControl(r), 'Annex A control such as A.5.15');
    if (input.mandatoryRefs !== undefined) out.mandatoryRefs = refs('mandatoryRefs', input.mandatoryRefs, (r) => !!findMandatoryDocument(r), 'mandatory document such as MD-5.2');
    if (input.reviewIntervalMonths !== undefined && input.reviewIntervalMonths !== null) {
      const months = input.reviewIntervalMonths;
      if (!Number.isInteger(months) || months < REVIEW_INTERVAL_MIN || months > REVIEW_INTERVAL_MAX) {
        throw badInput('reviewIntervalMonths', `The review interval is ${REVIEW_INTERVAL_MIN} to ${REVIEW_INTERVAL_MAX} months.`, 'OUT_OF_RANGE');
      }
      out.reviewIntervalMonths = months;
    }
    if (input.audienceRoles !== undefined) {
      const roles = [...new Set(input.audienceRoles ?? [])];
      if (roles.some((r) => !ROLES.includes(r))) throw badInput('audienceRoles', 'Unknown role.', 'INVALID_ROLE');
      out.audienceRoles = roles;
    }
    return out;
  }

  /** Whether this member may edit the document's content and details. */
  async canEdit(em: EntityManager, scope: { role: Role; userId: string }, doc: Document): Promise<boolean> {
    if (scope.role !== 'CONTRIBUTOR') return canEditDocument(scope.role, scope.userId, doc, false);
    if (canEditDocument(scope.role, scope.userId, doc, false)) return true;
    const tasks = (await em.query(`SELECT 1 FROM tasks WHERE subject_id = $1 AND assignee_id = $2 AND status IN ('OPEN','IN_PROGRESS','BLOCKED') LIMIT 1`, [doc.id, scope.userId])) as unknown[];
    return canEditDocument(scope.role, scope.userId, doc, tasks.length > 0);
  }

  private async lockDocument(em: EntityManager, organizationId: string, id: string, withState = false): Promise<Document> {
    const query = em.getRepository(Document).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id AND d.organization_id = :org', { id, org: organizationId });
    if (withState) query.addSelect('d.draftState');
    const doc = await query.getOne();
    if (!doc) throw notFound('Document');
    return doc;
  }

  private async requireEditor(em: EntityManager, scope: OrgScope, doc: Document): Promise<void> {
    if (!(await this.canEdit(em, scope, doc))) throw forbidden('You can edit the documents you own or created, or have a task on.');
  }

  // ---------------------------------------------------------------- register

  async create(scope: OrgScope, input: DocumentFields & { content?: string | null; format?: DocumentFormat | null }, actor: Actor): Promise<Document> {
    const format = input.format ?? 'RICH_TEXT';
    if (format !== 'RICH_TEXT' && format !== 'FILE') throw badInput('format', 'Choose RICH_TEXT or FILE.', 'INVALID_FORMAT');
    if (format === 'FILE' && input.content) throw badInput('content', 'A file document gets its content by upload.', 'NOT_RICH_TEXT');
    const rendered = checkedContent(input.content ?? '');
    return this.db.transaction(async (em) => {
      const fields = await this.validate(em, scope, input, true);
      const now = new Date();
      const doc = Object.assign(new Document(), {
        id: newId('Document'),
        organizationId: scope.organizationId,
        version: 1,
        title: fields.title!,
        kind: fields.kind!,
        format,
        classification: fields.classification ?? 'INTERNAL',
        ownerId: fields.ownerId === undefined ? scope.userId : fields.ownerId,
        clauseRefs: fields.clauseRefs ?? [],
        controlRefs: fields.controlRefs ?? [],
        mandatoryRefs: fields.mandatoryRefs ?? [],
        audienceRoles: fields.audienceRoles ?? [],
        reviewIntervalMonths: fields.reviewIntervalMonths ?? 12,
        draftVersion: 1,
        draftContent: rendered.html,
        draftText: rendered.text,
        draftHash: format === 'FILE' ? sha256('') : rendered.hash,
        draftState: format === 'RICH_TEXT' ? Buffer.from(Y.encodeStateAsUpdate(yDocFromHtml(rendered.html))) : null,
        draftFileId: null,
        draftUpdatedAt: now,
        draftUpdatedById: scope.userId,
        currentVersionId: null,
        nextReviewOn: null,
        lastReviewedOn: null,
        reviewTaskId: null,
        createdById: scope.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Document, doc as never);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'document.created',
        ...actor,
        entityType: 'Document',
        entityId: doc.id,
        summary: { after: { ...Object.fromEntries(AUDITED.map((k) => [k, doc[k]])), format, draftHash: doc.draftHash } },
      });
      return doc;
    });
  }

  async update(scope: OrgScope, id: string, version: number, input: DocumentFields, actor: Actor): Promise<Document> {
    return this.db.transaction(async (em) => {
      const current = await this.lockDocument(em, scope.organizationId, id);
      await this.requireEditor(em, scope, current);
      if (current.version !== version) throw conflict(`This document's details were changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      const fields = await this.validate(em, scope, input, false);
      const next = { ...current, ...fields, version: current.version + 1, updatedAt: new Date() } as Document;
      if (fields.reviewIntervalMonths !== undefined && current.lastReviewedOn && current.currentVersionId) {
        next.nextReviewOn = addMonths(current.lastReviewedOn, next.reviewIntervalMonths);
      }
      const changed = AUDITED.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
      await em.update(Document, { id }, Object.fromEntries([...AUDITED, 'version', 'updatedAt', 'nextReviewOn'].map((k) => [k, next[k as keyof Document]])) as never);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'document.updated',
        ...actor,
        entityType: 'Document',
        entityId: id,
        summary: { before: Object.fromEntries(changed.map((k) => [k, current[k]])), after: Object.fromEntries(changed.map((k) => [k, next[k]])) },
      });
      return next;
    });
  }

  // ---------------------------------------------------------------- draft

  /** Replaces the draft's content through the API (for clients that do not speak Yjs). */
  async updateDraft(scope: OrgScope, documentId: string, content: string, baseVersion: number, actor: Actor): Promise<Document> {
    const rendered = checkedContent(content);
    // Save what live editors typed in the last seconds first, so the version check sees it.
    await this.flushLive(documentId);
    return this.db.transaction(async (em) => {
      const doc = await this.lockDocument(em, scope.organizationId, documentId, true);
      await this.requireEditor(em, scope, doc);
      if (doc.format !== 'RICH_TEXT') throw badInput('content', 'This document is an uploaded file: upload a new file instead.', 'NOT_RICH_TEXT');
      if (doc.draftVersion !== baseVersion) {
        throw conflict(`The draft was changed by someone else (you had version ${baseVersion}, it is now ${doc.draftVersion}). Reload it and apply your change again.`);
      }
      if (rendered.hash === doc.draftHash) return doc;
      const ydoc = new Y.Doc();
      if (doc.draftState) Y.applyUpdate(ydoc, doc.draftState);
      else replaceYDocContent(ydoc, doc.draftContent);
      replaceYDocContent(ydoc, rendered.html);
      const after = renderYDoc(ydoc);
      const state = Y.encodeStateAsUpdate(ydoc);
      return this.saveDraft(em, doc, after, Buffer.from(state), scope.userId, actor);
    });
  }

  /**
   * Persists a live document's state (called by the co-editing layer, debounced and when the
   * last editor leaves). The stored state is merged in first: a change saved meanwhile by the
   * API or another replica is kept, never overwritten.
   */
  async storeLiveState(documentId: string, ydoc: Y.Doc, userId: string | null): Promise<void> {
    await this.db.transaction(async (em) => {
      const rows = (await em.query(`SELECT organization_id FROM documents WHERE id = $1`, [documentId])) as Array<{ organization_id: string }>;
      if (!rows[0]) return;
      const doc = await this.lockDocument(em, rows[0].organization_id, documentId, true);
      if (doc.draftState) Y.applyUpdate(ydoc, doc.draftState, 'storage');
      const rendered = renderYDoc(ydoc);
      const state = Buffer.from(Y.encodeStateAsUpdate(ydoc));
      if (rendered.hash === doc.draftHash) {
        await em.query(`UPDATE documents SET draft_state = $2 WHERE id = $1`, [documentId, state]);
        return;
      }
      const actor = await this.actorFor(em, userId);
      await this.saveDraft(em, doc, rendered, state, userId, actor, false);
    });
  }

  /** The stored Yjs state of a draft, built from its HTML when it has none yet. */
  async loadLiveState(documentId: string): Promise<Uint8Array | null> {
    const doc = await this.db.dataSource.getRepository(Document).createQueryBuilder('d').addSelect('d.draftState').where('d.id = :id', { id: documentId }).getOne();
    if (!doc) return null;
    if (doc.draftState) return doc.draftState;
    return Y.encodeStateAsUpdate(yDocFromHtml(doc.draftContent));
  }

  private async saveDraft(
    em: EntityManager,
    doc: Document,
    rendered: { html: string; text: string; hash: string },
    state: Buffer | null,
    userId: string | null,
    actor: Actor,
    notifyLive = true,
  ): Promise<Document> {
    const now = new Date();
    const next = Object.assign(new Document(), doc, {
      draftVersion: doc.draftVersion + 1,
      draftContent: rendered.html,
      draftText: rendered.text,
      draftHash: rendered.hash,
      draftState: state,
      draftUpdatedAt: now,
      draftUpdatedById: userId,
      updatedAt: now,
    });
    await em.update(Document, { id: doc.id }, {
      draftVersion: next.draftVersion,
      draftContent: next.draftContent,
      draftText: next.draftText,
      draftHash: next.draftHash,
      draftState: state,
      draftFileId: next.draftFileId,
      draftUpdatedAt: now,
      draftUpdatedById: userId,
      updatedAt: now,
    } as never);
    await appendAudit(em, {
      organizationId: doc.organizationId,
      action: 'document.draftUpdated',
      ...actor,
      entityType: 'Document',
      entityId: doc.id,
      summary: { before: { draftVersion: doc.draftVersion, draftHash: doc.draftHash }, after: { draftVersion: next.draftVersion, draftHash: next.draftHash } },
    });
    await this.draftChanged(em, next, actor);
    if (notifyLive && state) {
      const bytes = new Uint8Array(state);
      onCommit(em, () => {
        for (const listener of this.draftListeners) listener(doc.id, bytes);
      });
    }
    return next;
  }

  /** A draft that no longer matches a version awaiting approval or publication withdraws that version's approval. */
  private async draftChanged(em: EntityManager, doc: Document, actor: Actor): Promise<void> {
    const live = (await em.query(
      `SELECT v.id FROM document_versions v JOIN approval_requests r ON r.id = v.approval_request_id
        WHERE v.document_id = $1 AND v.state = 'SUBMITTED' AND r.status IN ('PENDING','APPROVED') AND v.content_hash <> $2`,
      [doc.id, doc.draftHash],
    )) as Array<{ id: string }>;
    for (const version of live) await this.approvals.subjectChanged(em, doc.organizationId, version.id, `draft:${doc.draftHash}`, actor);
  }

  async uploadDraftFile(scope: OrgScope, documentId: string, file: { buffer: Buffer; filename: string; contentType: string }, baseVersion: number | null, actor: Actor): Promise<Document> {
    if (!ACCEPTED_FILE_TYPES[file.contentType]) throw badInput('file', 'Upload a PDF or a Word (.docx) file.', 'UNSUPPORTED_TYPE');
    if (file.buffer.length === 0) throw badInput('file', 'The file is empty.', 'EMPTY_FILE');
    if (file.buffer.length > this.uploadMaxBytes) throw badInput('file', `Files are at most ${Math.round(this.uploadMaxBytes / 1048576)} MB.`, 'TOO_LARGE');
    const filename = (file.filename || `document.${ACCEPTED_FILE_TYPES[file.contentType]}`).replace(/[\\/\0\r\n]/g, '_').slice(0, 200);
    const stored = await this.files.put(file.buffer);
    return this.db.transaction(async (em) => {
      const doc = await this.lockDocument(em, scope.organizationId, documentId);
      await this.requireEditor(em, scope, doc);
      if (doc.format !== 'FILE') throw badInput('file', 'This document is written in Annex: edit its text instead.', 'NOT_A_FILE_DOCUMENT');
      if (baseVersion !== null && doc.draftVersion !== baseVersion) {
        throw conflict(`The draft was changed by someone else (you had version ${baseVersion}, it is now ${doc.draftVersion}).`);
      }
      const record = await insertStoredFile(em, scope, stored, file, filename);
      doc.draftFileId = record.id;
      return this.saveDraft(em, doc, { html: '', text: filename, hash: stored.sha256 }, null, scope.userId, actor);
    });
  }

  // ---------------------------------------------------------------- versions

  /** Inside a transaction pass its manager: the embedded database has a single connection. */
  async versionsOf(documentIds: readonly string[], em: EntityManager = this.db.dataSource.manager): Promise<Map<string, VersionWithStatus[]>> {
    return loadVersionsWithStatus(em, documentIds);
  }

  async version(id: string): Promise<VersionWithStatus | null> {
    const row = (await this.db.dataSource.query(`SELECT document_id FROM document_versions WHERE id = $1`, [id])) as Array<{ document_id: string }>;
    if (!row[0]) return null;
    return (await this.versionsOf([row[0].document_id])).get(row[0].document_id)!.find((v) => v.id === id) ?? null;
  }

  static statusOf(versions: readonly VersionWithStatus[]): DocumentStatus {
    return documentStatus(versions.map((v) => v.status));
  }

  async submit(
    scope: OrgScope,
    input: { documentId: string; approverIds: string[]; changeSummary: string; major: boolean; dueDate?: string | null },
    actor: Actor,
  ): Promise<{ version: VersionWithStatus; approvalRequest: ApprovalRequest }> {
    const changeSummary = requiredText('changeSummary', input.changeSummary, 2000);
    await this.flushLive(input.documentId);
    return this.db.transaction(async (em) => {
      const doc = await this.lockDocument(em, scope.organizationId, input.documentId);
      await this.requireEditor(em, scope, doc);
      if (doc.format === 'FILE' ? !doc.draftFileId : doc.draftText.trim() === '') throw badInput('documentId', 'The draft is empty: write (or upload) the document first.', 'EMPTY_DRAFT');
      const versions = (await this.versionsOf([doc.id], em)).get(doc.id)!;
      const same = versions.find((v) => v.contentHash === doc.draftHash && (v.status === 'PENDING_APPROVAL' || v.status === 'APPROVED' || v.status === 'PUBLISHED'));
      if (same?.status === 'PUBLISHED') throw badInput('documentId', `The draft is the same as the published version ${same.number}: change it before submitting.`, 'NO_CHANGES');
      if (same) throw conflict(`This content is already ${same.status === 'APPROVED' ? 'approved' : 'awaiting approval'} as version ${same.number}.`);
      const number = nextVersionNumber(versions, input.major);
      let file: StoredFile | null = null;
      if (doc.draftFileId) file = await em.getRepository(StoredFile).findOneBy({ id: doc.draftFileId });
      const version = Object.assign(new DocumentVersion(), {
        id: newId('DocumentVersion'),
        organizationId: scope.organizationId,
        documentId: doc.id,
        major: number.major,
        minor: number.minor,
        state: 'SUBMITTED' as const,
        content: doc.format === 'FILE' ? '' : doc.draftContent,
        contentText: doc.format === 'FILE' ? (file?.filename ?? '') : doc.draftText,
        contentHash: doc.draftHash,
        fileId: doc.format === 'FILE' ? doc.draftFileId : null,
        changeSummary,
        authorId: scope.userId,
        approvalRequestId: null as string | null,
        createdAt: new Date(),
        publishedAt: null,
        publishedById: null,
        supersededAt: null,
      });
      await em.insert(DocumentVersion, version as never);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'document.submitted',
        ...actor,
        entityType: 'Document',
        entityId: doc.id,
        summary: { after: { versionId: version.id, number: formatVersion(number), contentHash: version.contentHash, changeSummary, approverIds: input.approverIds } },
      });
      const approvalRequest = await this.approvals.requestIn(
        em,
        scope,
        { subjectId: version.id, approverIds: input.approverIds, dueDate: input.dueDate ?? null, note: `${doc.title} ${formatVersion(number)}: ${changeSummary}` },
        actor,
      );
      version.approvalRequestId = approvalRequest.id;
      await em.update(DocumentVersion, { id: version.id }, { approvalRequestId: approvalRequest.id });
      return { version: Object.assign(version, { status: 'PENDING_APPROVAL' as const }), approvalRequest };
    });
  }

  async publish(scope: OrgScope, versionId: string, actor: Actor, options: { requestAcknowledgements?: boolean } = {}): Promise<Document> {
    return this.db.transaction(async (em) => {
      const row = (await em.query(`SELECT document_id FROM document_versions WHERE id = $1 AND organization_id = $2`, [versionId, scope.organizationId])) as Array<{ document_id: string }>;
      if (!row[0]) throw notFound('Document version');
      const doc = await this.lockDocument(em, scope.organizationId, row[0].document_id);
      const versions = (await this.versionsOf([doc.id], em)).get(doc.id)!;
      const version = versions.find((v) => v.id === versionId)!;
      if (version.status === 'PUBLISHED') throw conflict(`Version ${version.number} is already published.`);
      if (version.status !== 'APPROVED') {
        throw badInput('documentVersionId', `Version ${version.number} is ${version.status.toLowerCase().replace('_', ' ')}: only an approved version can be published.`, 'NOT_APPROVED');
      }
      const request = await em.getRepository(ApprovalRequest).findOneBy({ id: version.approvalRequestId! });
      if (!request || request.subjectHash !== version.contentHash) throw badInput('documentVersionId', 'The approval does not cover this content.', 'NOT_APPROVED');
      const newest = versions.find((v) => v.status === 'PUBLISHED' || v.status === 'SUPERSEDED' || v.status === 'APPROVED');
      if (newest && (newest.major > version.major || (newest.major === version.major && newest.minor > version.minor)) && newest.status !== 'APPROVED') {
        throw badInput('documentVersionId', `A newer version (${newest.number}) is already published.`, 'OUTDATED');
      }
      const now = new Date();
      const today = todayUtc(now);
      const previous = versions.find((v) => v.status === 'PUBLISHED') ?? null;
      if (previous) await em.update(DocumentVersion, { id: previous.id }, { state: 'SUPERSEDED', supersededAt: now });
      await em.update(DocumentVersion, { id: version.id }, { state: 'PUBLISHED', publishedAt: now, publishedById: scope.userId });
      const nextReviewOn = addMonths(today, doc.reviewIntervalMonths);
      await em.update(Document, { id: doc.id }, { currentVersionId: version.id, lastReviewedOn: today, nextReviewOn, updatedAt: now } as never);
      await this.closeReviewTask(em, scope, doc, actor);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'document.published',
        ...actor,
        entityType: 'Document',
        entityId: doc.id,
        summary: { before: { currentVersion: previous?.number ?? null }, after: { currentVersion: version.number, versionId: version.id, contentHash: version.contentHash, nextReviewOn } },
      });
      if (options.requestAcknowledgements !== false && publicationNeedsAcknowledgement(previous ?? (versions.find((v) => v.status === 'SUPERSEDED') || null), version)) {
        await this.requestAcknowledgements(em, scope, doc, version, actor);
      }
      return Object.assign(doc, { currentVersionId: version.id, lastReviewedOn: today, nextReviewOn, updatedAt: now });
    });
  }

  private async requestAcknowledgements(em: EntityManager, scope: OrgScope, doc: Document, version: DocumentVersion, actor: Actor): Promise<void> {
    const members = (await em.query(`SELECT user_id, role FROM memberships WHERE organization_id = $1 ORDER BY user_id`, [scope.organizationId])) as Array<{ user_id: string; role: Role }>;
    const due = addDays(todayUtc(), ACKNOWLEDGE_WITHIN_DAYS);
    const title = `${doc.title} ${version.major}.${version.minor}`;
    // Earlier requests for this document are answered by this one.
    await em.query(
      `UPDATE tasks SET status = 'CANCELLED', version = version + 1, updated_at = now()
        WHERE id IN (SELECT task_id FROM document_acknowledgement_requests WHERE document_id = $1) AND status IN ('OPEN','IN_PROGRESS','BLOCKED')`,
      [doc.id],
    );
    for (const member of members.filter((m) => inAudience(doc.audienceRoles, m.role))) {
      const task = await this.tasks.createIn(
        em,
        scope,
        {
          title: `${ACK_TASK_PREFIX}: ${title}`.slice(0, 200),
          description: `Version ${version.major}.${version.minor} of "${doc.title}" is published. Read it and acknowledge it in Annex.`,
          assigneeId: member.user_id,
          dueDate: due,
          priority: 'MEDIUM',
          subjectId: doc.id,
        },
        actor,
        { notifyAssignee: false },
      );
      await em.query(`INSERT INTO document_acknowledgement_requests (document_version_id, user_id, document_id, task_id) VALUES ($1, $2, $3, $4)`, [
        version.id,
        member.user_id,
        doc.id,
        task.id,
      ]);
      await this.notifications.notify(em, {
        organizationId: scope.organizationId,
        userId: member.user_id,
        kind: 'ACKNOWLEDGEMENT_REQUESTED',
        title: `Please read and acknowledge: ${title}`,
        body: `"${doc.title}" version ${version.major}.${version.minor} is published. Read it and acknowledge it by ${due}.`,
        subjectId: doc.id,
        actorId: actor.actorId,
        link: `/o/${scope.organizationId}/documents/${doc.id}?read=1`,
      });
    }
  }

  // ---------------------------------------------------------------- acknowledgement

  async acknowledge(scope: OrgScope, versionId: string, actor: Actor): Promise<DocumentAcknowledgement> {
    return this.db.transaction(async (em) => {
      const version = await em.getRepository(DocumentVersion).findOneBy({ id: versionId, organizationId: scope.organizationId });
      if (!version || (version.state !== 'PUBLISHED' && version.state !== 'SUPERSEDED')) throw notFound('Document version');
      const doc = await em.getRepository(Document).findOneByOrFail({ id: version.documentId });
      if (doc.currentVersionId !== version.id) throw badInput('documentVersionId', 'A newer version is published: acknowledge the current one.', 'NOT_CURRENT');
      if (!inAudience(doc.audienceRoles, scope.role)) throw badInput('documentVersionId', 'This document is not addressed to your role.', 'NOT_IN_AUDIENCE');
      const existing = (await em.query(
        `SELECT a.id FROM document_acknowledgements a JOIN document_versions v ON v.id = a.document_version_id
          WHERE a.document_id = $1 AND a.user_id = $2 AND v.major = $3 LIMIT 1`,
        [doc.id, scope.userId, version.major],
      )) as Array<{ id: string }>;
      if (existing[0]) return em.getRepository(DocumentAcknowledgement).findOneByOrFail({ id: existing[0].id });
      const ack = Object.assign(new DocumentAcknowledgement(), {
        id: newId('DocumentAcknowledgement'),
        organizationId: scope.organizationId,
        documentId: doc.id,
        documentVersionId: version.id,
        userId: scope.userId,
        at: new Date(),
      });
      await em.insert(DocumentAcknowledgement, ack);
      const tasks = (await em.query(
        `UPDATE tasks SET status = 'DONE', completed_at = now(), version = version + 1, updated_at = now()
          WHERE id IN (SELECT task_id FROM document_acknowledgement_requests WHERE document_id = $1 AND user_id = $2) AND status IN ('OPEN','IN_PROGRESS','BLOCKED')
          RETURNING id`,
        [doc.id, scope.userId],
      )) as [Array<{ id: string }>, number];
      for (const task of tasks[0] ?? []) {
        await appendAudit(em, {
          organizationId: scope.organizationId,
          action: 'task.updated',
          ...actor,
          entityType: 'Task',
          entityId: task.id,
          summary: { after: { status: 'DONE' }, reason: 'document acknowledged' },
        });
      }
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'document.acknowledged',
        ...actor,
        entityType: 'Document',
        entityId: doc.id,
        summary: { after: { versionId: version.id, number: version.number, userId: scope.userId } },
      });
      return ack;
    });
  }

  /** Published documents addressed to the person that they have not acknowledged (in this major version). */
  async toAcknowledge(scope: OrgScope): Promise<Document[]> {
    const query = this.db.dataSource
      .getRepository(Document)
      .createQueryBuilder('d')
      .innerJoin(DocumentVersion, 'cv', 'cv.id = d.current_version_id')
      .where('d.organization_id = :org', { org: scope.organizationId })
      .andWhere('(cardinality(d.audience_roles) = 0 OR :role = ANY(d.audience_roles))', { role: scope.role })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM document_acknowledgements a JOIN document_versions av ON av.id = a.document_version_id
                      WHERE a.document_id = d.id AND a.user_id = :me AND av.major = cv.major)`,
        { me: scope.userId },
      )
      .orderBy('cv.published_at', 'DESC');
    return withoutDraftBody(query).getMany();
  }

  // ---------------------------------------------------------------- review cycle

  async markReviewed(scope: OrgScope, documentId: string, note: string | null | undefined, actor: Actor): Promise<Document> {
    const text = (note ?? '').trim();
    if (text.length > 2000) throw badInput('note', 'The note must be at most 2,000 characters.', 'TOO_LONG');
    return this.db.transaction(async (em) => {
      const doc = await this.lockDocument(em, scope.organizationId, documentId);
      await this.requireEditor(em, scope, doc);
      if (!doc.currentVersionId) throw badInput('documentId', 'Only a published document is reviewed; publish a version first.', 'NOT_PUBLISHED');
      const today = todayUtc();
      const nextReviewOn = addMonths(today, doc.reviewIntervalMonths);
      await em.update(Document, { id: doc.id }, { lastReviewedOn: today, nextReviewOn, updatedAt: new Date() } as never);
      await this.closeReviewTask(em, scope, doc, actor);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'document.reviewed',
        ...actor,
        entityType: 'Document',
        entityId: doc.id,
        summary: { before: { nextReviewOn: doc.nextReviewOn }, after: { lastReviewedOn: today, nextReviewOn, note: text } },
      });
      return Object.assign(doc, { lastReviewedOn: today, nextReviewOn });
    });
  }

  private async closeReviewTask(em: EntityManager, scope: OrgScope, doc: Document, actor: Actor): Promise<void> {
    if (!doc.reviewTaskId) return;
    const closed = (await em.query(
      `UPDATE tasks SET status = 'DONE', completed_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND status IN ('OPEN','IN_PROGRESS','BLOCKED') RETURNING id`,
      [doc.reviewTaskId],
    )) as [unknown[], number];
    await em.update(Document, { id: doc.id }, { reviewTaskId: null } as never);
    if ((closed[0] ?? []).length) {
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'task.updated',
        ...actor,
        entityType: 'Task',
        entityId: doc.reviewTaskId,
        summary: { after: { status: 'DONE' }, reason: 'document reviewed' },
      });
    }
  }

  /** Raises a review task for each published document due for review within the notice period (once per cycle). */
  async raiseReviewTasks(today = todayUtc()): Promise<number> {
    const due = (await this.db.dataSource.query(
      `SELECT d.id, d.organization_id, d.title, to_char(d.next_review_on, 'YYYY-MM-DD') AS next_review_on, coalesce(d.owner_id, d.created_by_id) AS assignee
         FROM documents d
        WHERE d.current_version_id IS NOT NULL AND d.next_review_on <= $1 AND d.review_task_id IS NULL`,
      [addDays(today, REVIEW_NOTICE_DAYS)],
    )) as Array<{ id: string; organization_id: string; title: string; next_review_on: string; assignee: string | null }>;
    let raised = 0;
    for (const doc of due) {
      const reviewOn = doc.next_review_on;
      await this.db.transaction(async (em) => {
        const member = doc.assignee
          ? ((await em.query(`SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`, [doc.organization_id, doc.assignee])) as Array<{ role: Role }>)[0]
          : undefined;
        const assigneeId = member ? doc.assignee : null;
        const scope = OrgScope.mint(doc.organization_id, assigneeId ?? doc.assignee ?? 'system', member?.role ?? 'ISMS_MANAGER', 'document:update');
        const actor: Actor = { actorId: null, actorLabel: 'Annex (review schedule)', ip: null };
        const task = await this.tasks.createIn(
          em,
          scope,
          {
            title: `Review: ${doc.title}`.slice(0, 200),
            description: `"${doc.title}" is due for its periodic review on ${reviewOn}. Check it is still accurate; publish a new version or mark it reviewed.`,
            assigneeId,
            dueDate: reviewOn,
            priority: reviewOn < today ? 'HIGH' : 'MEDIUM',
            subjectId: doc.id,
          },
          actor,
          { notifyAssignee: false },
        );
        await em.update(Document, { id: doc.id }, { reviewTaskId: task.id } as never);
        if (assigneeId) {
          await this.notifications.notify(em, {
            organizationId: doc.organization_id,
            userId: assigneeId,
            kind: 'REVIEW_DUE',
            title: `Review due: ${doc.title}`,
            body: `"${doc.title}" is due for review on ${reviewOn}.`,
            subjectId: doc.id,
            actorId: null,
            link: `/o/${doc.organization_id}/documents/${doc.id}`,
          });
        }
      });
      raised += 1;
    }
    return raised;
  }

  // ---------------------------------------------------------------- lists

  /** SQL for a document's status, from its versions and their approval requests. */
  private static readonly STATUS_SQL = `CASE
      WHEN EXISTS (SELECT 1 FROM document_versions v JOIN approval_requests r ON r.id = v.approval_request_id WHERE v.document_id = d.id AND v.state = 'SUBMITTED' AND r.status = 'PENDING') THEN 'IN_REVIEW'
      WHEN EXISTS (SELECT 1 FROM document_versions v JOIN approval_requests r ON r.id = v.approval_request_id WHERE v.document_id = d.id AND v.state = 'SUBMITTED' AND r.status = 'APPROVED') THEN 'APPROVED'
      WHEN d.current_version_id IS NOT NULL THEN 'PUBLISHED'
      ELSE 'DRAFT' END`;

  async list(scope: OrgScope, filter: DocumentFilter, first: number, after: string | null | undefined): Promise<Connection<Document>> {
    const query = this.db.dataSource.getRepository(Document).createQueryBuilder('d').where('d.organization_id = :org', { org: scope.organizationId });
    if (!scope.can('document:readDrafts')) {
      query.andWhere('d.current_version_id IS NOT NULL');
      if (scope.role === 'EMPLOYEE') query.andWhere('(cardinality(d.audience_roles) = 0 OR :role = ANY(d.audience_roles))', { role: scope.role });
    }
    if (filter.kind) query.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.ownerId) query.andWhere('d.owner_id = :owner', { owner: filter.ownerId });
    if (filter.search?.trim()) query.andWhere(`(d.title ILIKE :search OR d.draft_text ILIKE :search)`, { search: `%${filter.search.trim().replace(/[%_\\]/g, '\\$&')}%` });
    if (filter.reviewOverdue === true) query.andWhere('d.current_version_id IS NOT NULL AND d.next_review_on < :today', { today: todayUtc() });
    if (filter.reviewOverdue === false) query.andWhere('(d.next_review_on IS NULL OR d.next_review_on >= :today)', { today: todayUtc() });
    if (filter.controlRef) query.andWhere(':control = ANY(d.control_refs)', { control: filter.controlRef });
    if (filter.mandatoryRef) query.andWhere(':mandatory = ANY(d.mandatory_refs)', { mandatory: filter.mandatoryRef });
    if (filter.status) query.andWhere(`(${DocumentService.STATUS_SQL}) = :status`, { status: filter.status });
    withoutDraftBody(query);
    const offset = decodeOffsetCursor(after);
    const [nodes, total] = await query.orderBy('d.title', 'ASC').addOrderBy('d.id', 'ASC').skip(offset).take(first).getManyAndCount();
    return toOffsetConnection(nodes, first, total, offset);
  }

  // ---------------------------------------------------------------- mandatory documents and consistency

  private async standings(organizationId: string): Promise<DocumentStanding[]> {
    const rows = (await this.db.dataSource.query(
      `SELECT d.id, d.title, d.mandatory_refs, d.control_refs, d.current_version_id, to_char(d.next_review_on, 'YYYY-MM-DD') AS next_review_on,
              (r.status = 'APPROVED' AND r.subject_hash = cv.content_hash) AS approval_valid
         FROM documents d
         LEFT JOIN document_versions cv ON cv.id = d.current_version_id
         LEFT JOIN approval_requests r ON r.id = cv.approval_request_id
        WHERE d.organization_id = $1`,
      [organizationId],
    )) as Array<{ id: string; title: string; mandatory_refs: string[]; control_refs: string[]; current_version_id: string | null; next_review_on: string | null; approval_valid: boolean | null }>;
    // The Statement of Applicability (MD-6.1.3-d) is kept in Annex itself: its latest approved version counts.
    const soa = (await this.db.dataSource.query(
      `SELECT v.id, v.number FROM soa_versions v JOIN approval_requests r ON r.subject_id = v.id AND r.status = 'APPROVED' AND r.subject_hash = v.content_hash
        WHERE v.organization_id = $1 ORDER BY v.number DESC LIMIT 1`,
      [organizationId],
    )) as Array<{ id: string; number: number }>;
    const builtIn: DocumentStanding[] = soa[0]
      ? [{ id: soa[0].id, title: `Statement of Applicability version ${soa[0].number}`, mandatoryRefs: ['MD-6.1.3-d'], controlRefs: [], published: true, approvalValid: true, nextReviewOn: null }]
      : [];
    return builtIn.concat(rows.map((r) => ({
      id: r.id,
      title: r.title,
      mandatoryRefs: r.mandatory_refs,
      controlRefs: r.control_refs,
      published: r.current_version_id !== null,
      approvalValid: r.approval_valid === true,
      nextReviewOn: r.next_review_on,
    })));
  }

  /**
   * Mandatory records Annex keeps in its own modules, in one statement: a reported internal
   * audit (9.2), findings and corrective actions (10.2), training records (7.2), indicator
   * measurements (9.1), objectives (6.2), a signed management review (9.3), assessed and treated
   * risks (8.2, 8.3) and the asset inventory (A.5.9).
   */
  async keptRecords(organizationId: string): Promise<Map<string, string>> {
    const [row] = (await this.db.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM audits WHERE organization_id = $1 AND kind = 'INTERNAL' AND status IN ('REPORTING','CLOSED')) AS internal_audit,
              EXISTS (SELECT 1 FROM corrective_actions WHERE organization_id = $1) AS corrective_actions,
              EXISTS (SELECT 1 FROM training_records WHERE organization_id = $1) AS training,
              EXISTS (SELECT 1 FROM indicator_measurements m JOIN indicators i ON i.id = m.indicator_id WHERE i.organization_id = $1) AS measurements,
              EXISTS (SELECT 1 FROM objectives WHERE organization_id = $1) AS objectives,
              EXISTS (SELECT 1 FROM management_reviews m JOIN approval_requests r ON r.id = m.approval_request_id
                       WHERE m.organization_id = $1 AND r.status = 'APPROVED' AND r.subject_hash = m.snapshot_hash) AS review,
              EXISTS (SELECT 1 FROM risks WHERE organization_id = $1) AS risks,
              EXISTS (SELECT 1 FROM risks WHERE organization_id = $1 AND treatment IS NOT NULL) AS treated,
              EXISTS (SELECT 1 FROM assets WHERE organization_id = $1) AS assets`,
      [organizationId],
    )) as Array<Record<string, boolean>>;
    const kept = new Map<string, string>();
    const keep = (flag: boolean | undefined, ref: string, where: string) => flag && kept.set(ref, where);
    keep(row?.['internal_audit'], 'MD-9.2.2', 'Audits: the internal audit programme and reports');
    keep(row?.['corrective_actions'], 'MD-10.2', 'Audits: findings and their corrective actions');
    keep(row?.['training'], 'MD-7.2', 'Training: completion records');
    keep(row?.['measurements'], 'MD-9.1', 'Objectives & KPIs: indicator measurements');
    keep(row?.['objectives'], 'MD-6.2', 'Objectives & KPIs: the security objectives');
    keep(row?.['review'], 'MD-9.3.3', 'Management reviews: the signed review');
    keep(row?.['risks'], 'MD-8.2', 'Risks: the assessed risk register');
    keep(row?.['treated'], 'MD-8.3', 'Risks: treatment decisions and the treatment plan');
    keep(row?.['assets'], 'MD-A.5.9', 'Assets: the inventory');
    return kept;
  }

  /** What the checklist and the consistency checks both read: the documents' standings and the records kept in Annex. */
  private async checkBasis(organizationId: string): Promise<{ standings: DocumentStanding[]; kept: Map<string, string> }> {
    const [standings, kept] = await Promise.all([this.standings(organizationId), this.keptRecords(organizationId)]);
    return { standings, kept };
  }

  /** The checklist and the consistency issues together, from one reading of what they share (the readiness dashboard). */
  async checks(organizationId: string) {
    const basis = this.checkBasis(organizationId);
    const [mandatory, issues] = await Promise.all([this.mandatoryDocuments(organizationId, basis), this.consistency(organizationId, basis)]);
    return { mandatory, issues };
  }

  async mandatoryDocuments(organizationId: string, basis = this.checkBasis(organizationId)) {
    const { standings, kept } = await basis;
    const byRef = new Map(MANDATORY_DOCUMENTS.map((d) => [d.ref, d]));
    return mandatoryDocumentStatus(MANDATORY_DOCUMENTS, standings, todayUtc(), kept).map((s) => ({ ...s, clause: byRef.get(s.ref)!.clause, kind: byRef.get(s.ref)!.kind }));
  }

  async consistency(organizationId: string, basis = this.checkBasis(organizationId)): Promise<ConsistencyIssue[]> {
    const [{ standings: documents, kept: keptRecords }, soa, treatments] = await Promise.all([
      basis,
      this.db.dataSource.query(`SELECT id, control_ref, applicable FROM soa_entries WHERE organization_id = $1`, [organizationId]) as Promise<
        Array<{ id: string; control_ref: string; applicable: boolean | null }>
      >,
      this.db.dataSource.query(
        `SELECT r.id, r.title, array_agg(rc.control_ref ORDER BY rc.control_ref) AS refs FROM risks r JOIN risk_controls rc ON rc.risk_id = r.id
          WHERE r.organization_id = $1 AND r.treatment IS DISTINCT FROM 'AVOID' GROUP BY r.id, r.title ORDER BY r.title`,
        [organizationId],
      ) as Promise<Array<{ id: string; title: string; refs: string[] }>>,
    ]);
    return consistencyIssues({
      keptRecords,
      today: todayUtc(),
      knownControlRefs: new Set(CONTROLS.map((c) => c.ref)),
      mandatory: MANDATORY_DOCUMENTS,
      documents,
      soa: soa.map((e) => ({ id: e.id, controlRef: e.control_ref, applicable: e.applicable })),
      treatments: treatments.map((t) => ({ riskId: t.id, title: t.title, controlRefs: t.refs })),
    });
  }

  /** For the co-editing layer: may this person open the document, and may they write? */
  async liveAccess(userId: string, documentId: string, tokenOrganizationId: string | null): Promise<{ organizationId: string; readOnly: boolean } | null> {
    const doc = await this.db.dataSource.getRepository(Document).findOneBy({ id: documentId });
    if (!doc || (tokenOrganizationId && doc.organizationId !== tokenOrganizationId)) return null;
    const rows = (await this.db.dataSource.query(`SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`, [doc.organizationId, userId])) as Array<{ role: Role }>;
    const role = rows[0]?.role;
    if (!role) return null;
    const scope = OrgScope.mint(doc.organizationId, userId, role, 'document:read');
    if (!scope.can('document:readDrafts')) return null;
    if (doc.format !== 'RICH_TEXT') return null;
    const editable = scope.can('document:update') && (await this.canEdit(this.db.dataSource.manager, scope, doc));
    return { organizationId: doc.organizationId, readOnly: !editable };
  }

  private async actorFor(em: EntityManager, userId: string | null): Promise<Actor> {
    if (!userId) return { actorId: null, actorLabel: 'Annex', ip: null };
    const rows = (await em.query(`SELECT name, email FROM users WHERE id = $1`, [userId])) as Array<{ name: string; email: string }>;
    return { actorId: userId, actorLabel: rows[0] ? `${rows[0].name} <${rows[0].email}> (live editor)` : null, ip: null };
  }
}

/**
 * The acknowledgement status of a published document from its organisation's members (by name)
 * and who acknowledged its current major version: per person in the audience, and coverage per
 * role, from rows that DataLoaders fetch for a whole page of documents at once.
 */
export function acknowledgementStatusOf(
  doc: Pick<Document, 'audienceRoles'>,
  versionNumber: string,
  members: ReadonlyArray<{ user_id: string; role: Role }>,
  acknowledged: ReadonlyMap<string, Date>,
) {
  const audience = members.filter((m) => inAudience(doc.audienceRoles, m.role)).map((m) => ({ user_id: m.user_id, role: m.role, acknowledged_at: acknowledged.get(m.user_id) ?? null }));
  const coverage = acknowledgementCoverage(
    audience.map((r) => ({ role: r.role, acknowledged: r.acknowledged_at !== null })),
    doc.audienceRoles,
  );
  return { versionNumber, ...coverage.total, byRole: coverage.byRole, people: audience };
}

/**
 * Lists of documents leave out the draft's body (HTML and text, kilobytes per document): the
 * `draft` field loads it for the documents that ask (see the documentDraftById loader).
 */
function withoutDraftBody<Q extends SelectQueryBuilder<Document>>(query: Q): Q {
  const alias = query.expressionMap.mainAlias!;
  query.select(alias.metadata.columns.filter((c) => c.propertyName !== 'draftContent' && c.propertyName !== 'draftText' && c.isSelect).map((c) => `${alias.name}.${c.propertyName}`));
  return query;
}

/** The columns of a version without its content (HTML and text): what lists of versions need. */
const CONTENT_COLUMNS = new Set(['content', 'contentText']);

/**
 * Every version of the documents, newest first, with its effective status. `withContent: false`
 * leaves out the content (kilobytes per version, for every version of every document on a page):
 * the `content` and `contentText` fields of DocumentVersion then load it when asked.
 */
export async function loadVersionsWithStatus(
  ds: DataSource | EntityManager,
  documentIds: readonly string[],
  { withContent = true }: { withContent?: boolean } = {},
): Promise<Map<string, VersionWithStatus[]>> {
  const query = ds.getRepository(DocumentVersion).createQueryBuilder('v');
  if (!withContent) query.select(query.expressionMap.mainAlias!.metadata.columns.filter((c) => !CONTENT_COLUMNS.has(c.propertyName)).map((c) => `v.${c.propertyName}`));
  const { entities, raw } = await query
    .leftJoin(ApprovalRequest, 'r', 'r.id = v.approval_request_id')
    .addSelect('r.status', 'approval_status')
    .where('v.document_id = ANY(:ids)', { ids: [...documentIds] })
    .orderBy('v.major', 'DESC')
    .addOrderBy('v.minor', 'DESC')
    .getRawAndEntities();
  const byDoc = new Map<string, VersionWithStatus[]>(documentIds.map((id) => [id, []]));
  entities.forEach((version, i) => {
    const withStatus = Object.assign(version, { status: versionStatus(version.state, (raw[i] as { approval_status: never }).approval_status ?? null) });
    byDoc.get(version.documentId)?.push(withStatus);
  });
  return byDoc;
}

function refs(field: string, values: string[] | null, known: (ref: string) => boolean, example: string): string[] {
  const list = [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
  if (list.length > 200) throw badInput(field, 'At most 200 references.', 'TOO_MANY');
  const unknown = list.find((r) => !known(r));
  if (unknown) throw badInput(field, `"${unknown}" is not a ${example} of the ISO/IEC 27001:2022 catalogue.`, 'UNKNOWN_REFERENCE');
  return list.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function checkedContent(content: string) {
  if (content.length > MAX_CONTENT_CHARS) throw badInput('content', 'The content must be at most 1,000,000 characters.', 'TOO_LONG');
  return normalizeHtml(content);
}
