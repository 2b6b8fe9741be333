import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { todayUtc } from '@annex/domain';
import { Course, CourseAssignment, TrainingRecord, type CourseRoleAssignment } from './training.entity.js';
import { loadAssignmentStates } from './training-summary.js';
import { byUrgency, roleAssignmentsOf } from './training.service.js';

function groupBy<T>(rows: T[], keys: readonly string[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * Per-request loaders of the training module: each relation a list of courses or assignments
 * reaches loads in one statement per level. They only load; the resolvers decide visibility.
 */
export function createTrainingLoaders(ds: DataSource) {
  const today = todayUtc();
  return {
    courseById: new DataLoader<string, Course | null>(async (ids) => {
      const rows = await ds.getRepository(Course).findBy({ id: In([...ids]) });
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    /** Every assignment in force of each course, with its state, most urgent first. */
    statesByCourse: new DataLoader<string, CourseAssignment[]>(async (courseIds) =>
      groupBy(await loadAssignmentStates(ds, { courseIds, includeArchived: true }, today), courseIds, (a) => a.courseId).map((list) => list.sort(byUrgency)),
    ),
    /** One assignment with its state (for assignments reached by id, e.g. through Query.node). */
    stateByAssignment: new DataLoader<string, CourseAssignment | null>(async (ids) => {
      const rows = await loadAssignmentStates(ds, { assignmentIds: ids, includeArchived: true }, today);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    /** Key `${courseId}:${userId}`: that person's assignment to the course, if any. */
    stateByCourseAndUser: new DataLoader<string, CourseAssignment | null>(async (keys) => {
      const userIds = [...new Set(keys.map((k) => k.slice(k.indexOf(':') + 1)))];
      const courseIds = [...new Set(keys.map((k) => k.slice(0, k.indexOf(':'))))];
      const rows = userIds.length === 1 ? await loadAssignmentStates(ds, { courseIds, userId: userIds[0], includeArchived: true }, today) : await loadAssignmentStates(ds, { courseIds, includeArchived: true }, today);
      const map = new Map(rows.map((r) => [`${r.courseId}:${r.userId}`, r]));
      return keys.map((key) => map.get(key) ?? null);
    }),
    roleAssignmentsByCourse: new DataLoader<string, CourseRoleAssignment[]>(async (courseIds) => groupBy(await roleAssignmentsOf(ds.manager, courseIds), courseIds, (r) => r.courseId)),
    /** Completion records of each course, newest first. */
    recordsByCourse: new DataLoader<string, TrainingRecord[]>(async (courseIds) =>
      groupBy(await ds.getRepository(TrainingRecord).find({ where: { courseId: In([...courseIds]) }, order: { completedOn: 'DESC', recordedAt: 'DESC' } }), courseIds, (r) => r.courseId),
    ),
    recordById: new DataLoader<string, TrainingRecord | null>(async (ids) => {
      const rows = await ds.getRepository(TrainingRecord).findBy({ id: In([...ids]) });
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    /** The file name of each evidence item, for those who may not open the evidence itself. */
    evidenceFilenameById: new DataLoader<string, string | null>(async (ids) => {
      const rows = (await ds.query(`SELECT e.id, coalesce(f.filename, e.title) AS filename FROM evidence e LEFT JOIN stored_files f ON f.id = e.file_id WHERE e.id = ANY($1)`, [[...ids]])) as Array<{
        id: string;
        filename: string;
      }>;
      const map = new Map(rows.map((r) => [r.id, r.filename]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}

export type TrainingLoaders = ReturnType<typeof createTrainingLoaders>;
