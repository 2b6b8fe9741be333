import { canSeeTask, inAudience, roleCan, type OrgAction } from '@annex/domain';
import { viewerIs, type RequestContext } from '../core/context.js';
import { authorize, roleIn, type OrgScope } from '../core/authorization.js';
import { typeOfId, type NodeTypeName } from '../core/ids.js';
import { notFound, unauthenticated } from '../core/errors.js';
import type { Node } from '../core/node.js';
import { AuditEvent } from '../core/audit/audit-event.entity.js';
import { Membership } from '../modules/organizations/membership.entity.js';
import { Invitation } from '../modules/organizations/invitation.entity.js';
import { ApiToken } from '../modules/api-tokens/api-token.entity.js';
import { Task } from '../modules/tasks/task.entity.js';
import { Comment } from '../modules/comments/comment.entity.js';
import { ApprovalRequest } from '../modules/approvals/approval.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { Asset } from '../modules/assets/asset.entity.js';
import { GapItem } from '../modules/gap-analysis/gap-item.entity.js';
import { Risk } from '../modules/risks/risk.entity.js';
import { SoaEntry, SoaVersion } from '../modules/soa/soa.entity.js';
import { Document, DocumentAcknowledgement, DocumentVersion } from '../modules/documents/document.entity.js';
import { Audit, AuditSession, ChecklistItem, CorrectiveAction, Evidence, EvidenceRequest, Finding } from '../modules/audits/audit.entity.js';
import { ManagementReview, ManagementReviewDecision } from '../modules/management-reviews/management-review.entity.js';
import { Course, CourseAssignment, TrainingRecord } from '../modules/training/training.entity.js';
import { Indicator, Measurement, Objective } from '../modules/objectives/objective.entity.js';

/** An audit is visible to those who read audits; an auditor sees only the audits they are on. */
async function auditVisible(ctx: RequestContext, organizationId: string, auditId: string): Promise<boolean> {
  const role = await roleIn(ctx, organizationId);
  if (!roleCan(role, 'audit:read')) return false;
  return role !== 'AUDITOR' || ctx.services.audits.isOnAudit(ctx.services.db.dataSource.manager, auditId, ctx.viewer!.user.id);
}

type NodeLoader = (ctx: RequestContext, id: string) => Promise<Node | null>;

/** Loads a row of an organisation-owned entity and checks the caller's role allows `action` there. */
function orgRow<T extends { organizationId: string }>(entity: new () => T, action: string, extra?: (ctx: RequestContext, row: T) => Promise<boolean> | boolean): NodeLoader {
  return async (ctx, id) => {
    const row = await ctx.loaders.rowById(entity).load(id);
    if (!row) return null;
    const role = await roleIn(ctx, row.organizationId);
    if (!roleCan(role, action)) return null;
    if (extra && !(await extra(ctx, row))) return null;
    return row as unknown as Node;
  };
}

/**
 * Every entity type that `Query.node`, event deliveries and `subject` fields can reach, with
 * the rule deciding whether the caller may see one. Not visible and missing answer the same.
 */
const NODE_LOADERS: Partial<Record<NodeTypeName, NodeLoader>> = {
  Organization: async (ctx, id) => ((await roleIn(ctx, id)) ? ctx.loaders.organizationById.load(id) : null),
  User: async (ctx, id) => {
    const viewer = ctx.viewer!;
    if (id === viewer.user.id) return ctx.loaders.userById.load(id);
    const shared = (await ctx.services.db.dataSource.query(
      `SELECT 1 FROM memberships a JOIN memberships b ON a.organization_id = b.organization_id
        WHERE a.user_id = $1 AND b.user_id = $2 AND ($3::text IS NULL OR a.organization_id = $3) LIMIT 1`,
      [viewer.user.id, id, viewer.apiToken?.organizationId ?? null],
    )) as unknown[];
    return shared.length ? ctx.loaders.userById.load(id) : null;
  },
  Membership: orgRow(Membership, 'member:read'),
  Invitation: orgRow(Invitation, 'invitation:read'),
  ApiToken: orgRow(ApiToken, 'apiToken:revoke', async (ctx, row) => viewerIs(ctx, row.userId) || roleCan(await roleIn(ctx, row.organizationId), 'member:remove')),
  AuditEvent: async (ctx, id) => {
    const row = await ctx.services.db.dataSource.getRepository(AuditEvent).findOneBy({ id });
    return row?.organizationId && roleCan(await roleIn(ctx, row.organizationId), 'auditTrail:read') ? row : null;
  },
  Task: orgRow(Task, 'task:read', async (ctx, row) => {
    const role = (await roleIn(ctx, row.organizationId))!;
    // The team sees every task (canSeeTask's first rule, checked here to skip loading the watchers, which only matter to the others).
    return roleCan(role, 'task:readAll') || canSeeTask(role, (id) => viewerIs(ctx, id), { ...row, watcherIds: await ctx.loaders.watcherIdsByTask.load(row.id) });
  }),
  Comment: orgRow(Comment, 'comment:read', async (ctx, row) => (await resolveNode(ctx, row.subjectId)) !== null),
  ApprovalRequest: orgRow(ApprovalRequest, 'approval:read', async (ctx, row) => {
    if (viewerIs(ctx, row.requestedById) || (await ctx.loaders.approverIdsByRequest.load(row.id)).some((id) => viewerIs(ctx, id))) return true;
    return (await resolveNode(ctx, row.subjectId)) !== null;
  }),
  Asset: orgRow(Asset, 'asset:read'),
  GapItem: orgRow(GapItem, 'gap:read'),
  Risk: orgRow(Risk, 'risk:read'),
  SoaEntry: orgRow(SoaEntry, 'soa:read'),
  SoaVersion: orgRow(SoaVersion, 'soa:read'),
  /** The team reads every document; others published ones (employees those addressed to them). */
  Document: orgRow(Document, 'document:read', async (ctx, row) => {
    const role = (await roleIn(ctx, row.organizationId))!;
    if (roleCan(role, 'document:readDrafts')) return true;
    return row.currentVersionId !== null && (role !== 'EMPLOYEE' || inAudience(row.audienceRoles, role));
  }),
  DocumentVersion: orgRow(DocumentVersion, 'document:read', async (ctx, row) => {
    if (!(await resolveNode(ctx, row.documentId))) return false;
    return row.state !== 'SUBMITTED' || roleCan(await roleIn(ctx, row.organizationId), 'document:readDrafts');
  }),
  DocumentAcknowledgement: orgRow(DocumentAcknowledgement, 'document:read', async (ctx, row) =>
    viewerIs(ctx, row.userId) || roleCan(await roleIn(ctx, row.organizationId), 'document:readAcknowledgements'),
  ),
  Audit: orgRow(Audit, 'audit:read', (ctx, row) => auditVisible(ctx, row.organizationId, row.id)),
  AuditSession: orgRow(AuditSession, 'audit:read', (ctx, row) => auditVisible(ctx, row.organizationId, row.auditId)),
  ChecklistItem: orgRow(ChecklistItem, 'audit:read', (ctx, row) => auditVisible(ctx, row.organizationId, row.auditId)),
  EvidenceRequest: orgRow(EvidenceRequest, 'audit:read', (ctx, row) => auditVisible(ctx, row.organizationId, row.auditId)),
  Finding: orgRow(Finding, 'audit:read', (ctx, row) => auditVisible(ctx, row.organizationId, row.auditId)),
  CorrectiveAction: orgRow(CorrectiveAction, 'audit:read', async (ctx, row) => (await resolveNode(ctx, row.findingId)) !== null),
  /** Evidence: the team sees it all; an auditor the evidence of the requests and findings of their audits. */
  Evidence: orgRow(Evidence, 'evidence:upload', async (ctx, row) => {
    const role = await roleIn(ctx, row.organizationId);
    if (role !== 'AUDITOR') return true;
    const me = ctx.viewer!.user.id;
    if (row.uploadedById === me) return true;
    const rows = (await ctx.services.db.dataSource.query(
      `SELECT 1 FROM audits a WHERE (a.lead_auditor_id = $2 OR EXISTS (SELECT 1 FROM audit_team t WHERE t.audit_id = a.id AND t.user_id = $2))
          AND (EXISTS (SELECT 1 FROM evidence_request_items i JOIN evidence_requests r ON r.id = i.evidence_request_id WHERE i.evidence_id = $1 AND r.audit_id = a.id)
            OR EXISTS (SELECT 1 FROM finding_evidence fe JOIN findings f ON f.id = fe.finding_id WHERE fe.evidence_id = $1 AND f.audit_id = a.id)
            OR EXISTS (SELECT 1 FROM corrective_action_evidence ce JOIN corrective_actions c ON c.id = ce.corrective_action_id JOIN findings f ON f.id = c.finding_id WHERE ce.evidence_id = $1 AND f.audit_id = a.id))
        LIMIT 1`,
      [row.id, me],
    )) as unknown[];
    return rows.length > 0;
  }),
  Notification: orgRow(Notification, 'organization:read', (ctx, row) => viewerIs(ctx, row.userId)),
  /** Training: everyone sees the courses; a person's assignments and records are theirs and coverage readers'. */
  Course: orgRow(Course, 'training:read'),
  CourseAssignment: orgRow(CourseAssignment, 'training:read', async (ctx, row) => viewerIs(ctx, row.userId) || roleCan(await roleIn(ctx, row.organizationId), 'training:readCoverage')),
  TrainingRecord: orgRow(TrainingRecord, 'training:read', async (ctx, row) => viewerIs(ctx, row.userId) || roleCan(await roleIn(ctx, row.organizationId), 'training:readCoverage')),
  Objective: orgRow(Objective, 'objective:read'),
  Indicator: orgRow(Indicator, 'objective:read'),
  Measurement: orgRow(Measurement, 'objective:read'),
  ManagementReview: orgRow(ManagementReview, 'managementReview:read'),
  ManagementReviewDecision: orgRow(ManagementReviewDecision, 'managementReview:read'),
};

/** Any object the caller may see, by id; null otherwise (and for anyone signed out). */
export async function resolveNode(ctx: RequestContext, id: string): Promise<Node | null> {
  if (!ctx.viewer) return null;
  const type = typeOfId(id);
  const loader = type ? NODE_LOADERS[type] : undefined;
  return loader ? loader(ctx, id) : null;
}

/**
 * The record of the given type behind `id`, when the caller may see it; NOT_FOUND otherwise
 * (an id of another organisation answers exactly like a missing one).
 */
export async function visibleNode<T>(ctx: RequestContext, type: NodeTypeName, id: string, what: string): Promise<T> {
  if (!ctx.viewer) throw unauthenticated();
  const node = typeOfId(id) === type ? await resolveNode(ctx, id) : null;
  if (!node) throw notFound(what);
  return node as T;
}

/**
 * The record behind `id` (visible to the caller) and the scope to act on it in its
 * organisation: what every mutation on an existing record starts with.
 */
export async function authorizeRecord<T extends { organizationId: string }>(
  ctx: RequestContext,
  type: NodeTypeName,
  id: string,
  action: OrgAction,
  what: string,
): Promise<{ record: T; scope: OrgScope }> {
  const record = await visibleNode<T>(ctx, type, id, what);
  return { record, scope: await authorize(ctx, action, record.organizationId, what) };
}
