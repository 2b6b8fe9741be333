import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  OPEN_TASK_STATUSES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  canDeleteTask,
  canEditTask,
  todayUtc,
  type TaskPriority,
  type TaskStatus,
} from '@annex/domain';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit, canonicalJson } from '../../core/audit/audit-trail.js';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { organizationOfSubject } from '../../core/subjects.js';
import { requiredText } from '../../core/validation.js';
import { isCalendarDate } from '../../core/scalars.js';
import { decodeOffsetCursor, toOffsetConnection, type Connection } from '../../core/pagination.js';
import { createHash } from 'node:crypto';
import type { Actor } from '../organizations/organization.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { ApprovalService } from '../approvals/approval.service.js';
import { Task, type ChecklistItem } from './task.entity.js';

export interface TaskFields {
  title?: string | null;
  description?: string | null;
  assigneeId?: string | null;
  dueDate?: string | null;
  priority?: TaskPriority | null;
  status?: TaskStatus | null;
  subjectId?: string | null;
  checklist?: Array<{ id?: string | null; text: string; done?: boolean | null }> | null;
}

export interface TaskFilter {
  assigneeId?: string | null;
  status?: TaskStatus[] | null;
  overdue?: boolean | null;
  /** Due on or before this day (open or not; combine with status). */
  dueBefore?: string | null;
  subjectId?: string | null;
  search?: string | null;
}

const FIELDS_AUDITED = ['title', 'description', 'status', 'priority', 'dueDate', 'assigneeId', 'subjectId', 'checklist'] as const;

/** What an approval of a task signs: its title, description, checklist and status. */
export function taskApprovableHash(task: Pick<Task, 'title' | 'description' | 'checklist' | 'status'>): string {
  return createHash('sha256')
    .update(canonicalJson({ title: task.title, description: task.description, checklist: task.checklist.map(({ text, done }) => ({ text, done })), status: task.status }))
    .digest('hex');
}

export class TaskService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly approvals: ApprovalService,
  ) {}

  async find(id: string): Promise<Task | null> {
    return this.db.dataSource.getRepository(Task).findOneBy({ id });
  }

  private async validate(em: EntityManager, scope: OrgScope, input: TaskFields, creating: boolean): Promise<Partial<Task>> {
    const out: Partial<Task> = {};
    if (creating || input.title !== undefined) out.title = requiredText('title', input.title, 200);
    if (input.description !== undefined) {
      const description = (input.description ?? '').trim();
      if (description.length > 20_000) throw badInput('description', 'Description must be at most 20,000 characters.', 'TOO_LONG');
      out.description = description;
    }
    if (input.priority !== undefined && input.priority !== null) {
      if (!TASK_PRIORITIES.includes(input.priority)) throw badInput('priority', 'Unknown priority.', 'UNKNOWN');
      out.priority = input.priority;
    }
    if (input.status !== undefined && input.status !== null) {
      if (!TASK_STATUSES.includes(input.status)) throw badInput('status', 'Unknown status.', 'UNKNOWN');
      out.status = input.status;
    }
    if (input.dueDate !== undefined) {
      if (input.dueDate !== null && !isCalendarDate(input.dueDate)) {
        throw badInput('dueDate', 'Use a date like 2027-03-31.', 'INVALID_DATE');
      }
      out.dueDate = input.dueDate;
    }
    if (input.assigneeId !== undefined) {
      if (input.assigneeId !== null) {
        const member = (await em.query(`SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $2`, [scope.organizationId, input.assigneeId])) as unknown[];
        if (!member.length) throw badInput('assigneeId', 'The assignee must be a member of the organisation.', 'NOT_A_MEMBER');
      }
      out.assigneeId = input.assigneeId;
    }
    if (input.subjectId !== undefined) {
      if (input.subjectId !== null && (await organizationOfSubject(em, input.subjectId)) !== scope.organizationId) {
        throw badInput('subjectId', 'The subject must be a record of this organisation.', 'UNKNOWN_SUBJECT');
      }
      out.subjectId = input.subjectId;
    }
    if (input.checklist !== undefined) {
      const items = input.checklist ?? [];
      if (items.length > 100) throw badInput('checklist', 'At most 100 checklist items.', 'TOO_LONG');
      out.checklist = items.map((item, index): ChecklistItem => ({
        id: item.id || randomUUID(),
        text: requiredText(`checklist.${index}.text`, item.text, 500),
        done: item.done ?? false,
      }));
    }
    return out;
  }

  async create(scope: OrgScope, input: TaskFields, actor: Actor): Promise<Task> {
    return this.db.transaction((em) => this.insert(em, scope, input, actor));
  }

  /** Creates several tasks in one transaction: all of them, or none when one is refused. */
  async createMany(scope: OrgScope, inputs: TaskFields[], actor: Actor): Promise<Task[]> {
    return this.db.transaction(async (em) => {
      const created: Task[] = [];
      for (const input of inputs) created.push(await this.insert(em, scope, input, actor));
      return created;
    });
  }

  /** Creates a task inside the caller's transaction (modules that raise tasks as part of their own change). */
  async createIn(em: EntityManager, scope: OrgScope, input: TaskFields, actor: Actor, options: { notifyAssignee?: boolean } = {}): Promise<Task> {
    return this.insert(em, scope, input, actor, options);
  }

  private async insert(em: EntityManager, scope: OrgScope, input: TaskFields, actor: Actor, options: { notifyAssignee?: boolean } = {}): Promise<Task> {
    const fields = await this.validate(em, scope, input, true);
    const now = new Date();
    const task = Object.assign(new Task(), {
      id: newId('Task'),
      organizationId: scope.organizationId,
      version: 1,
      title: fields.title!,
      description: fields.description ?? '',
      status: fields.status ?? 'OPEN',
      priority: fields.priority ?? 'MEDIUM',
      dueDate: fields.dueDate ?? null,
      assigneeId: fields.assigneeId ?? null,
      subjectId: fields.subjectId ?? null,
      checklist: fields.checklist ?? [],
      createdById: scope.userId,
      createdAt: now,
      updatedAt: now,
      completedAt: fields.status === 'DONE' ? now : null,
      remindedAt: null,
      overdueNotifiedAt: null,
    });
    await em.insert(Task, task as never);
    await this.addWatchers(em, task.id, [scope.userId, task.assigneeId]);
    await appendAudit(em, {
      organizationId: scope.organizationId,
      action: 'task.created',
      ...actor,
      entityType: 'Task',
      entityId: task.id,
      summary: { after: pick(task) },
    });
    if (task.assigneeId && options.notifyAssignee !== false) await this.notifyAssigned(em, task, actor);
    return task;
  }

  async update(scope: OrgScope, taskId: string, version: number, input: TaskFields, actor: Actor): Promise<Task> {
    return this.db.transaction(async (em) => {
      const current = await em.getRepository(Task).findOneBy({ id: taskId, organizationId: scope.organizationId });
      if (!current) throw notFound('Task');
      if (!canEditTask(scope.role, scope.userId, current)) throw forbidden('You can edit the tasks you created or are assigned.');
      const fields = await this.validate(em, scope, input, false);
      const next = { ...current, ...fields } as Task;
      const changed = FIELDS_AUDITED.filter((key) => canonicalJson(current[key]) !== canonicalJson(next[key]));
      if (fields.status && fields.status !== current.status) next.completedAt = fields.status === 'DONE' ? new Date() : null;
      if (fields.dueDate !== undefined && fields.dueDate !== current.dueDate) {
        next.remindedAt = null;
        next.overdueNotifiedAt = null;
      }
      next.updatedAt = new Date();
      next.version = current.version + 1;
      // The conditional UPDATE is what makes a lost update impossible.
      const result = await em
        .createQueryBuilder()
        .update(Task)
        .set({
          title: next.title,
          description: next.description,
          status: next.status,
          priority: next.priority,
          dueDate: next.dueDate,
          assigneeId: next.assigneeId,
          subjectId: next.subjectId,
          checklist: next.checklist as never,
          completedAt: next.completedAt,
          remindedAt: next.remindedAt,
          overdueNotifiedAt: next.overdueNotifiedAt,
          updatedAt: next.updatedAt,
          version: next.version,
        })
        .where('id = :id AND version = :version', { id: taskId, version })
        .execute();
      if (result.affected !== 1) {
        throw conflict(`This task was changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      }
      if (!changed.length) return next;
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'task.updated',
        ...actor,
        entityType: 'Task',
        entityId: taskId,
        summary: {
          before: Object.fromEntries(changed.map((k) => [k, current[k]])),
          after: Object.fromEntries(changed.map((k) => [k, next[k]])),
        },
      });
      if (next.assigneeId && next.assigneeId !== current.assigneeId) {
        await this.addWatchers(em, taskId, [next.assigneeId]);
        await this.notifyAssigned(em, next, actor);
      }
      if (taskApprovableHash(current) !== taskApprovableHash(next)) {
        await this.approvals.subjectChanged(em, scope.organizationId, taskId, taskApprovableHash(next), actor);
      }
      return next;
    });
  }

  async delete(scope: OrgScope, taskId: string, actor: Actor): Promise<string> {
    return this.db.transaction(async (em) => {
      const task = await em.getRepository(Task).findOneBy({ id: taskId, organizationId: scope.organizationId });
      if (!task) throw notFound('Task');
      if (!canDeleteTask(scope.role, scope.userId, task)) throw forbidden('You can delete the tasks you created.');
      await this.approvals.subjectDeleted(em, scope.organizationId, taskId, actor);
      await em.delete(Task, { id: taskId });
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'task.deleted',
        ...actor,
        entityType: 'Task',
        entityId: taskId,
        summary: { before: pick(task) },
      });
      return taskId;
    });
  }

  async list(scope: OrgScope, filter: TaskFilter, first: number, after: string | null | undefined): Promise<Connection<Task>> {
    const query = this.db.dataSource.getRepository(Task).createQueryBuilder('t').where('t.organization_id = :org', { org: scope.organizationId });
    if (!scope.can('task:readAll')) {
      query.andWhere(
        '(t.created_by_id = :me OR t.assignee_id = :me OR EXISTS (SELECT 1 FROM task_watchers w WHERE w.task_id = t.id AND w.user_id = :me))',
        { me: scope.userId },
      );
    }
    if (filter.assigneeId) query.andWhere('t.assignee_id = :assignee', { assignee: filter.assigneeId });
    if (filter.status?.length) query.andWhere('t.status IN (:...statuses)', { statuses: filter.status });
    if (filter.subjectId) query.andWhere('t.subject_id = :subject', { subject: filter.subjectId });
    if (filter.search) query.andWhere('t.title ILIKE :search', { search: `%${filter.search.replace(/[%_\\]/g, '')}%` });
    if (filter.dueBefore) query.andWhere('t.due_date <= :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.overdue !== null && filter.overdue !== undefined) {
      const overdue = `(t.due_date < :today AND t.status IN (:...open))`;
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { today: todayUtc(), open: OPEN_TASK_STATUSES });
    }
    const totalCount = await query.clone().getCount();
    const offset = decodeOffsetCursor(after);
    // Open work first, then by due date (no date last), newest first within a day.
    const rows = await query
      .orderBy(`CASE WHEN t.status IN ('DONE','CANCELLED') THEN 1 ELSE 0 END`, 'ASC')
      .addOrderBy('t.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('t.id', 'DESC')
      .offset(offset)
      .limit(first + 1)
      .getMany();
    return toOffsetConnection(rows, first, totalCount, offset);
  }

  private async addWatchers(em: EntityManager, taskId: string, userIds: Array<string | null>): Promise<void> {
    for (const userId of new Set(userIds.filter((id): id is string => !!id))) {
      await em.query(`INSERT INTO task_watchers (task_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [taskId, userId]);
    }
  }

  private async notifyAssigned(em: EntityManager, task: Task, actor: Actor): Promise<void> {
    await this.notifications.notify(em, {
      organizationId: task.organizationId,
      userId: task.assigneeId!,
      kind: 'ASSIGNED',
      title: `Assigned to you: ${task.title}`,
      body: `${actor.actorLabel?.replace(/ <.*$/, '') ?? 'Someone'} assigned you "${task.title}"${task.dueDate ? `, due ${task.dueDate}` : ''}.`,
      subjectId: task.id,
      actorId: actor.actorId,
      link: `/o/${task.organizationId}/tasks?task=${task.id}`,
    });
  }
}

function pick(task: Task) {
  return Object.fromEntries(FIELDS_AUDITED.map((k) => [k, task[k]]));
}

