import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, addMonths, todayUtc } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { ApiClient } from '../support/client.js';
import { buildOrganization, TEST_PASSWORD, type TestOrg } from '../support/factories.js';
import { EXAMPLE_PASSWORD } from '../../server/src/modules/example-data/seed.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer({ ANNEX_SEED: 'true' }, 'e2e_audits');
  ({ browser, close: closeBrowser } = await launchBrowser());
  org = await buildOrganization(server, 'Certifying B.V.');
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

async function signIn(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/o\/org_/);
  return page;
}

const certificationOf = async (as: ApiClient) =>
  (await as.ok(`query($id: ID!) { organization(id: $id) { certification { status blockers { code } nextAudits { kind dueOn } } } }`, { id: org.id })).organization.certification;

describe('audits and certification in the browser', () => {
  it('shows the example audits, the stage 2 board and the certification page', async () => {
    const daan = await signIn('daan@lumen-logistics.example', EXAMPLE_PASSWORD);
    const lumen = /\/o\/(org_[0-9a-f]+)/.exec(daan.url())![1]!;
    await daan.goto(`${server.url}/o/${lumen}/audits`);
    await daan.getByText('Stage 2 — implementation audit').first().waitFor();
    await daan.screenshot({ path: path.join(ARTIFACTS, 'audits.png') });
    await daan.getByText('Stage 2 — implementation audit').first().click();
    await daan.waitForURL(/\/audits\/adt_/);
    const stage2 = /\/audits\/(adt_[0-9a-f]+)/.exec(daan.url())![1]!;
    await daan.goto(`${server.url}/o/${lumen}/audits/${stage2}?tab=findings`);
    await daan.getByText('Alert thresholds for failed logins').first().waitFor();
    await daan.screenshot({ path: path.join(ARTIFACTS, 'audit-findings.png') });
    await daan.goto(`${server.url}/o/${lumen}/audits/${stage2}/board`);
    await daan.getByRole('heading', { name: "Today's agenda" }).waitFor();
    await daan.screenshot({ path: path.join(ARTIFACTS, 'audit-board.png') });
    await daan.goto(`${server.url}/o/${lumen}/certification`);
    await daan.getByTestId('certification-status').waitFor();
    await daan.screenshot({ path: path.join(ARTIFACTS, 'certification.png') });
    await daan.context().close();
  });

  it('plans, audits, blocks on a major NC, verifies its action, unblocks and certifies — the board live in two browsers', async () => {
    const today = todayUtc();
    const manager = org.as.ISMS_MANAGER;
    // Stage 1 is behind us.
    const { createAudit: s1 } = await manager.ok(`mutation($input: CreateAuditInput!) { createAudit(input: $input) { audit { id } } }`, {
      input: { organizationId: org.id, kind: 'STAGE1', title: 'Stage 1', startDate: addDays(today, -30), endDate: addDays(today, -29), leadAuditorId: org.users.AUDITOR.id },
    });
    for (const status of ['IN_PROGRESS', 'REPORTING', 'CLOSED']) {
      const { node } = await org.as.AUDITOR.ok(`query($id: ID!) { node(id: $id) { ... on Audit { version } } }`, { id: s1.audit.id });
      await org.as.AUDITOR.ok(`mutation($input: UpdateAuditInput!) { updateAudit(input: $input) { audit { id } } }`, { input: { id: s1.audit.id, version: node.version, status } });
    }

    const daan = await signIn(org.users.ISMS_MANAGER.email, TEST_PASSWORD);
    const auditor = await signIn(org.users.AUDITOR.email, TEST_PASSWORD);

    // The ISMS manager plans the stage 2 audit in the browser.
    await daan.goto(`${server.url}/o/${org.id}/audits`);
    await daan.getByRole('button', { name: 'Plan an audit' }).click();
    const dialog = daan.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Stage 2 audit');
    await dialog.getByLabel('Kind', { exact: true }).click();
    await daan.getByRole('option', { name: /Stage 2/ }).click();
    await dialog.getByLabel('Lead auditor', { exact: true }).click();
    await daan.getByRole('option', { name: /AUDITOR Person/ }).first().click();
    await dialog.getByRole('button', { name: 'Plan audit' }).click();
    await expect
      .poll(async () => (await manager.ok(`query($id: ID!) { organization(id: $id) { audits(first: 10, filter: { kind: STAGE2 }) { totalCount } } }`, { id: org.id })).organization.audits.totalCount, { timeout: 10_000 })
      .toBe(1);
    const stage2 = (await manager.ok(`query($id: ID!) { organization(id: $id) { audits(first: 1, filter: { kind: STAGE2 }) { edges { node { id version } } } } }`, { id: org.id })).organization.audits.edges[0].node;

    // Both open the audit-week board; the auditor raises a major NC from the audit page.
    await Promise.all([daan.goto(`${server.url}/o/${org.id}/audits/${stage2.id}/board`), auditor.goto(`${server.url}/o/${org.id}/audits/${stage2.id}?tab=findings`)]);
    await daan.getByRole('heading', { name: 'Findings' }).waitFor();
    await auditor.getByRole('button', { name: 'Raise finding' }).click();
    const raise = auditor.getByRole('dialog');
    await raise.getByLabel(/^Kind/).first().click();
    await auditor.getByRole('option', { name: /Major/ }).click();
    await raise.getByLabel(/^Requirement/).first().fill('A.5.15');
    await auditor.getByRole('option', { name: /A\.5\.15/ }).first().click();
    await raise.getByLabel(/^Description/).first().fill('Leavers keep their VPN access for weeks.');
    const raisedAt = Date.now();
    await raise.getByRole('button', { name: 'Raise finding' }).click();
    // The manager's board shows it, live.
    await daan.getByText('Leavers keep their VPN access for weeks.').first().waitFor({ timeout: 5_000 });
    expect(Date.now() - raisedAt).toBeLessThan(5_000);
    await daan.screenshot({ path: path.join(ARTIFACTS, 'audit-board-live.png') });

    // The decision is blocked.
    await expect.poll(async () => (await certificationOf(manager)).status, { timeout: 5_000 }).toBe('BLOCKED');
    await daan.goto(`${server.url}/o/${org.id}/certification`);
    await daan.getByTestId('certification-status').getByText(/Blocked/i).first().waitFor();
    await daan.screenshot({ path: path.join(ARTIFACTS, 'certification-blocked.png') });

    // The corrective action is worked and verified (API for the contributor, browser for the auditor).
    const finding = (await manager.ok(`query($id: ID!) { node(id: $id) { ... on Audit { findings { id } } } }`, { id: stage2.id })).node.findings[0];
    const { createCorrectiveAction } = await manager.ok(`mutation($input: CreateCorrectiveActionInput!) { createCorrectiveAction(input: $input) { correctiveAction { id version } } }`, {
      input: { findingId: finding.id, ownerId: org.users.CONTRIBUTOR.id, correction: 'Access of all leavers removed.' },
    });
    let version = createCorrectiveAction.correctiveAction.version;
    for (const input of [
      { status: 'IN_PROGRESS', rootCauseMethod: 'FIVE_WHYS', rootCause: 'HR did not tell IT.', action: 'Leavers come from the HR system.', preventiveMeasures: 'Monthly reconciliation.' },
      { status: 'IMPLEMENTED' },
    ]) {
      const { updateCorrectiveAction } = await org.as.CONTRIBUTOR.ok(`mutation($input: UpdateCorrectiveActionInput!) { updateCorrectiveAction(input: $input) { correctiveAction { version } } }`, {
        input: { id: createCorrectiveAction.correctiveAction.id, version, ...input },
      });
      version = updateCorrectiveAction.correctiveAction.version;
    }
    await auditor.goto(`${server.url}/o/${org.id}/audits/${stage2.id}?tab=findings`);
    await auditor.getByRole('radio', { name: 'Effective', exact: true }).first().check();
    await auditor.getByRole('button', { name: 'Verify', exact: true }).first().click();
    await expect
      .poll(async () => (await manager.ok(`query($id: ID!) { node(id: $id) { ... on CorrectiveAction { status } } }`, { id: createCorrectiveAction.correctiveAction.id })).node.status, { timeout: 10_000 })
      .toBe('VERIFIED');

    // Unblocked once the audit is reporting: decision and certificate in the browser.
    const { node: s2 } = await org.as.AUDITOR.ok(`query($id: ID!) { node(id: $id) { ... on Audit { version } } }`, { id: stage2.id });
    for (const [status, v] of [['IN_PROGRESS', s2.version], ['REPORTING', s2.version + 1]] as const) {
      await org.as.AUDITOR.ok(`mutation($input: UpdateAuditInput!) { updateAudit(input: $input) { audit { id } } }`, { input: { id: stage2.id, version: v, status } });
    }
    await expect.poll(async () => (await certificationOf(manager)).status, { timeout: 5_000 }).toBe('READY_FOR_DECISION');
    await daan.goto(`${server.url}/o/${org.id}/certification`);
    await daan.getByRole('button', { name: 'Record decision' }).waitFor({ timeout: 10_000 });
    await daan.getByLabel('Decision', { exact: true }).selectOption({ label: 'Granted' });
    await daan.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(async () => (await certificationOf(manager)).status, { timeout: 10_000 }).toBe('CERTIFIED');
    await daan.getByRole('button', { name: 'Record certificate' }).waitFor({ timeout: 10_000 });
    await daan.getByRole('textbox', { name: /^Certification body/ }).fill('Certibody B.V.');
    await daan.getByRole('textbox', { name: /^Certificate number/ }).fill('ISMS-2026-042');
    await daan.getByRole('textbox', { name: /^Scope/ }).fill('The platform and its support.');
    await daan.getByRole('button', { name: 'Record certificate' }).click();
    await expect
      .poll(async () => (await manager.ok(`query($id: ID!) { organization(id: $id) { certification { certificate { certificateNumber } } } }`, { id: org.id })).organization.certification.certificate?.certificateNumber, { timeout: 10_000 })
      .toBe('ISMS-2026-042');
    await expect.poll(async () => (await certificationOf(manager)).status, { timeout: 10_000 }).toBe('CERTIFIED');
    const next = (await certificationOf(manager)).nextAudits.map((n: { kind: string; dueOn: string }) => `${n.kind} ${n.dueOn}`);
    expect(next).toEqual(expect.arrayContaining([`SURVEILLANCE ${addMonths(today, 12)}`, `SURVEILLANCE ${addMonths(today, 24)}`]));
    await daan.getByText(/Certified/).first().waitFor({ timeout: 10_000 });
    await daan.screenshot({ path: path.join(ARTIFACTS, 'certification-certified.png') });
    await daan.context().close();
    await auditor.context().close();
  });
});
