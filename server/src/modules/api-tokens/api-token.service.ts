import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import type { Viewer } from '../../core/context.js';
import type { ConnectionRegistry } from '../../core/auth/connection-registry.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { newSecret, sha256 } from '../../core/auth/secrets.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requiredText } from '../../core/validation.js';
import type { Actor } from '../organizations/organization.service.js';
import { API_TOKEN_PREFIX } from '../identity/session.service.js';
import { ApiToken } from './api-token.entity.js';

/** API tokens: shown once, stored as SHA-256, limited to one organisation and the creator's role in it. */
export class ApiTokenService {
  constructor(private readonly db: Database, private readonly connections: ConnectionRegistry) {}

  async create(scope: OrgScope, viewer: Viewer, input: { name: string; expiresAt?: Date | null }, actor: Actor) {
    if (viewer.apiToken) throw forbidden('An API token cannot create API tokens; sign in to create one.');
    const name = requiredText('name', input.name, 100);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw badInput('expiresAt', 'The expiry must be in the future.', 'IN_THE_PAST');
    }
    const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
    const token = Object.assign(new ApiToken(), {
      id: newId('ApiToken'),
      organizationId: scope.organizationId,
      userId: scope.userId,
      name,
      prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
      secretHash: sha256(secret),
      createdAt: new Date(),
      expiresAt: input.expiresAt ?? null,
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.db.transaction(async (em) => {
      await em.insert(ApiToken, token);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'apiToken.created',
        ...actor,
        entityType: 'ApiToken',
        entityId: token.id,
        summary: { after: { name, prefix: token.prefix, expiresAt: token.expiresAt?.toISOString() ?? null } },
      });
    });
    return { token, secret };
  }

  async find(id: string): Promise<ApiToken | null> {
    return this.db.dataSource.getRepository(ApiToken).findOneBy({ id });
  }

  /** Owners and ISMS managers may revoke anyone's token in their organisation; others only their own. */
  async revoke(scope: OrgScope, token: ApiToken, actor: Actor): Promise<string> {
    if (token.organizationId !== scope.organizationId) throw notFound('API token');
    const own = token.userId === scope.userId;
    if (!own && !scope.can('member:remove')) throw notFound('API token');
    if (!token.revokedAt) {
      await this.db.transaction(async (em) => {
        await em.update(ApiToken, { id: token.id }, { revokedAt: new Date() });
        await appendAudit(em, {
          organizationId: scope.organizationId,
          action: 'apiToken.revoked',
          ...actor,
          entityType: 'ApiToken',
          entityId: token.id,
          summary: { before: { name: token.name, prefix: token.prefix, userId: token.userId } },
        });
      });
      this.connections.closeApiTokens([token.id]);
    }
    return token.id;
  }

  async listForUser(userId: string): Promise<ApiToken[]> {
    return this.db.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .where('t.user_id = :userId AND t.revoked_at IS NULL', { userId })
      .andWhere('t.organization_id IN (SELECT organization_id FROM memberships WHERE user_id = :userId)')
      .orderBy('t.created_at', 'DESC')
      .getMany();
  }
}
