import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id title version } } }`;
const TASKS = `query($id: ID!, $filter: TaskFilter) { organization(id: $id) { tasks(first: 100, filter: $filter) { totalCount edges { node { id title } } } } }`;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** One GraphQL request as the client is authenticated, with an Idempotency-Key (when given). */
async function send(client: ApiClient, query: string, variables: Record<string, unknown>, key?: string, baseUrl = client.baseUrl): Promise<Answer> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.bearer ? { authorization: `Bearer ${client.bearer}` } : {}),
      ...(key !== undefined ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

async function titled(server: TestServer, organizationId: string, title: string): Promise<number> {
  const rows = (await server.services.db.dataSource.query(`SELECT count(*)::int AS n FROM tasks WHERE organization_id = $1 AND title = $2`, [organizationId, title])) as Array<{
    n: number;
  }>;
  return rows[0]!.n;
}

let database: TestDatabase;
let a: TestServer;
let b: TestServer;
let org: TestOrg;
beforeAll(async () => {
  database = await createTestDatabase('idempotency');
  a = await startTestServer({}, 'idempotency', database);
  b = await startTestServer({}, 'idempotency', database);
  org = await buildOrganization(a, 'Idempotent Org');
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await database?.drop();
});

describe('Idempotency-Key on mutations', () => {
  it('a mutation retried with the same key applies once and the retry gets the first response', async () => {
    const key = randomUUID();
    const input = { organizationId: org.id, title: `Rotate the backup keys ${key}` };
    const first = await send(org.as.OWNER, CREATE_TASK, { input }, key);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await send(org.as.OWNER, CREATE_TASK, { input }, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await titled(a, org.id, input.title)).toBe(1);
    // The change happened once: one audit row, one event.
    const events = (await a.services.db.dataSource.query(`SELECT count(*)::int AS n FROM organization_events WHERE entity_id = $1`, [first.body.data!['createTask'].task.id])) as Array<{
      n: number;
    }>;
    expect(events[0]!.n).toBe(1);
  });

  it('the same key with other variables or another operation is refused with IDEMPOTENCY_KEY_REUSED, and nothing is written', async () => {
    const key = randomUUID();
    await send(org.as.OWNER, CREATE_TASK, { input: { organizationId: org.id, title: `Original ${key}` } }, key);
    const otherVariables = await send(org.as.OWNER, CREATE_TASK, { input: { organizationId: org.id, title: `Different ${key}` } }, key);
    expect(otherVariables.status).toBe(422);
    expect(otherVariables.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(otherVariables.body.errors?.[0]?.message).toMatch(/different request/);
    expect(await titled(a, org.id, `Different ${key}`)).toBe(0);
    const otherOperation = await send(org.as.OWNER, `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { viewer { id } } }`, { input: { name: 'Owner Person' } }, key);
    expect(otherOperation.body.errors?.[0]?.extensions?.['reason']).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keys belong to their caller: another person, or an API token, with the same key runs its own mutation', async () => {
    const key = `shared-${randomUUID()}`;
    const input = { organizationId: org.id, title: `Same key, other callers ${key}` };
    const byOwner = await send(org.as.OWNER, CREATE_TASK, { input }, key);
    const byManager = await send(org.as.ISMS_MANAGER, CREATE_TASK, { input }, key);
    expect(byManager.headers.get('idempotent-replayed')).toBeNull();
    expect(byManager.body.data!['createTask'].task.id).not.toBe(byOwner.body.data!['createTask'].task.id);

    const { createApiToken } = await org.as.OWNER.ok(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, {
      input: { organizationId: org.id, name: 'idempotent script' },
    });
    const script = new ApiClient(a.url);
    script.bearer = createApiToken.secret;
    const byToken = await send(script, CREATE_TASK, { input }, key);
    expect(byToken.headers.get('idempotent-replayed')).toBeNull();
    const byTokenAgain = await send(script, CREATE_TASK, { input }, key);
    expect(byTokenAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(byTokenAgain.body.data!['createTask'].task.id).toBe(byToken.body.data!['createTask'].task.id);
    expect(await titled(a, org.id, input.title)).toBe(3);
  });

  it('a retry on another replica gets the same response (the record is in PostgreSQL)', async () => {
    const key = randomUUID();
    const input = { organizationId: org.id, title: `Across replicas ${key}` };
    const onA = await send(org.as.OWNER, CREATE_TASK, { input }, key, a.url);
    const onB = await send(org.as.OWNER, CREATE_TASK, { input }, key, b.url);
    expect(onB.headers.get('idempotent-replayed')).toBe('true');
    expect(onB.body).toEqual(onA.body);
    expect(await titled(b, org.id, input.title)).toBe(1);
  });

  it('a duplicate sent while the first is still running is refused with CONFLICT (IDEMPOTENCY_KEY_IN_USE), then replays', async () => {
    const key = randomUUID();
    const input = { organizationId: org.id, title: `Slow first attempt ${key}` };
    // Hold the organisation's chain-head row so that the first attempt waits inside its transaction.
    const blocker = a.services.db.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT 1 FROM audit_chain_heads WHERE chain_key = $1 FOR UPDATE`, [org.id]);
    try {
      const first = send(org.as.OWNER, CREATE_TASK, { input }, key, a.url);
      // Wait until the first attempt has claimed the key.
      for (let i = 0; i < 200; i += 1) {
        const rows = (await b.services.db.dataSource.query(`SELECT status FROM idempotency_keys WHERE key = $1`, [key])) as unknown[];
        if (rows.length) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      const duplicate = await send(org.as.OWNER, CREATE_TASK, { input }, key, b.url);
      expect(duplicate.status).toBe(409);
      expect(duplicate.headers.get('retry-after')).toBe('1');
      expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_IN_USE' });
      await blocker.commitTransaction();
      const answered = await first;
      expect(answered.body.errors).toBeUndefined();
      const retried = await send(org.as.OWNER, CREATE_TASK, { input }, key, b.url);
      expect(retried.body).toEqual(answered.body);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect(await titled(a, org.id, input.title)).toBe(1);
  });

  it('a failed mutation replays its error; a mutation that changed nothing and failed unexpectedly frees its key', async () => {
    const key = randomUUID();
    const bad = { input: { organizationId: org.id, title: '   ' } };
    const first = await send(org.as.OWNER, CREATE_TASK, bad, key);
    expect(first.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const again = await send(org.as.OWNER, CREATE_TASK, bad, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    // A request whose process died before answering: nothing applied, lease over → the retry runs.
    const abandoned = randomUUID();
    const input = { organizationId: org.id, title: `Abandoned ${abandoned}` };
    await send(org.as.OWNER, CREATE_TASK, { input }, abandoned);
    await a.services.db.dataSource.query(`DELETE FROM tasks WHERE organization_id = $1 AND title = $2`, [org.id, input.title]);
    await a.services.db.dataSource.query(
      `UPDATE idempotency_keys SET status = 'RUNNING', applied = false, response = NULL, locked_until = now() - interval '1 second' WHERE key = $1`,
      [abandoned],
    );
    const taken = await send(org.as.OWNER, CREATE_TASK, { input }, abandoned);
    expect(taken.headers.get('idempotent-replayed')).toBeNull();
    expect(taken.body.errors).toBeUndefined();
    expect(await titled(a, org.id, input.title)).toBe(1);

    // Applied (committed) but the response was never stored: never run twice, say so.
    await a.services.db.dataSource.query(
      `UPDATE idempotency_keys SET status = 'RUNNING', applied = true, response = NULL, locked_until = now() - interval '1 second' WHERE key = $1`,
      [abandoned],
    );
    const lost = await send(org.as.OWNER, CREATE_TASK, { input }, abandoned);
    expect(lost.status).toBe(409);
    expect(lost.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_RESPONSE_LOST' });
    expect(await titled(a, org.id, input.title)).toBe(1);
  });

  it('marks the key as applied in the same transaction as the change', async () => {
    const key = randomUUID();
    await send(org.as.OWNER, CREATE_TASK, { input: { organizationId: org.id, title: `Applied ${key}` } }, key);
    const rows = (await a.services.db.dataSource.query(`SELECT status, applied, caller, operation FROM idempotency_keys WHERE key = $1`, [key])) as Array<Record<string, unknown>>;
    expect(rows).toEqual([{ status: 'DONE', applied: true, caller: `user:${org.users.OWNER.id}`, operation: 'createTask' }]);
  });

  it('queries ignore the header; signed-out callers are not deduplicated; bad keys and secret-returning mutations are refused', async () => {
    const key = randomUUID();
    const before = await send(org.as.OWNER, TASKS, { id: org.id }, key);
    await org.as.OWNER.ok(CREATE_TASK, { input: { organizationId: org.id, title: `Seen by the next query ${key}` } });
    const after = await send(org.as.OWNER, TASKS, { id: org.id }, key);
    expect(after.headers.get('idempotent-replayed')).toBeNull();
    expect(after.body.data!['organization'].tasks.totalCount).toBe(before.body.data!['organization'].tasks.totalCount + 1);
    expect(await a.services.db.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toEqual([]);

    const tooLong = await send(org.as.OWNER, CREATE_TASK, { input: { organizationId: org.id, title: 'Never' } }, 'x'.repeat(256));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key', reason: 'INVALID_IDEMPOTENCY_KEY' });
    const withSpace = await send(org.as.OWNER, CREATE_TASK, { input: { organizationId: org.id, title: 'Never' } }, 'a key');
    expect(withSpace.body.errors?.[0]?.extensions?.['reason']).toBe('INVALID_IDEMPOTENCY_KEY');
    expect(await titled(a, org.id, 'Never')).toBe(0);

    const token = await send(org.as.OWNER, `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, { input: { organizationId: org.id, name: 'once' } }, randomUUID());
    expect(token.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_NOT_SUPPORTED' });
    expect(JSON.stringify(token.body)).not.toMatch(/annex_/);

    const anonymous = new ApiClient(a.url);
    const signIn = `mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`;
    const wrong = { input: { email: org.users.OWNER.email, password: 'Not-The-Password-1' } };
    const first = await send(anonymous, signIn, wrong, key);
    const second = await send(anonymous, signIn, wrong, key);
    expect(first.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(second.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keys expire after 24 hours: the daily job forgets them and an old key may be used again', async () => {
    const key = randomUUID();
    const input = { organizationId: org.id, title: `Yesterday ${key}` };
    await send(org.as.OWNER, CREATE_TASK, { input }, key);
    await a.services.db.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const reused = await send(org.as.OWNER, CREATE_TASK, { input: { ...input, title: `Today ${key}` } }, key);
    expect(reused.body.errors).toBeUndefined();
    expect(reused.headers.get('idempotent-replayed')).toBeNull();

    await a.services.db.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const job = a.services.scheduler.jobs.find((j) => j.name === 'prune-idempotency-keys');
    expect(job).toBeDefined();
    await job!.run();
    expect(await a.services.db.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toEqual([]);
  });
});
