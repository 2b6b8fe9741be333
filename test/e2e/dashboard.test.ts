import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayUtc } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { ARTIFACTS, launchBrowser, signInPage } from '../support/browser.js';
import { buildOrganization, TEST_PASSWORD, type TestOrg } from '../support/factories.js';
import { EXAMPLE_PASSWORD } from '../../server/src/modules/example-data/seed.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer({ ANNEX_SEED: 'true' }, 'e2e_dashboard');
  ({ browser, close: closeBrowser } = await launchBrowser());
  org = await buildOrganization(server, 'Dashboard B.V.');
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

const signIn = (email: string, password: string): Promise<Page> => signInPage(browser, server.url, email, password, { viewport: { width: 1440, height: 1000 } });

describe('the readiness dashboard', () => {
  it('shows where the example organisation stands', async () => {
    const daan = await signIn('daan@lumen-logistics.example', EXAMPLE_PASSWORD);
    await daan.goto(`${server.url}/o/${server.seed!.organizationId}`);
    await daan.getByTestId('readiness-score').waitFor();
    await daan.getByRole('region', { name: 'Score by area' }).waitFor();
    await daan.getByRole('region', { name: 'Gap progress' }).waitFor();
    await daan.getByRole('region', { name: 'Risk heat map' }).waitFor();
    await daan.getByRole('region', { name: 'Non-conformity burn-down' }).waitFor();
    await daan.getByRole('heading', { name: 'Certification cycle' }).waitFor();
    await daan.waitForTimeout(500); // charts animate in
    await daan.screenshot({ path: path.join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    await daan.context().close();
  });

  it('changes live in one browser when a blocker is fixed in another', async () => {
    const today = todayUtc();
    // An internal audit held last week, in progress: not reported yet, so it does not count.
    const { createAudit } = await org.as.ISMS_MANAGER.ok(`mutation($input: CreateAuditInput!) { createAudit(input: $input) { audit { id } } }`, {
      input: { organizationId: org.id, kind: 'INTERNAL', title: 'Internal audit of the ISMS', startDate: addDays(today, -8), endDate: addDays(today, -7), leadAuditorId: org.users.AUDITOR.id, scopeRefs: ['9.2'] },
    });
    await org.as.AUDITOR.ok(`mutation($input: UpdateAuditInput!) { updateAudit(input: $input) { audit { id } } }`, { input: { id: createAudit.audit.id, version: 1, status: 'IN_PROGRESS' } });

    const manager = await signIn(org.users.ISMS_MANAGER.email, TEST_PASSWORD);
    await manager.goto(`${server.url}/o/${org.id}`);
    const blockers = manager.getByRole('list', { name: 'Stage 1 blockers' });
    const auditBlocker = blockers.getByText('No internal audit reported in the last 12 months (clause 9.2).');
    await auditBlocker.waitFor();
    const scoreBefore = Number(await manager.getByTestId('readiness-score').textContent());

    const auditor = await signIn(org.users.AUDITOR.email, TEST_PASSWORD);
    await auditor.goto(`${server.url}/o/${org.id}/audits/${createAudit.audit.id}`);
    await auditor.getByRole('button', { name: 'Move to reporting' }).click();

    // The manager's dashboard follows without a reload.
    await auditBlocker.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(async () => Number(await manager.getByTestId('readiness-score').textContent()), { timeout: 10_000 }).toBeGreaterThan(scoreBefore);
    await manager.screenshot({ path: path.join(ARTIFACTS, 'dashboard-live.png'), fullPage: true });
    await manager.context().close();
    await auditor.context().close();
  });

  it('gives employees their starting point instead of the readiness view', async () => {
    const employee = await signIn(org.users.EMPLOYEE.email, TEST_PASSWORD);
    await employee.goto(`${server.url}/o/${org.id}`);
    await employee.getByText('Next steps').waitFor();
    expect(await employee.getByTestId('readiness-score').count()).toBe(0);
    await employee.context().close();
  });
});
