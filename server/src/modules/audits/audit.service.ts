import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  AUDIT_KINDS,
  FINDING_KINDS,
  ROOT_CAUSE_METHODS,
  addDays,
  addMonths,
  auditProgrammeCoverage,
  canMoveAuditStatus,
  canMoveEvidenceRequest,
  canVerify,
  certificateExpiry,
  certificationBlockers,
  certificationStatus,
  correctiveActionTransition,
  defaultCorrectiveActionDueDate,
  isNonconformity,
  nextAudits,
  plannedCycle,
  todayUtc,
  verificationOutcome,
  type AuditKind,
  type AuditStatus,
  type CertificationDecision,
  type CertificationInput,
  type ChecklistVerdict,
  type CorrectiveActionStatus,
  type FindingKind,
  type Role,
  type RootCauseMethod,
} from '@annex/domain';
import { CLAUSES, CONTROLS, findClause, findControl } from '@annex/iso27001';
import type { Database } from '../../core/db/database.js';
import { OrgScope } from '../../core/authorization.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isCalendarDate } from '../../core/scalars.js';
import { requiredText } from '../../core/validation.js';
import { decodeOffsetCursor, toOffsetConnection, type Connection } from '../../core/pagination.js';
import type { FileStore } from '../../core/storage/file-store.js';
import { organizationOfSubject } from '../../core/subjects.js';
import type { Actor } from '../organizations/organization.service.js';
import { requireMembers } from '../organizations/member.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { TaskService } from '../tasks/task.service.js';
import { insertStoredFile } from '../documents/stored-files.js';
import type { DocumentService } from '../documents/document.service.js';
import {
  Audit,
  AuditSession,
  Certificate,
  CertificationDecisionRecord,
  ChecklistItem,
  CorrectiveAction,
  Evidence,
  EvidenceRequest,
  Finding,
} from './audit.entity.js';

/** Every requirement an audit can examine: the clauses (4.1 …) and the Annex A controls. */
const REQUIREMENT_REFS: string[] = [...CLAUSES.map((c) => c.ref), ...CONTROLS.map((c) => c.ref)];

/** A scope reference is a requirement, or a group of them ("A.5", "9"). */
function expandScope(ref: string): string[] {
  if (findClause(ref) || findControl(ref)) return [ref].concat(REQUIREMENT_REFS.filter((r) => r.startsWith(`${ref}.`)));
  return REQUIREMENT_REFS.filter((r) => r.startsWith(`${ref}.`));
}

export const EVIDENCE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'text/plain': 'text',
  'text/csv': 'CSV',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/zip': 'ZIP archive',
};

export interface AuditFields {
  kind?: AuditKind | null;
  title?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  leadAuditorId?: string | null;
  teamIds?: string[] | null;
  scopeRefs?: string[] | null;
  objectives?: string | null;
  status?: AuditStatus | null;
}

export interface CorrectiveActionFields {
  correction?: string | null;
  rootCauseMethod?: RootCauseMethod | null;
  rootCause?: string | null;
  action?: string | null;
  preventiveMeasures?: string | null;
  ownerId?: string | null;
  dueDate?: string | null;
  status?: CorrectiveActionStatus | null;
  evidenceIds?: string[] | null;
  effectivenessReviewOn?: string | null;
}

const text = (field: string, value: string | null | undefined, max = 5000) => {
  const trimmed = (value ?? '').trim();
  if (trimmed.length > max) throw badInput(field, `At most ${max.toLocaleString('en')} characters.`, 'TOO_LONG');
  return trimmed;
};

/**
 * Audits, evidence, findings, corrective actions and the certification cycle. Auditors act only
 * on the audits they lead or are on; the rules of the cycle are in @annex/domain (audit-rules).
 */
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly tasks: TaskService,
    private readonly documents: DocumentService,
    private readonly files: FileStore,
    private readonly uploadMaxBytes: number,
  ) {}

  // ------------------------------------------------------------------ access

  /** Whether the person leads or is on the audit. */
  async isOnAudit(em: EntityManager, auditId: string, userId: string): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM audits WHERE id = $1 AND lead_auditor_id = $2 UNION ALL SELECT 1 FROM audit_team WHERE audit_id = $1 AND user_id = $2 LIMIT 1`, [
      auditId,
      userId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** The audit, if this person may see it: auditors only the audits they are on. */
  async visibleAudit(em: EntityManager, organizationId: string, role: Role, userId: string, auditId: string): Promise<Audit | null> {
    const audit = await em.getRepository(Audit).findOneBy({ id: auditId, organizationId });
    if (!audit) return null;
    if (role === 'AUDITOR' && !(await this.isOnAudit(em, auditId, userId))) return null;
    return audit;
  }

  private async requireAudit(em: EntityManager, scope: OrgScope, auditId: string, lock = false): Promise<Audit> {
    const audit = await this.visibleAudit(em, scope.organizationId, scope.role, scope.userId, auditId);
    if (!audit) throw notFound('Audit');
    if (lock) await em.query(`SELECT id FROM audits WHERE id = $1 FOR UPDATE`, [auditId]);
    return audit;
  }

  private async requireEvidence(em: EntityManager, organizationId: string, ids: string[] | null | undefined): Promise<string[]> {
    const wanted = [...new Set(ids ?? [])];
    if (!wanted.length) return [];
    const rows = await em.getRepository(Evidence).findBy({ id: In(wanted), organizationId });
    if (rows.length !== wanted.length) throw badInput('evidenceIds', 'Unknown evidence: upload it first.', 'UNKNOWN_EVIDENCE');
    return wanted;
  }

  // ------------------------------------------------------------------ audits

  private validateAudit(input: AuditFields, current: Audit | null): Partial<Audit> {
    const out: Partial<Audit> = {};
    if (!current || input.kind !== undefined) {
      if (!input.kind || !AUDIT_KINDS.includes(input.kind)) throw badInput('kind', `Choose one of ${AUDIT_KINDS.join(', ')}.`, 'INVALID_KIND');
      out.kind = input.kind;
    }
    if (!current || input.title !== undefined) out.title = requiredText('title', input.title, 200);
    for (const field of ['startDate', 'endDate'] as const) {
      if (!current || input[field] !== undefined) {
        if (!input[field] || !isCalendarDate(input[field]!)) throw badInput(field, 'Use a date like 2027-03-31.', 'INVALID_DATE');
        out[field] = input[field]!;
      }
    }
    const start = out.startDate ?? current?.startDate;
    const end = out.endDate ?? current?.endDate;
    if (start && end && end < start) throw badInput('endDate', 'The audit cannot end before it starts.', 'END_BEFORE_START');
    if (input.scopeRefs !== undefined) {
      const refs = [...new Set((input.scopeRefs ?? []).map((r) => r.trim()).filter(Boolean))];
      const unknown = refs.find((r) => expandScope(r).length === 0);
      if (unknown) throw badInput('scopeRefs', `"${unknown}" is not a clause or control of ISO/IEC 27001:2022 (e.g. 9.2, A.5.15 or A.8).`, 'UNKNOWN_REFERENCE');
      out.scopeRefs = refs;
    }
    if (input.objectives !== undefined) out.objectives = text('objectives', input.objectives);
    if (input.status !== undefined && input.status !== null) {
      if (!current) throw badInput('status', 'A new audit starts as PLANNED.', 'INVALID_STATUS');
      if (!canMoveAuditStatus(current.status, input.status)) throw badInput('status', `An audit moves forward only: it is ${current.status}.`, 'BACKWARD');
      out.status = input.status;
    }
    return out;
  }

  private async syncChecklist(em: EntityManager, audit: Audit): Promise<void> {
    const refs = [...new Set(audit.scopeRefs.flatMap(expandScope))].filter((r) => findClause(r) || findControl(r)).slice(0, 300);
    const existing = new Set(((await em.query(`SELECT ref FROM audit_checklist_items WHERE audit_id = $1`, [audit.id])) as Array<{ ref: string }>).map((r) => r.ref));
    for (const ref of refs.filter((r) => !existing.has(r))) {
      await em.insert(ChecklistItem, { id: newId('ChecklistItem'), organizationId: audit.organizationId, auditId: audit.id, version: 1, ref, verdict: 'NOT_CHECKED', notes: '', updatedById: null, updatedAt: null });
    }
  }

  async create(scope: OrgScope, input: AuditFields, actor: Actor): Promise<Audit> {
    return this.db.transaction(async (em) => {
      const fields = this.validateAudit(input, null);
      await requireMembers(em, scope.organizationId, 'leadAuditorId', [input.leadAuditorId]);
      await requireMembers(em, scope.organizationId, 'teamIds', input.teamIds ?? []);
      const now = new Date();
      const audit = Object.assign(new Audit(), {
        id: newId('Audit'),
        organizationId: scope.organizationId,
        version: 1,
        kind: fields.kind!,
        title: fields.title!,
        status: 'PLANNED' as AuditStatus,
        startDate: fields.startDate!,
        endDate: fields.endDate!,
        leadAuditorId: input.leadAuditorId ?? null,
        scopeRefs: fields.scopeRefs ?? [],
        objectives: fields.objectives ?? '',
        createdById: scope.userId,
        createdAt: now,
        updatedAt: now,
        closedAt: null,
      });
      await em.insert(Audit, audit as never);
      for (const userId of new Set(input.teamIds ?? [])) await em.query(`INSERT INTO audit_team (audit_id, user_id) VALUES ($1, $2)`, [audit.id, userId]);
      await this.syncChecklist(em, audit);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'audit.created', ...actor, entityType: 'Audit', entityId: audit.id, summary: { after: { ...fields, leadAuditorId: audit.leadAuditorId, teamIds: input.teamIds ?? [] } } });
      return audit;
    });
  }

  async update(scope: OrgScope, id: string, version: number, input: AuditFields, actor: Actor): Promise<Audit> {
    return this.db.transaction(async (em) => {
      const current = await this.requireAudit(em, scope, id, true);
      if (scope.role === 'AUDITOR' && (input.kind !== undefined || input.leadAuditorId !== undefined || input.teamIds !== undefined)) {
        throw forbidden('Auditors run the audit; the ISMS manager plans its kind, lead and team.');
      }
      if (current.version !== version) throw conflict(`This audit was changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      const fields = this.validateAudit(input, current);
      if (input.leadAuditorId !== undefined) await requireMembers(em, scope.organizationId, 'leadAuditorId', [input.leadAuditorId]);
      if (input.teamIds) await requireMembers(em, scope.organizationId, 'teamIds', input.teamIds);
      const now = new Date();
      const next = Object.assign(new Audit(), current, fields, {
        version: current.version + 1,
        updatedAt: now,
        ...(input.leadAuditorId !== undefined ? { leadAuditorId: input.leadAuditorId } : {}),
        closedAt: fields.status === 'CLOSED' && current.status !== 'CLOSED' ? now : current.closedAt,
      });
      await em.update(
        Audit,
        { id },
        { kind: next.kind, title: next.title, status: next.status, startDate: next.startDate, endDate: next.endDate, leadAuditorId: next.leadAuditorId, scopeRefs: next.scopeRefs, objectives: next.objectives, version: next.version, updatedAt: now, closedAt: next.closedAt } as never,
      );
      if (input.teamIds) {
        await em.query(`DELETE FROM audit_team WHERE audit_id = $1`, [id]);
        for (const userId of new Set(input.teamIds)) await em.query(`INSERT INTO audit_team (audit_id, user_id) VALUES ($1, $2)`, [id, userId]);
      }
      if (fields.scopeRefs) await this.syncChecklist(em, next);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'audit.updated',
        ...actor,
        entityType: 'Audit',
        entityId: id,
        summary: { before: Object.fromEntries(Object.keys(fields).map((k) => [k, current[k as keyof Audit]])), after: { ...fields, ...(input.teamIds ? { teamIds: input.teamIds } : {}) } },
      });
      return next;
    });
  }

  async list(scope: OrgScope, filter: { kind?: AuditKind | null; status?: AuditStatus | null }, first: number, after: string | null | undefined): Promise<Connection<Audit>> {
    const query = this.db.dataSource.getRepository(Audit).createQueryBuilder('a').where('a.organization_id = :org', { org: scope.organizationId });
    if (scope.role === 'AUDITOR') {
      query.andWhere('(a.lead_auditor_id = :me OR EXISTS (SELECT 1 FROM audit_team t WHERE t.audit_id = a.id AND t.user_id = :me))', { me: scope.userId });
    }
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    const offset = decodeOffsetCursor(after);
    const [rows, total] = await query.orderBy('a.start_date', 'DESC').addOrderBy('a.id', 'DESC').skip(offset).take(first).getManyAndCount();
    return toOffsetConnection(rows, first, total, offset);
  }

  async addSession(scope: OrgScope, input: { auditId: string; startsAt: Date; endsAt: Date; topic: string; location?: string | null; intervieweeIds?: string[] | null }, actor: Actor): Promise<AuditSession> {
    const topic = requiredText('topic', input.topic, 300);
    if (!(input.endsAt > input.startsAt)) throw badInput('endsAt', 'A session ends after it starts.', 'END_BEFORE_START');
    return this.db.transaction(async (em) => {
      const audit = await this.requireAudit(em, scope, input.auditId);
      if (audit.status === 'CLOSED') throw badInput('auditId', 'The audit is closed.', 'AUDIT_CLOSED');
      await requireMembers(em, scope.organizationId, 'intervieweeIds', input.intervieweeIds ?? []);
      const session = Object.assign(new AuditSession(), {
        id: newId('AuditSession'),
        organizationId: scope.organizationId,
        auditId: audit.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        topic,
        location: text('location', input.location, 200),
        intervieweeIds: [...new Set(input.intervieweeIds ?? [])],
      });
      await em.insert(AuditSession, session as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'audit.updated', ...actor, entityType: 'Audit', entityId: audit.id, summary: { after: { sessionAdded: { id: session.id, topic, startsAt: session.startsAt } } } });
      return session;
    });
  }

  async updateChecklistItem(scope: OrgScope, input: { id: string; version: number; verdict?: ChecklistVerdict | null; notes?: string | null }, actor: Actor): Promise<ChecklistItem> {
    return this.db.transaction(async (em) => {
      const item = await em.getRepository(ChecklistItem).findOneBy({ id: input.id, organizationId: scope.organizationId });
      if (!item) throw notFound('Checklist item');
      await this.requireAudit(em, scope, item.auditId);
      const next = { ...item, verdict: input.verdict ?? item.verdict, notes: input.notes === undefined ? item.notes : text('notes', input.notes), version: item.version + 1, updatedById: scope.userId, updatedAt: new Date() };
      const result = await em
        .createQueryBuilder()
        .update(ChecklistItem)
        .set({ verdict: next.verdict, notes: next.notes, version: next.version, updatedById: scope.userId, updatedAt: next.updatedAt } as never)
        .where('id = :id AND version = :version', { id: item.id, version: input.version })
        .execute();
      if (result.affected !== 1) throw conflict('This checklist item was changed by someone else. Reload to see their change.');
      await appendAudit(em, { organizationId: scope.organizationId, action: 'audit.updated', ...actor, entityType: 'Audit', entityId: item.auditId, summary: { after: { checklist: { ref: item.ref, verdict: next.verdict } } } });
      return Object.assign(new ChecklistItem(), next);
    });
  }

  // ------------------------------------------------------------------ evidence

  /** Stores an uploaded file as evidence (hashed, typed, sized, dated). */
  async upload(
    scope: OrgScope,
    file: { buffer: Buffer; filename: string; contentType: string },
    fields: { title?: string | null; controlRefs?: string[]; subjectId?: string | null; effectiveOn?: string | null; expiresOn?: string | null },
    actor: Actor,
  ): Promise<Evidence & { sha256: string }> {
    if (!EVIDENCE_TYPES[file.contentType]) throw badInput('file', `Upload a ${Object.values(EVIDENCE_TYPES).join(', ')} file.`, 'UNSUPPORTED_TYPE');
    if (file.buffer.length === 0) throw badInput('file', 'The file is empty.', 'EMPTY_FILE');
    if (file.buffer.length > this.uploadMaxBytes) throw badInput('file', `Files are at most ${Math.round(this.uploadMaxBytes / 1048576)} MB.`, 'TOO_LARGE');
    const refs = [...new Set(fields.controlRefs ?? [])];
    const unknownRef = refs.find((r) => !findControl(r) && !findClause(r));
    if (unknownRef) throw badInput('controlRefs', `"${unknownRef}" is not in the ISO/IEC 27001:2022 catalogue.`, 'UNKNOWN_REFERENCE');
    for (const field of ['effectiveOn', 'expiresOn'] as const) if (fields[field] && !isCalendarDate(fields[field]!)) throw badInput(field, 'Use a date like 2027-03-31.', 'INVALID_DATE');
    const filename = (file.filename || 'evidence').replace(/[\\/\0\r\n]/g, '_').slice(0, 200);
    const stored = await this.files.put(file.buffer);
    return this.db.transaction(async (em) => {
      if (fields.subjectId) {
        if ((await organizationOfSubject(em, fields.subjectId)) !== scope.organizationId) throw badInput('subjectId', 'The record must be of this organisation.', 'UNKNOWN_SUBJECT');
      }
      const record = await insertStoredFile(em, scope, stored, file, filename);
      const evidence = Object.assign(new Evidence(), {
        id: newId('Evidence'),
        organizationId: scope.organizationId,
        title: text('title', fields.title, 300) || filename,
        note: '',
        fileId: record.id,
        controlRefs: refs,
        subjectId: fields.subjectId ?? null,
        effectiveOn: fields.effectiveOn ?? todayUtc(),
        expiresOn: fields.expiresOn ?? null,
        uploadedById: scope.userId,
        createdAt: new Date(),
      });
      await em.insert(Evidence, evidence as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'evidence.uploaded', ...actor, entityType: 'Evidence', entityId: evidence.id, summary: { after: { filename, sha256: stored.sha256, size: record.size, contentType: record.contentType, controlRefs: refs, subjectId: evidence.subjectId } } });
      return Object.assign(evidence, { sha256: stored.sha256 });
    });
  }

  // ------------------------------------------------------------------ evidence requests

  async requestEvidence(scope: OrgScope, input: { auditId: string; title: string; description?: string | null; ownerId?: string | null; dueAt: Date }, actor: Actor): Promise<EvidenceRequest> {
    const title = requiredText('title', input.title, 300);
    if (!(input.dueAt instanceof Date) || Number.isNaN(input.dueAt.getTime())) throw badInput('dueAt', 'Give a due time.', 'INVALID_DATE');
    return this.db.transaction(async (em) => {
      const audit = await this.requireAudit(em, scope, input.auditId);
      if (audit.status === 'CLOSED') throw badInput('auditId', 'The audit is closed.', 'AUDIT_CLOSED');
      await requireMembers(em, scope.organizationId, 'ownerId', [input.ownerId]);
      const request = Object.assign(new EvidenceRequest(), {
        id: newId('EvidenceRequest'),
        organizationId: scope.organizationId,
        auditId: audit.id,
        version: 1,
        title,
        description: text('description', input.description),
        ownerId: input.ownerId ?? null,
        dueAt: input.dueAt,
        status: 'OPEN' as const,
        answerNote: '',
        answeredAt: null,
        answeredById: null,
        reviewComment: '',
        reviewedAt: null,
        reviewedById: null,
        requestedById: scope.userId,
        createdAt: new Date(),
      });
      await em.insert(EvidenceRequest, request as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'evidenceRequest.created', ...actor, entityType: 'EvidenceRequest', entityId: request.id, summary: { after: { auditId: audit.id, title, ownerId: request.ownerId, dueAt: request.dueAt } } });
      if (request.ownerId) {
        await this.notifications.notify(em, {
          organizationId: scope.organizationId,
          userId: request.ownerId,
          kind: 'ASSIGNED',
          title: `Evidence requested: ${title}`,
          body: `The auditor of "${audit.title}" asks for evidence by ${request.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.${request.description ? `\n\n${request.description}` : ''}`,
          subjectId: request.id,
          actorId: actor.actorId,
          link: `/o/${scope.organizationId}/audits/${audit.id}?request=${request.id}`,
        });
      }
      return request;
    });
  }

  private async lockRequest(em: EntityManager, scope: OrgScope, id: string): Promise<{ request: EvidenceRequest; audit: Audit }> {
    const request = await em.getRepository(EvidenceRequest).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id AND r.organization_id = :org', { id, org: scope.organizationId }).getOne();
    if (!request) throw notFound('Evidence request');
    const audit = await this.visibleAudit(em, scope.organizationId, scope.role, scope.userId, request.auditId);
    if (!audit) throw notFound('Evidence request');
    return { request, audit };
  }

  async answer(scope: OrgScope, input: { evidenceRequestId: string; evidenceIds?: string[] | null; note?: string | null }, actor: Actor): Promise<EvidenceRequest> {
    return this.db.transaction(async (em) => {
      const { request } = await this.lockRequest(em, scope, input.evidenceRequestId);
      if (request.ownerId !== scope.userId && !scope.can('audit:manage')) throw forbidden('Only the person asked (or an ISMS manager) answers this request.');
      const next = canMoveEvidenceRequest(request.status, 'ANSWER');
      if (!next) throw conflict(`This request is already ${request.status.toLowerCase()}.`);
      const evidenceIds = await this.requireEvidence(em, scope.organizationId, input.evidenceIds);
      const note = text('note', input.note);
      if (!evidenceIds.length && !note) throw badInput('evidenceIds', 'Attach evidence or write a note.', 'REQUIRED');
      for (const evidenceId of evidenceIds) await em.query(`INSERT INTO evidence_request_items (evidence_request_id, evidence_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [request.id, evidenceId]);
      const now = new Date();
      Object.assign(request, { status: next, answerNote: note, answeredAt: now, answeredById: scope.userId, version: request.version + 1 });
      await em.update(EvidenceRequest, { id: request.id }, { status: next, answerNote: note, answeredAt: now, answeredById: scope.userId, version: request.version } as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'evidenceRequest.answered', ...actor, entityType: 'EvidenceRequest', entityId: request.id, summary: { after: { status: next, evidenceIds, note } } });
      if (request.requestedById) {
        await this.notifications.notify(em, { organizationId: scope.organizationId, userId: request.requestedById, kind: 'APPROVAL_DECIDED', title: `Evidence answered: ${request.title}`, body: note, subjectId: request.id, actorId: actor.actorId, link: `/o/${scope.organizationId}/audits/${request.auditId}?request=${request.id}` });
      }
      return request;
    });
  }

  async review(scope: OrgScope, input: { evidenceRequestId: string; accepted: boolean; comment?: string | null }, actor: Actor): Promise<EvidenceRequest> {
    return this.db.transaction(async (em) => {
      const { request } = await this.lockRequest(em, scope, input.evidenceRequestId);
      const next = canMoveEvidenceRequest(request.status, input.accepted ? 'ACCEPT' : 'RETURN');
      if (!next) throw conflict(request.status === 'OPEN' || request.status === 'RETURNED' ? 'Nothing to review: the request has not been answered.' : `This request is already ${request.status.toLowerCase()}.`);
      const comment = text('comment', input.comment);
      if (!input.accepted && !comment) throw badInput('comment', 'Say what is missing.', 'REQUIRED');
      const now = new Date();
      Object.assign(request, { status: next, reviewComment: comment, reviewedAt: now, reviewedById: scope.userId, version: request.version + 1 });
      await em.update(EvidenceRequest, { id: request.id }, { status: next, reviewComment: comment, reviewedAt: now, reviewedById: scope.userId, version: request.version } as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'evidenceRequest.reviewed', ...actor, entityType: 'EvidenceRequest', entityId: request.id, summary: { after: { status: next, comment } } });
      if (request.ownerId && !input.accepted) {
        await this.notifications.notify(em, { organizationId: scope.organizationId, userId: request.ownerId, kind: 'ASSIGNED', title: `Evidence returned: ${request.title}`, body: comment, subjectId: request.id, actorId: actor.actorId, link: `/o/${scope.organizationId}/audits/${request.auditId}?request=${request.id}` });
      }
      return request;
    });
  }

  // ------------------------------------------------------------------ findings and corrective actions

  async raiseFinding(scope: OrgScope, input: { auditId: string; kind: FindingKind; requirementRef: string; description: string; evidenceIds?: string[] | null }, actor: Actor): Promise<Finding> {
    if (!FINDING_KINDS.includes(input.kind)) throw badInput('kind', `Choose one of ${FINDING_KINDS.join(', ')}.`, 'INVALID_KIND');
    const ref = (input.requirementRef ?? '').trim();
    if (!findClause(ref) && !findControl(ref)) throw badInput('requirementRef', `"${ref}" is not a clause or control of ISO/IEC 27001:2022.`, 'UNKNOWN_REFERENCE');
    const description = requiredText('description', input.description, 5000);
    return this.db.transaction(async (em) => {
      const audit = await this.requireAudit(em, scope, input.auditId);
      if (audit.status === 'CLOSED') throw badInput('auditId', 'The audit is closed.', 'AUDIT_CLOSED');
      const evidenceIds = await this.requireEvidence(em, scope.organizationId, input.evidenceIds);
      const finding = Object.assign(new Finding(), { id: newId('Finding'), organizationId: scope.organizationId, auditId: audit.id, kind: input.kind, requirementRef: ref, description, raisedById: scope.userId, raisedAt: new Date() });
      await em.insert(Finding, finding as never);
      for (const evidenceId of evidenceIds) await em.query(`INSERT INTO finding_evidence (finding_id, evidence_id) VALUES ($1, $2)`, [finding.id, evidenceId]);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'finding.raised', ...actor, entityType: 'Finding', entityId: finding.id, summary: { after: { auditId: audit.id, kind: finding.kind, requirementRef: ref, description, evidenceIds } } });
      // The ISMS managers hear of a nonconformity at once.
      if (isNonconformity(finding.kind)) {
        const managers = (await em.query(`SELECT user_id FROM memberships WHERE organization_id = $1 AND role IN ('OWNER','ISMS_MANAGER')`, [scope.organizationId])) as Array<{ user_id: string }>;
        for (const manager of managers) {
          await this.notifications.notify(em, {
            organizationId: scope.organizationId,
            userId: manager.user_id,
            kind: 'ASSIGNED',
            title: `${finding.kind === 'MAJOR_NONCONFORMITY' ? 'Major' : 'Minor'} nonconformity raised on ${ref}`,
            body: `${description}\n\nA corrective action is needed.`,
            subjectId: finding.id,
            actorId: actor.actorId,
            link: `/o/${scope.organizationId}/audits/${audit.id}?finding=${finding.id}`,
          });
        }
      }
      return finding;
    });
  }

  private validateCorrectiveAction(input: CorrectiveActionFields): Partial<CorrectiveAction> {
    const out: Partial<CorrectiveAction> = {};
    for (const field of ['correction', 'rootCause', 'action', 'preventiveMeasures'] as const) if (input[field] !== undefined) out[field] = text(field, input[field]);
    if (input.rootCauseMethod !== undefined && input.rootCauseMethod !== null) {
      if (!ROOT_CAUSE_METHODS.includes(input.rootCauseMethod)) throw badInput('rootCauseMethod', `Choose one of ${ROOT_CAUSE_METHODS.join(', ')}.`, 'INVALID_METHOD');
      out.rootCauseMethod = input.rootCauseMethod;
    }
    for (const field of ['dueDate', 'effectivenessReviewOn'] as const) {
      if (input[field] !== undefined && input[field] !== null) {
        if (!isCalendarDate(input[field]!)) throw badInput(field, 'Use a date like 2027-03-31.', 'INVALID_DATE');
        out[field] = input[field]!;
      }
    }
    return out;
  }

  async createCorrectiveAction(scope: OrgScope, input: CorrectiveActionFields & { findingId: string }, actor: Actor): Promise<CorrectiveAction> {
    const fields = this.validateCorrectiveAction(input);
    return this.db.transaction(async (em) => {
      const finding = await em.getRepository(Finding).findOneBy({ id: input.findingId, organizationId: scope.organizationId });
      if (!finding) throw notFound('Finding');
      const audit = (await em.getRepository(Audit).findOneBy({ id: finding.auditId }))!;
      if (!isNonconformity(finding.kind)) throw badInput('findingId', 'Corrective actions answer nonconformities; observations and opportunities are handled as improvements.', 'NOT_A_NONCONFORMITY');
      if (await em.getRepository(CorrectiveAction).findOneBy({ findingId: finding.id })) throw conflict('This finding already has a corrective action: update it.');
      await requireMembers(em, scope.organizationId, 'ownerId', [input.ownerId]);
      const now = new Date();
      const action = Object.assign(new CorrectiveAction(), {
        id: newId('CorrectiveAction'),
        organizationId: scope.organizationId,
        findingId: finding.id,
        version: 1,
        status: 'OPEN' as CorrectiveActionStatus,
        correction: fields.correction ?? '',
        rootCauseMethod: fields.rootCauseMethod ?? 'FIVE_WHYS',
        rootCause: fields.rootCause ?? '',
        action: fields.action ?? '',
        preventiveMeasures: fields.preventiveMeasures ?? '',
        ownerId: input.ownerId ?? scope.userId,
        dueDate: fields.dueDate ?? defaultCorrectiveActionDueDate(finding.kind, audit.endDate),
        effectivenessReviewOn: fields.effectivenessReviewOn ?? null,
        verifiedById: null,
        verifiedAt: null,
        verificationComment: '',
        lastRejection: '',
        overdueNotifiedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(CorrectiveAction, action as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'correctiveAction.created', ...actor, entityType: 'CorrectiveAction', entityId: action.id, summary: { after: { findingId: finding.id, ...fields, ownerId: action.ownerId, dueDate: action.dueDate } } });
      if (action.ownerId) {
        await this.notifications.notify(em, { organizationId: scope.organizationId, userId: action.ownerId, kind: 'ASSIGNED', title: `Corrective action for ${finding.requirementRef}`, body: `Due ${action.dueDate}. ${finding.description}`, subjectId: action.id, actorId: actor.actorId, link: `/o/${scope.organizationId}/audits/${finding.auditId}?finding=${finding.id}` });
      }
      return action;
    });
  }

  async updateCorrectiveAction(scope: OrgScope, id: string, version: number, input: CorrectiveActionFields, actor: Actor): Promise<CorrectiveAction> {
    const fields = this.validateCorrectiveAction(input);
    return this.db.transaction(async (em) => {
      const current = await em.getRepository(CorrectiveAction).findOneBy({ id, organizationId: scope.organizationId });
      if (!current) throw notFound('Corrective action');
      if (!scope.can('audit:manage') && current.ownerId !== scope.userId) throw forbidden('You can update the corrective actions you own.');
      if (current.version !== version) throw conflict(`This corrective action was changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      if (current.status === 'VERIFIED') throw conflict('This corrective action is verified: it is closed.');
      if (input.status) {
        const move = correctiveActionTransition(current.status, input.status);
        if (move === 'VERIFY_ONLY') throw badInput('status', 'Only an auditor’s verification sets VERIFIED.', 'VERIFY_ONLY');
        if (move === 'BACKWARD') throw badInput('status', `The status moves only forward: it is ${current.status}.`, 'BACKWARD');
        if (move === 'SKIP') throw badInput('status', `One step at a time: from ${current.status} the next is ${current.status === 'OPEN' ? 'IN_PROGRESS' : 'IMPLEMENTED'}.`, 'SKIP');
        fields.status = input.status;
      }
      if (input.ownerId !== undefined) {
        await requireMembers(em, scope.organizationId, 'ownerId', [input.ownerId]);
        fields.ownerId = input.ownerId;
      }
      const next = Object.assign(new CorrectiveAction(), current, fields, { version: current.version + 1, updatedAt: new Date() });
      if (fields.status === 'IMPLEMENTED' && !(next.correction && next.rootCause && next.action)) {
        throw badInput('status', 'Before it is implemented, describe the correction, the root cause and the action.', 'INCOMPLETE');
      }
      if (fields.dueDate && fields.dueDate !== current.dueDate) next.overdueNotifiedAt = null;
      await em.update(CorrectiveAction, { id }, { ...fields, version: next.version, updatedAt: next.updatedAt, overdueNotifiedAt: next.overdueNotifiedAt } as never);
      if (input.evidenceIds) {
        const evidenceIds = await this.requireEvidence(em, scope.organizationId, input.evidenceIds);
        await em.query(`DELETE FROM corrective_action_evidence WHERE corrective_action_id = $1`, [id]);
        for (const evidenceId of evidenceIds) await em.query(`INSERT INTO corrective_action_evidence (corrective_action_id, evidence_id) VALUES ($1, $2)`, [id, evidenceId]);
      }
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'correctiveAction.updated',
        ...actor,
        entityType: 'CorrectiveAction',
        entityId: id,
        summary: { before: Object.fromEntries(Object.keys(fields).map((k) => [k, current[k as keyof CorrectiveAction]])), after: { ...fields, ...(input.evidenceIds ? { evidenceIds: input.evidenceIds } : {}) } },
      });
      return next;
    });
  }

  async verify(scope: OrgScope, input: { id: string; effective: boolean; comment?: string | null }, actor: Actor): Promise<CorrectiveAction> {
    const comment = text('comment', input.comment);
    if (!input.effective && !comment) throw badInput('comment', 'Say why it is not effective.', 'REQUIRED');
    return this.db.transaction(async (em) => {
      const current = await em.getRepository(CorrectiveAction).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id AND c.organization_id = :org', { id: input.id, org: scope.organizationId }).getOne();
      if (!current) throw notFound('Corrective action');
      const finding = (await em.getRepository(Finding).findOneBy({ id: current.findingId }))!;
      if (!(await this.isOnAudit(em, finding.auditId, scope.userId))) throw forbidden('Only an auditor of the audit that raised the finding verifies its corrective action.');
      if (!canVerify(current.status)) throw badInput('id', `Only an implemented corrective action is verified: it is ${current.status}.`, 'NOT_IMPLEMENTED');
      const status = verificationOutcome(input.effective);
      const now = new Date();
      const changes = input.effective
        ? { status, verifiedById: scope.userId, verifiedAt: now, verificationComment: comment, effectivenessReviewOn: current.effectivenessReviewOn ?? addDays(todayUtc(now), 90) }
        : { status, lastRejection: comment, verificationComment: comment };
      await em.update(CorrectiveAction, { id: current.id }, { ...changes, version: current.version + 1, updatedAt: now } as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'correctiveAction.verified', ...actor, entityType: 'CorrectiveAction', entityId: current.id, summary: { before: { status: current.status }, after: { status, effective: input.effective, comment } } });
      if (current.ownerId && !input.effective) {
        await this.notifications.notify(em, { organizationId: scope.organizationId, userId: current.ownerId, kind: 'ASSIGNED', title: `Corrective action not effective: ${finding.requirementRef}`, body: comment, subjectId: current.id, actorId: actor.actorId, link: `/o/${scope.organizationId}/audits/${finding.auditId}?finding=${finding.id}` });
      }
      return Object.assign(new CorrectiveAction(), current, changes, { version: current.version + 1, updatedAt: now });
    });
  }

  /** Notifies the owner and the ISMS managers once per due date of each overdue corrective action. */
  async notifyOverdue(today = todayUtc()): Promise<number> {
    const overdue = (await this.db.dataSource.query(
      `SELECT c.id, c.organization_id, c.owner_id, c.due_date::text AS due_date, f.requirement_ref, f.audit_id, f.id AS finding_id
         FROM corrective_actions c JOIN findings f ON f.id = c.finding_id
        WHERE c.status <> 'VERIFIED' AND c.due_date < $1 AND c.overdue_notified_at IS NULL`,
      [today],
    )) as Array<{ id: string; organization_id: string; owner_id: string | null; due_date: string; requirement_ref: string; audit_id: string; finding_id: string }>;
    for (const action of overdue) {
      await this.db.transaction(async (em) => {
        const managers = (await em.query(`SELECT user_id FROM memberships WHERE organization_id = $1 AND role IN ('OWNER','ISMS_MANAGER')`, [action.organization_id])) as Array<{ user_id: string }>;
        for (const userId of new Set([action.owner_id, ...managers.map((m) => m.user_id)].filter((id): id is string => !!id))) {
          await this.notifications.notify(em, {
            organizationId: action.organization_id,
            userId,
            kind: 'OVERDUE',
            title: `Corrective action overdue: ${action.requirement_ref}`,
            body: `Due ${action.due_date}.`,
            subjectId: action.id,
            actorId: null,
            link: `/o/${action.organization_id}/audits/${action.audit_id}?finding=${action.finding_id}`,
          });
        }
        await em.query(`UPDATE corrective_actions SET overdue_notified_at = now() WHERE id = $1`, [action.id]);
      });
    }
    return overdue.length;
  }

  // ------------------------------------------------------------------ certification

  async certificationInput(
    em: EntityManager,
    organizationId: string,
    today: string,
  ): Promise<CertificationInput & { lastDecisionOn: string | null; certificateRecord: Certificate | null; decisionRecords: CertificationDecisionRecord[] }> {
    const audits = await em.getRepository(Audit).find({ where: { organizationId }, order: { startDate: 'ASC' } });
    const findings = (await em.query(
      `SELECT f.id, f.audit_id, f.kind, f.requirement_ref, a.end_date::text AS audit_end, c.id AS ca_id, c.status AS ca_status, c.due_date::text AS ca_due
         FROM findings f JOIN audits a ON a.id = f.audit_id LEFT JOIN corrective_actions c ON c.finding_id = f.id
        WHERE f.organization_id = $1`,
      [organizationId],
    )) as Array<{ id: string; audit_id: string; kind: FindingKind; requirement_ref: string; audit_end: string; ca_id: string | null; ca_status: CorrectiveActionStatus | null; ca_due: string | null }>;
    const decisions = await em.getRepository(CertificationDecisionRecord).find({ where: { organizationId }, order: { decidedOn: 'ASC' } });
    const certificate = await em.getRepository(Certificate).findOne({ where: { organizationId }, order: { issuedOn: 'DESC' } });
    return {
      today,
      audits: audits.map((a) => ({ id: a.id, kind: a.kind, status: a.status, startDate: a.startDate, endDate: a.endDate })),
      findings: findings.map((f) => ({
        id: f.id,
        auditId: f.audit_id,
        kind: f.kind,
        requirementRef: f.requirement_ref,
        correctiveAction: f.ca_id ? { id: f.ca_id, status: f.ca_status!, dueDate: f.ca_due! } : null,
        deadline: f.ca_due ?? defaultCorrectiveActionDueDate(f.kind, f.audit_end),
      })),
      decisions: decisions.map((d) => ({ auditId: d.auditId, decision: d.decision, decidedOn: d.decidedOn })),
      certificate: certificate ? { issuedOn: certificate.issuedOn, expiresOn: certificate.expiresOn } : null,
      lastDecisionOn: decisions.filter((d) => d.decision === 'GRANTED').at(-1)?.decidedOn ?? null,
      certificateRecord: certificate ?? null,
      decisionRecords: decisions,
    };
  }

  async certification(organizationId: string, em: EntityManager = this.db.dataSource.manager) {
    const input = await this.certificationInput(em, organizationId, todayUtc());
    const planned = await em.getRepository(Audit).find({ where: { organizationId, status: In(['PLANNED', 'IN_PROGRESS']) }, order: { startDate: 'ASC' } });
    return {
      organizationId,
      status: certificationStatus(input),
      blockers: certificationBlockers(input),
      certificate: input.certificateRecord,
      decisions: [...input.decisionRecords].reverse(),
      nextAudits: nextAudits(input).map((n) => ({ ...n, audit: planned.find((a) => a.kind === n.kind && a.startDate <= addMonths(n.dueOn, 3) && a.startDate >= addMonths(n.dueOn, -6)) ?? null })),
    };
  }

  async recordDecision(scope: OrgScope, input: { auditId: string; decision: CertificationDecision; decidedOn: string }, actor: Actor) {
    if (!isCalendarDate(input.decidedOn)) throw badInput('decidedOn', 'Use a date like 2027-03-31.', 'INVALID_DATE');
    return this.db.transaction(async (em) => {
      const audit = await em.getRepository(Audit).findOneBy({ id: input.auditId, organizationId: scope.organizationId });
      if (!audit) throw badInput('auditId', 'Unknown audit.', 'UNKNOWN_AUDIT');
      if (audit.kind !== 'STAGE2' && audit.kind !== 'RECERTIFICATION') throw badInput('auditId', 'The decision follows a stage 2 or recertification audit.', 'WRONG_AUDIT_KIND');
      if (input.decision === 'GRANTED') {
        const blockers = certificationBlockers(await this.certificationInput(em, scope.organizationId, todayUtc()));
        if (blockers.length) throw badInput('decision', `The decision is blocked: ${blockers.map((b) => b.message).join(' ')}`, 'BLOCKED');
      }
      const record = Object.assign(new CertificationDecisionRecord(), { id: newId('CertificationDecision'), organizationId: scope.organizationId, auditId: audit.id, decision: input.decision, decidedOn: input.decidedOn, recordedById: scope.userId, createdAt: new Date() });
      await em.insert(CertificationDecisionRecord, record as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'certification.decided', ...actor, entityType: 'Audit', entityId: audit.id, summary: { after: { decision: input.decision, decidedOn: input.decidedOn } } });
      return this.certification(scope.organizationId, em);
    });
  }

  async recordCertificate(scope: OrgScope, input: { issuedOn: string; certificationBody: string; certificateNumber: string; scope: string }, actor: Actor): Promise<Certificate> {
    if (!isCalendarDate(input.issuedOn)) throw badInput('issuedOn', 'Use a date like 2027-03-31.', 'INVALID_DATE');
    const body = requiredText('certificationBody', input.certificationBody, 200);
    const number = requiredText('certificateNumber', input.certificateNumber, 100);
    const certScope = requiredText('scope', input.scope, 2000);
    return this.db.transaction(async (em) => {
      const decision = await em.getRepository(CertificationDecisionRecord).findOne({ where: { organizationId: scope.organizationId, decision: 'GRANTED' }, order: { decidedOn: 'DESC' } });
      if (!decision) throw badInput('issuedOn', 'Record the certification decision (granted) first.', 'NO_DECISION');
      const certificate = Object.assign(new Certificate(), { id: newId('Certificate'), organizationId: scope.organizationId, issuedOn: input.issuedOn, expiresOn: certificateExpiry(input.issuedOn), certificationBody: body, certificateNumber: number, scope: certScope, recordedById: scope.userId, createdAt: new Date() });
      await em.insert(Certificate, certificate as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'certificate.recorded', ...actor, entityType: 'Organization', entityId: scope.organizationId, summary: { after: { issuedOn: certificate.issuedOn, expiresOn: certificate.expiresOn, certificationBody: body, certificateNumber: number } } });
      // The cycle: two surveillance audits and the recertification are planned now, and the preparation of the recertification is a task.
      const cycle = plannedCycle(decision.decidedOn, certificate.expiresOn);
      const plan: Array<[AuditKind, string, string]> = [
        ['SURVEILLANCE', `First surveillance audit (${body})`, cycle.surveillance1],
        ['SURVEILLANCE', `Second surveillance audit (${body})`, cycle.surveillance2],
        ['RECERTIFICATION', `Recertification audit (${body})`, cycle.recertificationAudit],
      ];
      for (const [kind, title, date] of plan) {
        const audit = Object.assign(new Audit(), { id: newId('Audit'), organizationId: scope.organizationId, version: 1, kind, title, status: 'PLANNED' as AuditStatus, startDate: date, endDate: addDays(date, 1), leadAuditorId: null, scopeRefs: [], objectives: 'Planned by the certification cycle.', createdById: scope.userId, createdAt: new Date(), updatedAt: new Date(), closedAt: null });
        await em.insert(Audit, audit as never);
        await appendAudit(em, { organizationId: scope.organizationId, action: 'audit.created', ...actor, entityType: 'Audit', entityId: audit.id, summary: { after: { kind, title, startDate: date, reason: 'certification cycle' } } });
      }
      await this.tasks.createIn(
        em,
        scope,
        {
          title: 'Prepare the recertification audit',
          description: `The certificate ${number} expires on ${certificate.expiresOn}. Review the ISMS, close open findings, run an internal audit and a management review, and agree the recertification audit with ${body}.`,
          assigneeId: scope.userId,
          dueDate: cycle.recertificationPreparation,
          priority: 'HIGH',
          subjectId: null,
        },
        actor,
      );
      return certificate;
    });
  }

  async programme(organizationId: string) {
    const audits = await this.db.dataSource.getRepository(Audit).findBy({ organizationId });
    const soa = (await this.db.dataSource.query(`SELECT control_ref FROM soa_entries WHERE organization_id = $1 AND applicable IS NOT FALSE`, [organizationId])) as Array<{ control_ref: string }>;
    const applicable = new Set(soa.map((s) => s.control_ref));
    const refs = [...CLAUSES.filter((c) => c.ref.split('.').length >= 2).map((c) => c.ref), ...CONTROLS.map((c) => c.ref).filter((r) => applicable.size === 0 || applicable.has(r))];
    return auditProgrammeCoverage(refs, audits.map((a) => ({ id: a.id, kind: a.kind, status: a.status, endDate: a.endDate, scopeRefs: a.scopeRefs })), todayUtc());
  }
}
