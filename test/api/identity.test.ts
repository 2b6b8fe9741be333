import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { TEST_PASSWORD, uniqueEmail } from '../support/factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: '4', SIGNIN_SLOW_AFTER: '2' });
});
afterAll(async () => {
  await server?.stop();
});

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { viewer { id email name memberships { role organization { id name } } } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { viewer { id email } } }`;
const count = async (sql: string, params: unknown[] = []) =>
  ((await server.services.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0]!.n;

describe('sign-up', () => {
  it('creates the account, its organisation with the creator as OWNER, and a session cookie', async () => {
    const client = new ApiClient(server.url);
    const email = uniqueEmail('signup');
    const data = await client.ok(SIGN_UP, { input: { email: email.toUpperCase(), name: ' Ada Lovelace ', password: TEST_PASSWORD, organizationName: 'Analytical Ltd' } });
    expect(data.signUp.viewer).toMatchObject({ email, name: 'Ada Lovelace', memberships: [{ role: 'OWNER', organization: { name: 'Analytical Ltd' } }] });
    const setCookie = client.lastHeaders!.getSetCookie().join(';');
    expect(setCookie).toMatch(/annex_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // served over http here
    expect((await client.ok('{ viewer { email } }')).viewer.email).toBe(email);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email', 'INVALID_EMAIL'],
    [{ password: 'short-pass' }, 'password', 'TOO_SHORT'],
    [{ password: 'password1234' }, 'password', 'TOO_COMMON'],
    [{ password: 'aaaaaaaaaaaaaaaa' }, 'password', 'TOO_COMMON'],
    [{ name: '   ' }, 'name', 'REQUIRED'],
    [{ organizationName: '' }, 'organizationName', 'REQUIRED'],
  ])('refuses %o with BAD_USER_INPUT on %s and changes nothing', async (override, field, reason) => {
    const users = await count('SELECT count(*)::int AS n FROM users');
    const orgs = await count('SELECT count(*)::int AS n FROM organizations');
    const client = new ApiClient(server.url);
    const result = await client.request(SIGN_UP, { input: { email: uniqueEmail(), name: 'Someone', password: TEST_PASSWORD, organizationName: 'X', ...override } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(client.cookie).toBeNull();
    expect(await count('SELECT count(*)::int AS n FROM users')).toBe(users);
    expect(await count('SELECT count(*)::int AS n FROM organizations')).toBe(orgs);
  });

  it('refuses a duplicate account, whatever the case of the e-mail', async () => {
    const email = uniqueEmail('dup');
    await new ApiClient(server.url).ok(SIGN_UP, { input: { email, name: 'First', password: TEST_PASSWORD } });
    const result = await new ApiClient(server.url).request(SIGN_UP, { input: { email: email.toUpperCase(), name: 'Second', password: TEST_PASSWORD, organizationName: 'Y' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email', reason: 'TAKEN' });
    expect(await count(`SELECT count(*)::int AS n FROM organizations WHERE name = 'Y'`)).toBe(0);
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password, refuses a wrong one with UNAUTHENTICATED, and audits both', async () => {
    const email = uniqueEmail('signin');
    const first = new ApiClient(server.url);
    const { signUp } = await first.ok(SIGN_UP, { input: { email, name: 'Grace', password: TEST_PASSWORD } });
    expect(await new ApiClient(server.url).code(SIGN_IN, { input: { email, password: 'Wrong-Password-123' } })).toBe('UNAUTHENTICATED');
    expect(await new ApiClient(server.url).code(SIGN_IN, { input: { email: uniqueEmail('nobody'), password: TEST_PASSWORD } })).toBe('UNAUTHENTICATED');
    const client = new ApiClient(server.url);
    const data = await client.ok(SIGN_IN, { input: { email: email.toUpperCase(), password: TEST_PASSWORD } });
    expect(data.signIn.viewer.id).toBe(signUp.viewer.id);
    const actions = (await server.services.db.dataSource.query(
      `SELECT action FROM audit_events WHERE chain_key = 'global' AND (actor_id = $1 OR entity_id = $1) ORDER BY seq`,
      [signUp.viewer.id],
    )) as Array<{ action: string }>;
    expect(actions.map((a) => a.action)).toEqual(['user.signedUp', 'user.signInFailed', 'user.signedIn']);
    const activity = await client.ok('{ viewer { accountActivity(first: 10) { action ip } } }');
    expect(activity.viewer.accountActivity.map((a: { action: string }) => a.action)).toEqual(['user.signedIn', 'user.signInFailed', 'user.signedUp']);
  });

  it('signs out: the session ends at once and the cookie is cleared', async () => {
    const email = uniqueEmail('signout');
    const client = new ApiClient(server.url);
    await client.ok(SIGN_UP, { input: { email, name: 'Linus', password: TEST_PASSWORD } });
    const stolenCookie = client.cookie;
    expect((await client.ok('mutation { signOut { ok } }')).signOut.ok).toBe(true);
    expect(client.cookie).toBeNull();
    const replay = new ApiClient(server.url);
    replay.cookie = stolenCookie;
    expect(await replay.ok('{ viewer { id } }')).toEqual({ viewer: null });
    expect((await replay.ok('mutation { signOut { ok } }')).signOut.ok).toBe(false);
  });

  it('slows, then refuses repeated failed sign-ins with RATE_LIMITED, even with the right password', async () => {
    const email = uniqueEmail('throttle');
    await new ApiClient(server.url).ok(SIGN_UP, { input: { email, name: 'Mallory Target', password: TEST_PASSWORD } });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 4; i += 1) codes.push(await new ApiClient(server.url).code(SIGN_IN, { input: { email, password: `Wrong-Password-${i}00` } }));
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const locked = await new ApiClient(server.url).request(SIGN_IN, { input: { email, password: TEST_PASSWORD } });
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is unaffected.
    const other = uniqueEmail('bystander');
    await new ApiClient(server.url).ok(SIGN_UP, { input: { email: other, name: 'Bystander', password: TEST_PASSWORD } });
    await new ApiClient(server.url).signIn(other, TEST_PASSWORD);
  });
});

describe('password change', () => {
  it('needs the current password and a good new one, then ends every other session and its sockets', async () => {
    const email = uniqueEmail('pwchange');
    const laptop = new ApiClient(server.url);
    await laptop.ok(SIGN_UP, { input: { email, name: 'Margaret', password: TEST_PASSWORD } });
    const phone = await new ApiClient(server.url).signIn(email, TEST_PASSWORD);
    const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { viewer { id } } }`;
    expect((await laptop.request(CHANGE, { input: { currentPassword: 'Not-The-Password-1', newPassword: 'Another-Long-Secret-42' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    expect((await laptop.request(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: 'short' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });

    const socketClosed = new Promise<number>((resolve) => {
      const socket = phone.openSocket();
      socket.on('close', (code) => resolve(code));
    });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await laptop.ok(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: 'Another-Long-Secret-42' } });
    expect(await socketClosed).toBe(4401);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await phone.ok('{ viewer { id } }')).toEqual({ viewer: null });
    expect((await laptop.ok('{ viewer { email } }')).viewer.email).toBe(email); // this browser stays signed in
    await new ApiClient(server.url).signIn(email, 'Another-Long-Secret-42');
    expect(await new ApiClient(server.url).code(SIGN_IN, { input: { email, password: TEST_PASSWORD } })).toBe('UNAUTHENTICATED');
  });
});

describe('WebSocket sessions', () => {
  it('closes the WebSockets of a session within 5 seconds of its sign-out, even on another replica', async () => {
    const email = uniqueEmail('ws');
    const client = new ApiClient(server.url);
    await client.ok(SIGN_UP, { input: { email, name: 'Socket Person', password: TEST_PASSWORD } });
    const ws = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols: string | string[]) {
          super(url, protocols, { headers: { cookie: client.cookie! } });
        }
      },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    const closed = new Promise<number>((resolve) => ws.on('closed', (event) => resolve((event as { code: number }).code)));
    const viewer = await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      ws.subscribe({ query: '{ viewer { email } }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
    });
    expect(viewer).toEqual({ data: { viewer: { email } } });
    // Revoke the session in the database directly, as another replica's sign-out would: the sweep closes the socket.
    const started = Date.now();
    await server.services.db.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
    expect(await closed).toBe(4401);
    expect(Date.now() - started).toBeLessThan(5000);
    await ws.dispose();
  });

  it('refuses a WebSocket whose bearer token is not valid', async () => {
    const socket = new ApiClient(server.url).openSocket({ authorization: 'Bearer annex_nope' });
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4403);
  });
});

describe('secrets', () => {
  it('never writes passwords, session cookies or tokens to the logs or the audit trail', async () => {
    const secretPassword = 'Unmistakable-Secret-Passphrase-77';
    const email = uniqueEmail('secret');
    const client = new ApiClient(server.url);
    await client.ok(SIGN_UP, { input: { email, name: 'Secret Keeper', password: secretPassword, organizationName: 'Secretive' } });
    const cookieValue = client.cookie!.split('=')[1]!;
    await new ApiClient(server.url).request(SIGN_IN, { input: { email, password: `${secretPassword}-wrong` } });
    const orgId = (await client.ok('{ viewer { memberships { organization { id } } } }')).viewer.memberships[0].organization.id;
    const { createApiToken } = await client.ok(
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
      { input: { organizationId: orgId, name: 'ci' } },
    );
    const bearer = new ApiClient(server.url);
    bearer.bearer = createApiToken.secret;
    await bearer.ok('{ viewer { id } }');
    await new Promise((r) => setTimeout(r, 100));
    const logs = server.logs.join('');
    const audit = JSON.stringify(await server.services.db.dataSource.query('SELECT * FROM audit_events'));
    for (const secret of [secretPassword, cookieValue, createApiToken.secret]) {
      expect(logs).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
    expect(logs).toContain('request completed'); // the logs were captured at all
  });
});
