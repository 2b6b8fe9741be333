import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the benchmarks (test/bench, docs/performance.md) showed missing on a large
 * organisation (50,000 tasks):
 * - the DataLoaders of a page ask for the tasks and approval requests of many records by
 *   subject alone (they do not know the organisation), which the (organization_id, subject_id)
 *   indexes cannot answer: every risk register page scanned all tasks;
 * - the task list's order (open work first, then by due date, newest first) is an index, so a
 *   page of tasks reads its rows in order instead of sorting the whole organisation's tasks.
 */
export class PerformanceIndexes1764560000000 implements MigrationInterface {
  name = 'PerformanceIndexes1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX tasks_subject_only_idx ON tasks (subject_id) WHERE subject_id IS NOT NULL;
      CREATE INDEX approval_requests_subject_only_idx ON approval_requests (subject_id);
      CREATE INDEX tasks_org_list_order_idx ON tasks (organization_id, (CASE WHEN status IN ('DONE','CANCELLED') THEN 1 ELSE 0 END), due_date, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_org_list_order_idx; DROP INDEX approval_requests_subject_only_idx; DROP INDEX tasks_subject_only_idx;`);
  }
}
