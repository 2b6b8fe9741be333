import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audits and certification: audits with their team, agenda and checklist; evidence (files or
 * notes, linkable to controls and records) and evidence requests; findings; corrective actions;
 * certification decisions and certificates.
 */
export class Audits1764500000000 implements MigrationInterface {
  name = 'Audits1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audits (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        kind text NOT NULL CHECK (kind IN ('INTERNAL','STAGE1','STAGE2','SURVEILLANCE','RECERTIFICATION','SPECIAL')),
        title text NOT NULL,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','IN_PROGRESS','REPORTING','CLOSED')),
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        lead_auditor_id text REFERENCES users(id),
        scope_refs text[] NOT NULL DEFAULT '{}',
        objectives text NOT NULL DEFAULT '',
        created_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      );
      CREATE INDEX audits_org_idx ON audits (organization_id, start_date DESC);

      CREATE TABLE audit_team (
        audit_id text NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (audit_id, user_id)
      );
      CREATE INDEX audit_team_user_idx ON audit_team (user_id);

      CREATE TABLE audit_sessions (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        audit_id text NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        topic text NOT NULL,
        location text NOT NULL DEFAULT '',
        interviewee_ids text[] NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_sessions_audit_idx ON audit_sessions (audit_id, starts_at);

      CREATE TABLE audit_checklist_items (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        audit_id text NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        ref text NOT NULL,
        verdict text NOT NULL DEFAULT 'NOT_CHECKED' CHECK (verdict IN ('NOT_CHECKED','CONFORMS','OBSERVATION','MINOR_NC','MAJOR_NC','NOT_APPLICABLE')),
        notes text NOT NULL DEFAULT '',
        updated_by_id text REFERENCES users(id),
        updated_at timestamptz,
        UNIQUE (audit_id, ref)
      );

      CREATE TABLE evidence (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        title text NOT NULL,
        note text NOT NULL DEFAULT '',
        file_id text REFERENCES stored_files(id),
        control_refs text[] NOT NULL DEFAULT '{}',
        subject_id text,
        effective_on date,
        expires_on date,
        uploaded_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX evidence_org_idx ON evidence (organization_id, created_at DESC);
      CREATE INDEX evidence_subject_idx ON evidence (subject_id);

      CREATE TABLE evidence_requests (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        audit_id text NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        owner_id text REFERENCES users(id),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','ANSWERED','ACCEPTED','RETURNED')),
        answer_note text NOT NULL DEFAULT '',
        answered_at timestamptz,
        answered_by_id text REFERENCES users(id),
        review_comment text NOT NULL DEFAULT '',
        reviewed_at timestamptz,
        reviewed_by_id text REFERENCES users(id),
        requested_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX evidence_requests_audit_idx ON evidence_requests (audit_id, due_at);

      CREATE TABLE evidence_request_items (
        evidence_request_id text NOT NULL REFERENCES evidence_requests(id) ON DELETE CASCADE,
        evidence_id text NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        PRIMARY KEY (evidence_request_id, evidence_id)
      );

      CREATE TABLE findings (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        audit_id text NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('MAJOR_NONCONFORMITY','MINOR_NONCONFORMITY','OBSERVATION','OPPORTUNITY_FOR_IMPROVEMENT')),
        requirement_ref text NOT NULL,
        description text NOT NULL,
        raised_by_id text REFERENCES users(id),
        raised_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX findings_audit_idx ON findings (audit_id, raised_at);

      CREATE TABLE finding_evidence (
        finding_id text NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        evidence_id text NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        PRIMARY KEY (finding_id, evidence_id)
      );

      CREATE TABLE corrective_actions (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        finding_id text NOT NULL UNIQUE REFERENCES findings(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','IN_PROGRESS','IMPLEMENTED','VERIFIED')),
        correction text NOT NULL DEFAULT '',
        root_cause_method text NOT NULL DEFAULT 'FIVE_WHYS' CHECK (root_cause_method IN ('FIVE_WHYS','CAUSE_CATEGORIES','OTHER')),
        root_cause text NOT NULL DEFAULT '',
        action text NOT NULL DEFAULT '',
        preventive_measures text NOT NULL DEFAULT '',
        owner_id text REFERENCES users(id),
        due_date date NOT NULL,
        effectiveness_review_on date,
        verified_by_id text REFERENCES users(id),
        verified_at timestamptz,
        verification_comment text NOT NULL DEFAULT '',
        last_rejection text NOT NULL DEFAULT '',
        overdue_notified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX corrective_actions_org_idx ON corrective_actions (organization_id, status, due_date);

      CREATE TABLE corrective_action_evidence (
        corrective_action_id text NOT NULL REFERENCES corrective_actions(id) ON DELETE CASCADE,
        evidence_id text NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        PRIMARY KEY (corrective_action_id, evidence_id)
      );

      CREATE TABLE certification_decisions (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        audit_id text NOT NULL REFERENCES audits(id),
        decision text NOT NULL CHECK (decision IN ('GRANTED','REFUSED')),
        decided_on date NOT NULL,
        recorded_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE certificates (
        id text PRIMARY KEY,
        organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        issued_on date NOT NULL,
        expires_on date NOT NULL CHECK (expires_on > issued_on),
        certification_body text NOT NULL,
        certificate_number text NOT NULL,
        scope text NOT NULL,
        recorded_by_id text REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX certificates_org_idx ON certificates (organization_id, issued_on DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificates; DROP TABLE certification_decisions; DROP TABLE corrective_action_evidence; DROP TABLE corrective_actions;
      DROP TABLE finding_evidence; DROP TABLE findings; DROP TABLE evidence_request_items; DROP TABLE evidence_requests; DROP TABLE evidence;
      DROP TABLE audit_checklist_items; DROP TABLE audit_sessions; DROP TABLE audit_team; DROP TABLE audits;`);
  }
}
