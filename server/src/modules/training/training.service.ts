import type { EntityManager } from 'typeorm';
import {
  COURSE_DURATION_MAX_MINUTES,
  REFRESHER_MONTHS_MAX,
  REFRESHER_MONTHS_MIN,
  ROLES,
  isTrainingCurrent,
  isTrainingLate,
  isWebUrl,
  joinerDueDate,
  normalizeRoles,
  todayUtc,
  trainingCoverage,
  trainingExpiry,
  trainingReminderKey,
  type Role,
  type TrainingCoverageCounts,
  type TrainingStatus,
} from '@annex/domain';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isCalendarDate } from '../../core/scalars.js';
import { requiredText } from '../../core/validation.js';
import type { Actor } from '../organizations/organization.service.js';
import { requireMembers, type MemberRoleChange } from '../organizations/member.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { Course, CourseAssignment, CourseRoleAssignment, TrainingRecord } from './training.entity.js';
import { loadAssignmentStates } from './training-summary.js';

export interface CourseFields {
  title?: string | null;
  description?: string | null;
  materialDocumentId?: string | null;
  materialUrl?: string | null;
  durationMinutes?: number | null;
  refresherMonths?: number | null;
  passScore?: number | null;
}

export interface CompletionInput {
  courseId: string;
  userId?: string | null;
  completedOn?: string | null;
  evidenceId?: string | null;
  attested?: boolean | null;
  score?: number | null;
  note?: string | null;
}

const AUDITED = ['title', 'description', 'materialDocumentId', 'materialUrl', 'durationMinutes', 'refresherMonths', 'passScore'] as const;
const MAX_PEOPLE_PER_ASSIGNMENT = 500;

/** Late first, then due soon, then the rest; completed last. */
const STATUS_ORDER: Record<TrainingStatus, number> = { OVERDUE: 0, EXPIRED: 1, DUE_SOON: 2, EXPIRING_SOON: 3, ASSIGNED: 4, COMPLETED: 5 };

export function byUrgency(a: CourseAssignment, b: CourseAssignment): number {
  const sa = a.state!;
  const sb = b.state!;
  return STATUS_ORDER[sa.status] - STATUS_ORDER[sb.status] || (sa.nextDueOn ?? '9999').localeCompare(sb.nextDueOn ?? '9999') || a.id.localeCompare(b.id);
}

export interface CoverageResult extends TrainingCoverageCounts {
  byCourse: Array<TrainingCoverageCounts & { course: Course; missing: CourseAssignment[] }>;
  byRole: Array<TrainingCoverageCounts & { role: Role; members: number; membersComplete: number; missing: CourseAssignment[] }>;
}

const ASSIGNMENT_SQL = `EXISTS (SELECT 1 FROM memberships m JOIN course_role_assignments cr ON cr.role = m.role
  WHERE cr.course_id = a.course_id AND m.organization_id = a.organization_id AND m.user_id = a.user_id)`;

/**
 * Training and awareness: courses, their assignment to roles and people, completion records
 * (by the person themself, or recorded for them), coverage, and reminders before and after the
 * due date.
 */
export class TrainingService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
  ) {}

  // ---------------------------------------------------------------- courses

  private async validate(em: EntityManager, scope: OrgScope, input: CourseFields, creating: boolean, id: string | null): Promise<Partial<Course>> {
    const out: Partial<Course> = {};
    if (creating || input.title !== undefined) {
      out.title = requiredText('title', input.title, 200);
      const same = (await em.query(`SELECT 1 FROM courses WHERE organization_id = $1 AND lower(title) = lower($2) AND archived_at IS NULL AND id IS DISTINCT FROM $3`, [
        scope.organizationId,
        out.title,
        id,
      ])) as unknown[];
      if (same.length) throw badInput('title', 'Another active course has this title.', 'DUPLICATE_TITLE');
    }
    if (input.description !== undefined) {
      const text = (input.description ?? '').trim();
      if (text.length > 5000) throw badInput('description', 'The description must be at most 5,000 characters.', 'TOO_LONG');
      out.description = text;
    }
    if (input.materialDocumentId !== undefined) {
      if (input.materialDocumentId) {
        const doc = (await em.query(`SELECT 1 FROM documents WHERE id = $1 AND organization_id = $2`, [input.materialDocumentId, scope.organizationId])) as unknown[];
        if (!doc.length) throw badInput('materialDocumentId', 'Choose a document of this organisation.', 'UNKNOWN_DOCUMENT');
      }
      out.materialDocumentId = input.materialDocumentId || null;
    }
    if (input.materialUrl !== undefined) {
      const url = (input.materialUrl ?? '').trim();
      if (url.length > 2000) throw badInput('materialUrl', 'The link must be at most 2,000 characters.', 'TOO_LONG');
      if (url && !isWebUrl(url)) throw badInput('materialUrl', 'Enter a web address starting with https://.', 'INVALID_URL');
      out.materialUrl = url || null;
    }
    if (input.durationMinutes !== undefined) {
      const minutes = input.durationMinutes;
      if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > COURSE_DURATION_MAX_MINUTES)) {
        throw badInput('durationMinutes', `The duration is 1 to ${COURSE_DURATION_MAX_MINUTES} minutes.`, 'OUT_OF_RANGE');
      }
      out.durationMinutes = minutes;
    }
    if (input.refresherMonths !== undefined) {
      const months = input.refresherMonths;
      if (months !== null && (!Number.isInteger(months) || months < REFRESHER_MONTHS_MIN || months > REFRESHER_MONTHS_MAX)) {
        throw badInput('refresherMonths', `The refresher interval is ${REFRESHER_MONTHS_MIN} to ${REFRESHER_MONTHS_MAX} months, or none for a one-off course.`, 'OUT_OF_RANGE');
      }
      out.refresherMonths = months;
    }
    if (input.passScore !== undefined) {
      const score = input.passScore;
      if (score !== null && (!Number.isInteger(score) || score < 0 || score > 100)) throw badInput('passScore', 'The pass score is 0 to 100.', 'OUT_OF_RANGE');
      out.passScore = score;
    }
    return out;
  }

  private async lockCourse(em: EntityManager, organizationId: string, id: string): Promise<Course> {
    const course = await em.getRepository(Course).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id AND c.organization_id = :org', { id, org: organizationId }).getOne();
    if (!course) throw notFound('Course');
    return course;
  }

  async list(scope: OrgScope, includeArchived: boolean): Promise<Course[]> {
    const query = this.db.dataSource.getRepository(Course).createQueryBuilder('c').where('c.organization_id = :org', { org: scope.organizationId });
    if (!includeArchived) query.andWhere('c.archived_at IS NULL');
    return query.orderBy('c.archived_at', 'DESC', 'NULLS FIRST').addOrderBy('lower(c.title)', 'ASC').addOrderBy('c.id', 'ASC').getMany();
  }

  async create(scope: OrgScope, input: CourseFields, actor: Actor): Promise<Course> {
    return this.db.transaction(async (em) => {
      const fields = await this.validate(em, scope, input, true, null);
      const now = new Date();
      const course = Object.assign(new Course(), {
        id: newId('Course'),
        organizationId: scope.organizationId,
        version: 1,
        title: fields.title!,
        description: fields.description ?? '',
        materialDocumentId: fields.materialDocumentId ?? null,
        materialUrl: fields.materialUrl ?? null,
        durationMinutes: fields.durationMinutes ?? null,
        refresherMonths: fields.refresherMonths ?? null,
        passScore: fields.passScore ?? null,
        archivedAt: null,
        createdById: scope.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Course, course as never);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'course.created',
        ...actor,
        entityType: 'Course',
        entityId: course.id,
        summary: { after: Object.fromEntries(AUDITED.map((k) => [k, course[k]])) },
      });
      return course;
    });
  }

  async update(scope: OrgScope, id: string, version: number, input: CourseFields, actor: Actor): Promise<Course> {
    return this.db.transaction(async (em) => {
      const current = await this.lockCourse(em, scope.organizationId, id);
      if (current.version !== version) {
        throw conflict(`This course was changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      }
      const fields = await this.validate(em, scope, input, false, id);
      const next = Object.assign(new Course(), current, fields, { version: current.version + 1, updatedAt: new Date() });
      const changed = AUDITED.filter((k) => current[k] !== next[k]);
      const [, updated] = (await em.query(
        `UPDATE courses SET title = $3, description = $4, material_document_id = $5, material_url = $6, duration_minutes = $7, refresher_months = $8, pass_score = $9,
                version = version + 1, updated_at = $10 WHERE id = $1 AND version = $2`,
        [id, version, next.title, next.description, next.materialDocumentId, next.materialUrl, next.durationMinutes, next.refresherMonths, next.passScore, next.updatedAt],
      )) as [unknown, number];
      if (!updated) throw conflict('This course was changed by someone else. Reload to see their change.');
      if (changed.includes('refresherMonths')) {
        // The new interval applies to the completions already recorded: they expire accordingly.
        await em.query(
          `UPDATE training_records SET expires_on = CASE WHEN $2::int IS NULL THEN NULL ELSE (completed_on + make_interval(months => $2::int))::date END WHERE course_id = $1`,
          [id, next.refresherMonths],
        );
      }
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'course.updated',
        ...actor,
        entityType: 'Course',
        entityId: id,
        summary: { before: Object.fromEntries(changed.map((k) => [k, current[k]])), after: Object.fromEntries(changed.map((k) => [k, next[k]])) },
      });
      return next;
    });
  }

  async setArchived(scope: OrgScope, id: string, archived: boolean, actor: Actor): Promise<Course> {
    return this.db.transaction(async (em) => {
      const current = await this.lockCourse(em, scope.organizationId, id);
      if (current.archived === archived) return current;
      if (!archived) await this.validate(em, scope, { title: current.title }, false, id);
      const archivedAt = archived ? new Date() : null;
      await em.update(Course, { id }, { archivedAt, version: current.version + 1, updatedAt: new Date() } as never);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: archived ? 'course.archived' : 'course.restored',
        ...actor,
        entityType: 'Course',
        entityId: id,
        summary: { title: current.title },
      });
      return Object.assign(current, { archivedAt, version: current.version + 1 });
    });
  }

  // ---------------------------------------------------------------- assignments

  private async members(em: EntityManager, organizationId: string, field: string, userIds: readonly string[]): Promise<string[]> {
    const ids = [...new Set(userIds)];
    if (ids.length > MAX_PEOPLE_PER_ASSIGNMENT) throw badInput(field, `At most ${MAX_PEOPLE_PER_ASSIGNMENT} people at once; assign a role instead.`, 'TOO_MANY');
    await requireMembers(em, organizationId, field, ids, 'Everyone assigned must be a member of the organisation.');
    return ids;
  }

  async assign(scope: OrgScope, courseId: string, input: { roles?: Role[] | null; userIds?: string[] | null; dueDate: string }, actor: Actor): Promise<Course> {
    const today = todayUtc();
    if (!input.dueDate || !isCalendarDate(input.dueDate)) throw badInput('dueDate', 'Use a date like 2027-03-31.', 'INVALID_DATE');
    if (input.dueDate < today) throw badInput('dueDate', 'The due date cannot be in the past.', 'IN_THE_PAST');
    const roles = normalizeRoles(input.roles ?? [], ROLES);
    return this.db.transaction(async (em) => {
      const course = await this.lockCourse(em, scope.organizationId, courseId);
      if (course.archived) throw badInput('courseId', 'This course is archived: restore it before assigning it.', 'ARCHIVED');
      const userIds = await this.members(em, scope.organizationId, 'userIds', input.userIds ?? []);
      if (!roles.length && !userIds.length) throw badInput('roles', 'Choose at least one role or person.', 'REQUIRED');
      const before = new Set(((await em.query(`SELECT user_id FROM course_assignments WHERE course_id = $1`, [courseId])) as Array<{ user_id: string }>).map((r) => r.user_id));
      for (const role of roles) {
        await em.query(
          `INSERT INTO course_role_assignments (course_id, organization_id, role, due_date, assigned_by_id, assigned_at) VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (course_id, role) DO UPDATE SET due_date = EXCLUDED.due_date, assigned_by_id = EXCLUDED.assigned_by_id, assigned_at = now()`,
          [courseId, scope.organizationId, role, input.dueDate, scope.userId],
        );
      }
      const roleMembers = roles.length
        ? ((await em.query(`SELECT user_id FROM memberships WHERE organization_id = $1 AND role = ANY($2)`, [scope.organizationId, roles])) as Array<{ user_id: string }>).map((r) => r.user_id)
        : [];
      const upsert = async (userId: string, via: 'direct' | 'via_role') => {
        await em.query(
          `INSERT INTO course_assignments (id, organization_id, course_id, user_id, due_date, direct, via_role, assigned_by_id, assigned_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
           ON CONFLICT (course_id, user_id) DO UPDATE SET ${via} = true, due_date = EXCLUDED.due_date`,
          [newId('CourseAssignment'), scope.organizationId, courseId, userId, input.dueDate, via === 'direct', via === 'via_role', scope.userId],
        );
      };
      for (const userId of roleMembers) await upsert(userId, 'via_role');
      for (const userId of userIds) await upsert(userId, 'direct');
      const added = [...new Set([...roleMembers, ...userIds])].filter((id) => !before.has(id));
      for (const userId of added) await this.notifyAssigned(em, course, userId, input.dueDate, actor.actorId);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'course.assigned',
        ...actor,
        entityType: 'Course',
        entityId: courseId,
        summary: { roles, userIds, dueDate: input.dueDate, newlyAssigned: added.length },
      });
      return course;
    });
  }

  async unassign(scope: OrgScope, courseId: string, input: { roles?: Role[] | null; userIds?: string[] | null }, actor: Actor): Promise<Course> {
    const roles = normalizeRoles(input.roles ?? [], ROLES);
    const userIds = [...new Set(input.userIds ?? [])];
    if (!roles.length && !userIds.length) throw badInput('roles', 'Choose at least one role or person.', 'REQUIRED');
    return this.db.transaction(async (em) => {
      const course = await this.lockCourse(em, scope.organizationId, courseId);
      if (roles.length) await em.query(`DELETE FROM course_role_assignments WHERE course_id = $1 AND role = ANY($2)`, [courseId, roles]);
      if (userIds.length) {
        await em.query(`DELETE FROM course_assignments a WHERE a.course_id = $1 AND a.user_id = ANY($2) AND a.direct AND NOT (a.via_role AND ${ASSIGNMENT_SQL})`, [courseId, userIds]);
        await em.query(`UPDATE course_assignments a SET direct = false WHERE a.course_id = $1 AND a.user_id = ANY($2) AND a.direct`, [courseId, userIds]);
      }
      const removed = await this.reconcile(em, 'a.course_id = $1', [courseId]);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'course.unassigned',
        ...actor,
        entityType: 'Course',
        entityId: courseId,
        summary: { roles, userIds, removedAssignments: removed.length },
      });
      return course;
    });
  }

  /**
   * Role-derived assignments whose role no longer holds the course: kept as a direct assignment
   * when the person was also named, removed otherwise (their completion records stay).
   */
  private async reconcile(em: EntityManager, where: string, params: unknown[]): Promise<Array<{ course_id: string; user_id: string }>> {
    await em.query(`UPDATE course_assignments a SET via_role = false WHERE ${where} AND a.via_role AND a.direct AND NOT ${ASSIGNMENT_SQL}`, params);
    const [removed] = (await em.query(`DELETE FROM course_assignments a WHERE ${where} AND a.via_role AND NOT a.direct AND NOT ${ASSIGNMENT_SQL} RETURNING a.course_id, a.user_id`, params)) as [
      Array<{ course_id: string; user_id: string }>,
      number,
    ];
    return removed;
  }

  /**
   * A member joined or changed role: they get the courses assigned to their new role (at least
   * `TRAINING_JOINER_DAYS` to complete them) and lose those only their old role held. Runs in the
   * membership change's transaction.
   */
  async applyMemberRole(em: EntityManager, change: MemberRoleChange, actor: Actor): Promise<void> {
    const today = todayUtc();
    const removed = await this.reconcile(em, 'a.organization_id = $1 AND a.user_id = $2', [change.organizationId, change.userId]);
    const roleCourses = (await em.query(
      `SELECT cr.course_id, to_char(cr.due_date, 'YYYY-MM-DD') AS due_date FROM course_role_assignments cr JOIN courses c ON c.id = cr.course_id
        WHERE cr.organization_id = $1 AND cr.role = $2 AND c.archived_at IS NULL`,
      [change.organizationId, change.role],
    )) as Array<{ course_id: string; due_date: string }>;
    for (const { course_id: courseId, due_date: roleDue } of roleCourses) {
      const dueDate = joinerDueDate(roleDue, today);
      const rows = (await em.query(
        `INSERT INTO course_assignments (id, organization_id, course_id, user_id, due_date, direct, via_role, assigned_by_id, assigned_at)
         VALUES ($1, $2, $3, $4, $5, false, true, $6, now())
         ON CONFLICT (course_id, user_id) DO UPDATE SET via_role = true
         RETURNING (xmax = 0) AS inserted`,
        [newId('CourseAssignment'), change.organizationId, courseId, change.userId, dueDate, actor.actorId],
      )) as Array<{ inserted: boolean }>;
      if (!rows[0]?.inserted) continue;
      const course = (await em.getRepository(Course).findOneBy({ id: courseId }))!;
      await this.notifyAssigned(em, course, change.userId, dueDate, null);
      await appendAudit(em, {
        organizationId: change.organizationId,
        action: 'course.assigned',
        ...actor,
        entityType: 'Course',
        entityId: courseId,
        summary: { userIds: [change.userId], dueDate, reason: `${change.previousRole ? 'role changed' : 'joined'} as ${change.role}` },
      });
    }
    for (const { course_id: courseId } of removed) {
      await appendAudit(em, {
        organizationId: change.organizationId,
        action: 'course.unassigned',
        ...actor,
        entityType: 'Course',
        entityId: courseId,
        summary: { userIds: [change.userId], reason: `role changed to ${change.role}` },
      });
    }
  }

  private async notifyAssigned(em: EntityManager, course: Course, userId: string, dueDate: string, actorId: string | null): Promise<void> {
    await this.notifications.notify(em, {
      organizationId: course.organizationId,
      userId,
      kind: 'ASSIGNED',
      title: `Training assigned: ${course.title}`,
      body: `Complete "${course.title}" by ${dueDate}.${course.durationMinutes ? ` It takes about ${course.durationMinutes} minutes.` : ''}`,
      subjectId: course.id,
      actorId,
      link: `/o/${course.organizationId}/training/my`,
    });
  }

  /** The viewer's assignments (active courses), most urgent first. */
  async myTraining(scope: OrgScope): Promise<CourseAssignment[]> {
    const states = await loadAssignmentStates(this.db.dataSource, { organizationId: scope.organizationId, userId: scope.userId }, todayUtc());
    return states.sort(byUrgency);
  }

  // ---------------------------------------------------------------- completion records

  async record(scope: OrgScope, input: CompletionInput, actor: Actor): Promise<TrainingRecord> {
    const today = todayUtc();
    const userId = input.userId || scope.userId;
    const forOther = userId !== scope.userId;
    if (forOther && !scope.can('training:record')) throw forbidden('You record your own training; recording it for someone else is for the ISMS managers.');
    const completedOn = input.completedOn || today;
    if (!isCalendarDate(completedOn)) throw badInput('completedOn', 'Use a date like 2027-03-31.', 'INVALID_DATE');
    if (completedOn > today) throw badInput('completedOn', 'The completion date cannot be in the future.', 'IN_THE_FUTURE');
    const score = input.score ?? null;
    if (score !== null && (!Number.isInteger(score) || score < 0 || score > 100)) throw badInput('score', 'The score is 0 to 100.', 'OUT_OF_RANGE');
    const note = (input.note ?? '').trim();
    if (note.length > 2000) throw badInput('note', 'The note must be at most 2,000 characters.', 'TOO_LONG');
    return this.db.transaction(async (em) => {
      const course = await em.getRepository(Course).findOneBy({ id: input.courseId, organizationId: scope.organizationId });
      if (!course) throw notFound('Course');
      if (course.archived) throw badInput('courseId', 'This course is archived.', 'ARCHIVED');
      await this.members(em, scope.organizationId, 'userId', [userId]);
      if (score !== null && course.passScore !== null && score < course.passScore) {
        throw badInput('score', `A score of ${score} is below the pass mark of ${course.passScore}: the course is not completed.`, 'BELOW_PASS_SCORE');
      }
      if (input.evidenceId) {
        const [evidence] = (await em.query(`SELECT uploaded_by_id FROM evidence WHERE id = $1 AND organization_id = $2`, [input.evidenceId, scope.organizationId])) as Array<{ uploaded_by_id: string | null }>;
        // Without the right to record for others, only evidence you uploaded yourself can be attached.
        if (!evidence || (!scope.can('training:record') && evidence.uploaded_by_id !== scope.userId)) {
          throw badInput('evidenceId', 'Attach evidence uploaded to this organisation (POST /uploads or /training/evidence).', 'UNKNOWN_EVIDENCE');
        }
      }
      if (!forOther) {
        const assigned = (await em.query(`SELECT 1 FROM course_assignments WHERE course_id = $1 AND user_id = $2`, [course.id, userId])) as unknown[];
        if (!assigned.length && !scope.can('training:record')) throw badInput('courseId', 'This course is not assigned to you.', 'NOT_ASSIGNED');
        if (!input.evidenceId && !input.attested && !scope.can('training:record')) {
          throw badInput('attested', 'Attach evidence (a certificate, a screenshot) or confirm that you completed the course.', 'EVIDENCE_REQUIRED');
        }
      }
      const existing = await em.getRepository(TrainingRecord).findOneBy({ courseId: course.id, userId, completedOn });
      if (existing) return existing; // the same completion sent twice
      const record = Object.assign(new TrainingRecord(), {
        id: newId('TrainingRecord'),
        organizationId: scope.organizationId,
        courseId: course.id,
        userId,
        completedOn,
        expiresOn: trainingExpiry(completedOn, course.refresherMonths),
        score,
        attested: !forOther && !!input.attested,
        evidenceId: input.evidenceId || null,
        note,
        recordedById: scope.userId,
        recordedAt: new Date(),
      });
      await em.insert(TrainingRecord, record as never);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'trainingRecord.recorded',
        ...actor,
        entityType: 'TrainingRecord',
        entityId: record.id,
        summary: {
          after: { courseId: course.id, course: course.title, userId, completedOn, expiresOn: record.expiresOn, score, attested: record.attested, evidenceId: record.evidenceId },
          recordedFor: forOther ? userId : 'self',
        },
      });
      return record;
    });
  }

  async deleteRecord(scope: OrgScope, id: string, actor: Actor): Promise<string> {
    return this.db.transaction(async (em) => {
      const record = await em.getRepository(TrainingRecord).findOneBy({ id, organizationId: scope.organizationId });
      if (!record) throw notFound('Training record');
      await em.delete(TrainingRecord, { id });
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'trainingRecord.deleted',
        ...actor,
        entityType: 'TrainingRecord',
        entityId: id,
        summary: { before: { courseId: record.courseId, userId: record.userId, completedOn: record.completedOn, evidenceId: record.evidenceId } },
      });
      return id;
    });
  }

  /** Checks a person may upload evidence of completing this course (their own training, or they record for others). */
  async checkEvidenceUpload(scope: OrgScope, courseId: string): Promise<Course> {
    const course = await this.db.dataSource.getRepository(Course).findOneBy({ id: courseId, organizationId: scope.organizationId });
    if (!course) throw badInput('courseId', 'Name a course of this organisation.', 'UNKNOWN_COURSE');
    if (course.archived) throw badInput('courseId', 'This course is archived.', 'ARCHIVED');
    if (!scope.can('training:record')) {
      const assigned = (await this.db.dataSource.query(`SELECT 1 FROM course_assignments WHERE course_id = $1 AND user_id = $2`, [courseId, scope.userId])) as unknown[];
      if (!assigned.length) throw badInput('courseId', 'This course is not assigned to you.', 'NOT_ASSIGNED');
    }
    return course;
  }

  // ---------------------------------------------------------------- coverage

  async coverage(organizationId: string, today = todayUtc()): Promise<CoverageResult> {
    const [states, courses] = await Promise.all([
      loadAssignmentStates(this.db.dataSource, { organizationId }, today),
      this.db.dataSource.getRepository(Course).createQueryBuilder('c').where('c.organization_id = :org AND c.archived_at IS NULL', { org: organizationId }).orderBy('lower(c.title)').addOrderBy('c.id').getMany(),
    ]);
    const statusOf = (list: CourseAssignment[]) => list.map((s) => s.state!.status);
    const missingOf = (list: CourseAssignment[]) => list.filter((s) => !isTrainingCurrent(s.state!.status)).sort(byUrgency);
    const byCourse = courses.map((course) => {
      const list = states.filter((s) => s.courseId === course.id);
      return { course, ...trainingCoverage(statusOf(list)), missing: missingOf(list) };
    });
    const byRole = ROLES.flatMap((role) => {
      const list = states.filter((s) => s.state!.role === role);
      if (!list.length) return [];
      const people = new Map<string, boolean>();
      for (const s of list) people.set(s.userId, (people.get(s.userId) ?? true) && isTrainingCurrent(s.state!.status));
      return [{ role, members: people.size, membersComplete: [...people.values()].filter(Boolean).length, ...trainingCoverage(statusOf(list)), missing: missingOf(list) }];
    });
    return { ...trainingCoverage(statusOf(states)), byCourse, byRole };
  }

  // ---------------------------------------------------------------- reminders

  /**
   * Reminds each person of what is due within the notice period, overdue, expiring or expired:
   * one in-app notification (and its e-mail) per state and date, recorded on the assignment so
   * that a repeated run (or another replica) sends nothing twice.
   */
  async sendReminders(today = todayUtc()): Promise<number> {
    const states = await loadAssignmentStates(this.db.dataSource, {}, today);
    const due = states.flatMap((a) => {
      const key = trainingReminderKey(a.state!.status, { dueDate: a.dueDate, completedOn: a.state!.completedOn, expiresOn: a.state!.expiresOn });
      return key && key !== a.reminderKey ? [{ assignment: a, key }] : [];
    });
    let sent = 0;
    for (const { assignment, key } of due) {
      await this.db.transaction(async (em) => {
        const [, marked] = (await em.query(`UPDATE course_assignments SET reminder_key = $2, reminded_at = now() WHERE id = $1 AND reminder_key IS DISTINCT FROM $2`, [assignment.id, key])) as [
          unknown,
          number,
        ];
        if (!marked) return;
        const course = (await em.getRepository(Course).findOneBy({ id: assignment.courseId }))!;
        const { status, nextDueOn } = assignment.state!;
        const late = isTrainingLate(status);
        const titles: Record<string, string> = {
          DUE_SOON: `Training due ${nextDueOn === today ? 'today' : `on ${nextDueOn}`}: ${course.title}`,
          OVERDUE: `Training overdue: ${course.title}`,
          EXPIRING_SOON: `Refresher due on ${nextDueOn}: ${course.title}`,
          EXPIRED: `Training expired: ${course.title}`,
        };
        const bodies: Record<string, string> = {
          DUE_SOON: `"${course.title}" is due on ${nextDueOn}. Complete it in My training.`,
          OVERDUE: `"${course.title}" was due on ${nextDueOn}. Complete it in My training as soon as you can.`,
          EXPIRING_SOON: `Your completion of "${course.title}" expires on ${nextDueOn}: take the refresher before then.`,
          EXPIRED: `Your completion of "${course.title}" expired on ${nextDueOn}: take the refresher in My training.`,
        };
        await this.notifications.notify(em, {
          organizationId: assignment.organizationId,
          userId: assignment.userId,
          kind: late ? 'OVERDUE' : 'DUE_SOON',
          title: titles[status]!,
          body: bodies[status]!,
          subjectId: course.id,
          actorId: null,
          link: `/o/${assignment.organizationId}/training/my`,
        });
        sent += 1;
      });
    }
    return sent;
  }
}

/** The role rows of a course (for the resolvers' loaders). */
export async function roleAssignmentsOf(db: EntityManager, courseIds: readonly string[]): Promise<CourseRoleAssignment[]> {
  return db.getRepository(CourseRoleAssignment).createQueryBuilder('r').where('r.course_id = ANY(:ids)', { ids: [...courseIds] }).getMany();
}
