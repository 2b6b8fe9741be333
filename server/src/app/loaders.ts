import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { User } from '../modules/identity/user.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { Membership } from '../modules/organizations/membership.entity.js';
import { ApprovalDecisionRecord, ApprovalRequest } from '../modules/approvals/approval.entity.js';
import { Task } from '../modules/tasks/task.entity.js';
import { Asset } from '../modules/assets/asset.entity.js';
import { Risk } from '../modules/risks/risk.entity.js';
import { Document, StoredFile } from '../modules/documents/document.entity.js';
import { AuditSession, CorrectiveAction, Evidence, EvidenceRequest, Finding } from '../modules/audits/audit.entity.js';
import { loadVersionsWithStatus, type VersionWithStatus } from '../modules/documents/document.service.js';
import { DEFAULT_RISK_MATRIX, type RiskMatrix, type Role } from '@annex/domain';
import { createManagementReviewLoaders } from '../modules/management-reviews/management-review.loaders.js';
import { createTrainingLoaders } from '../modules/training/training.loaders.js';
import { createObjectiveLoaders } from '../modules/objectives/objective.loaders.js';

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(rows: T[], keys: readonly string[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * Rows of any entity by id, one loader per entity class: what node lookups (`Query.node`,
 * `subject` fields, event deliveries) ask for at once loads in one statement per type. Batched
 * but not cached, so that a record read before a mutation is read again after it.
 */
function rowLoaders(ds: DataSource) {
  const loaders = new Map<Function, DataLoader<string, unknown>>();
  return <T extends object>(entity: new () => T): DataLoader<string, T | null> => {
    let loader = loaders.get(entity);
    if (!loader) {
      loader = new DataLoader<string, unknown>(
        async (ids) => byId((await ds.getRepository(entity).findBy({ id: In([...new Set(ids)]) } as never)) as Array<T & { id: string }>, ids),
        { cache: false },
      );
      loaders.set(entity, loader);
    }
    return loader as DataLoader<string, T | null>;
  };
}

/**
 * Per-request DataLoaders: every relation that a list reaches loads in one statement per
 * level, never one per row. They only load; whether the caller may see a row is decided by
 * the resolver that asks.
 */
export function createLoaders(ds: DataSource) {
  return {
    userById: new DataLoader<string, User | null>(async (ids) =>
      byId(await ds.getRepository(User).findBy({ id: In([...ids]) }), ids),
    ),
    organizationById: new DataLoader<string, Organization | null>(async (ids) =>
      byId(await ds.getRepository(Organization).findBy({ id: In([...ids]) }), ids),
    ),
    /** Key: `${organizationId}:${userId}`. */
    membershipByOrgAndUser: new DataLoader<string, Membership | null>(async (keys) => {
      const pairs = keys.map((key) => key.split(':') as [string, string]);
      const rows = await ds
        .getRepository(Membership)
        .createQueryBuilder('m')
        .where('(m.organization_id, m.user_id) IN (SELECT * FROM unnest(CAST(:orgs AS text[]), CAST(:users AS text[])))', {
          orgs: pairs.map((p) => p[0]),
          users: pairs.map((p) => p[1]),
        })
        .getMany();
      const map = new Map(rows.map((row) => [`${row.organizationId}:${row.userId}`, row]));
      return keys.map((key) => map.get(key) ?? null);
    }),
    membershipsByUser: new DataLoader<string, Membership[]>(async (userIds) =>
      groupBy(
        await ds.getRepository(Membership).find({ where: { userId: In([...userIds]) }, order: { createdAt: 'ASC' } }),
        userIds,
        (m) => m.userId,
      ),
    ),
    membershipsByOrganization: new DataLoader<string, Membership[]>(async (orgIds) =>
      groupBy(
        await ds.getRepository(Membership).find({ where: { organizationId: In([...orgIds]) }, order: { createdAt: 'ASC' } }),
        orgIds,
        (m) => m.organizationId,
      ),
    ),
    /** The user ids watching each task. */
    watcherIdsByTask: new DataLoader<string, string[]>(async (taskIds) => {
      const rows = (await ds.query(`SELECT task_id, user_id FROM task_watchers WHERE task_id = ANY($1)`, [[...taskIds]])) as Array<{ task_id: string; user_id: string }>;
      return groupBy(rows, taskIds, (r) => r.task_id).map((list) => list.map((r) => r.user_id));
    }),
    approverIdsByRequest: new DataLoader<string, string[]>(async (requestIds) => {
      const rows = (await ds.query(`SELECT approval_request_id, user_id FROM approval_approvers WHERE approval_request_id = ANY($1)`, [[...requestIds]])) as Array<{
        approval_request_id: string;
        user_id: string;
      }>;
      return groupBy(rows, requestIds, (r) => r.approval_request_id).map((list) => list.map((r) => r.user_id));
    }),
    decisionsByRequest: new DataLoader<string, ApprovalDecisionRecord[]>(async (requestIds) =>
      groupBy(
        await ds.getRepository(ApprovalDecisionRecord).find({ where: { approvalRequestId: In([...requestIds]) }, order: { decidedAt: 'ASC' } }),
        requestIds,
        (d) => d.approvalRequestId,
      ),
    ),
    controlRefsByRisk: new DataLoader<string, string[]>(async (riskIds) => {
      const rows = (await ds.query(`SELECT risk_id, control_ref FROM risk_controls WHERE risk_id = ANY($1) ORDER BY control_ref`, [[...riskIds]])) as Array<{ risk_id: string; control_ref: string }>;
      return groupBy(rows, riskIds, (r) => r.risk_id).map((list) => list.map((r) => r.control_ref));
    }),
    assetsByRisk: new DataLoader<string, Asset[]>(async (riskIds) => {
      const rows = (await ds.query(`SELECT risk_id, asset_id FROM risk_assets WHERE risk_id = ANY($1)`, [[...riskIds]])) as Array<{ risk_id: string; asset_id: string }>;
      const assets = rows.length ? await ds.getRepository(Asset).findBy({ id: In([...new Set(rows.map((r) => r.asset_id))]) }) : [];
      const byId = new Map(assets.map((a) => [a.id, a]));
      return groupBy(rows, riskIds, (r) => r.risk_id).map((list) => list.map((r) => byId.get(r.asset_id)!).filter(Boolean).sort((a, b) => a.name.localeCompare(b.name)));
    }),
    riskMatrixByOrganization: new DataLoader<string, RiskMatrix>(async (orgIds) => {
      const rows = (await ds.query(`SELECT organization_id, likelihood_labels, impact_labels, acceptance_threshold FROM risk_matrices WHERE organization_id = ANY($1)`, [[...orgIds]])) as Array<{
        organization_id: string;
        likelihood_labels: string[];
        impact_labels: string[];
        acceptance_threshold: number;
      }>;
      return orgIds.map((id) => {
        const row = rows.find((r) => r.organization_id === id);
        return row ? { likelihoodLabels: row.likelihood_labels, impactLabels: row.impact_labels, acceptanceThreshold: row.acceptance_threshold } : DEFAULT_RISK_MATRIX;
      });
    }),
    /** Controls used by a risk treatment, per organisation (the SoA's suggestion). */
    treatedControlRefsByOrganization: new DataLoader<string, string[]>(async (orgIds) => {
      const rows = (await ds.query(
        `SELECT DISTINCT r.organization_id, rc.control_ref FROM risk_controls rc JOIN risks r ON r.id = rc.risk_id WHERE r.organization_id = ANY($1) AND r.treatment IS NOT NULL`,
        [[...orgIds]],
      )) as Array<{ organization_id: string; control_ref: string }>;
      return groupBy(rows, orgIds, (r) => r.organization_id).map((list) => list.map((r) => r.control_ref));
    }),
    /** Key: `${organizationId}:${controlRef}` → the 10 highest-scored risks whose treatment uses the control. */
    topRisksByControl: new DataLoader<string, Risk[]>(async (keys) => {
      const orgIds = [...new Set(keys.map((k) => k.slice(0, k.indexOf(':'))))];
      const rows = (await ds.query(
        `SELECT organization_id, control_ref, id FROM (
           SELECT r.organization_id, rc.control_ref, r.id,
                  row_number() OVER (PARTITION BY r.organization_id, rc.control_ref ORDER BY r.inherent_score DESC, r.id) AS n
             FROM risk_controls rc JOIN risks r ON r.id = rc.risk_id WHERE r.organization_id = ANY($1)) ranked
          WHERE n <= 10`,
        [orgIds],
      )) as Array<{ organization_id: string; control_ref: string; id: string }>;
      const risks = rows.length ? await ds.getRepository(Risk).findBy({ id: In([...new Set(rows.map((r) => r.id))]) }) : [];
      const byId = new Map(risks.map((r) => [r.id, r]));
      const grouped = groupBy(rows, keys, (r) => `${r.organization_id}:${r.control_ref}`);
      return grouped.map((list) => list.map((r) => byId.get(r.id)!).filter(Boolean));
    }),
    /** Key: `${organizationId}:${controlRef}` → how many risks' treatments use the control. */
    riskCountByControl: new DataLoader<string, number>(async (keys) => {
      const orgIds = [...new Set(keys.map((k) => k.slice(0, k.indexOf(':'))))];
      const rows = (await ds.query(
        `SELECT r.organization_id, rc.control_ref, count(*)::int AS n FROM risk_controls rc JOIN risks r ON r.id = rc.risk_id
          WHERE r.organization_id = ANY($1) GROUP BY 1, 2`,
        [orgIds],
      )) as Array<{ organization_id: string; control_ref: string; n: number }>;
      const counts = new Map(rows.map((r) => [`${r.organization_id}:${r.control_ref}`, r.n]));
      return keys.map((key) => counts.get(key) ?? 0);
    }),
    tasksBySubject: new DataLoader<string, Task[]>(async (subjectIds) =>
      groupBy(await ds.getRepository(Task).find({ where: { subjectId: In([...subjectIds]) }, order: { id: 'ASC' } }), subjectIds, (t) => t.subjectId!),
    ),
    approvalRequestsBySubject: new DataLoader<string, ApprovalRequest[]>(async (subjectIds) =>
      groupBy(
        await ds.getRepository(ApprovalRequest).find({ where: { subjectId: In([...subjectIds]) }, order: { id: 'DESC' } }),
        subjectIds,
        (r) => r.subjectId,
      ),
    ),
    /** Every version of a document, newest first, with its effective status. */
    versionsByDocument: new DataLoader<string, VersionWithStatus[]>(async (documentIds) => {
      const byDoc = await loadVersionsWithStatus(ds, documentIds, { withContent: false });
      return documentIds.map((id) => byDoc.get(id) ?? []);
    }),
    /** Key: `${organizationId}:${controlRef}` → the documents tagged with the control (by title). */
    documentsByControl: new DataLoader<string, Document[]>(async (keys) => {
      const orgIds = [...new Set(keys.map((k) => k.slice(0, k.indexOf(':'))))];
      const docs = await ds.getRepository(Document).find({ where: { organizationId: In(orgIds) }, order: { title: 'ASC' } });
      return keys.map((key) => {
        const [org, ref] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
        return docs.filter((d) => d.organizationId === org && d.controlRefs.includes(ref));
      });
    }),
    /** An audit's team, findings, evidence requests and agenda: one query per kind for every audit on the page. */
    teamIdsByAudit: new DataLoader<string, string[]>(async (auditIds) => {
      const rows = (await ds.query(`SELECT audit_id, user_id FROM audit_team WHERE audit_id = ANY($1)`, [[...auditIds]])) as Array<{ audit_id: string; user_id: string }>;
      return groupBy(rows, auditIds, (r) => r.audit_id).map((list) => list.map((r) => r.user_id));
    }),
    findingsByAudit: new DataLoader<string, Finding[]>(async (auditIds) =>
      groupBy(await ds.getRepository(Finding).find({ where: { auditId: In([...auditIds]) }, order: { raisedAt: 'ASC' } }), auditIds, (f) => f.auditId),
    ),
    evidenceRequestsByAudit: new DataLoader<string, EvidenceRequest[]>(async (auditIds) =>
      groupBy(await ds.getRepository(EvidenceRequest).find({ where: { auditId: In([...auditIds]) }, order: { dueAt: 'ASC' } }), auditIds, (r) => r.auditId),
    ),
    sessionsByAudit: new DataLoader<string, AuditSession[]>(async (auditIds) =>
      groupBy(await ds.getRepository(AuditSession).find({ where: { auditId: In([...auditIds]) }, order: { startsAt: 'ASC' } }), auditIds, (a) => a.auditId),
    ),
    fileById: new DataLoader<string, StoredFile | null>(async (ids) => byId(await ds.getRepository(StoredFile).findBy({ id: In([...ids]) }), ids)),
    rowById: rowLoaders(ds),
    /** The draft body of documents, for the documents that lists loaded without it (not cached: drafts change). */
    documentDraftById: new DataLoader<string, { content: string; text: string } | null>(
      async (ids) => {
        const rows = (await ds.query(`SELECT id, draft_content, draft_text FROM documents WHERE id = ANY($1)`, [[...new Set(ids)]])) as Array<{ id: string; draft_content: string; draft_text: string }>;
        const byId = new Map(rows.map((r) => [r.id, { content: r.draft_content, text: r.draft_text }]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache: false },
    ),
    /** The content of document versions, for the versions `versionsByDocument` loaded without it. */
    versionContentById: new DataLoader<string, { content: string; contentText: string } | null>(async (ids) => {
      const rows = (await ds.query(`SELECT id, content, content_text FROM document_versions WHERE id = ANY($1)`, [[...ids]])) as Array<{ id: string; content: string; content_text: string }>;
      const byId = new Map(rows.map((r) => [r.id, { content: r.content, contentText: r.content_text }]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The corrective action of each finding (not cached: a mutation's answer shows the one it made). */
    correctiveActionByFinding: new DataLoader<string, CorrectiveAction | null>(
      async (findingIds) => {
        const rows = await ds.getRepository(CorrectiveAction).findBy({ findingId: In([...new Set(findingIds)]) });
        const byFinding = new Map(rows.map((row) => [row.findingId, row]));
        return findingIds.map((id) => byFinding.get(id) ?? null);
      },
      { cache: false },
    ),
    /**
     * Evidence linked to evidence requests (`evidenceRequest:<id>`), findings (`finding:<id>`) or
     * corrective actions (`correctiveAction:<id>`); not cached, like the links.
     */
    evidenceByLink: new DataLoader<string, Evidence[]>(
      async (keys) => {
        const links: Array<{ key: string; evidence_id: string }> = [];
        for (const [kind, table, column] of [
          ['evidenceRequest', 'evidence_request_items', 'evidence_request_id'],
          ['finding', 'finding_evidence', 'finding_id'],
          ['correctiveAction', 'corrective_action_evidence', 'corrective_action_id'],
        ] as const) {
          const ids = [...new Set(keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1)))];
          if (ids.length) links.push(...((await ds.query(`SELECT '${kind}:' || ${column} AS key, evidence_id FROM ${table} WHERE ${column} = ANY($1)`, [ids])) as typeof links));
        }
        const evidence = links.length ? await ds.getRepository(Evidence).findBy({ id: In([...new Set(links.map((l) => l.evidence_id))]) }) : [];
        const byId = new Map(evidence.map((e) => [e.id, e]));
        return groupBy(links, keys, (l) => l.key).map((list) => list.map((l) => byId.get(l.evidence_id)).filter((e): e is Evidence => !!e));
      },
      { cache: false },
    ),
    /** Per document: who acknowledged its current major version, and when (their first acknowledgement of it). */
    acknowledgementsByDocument: new DataLoader<string, Map<string, Date>>(async (documentIds) => {
      const rows = (await ds.query(
        `SELECT a.document_id, a.user_id, min(a.at) AS at
           FROM document_acknowledgements a JOIN document_versions v ON v.id = a.document_version_id
           JOIN documents d ON d.id = a.document_id JOIN document_versions cv ON cv.id = d.current_version_id
          WHERE a.document_id = ANY($1) AND v.major = cv.major
          GROUP BY a.document_id, a.user_id`,
        [[...documentIds]],
      )) as Array<{ document_id: string; user_id: string; at: Date }>;
      return groupBy(rows, documentIds, (r) => r.document_id).map((list) => new Map(list.map((r) => [r.user_id, r.at])));
    }),
    /** Each organisation's members (user id and role) by name: the audience of its documents. */
    membersByNameOfOrganization: new DataLoader<string, Array<{ user_id: string; role: Role }>>(async (orgIds) => {
      const rows = (await ds.query(
        `SELECT m.organization_id, m.user_id, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = ANY($1) ORDER BY u.name`,
        [[...orgIds]],
      )) as Array<{ organization_id: string; user_id: string; role: Role }>;
      return groupBy(rows, orgIds, (r) => r.organization_id).map((list) => list.map(({ user_id, role }) => ({ user_id, role })));
    }),
    training: createTrainingLoaders(ds),
    ...createObjectiveLoaders(ds),
    ...createManagementReviewLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
