import type { EntityManager } from 'typeorm';
import { onCommit } from '../db/database.js';

/** The PostgreSQL channel on which a committed event wakes the other replicas. */
export const EVENTS_CHANNEL = 'annex_events';

/** The signal (on `Database.signals`) that an organisation has new committed events. */
export const ORGANIZATION_EVENTS_SIGNAL = 'organization-events';

export interface EventEntry {
  organizationId: string;
  /** `<entity>.<verb>` in lower camel case, e.g. `task.created`, `approvalRequest.decided`. */
  type: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends an event to the organisation's log inside the caller's transaction. The sequence
 * comes from the organisation's head row, locked until commit, so within an organisation
 * sequence order is commit order: a reader that resumes "after n" can never miss a
 * transaction that committed late. The NOTIFY is delivered only if the transaction commits.
 */
export async function recordEvent(em: EntityManager, entry: EventEntry): Promise<number> {
  await em.query(
    `INSERT INTO audit_chain_heads (chain_key, seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (chain_key) DO NOTHING`,
    [entry.organizationId, '0'.repeat(64)],
  );
  const [rows] = (await em.query(`UPDATE audit_chain_heads SET event_seq = event_seq + 1 WHERE chain_key = $1 RETURNING event_seq`, [
    entry.organizationId,
  ])) as [Array<{ event_seq: string }>, number];
  const seq = Number(rows[0]!.event_seq);
  await em.query(
    `INSERT INTO organization_events (organization_id, seq, type, entity_type, entity_id, actor_id, at, data)
     VALUES ($1, $2, $3, $4, $5, $6, now(), $7)`,
    [entry.organizationId, seq, entry.type, entry.entityType, entry.entityId, entry.actorId, JSON.stringify(entry.data ?? {})],
  );
  await em.query(`SELECT pg_notify($1, $2)`, [EVENTS_CHANNEL, entry.organizationId]);
  // This process learns at once; other replicas through the NOTIFY.
  onCommit(em, (db) => db.signals.emit(ORGANIZATION_EVENTS_SIGNAL, entry.organizationId));
  return seq;
}
