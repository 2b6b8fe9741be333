import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { EventSubscription } from '../support/events.js';
import { TEST_PASSWORD, uniqueEmail } from '../support/factories.js';

let database: TestDatabase;
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  database = await createTestDatabase('replicas');
  // Two replicas start at once on one empty database: they take turns migrating.
  // A slow poll, so that only LISTEN/NOTIFY can make cross-replica delivery fast.
  [a, b] = await Promise.all([startTestServer({ EVENTS_POLL_MS: '60000' }, 'replicas', database), startTestServer({ EVENTS_POLL_MS: '60000' }, 'replicas', database)]);
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await database?.drop();
});

describe('two replicas on one PostgreSQL', () => {
  it('both start, migrations applied once, both ready', async () => {
    const migrations = (await a.services.db.dataSource.query('SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM migrations')) as Array<{
      n: number;
      names: number;
    }>;
    expect(migrations[0]).toEqual({ n: MIGRATIONS.length, names: MIGRATIONS.length });
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
  });

  it('a session made on one replica works on the other, and signing out on one ends it on both', async () => {
    const email = uniqueEmail('replica');
    const onA = new ApiClient(a.url);
    await onA.ok(`mutation($input: SignUpInput!) { signUp(input: $input) { viewer { id } } }`, {
      input: { email, name: 'Replica Person', password: TEST_PASSWORD, organizationName: 'Replicated' },
    });
    const onB = new ApiClient(b.url);
    onB.cookie = onA.cookie;
    expect((await onB.ok('{ viewer { email } }')).viewer.email).toBe(email);

    const socketOnB = onB.openSocket();
    const closed = new Promise<number>((resolve) => socketOnB.on('close', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await onA.ok('mutation { signOut { ok } }');
    expect(await closed).toBe(4401);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await onB.ok('{ viewer { id } }')).toEqual({ viewer: null });
  });

  it('an event committed through replica A reaches a subscriber on replica B within a second', async () => {
    const owner = new ApiClient(a.url);
    const { signUp } = await owner.ok(`mutation($input: SignUpInput!) { signUp(input: $input) { viewer { memberships { organization { id } } } } }`, {
      input: { email: uniqueEmail('live'), name: 'Live Person', password: TEST_PASSWORD, organizationName: 'Live Replicas' },
    });
    const organizationId = signUp.viewer.memberships[0].organization.id;
    const onB = new ApiClient(b.url);
    onB.cookie = owner.cookie;
    const sub = new EventSubscription(onB, organizationId);
    await sub.ready;
    for (let i = 0; i < 100 && b.services.events.subscriberCount < 1; i += 1) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    const { createTask } = await owner.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
      input: { organizationId, title: 'Made on A, seen on B' },
    });
    const [event] = await sub.until((events) => events.some((e) => e.entityId === createTask.task.id));
    expect(event!.receivedAt - started).toBeLessThan(1000);
    await sub.close();
  });

  it('failed sign-ins count across replicas', async () => {
    const email = uniqueEmail('spread');
    await new ApiClient(a.url).ok(`mutation($input: SignUpInput!) { signUp(input: $input) { viewer { id } } }`, {
      input: { email, name: 'Spread Target', password: TEST_PASSWORD },
    });
    const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`;
    for (let i = 0; i < 5; i += 1) {
      const replica = i % 2 === 0 ? a : b;
      expect(await new ApiClient(replica.url).code(SIGN_IN, { input: { email, password: `Wrong-Password-${i}xx` } })).toBe('UNAUTHENTICATED');
    }
    expect(await new ApiClient(b.url).code(SIGN_IN, { input: { email, password: TEST_PASSWORD } })).toBe('RATE_LIMITED');
  });
});
