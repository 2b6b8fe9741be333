import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Risk assessment and treatment: the organisation's matrix, risks, their assets and controls. */
export class Risks1764470000000 implements MigrationInterface {
  name = 'Risks1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk_matrices (
        organization_id text PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        likelihood_labels text[] NOT NULL,
        impact_labels text[] NOT NULL,
        acceptance_threshold integer NOT NULL,
        version integer NOT NULL DEFAULT 1
      );

      CREATE TABLE risks (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        threat text NOT NULL DEFAULT '',
        vulnerability text NOT NULL DEFAULT '',
        likelihood smallint NOT NULL CHECK (likelihood >= 1),
        impact smallint NOT NULL CHECK (impact >= 1),
        inherent_score smallint NOT NULL,
        treatment text CHECK (treatment IN ('MITIGATE','ACCEPT','TRANSFER','AVOID')),
        residual_likelihood smallint CHECK (residual_likelihood >= 1),
        residual_impact smallint CHECK (residual_impact >= 1),
        residual_score smallint,
        owner_id text REFERENCES users(id),
        review_date date,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX risks_org_inherent_idx ON risks (organization_id, inherent_score DESC, id);
      CREATE INDEX risks_org_residual_idx ON risks (organization_id, residual_score DESC, id);
      CREATE INDEX risks_org_owner_idx ON risks (organization_id, owner_id);

      CREATE TABLE risk_assets (
        risk_id text NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
        asset_id text NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
        PRIMARY KEY (risk_id, asset_id)
      );
      CREATE INDEX risk_assets_asset_idx ON risk_assets (asset_id);

      CREATE TABLE risk_controls (
        risk_id text NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
        control_ref text NOT NULL,
        PRIMARY KEY (risk_id, control_ref)
      );
      CREATE INDEX risk_controls_ref_idx ON risk_controls (control_ref);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE risk_controls; DROP TABLE risk_assets; DROP TABLE risks; DROP TABLE risk_matrices;`);
  }
}
