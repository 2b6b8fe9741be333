import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The asset inventory. */
export class Assets1764450000000 implements MigrationInterface {
  name = 'Assets1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assets (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('INFORMATION','SOFTWARE','HARDWARE','SERVICE','PEOPLE','SITE')),
        description text NOT NULL DEFAULT '',
        owner_id text REFERENCES users(id),
        location text NOT NULL DEFAULT '',
        confidentiality smallint NOT NULL CHECK (confidentiality BETWEEN 1 AND 3),
        integrity smallint NOT NULL CHECK (integrity BETWEEN 1 AND 3),
        availability smallint NOT NULL CHECK (availability BETWEEN 1 AND 3),
        review_date date,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX assets_org_name_key ON assets (organization_id, lower(name));
      CREATE INDEX assets_org_type_idx ON assets (organization_id, type);
      CREATE INDEX assets_org_owner_idx ON assets (organization_id, owner_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assets`);
  }
}
