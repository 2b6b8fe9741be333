import type { EntityManager } from 'typeorm';
import { roleCan, type Role } from '@annex/domain';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { badInput } from '../../core/errors.js';
import { recordEvent } from '../../core/events/event-log.js';

/** How often a board says "still here" (the client reads it from the join payload). */
export const PRESENCE_HEARTBEAT_SECONDS = 15;
/** A person not heard from for this long has left (a closed laptop, a lost connection). */
export const PRESENCE_TTL_SECONDS = 40;

/** Live event types: a person arrived on / left an audit's board. Not audit-trail entries. */
export const PRESENCE_JOINED = 'auditPresence.joined';
export const PRESENCE_LEFT = 'auditPresence.left';

const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface PresenceRow {
  auditId: string;
  userId: string;
  role: Role;
  since: Date;
  lastSeenAt: Date;
  isLeadAuditor: boolean;
  onAuditTeam: boolean;
}

/** `$n` seconds as an interval, for comparisons with now() (the database's clock, the same for every replica). */
const fresh = (column: string, param: string) => `${column} > now() - make_interval(secs => ${param})`;

/**
 * Who is on an audit's live board now. Each open board (one per person and browser tab) keeps
 * a row fresh with a heartbeat; the rows live in PostgreSQL so that every replica answers the
 * same. Arrivals and departures are events of the organisation's live stream (so every board
 * refreshes its list within a second) but never audit-trail entries: looking is not a change.
 */
export class AuditPresenceService {
  constructor(private readonly db: Database) {}

  validClientId(clientId: string | null | undefined): string {
    if (clientId === null || clientId === undefined) return 'default';
    if (!CLIENT_ID.test(clientId)) throw badInput('clientId', 'Use 1 to 64 letters, digits, "-" or "_".', 'INVALID_CLIENT_ID');
    return clientId;
  }

  /**
   * Marks the caller as on the board (first call) or still there (heartbeat). Emits
   * `auditPresence.joined` when the person was not on the board in any tab, and expires the
   * organisation's stale rows on the way, emitting `auditPresence.left` for those now gone.
   */
  async join(scope: OrgScope, auditId: string, clientId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      await this.lockPerson(em, auditId, scope.userId);
      const rows = (await em.query(
        `INSERT INTO audit_presence (audit_id, user_id, client_id, organization_id, joined_at, last_seen_at)
         VALUES ($1, $2, $3, $4, now(), now())
         ON CONFLICT (audit_id, user_id, client_id) DO UPDATE SET
           joined_at = CASE WHEN ${fresh('audit_presence.last_seen_at', '$5')} THEN audit_presence.joined_at ELSE now() END,
           last_seen_at = now()
         RETURNING joined_at = last_seen_at AS arrived`,
        [auditId, scope.userId, clientId, scope.organizationId, PRESENCE_TTL_SECONDS],
      )) as Array<{ arrived: boolean }>;
      // Someone else's tab, not this one, may have gone stale: expire them (and skip rows another sweep holds).
      await this.expireIn(em, scope.organizationId);
      if (rows[0]?.arrived && !(await this.hereElsewhere(em, auditId, scope.userId, clientId))) {
        await recordEvent(em, { organizationId: scope.organizationId, type: PRESENCE_JOINED, entityType: 'Audit', entityId: auditId, actorId: scope.userId });
      }
    });
  }

  /** The caller closes this board (tab): `auditPresence.left` once no other tab of theirs shows it. */
  async leave(scope: OrgScope, auditId: string, clientId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      await this.lockPerson(em, auditId, scope.userId);
      const deleted = (await em.query(`DELETE FROM audit_presence WHERE audit_id = $1 AND user_id = $2 AND client_id = $3 RETURNING audit_id`, [
        auditId,
        scope.userId,
        clientId,
      ])) as [unknown[], number];
      if (deleted[1] > 0 && !(await this.hereElsewhere(em, auditId, scope.userId, clientId))) {
        await recordEvent(em, { organizationId: scope.organizationId, type: PRESENCE_LEFT, entityType: 'Audit', entityId: auditId, actorId: scope.userId });
      }
    });
  }

  /** Removes every stale row of the organisation, with a `left` event for each person now gone. */
  async expire(organizationId: string): Promise<number> {
    return this.db.transaction((em) => this.expireIn(em, organizationId));
  }

  /**
   * The people on the boards of these audits now, earliest arrival first: members who may still
   * read the audit (an auditor only while on its team). One statement for any number of audits.
   */
  async participants(em: EntityManager, auditIds: readonly string[]): Promise<PresenceRow[]> {
    if (!auditIds.length) return [];
    const rows = (await em.query(
      `SELECT p.audit_id, p.user_id, m.role, min(p.joined_at) AS since, max(p.last_seen_at) AS last_seen_at,
              coalesce(a.lead_auditor_id = p.user_id, false) AS lead,
              EXISTS (SELECT 1 FROM audit_team t WHERE t.audit_id = p.audit_id AND t.user_id = p.user_id) AS team
         FROM audit_presence p
         JOIN audits a ON a.id = p.audit_id
         JOIN memberships m ON m.organization_id = p.organization_id AND m.user_id = p.user_id
        WHERE p.audit_id = ANY($1) AND ${fresh('p.last_seen_at', '$2')}
        GROUP BY p.audit_id, p.user_id, m.role, a.lead_auditor_id
        ORDER BY since, p.user_id`,
      [[...auditIds], PRESENCE_TTL_SECONDS],
    )) as Array<{ audit_id: string; user_id: string; role: Role; since: Date | string; last_seen_at: Date | string; lead: boolean; team: boolean }>;
    return rows
      .map((r) => ({
        auditId: r.audit_id,
        userId: r.user_id,
        role: r.role,
        since: new Date(r.since),
        lastSeenAt: new Date(r.last_seen_at),
        isLeadAuditor: r.lead,
        onAuditTeam: r.lead || r.team,
      }))
      .filter((p) => roleCan(p.role, 'audit:read') && (p.role !== 'AUDITOR' || p.onAuditTeam));
  }

  /**
   * One person's joins and leaves of one board queue up, so that two tabs closing at once
   * cannot both believe the other is still open (and no `left` event would be sent).
   */
  private async lockPerson(em: EntityManager, auditId: string, userId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [`audit-presence:${auditId}`, userId]);
  }

  private async hereElsewhere(em: EntityManager, auditId: string, userId: string, clientId: string): Promise<boolean> {
    const rows = (await em.query(
      `SELECT 1 FROM audit_presence WHERE audit_id = $1 AND user_id = $2 AND client_id <> $3 AND ${fresh('last_seen_at', '$4')} LIMIT 1`,
      [auditId, userId, clientId, PRESENCE_TTL_SECONDS],
    )) as unknown[];
    return rows.length > 0;
  }

  private async expireIn(em: EntityManager, organizationId: string): Promise<number> {
    // SKIP LOCKED: two replicas sweeping at once take different rows instead of waiting (or deadlocking).
    const [gone] = (await em.query(
      `DELETE FROM audit_presence p
        USING (SELECT audit_id, user_id, client_id FROM audit_presence
                WHERE organization_id = $1 AND NOT ${fresh('last_seen_at', '$2')}
                FOR UPDATE SKIP LOCKED) s
        WHERE p.audit_id = s.audit_id AND p.user_id = s.user_id AND p.client_id = s.client_id
        RETURNING p.audit_id, p.user_id`,
      [organizationId, PRESENCE_TTL_SECONDS],
    )) as [Array<{ audit_id: string; user_id: string }>, number];
    const people = new Map(gone.map((r) => [`${r.audit_id} ${r.user_id}`, r]));
    let left = 0;
    for (const { audit_id: auditId, user_id: userId } of people.values()) {
      const still = (await em.query(`SELECT 1 FROM audit_presence WHERE audit_id = $1 AND user_id = $2 AND ${fresh('last_seen_at', '$3')} LIMIT 1`, [
        auditId,
        userId,
        PRESENCE_TTL_SECONDS,
      ])) as unknown[];
      if (still.length) continue;
      await recordEvent(em, { organizationId, type: PRESENCE_LEFT, entityType: 'Audit', entityId: auditId, actorId: userId });
      left += 1;
    }
    return left;
  }
}
