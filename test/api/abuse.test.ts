import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { specifiedRules, validate } from 'graphql';
import { getSchema } from '../../server/src/app/schema.js';
import { loadConfig } from '../../server/src/core/config.js';
import { queryArmor, queryLimitsOf, roughTokenCount } from '../../server/src/app/hardening.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';
import { clientOperations } from '../support/client-operations.js';

const DEFAULT_LIMITS = queryLimitsOf(loadConfig({}));

let server: TestServer;
let org: TestOrg;
beforeAll(async () => {
  // A stand-in web client, so that the headers of the served client are checked whether or not it is built.
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'annex-client-'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Annex</title>');
  server = await startTestServer({ ANNEX_CLIENT_DIR: clientDir }, 'abuse');
  org = await buildOrganization(server, 'Abused B.V.');
});
afterAll(async () => {
  await server?.stop();
});

/** A raw GraphQL POST, to see statuses and headers; `cookie` to act as someone. */
async function post(body: unknown, headers: Record<string, string> = {}, base = server.url) {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let json: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json, text };
}

const countTasks = async () => Number(((await server.services.db.dataSource.query(`SELECT count(*)::int AS n FROM tasks WHERE organization_id = $1`, [org.id])) as Array<{ n: number }>)[0]!.n);

describe('query limits', () => {
  it('every operation of the web client is valid against the schema and well inside every limit', async () => {
    const schema = await getSchema();
    const { validationRules } = queryArmor(DEFAULT_LIMITS, true);
    const operations = clientOperations();
    expect(operations.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const op of operations) {
      const errors = validate(schema, op.document, [...specifiedRules, ...validationRules]);
      for (const error of errors) failures.push(`${op.file} ${op.name}: ${error.message}`);
      if (roughTokenCount(op.source) > DEFAULT_LIMITS.maxTokens / 2) failures.push(`${op.file} ${op.name}: ${roughTokenCount(op.source)} tokens, over half the limit`);
    }
    expect(failures).toEqual([]);
    // Headroom: the same operations also pass at half the depth-independent limits.
    const tight = queryArmor({ ...DEFAULT_LIMITS, maxCost: DEFAULT_LIMITS.maxCost / 2, maxAliases: Math.floor(DEFAULT_LIMITS.maxAliases / 2) }, true);
    const tightFailures = operations.flatMap((op) => validate(schema, op.document, tight.validationRules).map((e) => `${op.name}: ${e.message}`));
    expect(tightFailures).toEqual([]);
  });

  const deep = (levels: number) => {
    let selection = 'id';
    for (let i = 0; i < levels; i += 1) selection = `members { organization { ${selection} } }`;
    return `query Deep { viewer { memberships { organization { ${selection} } } } }`;
  };

  /** Wide (each level twice) and as deep as allowed: within every limit but the cost. */
  const wide = (levels: number): string => (levels === 0 ? 'id' : `id ${[1, 2].map(() => `members { organization { ${wide(levels - 1)} } }`).join(' ')}`);

  const cases: Array<[string, string, string]> = [
    ['DEPTH', 'too deep', deep(12)],
    ['ALIASES', 'too many aliases', `query Aliases { ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 5 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`],
    ['DIRECTIVES', 'too many directives', `query Directives { __typename ${Array.from({ length: DEFAULT_LIMITS.maxDirectives + 5 }, () => '@include(if: true)').join(' ')} }`],
    ['TOKENS', 'too many tokens', `query Tokens { ${Array.from({ length: DEFAULT_LIMITS.maxTokens }, () => '__typename').join(' ')} }`],
    [
      'COST',
      'too costly',
      `query Cost { ${Array.from({ length: 14 }, (_, i) => `c${i}: viewer { memberships { organization { ${wide(5)} } } }`).join(' ')} }`,
    ],
  ];

  it.each(cases)('a document %s (%s) is refused with QUERY_TOO_COMPLEX before any SQL runs', async (reason, _label, query) => {
    const anonymous = await post({ query });
    expect(anonymous.json?.errors?.map((e) => e.extensions)).toContainEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', reason }));
    expect(anonymous.status).toBe(400);
    expect(anonymous.headers.get('x-sql-statements')).toBe('0');
    // Signed in, only the session lookup runs (the same statements as for the smallest query).
    const baseline = await post({ query: '{ __typename }' }, { cookie: org.as.OWNER.cookie! });
    const signedIn = await post({ query }, { cookie: org.as.OWNER.cookie! });
    expect(signedIn.json?.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    expect(Number(signedIn.headers.get('x-sql-statements'))).toBeLessThanOrEqual(Number(baseline.headers.get('x-sql-statements')));
  });

  it('batched requests, oversized bodies and non-JSON bodies are refused and change nothing', async () => {
    const before = await countTasks();
    const create = { query: `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, variables: { input: { organizationId: org.id, title: 'Batched' } } };
    const batched = await post([create, create], { cookie: org.as.OWNER.cookie! });
    expect(batched.status).toBe(400);
    const huge = await post({ ...create, variables: { input: { organizationId: org.id, title: 'x', description: 'y'.repeat(2 * 1024 * 1024) } } }, { cookie: org.as.OWNER.cookie! });
    expect(huge.status).toBe(413);
    // CSRF: a simple (form-like) request is refused by Apollo's prevention.
    const simple = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie: org.as.OWNER.cookie! }, body: JSON.stringify(create) });
    expect(simple.status).toBe(400);
    const getMutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { signOut { ok } }')}`, { headers: { cookie: org.as.OWNER.cookie! } });
    expect(getMutation.status).toBe(400);
    expect(await countTasks()).toBe(before);
  });

  it('bad input of each class gets a coded error and changes nothing', async () => {
    const before = await countTasks();
    const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`;
    const classes: Array<[string, Record<string, unknown>]> = [
      ['missing field', { organizationId: org.id }],
      ['wrong type', { organizationId: org.id, title: 42 }],
      ['empty text', { organizationId: org.id, title: '   ' }],
      ['over-long text', { organizationId: org.id, title: 'x'.repeat(10_000) }],
      ['unknown enum', { organizationId: org.id, title: 'T', priority: 'EXTREME' }],
      ['impossible date', { organizationId: org.id, title: 'T', dueDate: '2027-02-30' }],
      ['malformed id', { organizationId: 'not-an-id', title: 'T' }],
      ['unknown field', { organizationId: org.id, title: 'T', evil: true }],
      ['another organisation', { organizationId: 'org_00000000-0000-7000-8000-000000000000', title: 'T' }],
    ];
    for (const [label, input] of classes) {
      const result = await org.as.OWNER.request(CREATE, { input });
      const code = result.errors?.[0]?.extensions?.code;
      expect(code, label).toMatch(/^(BAD_USER_INPUT|FORBIDDEN|NOT_FOUND)$/);
      expect(result.errors?.[0]?.message.length, label).toBeGreaterThan(5);
    }
    const page = await org.as.OWNER.request(`query($id: ID!) { organization(id: $id) { tasks(first: 1000) { totalCount } } }`, { id: org.id });
    expect(page.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countTasks()).toBe(before);
  });
});

describe('WebSocket abuse', () => {
  const open = (headers: Record<string, string> = {}) => new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
  const closed = (ws: WebSocket) => new Promise<{ code: number | null; status: number | null }>((resolve) => {
    ws.once('unexpected-response', (_req, res) => resolve({ code: null, status: res.statusCode ?? null }));
    ws.once('close', (code) => resolve({ code, status: null }));
    ws.once('error', () => undefined);
  });

  it('refuses a foreign Origin at the upgrade', async () => {
    expect(await closed(open({ origin: 'https://evil.example' }))).toEqual({ code: null, status: 403 });
  });

  it('closes a socket that never says connection_init, and one that says it badly', async () => {
    const silent = open();
    expect((await closed(silent)).code).toBe(4408);
    const bad = open();
    bad.on('open', () => bad.send(JSON.stringify({ type: 'connection_init', payload: 'not an object' })));
    expect((await closed(bad)).code).toBe(4400);
    const garbage = open();
    garbage.on('open', () => garbage.send('{{{'));
    expect((await closed(garbage)).code).toBe(4400);
  }, 15_000);

  it('answers a subscription that does not parse, or is over the token limit, with a coded error and keeps the socket', async () => {
    const ws = open();
    const messages: Array<{ id?: string; type: string; payload?: Array<{ message: string; extensions?: Record<string, unknown> }> }> = [];
    const next = (id: string) =>
      new Promise<(typeof messages)[number]>((resolve) => {
        const poll = () => {
          const found = messages.find((m) => m.id === id);
          if (found) resolve(found);
          else setTimeout(poll, 10);
        };
        poll();
      });
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise<void>((resolve) => ws.on('open', () => resolve()));
    ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise<void>((resolve) => ws.on('message', (data) => JSON.parse(String(data)).type === 'connection_ack' && resolve()));
    ws.send(JSON.stringify({ id: 'a', type: 'subscribe', payload: { query: 'subscription { organizationEvents(' } }));
    expect(await next('a')).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
    const huge = `subscription { ${Array.from({ length: 20_000 }, (_, i) => `f${i}`).join(' ')} }`;
    ws.send(JSON.stringify({ id: 'b', type: 'subscribe', payload: { query: huge } }));
    expect(await next('b')).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'TOKENS' } }] });
    ws.send(JSON.stringify({ id: 'c', type: 'subscribe', payload: { query: 'subscription { nothingHere }' } }));
    expect(await next('c')).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  }, 15_000);
});

describe('security headers', () => {
  it('the web client is served with a content security policy and the usual headers; the API without the policy', async () => {
    const page = await fetch(`${server.url}/o/anything`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const api = await post({ query: '{ __typename }' });
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('content-security-policy')).toBeNull();
  });
});

describe('rates and fairness', () => {
  let limited: TestServer;
  let a: TestOrg;
  let b: TestOrg;
  beforeAll(async () => {
    limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '40', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '2', ORGANIZATION_CONCURRENCY: '1', QUERY_MAX_LIST_ITEMS: '500' }, 'abuse_rates');
    a = await buildOrganization(limited, 'Flooder B.V.');
    b = await buildOrganization(limited, 'Quiet B.V.');
  });
  afterAll(async () => {
    await limited?.stop();
  });

  it('lists that multiply within the depth limit are stopped at the list budget with one error, and the server keeps serving', async () => {
    // Depth 14, within every static limit, but each level multiplies by the organisation's size.
    let selection = 'id';
    for (let i = 0; i < 5; i += 1) selection = `members { organization { ${selection} } }`;
    const query = `{ viewer { memberships { organization { ${selection} } } } }`;
    const response = await post({ query }, { cookie: a.as.ISMS_MANAGER.cookie! }, limited.url);
    expect(response.status).toBe(400);
    expect(response.json?.data ?? null).toBeNull();
    expect(response.json?.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', reason: 'SIZE' }) })]);
    expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    // A page within the budget is answered whole.
    const small = await post({ query: `{ viewer { memberships { organization { members { id } } } } }` }, { cookie: a.as.ISMS_MANAGER.cookie! }, limited.url);
    expect(small.json?.errors).toBeUndefined();
  });

  it('one organisation flooding heavy queries does not starve another', async () => {
    const heavy = `query($id: ID!) { organization(id: $id) { gapAssessment { score items { ref status } } risks(first: 100) { totalCount } } }`;
    const order: string[] = [];
    const flood = Array.from({ length: 12 }, (_, i) => a.as.OWNER.request(heavy, { id: a.id }).then((r) => {
      expect(r.errors).toBeUndefined();
      order.push(`a${i}`);
    }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const quiet = b.as.OWNER.request(heavy, { id: b.id }).then((r) => {
      expect(r.errors).toBeUndefined();
      order.push('b');
    });
    await Promise.all([...flood, quiet]);
    // B waited for none of A's queue: it finished before most of A's requests.
    expect(order.indexOf('b')).toBeLessThan(8);
  });

  it('a person over the request rate gets RATE_LIMITED (429, Retry-After); exports have a budget of their own', async () => {
    const person = b.as.CONTRIBUTOR;
    let limitedResponse: Awaited<ReturnType<typeof post>> | null = null;
    for (let i = 0; i < 60 && !limitedResponse; i += 1) {
      const response = await post({ query: '{ viewer { id } }' }, { cookie: person.cookie! }, limited.url);
      if (response.status === 429) limitedResponse = response;
    }
    expect(limitedResponse).not.toBeNull();
    expect(limitedResponse!.json?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limitedResponse!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else is not affected.
    expect((await post({ query: '{ viewer { id } }' }, { cookie: b.as.MANAGEMENT.cookie! }, limited.url)).status).toBe(200);

    const exportOnce = () => fetch(`${limited.url}/exports/organizations/${b.id}/risks.csv`, { headers: { cookie: b.as.MANAGEMENT.cookie! } });
    expect((await exportOnce()).status).toBe(200);
    expect((await exportOnce()).status).toBe(200);
    const third = await exportOnce();
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });
});

describe('production mode', () => {
  it('turns off introspection, field suggestions and the landing page', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' }, 'abuse_production');
    try {
      const introspection = await post({ query: '{ __schema { types { name } } }' }, {}, production.url);
      expect(introspection.json?.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await post({ query: '{ viewr { id } }' }, {}, production.url);
      expect(typo.json?.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const landing = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(landing.headers.get('content-type') ?? '').not.toContain('text/html');
    } finally {
      await production.stop();
    }
  });
});
