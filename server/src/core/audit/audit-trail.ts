import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { newId } from '../ids.js';
import { AuditEvent } from './audit-event.entity.js';
import { recordEvent } from '../events/event-log.js';

export const GLOBAL_CHAIN = 'global';
const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  /** The organisation concerned; null for account events outside any organisation. */
  organizationId: string | null;
  action: string;
  actorId: string | null;
  actorLabel: string | null;
  entityType: string | null;
  entityId: string | null;
  summary?: Record<string, unknown>;
  ip?: string | null;
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashAuditRow(prevHash: string, row: Omit<AuditEvent, 'hash' | 'prevHash'>): string {
  const body = canonicalJson({
    id: row.id,
    chainKey: row.chainKey,
    seq: row.seq,
    organizationId: row.organizationId,
    action: row.action,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    entityType: row.entityType,
    entityId: row.entityId,
    summary: row.summary,
    ip: row.ip,
    at: row.at.toISOString(),
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends one row to the organisation's chain, inside the caller's transaction. The chain
 * head row is locked by the UPDATE until commit, so concurrent writers of one organisation
 * queue up and each row links to the one committed before it. A change to an organisation
 * is also an event of its live stream (same type as the audit action), unless `event: false`.
 */
export async function appendAudit(em: EntityManager, entry: AuditEntry & { event?: boolean }): Promise<AuditEvent> {
  const chainKey = entry.organizationId ?? GLOBAL_CHAIN;
  // The chain's head row, created with the chain; the upsert locks it until commit, so the
  // writers of one chain take turns and each links to the one before.
  const head = (await em.query(
    `INSERT INTO audit_chain_heads (chain_key, seq, last_hash) VALUES ($1, 1, $2)
     ON CONFLICT (chain_key) DO UPDATE SET seq = audit_chain_heads.seq + 1
     RETURNING seq, last_hash`,
    [chainKey, GENESIS_HASH],
  )) as Array<{ seq: string; last_hash: string }>;
  const { seq, last_hash: prevHash } = head[0]!;
  // Milliseconds only: the value must survive a round trip through timestamptz unchanged.
  const at = new Date(Math.floor(Date.now()));
  const row = Object.assign(new AuditEvent(), {
    id: newId('AuditEvent'),
    chainKey,
    seq: Number(seq),
    organizationId: entry.organizationId,
    action: entry.action,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary ?? {},
    ip: entry.ip ?? null,
    at,
    prevHash,
  });
  row.hash = hashAuditRow(prevHash, row);
  await em.insert(AuditEvent, row as never);
  await em.query(`UPDATE audit_chain_heads SET last_hash = $2 WHERE chain_key = $1`, [chainKey, row.hash]);
  if (entry.organizationId && entry.entityType && entry.entityId && entry.event !== false) {
    await recordEvent(em, {
      organizationId: entry.organizationId,
      type: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      actorId: entry.actorId,
    });
  }
  return row;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  /** The position of the first broken row (also set when rows were cut from the end). */
  firstBrokenSeq: number | null;
}

/** Walks a chain in order, recomputing every hash and link; reports the first row that fails. */
export async function verifyChain(em: EntityManager, chainKey: string, batchSize = 1000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await em
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.chain_key = :chainKey AND e.seq >= :from', { chainKey, from: expectedSeq })
      .orderBy('e.seq', 'ASC')
      .limit(batchSize)
      .getMany();
    for (const row of rows) {
      checked += 1;
      if (row.seq !== expectedSeq || row.prevHash !== prevHash || hashAuditRow(prevHash, row) !== row.hash) {
        return { ok: false, checked, firstBrokenId: row.id, firstBrokenSeq: row.seq };
      }
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < batchSize) break;
  }
  const [head] = (await em.query(`SELECT seq, last_hash FROM audit_chain_heads WHERE chain_key = $1`, [chainKey])) as Array<{ seq: string; last_hash: string }>;
  if (head && (Number(head.seq) !== expectedSeq - 1 || head.last_hash !== prevHash)) {
    // Rows were removed from the end of the chain (or the head was altered).
    return { ok: false, checked, firstBrokenId: null, firstBrokenSeq: expectedSeq };
  }
  return { ok: true, checked, firstBrokenId: null, firstBrokenSeq: null };
}
