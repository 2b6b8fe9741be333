import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';

/** Close code sent to a WebSocket whose credentials were revoked or expired. */
export const WS_CLOSE_CREDENTIALS_REVOKED = 4401;

interface Holder {
  sessionId: string | null;
  apiTokenId: string | null;
  close(code: number, reason: string): void;
}

/**
 * The open WebSocket connections of this process and the credentials they stand on. Signing
 * out closes this replica's sockets at once; a sweep every few seconds asks the database which
 * credentials were revoked or expired anywhere (any replica) and closes theirs.
 */
export class ConnectionRegistry {
  private holders = new Set<Holder>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly ds: DataSource, private readonly logger: Logger) {}

  add(holder: Holder): () => void {
    this.holders.add(holder);
    return () => this.holders.delete(holder);
  }

  get size(): number {
    return this.holders.size;
  }

  closeSessions(sessionIds: string[]): void {
    const ids = new Set(sessionIds);
    for (const holder of this.holders) {
      if (holder.sessionId && ids.has(holder.sessionId)) this.closeHolder(holder);
    }
  }

  closeApiTokens(tokenIds: string[]): void {
    const ids = new Set(tokenIds);
    for (const holder of this.holders) {
      if (holder.apiTokenId && ids.has(holder.apiTokenId)) this.closeHolder(holder);
    }
  }

  startSweeping(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.sweep().catch((err: unknown) => this.logger.warn({ err }, 'connection sweep failed'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    const sessionIds = [...new Set([...this.holders].map((h) => h.sessionId).filter((id): id is string => !!id))];
    const tokenIds = [...new Set([...this.holders].map((h) => h.apiTokenId).filter((id): id is string => !!id))];
    if (sessionIds.length) {
      const live = (await this.ds.query(
        `SELECT id FROM sessions WHERE id = ANY($1) AND revoked_at IS NULL AND expires_at > now()`,
        [sessionIds],
      )) as Array<{ id: string }>;
      const liveIds = new Set(live.map((r) => r.id));
      this.closeSessions(sessionIds.filter((id) => !liveIds.has(id)));
    }
    if (tokenIds.length) {
      const live = (await this.ds.query(
        `SELECT t.id FROM api_tokens t JOIN memberships m ON m.organization_id = t.organization_id AND m.user_id = t.user_id
          WHERE t.id = ANY($1) AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
        [tokenIds],
      )) as Array<{ id: string }>;
      const liveIds = new Set(live.map((r) => r.id));
      this.closeApiTokens(tokenIds.filter((id) => !liveIds.has(id)));
    }
  }

  closeAll(code: number, reason: string): void {
    for (const holder of this.holders) holder.close(code, reason);
    this.holders.clear();
  }

  private closeHolder(holder: Holder): void {
    this.holders.delete(holder);
    holder.close(WS_CLOSE_CREDENTIALS_REVOKED, 'Credentials revoked');
  }
}
