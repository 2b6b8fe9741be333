import type { EntityManager } from 'typeorm';
import { approvalOutcome, checkApprovalRequest, type ApprovalDecision, type ApprovalStatus } from '@annex/domain';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import { newId, typeOfId, type NodeTypeName } from '../../core/ids.js';
import { toConnection, type Connection } from '../../core/pagination.js';
import { organizationOfSubject } from '../../core/subjects.js';
import { isCalendarDate } from '../../core/scalars.js';
import type { Actor } from '../organizations/organization.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { ApprovalDecisionRecord, ApprovalRequest } from './approval.entity.js';

export interface ApprovalRequestInput {
  subjectId: string;
  approverIds: string[];
  quorum?: number | null;
  dueDate?: string | null;
  note?: string | null;
}

/** How a kind of record takes part in approvals: the hash of its approvable content, and its name. */
export interface Approvable {
  hash(em: EntityManager, id: string): Promise<string | null>;
  /** The hashes of many records at once (a page of approval requests); `hash` one by one otherwise. */
  hashMany?(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>>;
  label(em: EntityManager, id: string): Promise<string>;
  link(organizationId: string, id: string): string;
}

const PROBLEM_MESSAGES = {
  NO_APPROVERS: ['approverIds', 'Name at least one approver.'],
  DUPLICATE_APPROVERS: ['approverIds', 'Name each approver once.'],
  SELF_APPROVAL: ['approverIds', 'Nobody approves their own request: remove yourself from the approvers.'],
  BAD_QUORUM: ['quorum', 'The quorum must be between 1 and the number of approvers.'],
} as const;

/**
 * The approvals engine. A request records the SHA-256 of the subject's approvable content;
 * decisions are accepted only while the content still has that hash; a change of content
 * invalidates pending and approved requests, so an approval never covers what it did not see.
 */
export class ApprovalService {
  private approvables = new Map<NodeTypeName, Approvable>();

  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
  ) {}

  register(type: NodeTypeName, approvable: Approvable): void {
    this.approvables.set(type, approvable);
  }

  private approvableOf(subjectId: string): Approvable | null {
    const type = typeOfId(subjectId);
    return (type && this.approvables.get(type)) || null;
  }

  async find(id: string): Promise<ApprovalRequest | null> {
    return this.db.dataSource.getRepository(ApprovalRequest).findOneBy({ id });
  }

  async request(scope: OrgScope, input: ApprovalRequestInput, actor: Actor): Promise<ApprovalRequest> {
    return this.db.transaction((em) => this.requestIn(em, scope, input, actor));
  }

  /** Requests approval inside the caller's transaction (a module that freezes a version and asks for its approval at once). */
  async requestIn(em: EntityManager, scope: OrgScope, input: ApprovalRequestInput, actor: Actor): Promise<ApprovalRequest> {
    const approvable = this.approvableOf(input.subjectId);
    if (!approvable) throw badInput('subjectId', 'This kind of record cannot be approved.', 'NOT_APPROVABLE');
    const approverIds = input.approverIds ?? [];
    const quorum = input.quorum ?? approverIds.length;
    const problem = checkApprovalRequest(scope.userId, approverIds, quorum);
    if (problem) throw badInput(PROBLEM_MESSAGES[problem][0], PROBLEM_MESSAGES[problem][1], problem);
    if (input.dueDate && !isCalendarDate(input.dueDate)) throw badInput('dueDate', 'Use a date like 2027-03-31.', 'INVALID_DATE');
    const note = (input.note ?? '').trim();
    if (note.length > 5000) throw badInput('note', 'The note must be at most 5,000 characters.', 'TOO_LONG');
    {
      const hash = await approvable.hash(em, input.subjectId);
      if (!hash || (await organizationOfSubject(em, input.subjectId)) !== scope.organizationId) throw badInput('subjectId', 'Record not found.', 'UNKNOWN_SUBJECT');
      const members = (await em.query(`SELECT user_id FROM memberships WHERE organization_id = $1 AND user_id = ANY($2)`, [scope.organizationId, approverIds])) as Array<{
        user_id: string;
      }>;
      if (members.length !== approverIds.length) throw badInput('approverIds', 'Every approver must be a member of the organisation.', 'NOT_A_MEMBER');
      const request = Object.assign(new ApprovalRequest(), {
        id: newId('ApprovalRequest'),
        organizationId: scope.organizationId,
        subjectId: input.subjectId,
        subjectHash: hash,
        status: 'PENDING' as ApprovalStatus,
        quorum,
        dueDate: input.dueDate ?? null,
        note,
        requestedById: scope.userId,
        createdAt: new Date(),
        closedAt: null,
      });
      await em.insert(ApprovalRequest, request as never);
      for (const approverId of approverIds) {
        await em.query(`INSERT INTO approval_approvers (approval_request_id, user_id) VALUES ($1, $2)`, [request.id, approverId]);
      }
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'approvalRequest.created',
        ...actor,
        entityType: 'ApprovalRequest',
        entityId: request.id,
        summary: { after: { subjectId: input.subjectId, subjectHash: hash, approverIds, quorum, dueDate: request.dueDate } },
      });
      const label = await approvable.label(em, input.subjectId);
      for (const approverId of approverIds) {
        await this.notifications.notify(em, {
          organizationId: scope.organizationId,
          userId: approverId,
          kind: 'APPROVAL_REQUESTED',
          title: `Approval requested: ${label}`,
          body: `${actor.actorLabel?.replace(/ <.*$/, '') ?? 'Someone'} asks for your approval of "${label}"${request.dueDate ? ` by ${request.dueDate}` : ''}.${note ? `\n\n${note}` : ''}`,
          subjectId: request.id,
          actorId: actor.actorId,
          link: `/o/${scope.organizationId}/approvals?request=${request.id}`,
        });
      }
      return request;
    }
  }

  async decide(scope: OrgScope, requestId: string, decision: ApprovalDecision, comment: string | null | undefined, actor: Actor): Promise<ApprovalRequest> {
    const text = (comment ?? '').trim();
    if (text.length > 5000) throw badInput('comment', 'The comment must be at most 5,000 characters.', 'TOO_LONG');
    if (decision === 'REJECT' && !text) throw badInput('comment', 'Say why you reject it.', 'REQUIRED');
    const outcome = await this.db.transaction(async (em) => {
      // Lock the request: two approvers deciding at once are applied one after the other.
      const request = await em
        .getRepository(ApprovalRequest)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id AND r.organization_id = :org', { id: requestId, org: scope.organizationId })
        .getOne();
      if (!request) throw notFound('Approval request');
      const approvers = (await em.query(`SELECT user_id FROM approval_approvers WHERE approval_request_id = $1`, [requestId])) as Array<{ user_id: string }>;
      if (!approvers.some((a) => a.user_id === scope.userId)) throw forbidden('Only the named approvers decide on this request.');
      if (request.status !== 'PENDING') throw conflict(`This request is already ${request.status.toLowerCase()}.`);
      const already = await em.getRepository(ApprovalDecisionRecord).findOneBy({ approvalRequestId: requestId, approverId: scope.userId });
      if (already) throw conflict('You already decided on this request.');
      const approvable = this.approvableOf(request.subjectId);
      const currentHash = approvable ? await approvable.hash(em, request.subjectId) : null;
      if (currentHash !== request.subjectHash) {
        await this.close(em, request, 'INVALIDATED', actor, { reason: 'content changed before the decision', currentHash });
        return { invalidated: true as const };
      }
      await em.insert(ApprovalDecisionRecord, {
        id: newId('ApprovalDecision'),
        approvalRequestId: requestId,
        approverId: scope.userId,
        decision,
        comment: text,
        subjectHash: request.subjectHash,
        decidedAt: new Date(),
      });
      const decisions = (await em.query(`SELECT decision FROM approval_decisions WHERE approval_request_id = $1`, [requestId])) as Array<{ decision: ApprovalDecision }>;
      const status = approvalOutcome(
        decisions.map((d) => d.decision),
        request.quorum,
      );
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'approvalRequest.decided',
        ...actor,
        entityType: 'ApprovalRequest',
        entityId: requestId,
        summary: { decision, comment: text, subjectHash: request.subjectHash, after: { status } },
      });
      if (status !== 'PENDING') await this.close(em, request, status, actor, {});
      return { request: await em.getRepository(ApprovalRequest).findOneByOrFail({ id: requestId }) };
    });
    if ('invalidated' in outcome) {
      throw new AppError('CONFLICT', 'The record changed after approval was requested: this request is now invalidated. Request approval of the current content.', {
        reason: 'SUBJECT_CHANGED',
      });
    }
    return outcome.request;
  }

  async cancel(scope: OrgScope, requestId: string, actor: Actor): Promise<ApprovalRequest> {
    return this.db.transaction(async (em) => {
      const request = await em.getRepository(ApprovalRequest).findOneBy({ id: requestId, organizationId: scope.organizationId });
      if (!request) throw notFound('Approval request');
      if (request.requestedById !== scope.userId && !scope.can('task:updateAny')) throw forbidden('Only the requester or an administrator withdraws a request.');
      if (request.status !== 'PENDING') throw conflict(`This request is already ${request.status.toLowerCase()}.`);
      await this.close(em, request, 'CANCELLED', actor, {});
      return em.getRepository(ApprovalRequest).findOneByOrFail({ id: requestId });
    });
  }

  /** Called in the transaction that changed a subject: requests for other content lapse. */
  async subjectChanged(em: EntityManager, organizationId: string, subjectId: string, newHash: string, actor: Actor): Promise<void> {
    const requests = await em
      .getRepository(ApprovalRequest)
      .createQueryBuilder('r')
      .where('r.organization_id = :org AND r.subject_id = :subject AND r.status IN (:...live) AND r.subject_hash <> :hash', {
        org: organizationId,
        subject: subjectId,
        live: ['PENDING', 'APPROVED'],
        hash: newHash,
      })
      .setLock('pessimistic_write')
      .getMany();
    for (const request of requests) await this.close(em, request, 'INVALIDATED', actor, { reason: 'content changed', newHash });
  }

  async subjectDeleted(em: EntityManager, organizationId: string, subjectId: string, actor: Actor): Promise<void> {
    const requests = await em.getRepository(ApprovalRequest).findBy({ organizationId, subjectId, status: 'PENDING' });
    for (const request of requests) await this.close(em, request, 'CANCELLED', actor, { reason: 'subject deleted' });
  }

  private async close(em: EntityManager, request: ApprovalRequest, status: ApprovalStatus, actor: Actor, details: Record<string, unknown>): Promise<void> {
    await em.update(ApprovalRequest, { id: request.id }, { status, closedAt: new Date() });
    const action = status === 'INVALIDATED' ? 'approvalRequest.invalidated' : status === 'CANCELLED' ? 'approvalRequest.cancelled' : 'approvalRequest.closed';
    await appendAudit(em, {
      organizationId: request.organizationId,
      action,
      ...actor,
      entityType: 'ApprovalRequest',
      entityId: request.id,
      summary: { before: { status: request.status }, after: { status }, ...details },
    });
    if (status !== 'CANCELLED' || request.requestedById !== actor.actorId) {
      const approvable = this.approvableOf(request.subjectId);
      const label = approvable ? await approvable.label(em, request.subjectId).catch(() => 'a record') : 'a record';
      await this.notifications.notify(em, {
        organizationId: request.organizationId,
        userId: request.requestedById,
        kind: 'APPROVAL_DECIDED',
        title: `${status.charAt(0)}${status.slice(1).toLowerCase()}: ${label}`,
        body: `Your approval request for "${label}" is now ${status.toLowerCase()}.`,
        subjectId: request.id,
        actorId: actor.actorId,
        link: `/o/${request.organizationId}/approvals?request=${request.id}`,
      });
    }
  }

  async list(
    scope: OrgScope,
    filter: { status?: ApprovalStatus[] | null; approverId?: string | null; requestedById?: string | null; awaitingDecisionBy?: string | null },
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<ApprovalRequest>> {
    const query = this.db.dataSource.getRepository(ApprovalRequest).createQueryBuilder('r').where('r.organization_id = :org', { org: scope.organizationId });
    if (!scope.can('task:readAll')) {
      query.andWhere('(r.requested_by_id = :me OR EXISTS (SELECT 1 FROM approval_approvers a WHERE a.approval_request_id = r.id AND a.user_id = :me))', { me: scope.userId });
    }
    if (filter.status?.length) query.andWhere('r.status IN (:...statuses)', { statuses: filter.status });
    if (filter.approverId) {
      query.andWhere('EXISTS (SELECT 1 FROM approval_approvers a WHERE a.approval_request_id = r.id AND a.user_id = :approver)', { approver: filter.approverId });
    }
    if (filter.requestedById) query.andWhere('r.requested_by_id = :requester', { requester: filter.requestedById });
    if (filter.awaitingDecisionBy) {
      query.andWhere(
        `r.status = 'PENDING' AND EXISTS (SELECT 1 FROM approval_approvers a WHERE a.approval_request_id = r.id AND a.user_id = :waiting)
         AND NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.approval_request_id = r.id AND d.approver_id = :waiting)`,
        { waiting: filter.awaitingDecisionBy },
      );
    }
    const totalCount = await query.clone().getCount();
    if (after) {
      if (!/^apr_[0-9a-f]{32}$/.test(after)) throw badInput('after', 'Unknown cursor.', 'BAD_CURSOR');
      query.andWhere('r.id < :after', { after });
    }
    const rows = await query.orderBy('r.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => row.id);
  }

  /** The names of the approvers who approved a request, in the order they decided. */
  async decisionsWithNames(requestId: string): Promise<string[]> {
    const rows = (await this.db.dataSource.query(
      `SELECT u.name FROM approval_decisions d JOIN users u ON u.id = d.approver_id WHERE d.approval_request_id = $1 AND d.decision = 'APPROVE' ORDER BY d.decided_at`,
      [requestId],
    )) as Array<{ name: string }>;
    return rows.map((r) => r.name);
  }

  /** The current hash of each subject (null when not approvable or gone), one statement per kind of subject where it can. */
  async currentHashes(subjectIds: readonly string[]): Promise<Array<string | null>> {
    const em = this.db.dataSource.manager;
    const byType = new Map<Approvable, string[]>();
    for (const id of new Set(subjectIds)) {
      const approvable = this.approvableOf(id);
      if (approvable) byType.set(approvable, [...(byType.get(approvable) ?? []), id]);
    }
    const hashes = new Map<string, string | null>();
    for (const [approvable, ids] of byType) {
      if (approvable.hashMany) {
        const found = await approvable.hashMany(em, ids);
        for (const id of ids) hashes.set(id, found.get(id) ?? null);
      } else {
        for (const id of ids) hashes.set(id, await approvable.hash(em, id));
      }
    }
    return subjectIds.map((id) => hashes.get(id) ?? null);
  }
}
