import type { Config } from '../core/config.js';
import type { Database } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import { ConnectionRegistry } from '../core/auth/connection-registry.js';
import { Mailer } from '../core/mail/mailer.js';
import type { MailSink } from '../core/mail/mail-sink.js';
import { AccountService } from '../modules/identity/account.service.js';
import { SessionService } from '../modules/identity/session.service.js';
import { SignInThrottle } from '../modules/identity/sign-in-throttle.js';
import { OrganizationService } from '../modules/organizations/organization.service.js';
import { MemberService } from '../modules/organizations/member.service.js';
import { ApiTokenService } from '../modules/api-tokens/api-token.service.js';
import { AuditTrailService } from '../modules/audit-trail/audit-trail.service.js';

/** The application's long-lived services, built once per process and reached through the request context. */
export function createServices(deps: { config: Config; logger: Logger; db: Database; smtpUrl: string; mailSink: MailSink | null }) {
  const { config, logger, db } = deps;
  const connections = new ConnectionRegistry(db.dataSource, logger);
  const mailer = new Mailer(deps.smtpUrl, config.MAIL_FROM, logger);
  const sessions = new SessionService(db, config);
  const organizations = new OrganizationService(db);
  const accounts = new AccountService(db, sessions, new SignInThrottle(db, config), organizations, connections);
  const members = new MemberService(db, config, mailer, sessions, connections, accounts);
  return {
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
  };
}

export type Services = ReturnType<typeof createServices>;
