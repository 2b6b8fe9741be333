import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { EXAMPLE_PASSWORD } from '../../server/src/modules/example-data/seed.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let org: string;
beforeAll(async () => {
  server = await startTestServer({ ANNEX_SEED: 'true' }, 'e2e_isms');
  ({ browser, close: closeBrowser } = await launchBrowser());
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('E-mail', { exact: true }).fill('daan@lumen-logistics.example');
  await page.getByLabel('Password', { exact: true }).fill(EXAMPLE_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/o\/org_/);
  org = /\/o\/(org_[0-9a-f]+)/.exec(page.url())![1]!;
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

const gapStatus = async (ref: string) =>
  ((await server.services.db.dataSource.query(`SELECT status FROM gap_items WHERE organization_id = $1 AND ref = $2`, [org, ref])) as Array<{ status: string }>)[0]!.status;

describe('the ISMS core in the browser', () => {
  it('assesses a control in the gap analysis and the scores follow', async () => {
    await page.goto(`${server.url}/o/${org}/gap-analysis?view=controls`);
    await page.getByText('Threat intelligence').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'gap-analysis.png') });
    expect(await gapStatus('A.5.7')).toBe('PARTIAL');
    await page.getByText('Threat intelligence').first().click();
    const drawer = page.getByRole('dialog');
    // Mantine's segmented control hides its radios behind their labels: click the label.
    await drawer.locator('label[for$="-IMPLEMENTED"]').click();
    await drawer.getByRole('button', { name: 'Save assessment' }).click();
    await expect.poll(() => gapStatus('A.5.7'), { timeout: 10_000 }).toBe('IMPLEMENTED');
  });

  it('shows the asset inventory', async () => {
    await page.goto(`${server.url}/o/${org}/assets`);
    await page.getByText('Fleet database cluster').first().waitFor();
    await expect(page.getByText('Customer vehicle location data').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'assets.png') });
  });

  it('shows the risk register and the Statement of Applicability', async () => {
    await page.goto(`${server.url}/o/${org}/risks`);
    await page.getByText('Ransomware encrypts the fleet database').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'risks.png') });
    await page.goto(`${server.url}/o/${org}/statement-of-applicability`);
    await page.getByText('Policies for information security').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'soa.png') });
  });

  it('management approves an issued SoA version from the approvals panel, seeing what it signs', async () => {
    const { ApiClient } = await import('../support/client.js');
    const daan = await new ApiClient(server.url).signIn('daan@lumen-logistics.example', EXAMPLE_PASSWORD);
    const { issueSoaVersion } = await daan.ok(`mutation($input: IssueSoaVersionInput!) { issueSoaVersion(input: $input) { soaVersion { id number } } }`, {
      input: { organizationId: org, note: 'Version 3 with the two changed controls.' },
    });
    const { organization } = await daan.ok(`query($id: ID!) { organization(id: $id) { members { role user { id } } } }`, { id: org });
    const evaId = organization.members.find((m: { role: string }) => m.role === 'MANAGEMENT').user.id;
    const { requestApproval } = await daan.ok(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id } } }`, {
      input: { subjectId: issueSoaVersion.soaVersion.id, approverIds: [evaId] },
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const eva = await context.newPage();
    await eva.goto(`${server.url}/sign-in`);
    await eva.getByLabel('E-mail', { exact: true }).fill('eva@lumen-logistics.example');
    await eva.getByLabel('Password', { exact: true }).fill(EXAMPLE_PASSWORD);
    await eva.getByRole('button', { name: 'Sign in' }).click();
    await eva.waitForURL(/\/o\/org_/);
    await eva.goto(`${server.url}/o/${org}/approvals?request=${requestApproval.approvalRequest.id}`);
    const panel = eva.getByRole('dialog');
    await panel.getByText('Threat intelligence').first().waitFor(); // the changes this version brings
    await eva.screenshot({ path: path.join(ARTIFACTS, 'soa-approval.png') });
    await panel.getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(async () => ((await server.services.db.dataSource.query(`SELECT status FROM approval_requests WHERE id = $1`, [requestApproval.approvalRequest.id])) as Array<{ status: string }>)[0]!.status, { timeout: 10_000 })
      .toBe('APPROVED');
    await context.close();
  });
});
