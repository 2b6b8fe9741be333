import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  MANAGEMENT_REVIEW_INPUTS,
  canPreparePack,
  canRecordMeeting,
  canSubmitForSignOff,
  managementReviewLock,
  managementReviewStatus,
  missingManagementReviewInputs,
  statusAfterMeeting,
  todayUtc,
  type ApprovalStatus,
  type ManagementReviewStatus,
  type TaskPriority,
} from '@annex/domain';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit, canonicalJson } from '../../core/audit/audit-trail.js';
import { AppError, badInput, conflict, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isCalendarDate } from '../../core/scalars.js';
import { requiredText } from '../../core/validation.js';
import type { Actor } from '../organizations/organization.service.js';
import { requireMembers } from '../organizations/member.service.js';
import type { Approvable, ApprovalService } from '../approvals/approval.service.js';
import type { ApprovalRequest } from '../approvals/approval.entity.js';
import type { RiskService } from '../risks/risk.service.js';
import type { TaskService } from '../tasks/task.service.js';
import type { Task } from '../tasks/task.entity.js';
import { ManagementReview, ManagementReviewDecision, type AttendeeRecord, type ManagementReviewSnapshot } from './management-review.entity.js';
import { assemblePack, namesOf } from './management-review-pack.js';

export interface ManagementReviewFields {
  title?: string | null;
  scheduledOn?: string | null;
  heldOn?: string | null;
  location?: string | null;
  attendees?: Array<{ userId?: string | null; name?: string | null; affiliation?: string | null }> | null;
  minutes?: string | null;
  contextChanges?: string | null;
  interestedPartyFeedback?: string | null;
}

export interface DecisionFields {
  text?: string | null;
  ownerId?: string | null;
  dueDate?: string | null;
}

const MAX_ATTENDEES = 60;

const text = (field: string, value: string | null | undefined, max: number) => {
  const trimmed = (value ?? '').trim();
  if (trimmed.length > max) throw badInput(field, `At most ${max.toLocaleString('en')} characters.`, 'TOO_LONG');
  return trimmed;
};

const date = (field: string, value: string) => {
  if (!isCalendarDate(value)) throw badInput(field, 'Use a date like 2027-03-31.', 'INVALID_DATE');
  return value;
};

/** Why the review cannot change now, as a coded CONFLICT. */
function locked(status: ManagementReviewStatus): AppError | null {
  const lock = managementReviewLock(status);
  if (lock === 'FROZEN') return new AppError('CONFLICT', 'This management review is signed off by management: its pack, minutes and decisions are frozen.', { reason: 'FROZEN' });
  if (lock === 'AWAITING_SIGN_OFF') {
    return new AppError('CONFLICT', 'This management review is awaiting management’s sign-off: withdraw the approval request to change it.', { reason: 'AWAITING_SIGN_OFF' });
  }
  return null;
}

/** The content a sign-off covers, hashed: people are named by id, so a renamed account does not void an approval. */
export function snapshotHash(snapshot: ManagementReviewSnapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

/**
 * Management reviews (clause 9.3): the pack assembled from live data, the meeting, the decisions
 * (each can become a tracked task) and the sign-off by management through the approvals engine,
 * after which the review is frozen. Rules of the flow are in @annex/domain (management-review-rules).
 */
export class ManagementReviewService {
  constructor(
    private readonly db: Database,
    private readonly approvals: ApprovalService,
    private readonly tasks: TaskService,
    private readonly risks: RiskService,
  ) {}

  // ------------------------------------------------------------------ reading

  /** The status people see, from the stored step and the sign-off request. */
  statusOf(review: ManagementReview, signOff: Pick<ApprovalRequest, 'status' | 'subjectHash'> | null): ManagementReviewStatus {
    const approval: ApprovalStatus | null = signOff ? (signOff.status === 'APPROVED' && signOff.subjectHash !== review.snapshotHash ? 'INVALIDATED' : signOff.status) : null;
    return managementReviewStatus(review.storedStatus, approval);
  }

  private async signOffOf(em: EntityManager, review: ManagementReview): Promise<Pick<ApprovalRequest, 'status' | 'subjectHash'> | null> {
    if (!review.approvalRequestId) return null;
    const rows = (await em.query(`SELECT status, subject_hash FROM approval_requests WHERE id = $1`, [review.approvalRequestId])) as Array<{ status: ApprovalStatus; subject_hash: string }>;
    return rows[0] ? { status: rows[0].status, subjectHash: rows[0].subject_hash } : null;
  }

  async list(scope: OrgScope): Promise<ManagementReview[]> {
    return this.db.dataSource.getRepository(ManagementReview).find({ where: { organizationId: scope.organizationId }, order: { scheduledOn: 'DESC', createdAt: 'DESC' }, take: 200 });
  }

  async decisionsOf(em: EntityManager, reviewId: string): Promise<ManagementReviewDecision[]> {
    return em.getRepository(ManagementReviewDecision).find({ where: { managementReviewId: reviewId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The review's content as a sign-off covers it (what `snapshotHash` hashes). */
  async contentOf(em: EntityManager, review: ManagementReview): Promise<ManagementReviewSnapshot> {
    const decisions = await this.decisionsOf(em, review.id);
    return {
      title: review.title,
      scheduledOn: review.scheduledOn,
      heldOn: review.heldOn,
      location: review.location,
      attendees: review.attendees,
      minutes: review.minutes,
      contextChanges: review.contextChanges,
      interestedPartyFeedback: review.interestedPartyFeedback,
      pack: review.pack,
      decisions: decisions.map((d) => ({ id: d.id, text: d.text, ownerId: d.ownerId, dueDate: d.dueDate })),
    };
  }

  /** How the approvals engine sees a review: the hash of its current content. */
  approvable(): Approvable {
    return {
      hash: async (em, id) => {
        const review = await em.getRepository(ManagementReview).findOneBy({ id });
        return review ? snapshotHash(await this.contentOf(em, review)) : null;
      },
      label: async (em, id) => `management review "${(await em.getRepository(ManagementReview).findOneBy({ id }))?.title ?? id}"`,
      link: (organizationId, id) => `/o/${organizationId}/management-reviews/${id}`,
    };
  }

  private async lockReview(em: EntityManager, scope: OrgScope, id: string): Promise<{ review: ManagementReview; status: ManagementReviewStatus }> {
    const review = await em
      .getRepository(ManagementReview)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id AND m.organization_id = :org', { id, org: scope.organizationId })
      .getOne();
    if (!review) throw notFound('Management review');
    return { review, status: this.statusOf(review, await this.signOffOf(em, review)) };
  }

  private async validateAttendees(em: EntityManager, organizationId: string, input: NonNullable<ManagementReviewFields['attendees']>): Promise<AttendeeRecord[]> {
    if (input.length > MAX_ATTENDEES) throw badInput('attendees', `At most ${MAX_ATTENDEES} attendees.`, 'TOO_MANY');
    const memberIds = input.map((a) => a.userId).filter((id): id is string => !!id);
    if (new Set(memberIds).size !== memberIds.length) throw badInput('attendees', 'Name each member once.', 'DUPLICATE_ATTENDEE');
    const members = await requireMembers(em, organizationId, 'attendees', memberIds);
    return input.map((a, i) => {
      const affiliation = text(`attendees.${i}.affiliation`, a.affiliation, 200);
      if (a.userId) return { userId: a.userId, name: members.get(a.userId)!.name, affiliation };
      return { userId: null, name: requiredText(`attendees.${i}.name`, a.name, 200), affiliation };
    });
  }

  // ------------------------------------------------------------------ the review

  async create(scope: OrgScope, input: { title: string; scheduledOn: string; location?: string | null }, actor: Actor): Promise<ManagementReview> {
    const title = requiredText('title', input.title, 200);
    const scheduledOn = date('scheduledOn', input.scheduledOn);
    const location = text('location', input.location, 200);
    return this.db.transaction(async (em) => {
      const now = new Date();
      const review = Object.assign(new ManagementReview(), {
        id: newId('ManagementReview'),
        organizationId: scope.organizationId,
        version: 1,
        title,
        storedStatus: 'PLANNED' as const,
        scheduledOn,
        heldOn: null,
        location,
        attendees: [],
        minutes: '',
        contextChanges: '',
        interestedPartyFeedback: '',
        pack: null,
        packPreparedAt: null,
        packPreparedById: null,
        snapshot: null,
        snapshotHash: null,
        submittedAt: null,
        submittedById: null,
        approvalRequestId: null,
        createdById: scope.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(ManagementReview, review as never);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'managementReview.created', ...actor, entityType: 'ManagementReview', entityId: review.id, summary: { after: { title, scheduledOn, location } } });
      return review;
    });
  }

  async update(scope: OrgScope, id: string, version: number, input: ManagementReviewFields, actor: Actor): Promise<ManagementReview> {
    const fields: Partial<ManagementReview> = {};
    if (input.title !== undefined) fields.title = requiredText('title', input.title, 200);
    if (input.scheduledOn !== undefined) {
      if (!input.scheduledOn) throw badInput('scheduledOn', 'Give the day the review is planned.', 'REQUIRED');
      fields.scheduledOn = date('scheduledOn', input.scheduledOn);
    }
    if (input.heldOn !== undefined) {
      fields.heldOn = input.heldOn === null ? null : date('heldOn', input.heldOn);
      if (fields.heldOn && fields.heldOn > todayUtc()) throw badInput('heldOn', 'A meeting is recorded once it has taken place: the date is in the future.', 'HELD_IN_FUTURE');
    }
    if (input.location !== undefined) fields.location = text('location', input.location, 200);
    if (input.minutes !== undefined) fields.minutes = text('minutes', input.minutes, 100_000);
    if (input.contextChanges !== undefined) fields.contextChanges = text('contextChanges', input.contextChanges, 20_000);
    if (input.interestedPartyFeedback !== undefined) fields.interestedPartyFeedback = text('interestedPartyFeedback', input.interestedPartyFeedback, 20_000);
    return this.db.transaction(async (em) => {
      const { review, status } = await this.lockReview(em, scope, id);
      const refusal = locked(status);
      if (refusal) throw refusal;
      if (review.version !== version) throw conflict(`This management review was changed by someone else (you had version ${version}, it is now ${review.version}). Reload to see their change.`);
      if (input.attendees !== undefined) fields.attendees = await this.validateAttendees(em, scope.organizationId, input.attendees ?? []);
      if (fields.heldOn && !canRecordMeeting(status)) throw badInput('heldOn', 'Prepare the pack first: the meeting reviews its inputs.', 'PACK_NOT_PREPARED');
      // A rejected or withdrawn sign-off leaves the stored step at SUBMITTED: any change brings it back to the meeting.
      const base = status === 'HELD' ? 'HELD' : review.storedStatus;
      const storedStatus = statusAfterMeeting(base, fields.heldOn !== undefined ? fields.heldOn : review.heldOn);
      const now = new Date();
      const next = Object.assign(new ManagementReview(), review, fields, { storedStatus, version: review.version + 1, updatedAt: now });
      await em.update(
        ManagementReview,
        { id },
        {
          title: next.title,
          scheduledOn: next.scheduledOn,
          heldOn: next.heldOn,
          location: next.location,
          attendees: next.attendees as never,
          minutes: next.minutes,
          contextChanges: next.contextChanges,
          interestedPartyFeedback: next.interestedPartyFeedback,
          storedStatus,
          version: next.version,
          updatedAt: now,
        } as never,
      );
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'managementReview.updated',
        ...actor,
        entityType: 'ManagementReview',
        entityId: id,
        summary: {
          before: Object.fromEntries(Object.keys(fields).map((k) => [k, review[k as keyof ManagementReview]])),
          after: { ...fields, ...(storedStatus !== review.storedStatus ? { status: storedStatus } : {}) },
        },
      });
      return next;
    });
  }

  /** Assembles (or refreshes) the pack from live data; possible until the review is submitted for sign-off. */
  async preparePack(scope: OrgScope, id: string, actor: Actor, options: { today?: string; now?: Date } = {}): Promise<ManagementReview> {
    const today = options.today ?? todayUtc();
    return this.db.transaction(async (em) => {
      const { review, status } = await this.lockReview(em, scope, id);
      const refusal = locked(status);
      if (refusal) throw refusal;
      if (!canPreparePack(status)) throw badInput('managementReviewId', `The pack cannot be prepared now: the review is ${status}.`, 'INVALID_STATUS');
      const matrix = await this.risks.matrix(scope.organizationId, em);
      const now = options.now ?? new Date();
      const pack = await assemblePack(em, { organizationId: scope.organizationId, reviewId: review.id, scheduledOn: review.scheduledOn, createdAt: review.createdAt }, matrix, today, now);
      const base = status === 'HELD' ? 'HELD' : review.storedStatus;
      const storedStatus = base === 'PLANNED' ? 'PACK_PREPARED' : base;
      await em.update(ManagementReview, { id }, { pack: pack as never, packPreparedAt: now, packPreparedById: scope.userId, storedStatus, version: review.version + 1, updatedAt: now } as never);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'managementReview.packPrepared',
        ...actor,
        entityType: 'ManagementReview',
        entityId: id,
        summary: {
          after: {
            asOf: pack.asOf,
            since: pack.since,
            openNonconformities: pack.nonconformities.openMajor + pack.nonconformities.openMinor,
            overdueCorrectiveActions: pack.nonconformities.overdueCorrectiveActions,
            risksAboveAppetite: pack.risks.aboveAppetite,
            auditResults: pack.auditResults.audits.length,
            indicators: pack.monitoring.total,
            objectives: pack.objectives.total,
          },
        },
      });
      return Object.assign(new ManagementReview(), review, { pack, packPreparedAt: now, packPreparedById: scope.userId, storedStatus, version: review.version + 1, updatedAt: now });
    });
  }

  /** Freezes the content and asks management (members with the MANAGEMENT role) to sign it off. */
  async submitForSignOff(
    scope: OrgScope,
    input: { managementReviewId: string; approverIds?: string[] | null; quorum?: number | null; dueDate?: string | null; note?: string | null },
    actor: Actor,
  ): Promise<{ review: ManagementReview; approvalRequest: ApprovalRequest }> {
    return this.db.transaction(async (em) => {
      const { review, status } = await this.lockReview(em, scope, input.managementReviewId);
      const refusal = locked(status);
      if (refusal) throw refusal;
      if (!canSubmitForSignOff(status)) throw badInput('managementReviewId', 'Record the meeting (the day it was held) before asking management to sign the review off.', 'NOT_HELD');
      const missing = missingManagementReviewInputs({ packPrepared: review.pack !== null, contextChanges: review.contextChanges, interestedPartyFeedback: review.interestedPartyFeedback });
      if (missing.length) {
        const titles = MANAGEMENT_REVIEW_INPUTS.filter((i) => missing.includes(i.key)).map((i) => `${i.title} (${i.clause})`);
        throw badInput('managementReviewId', `Clause 9.3.2 inputs still empty: ${titles.join('; ')}.`, 'INPUTS_MISSING');
      }
      const managers = (await em.query(`SELECT user_id FROM memberships WHERE organization_id = $1 AND role = 'MANAGEMENT' ORDER BY created_at, user_id`, [scope.organizationId])) as Array<{ user_id: string }>;
      const managerIds = managers.map((m) => m.user_id);
      const named = input.approverIds?.length ? [...input.approverIds] : null;
      if (named) {
        await requireMembers(em, scope.organizationId, 'approverIds', named);
        if (named.some((id) => !managerIds.includes(id))) throw badInput('approverIds', 'Top management signs the review off: name members with the Management role.', 'NOT_MANAGEMENT');
      }
      const approverIds = named ?? managerIds.filter((id) => id !== scope.userId);
      if (!approverIds.length) throw badInput('approverIds', 'Nobody has the Management role: invite top management (or give a member that role) to sign the review off.', 'NO_MANAGEMENT');
      const content = await this.contentOf(em, review);
      const hash = snapshotHash(content);
      const ownerNames = Object.fromEntries(await namesOf(em, content.decisions.map((d) => d.ownerId)));
      const now = new Date();
      await em.update(
        ManagementReview,
        { id: review.id },
        { storedStatus: 'SUBMITTED', snapshot: { ...content, ownerNames } as never, snapshotHash: hash, submittedAt: now, submittedById: scope.userId, version: review.version + 1, updatedAt: now } as never,
      );
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'managementReview.submitted',
        ...actor,
        entityType: 'ManagementReview',
        entityId: review.id,
        summary: { after: { status: 'SUBMITTED', snapshotHash: hash, approverIds } },
      });
      const approvalRequest = await this.approvals.requestIn(
        em,
        scope,
        { subjectId: review.id, approverIds, quorum: input.quorum ?? null, dueDate: input.dueDate ?? null, note: input.note ?? `Sign-off of the management review "${review.title}" (clause 9.3).` },
        actor,
      );
      await em.update(ManagementReview, { id: review.id }, { approvalRequestId: approvalRequest.id });
      return {
        review: Object.assign(new ManagementReview(), review, {
          storedStatus: 'SUBMITTED' as const,
          snapshot: { ...content, ownerNames },
          snapshotHash: hash,
          submittedAt: now,
          submittedById: scope.userId,
          approvalRequestId: approvalRequest.id,
          version: review.version + 1,
          updatedAt: now,
        }),
        approvalRequest,
      };
    });
  }

  /** Deletes a review that was never submitted for sign-off (a record of a signed-off review stays). */
  async delete(scope: OrgScope, id: string, actor: Actor): Promise<string> {
    return this.db.transaction(async (em) => {
      const { review, status } = await this.lockReview(em, scope, id);
      const refusal = locked(status);
      if (refusal) throw refusal;
      if (review.approvalRequestId) throw new AppError('CONFLICT', 'This review went to management for sign-off: it is kept as a record.', { reason: 'SUBMITTED_BEFORE' });
      const tasks = (await em.query(`SELECT count(*)::int AS n FROM management_review_decisions WHERE management_review_id = $1 AND task_id IS NOT NULL`, [id])) as Array<{ n: number }>;
      if ((tasks[0]?.n ?? 0) > 0) throw new AppError('CONFLICT', 'Decisions of this review are tracked as tasks: it is kept as their record.', { reason: 'HAS_TASKS' });
      await em.query(`DELETE FROM management_reviews WHERE id = $1`, [id]);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'managementReview.deleted', ...actor, entityType: 'ManagementReview', entityId: id, summary: { before: { title: review.title, scheduledOn: review.scheduledOn } } });
      return id;
    });
  }

  // ------------------------------------------------------------------ decisions

  private validateDecision(input: DecisionFields, creating: boolean): Partial<ManagementReviewDecision> {
    const out: Partial<ManagementReviewDecision> = {};
    if (creating || input.text !== undefined) out.text = requiredText('text', input.text, 2000);
    if (input.dueDate !== undefined) out.dueDate = input.dueDate === null ? null : date('dueDate', input.dueDate);
    if (input.ownerId !== undefined) out.ownerId = input.ownerId;
    return out;
  }

  async addDecision(scope: OrgScope, input: DecisionFields & { managementReviewId: string }, actor: Actor): Promise<ManagementReviewDecision> {
    const fields = this.validateDecision(input, true);
    return this.db.transaction(async (em) => {
      const { review, status } = await this.lockReview(em, scope, input.managementReviewId);
      const refusal = locked(status);
      if (refusal) throw refusal;
      await requireMembers(em, scope.organizationId, 'ownerId', [fields.ownerId]);
      const now = new Date();
      const decision = Object.assign(new ManagementReviewDecision(), {
        id: newId('ManagementReviewDecision'),
        organizationId: scope.organizationId,
        managementReviewId: review.id,
        version: 1,
        text: fields.text!,
        ownerId: fields.ownerId ?? null,
        dueDate: fields.dueDate ?? null,
        taskId: null,
        createdById: scope.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(ManagementReviewDecision, decision as never);
      await this.touch(em, review);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'managementReviewDecision.created',
        ...actor,
        entityType: 'ManagementReviewDecision',
        entityId: decision.id,
        summary: { after: { managementReviewId: review.id, text: decision.text, ownerId: decision.ownerId, dueDate: decision.dueDate } },
      });
      return decision;
    });
  }

  /** A change of a decision is a change of its review (its version moves, so open forms learn of it). */
  private async touch(em: EntityManager, review: ManagementReview): Promise<void> {
    const storedStatus = review.storedStatus === 'SUBMITTED' ? 'HELD' : review.storedStatus;
    await em.update(ManagementReview, { id: review.id }, { version: review.version + 1, updatedAt: new Date(), storedStatus } as never);
  }

  private async lockDecision(em: EntityManager, scope: OrgScope, id: string): Promise<ManagementReviewDecision> {
    const decision = await em
      .getRepository(ManagementReviewDecision)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id AND d.organization_id = :org', { id, org: scope.organizationId })
      .getOne();
    if (!decision) throw notFound('Decision');
    return decision;
  }

  async updateDecision(scope: OrgScope, id: string, version: number, input: DecisionFields, actor: Actor): Promise<ManagementReviewDecision> {
    const fields = this.validateDecision(input, false);
    return this.db.transaction(async (em) => {
      const current = await this.lockDecision(em, scope, id);
      const { review, status } = await this.lockReview(em, scope, current.managementReviewId);
      const refusal = locked(status);
      if (refusal) throw refusal;
      if (current.version !== version) throw conflict(`This decision was changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      if (fields.ownerId !== undefined) await requireMembers(em, scope.organizationId, 'ownerId', [fields.ownerId]);
      const now = new Date();
      const next = Object.assign(new ManagementReviewDecision(), current, fields, { version: current.version + 1, updatedAt: now });
      const result = await em
        .createQueryBuilder()
        .update(ManagementReviewDecision)
        .set({ text: next.text, ownerId: next.ownerId, dueDate: next.dueDate, version: next.version, updatedAt: now } as never)
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw conflict('This decision was changed by someone else. Reload to see their change.');
      await this.touch(em, review);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'managementReviewDecision.updated',
        ...actor,
        entityType: 'ManagementReviewDecision',
        entityId: id,
        summary: { before: Object.fromEntries(Object.keys(fields).map((k) => [k, current[k as keyof ManagementReviewDecision]])), after: fields },
      });
      return next;
    });
  }

  async deleteDecision(scope: OrgScope, id: string, actor: Actor): Promise<string> {
    return this.db.transaction(async (em) => {
      const current = await this.lockDecision(em, scope, id);
      const { review, status } = await this.lockReview(em, scope, current.managementReviewId);
      const refusal = locked(status);
      if (refusal) throw refusal;
      if (current.taskId) throw new AppError('CONFLICT', 'This decision is tracked as a task: close or cancel the task instead.', { reason: 'HAS_TASK' });
      await em.query(`DELETE FROM management_review_decisions WHERE id = $1`, [id]);
      await this.touch(em, review);
      await appendAudit(em, { organizationId: scope.organizationId, action: 'managementReviewDecision.deleted', ...actor, entityType: 'ManagementReviewDecision', entityId: id, summary: { before: { text: current.text } } });
      return id;
    });
  }

  /**
   * Makes a decision a tracked task (subject: the review), assigned to its owner and due when it
   * is. Allowed after sign-off too: following decisions up is what the sign-off asks for, and the
   * link is not part of the signed content.
   */
  async createTask(scope: OrgScope, input: { decisionId: string; priority?: TaskPriority | null }, actor: Actor): Promise<{ decision: ManagementReviewDecision; task: Task }> {
    return this.db.transaction(async (em) => {
      const decision = await this.lockDecision(em, scope, input.decisionId);
      if (decision.taskId) throw new AppError('CONFLICT', 'This decision is already tracked as a task.', { reason: 'HAS_TASK' });
      const review = (await em.getRepository(ManagementReview).findOneBy({ id: decision.managementReviewId }))!;
      const title = decision.text.length > 180 ? `${decision.text.slice(0, 177).trimEnd()}…` : decision.text;
      const task = await this.tasks.createIn(
        em,
        scope,
        {
          title,
          description: `Decision of the management review "${review.title}"${review.heldOn ? ` held on ${review.heldOn}` : ''} (clause 9.3.3).\n\n${decision.text}`,
          assigneeId: decision.ownerId,
          dueDate: decision.dueDate,
          priority: input.priority ?? 'MEDIUM',
          subjectId: review.id,
        },
        actor,
      );
      const now = new Date();
      await em.update(ManagementReviewDecision, { id: decision.id }, { taskId: task.id, version: decision.version + 1, updatedAt: now } as never);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'managementReviewDecision.tracked',
        ...actor,
        entityType: 'ManagementReviewDecision',
        entityId: decision.id,
        summary: { after: { taskId: task.id } },
      });
      return { decision: Object.assign(new ManagementReviewDecision(), decision, { taskId: task.id, version: decision.version + 1, updatedAt: now }), task };
    });
  }
}
