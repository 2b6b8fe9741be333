import type { EntityManager } from 'typeorm';
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import type { Viewer } from '../../core/context.js';
import { newSecret, sha256 } from '../../core/auth/secrets.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';
import { ApiToken } from '../api-tokens/api-token.entity.js';

export const SESSION_COOKIE = 'annex_session';
export const API_TOKEN_PREFIX = 'annex_';
/** lastSeenAt is refreshed at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Browser sessions (cookie secret → sessions row) and API token authentication. */
export class SessionService {
  constructor(private readonly db: Database, private readonly config: Config) {}

  async create(em: EntityManager, userId: string, meta: ClientMeta): Promise<{ token: string; session: Session }> {
    const token = newSecret();
    const now = new Date();
    const session = Object.assign(new Session(), {
      id: sha256(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3600_000),
      revokedAt: null,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    });
    await em.insert(Session, session);
    return { token, session };
  }

  /** The person behind a session cookie, or null when it is unknown, revoked or expired. */
  async fromSessionToken(token: string | undefined): Promise<Viewer | null> {
    if (!token) return null;
    const rows = (await this.db.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [sha256(token)],
    )) as Array<Record<string, unknown>>;
    const row = rows[0];
    if (!row) return null;
    const sessionId = row['session_id'] as string;
    if (Date.now() - new Date(row['last_seen_at'] as string).getTime() > TOUCH_INTERVAL_MS) {
      await this.db.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [sessionId]);
    }
    return { user: this.userFromRow(row), sessionId, apiToken: null };
  }

  /** The person and organisation behind `Authorization: Bearer annex_…`, or null. */
  async fromApiToken(secret: string | undefined): Promise<Viewer | null> {
    if (!secret || !secret.startsWith(API_TOKEN_PREFIX)) return null;
    const token = await this.db.dataSource.getRepository(ApiToken).findOneBy({ secretHash: sha256(secret) });
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= new Date())) return null;
    const user = await this.db.dataSource.getRepository(User).findOneBy({ id: token.userId });
    if (!user) return null;
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db.dataSource.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [token.id]);
    }
    return { user, sessionId: null, apiToken: token };
  }

  /** Revokes sessions inside the caller's transaction; returns the ids revoked. */
  async revokeAllOfUser(em: EntityManager, userId: string): Promise<string[]> {
    const [rows] = (await em.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
      [userId],
    )) as [Array<{ id: string }>, number];
    return rows.map((r) => r.id);
  }

  async revoke(em: EntityManager, sessionId: string): Promise<void> {
    await em.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  private userFromRow(row: Record<string, unknown>): User {
    return Object.assign(new User(), {
      id: row['id'] as string,
      email: row['email'] as string,
      name: row['name'] as string,
      passwordHash: row['password_hash'] as string,
      passwordChangedAt: new Date(row['password_changed_at'] as string),
      createdAt: new Date(row['created_at'] as string),
    });
  }
}
