import type { EntityManager } from 'typeorm';
import { normalizeEmail } from '@annex/domain';
import type { Database } from '../../core/db/database.js';
import type { Viewer } from '../../core/context.js';
import type { ConnectionRegistry } from '../../core/auth/connection-registry.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../core/auth/secrets.js';
import { AppError, badInput, unauthenticated } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requiredText, validEmail, validNewPassword } from '../../core/validation.js';
import type { OrganizationService } from '../organizations/organization.service.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import type { ClientMeta, SessionService } from './session.service.js';
import { User } from './user.entity.js';

export interface SignedIn {
  user: User;
  sessionToken: string;
}

const labelOf = (user: Pick<User, 'name' | 'email'>) => `${user.name} <${user.email}>`;

/** Accounts: sign-up, sign-in, sign-out, password change. */
export class AccountService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
    private readonly organizations: OrganizationService,
    private readonly connections: ConnectionRegistry,
  ) {}

  async signUp(
    input: { email: string; name: string; password: string; organizationName?: string | null },
    meta: ClientMeta,
  ): Promise<SignedIn> {
    const email = validEmail('email', input.email);
    const name = requiredText('name', input.name, 120);
    validNewPassword('password', input.password, { email, name });
    const organizationName =
      input.organizationName === null || input.organizationName === undefined
        ? null
        : requiredText('organizationName', input.organizationName, 200);
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (em) => {
      const user = await this.createUser(em, { email, name, passwordHash }, meta);
      if (organizationName) await this.organizations.createWithOwner(em, user, organizationName, meta.ip);
      const { token } = await this.sessions.create(em, user.id, meta);
      return { user, sessionToken: token };
    });
  }

  /** Inserts an account; a taken e-mail is a BAD_USER_INPUT on `email`. */
  async createUser(em: EntityManager, data: { email: string; name: string; passwordHash: string }, meta: ClientMeta): Promise<User> {
    const existing = (await em.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [data.email])) as unknown[];
    if (existing.length) throw badInput('email', 'An account with this e-mail already exists. Sign in instead.', 'TAKEN');
    const now = new Date();
    const user = Object.assign(new User(), { id: newId('User'), ...data, passwordChangedAt: now, createdAt: now });
    await em.insert(User, user);
    await appendAudit(em, {
      organizationId: null,
      action: 'user.signedUp',
      actorId: user.id,
      actorLabel: labelOf(user),
      entityType: 'User',
      entityId: user.id,
      summary: { after: { email: user.email, name: user.name } },
      ip: meta.ip,
    });
    return user;
  }

  async signIn(input: { email: string; password: string }, meta: ClientMeta): Promise<SignedIn> {
    const email = normalizeEmail(input.email ?? '');
    if (!email) throw badInput('email', 'Enter your e-mail address.', 'REQUIRED');
    await this.throttle.beforeAttempt(email, meta.ip);
    const user = await this.db.dataSource.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :email', { email }).getOne();
    const valid = user
      ? await verifyPassword(user.passwordHash, input.password ?? '')
      : (await verifyPassword(await decoyPasswordHash(), input.password ?? ''), false);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, meta.ip);
      await this.db.transaction((em) =>
        appendAudit(em, {
          organizationId: null,
          action: 'user.signInFailed',
          actorId: null,
          actorLabel: email,
          entityType: user ? 'User' : null,
          entityId: user?.id ?? null,
          summary: { reason: user ? 'WRONG_PASSWORD' : 'UNKNOWN_ACCOUNT' },
          ip: meta.ip,
        }),
      );
      throw new AppError('UNAUTHENTICATED', 'The e-mail or password is not right.');
    }
    await this.throttle.recordSuccess(email);
    return this.db.transaction(async (em) => {
      const { token } = await this.sessions.create(em, user.id, meta);
      await appendAudit(em, {
        organizationId: null,
        action: 'user.signedIn',
        actorId: user.id,
        actorLabel: labelOf(user),
        entityType: 'User',
        entityId: user.id,
        summary: { userAgent: meta.userAgent?.slice(0, 200) ?? null },
        ip: meta.ip,
      });
      return { user, sessionToken: token };
    });
  }

  /** Ends the current browser session, and closes its WebSockets. */
  async signOut(viewer: Viewer | null, meta: ClientMeta): Promise<boolean> {
    if (!viewer?.sessionId) return false;
    const sessionId = viewer.sessionId;
    await this.db.transaction(async (em) => {
      await this.sessions.revoke(em, sessionId);
      await appendAudit(em, {
        organizationId: null,
        action: 'user.signedOut',
        actorId: viewer.user.id,
        actorLabel: labelOf(viewer.user),
        entityType: 'User',
        entityId: viewer.user.id,
        ip: meta.ip,
      });
    });
    this.connections.closeSessions([sessionId]);
    return true;
  }

  /**
   * Changes the password and ends every session of the account (other browsers included, and
   * their WebSockets); the browser that made the change gets a fresh session.
   */
  async changePassword(viewer: Viewer, input: { currentPassword: string; newPassword: string }, meta: ClientMeta): Promise<SignedIn> {
    if (viewer.apiToken) throw new AppError('FORBIDDEN', 'An API token cannot change a password.');
    const user = await this.db.dataSource.getRepository(User).findOneByOrFail({ id: viewer.user.id });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword ?? ''))) {
      throw badInput('currentPassword', 'The current password is not right.', 'WRONG_PASSWORD');
    }
    validNewPassword('newPassword', input.newPassword, { email: user.email, name: user.name });
    if (input.newPassword === input.currentPassword) {
      throw badInput('newPassword', 'Choose a password different from the current one.', 'UNCHANGED');
    }
    const passwordHash = await hashPassword(input.newPassword);
    const { token, revoked } = await this.db.transaction(async (em) => {
      await em.update(User, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      const revoked = await this.sessions.revokeAllOfUser(em, user.id);
      const { token } = await this.sessions.create(em, user.id, meta);
      await appendAudit(em, {
        organizationId: null,
        action: 'user.passwordChanged',
        actorId: user.id,
        actorLabel: labelOf(user),
        entityType: 'User',
        entityId: user.id,
        summary: { sessionsEnded: revoked.length },
        ip: meta.ip,
      });
      return { token, revoked };
    });
    this.connections.closeSessions(revoked);
    return { user, sessionToken: token };
  }

  async updateProfile(viewer: Viewer, input: { name: string }, meta: ClientMeta): Promise<User> {
    const name = requiredText('name', input.name, 120);
    return this.db.transaction(async (em) => {
      const user = await em.getRepository(User).findOneByOrFail({ id: viewer.user.id });
      if (user.name === name) return user;
      const before = user.name;
      user.name = name;
      await em.update(User, { id: user.id }, { name });
      await appendAudit(em, {
        organizationId: null,
        action: 'user.profileUpdated',
        actorId: user.id,
        actorLabel: labelOf(user),
        entityType: 'User',
        entityId: user.id,
        summary: { before: { name: before }, after: { name } },
        ip: meta.ip,
      });
      return user;
    });
  }

  requireSignedIn(viewer: Viewer | null): Viewer {
    if (!viewer) throw unauthenticated();
    return viewer;
  }
}
