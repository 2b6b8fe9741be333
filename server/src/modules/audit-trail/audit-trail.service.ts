import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { AuditEvent } from '../../core/audit/audit-event.entity.js';
import { verifyChain, type ChainVerification } from '../../core/audit/audit-trail.js';
import { badInput } from '../../core/errors.js';
import { toConnection, type Connection } from '../../core/pagination.js';

export interface AuditTrailFilter {
  actorId?: string | null;
  action?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Reading and verifying an organisation's audit trail (newest first). */
export class AuditTrailService {
  constructor(private readonly db: Database) {}

  async list(scope: OrgScope, filter: AuditTrailFilter, first: number, after: string | null | undefined, count = true): Promise<Connection<AuditEvent>> {
    const query = this.db.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.organization_id = :org', { org: scope.organizationId });
    if (filter.actorId) query.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) query.andWhere('e.action LIKE :action', { action: `${filter.action.replace(/[%_]/g, '')}%` });
    if (filter.entityType) query.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.at < :to', { to: filter.to });
    const totalCount = count ? await query.clone().getCount() : -1;
    if (after) {
      if (!/^\d+$/.test(after)) throw badInput('after', 'Unknown cursor.', 'BAD_CURSOR');
      query.andWhere('e.seq < :after', { after });
    }
    const rows = await query.orderBy('e.seq', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => String(row.seq));
  }

  /** The person's own account events (sign-ins, failed sign-ins, password changes), newest first. */
  async accountActivity(userId: string, first: number): Promise<AuditEvent[]> {
    return this.db.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where("e.chain_key = 'global' AND (e.actor_id = :userId OR e.entity_id = :userId)", { userId })
      .orderBy('e.seq', 'DESC')
      .limit(first)
      .getMany();
  }

  async verify(scope: OrgScope): Promise<ChainVerification> {
    return verifyChain(this.db.dataSource.manager, scope.organizationId);
  }

  /** Every row matching the filter, oldest first, in batches (for the CSV export). */
  async *stream(scope: OrgScope, filter: AuditTrailFilter, batchSize = 1000): AsyncGenerator<AuditEvent[]> {
    let after: string | null = null;
    for (;;) {
      const page: Connection<AuditEvent> = await this.list(scope, filter, batchSize, after, false);
      if (page.edges.length) yield page.edges.map((e) => e.node);
      if (!page.pageInfo.hasNextPage) return;
      after = page.pageInfo.endCursor;
    }
  }
}
