import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live core: the per-organisation event log (the source of truth of every live update),
 * tasks, comments, approvals, notifications and the durable job schedule.
 */
export class LiveCore1764400000000 implements MigrationInterface {
  name = 'LiveCore1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One lock row per organisation serialises its writers: the audit chain and the event
      -- sequence advance together, so event order is commit order.
      ALTER TABLE audit_chain_heads ADD COLUMN event_seq bigint NOT NULL DEFAULT 0;

      CREATE TABLE organization_events (
        organization_id text NOT NULL,
        seq bigint NOT NULL,
        type text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        actor_id text,
        at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (organization_id, seq)
      );
      CREATE INDEX organization_events_at_idx ON organization_events (at);

      CREATE TABLE tasks (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('OPEN','IN_PROGRESS','BLOCKED','DONE','CANCELLED')),
        priority text NOT NULL CHECK (priority IN ('LOW','MEDIUM','HIGH','CRITICAL')),
        due_date date,
        assignee_id text REFERENCES users(id),
        subject_id text,
        checklist jsonb NOT NULL DEFAULT '[]',
        created_by_id text NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        completed_at timestamptz,
        reminded_at timestamptz,
        overdue_notified_at timestamptz
      );
      CREATE INDEX tasks_org_status_idx ON tasks (organization_id, status, due_date);
      CREATE INDEX tasks_org_assignee_idx ON tasks (organization_id, assignee_id);
      CREATE INDEX tasks_subject_idx ON tasks (organization_id, subject_id);

      CREATE TABLE task_watchers (
        task_id text NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (task_id, user_id)
      );
      CREATE INDEX task_watchers_user_idx ON task_watchers (user_id);

      CREATE TABLE comments (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        subject_id text NOT NULL,
        author_id text NOT NULL REFERENCES users(id),
        body text NOT NULL,
        mentioned_user_ids text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL
      );
      CREATE INDEX comments_subject_idx ON comments (organization_id, subject_id, created_at);

      CREATE TABLE approval_requests (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        subject_id text NOT NULL,
        subject_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING','APPROVED','REJECTED','INVALIDATED','CANCELLED')),
        quorum integer NOT NULL CHECK (quorum >= 1),
        due_date date,
        note text NOT NULL DEFAULT '',
        requested_by_id text NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        closed_at timestamptz
      );
      CREATE INDEX approval_requests_org_idx ON approval_requests (organization_id, status, created_at DESC);
      CREATE INDEX approval_requests_subject_idx ON approval_requests (organization_id, subject_id);

      CREATE TABLE approval_approvers (
        approval_request_id text NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id),
        PRIMARY KEY (approval_request_id, user_id)
      );
      CREATE INDEX approval_approvers_user_idx ON approval_approvers (user_id);

      CREATE TABLE approval_decisions (
        id text PRIMARY KEY,
        approval_request_id text NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
        approver_id text NOT NULL REFERENCES users(id),
        decision text NOT NULL CHECK (decision IN ('APPROVE','REJECT')),
        comment text NOT NULL DEFAULT '',
        subject_hash text NOT NULL,
        decided_at timestamptz NOT NULL,
        UNIQUE (approval_request_id, approver_id)
      );

      CREATE TABLE notifications (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        subject_id text,
        actor_id text,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        emailed_at timestamptz
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
      CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

      CREATE TABLE notification_preferences (
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        email boolean NOT NULL,
        PRIMARY KEY (user_id, kind)
      );

      -- The durable schedule: each job's next run survives restarts, and replicas claim a due
      -- run with one conditional UPDATE, so it runs once.
      CREATE TABLE scheduled_jobs (
        name text PRIMARY KEY,
        next_run_at timestamptz NOT NULL,
        last_run_at timestamptz,
        last_error text
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE scheduled_jobs; DROP TABLE notification_preferences; DROP TABLE notifications;
      DROP TABLE approval_decisions; DROP TABLE approval_approvers; DROP TABLE approval_requests;
      DROP TABLE comments; DROP TABLE task_watchers; DROP TABLE tasks; DROP TABLE organization_events;
      ALTER TABLE audit_chain_heads DROP COLUMN event_seq;
    `);
  }
}
