import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The gap analysis: one assessment item per clause requirement and Annex A control, per organisation. */
export class GapAnalysis1764460000000 implements MigrationInterface {
  name = 'GapAnalysis1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gap_items (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        ref text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'NOT_STARTED' CHECK (status IN ('NOT_STARTED','PARTIAL','IMPLEMENTED','NOT_APPLICABLE')),
        maturity smallint CHECK (maturity BETWEEN 0 AND 5),
        owner_id text REFERENCES users(id),
        notes text NOT NULL DEFAULT '',
        evidence_links text[] NOT NULL DEFAULT '{}',
        last_assessed_at timestamptz,
        UNIQUE (organization_id, ref)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gap_items`);
  }
}
