import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training and awareness (clauses 7.2, 7.3): courses; their assignment to roles (which new members
 * of the role inherit) and to people, one row per person and course with its due date and the
 * last reminder sent; and completion records with their evidence, score and expiry.
 */
export class Training1764510000000 implements MigrationInterface {
  name = 'Training1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courses (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        material_document_id text REFERENCES documents(id) ON DELETE SET NULL,
        material_url text,
        duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 1440),
        refresher_months integer CHECK (refresher_months BETWEEN 1 AND 60),
        pass_score integer CHECK (pass_score BETWEEN 0 AND 100),
        archived_at timestamptz,
        created_by_id text REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX courses_org_idx ON courses (organization_id, title);

      CREATE TABLE course_role_assignments (
        course_id text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER','ISMS_MANAGER','CONTRIBUTOR','MANAGEMENT','AUDITOR','EMPLOYEE')),
        due_date date NOT NULL,
        assigned_by_id text REFERENCES users(id) ON DELETE SET NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_id, role)
      );
      CREATE INDEX course_role_assignments_org_role_idx ON course_role_assignments (organization_id, role);

      CREATE TABLE course_assignments (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        course_id text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        due_date date NOT NULL,
        direct boolean NOT NULL DEFAULT false,
        via_role boolean NOT NULL DEFAULT false,
        assigned_by_id text REFERENCES users(id) ON DELETE SET NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        reminder_key text,
        reminded_at timestamptz,
        UNIQUE (course_id, user_id),
        CHECK (direct OR via_role)
      );
      CREATE INDEX course_assignments_org_user_idx ON course_assignments (organization_id, user_id);

      CREATE TABLE training_records (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        course_id text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        completed_on date NOT NULL,
        expires_on date CHECK (expires_on > completed_on),
        score integer CHECK (score BETWEEN 0 AND 100),
        attested boolean NOT NULL DEFAULT false,
        evidence_id text REFERENCES evidence(id) ON DELETE SET NULL,
        note text NOT NULL DEFAULT '',
        recorded_by_id text REFERENCES users(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX training_records_course_user_idx ON training_records (course_id, user_id, completed_on DESC);
      CREATE INDEX training_records_org_idx ON training_records (organization_id, user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE training_records; DROP TABLE course_assignments; DROP TABLE course_role_assignments; DROP TABLE courses;`);
  }
}
