import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Statement of Applicability: one entry per Annex A control, and issued, immutable versions. */
export class Soa1764480000000 implements MigrationInterface {
  name = 'Soa1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE soa_entries (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        control_ref text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        applicable boolean,
        justification text NOT NULL DEFAULT '',
        implementation_status text NOT NULL DEFAULT 'NOT_STARTED' CHECK (implementation_status IN ('NOT_STARTED','PLANNED','PARTIAL','IMPLEMENTED')),
        updated_at timestamptz,
        updated_by_id text REFERENCES users(id),
        UNIQUE (organization_id, control_ref)
      );

      CREATE TABLE soa_versions (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        number integer NOT NULL,
        note text NOT NULL DEFAULT '',
        entries jsonb NOT NULL,
        content_hash text NOT NULL,
        issued_by_id text NOT NULL REFERENCES users(id),
        issued_at timestamptz NOT NULL,
        UNIQUE (organization_id, number)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE soa_versions; DROP TABLE soa_entries;`);
  }
}
