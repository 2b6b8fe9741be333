import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security objectives (clause 6.2) and indicators with their measurements (clause 9.1):
 * objectives link to risks, Annex A controls and the indicators that measure them.
 */
export class Objectives1764520000000 implements MigrationInterface {
  name = 'Objectives1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE objectives (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        owner_id text REFERENCES users(id),
        target_date date,
        outcome text CHECK (outcome IN ('ACHIEVED','MISSED','CANCELLED')),
        outcome_note text NOT NULL DEFAULT '',
        closed_on date,
        control_refs text[] NOT NULL DEFAULT '{}',
        created_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX objectives_org_idx ON objectives (organization_id, target_date);

      CREATE TABLE objective_risks (
        objective_id text NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
        risk_id text NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
        PRIMARY KEY (objective_id, risk_id)
      );
      CREATE INDEX objective_risks_risk_idx ON objective_risks (risk_id);

      CREATE TABLE indicators (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        unit text NOT NULL,
        target double precision NOT NULL,
        direction text NOT NULL CHECK (direction IN ('AT_LEAST','AT_MOST')),
        frequency text NOT NULL CHECK (frequency IN ('WEEKLY','MONTHLY','QUARTERLY','HALF_YEARLY','YEARLY')),
        owner_id text REFERENCES users(id),
        created_on date NOT NULL,
        due_notified_for date,
        created_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX indicators_org_idx ON indicators (organization_id, name);

      CREATE TABLE objective_indicators (
        objective_id text NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
        indicator_id text NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        PRIMARY KEY (objective_id, indicator_id)
      );
      CREATE INDEX objective_indicators_indicator_idx ON objective_indicators (indicator_id);

      CREATE TABLE indicator_measurements (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        indicator_id text NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        value double precision NOT NULL,
        measured_on date NOT NULL,
        note text NOT NULL DEFAULT '',
        recorded_by_id text REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        corrected_at timestamptz,
        corrected_by_id text REFERENCES users(id),
        UNIQUE (indicator_id, measured_on)
      );
      CREATE INDEX indicator_measurements_org_idx ON indicator_measurements (organization_id, measured_on);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS indicator_measurements, objective_indicators, indicators, objective_risks, objectives`);
  }
}
