import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys: a mutation sent with an `Idempotency-Key` header is recorded here, per
 * caller (a person's sessions, or one API token), with a hash of the operation and, once it
 * finished, the response it got. A retry with the same key gets that response back instead of
 * running the mutation again — on any replica, since the record is in PostgreSQL.
 *
 * `applied` is set inside the mutation's own transaction, so it is true exactly when the
 * change committed, even if the process died before it could store the response.
 * `locked_until` is the lease of the request that runs the key: a crashed request's key can
 * be taken over once it has passed (if nothing was applied). Rows are pruned after 24 hours.
 */
export class Idempotency1764550000000 implements MigrationInterface {
  name = 'Idempotency1764550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        caller text NOT NULL,
        key text NOT NULL,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        api_token_id text REFERENCES api_tokens(id) ON DELETE CASCADE,
        request_hash text NOT NULL,
        operation text NOT NULL,
        claim_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
        applied boolean NOT NULL DEFAULT false,
        locked_until timestamptz,
        http_status integer,
        response json,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (caller, key)
      );
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys;`);
  }
}
