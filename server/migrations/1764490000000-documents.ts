import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documented information: the register, the live draft (its Yjs state and the HTML it renders
 * to), immutable hashed versions, acknowledgements, and uploaded files.
 */
export class Documents1764490000000 implements MigrationInterface {
  name = 'Documents1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_files (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL CHECK (size >= 0),
        content_type text NOT NULL,
        filename text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by_id text REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX stored_files_org_idx ON stored_files (organization_id);

      CREATE TABLE documents (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('POLICY','PROCEDURE','STANDARD','PLAN','RECORD','OTHER')),
        format text NOT NULL DEFAULT 'RICH_TEXT' CHECK (format IN ('RICH_TEXT','FILE')),
        classification text NOT NULL DEFAULT 'INTERNAL' CHECK (classification IN ('PUBLIC','INTERNAL','CONFIDENTIAL','RESTRICTED')),
        owner_id text REFERENCES users(id),
        clause_refs text[] NOT NULL DEFAULT '{}',
        control_refs text[] NOT NULL DEFAULT '{}',
        mandatory_refs text[] NOT NULL DEFAULT '{}',
        audience_roles text[] NOT NULL DEFAULT '{}',
        review_interval_months integer NOT NULL DEFAULT 12 CHECK (review_interval_months BETWEEN 1 AND 60),
        draft_version integer NOT NULL DEFAULT 1,
        draft_content text NOT NULL DEFAULT '',
        draft_text text NOT NULL DEFAULT '',
        draft_hash text NOT NULL,
        draft_state bytea,
        draft_file_id text REFERENCES stored_files(id),
        draft_updated_at timestamptz,
        draft_updated_by_id text REFERENCES users(id),
        current_version_id text,
        next_review_on date,
        last_reviewed_on date,
        review_task_id text REFERENCES tasks(id) ON DELETE SET NULL,
        created_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX documents_org_idx ON documents (organization_id, title);
      CREATE INDEX documents_review_idx ON documents (next_review_on) WHERE current_version_id IS NOT NULL;

      CREATE TABLE document_versions (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        major integer NOT NULL CHECK (major >= 0),
        minor integer NOT NULL CHECK (minor >= 0),
        state text NOT NULL CHECK (state IN ('SUBMITTED','PUBLISHED','SUPERSEDED')),
        content text NOT NULL,
        content_text text NOT NULL,
        content_hash text NOT NULL,
        file_id text REFERENCES stored_files(id),
        change_summary text NOT NULL,
        author_id text REFERENCES users(id),
        approval_request_id text REFERENCES approval_requests(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by_id text REFERENCES users(id),
        superseded_at timestamptz,
        UNIQUE (document_id, major, minor)
      );
      CREATE INDEX document_versions_doc_idx ON document_versions (document_id, major DESC, minor DESC);
      ALTER TABLE documents ADD CONSTRAINT documents_current_version_fk FOREIGN KEY (current_version_id) REFERENCES document_versions(id);

      CREATE TABLE document_acknowledgements (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        document_version_id text NOT NULL REFERENCES document_versions(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_version_id, user_id)
      );
      CREATE INDEX document_acknowledgements_doc_idx ON document_acknowledgements (document_id, user_id);

      -- Who a publication asked to acknowledge it, and the task that asks them.
      CREATE TABLE document_acknowledgement_requests (
        document_version_id text NOT NULL REFERENCES document_versions(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        task_id text REFERENCES tasks(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_version_id, user_id)
      );
      CREATE INDEX document_acknowledgement_requests_user_idx ON document_acknowledgement_requests (document_id, user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_acknowledgement_requests; DROP TABLE document_acknowledgements; ALTER TABLE documents DROP CONSTRAINT documents_current_version_fk; DROP TABLE document_versions; DROP TABLE documents; DROP TABLE stored_files;`);
  }
}
