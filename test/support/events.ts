import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import type { ApiClient } from './client.js';

export interface ReceivedEvent {
  cursor: string;
  type: string;
  entityType: string;
  entityId: string;
  at: string;
  actor: { id: string } | null;
  /** With a query of one's own, whatever else it selects of the node too. */
  node: ({ id: string; __typename: string } & Record<string, unknown>) | null;
  receivedAt: number;
}

const SUBSCRIPTION = `subscription($organizationId: ID!, $after: String) {
  organizationEvents(organizationId: $organizationId, after: $after) {
    cursor type entityType entityId at actor { id } node { id __typename }
  }
}`;

/**
 * A live subscription to an organisation's events over a real WebSocket, authenticated like
 * the given client (cookie), collecting what arrives.
 */
export class EventSubscription {
  readonly events: ReceivedEvent[] = [];
  errors: unknown[] = [];
  private client: Client;
  private waiters: Array<() => void> = [];
  private dispose: (() => void) | null = null;
  ready: Promise<void>;

  constructor(api: ApiClient, organizationId: string, after: string | null = null, query: string = SUBSCRIPTION) {
    const cookie = api.cookie;
    const bearer = api.bearer;
    this.client = createClient({
      url: `${api.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols: string | string[]) {
          super(url, protocols, { headers: cookie ? { cookie } : {} });
        }
      },
      connectionParams: bearer ? { authorization: `Bearer ${bearer}` } : {},
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    this.ready = new Promise<void>((resolve) => this.client.on('connected', () => resolve()));
    this.dispose = this.client.subscribe<{ organizationEvents: Omit<ReceivedEvent, 'receivedAt'> }>(
      { query, variables: { organizationId, after } },
      {
        next: (value) => {
          if (value.errors) this.errors.push(...value.errors);
          if (value.data) this.events.push({ ...value.data.organizationEvents, receivedAt: Date.now() });
          this.waiters.splice(0).forEach((w) => w());
        },
        error: (error) => {
          this.errors.push(error);
          this.waiters.splice(0).forEach((w) => w());
        },
        complete: () => this.waiters.splice(0).forEach((w) => w()),
      },
    );
  }

  /** Waits until `predicate` holds for the events received so far (or fails after `timeoutMs`). */
  async until(predicate: (events: ReceivedEvent[]) => boolean, timeoutMs = 5000): Promise<ReceivedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (this.errors.length) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; received: ${JSON.stringify(this.events.map((e) => `${e.cursor}:${e.type}`))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events;
  }

  /** Waits until an error arrives (for refused subscriptions). */
  async failure(timeoutMs = 5000): Promise<unknown[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.errors.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return this.errors;
  }

  async close(): Promise<void> {
    this.dispose?.();
    await this.client.dispose();
  }
}
