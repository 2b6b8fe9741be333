import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity, organisations, API tokens and the append-only, hash-chained audit trail. */
export class Foundation1764360000000 implements MigrationInterface {
  name = 'Foundation1764360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id text PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        password_changed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE sessions (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text
      );
      CREATE INDEX sessions_user_idx ON sessions (user_id);

      CREATE TABLE sign_in_throttles (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      );

      CREATE TABLE organizations (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE memberships (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER','ISMS_MANAGER','CONTRIBUTOR','MANAGEMENT','AUDITOR','EMPLOYEE')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, user_id)
      );
      CREATE INDEX memberships_user_idx ON memberships (user_id);

      CREATE TABLE invitations (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER','ISMS_MANAGER','CONTRIBUTOR','MANAGEMENT','AUDITOR','EMPLOYEE')),
        token_hash text NOT NULL UNIQUE,
        invited_by_id text NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX invitations_org_idx ON invitations (organization_id, created_at DESC);

      CREATE TABLE api_tokens (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, organization_id);

      CREATE TABLE audit_chain_heads (
        chain_key text PRIMARY KEY,
        seq bigint NOT NULL,
        last_hash text NOT NULL
      );

      CREATE TABLE audit_events (
        id text PRIMARY KEY,
        chain_key text NOT NULL,
        seq bigint NOT NULL,
        organization_id text,
        action text NOT NULL,
        actor_id text,
        actor_label text,
        entity_type text,
        entity_id text,
        summary jsonb NOT NULL,
        ip text,
        at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (chain_key, seq)
      );
      CREATE INDEX audit_events_org_idx ON audit_events (organization_id, seq DESC);
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_id);

      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_events; DROP FUNCTION audit_events_append_only();
      DROP TABLE audit_chain_heads; DROP TABLE api_tokens; DROP TABLE invitations;
      DROP TABLE memberships; DROP TABLE organizations; DROP TABLE sign_in_throttles;
      DROP TABLE sessions; DROP TABLE users;
    `);
  }
}
