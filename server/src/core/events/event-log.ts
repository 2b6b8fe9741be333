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
  // One statement: take the next sequence from the head row (created on the organisation's
  // first write; the row stays locked until commit), append the event, and NOTIFY.
  const rows = (await em.query(
    `WITH head AS (
       INSERT INTO audit_chain_heads (chain_key, seq, last_hash, event_seq) VALUES ($1, 0, $8, 1)
       ON CONFLICT (chain_key) DO UPDATE SET event_seq = audit_chain_heads.event_seq + 1
       RETURNING event_seq
     ), appended AS (
       INSERT INTO organization_events (organization_id, seq, type, entity_type, entity_id, actor_id, at, data)
       SELECT $1, head.event_seq, $2, $3, $4, $5, now(), $6 FROM head
       RETURNING seq
     )
     SELECT seq, pg_notify($7, $1) FROM appended`,
    [entry.organizationId, entry.type, entry.entityType, entry.entityId, entry.actorId, JSON.stringify(entry.data ?? {}), EVENTS_CHANNEL, '0'.repeat(64)],
  )) as Array<{ seq: string }>;
  const seq = Number(rows[0]!.seq);
  // This process learns at once; other replicas through the NOTIFY.
  onCommit(em, (db) => db.signals.emit(ORGANIZATION_EVENTS_SIGNAL, entry.organizationId));
  return seq;
}
