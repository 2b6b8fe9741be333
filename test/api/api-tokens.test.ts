import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Tokens B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id name prefix expiresAt organization { id } } secret } }`;
const REVOKE = `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { revokedApiTokenId } }`;

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, and authenticates Bearer requests as its creator', async () => {
    const { createApiToken } = await org.as.CONTRIBUTOR.ok(CREATE, { input: { organizationId: org.id, name: ' nightly export ' } });
    expect(createApiToken.token).toMatchObject({ name: 'nightly export', organization: { id: org.id } });
    expect(createApiToken.secret).toMatch(/^annex_[\w-]{40,}$/);
    expect(createApiToken.secret.startsWith(createApiToken.token.prefix)).toBe(true);
    const stored = JSON.stringify(await server.services.db.dataSource.query(`SELECT * FROM api_tokens WHERE id = $1`, [createApiToken.token.id]));
    expect(stored).not.toContain(createApiToken.secret);

    const script = new ApiClient(server.url);
    script.bearer = createApiToken.secret;
    const data = await script.ok(`query($id: ID!) { viewer { id } organization(id: $id) { viewerRole } }`, { id: org.id });
    expect(data).toEqual({ viewer: { id: org.users.CONTRIBUTOR.id }, organization: { viewerRole: 'CONTRIBUTOR' } });
    // The token acts with its creator's role: a contributor's token cannot invite.
    expect(await script.code(`mutation { inviteMember(input: { organizationId: "${org.id}", email: "x@example.test", role: EMPLOYEE }) { invitation { id } } }`)).toBe('FORBIDDEN');
    // A token cannot mint tokens or change passwords.
    expect(await script.code(CREATE, { input: { organizationId: org.id, name: 'child' } })).toBe('FORBIDDEN');
    const listed = await org.as.CONTRIBUTOR.ok(`{ viewer { apiTokens { id name } } }`);
    expect(listed.viewer.apiTokens).toContainEqual({ id: createApiToken.token.id, name: 'nightly export' });
  });

  it('authenticates graphql-ws connections through connectionParams', async () => {
    const { createApiToken } = await org.as.AUDITOR.ok(CREATE, { input: { organizationId: org.id, name: 'ws' } });
    const ws = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${createApiToken.secret}` },
      retryAttempts: 0,
    });
    const result = await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      ws.subscribe({ query: '{ viewer { id } }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
    });
    expect(result).toEqual({ data: { viewer: { id: org.users.AUDITOR.id } } });
    await ws.dispose();
  });

  it('refuses an expiry in the past and a blank name; an expired token stops working', async () => {
    const past = await org.as.OWNER.request(CREATE, { input: { organizationId: org.id, name: 'old', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    expect((await org.as.OWNER.request(CREATE, { input: { organizationId: org.id, name: '  ' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const { createApiToken } = await org.as.OWNER.ok(CREATE, { input: { organizationId: org.id, name: 'short-lived', expiresAt: new Date(Date.now() + 60_000).toISOString() } });
    const script = new ApiClient(server.url);
    script.bearer = createApiToken.secret;
    expect((await script.ok('{ viewer { id } }')).viewer).not.toBeNull();
    await server.services.db.dataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [createApiToken.token.id]);
    expect((await script.ok('{ viewer { id } }')).viewer).toBeNull();
  });

  it('revokes: its own creator or an admin may, another member may not; revoked tokens stop at once', async () => {
    const { createApiToken } = await org.as.EMPLOYEE.ok(CREATE, { input: { organizationId: org.id, name: 'to revoke' } });
    expect(await org.as.CONTRIBUTOR.code(REVOKE, { input: { id: createApiToken.token.id } })).toBe('NOT_FOUND');
    const script = new ApiClient(server.url);
    script.bearer = createApiToken.secret;
    const socket = script.openSocket({ authorization: `Bearer ${createApiToken.secret}` });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 200));
    const { revokeApiToken } = await org.as.ISMS_MANAGER.ok(REVOKE, { input: { id: createApiToken.token.id } });
    expect(revokeApiToken.revokedApiTokenId).toBe(createApiToken.token.id);
    expect(await closed).toBe(4401);
    expect((await script.ok('{ viewer { id } }')).viewer).toBeNull();
    const own = await org.as.EMPLOYEE.ok(CREATE, { input: { organizationId: org.id, name: 'mine' } });
    await org.as.EMPLOYEE.ok(REVOKE, { input: { id: own.createApiToken.token.id } });
    const trail = await org.as.OWNER.ok(`query($id: ID!) { organization(id: $id) { auditTrail(first: 20, filter: { action: "apiToken." }) { edges { node { action } } } } }`, { id: org.id });
    expect(trail.organization.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action)).toContain('apiToken.revoked');
  });
});
