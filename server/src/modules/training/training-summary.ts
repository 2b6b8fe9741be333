import type { DataSource, EntityManager } from 'typeorm';
import { trainingCoverage, trainingNextDueOn, trainingStatus, type Role } from '@annex/domain';
import { CourseAssignment, type AssignmentState } from './training.entity.js';

interface StateRow {
  id: string;
  organization_id: string;
  course_id: string;
  user_id: string;
  due_date: string;
  direct: boolean;
  via_role: boolean;
  assigned_by_id: string | null;
  assigned_at: Date;
  reminder_key: string | null;
  reminded_at: Date | null;
  role: Role;
  record_id: string | null;
  completed_on: string | null;
  expires_on: string | null;
}

export interface AssignmentFilter {
  organizationId?: string;
  courseIds?: readonly string[];
  userId?: string;
  assignmentIds?: readonly string[];
  /** Include the assignments of archived courses (default: no). */
  includeArchived?: boolean;
}

/**
 * The assignments in force — of current members, to courses not archived — each with its latest
 * completion and the status the dates give it on `today`. One statement whatever the number.
 */
export async function loadAssignmentStates(db: EntityManager | DataSource, filter: AssignmentFilter, today: string): Promise<CourseAssignment[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.organizationId) add('a.organization_id = ?', filter.organizationId);
  if (filter.courseIds) add('a.course_id = ANY(?)', [...filter.courseIds]);
  if (filter.userId) add('a.user_id = ?', filter.userId);
  if (filter.assignmentIds) add('a.id = ANY(?)', [...filter.assignmentIds]);
  if (!filter.includeArchived) where.push('c.archived_at IS NULL');
  const rows = (await db.query(
    `SELECT a.id, a.organization_id, a.course_id, a.user_id, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.direct, a.via_role,
            a.assigned_by_id, a.assigned_at, a.reminder_key, a.reminded_at, m.role,
            r.id AS record_id, to_char(r.completed_on, 'YYYY-MM-DD') AS completed_on, to_char(r.expires_on, 'YYYY-MM-DD') AS expires_on
       FROM course_assignments a
       JOIN courses c ON c.id = a.course_id
       JOIN memberships m ON m.organization_id = a.organization_id AND m.user_id = a.user_id
       LEFT JOIN LATERAL (
         SELECT t.id, t.completed_on, t.expires_on FROM training_records t
          WHERE t.course_id = a.course_id AND t.user_id = a.user_id
          ORDER BY t.completed_on DESC, t.recorded_at DESC LIMIT 1) r ON true
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  )) as StateRow[];
  return rows.map((row) => {
    const dates = { dueDate: row.due_date, completedOn: row.completed_on, expiresOn: row.expires_on };
    const state: AssignmentState = {
      role: row.role,
      latestRecordId: row.record_id,
      completedOn: row.completed_on,
      expiresOn: row.expires_on,
      status: trainingStatus(dates, today),
      nextDueOn: trainingNextDueOn(dates),
    };
    return Object.assign(new CourseAssignment(), {
      id: row.id,
      organizationId: row.organization_id,
      courseId: row.course_id,
      userId: row.user_id,
      dueDate: row.due_date,
      direct: row.direct,
      viaRole: row.via_role,
      assignedById: row.assigned_by_id,
      assignedAt: row.assigned_at,
      reminderKey: row.reminder_key,
      remindedAt: row.reminded_at,
      state,
    });
  });
}

/**
 * The organisation's training coverage in four numbers, for the readiness dashboard:
 * `assigned` person × course assignments in force, `current` completed and not expired,
 * `overdue` late (past due without completion, or expired), `ratio` = current / assigned
 * (null when nothing is assigned).
 */
export async function trainingCoverageSummary(
  em: EntityManager,
  organizationId: string,
  today: string,
): Promise<{ assigned: number; current: number; overdue: number; ratio: number | null }> {
  const states = await loadAssignmentStates(em, { organizationId }, today);
  const { assigned, current, overdue, ratio } = trainingCoverage(states.map((s) => s.state!.status));
  return { assigned, current, overdue, ratio };
}
