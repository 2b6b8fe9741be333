import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { printedSchema } from '../../server/src/app/schema.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('foundation', () => {
  it('answers health over GraphQL and the probes over HTTP', async () => {
    const client = new ApiClient(server.url);
    expect(await client.ok('{ health }')).toEqual({ health: 'ok' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('gives every response a request id, echoing a sane one from the caller', async () => {
    const client = new ApiClient(server.url);
    await client.request('{ health }');
    expect(client.lastHeaders?.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await client.request('{ health }', {}, { 'x-request-id': 'trace-abc.123' });
    expect(client.lastHeaders?.get('x-request-id')).toBe('trace-abc.123');
  });

  it('keeps server/schema.graphql identical to the schema the code builds', async () => {
    const committed = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'server', 'schema.graphql'), 'utf8');
    expect(committed, 'run `pnpm schema:emit` and commit server/schema.graphql').toBe(await printedSchema());
  });

  it('answers a null viewer and a null node when signed out, and UNAUTHENTICATED for node', async () => {
    const client = new ApiClient(server.url);
    expect(await client.ok('{ viewer { id } }')).toEqual({ viewer: null });
    expect(await client.code('{ node(id: "org_00000000000000000000000000000000") { id } }')).toBe('UNAUTHENTICATED');
  });

  it('refuses GraphQL documents it cannot validate, with a code', async () => {
    const client = new ApiClient(server.url);
    expect(await client.code('{ nope }')).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await client.code('{ health')).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses cross-site simple requests (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ health }')}`);
    expect(response.status).toBe(400);
  });

  it('serves GraphQL over WebSocket on the same port and path', async () => {
    const client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const result = await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      client.subscribe({ query: '{ health }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
    });
    expect(result).toEqual({ data: { health: 'ok' } });
    await client.dispose();
  });

  it('refuses a WebSocket upgrade from a foreign Origin', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: { origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBe(403);
  });

  it('accepts a WebSocket upgrade from its own public origin', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: { origin: server.config.PUBLIC_URL } });
    await new Promise<void>((resolve, reject) => {
      socket.on('open', () => resolve());
      socket.on('error', reject);
    });
    socket.close();
  });
});
