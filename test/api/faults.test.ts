import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { EventSubscription } from '../support/events.js';
import { startTcpProxy, type TcpProxy } from '../support/pg-proxy.js';
import { TEST_PASSWORD, uniqueEmail } from '../support/factories.js';

/**
 * Faults, without touching the machine's shared PostgreSQL: server F reaches the database
 * through a TCP proxy that the test cuts (as a PostgreSQL restart would) and restores; server D
 * reaches it directly and keeps working meanwhile, like a replica on the other side of a
 * network fault. Then a replica dies under its WebSocket clients, who resume on another.
 */

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id title } } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { viewer { id memberships { organization { id } } } } }`;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function send(client: ApiClient, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<Answer> {
  const response = await fetch(`${client.baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs` (generous: these are not speed tests). */
async function eventually(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signUp(server: TestServer, organizationName: string): Promise<{ client: ApiClient; organizationId: string }> {
  const client = new ApiClient(server.url);
  const { signUp: result } = await client.ok(SIGN_UP, { input: { email: uniqueEmail('fault'), name: 'Fault Person', password: TEST_PASSWORD, organizationName } });
  return { client, organizationId: result.viewer.memberships[0].organization.id };
}

/** The same person (same session cookie) talking to another server. */
function sameSession(client: ApiClient, baseUrl: string): ApiClient {
  const other = new ApiClient(baseUrl);
  other.cookie = client.cookie;
  return other;
}

async function createTask(client: ApiClient, organizationId: string, title: string): Promise<string> {
  const { createTask: created } = await client.ok(CREATE_TASK, { input: { organizationId, title } });
  return created.task.id as string;
}

const levelOf = (line: string): number => {
  try {
    return (JSON.parse(line) as { level?: number }).level ?? 0;
  } catch {
    return 0;
  }
};

let database: TestDatabase;
let pgProxy: TcpProxy;
let direct: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  database = await createTestDatabase('faults');
  const target = new URL(database.url);
  pgProxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  direct = await startTestServer({}, 'faults', database);
  // D only writes: the scheduler under test is F's.
  await direct.services.scheduler.stop();
  // A slow poll: after the outage, only the re-established LISTEN can bring other replicas' events quickly.
  proxied = await startTestServer({ EVENTS_POLL_MS: '60000', JOBS_TICK_MS: '250' }, 'faults', { ...database, url: pgProxy.urlFor(database.url) });
});
afterAll(async () => {
  await pgProxy?.restore();
  await proxied?.stop();
  await direct?.stop();
  await pgProxy?.close();
  await database?.drop();
});

describe('PostgreSQL goes away and comes back', () => {
  it('keeps serving with clear errors, keeps its subscribers, and recovers by itself', { timeout: 120_000 }, async () => {
    const { client: owner, organizationId } = await signUp(proxied, 'Outage Org');
    const ownerOnD = sameSession(owner, direct.url);
    const sub = new EventSubscription(owner, organizationId);
    await sub.ready;
    await eventually('the subscriber is registered', () => proxied.services.events.subscriberCount >= 1);
    const before = await createTask(owner, organizationId, 'Before the outage');
    await sub.until((events) => events.some((e) => e.entityId === before), 10_000);
    expect(proxied.services.events.listening).toBe(true);

    // PostgreSQL stops while mutations are in flight (each with its own idempotency key).
    const run = randomUUID().slice(0, 8);
    const inFlight = Array.from({ length: 8 }, (_, i) => ({ key: `in-flight-${run}-${i}`, title: `In flight ${run} ${i}` }));
    const answers = inFlight.map(({ key, title }) => send(owner, CREATE_TASK, { input: { organizationId, title } }, key));
    await new Promise((r) => setTimeout(r, 5));
    await pgProxy.cut('refuse');
    for (const answer of await Promise.all(answers)) {
      // Through before the cut, or refused with SERVICE_UNAVAILABLE: never an internal error.
      if (answer.body.errors) expect(answer.body.errors.map((e) => e.extensions?.['code'])).toEqual(['SERVICE_UNAVAILABLE']);
      else expect(answer.body.data?.['createTask'].task.id).toMatch(/^tsk_/);
    }

    // Alive, not ready; every request gets a clear, coded, retryable answer.
    expect((await fetch(`${proxied.url}/healthz`)).status).toBe(200);
    await eventually('/readyz answers 503', async () => (await fetch(`${proxied.url}/readyz`)).status === 503, 10_000);
    const readyz = await fetch(`${proxied.url}/readyz`);
    expect(await readyz.json()).toEqual({ status: 'not ready' });

    const signedIn = await send(owner, '{ viewer { id } }');
    expect(signedIn.status).toBe(503);
    expect(signedIn.headers.get('retry-after')).toBe('5');
    expect(signedIn.body).toEqual({
      errors: [{ message: 'Annex cannot reach its database right now. Try again in a few seconds.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } }],
    });
    const mutation = await send(owner, CREATE_TASK, { input: { organizationId, title: 'During the outage' } }, `during-${run}`);
    expect(mutation.status).toBe(503);
    expect(mutation.body.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    // Signed out, the failure happens in a resolver: same code, same status, no internals.
    const anonymous = await send(new ApiClient(proxied.url), `{ invitation(token: "unknown") { organizationName } }`);
    expect(anonymous.status).toBe(503);
    expect(anonymous.body.errors).toEqual([
      { message: 'Annex cannot reach its database right now. Try again in a few seconds.', path: ['invitation'], extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } },
    ]);
    // File exports answer 503 as well.
    const exported = await fetch(`${proxied.url}/exports/organizations/${organizationId}/assets.csv`, { headers: { cookie: owner.cookie! } });
    expect(exported.status).toBe(503);
    expect(await exported.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    // A new WebSocket cannot authenticate now: closed with 1013 (Try Again Later), which
    // graphql-ws clients retry (a 4500 would make them give up for good).
    const refusedSocket = new EventSubscription(owner, organizationId);
    const [closed] = (await refusedSocket.failure(10_000)) as Array<{ code?: number }>;
    expect(closed?.code).toBe(1013);
    await refusedSocket.close();

    // Meanwhile the other replica keeps working.
    const during = [await createTask(ownerOnD, organizationId, 'Made on D during the outage 1'), await createTask(ownerOnD, organizationId, 'Made on D during the outage 2')];

    // PostgreSQL is starting up (it answers FATAL 57P03): still unavailable, still clear.
    await pgProxy.cut('starting-up');
    const startingUp = await send(owner, '{ viewer { id } }');
    expect(startingUp.status).toBe(503);
    expect(startingUp.body.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    await eventually('the event listener has noticed', () => proxied.logs.some((line) => line.includes('event listener lost its connection')));
    await new Promise((r) => setTimeout(r, 1500));
    expect(proxied.services.events.listening).toBe(false);

    // Back: ready again without a restart, the listener re-established, the missed events delivered.
    await pgProxy.restore();
    await eventually('/readyz answers 200 again', async () => (await fetch(`${proxied.url}/readyz`)).status === 200);
    await eventually('the LISTEN connection is back', () => proxied.services.events.listening);
    await sub.until((events) => during.every((id) => events.some((e) => e.entityId === id)), 20_000);
    // With a 60 s poll, an event from the other replica arrives this soon only through NOTIFY.
    const afterwards = await createTask(ownerOnD, organizationId, 'Made on D after the outage');
    await sub.until((events) => events.some((e) => e.entityId === afterwards), 10_000);
    expect(sub.errors).toEqual([]);
    const cursors = sub.events.map((e) => Number(e.cursor));
    expect(cursors).toEqual([...new Set(cursors)].sort((x, y) => x - y));

    // Retried with their keys, the interrupted mutations apply exactly once each.
    for (const { key, title } of [...inFlight, { key: `during-${run}`, title: 'During the outage' }]) {
      let answer: Answer | null = null;
      await eventually(`"${title}" is accepted`, async () => {
        answer = await send(owner, CREATE_TASK, { input: { organizationId, title } }, key);
        return !answer.body.errors;
      });
      const rows = (await direct.services.db.dataSource.query(`SELECT id FROM tasks WHERE organization_id = $1 AND title = $2`, [organizationId, title])) as Array<{ id: string }>;
      expect(rows.map((r) => r.id)).toEqual([answer!.body.data!['createTask'].task.id]);
    }

    // The scheduler kept ticking and runs due jobs again.
    await direct.services.db.dataSource.query(`UPDATE scheduled_jobs SET next_run_at = now() - interval '1 minute', last_run_at = NULL WHERE name = 'task-reminders'`);
    await eventually('the scheduler ran the due job', async () => {
      const rows = (await direct.services.db.dataSource.query(`SELECT last_run_at IS NOT NULL AS ran FROM scheduled_jobs WHERE name = 'task-reminders'`)) as Array<{ ran: boolean }>;
      return rows[0]?.ran === true;
    });

    // An outage is expected, not a bug: warnings in the log, no errors, no driver text to clients.
    expect(proxied.logs.filter((line) => levelOf(line) >= 50)).toEqual([]);
    await sub.close();
  });
});

describe('a replica dies under its WebSocket clients', () => {
  it('they reconnect to another replica, resume from their cursor and receive exactly the missed events, in order', { timeout: 120_000 }, async () => {
    const doomed = await startTestServer({}, 'faults', database);
    const survivor = direct;
    // The load balancer: it sends everyone to the doomed replica, then, once it is gone, to the survivor.
    const balancer = await startTcpProxy({ host: '127.0.0.1', port: doomed.port });
    try {
      const { client: owner, organizationId } = await signUp(doomed, 'Failover Org');
      const viaBalancer = sameSession(owner, balancer.urlFor(doomed.url));
      const onSurvivor = sameSession(owner, survivor.url);

      const first = new EventSubscription(viaBalancer, organizationId);
      await first.ready;
      await eventually('subscribed on the doomed replica', () => doomed.services.events.subscriberCount >= 1);
      const made: string[] = [];
      for (let i = 1; i <= 3; i += 1) made.push(await createTask(owner, organizationId, `Before the failure ${i}`));
      await first.until((events) => made.every((id) => events.some((e) => e.entityId === id)), 10_000);
      const baseline = Number(first.events[0]!.cursor) - 1;

      // One more change commits right as the replica dies: its subscriber may or may not see it.
      made.push(await createTask(owner, organizationId, 'Committed as the replica died'));
      await balancer.cut('refuse'); // every connection reset at once, as when the process is killed
      await doomed.stop();
      expect((await first.failure(10_000)).length).toBeGreaterThan(0);

      // Work goes on on the survivor while the client is away.
      for (let i = 1; i <= 3; i += 1) made.push(await createTask(onSurvivor, organizationId, `While away ${i}`));

      // The client reconnects (through the same address) and resumes after its last cursor.
      await balancer.restore({ host: '127.0.0.1', port: survivor.port });
      const cursor = first.events.at(-1)!.cursor;
      const resumed = new EventSubscription(viaBalancer, organizationId, cursor);
      await resumed.ready;
      await resumed.until((events) => made.slice(4).every((id) => events.some((e) => e.entityId === id)), 15_000);
      made.push(await createTask(onSurvivor, organizationId, 'Live again'));
      await resumed.until((events) => events.some((e) => e.entityId === made.at(-1)), 10_000);

      const received = [...first.events, ...resumed.events];
      // Nothing lost, nothing twice, in commit order: exactly what the log holds.
      const logged = (await survivor.services.db.dataSource.query(`SELECT seq FROM organization_events WHERE organization_id = $1 AND seq > $2 ORDER BY seq`, [
        organizationId,
        baseline,
      ])) as Array<{ seq: string }>;
      expect(received.map((e) => Number(e.cursor))).toEqual(logged.map((row) => Number(row.seq)));
      expect(received.filter((e) => e.type === 'task.created').map((e) => e.entityId)).toEqual(made);
      expect(resumed.errors).toEqual([]);
      await resumed.close();
      await first.close();
    } finally {
      await balancer.close();
      await doomed.stop().catch(() => undefined);
    }
  });
});
