import type { EntityManager } from 'typeorm';
import type { Role } from '@annex/domain';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { newId } from '../../core/ids.js';
import { requiredText } from '../../core/validation.js';
import type { User } from '../identity/user.entity.js';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';

export interface Actor {
  actorId: string | null;
  actorLabel: string | null;
  ip: string | null;
}

/** Organisations: creation (the creator becomes OWNER) and settings. */
export class OrganizationService {
  constructor(private readonly db: Database) {}

  async create(user: User, name: string, ip: string | null): Promise<Organization> {
    const validName = requiredText('name', name, 200);
    return this.db.transaction((em) => this.createWithOwner(em, user, validName, ip));
  }

  async createWithOwner(em: EntityManager, user: User, name: string, ip: string | null): Promise<Organization> {
    const now = new Date();
    const organization = Object.assign(new Organization(), { id: newId('Organization'), name, createdAt: now });
    await em.insert(Organization, organization);
    const actor = { actorId: user.id, actorLabel: `${user.name} <${user.email}>`, ip };
    await appendAudit(em, {
      organizationId: organization.id,
      action: 'organization.created',
      ...actor,
      entityType: 'Organization',
      entityId: organization.id,
      summary: { after: { name } },
    });
    await addMembership(em, { organizationId: organization.id, user, role: 'OWNER' }, actor);
    return organization;
  }

  async update(scope: OrgScope, input: { name: string }, actor: Actor): Promise<Organization> {
    const name = requiredText('name', input.name, 200);
    return this.db.transaction(async (em) => {
      const organization = await em.getRepository(Organization).findOneByOrFail({ id: scope.organizationId });
      if (organization.name === name) return organization;
      const before = organization.name;
      await em.update(Organization, { id: organization.id }, { name });
      organization.name = name;
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'organization.updated',
        ...actor,
        entityType: 'Organization',
        entityId: organization.id,
        summary: { before: { name: before }, after: { name } },
      });
      return organization;
    });
  }

  async get(scope: OrgScope): Promise<Organization> {
    return this.db.dataSource.getRepository(Organization).findOneByOrFail({ id: scope.organizationId });
  }
}

/** Adds a member and records `member.added` in the organisation's audit trail, in the caller's transaction. */
export async function addMembership(
  em: EntityManager,
  member: { organizationId: string; user: Pick<User, 'id' | 'email'>; role: Role },
  actor: Actor,
  via?: string,
): Promise<Membership> {
  const membership = Object.assign(new Membership(), {
    id: newId('Membership'),
    organizationId: member.organizationId,
    userId: member.user.id,
    role: member.role,
    createdAt: new Date(),
  });
  await em.insert(Membership, membership);
  await appendAudit(em, {
    organizationId: member.organizationId,
    action: 'member.added',
    ...actor,
    entityType: 'Membership',
    entityId: membership.id,
    summary: { after: { userId: member.user.id, email: member.user.email, role: member.role }, ...(via ? { via } : {}) },
  });
  return membership;
}
