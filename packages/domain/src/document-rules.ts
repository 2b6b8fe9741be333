import type { Role } from './roles.js';

/** Documented information (clause 7.5): policies, procedures and the rest. */
export const DOCUMENT_KINDS = ['POLICY', 'PROCEDURE', 'STANDARD', 'PLAN', 'RECORD', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const CLASSIFICATIONS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
/** Where a document is in its life: the furthest step any of its versions has reached since the last publication. */
export const DOCUMENT_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_VERSION_STATUSES = ['PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'PUBLISHED', 'SUPERSEDED'] as const;
export type DocumentVersionStatus = (typeof DOCUMENT_VERSION_STATUSES)[number];

export const REVIEW_INTERVAL_MIN = 1;
export const REVIEW_INTERVAL_MAX = 60;
/** A review task is raised this many days before a document's review falls due. */
export const REVIEW_NOTICE_DAYS = 30;

export interface VersionNumber {
  major: number;
  minor: number;
}

export function formatVersion(v: VersionNumber): string {
  return `${v.major}.${v.minor}`;
}

/**
 * The number of the next version: a major change starts the next whole number (1.0, 2.0…), a
 * minor one counts up after the highest number ever given (0.1 before any 1.0). Numbers are
 * never reused, even those of rejected or withdrawn versions.
 */
export function nextVersionNumber(existing: readonly VersionNumber[], major: boolean): VersionNumber {
  const highest = existing.reduce<VersionNumber>((top, v) => (v.major > top.major || (v.major === top.major && v.minor > top.minor) ? v : top), { major: 0, minor: 0 });
  return major ? { major: highest.major + 1, minor: 0 } : { major: highest.major, minor: highest.minor + 1 };
}

/** The stored lifecycle of a version, combined with the state of its approval request. */
export function versionStatus(state: 'SUBMITTED' | 'PUBLISHED' | 'SUPERSEDED', approval: 'PENDING' | 'APPROVED' | 'REJECTED' | 'INVALIDATED' | 'CANCELLED' | null): DocumentVersionStatus {
  if (state !== 'SUBMITTED') return state;
  switch (approval) {
    case 'PENDING':
      return 'PENDING_APPROVAL';
    case 'APPROVED':
      return 'APPROVED';
    case 'REJECTED':
      return 'REJECTED';
    default:
      return 'WITHDRAWN';
  }
}

/** A document's status from its versions' statuses. */
export function documentStatus(versionStatuses: readonly DocumentVersionStatus[]): DocumentStatus {
  if (versionStatuses.includes('PENDING_APPROVAL')) return 'IN_REVIEW';
  if (versionStatuses.includes('APPROVED')) return 'APPROVED';
  if (versionStatuses.includes('PUBLISHED')) return 'PUBLISHED';
  return 'DRAFT';
}

/** Adds whole months to a calendar date (YYYY-MM-DD), keeping the day where the month has it (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function nextReviewDate(reviewedOn: string, intervalMonths: number): string {
  return addMonths(reviewedOn, intervalMonths);
}

export function isReviewOverdue(nextReviewOn: string | null, today: string): boolean {
  return nextReviewOn !== null && nextReviewOn < today;
}

export function isReviewDueSoon(nextReviewOn: string | null, today: string): boolean {
  return nextReviewOn !== null && nextReviewOn >= today && nextReviewOn <= addDays(today, REVIEW_NOTICE_DAYS);
}

/** Who a document is for: no roles named means everyone in the organisation. */
export function inAudience(audienceRoles: readonly Role[], role: Role): boolean {
  return audienceRoles.length === 0 || audienceRoles.includes(role);
}

/**
 * A publication asks the audience to acknowledge it when it is the first publication or a new
 * major version; a minor version keeps the acknowledgements given for its major version.
 */
export function publicationNeedsAcknowledgement(previous: VersionNumber | null, next: VersionNumber): boolean {
  return previous === null || next.major !== previous.major;
}

export interface AcknowledgementCoverage {
  required: number;
  acknowledged: number;
  /** 0–100, one decimal; 100 when nobody is required to acknowledge. */
  percent: number;
}

export function coverage(required: number, acknowledged: number): AcknowledgementCoverage {
  return { required, acknowledged, percent: required === 0 ? 100 : Math.round((acknowledged / required) * 1000) / 10 };
}

/** Coverage over the audience, in total and per role, from each member's role and whether they acknowledged. */
export function acknowledgementCoverage(members: ReadonlyArray<{ role: Role; acknowledged: boolean }>, audienceRoles: readonly Role[]) {
  const audience = members.filter((m) => inAudience(audienceRoles, m.role));
  const roles = [...new Set(audience.map((m) => m.role))];
  return {
    total: coverage(audience.length, audience.filter((m) => m.acknowledged).length),
    byRole: roles.map((role) => {
      const of = audience.filter((m) => m.role === role);
      return { role, ...coverage(of.length, of.filter((m) => m.acknowledged).length) };
    }),
  };
}

/** What a document needs to satisfy a mandatory-document requirement (and to count as current). */
export interface DocumentStanding {
  id: string;
  title: string;
  mandatoryRefs: readonly string[];
  controlRefs: readonly string[];
  /** A version is published and is the current one. */
  published: boolean;
  /** The published version's approval is still valid (approved, for that exact content). */
  approvalValid: boolean;
  nextReviewOn: string | null;
}

export function isCurrentDocument(doc: DocumentStanding, today: string): boolean {
  return doc.published && doc.approvalValid && !isReviewOverdue(doc.nextReviewOn, today);
}

/**
 * Each mandatory document or record: satisfied by a current document tagged with it, or — for
 * records Annex itself keeps (audit reports, training records, measurements, signed management
 * reviews, the asset inventory, the risk register…) — by those records (`kept`: ref → where).
 */
export function mandatoryDocumentStatus(
  requirements: ReadonlyArray<{ ref: string; title: string }>,
  documents: readonly DocumentStanding[],
  today: string,
  kept: ReadonlyMap<string, string> = new Map(),
) {
  return requirements.map((requirement) => {
    const tagged = documents.filter((d) => d.mandatoryRefs.includes(requirement.ref));
    const keptIn = kept.get(requirement.ref) ?? null;
    return { ref: requirement.ref, title: requirement.title, satisfied: tagged.some((d) => isCurrentDocument(d, today)) || keptIn !== null, documentIds: tagged.map((d) => d.id), keptIn };
  });
}

export const CONSISTENCY_SEVERITIES = ['ERROR', 'WARNING'] as const;
export type ConsistencySeverity = (typeof CONSISTENCY_SEVERITIES)[number];
export const CONSISTENCY_CODES = [
  'MANDATORY_DOCUMENT_MISSING',
  'APPROVAL_LAPSED',
  'REVIEW_OVERDUE',
  'EXCLUDED_CONTROL_RELIED_ON',
  'UNKNOWN_CONTROL_REFERENCE',
  'APPLICABLE_CONTROL_UNDOCUMENTED',
] as const;
export type ConsistencyCode = (typeof CONSISTENCY_CODES)[number];

export interface ConsistencyIssue {
  code: ConsistencyCode;
  severity: ConsistencySeverity;
  message: string;
  /** Ids of the records involved (documents, risks, SoA entries), the first being the one to open. */
  subjectIds: string[];
  /** The catalogue reference concerned, if any (a control or a mandatory document). */
  ref: string | null;
}

export interface ConsistencyInput {
  today: string;
  /** Every reference the catalogue knows (controls and clauses). */
  knownControlRefs: ReadonlySet<string>;
  mandatory: ReadonlyArray<{ ref: string; title: string }>;
  documents: readonly DocumentStanding[];
  /** SoA entries: applicable true/false, or null when not decided yet. */
  soa: ReadonlyArray<{ id: string; controlRef: string; applicable: boolean | null }>;
  /** Risks treated by reducing them (MITIGATE), with the controls their treatment relies on. */
  treatments: ReadonlyArray<{ riskId: string; title: string; controlRefs: readonly string[] }>;
  /** Controls with evidence attached (none until evidence exists). */
  evidencedControlRefs?: ReadonlySet<string>;
  /** Mandatory records kept in Annex's own modules (ref → where), see `mandatoryDocumentStatus`. */
  keptRecords?: ReadonlyMap<string, string>;
}

const SEVERITY_ORDER: Record<ConsistencySeverity, number> = { ERROR: 0, WARNING: 1 };

/**
 * Contradictions between the SoA, the risks, the controls and the documents, computed from the
 * data. Errors first (what an auditor would raise as a non-conformity), then warnings.
 */
export function consistencyIssues(input: ConsistencyInput): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const { today } = input;

  for (const status of mandatoryDocumentStatus(input.mandatory, input.documents, today, input.keptRecords)) {
    if (status.satisfied) continue;
    issues.push({
      code: 'MANDATORY_DOCUMENT_MISSING',
      severity: 'ERROR',
      message: status.documentIds.length
        ? `Mandatory document "${status.title}" (${status.ref}) has no published, approved and current document.`
        : `Mandatory document "${status.title}" (${status.ref}) is missing: no document is tagged with it.`,
      subjectIds: status.documentIds,
      ref: status.ref,
    });
  }

  for (const doc of input.documents) {
    if (doc.published && !doc.approvalValid) {
      issues.push({ code: 'APPROVAL_LAPSED', severity: 'ERROR', message: `"${doc.title}" is published but its approval is no longer valid.`, subjectIds: [doc.id], ref: null });
    }
    if (doc.published && isReviewOverdue(doc.nextReviewOn, today)) {
      issues.push({ code: 'REVIEW_OVERDUE', severity: 'WARNING', message: `"${doc.title}" was due for review on ${doc.nextReviewOn}.`, subjectIds: [doc.id], ref: null });
    }
    for (const ref of doc.controlRefs) {
      if (!input.knownControlRefs.has(ref)) {
        issues.push({ code: 'UNKNOWN_CONTROL_REFERENCE', severity: 'ERROR', message: `"${doc.title}" refers to control ${ref}, which is not in the ISO/IEC 27001:2022 catalogue.`, subjectIds: [doc.id], ref });
      }
    }
  }

  const excluded = new Map(input.soa.filter((e) => e.applicable === false).map((e) => [e.controlRef, e.id]));
  for (const treatment of input.treatments) {
    for (const ref of treatment.controlRefs) {
      const entryId = excluded.get(ref);
      if (entryId) {
        issues.push({
          code: 'EXCLUDED_CONTROL_RELIED_ON',
          severity: 'ERROR',
          message: `Risk "${treatment.title}" is treated with control ${ref}, which the SoA marks as not applicable.`,
          subjectIds: [treatment.riskId, entryId],
          ref,
        });
      }
    }
  }

  const addressed = new Set<string>(input.evidencedControlRefs ?? []);
  for (const doc of input.documents) if (doc.published) for (const ref of doc.controlRefs) addressed.add(ref);
  for (const entry of input.soa) {
    if (entry.applicable === true && !addressed.has(entry.controlRef)) {
      issues.push({
        code: 'APPLICABLE_CONTROL_UNDOCUMENTED',
        severity: 'WARNING',
        message: `Control ${entry.controlRef} is applicable, but no published document or evidence addresses it.`,
        subjectIds: [entry.id],
        ref: entry.controlRef,
      });
    }
  }

  return issues.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * Who edits a document's content and details: admins any; contributors the documents they own or
 * created, or on which they have an open task.
 */
export function canEditDocument(
  role: Role,
  userId: string,
  doc: { ownerId: string | null; createdById: string | null },
  hasOpenTaskOnIt: boolean,
): boolean {
  if (role === 'OWNER' || role === 'ISMS_MANAGER') return true;
  if (role !== 'CONTRIBUTOR') return false;
  return doc.ownerId === userId || doc.createdById === userId || hasOpenTaskOnIt;
}
