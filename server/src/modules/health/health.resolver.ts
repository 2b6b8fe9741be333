import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Can, tryAuthorize } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { Node } from '../../core/node.js';
import { typeOfId } from '../../core/ids.js';
import { AuditEvent } from '../../core/audit/audit-event.entity.js';
import { Membership } from '../organizations/membership.entity.js';
import { Invitation } from '../organizations/invitation.entity.js';
import { ApiToken } from '../api-tokens/api-token.entity.js';

@Resolver()
export class HealthResolver {
  @Query(() => String, { description: 'Always "ok" when the API answers.' })
  @Can('public')
  health(): string {
    return 'ok';
  }

  @Query(() => Node, { nullable: true, description: 'Any object you may see, by id; null otherwise.' })
  @Can('authenticated')
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    const viewer = ctx.viewer!;
    const repo = ctx.services.db.dataSource;
    switch (typeOfId(id)) {
      case 'Organization':
        return (await tryAuthorize(ctx, 'organization:read', id)) ? ctx.loaders.organizationById.load(id) : null;
      case 'User': {
        if (id === viewer.user.id) return ctx.loaders.userById.load(id);
        const shared = (await repo.query(
          `SELECT 1 FROM memberships a JOIN memberships b ON a.organization_id = b.organization_id
            WHERE a.user_id = $1 AND b.user_id = $2 AND ($3::text IS NULL OR a.organization_id = $3) LIMIT 1`,
          [viewer.user.id, id, viewer.apiToken?.organizationId ?? null],
        )) as unknown[];
        return shared.length ? ctx.loaders.userById.load(id) : null;
      }
      case 'Membership': {
        const row = await repo.getRepository(Membership).findOneBy({ id });
        return row && (await tryAuthorize(ctx, 'member:read', row.organizationId)) ? row : null;
      }
      case 'Invitation': {
        const row = await repo.getRepository(Invitation).findOneBy({ id });
        return row && (await tryAuthorize(ctx, 'invitation:read', row.organizationId)) ? row : null;
      }
      case 'ApiToken': {
        const row = await repo.getRepository(ApiToken).findOneBy({ id });
        if (!row) return null;
        const scope = await tryAuthorize(ctx, 'apiToken:revoke', row.organizationId);
        return scope && (row.userId === viewer.user.id || scope.can('member:remove')) ? row : null;
      }
      case 'AuditEvent': {
        const row = await repo.getRepository(AuditEvent).findOneBy({ id });
        return row?.organizationId && (await tryAuthorize(ctx, 'auditTrail:read', row.organizationId)) ? row : null;
      }
      default:
        return null;
    }
  }
}
