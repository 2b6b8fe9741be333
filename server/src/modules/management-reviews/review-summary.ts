import type { EntityManager } from 'typeorm';

export interface SignedManagementReviewSummary {
  id: string;
  title: string;
  /** The day the meeting was held (YYYY-MM-DD), if recorded. */
  heldOn: string | null;
  /** The day management's approval completed the sign-off (YYYY-MM-DD). */
  signedOn: string;
}

/**
 * The organisation's most recent signed management review (clause 9.3), for the readiness
 * dashboard and stage 1 readiness ("a management review within the last 12 months"). A review is
 * signed when the approval request of its submitted snapshot is APPROVED for that exact snapshot.
 * Takes the caller's EntityManager (inside a transaction pass its `em`); no authorization here:
 * the caller has checked the organisation already. One statement.
 */
export async function lastSignedManagementReview(em: EntityManager, organizationId: string): Promise<SignedManagementReviewSummary | null> {
  const rows = (await em.query(
    `SELECT m.id, m.title, m.held_on::text AS held_on, to_char(r.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS signed_on
       FROM management_reviews m
       JOIN approval_requests r ON r.id = m.approval_request_id
      WHERE m.organization_id = $1 AND m.status = 'SUBMITTED' AND r.status = 'APPROVED' AND r.subject_hash = m.snapshot_hash AND r.closed_at IS NOT NULL
      ORDER BY coalesce(m.held_on, (r.closed_at AT TIME ZONE 'UTC')::date) DESC, r.closed_at DESC
      LIMIT 1`,
    [organizationId],
  )) as Array<{ id: string; title: string; held_on: string | null; signed_on: string }>;
  const row = rows[0];
  return row ? { id: row.id, title: row.title, heldOn: row.held_on, signedOn: row.signed_on } : null;
}
