import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who is looking at an audit's live board now: one row per person and browser tab, refreshed
 * by a heartbeat and removed on leaving or once stale. Kept in PostgreSQL (not in a process's
 * memory) so that every replica behind the load balancer sees the same people.
 */
export class AuditPresence1764505000000 implements MigrationInterface {
  name = 'AuditPresence1764505000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_presence (
        audit_id text NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        client_id text NOT NULL,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (audit_id, user_id, client_id)
      );
      CREATE INDEX audit_presence_org_seen_idx ON audit_presence (organization_id, last_seen_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_presence;`);
  }
}
