import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { AppError } from '../errors.js';
import { EVENTS_CHANNEL, ORGANIZATION_EVENTS_SIGNAL } from './event-log.js';

export interface StoredEvent {
  organizationId: string;
  seq: number;
  type: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  at: Date;
  data: Record<string, unknown>;
}

/**
 * One subscriber of an organisation's events, as the hub sees it. What it does with an event is
 * the channel's delivery function's business (see `join`).
 */
export interface HubSubscriber {
  /** The sequence of the last event given to this subscriber: its cursor. */
  delivered: number;
  /** Its backlog is delivered: it now gets live events together with every other live subscriber. */
  live: boolean;
  /** Live events that arrived while it was catching up, given to it before it turns live. */
  held: StoredEvent[];
  /** It left (the client unsubscribed, the socket closed, the stream ended). */
  closed: boolean;
  /** Called when the hub can no longer serve it: its backlog could not be read (with the error), or the hub stops. */
  end(error?: unknown): void;
}

/**
 * Gives one event to some subscribers of an organisation, all at once: the hub calls it once
 * per event in commit order, and waits for it before the next event. It must not throw: what
 * fails for a subscriber ends that subscriber.
 */
export type Delivery<S extends HubSubscriber> = (event: StoredEvent, subscribers: readonly S[]) => Promise<void>;

interface Channel {
  /** The hub has read (and delivered, or is delivering) every event up to this sequence. */
  lastSeq: number;
  subscribers: Set<HubSubscriber>;
  deliver: Delivery<HubSubscriber>;
  reading: Promise<void> | null;
  again: boolean;
}

const PAGE = 500;

/** Pauses between attempts to re-open a lost LISTEN connection: quick at first, then every 5 s. */
const LISTEN_RETRY_MS = [250, 500, 1000, 2000, 5000];

interface ListenerConnection {
  client: pg.Client;
  /** Settles once the connection is gone (error or end), whatever the cause. */
  lost: Promise<unknown>;
}

function rowToEvent(row: Record<string, unknown>): StoredEvent {
  return {
    organizationId: row['organization_id'] as string,
    seq: Number(row['seq']),
    type: row['type'] as string,
    entityType: row['entity_type'] as string,
    entityId: row['entity_id'] as string,
    actorId: (row['actor_id'] as string | null) ?? null,
    at: new Date(row['at'] as string),
    data: (row['data'] as Record<string, unknown>) ?? {},
  };
}

/**
 * Delivers each organisation's event log to this process's subscribers. One reader per
 * organisation fetches new events once and fans them out in memory; it is woken by a commit
 * in this process, by NOTIFY from another replica, and by a slow poll that covers a missed
 * wake-up. A subscriber that resumes from a cursor first reads its backlog from the table,
 * then continues live, with no gap and no duplicate.
 */
export class EventHub {
  private channels = new Map<string, Channel>();
  private listener: pg.Client | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly onWake = (organizationId: string) => this.wake(organizationId);

  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.db.signals.on(ORGANIZATION_EVENTS_SIGNAL, this.onWake);
    this.pollTimer = setInterval(() => {
      for (const organizationId of this.channels.keys()) this.wake(organizationId);
    }, this.config.EVENTS_POLL_MS);
    this.pollTimer.unref();
    if (this.config.DATABASE_URL) void this.keepListening(await this.listen());
  }

  /** Whether the LISTEN connection is up now (false while it reconnects, and on the embedded database). */
  get listening(): boolean {
    return this.listener !== null;
  }

  /** Opens a connection of its own that LISTENs for other replicas' commits. */
  private async listen(): Promise<ListenerConnection> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: 'annex-events', keepAlive: true });
    client.on('notification', (message) => {
      if (message.payload) this.wake(message.payload);
    });
    // Listening to 'error' here also keeps a lost connection from crashing the process.
    const lost = new Promise<unknown>((resolve) => {
      client.on('error', resolve);
      client.on('end', () => resolve(new Error('the connection ended')));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return { client, lost };
  }

  /**
   * Holds the LISTEN connection for the life of the hub: when it is lost (PostgreSQL restarts,
   * the network drops), retries until it is back, then catches up on everything committed
   * meanwhile. Subscribers stay connected throughout; they only wait.
   */
  private async keepListening(first: ListenerConnection): Promise<void> {
    let connection: ListenerConnection | null = first;
    while (connection && !this.stopped) {
      this.listener = connection.client;
      // Whatever committed while we were not listening (nothing on the first connection).
      if (connection !== first) for (const organizationId of this.channels.keys()) this.wake(organizationId);
      const reason = await connection.lost;
      this.listener = null;
      await connection.client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ err: reason }, 'event listener lost its connection; reconnecting');
      connection = null;
      for (let attempt = 0; !connection && !this.stopped; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, LISTEN_RETRY_MS[Math.min(attempt, LISTEN_RETRY_MS.length - 1)]).unref());
        if (this.stopped) return;
        try {
          connection = await this.listen();
        } catch (err) {
          if (attempt === 0) this.logger.warn({ err }, 'event listener cannot reconnect yet; retrying');
        }
      }
      if (connection && this.stopped) {
        await connection.client.end().catch(() => undefined);
        return;
      }
      if (connection) this.logger.info('event listener reconnected');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.db.signals.off(ORGANIZATION_EVENTS_SIGNAL, this.onWake);
    if (this.pollTimer) clearInterval(this.pollTimer);
    const subscribers = [...this.channels.values()].flatMap((channel) => [...channel.subscribers]);
    this.channels.clear();
    for (const subscriber of subscribers) {
      subscriber.closed = true;
      subscriber.end();
    }
    await this.listener?.end().catch(() => undefined);
  }

  /** The sequence of the last committed event of an organisation (0 when none). */
  async headSeq(organizationId: string): Promise<number> {
    const rows = (await this.db.dataSource.query(`SELECT event_seq FROM audit_chain_heads WHERE chain_key = $1`, [organizationId])) as Array<{
      event_seq: string;
    }>;
    return rows[0] ? Number(rows[0].event_seq) : 0;
  }

  /**
   * Adds a subscriber to the organisation's live events after `after` (from now when null), in
   * commit order, with no gap and no duplicate: a backlog (`after` is behind the live head) is
   * read from the table and given to this subscriber alone while live events are held for it.
   * Every live event is read once and handed to `deliver` once for all live subscribers of this
   * process: the delivery decides per subscriber. The caller has checked the cursor
   * (`assertCursor`).
   */
  async join<S extends HubSubscriber>(organizationId: string, subscriber: S, after: number | null, deliver: Delivery<S>): Promise<void> {
    let channel = this.channels.get(organizationId);
    if (!channel) {
      const created: Channel = { lastSeq: await this.headSeq(organizationId), subscribers: new Set(), deliver: deliver as Delivery<HubSubscriber>, reading: null, again: false };
      // Another subscriber may have created it while we awaited.
      channel = this.channels.get(organizationId);
      if (!channel) {
        channel = created;
        this.channels.set(organizationId, channel);
        // Anything that committed between reading the head and registering.
        this.wake(organizationId);
      }
    }
    if (subscriber.closed) return;
    channel.subscribers.add(subscriber);
    const liveFrom = channel.lastSeq;
    subscriber.held = [];
    if (after === null || after >= liveFrom) {
      subscriber.delivered = after ?? liveFrom;
      subscriber.live = true;
      return;
    }
    subscriber.delivered = after;
    subscriber.live = false;
    void this.catchUp(organizationId, subscriber, liveFrom, deliver);
  }

  /** Removes a subscriber; the organisation's reader stops with its last subscriber. */
  leave(organizationId: string, subscriber: HubSubscriber): void {
    subscriber.closed = true;
    subscriber.held = [];
    const channel = this.channels.get(organizationId);
    if (!channel) return;
    channel.subscribers.delete(subscriber);
    if (!channel.subscribers.size) this.channels.delete(organizationId);
  }

  /** Gives one subscriber its backlog (after, liveFrom] from the table, then what was held for it, then turns it live. */
  private async catchUp<S extends HubSubscriber>(organizationId: string, subscriber: S, liveFrom: number, deliver: Delivery<S>): Promise<void> {
    try {
      while (subscriber.delivered < liveFrom && !subscriber.closed) {
        const rows = (await this.db.dataSource.query(
          `SELECT * FROM organization_events WHERE organization_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT ${PAGE}`,
          [organizationId, subscriber.delivered, liveFrom],
        )) as Array<Record<string, unknown>>;
        if (!rows.length) break;
        for (const row of rows) {
          if (subscriber.closed) return;
          const event = rowToEvent(row);
          subscriber.delivered = event.seq;
          await deliver(event, [subscriber]);
        }
      }
      subscriber.delivered = Math.max(subscriber.delivered, liveFrom);
      // Live events that came meanwhile; more may come while these are delivered.
      while (subscriber.held.length && !subscriber.closed) {
        const event = subscriber.held.shift()!;
        if (event.seq <= subscriber.delivered) continue;
        subscriber.delivered = event.seq;
        await deliver(event, [subscriber]);
      }
      subscriber.live = true;
    } catch (err) {
      this.logger.warn({ err, organizationId }, 'reading the backlog of a subscriber failed');
      this.leave(organizationId, subscriber);
      subscriber.end(err);
    }
  }

  get subscriberCount(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.subscribers.size;
    return n;
  }

  /** Throws when the cursor is unknown, or when the events after it were already pruned. */
  async assertCursor(organizationId: string, after: number): Promise<void> {
    const rows = (await this.db.dataSource.query(`SELECT min(seq) AS min FROM organization_events WHERE organization_id = $1`, [organizationId])) as Array<{
      min: string | null;
    }>;
    const oldest = rows[0]?.min === null || rows[0]?.min === undefined ? null : Number(rows[0].min);
    const head = await this.headSeq(organizationId);
    if (after > head) throw new AppError('BAD_USER_INPUT', 'Unknown cursor.', { field: 'after', reason: 'BAD_CURSOR' });
    if ((oldest === null && head > after) || (oldest !== null && oldest > after + 1)) {
      throw new AppError('BAD_USER_INPUT', 'The events after this cursor are no longer kept: reload and subscribe again.', {
        field: 'after',
        reason: 'CURSOR_EXPIRED',
      });
    }
  }

  private wake(organizationId: string): void {
    const channel = this.channels.get(organizationId);
    if (!channel) return;
    if (channel.reading) {
      channel.again = true;
      return;
    }
    channel.reading = this.read(organizationId, channel)
      .catch((err: unknown) => this.logger.warn({ err, organizationId }, 'reading events failed'))
      .finally(() => {
        channel.reading = null;
        if (channel.again) {
          channel.again = false;
          this.wake(organizationId);
        }
      });
  }

  private async read(organizationId: string, channel: Channel): Promise<void> {
    for (;;) {
      const rows = (await this.db.dataSource.query(
        `SELECT * FROM organization_events WHERE organization_id = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE}`,
        [organizationId, channel.lastSeq],
      )) as Array<Record<string, unknown>>;
      for (const row of rows) {
        const event = rowToEvent(row);
        channel.lastSeq = event.seq;
        const live: HubSubscriber[] = [];
        for (const subscriber of channel.subscribers) {
          if (subscriber.closed || event.seq <= subscriber.delivered) continue;
          if (!subscriber.live) {
            subscriber.held.push(event);
            continue;
          }
          subscriber.delivered = event.seq;
          live.push(subscriber);
        }
        if (live.length) await channel.deliver(event, live);
      }
      if (rows.length < PAGE) return;
    }
  }

  /** Deletes events older than the retention period (the scheduled pruning job). */
  async prune(): Promise<number> {
    const [, count] = (await this.db.dataSource.query(
      `DELETE FROM organization_events WHERE at < now() - make_interval(days => $1)`,
      [this.config.EVENTS_RETENTION_DAYS],
    )) as [unknown, number];
    return count;
  }
}
