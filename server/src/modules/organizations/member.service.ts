import type { EntityManager } from 'typeorm';
import { checkOwnersRemain, checkRoleAssignment, isRole, type Role } from '@annex/domain';
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import type { Viewer } from '../../core/context.js';
import type { Mailer } from '../../core/mail/mailer.js';
import type { ConnectionRegistry } from '../../core/auth/connection-registry.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { hashPassword, newSecret, sha256, verifyPassword } from '../../core/auth/secrets.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requiredText, validEmail, validNewPassword } from '../../core/validation.js';
import type { AccountService, SignedIn } from '../identity/account.service.js';
import type { ClientMeta, SessionService } from '../identity/session.service.js';
import { User } from '../identity/user.entity.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';
import { addMembership, type Actor } from './organization.service.js';

const RULE_MESSAGES = {
  ONLY_OWNER_MANAGES_OWNERS: 'Only an owner can give, change or remove the owner role.',
  LAST_OWNER: 'An organisation needs at least one owner: make someone else owner first.',
} as const;

/** A membership change: an invitation accepted (no previous role) or a role changed. */
export interface MemberRoleChange {
  organizationId: string;
  userId: string;
  role: Role;
  previousRole: Role | null;
}

/** Told, inside the transaction, that a person joined with a role or changed role (e.g. training assigned by role). */
export type MemberRoleListener = (em: EntityManager, change: MemberRoleChange, actor: Actor) => Promise<void>;

/**
 * Checks that every id (nulls and repeats ignored; an empty string is no member) names a member of
 * the organisation, as a `NOT_A_MEMBER` bad input on `field` otherwise; answers each member's
 * name and role.
 */
export async function requireMembers(
  em: EntityManager,
  organizationId: string,
  field: string,
  ids: ReadonlyArray<string | null | undefined>,
  message = 'Every person named must be a member of the organisation.',
): Promise<Map<string, { name: string; role: Role }>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null && id !== undefined))];
  if (!wanted.length) return new Map();
  const rows = (await em.query(`SELECT u.id, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND m.user_id = ANY($2)`, [
    organizationId,
    wanted,
  ])) as Array<{ id: string; name: string; role: Role }>;
  if (rows.length !== wanted.length) throw badInput(field, message, 'NOT_A_MEMBER');
  return new Map(rows.map((r) => [r.id, { name: r.name, role: r.role }]));
}

/** Members, roles and invitations. */
export class MemberService {
  private readonly roleListeners: MemberRoleListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly sessions: SessionService,
    private readonly connections: ConnectionRegistry,
    private readonly accounts: AccountService,
  ) {}

  onMemberRole(listener: MemberRoleListener): void {
    this.roleListeners.push(listener);
  }

  async list(scope: OrgScope): Promise<Membership[]> {
    return this.db.dataSource.getRepository(Membership).find({
      where: { organizationId: scope.organizationId },
      order: { createdAt: 'ASC' },
    });
  }

  async pendingInvitations(scope: OrgScope): Promise<Invitation[]> {
    return this.db.dataSource
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.organization_id = :org AND i.accepted_at IS NULL AND i.revoked_at IS NULL', { org: scope.organizationId })
      .orderBy('i.created_at', 'DESC')
      .getMany();
  }

  async invite(scope: OrgScope, input: { email: string; role: Role }, actor: Actor): Promise<Invitation> {
    const email = validEmail('email', input.email);
    if (!isRole(input.role)) throw badInput('role', 'Unknown role.', 'UNKNOWN_ROLE');
    const violation = checkRoleAssignment(scope.role, null, input.role);
    if (violation) throw forbidden(RULE_MESSAGES[violation]);
    const token = newSecret();
    const { invitation, organization, inviter } = await this.db.transaction(async (em) => {
      const member = (await em.query(
        `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND lower(u.email) = $2`,
        [scope.organizationId, email],
      )) as unknown[];
      if (member.length) throw badInput('email', 'This person is already a member.', 'ALREADY_MEMBER');
      // A new invitation replaces any pending one for the same address.
      await em.query(
        `UPDATE invitations SET revoked_at = now() WHERE organization_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [scope.organizationId, email],
      );
      const now = new Date();
      const invitation = Object.assign(new Invitation(), {
        id: newId('Invitation'),
        organizationId: scope.organizationId,
        email,
        role: input.role,
        tokenHash: sha256(token),
        invitedById: scope.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.config.INVITATION_TTL_DAYS * 86400_000),
        acceptedAt: null,
        revokedAt: null,
      });
      await em.insert(Invitation, invitation);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'invitation.created',
        ...actor,
        entityType: 'Invitation',
        entityId: invitation.id,
        summary: { after: { email, role: input.role, expiresAt: invitation.expiresAt.toISOString() } },
      });
      const organization = await em.getRepository(Organization).findOneByOrFail({ id: scope.organizationId });
      const inviter = await em.getRepository(User).findOneByOrFail({ id: scope.userId });
      return { invitation, organization, inviter };
    });
    const link = `${this.config.PUBLIC_URL}/accept-invitation?token=${encodeURIComponent(token)}`;
    await this.mailer.sendLater({
      to: email,
      subject: `${inviter.name} invited you to ${organization.name} on Annex`,
      text: [
        `${inviter.name} invited you to join ${organization.name} on Annex as ${input.role.replace('_', ' ').toLowerCase()}.`,
        '',
        'Annex is where the organisation runs its ISO/IEC 27001 certification: risks, policies, audits and their follow-up.',
        '',
        `Accept the invitation: ${link}`,
        '',
        `The link works once and expires on ${invitation.expiresAt.toUTCString()}.`,
        "If you did not expect this e-mail, ignore it: nothing happens until the link is used.",
      ].join('\n'),
    });
    return invitation;
  }

  async revokeInvitation(scope: OrgScope, invitationId: string, actor: Actor): Promise<string> {
    return this.db.transaction(async (em) => {
      const invitation = await em.getRepository(Invitation).findOneBy({ id: invitationId, organizationId: scope.organizationId });
      if (!invitation) throw notFound('Invitation');
      if (invitation.acceptedAt || invitation.revokedAt) throw badInput('id', 'This invitation is no longer pending.', 'NOT_PENDING');
      const violation = checkRoleAssignment(scope.role, null, invitation.role);
      if (violation) throw forbidden(RULE_MESSAGES[violation]);
      await em.update(Invitation, { id: invitation.id }, { revokedAt: new Date() });
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'invitation.revoked',
        ...actor,
        entityType: 'Invitation',
        entityId: invitation.id,
        summary: { before: { email: invitation.email, role: invitation.role } },
      });
      return invitation.id;
    });
  }

  /** What the accept page shows before anyone signs in; null when the token is unknown. */
  async previewInvitation(token: string): Promise<{ invitation: Invitation; organization: Organization; hasAccount: boolean } | null> {
    const invitation = await this.db.dataSource.getRepository(Invitation).findOneBy({ tokenHash: sha256(token ?? '') });
    if (!invitation) return null;
    const organization = await this.db.dataSource.getRepository(Organization).findOneByOrFail({ id: invitation.organizationId });
    const users = (await this.db.dataSource.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [invitation.email])) as unknown[];
    return { invitation, organization, hasAccount: users.length > 0 };
  }

  /**
   * Accepts an invitation: creates the account (name + password), or links an existing one
   * (its password, or the matching signed-in person), adds the membership and signs in.
   */
  async acceptInvitation(
    input: { token: string; name?: string | null; password?: string | null },
    viewer: Viewer | null,
    meta: ClientMeta,
  ): Promise<SignedIn & { organizationId: string }> {
    const tokenHash = sha256(input.token ?? '');
    const found = await this.db.dataSource.getRepository(Invitation).findOneBy({ tokenHash });
    if (!found) throw badInput('token', 'This invitation link is not valid.', 'INVALID_TOKEN');
    const existing = await this.db.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: found.email })
      .getOne();
    let passwordHash: string | null = null;
    let name: string | null = null;
    if (existing) {
      const signedInAsInvitee = viewer?.user.id === existing.id && !viewer.apiToken;
      if (!signedInAsInvitee && !(await verifyPassword(existing.passwordHash, input.password ?? ''))) {
        throw badInput('password', `${found.email} already has an Annex account: enter its password to accept.`, 'WRONG_PASSWORD');
      }
    } else {
      name = requiredText('name', input.name, 120);
      validNewPassword('password', input.password ?? '', { email: found.email, name });
      passwordHash = await hashPassword(input.password ?? '');
    }
    return this.db.transaction(async (em) => {
      // Lock the invitation so that two accepts of one link cannot both succeed.
      const [invitation] = (await em.query(`SELECT * FROM invitations WHERE token_hash = $1 FOR UPDATE`, [tokenHash])) as Array<Record<string, unknown>>;
      if (!invitation || invitation['accepted_at'] || invitation['revoked_at']) {
        throw badInput('token', 'This invitation was already used or withdrawn.', 'USED');
      }
      if (new Date(invitation['expires_at'] as string) <= new Date()) {
        throw badInput('token', 'This invitation has expired: ask for a new one.', 'EXPIRED');
      }
      const user = existing ?? (await this.accounts.createUser(em, { email: found.email, name: name!, passwordHash: passwordHash! }, meta));
      const actor = { actorId: user.id, actorLabel: `${user.name} <${user.email}>`, ip: meta.ip };
      await em.update(Invitation, { id: found.id }, { acceptedAt: new Date() });
      await appendAudit(em, {
        organizationId: found.organizationId,
        action: 'invitation.accepted',
        ...actor,
        entityType: 'Invitation',
        entityId: found.id,
        summary: { after: { email: found.email, role: found.role } },
      });
      const already = await em.getRepository(Membership).findOneBy({ organizationId: found.organizationId, userId: user.id });
      if (!already) {
        await addMembership(em, { organizationId: found.organizationId, user, role: found.role }, actor, 'invitation');
        for (const listener of this.roleListeners) await listener(em, { organizationId: found.organizationId, userId: user.id, role: found.role, previousRole: null }, actor);
      }
      const { token } = await this.sessions.create(em, user.id, meta);
      return { user, sessionToken: token, organizationId: found.organizationId };
    });
  }

  async updateRole(scope: OrgScope, input: { userId: string; role: Role }, actor: Actor): Promise<Membership> {
    if (!isRole(input.role)) throw badInput('role', 'Unknown role.', 'UNKNOWN_ROLE');
    return this.db.transaction(async (em) => {
      const owners = await this.lockOwners(em, scope.organizationId);
      const membership = await em.getRepository(Membership).findOneBy({ organizationId: scope.organizationId, userId: input.userId });
      if (!membership) throw notFound('Member');
      if (membership.role === input.role) return membership;
      const violation =
        checkRoleAssignment(scope.role, membership.role, input.role) ?? checkOwnersRemain(owners, membership.role, input.role);
      if (violation) throw violation === 'LAST_OWNER' ? badInput('role', RULE_MESSAGES[violation], violation) : forbidden(RULE_MESSAGES[violation]);
      const before = membership.role;
      await em.update(Membership, { id: membership.id }, { role: input.role });
      membership.role = input.role;
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'member.roleChanged',
        ...actor,
        entityType: 'Membership',
        entityId: membership.id,
        summary: { userId: membership.userId, before: { role: before }, after: { role: input.role } },
      });
      for (const listener of this.roleListeners) await listener(em, { organizationId: scope.organizationId, userId: membership.userId, role: input.role, previousRole: before }, actor);
      return membership;
    });
  }

  async remove(scope: OrgScope, userId: string, actor: Actor): Promise<string> {
    const revokedTokens = await this.db.transaction(async (em) => {
      const owners = await this.lockOwners(em, scope.organizationId);
      const membership = await em.getRepository(Membership).findOneBy({ organizationId: scope.organizationId, userId });
      if (!membership) throw notFound('Member');
      const violation = checkRoleAssignment(scope.role, membership.role, null) ?? checkOwnersRemain(owners, membership.role, null);
      if (violation) throw violation === 'LAST_OWNER' ? badInput('userId', RULE_MESSAGES[violation], violation) : forbidden(RULE_MESSAGES[violation]);
      await em.delete(Membership, { id: membership.id });
      // The member's API tokens for this organisation stop working with the membership.
      const [tokens] = (await em.query(
        `UPDATE api_tokens SET revoked_at = now() WHERE organization_id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
        [scope.organizationId, userId],
      )) as [Array<{ id: string }>, number];
      const user = await em.getRepository(User).findOneBy({ id: userId });
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'member.removed',
        ...actor,
        entityType: 'Membership',
        entityId: membership.id,
        summary: { before: { userId, email: user?.email ?? null, role: membership.role }, apiTokensRevoked: tokens.length },
      });
      return tokens.map((t) => t.id);
    });
    this.connections.closeApiTokens(revokedTokens);
    return userId;
  }

  /** Locks the organisation's owner rows so that two concurrent demotions cannot both pass the last-owner rule. */
  private async lockOwners(em: import('typeorm').EntityManager, organizationId: string): Promise<number> {
    const rows = (await em.query(
      `SELECT id FROM memberships WHERE organization_id = $1 AND role = 'OWNER' ORDER BY id FOR UPDATE`,
      [organizationId],
    )) as unknown[];
    return rows.length;
  }
}

