import type { EntityManager } from 'typeorm';
import { typeOfId, type NodeTypeName } from './ids.js';

/**
 * The tables that hold organisation-owned records, by id type: a record of any of them can be
 * the subject of a task, a comment or an approval. Modules add their tables here.
 */
const SUBJECT_TABLES: Partial<Record<NodeTypeName, string>> = {
  Organization: 'organizations',
  Membership: 'memberships',
  Task: 'tasks',
  Comment: 'comments',
  ApprovalRequest: 'approval_requests',
  Asset: 'assets',
  GapItem: 'gap_items',
  Risk: 'risks',
  SoaEntry: 'soa_entries',
  SoaVersion: 'soa_versions',
  Document: 'documents',
  DocumentVersion: 'document_versions',
  Audit: 'audits',
  EvidenceRequest: 'evidence_requests',
  Finding: 'findings',
  CorrectiveAction: 'corrective_actions',
  Evidence: 'evidence',
  Course: 'courses',
  Objective: 'objectives',
  Indicator: 'indicators',
  ManagementReview: 'management_reviews',
  ManagementReviewDecision: 'management_review_decisions',
};

/** The organisation a subject belongs to, or null when the id is unknown or not a subject. */
export async function organizationOfSubject(em: EntityManager, id: string): Promise<string | null> {
  const type = typeOfId(id);
  const table = type ? SUBJECT_TABLES[type] : undefined;
  if (!type || !table) return null;
  const column = type === 'Organization' ? 'id' : 'organization_id';
  const rows = (await em.query(`SELECT ${column} AS organization_id FROM ${table} WHERE id = $1`, [id])) as Array<{ organization_id: string }>;
  return rows[0]?.organization_id ?? null;
}
