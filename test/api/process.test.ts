import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const MAIN = path.join(import.meta.dirname, '..', '..', 'server', 'dist', 'src', 'main.js');

function runServer(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('process');
});
afterAll(async () => {
  await database?.drop();
});

describe('the server process (built)', () => {
  it.each([
    ['PORT', 'abc', /^Invalid configuration: PORT must be a whole number between 0 and 65535 \(got "abc"\)$/],
    ['DATABASE_URL', 'mysql://x', /^Invalid configuration: DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\/ \(got "mysql:\/\/x"\)$/],
    ['ANNEX_SEED', 'maybe', /^Invalid configuration: ANNEX_SEED must be true or false \(got "maybe"\)$/],
  ])('stops with one clear line when %s is malformed', async (key, value, message) => {
    const run = runServer({ [key]: value });
    expect(await run.exited).toBe(78);
    const lines = run.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('starts, serves, and shuts down gracefully on SIGTERM', { timeout: 120_000 }, async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const run = runServer({ PORT: String(port), DATABASE_URL: database.url, ANNEX_SEED: 'true', NODE_ENV: 'production', LOG_LEVEL: 'info' });
    let healthy = false;
    // The first start migrates and loads the example organisation; on a busy CI machine that takes a while.
    for (let i = 0; i < 400 && !healthy; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      healthy = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    }
    expect(healthy, `${run.out()}\n${run.err()}`).toBe(true);
    expect(run.out()).toContain('Lumen-Example-2027');
    // Introspection is off in production.
    const introspection = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    }).then((r) => r.json() as Promise<{ errors?: unknown[] }>);
    expect(introspection.errors?.length).toBeGreaterThan(0);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.out()).toContain('Annex stopped');
  });
});
