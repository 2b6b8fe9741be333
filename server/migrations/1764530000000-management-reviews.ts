import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Management reviews (clause 9.3): the review meeting record with its pack (the clause 9.3.2
 * inputs assembled from live data, kept as JSON), attendees, minutes and the entered inputs; the
 * snapshot submitted for management's sign-off and its hash; and the decisions, each of which can
 * become a tracked task.
 */
export class ManagementReviews1764530000000 implements MigrationInterface {
  name = 'ManagementReviews1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE management_reviews (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','PACK_PREPARED','HELD','SUBMITTED')),
        scheduled_on date NOT NULL,
        held_on date,
        location text NOT NULL DEFAULT '',
        attendees jsonb NOT NULL DEFAULT '[]',
        minutes text NOT NULL DEFAULT '',
        context_changes text NOT NULL DEFAULT '',
        interested_party_feedback text NOT NULL DEFAULT '',
        pack jsonb,
        pack_prepared_at timestamptz,
        pack_prepared_by_id text REFERENCES users(id),
        snapshot jsonb,
        snapshot_hash text,
        submitted_at timestamptz,
        submitted_by_id text REFERENCES users(id),
        approval_request_id text REFERENCES approval_requests(id),
        created_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX management_reviews_org_idx ON management_reviews (organization_id, scheduled_on DESC);

      CREATE TABLE management_review_decisions (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        management_review_id text NOT NULL REFERENCES management_reviews(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        text text NOT NULL,
        owner_id text REFERENCES users(id),
        due_date date,
        task_id text REFERENCES tasks(id) ON DELETE SET NULL,
        created_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX management_review_decisions_review_idx ON management_review_decisions (management_review_id, created_at);
      CREATE INDEX management_review_decisions_task_idx ON management_review_decisions (task_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE management_review_decisions; DROP TABLE management_reviews;`);
  }
}
