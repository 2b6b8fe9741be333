import { In } from 'typeorm';
import type { Config } from '../core/config.js';
import type { Database } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import { ConnectionRegistry } from '../core/auth/connection-registry.js';
import { Mailer } from '../core/mail/mailer.js';
import type { MailSink } from '../core/mail/mail-sink.js';
import { AccountService } from '../modules/identity/account.service.js';
import { SESSION_COOKIE, SessionService } from '../modules/identity/session.service.js';
import { parse as parseCookie } from 'cookie';
import { SignInThrottle } from '../modules/identity/sign-in-throttle.js';
import { OrganizationService } from '../modules/organizations/organization.service.js';
import { MemberService } from '../modules/organizations/member.service.js';
import { ApiTokenService } from '../modules/api-tokens/api-token.service.js';
import { AuditTrailService } from '../modules/audit-trail/audit-trail.service.js';
import { NotificationService } from '../modules/notifications/notification.service.js';
import { ApprovalService } from '../modules/approvals/approval.service.js';
import { TaskService, taskApprovableHash } from '../modules/tasks/task.service.js';
import { Task } from '../modules/tasks/task.entity.js';
import { CommentService } from '../modules/comments/comment.service.js';
import { EventHub } from '../core/events/event-hub.js';
import { Scheduler } from '../modules/jobs/scheduler.js';
import { AssetService } from '../modules/assets/asset.service.js';
import { GapService } from '../modules/gap-analysis/gap.service.js';
import { RiskService, riskApprovableHash } from '../modules/risks/risk.service.js';
import { Risk } from '../modules/risks/risk.entity.js';
import { SoaService } from '../modules/soa/soa.service.js';
import { SoaVersion } from '../modules/soa/soa.entity.js';
import { DocumentService } from '../modules/documents/document.service.js';
import { Collaboration } from '../modules/documents/collaboration.js';
import { AuditService } from '../modules/audits/audit.service.js';
import { TrainingService } from '../modules/training/training.service.js';
import { ReadinessService } from '../modules/readiness/readiness.service.js';
import { RateLimits } from './hardening.js';
import { ObjectiveService } from '../modules/objectives/objective.service.js';
import { AuditPresenceService } from '../modules/audits/audit-presence.service.js';
import { createFileStore } from '../core/storage/create-file-store.js';
import { Document, DocumentVersion } from '../modules/documents/document.entity.js';
import { ManagementReviewService } from '../modules/management-reviews/management-review.service.js';

/** The application's long-lived services, built once per process and reached through the request context. */
export function createServices(deps: { config: Config; logger: Logger; db: Database; smtpUrl: string; mailSink: MailSink | null }) {
  const { config, logger, db } = deps;
  const connections = new ConnectionRegistry(db.dataSource, logger);
  const mailer = new Mailer(deps.smtpUrl, config.MAIL_FROM, logger);
  const sessions = new SessionService(db, config);
  const organizations = new OrganizationService(db);
  const accounts = new AccountService(db, sessions, new SignInThrottle(db, config), organizations, connections);
  const members = new MemberService(db, config, mailer, sessions, connections, accounts);
  const notifications = new NotificationService(db, config, mailer);
  const approvals = new ApprovalService(db, notifications);
  const tasks = new TaskService(db, notifications, approvals);
  approvals.register('Task', {
    hash: async (em, id) => {
      const task = await em.getRepository(Task).findOneBy({ id });
      return task ? taskApprovableHash(task) : null;
    },
    hashMany: async (em, ids) => new Map((await em.getRepository(Task).findBy({ id: In([...ids]) })).map((task) => [task.id, taskApprovableHash(task)])),
    label: async (em, id) => `task "${(await em.getRepository(Task).findOneBy({ id }))?.title ?? id}"`,
    link: (organizationId, id) => `/o/${organizationId}/tasks?task=${id}`,
  });
  const risks = new RiskService(db, approvals);
  approvals.register('Risk', {
    hash: async (em, id) => {
      const risk = await em.getRepository(Risk).findOneBy({ id });
      return risk ? riskApprovableHash(risk, await risks.controlRefs(em, id)) : null;
    },
    hashMany: (em, ids) => risks.approvableHashes(em, ids),
    label: async (em, id) => `risk "${(await em.getRepository(Risk).findOneBy({ id }))?.title ?? id}"`,
    link: (organizationId, id) => `/o/${organizationId}/risks?risk=${id}`,
  });
  approvals.register('SoaVersion', {
    // An issued version never changes, so an approval of it never lapses.
    hash: async (em, id) => (await em.getRepository(SoaVersion).findOneBy({ id }))?.contentHash ?? null,
    hashMany: async (em, ids) => new Map((await em.getRepository(SoaVersion).findBy({ id: In([...ids]) })).map((version) => [version.id, version.contentHash])),
    label: async (em, id) => `Statement of Applicability version ${(await em.getRepository(SoaVersion).findOneBy({ id }))?.number ?? '?'}`,
    link: (organizationId) => `/o/${organizationId}/statement-of-applicability`,
  });
  // One store for every uploaded file (document drafts and versions, evidence): disk, or S3 when S3_BUCKET is set.
  const files = createFileStore(config);
  const documents = new DocumentService(db, approvals, tasks, notifications, files, config.UPLOAD_MAX_MB * 1024 * 1024);
  const versionLabel = async (em: import('typeorm').EntityManager, id: string) => {
    const version = await em.getRepository(DocumentVersion).findOneBy({ id });
    const doc = version ? await em.getRepository(Document).findOneBy({ id: version.documentId }) : null;
    return doc && version ? `${doc.title} ${version.number}` : 'a document version';
  };
  approvals.register('DocumentVersion', {
    // A version never changes; a later change of the draft withdraws its approval explicitly.
    hash: async (em, id) => (await em.getRepository(DocumentVersion).findOneBy({ id }))?.contentHash ?? null,
    hashMany: async (em, ids) =>
      new Map(
        ((await em.query(`SELECT id, content_hash FROM document_versions WHERE id = ANY($1)`, [[...ids]])) as Array<{ id: string; content_hash: string }>).map((v) => [v.id, v.content_hash]),
      ),
    label: versionLabel,
    link: (organizationId, id) => `/o/${organizationId}/documents/version/${id}`,
  });
  const managementReviews = new ManagementReviewService(db, approvals, tasks, risks);
  approvals.register('ManagementReview', managementReviews.approvable());
  const events = new EventHub(db, config, logger);
  const services = {
    config,
    logger,
    db,
    mailer,
    mailSink: deps.mailSink,
    connections,
    sessions,
    accounts,
    organizations,
    members,
    apiTokens: new ApiTokenService(db, connections),
    auditTrail: new AuditTrailService(db),
    notifications,
    approvals,
    tasks,
    comments: new CommentService(db, notifications),
    events,
    assets: new AssetService(db),
    gaps: new GapService(db, tasks, risks),
    risks,
    soa: new SoaService(db),
    files,
    documents,
    audits: new AuditService(db, notifications, tasks, documents, files, config.UPLOAD_MAX_MB * 1024 * 1024),
    training: new TrainingService(db, notifications),
    objectives: new ObjectiveService(db, notifications),
    auditPresence: new AuditPresenceService(db),
    managementReviews,
  };
  // New members of a role get the courses assigned to it; a role change moves them.
  members.onMemberRole((em, change, actor) => services.training.applyMemberRole(em, change, actor));
  const collaboration = new Collaboration(
    {
      config,
      documents,
      sessions,
      connections,
      viewerFromCookie: (cookie) => {
        const token = cookie ? parseCookie(cookie)[SESSION_COOKIE] : undefined;
        return sessions.fromSessionToken(token);
      },
    },
    logger.child({ module: 'collaboration' }),
  );
  const withReadiness = { ...services, readiness: new ReadinessService(db, services.documents, services.audits), rateLimits: new RateLimits(config) };
  return { ...withReadiness, scheduler: new Scheduler(withReadiness), collaboration };
}

export type Services = ReturnType<typeof createServices>;
