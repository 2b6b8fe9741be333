import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/core/config.js';
import { createLogger } from '../../server/src/core/logger.js';
import { startAnnex, type AnnexServer } from '../../server/src/app/create-app.js';
import { EXAMPLE_PASSWORD, EXAMPLE_PEOPLE, EXAMPLE_STAFF } from '../../server/src/modules/example-data/seed.js';
import { ApiClient } from '../support/client.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'annex-embedded-'));
const logger = createLogger({ level: 'silent' });
const start = () =>
  startAnnex(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ANNEX_DATA_DIR: dataDir, ANNEX_SEED: 'true', LOG_LEVEL: 'silent' }), { logger });

let running: AnnexServer | null = null;
afterAll(async () => {
  await running?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL (PGlite), the default without DATABASE_URL', () => {
  let firstOrganizationId = '';

  it('starts on an empty data folder, migrates and loads the example organisation', async () => {
    running = await start();
    expect(running.services.db.embedded).toBe(true);
    expect(running.seed?.created).toBe(true);
    firstOrganizationId = running.seed!.organizationId;
    const daan = await new ApiClient(running.url).signIn(EXAMPLE_PEOPLE[1]!.email, EXAMPLE_PASSWORD);
    const data = await daan.ok<{ viewer: { memberships: Array<{ role: string; organization: { id: string; members: unknown[] } }> } }>(
      '{ viewer { memberships { role organization { id members { role } } } } }',
    );
    expect(data.viewer.memberships).toHaveLength(1);
    expect(data.viewer.memberships[0]!.role).toBe('ISMS_MANAGER');
    expect(data.viewer.memberships[0]!.organization.members).toHaveLength(EXAMPLE_PEOPLE.length + EXAMPLE_STAFF.length);
    expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);
  });

  it('never lets one transaction see the uncommitted writes of another', async () => {
    const db = running!.services.db;
    let releaseA!: () => void;
    const aMayFinish = new Promise<void>((resolve) => (releaseA = resolve));
    let aWrote!: () => void;
    const aHasWritten = new Promise<void>((resolve) => (aWrote = resolve));

    // Transaction A inserts a row and holds its transaction open, then rolls back.
    const a = db
      .transaction(async (em) => {
        await em.query(`INSERT INTO organizations (id, name) VALUES ('org_isolation_probe', 'uncommitted')`);
        aWrote();
        await aMayFinish;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    await aHasWritten;
    // Transaction B starts while A is open: it must not see A's row, neither now nor after A's rollback.
    const b = db.transaction(async (em) => {
      const rows = (await em.query(`SELECT count(*)::int AS n FROM organizations WHERE id = 'org_isolation_probe'`)) as Array<{ n: number }>;
      return rows[0]!.n;
    });
    await new Promise((r) => setTimeout(r, 100));
    releaseA();
    expect(await a).toBe('roll back');
    expect(await b).toBe(0);

    // And a committed write is seen by the next transaction.
    await db.transaction((em) => em.query(`INSERT INTO organizations (id, name) VALUES ('org_isolation_probe', 'committed')`));
    const seen = (await db.dataSource.query(`SELECT name FROM organizations WHERE id = 'org_isolation_probe'`)) as Array<{ name: string }>;
    expect(seen).toEqual([{ name: 'committed' }]);
  });

  it('keeps its data across a restart and does not load the example twice', async () => {
    await running!.close();
    running = await start();
    expect(running.seed).toEqual({ created: false, organizationId: firstOrganizationId });
    const count = (await running.services.db.dataSource.query(`SELECT count(*)::int AS n FROM organizations`)) as Array<{ n: number }>;
    expect(count[0]!.n).toBe(2); // the example and the committed probe
    const verified = await running.services.auditTrail.verify(
      (await import('../../server/src/core/authorization.js')).OrgScope.mint(firstOrganizationId, 'system', 'OWNER', 'auditTrail:verify'),
    );
    expect(verified.ok).toBe(true);
  });
});
