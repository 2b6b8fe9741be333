import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { ARTIFACTS, launchBrowser, signInPage } from '../support/browser.js';
import { buildOrganization, TEST_PASSWORD, type TestOrg } from '../support/factories.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer({}, 'e2e_evidence');
  ({ browser, close: closeBrowser } = await launchBrowser());
  org = await buildOrganization(server, 'Evidenced B.V.');
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

const signIn = (email: string): Promise<Page> => signInPage(browser, server.url, email, TEST_PASSWORD);

const LIST = `query($id: ID!, $ref: String, $subject: ID) { organization(id: $id) { evidence(controlRef: $ref, subjectId: $subject) { title controlRefs effectiveOn expiresOn expired subject { id } file { filename sha256 } } } }`;

/** Fills the "Attach evidence" form of the panel and sends it. */
async function attach(panel: ReturnType<Page['getByRole']>, file: { name: string; mimeType: string; buffer: Buffer }, fields: { title: string; effectiveOn: string; expiresOn?: string }) {
  await panel.getByRole('button', { name: 'Attach evidence' }).click();
  const form = panel.getByRole('form', { name: 'Attach evidence' });
  await form.locator('input[type="file"]').setInputFiles(file);
  await form.getByRole('textbox', { name: 'Evidence title' }).fill(fields.title);
  await form.getByLabel('Effective on').fill(fields.effectiveOn);
  if (fields.expiresOn) await form.getByLabel('Expires on').fill(fields.expiresOn);
  await form.getByRole('button', { name: 'Attach', exact: true }).click();
  await panel.getByRole('listitem', { name: fields.title }).waitFor();
}

describe('evidence on controls and tasks in the browser', () => {
  it('attaches a file to a control in the SoA panel and lists it with its hash, dates and expiry', async () => {
    const page = await signIn(org.users.ISMS_MANAGER.email);

    // A control of the SoA, searched for in the table (the filter is in the address): open its
    // panel from its row and attach the restore test.
    await page.goto(`${server.url}/o/${org.id}/statement-of-applicability?search=A.8.13`);
    const row = page.locator('tr[data-control-ref="A.8.13"]');
    await row.getByRole('button', { name: /^Open A\.8\.13 / }).click();
    await page.waitForURL(/control=A\.8\.13/);
    const controlPanel = page.getByRole('dialog');
    await controlPanel.getByText('A.8.13 Information backup').waitFor();
    await controlPanel.getByText('No evidence for A.8.13 yet.', { exact: false }).waitFor();
    const restore = Buffer.from('%PDF-1.4\nRestore test: customer database restored in 42 minutes.\n%%EOF\n');
    await attach(controlPanel, { name: 'restore-test-october.pdf', mimeType: 'application/pdf', buffer: restore }, { title: 'Restore test October', effectiveOn: '2026-10-15', expiresOn: '2099-10-15' });
    const controlItem = controlPanel.getByRole('listitem', { name: 'Restore test October' });
    await controlItem.getByText('restore-test-october.pdf').waitFor();
    expect(await controlItem.getByRole('link', { name: 'Download restore-test-october.pdf' }).getAttribute('href')).toMatch(/^\/files\/fil_/);
    await controlItem.getByText('Effective 15 Oct 2026', { exact: false }).waitFor();
    await controlItem.getByText('Until 15 Oct 2099').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-control.png') });

    const onControl = (await org.as.MANAGEMENT.ok(LIST, { id: org.id, ref: 'A.8.13' })).organization.evidence;
    expect(onControl).toMatchObject([{ title: 'Restore test October', controlRefs: ['A.8.13'], effectiveOn: '2026-10-15', expiresOn: '2099-10-15', expired: false, subject: null, file: { filename: 'restore-test-october.pdf' } }]);
    // Closing the panel takes the control out of the address.
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.search.includes('control='));
    await page.context().close();
  });

  it('attaches files to a task, flags the expired one, and says why a refused file was not attached', async () => {
    const page = await signIn(org.users.ISMS_MANAGER.email);
    // A task: its drawer lists what was attached to it; an old record shows as expired.
    const { createTask } = await org.as.ISMS_MANAGER.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
      input: { organizationId: org.id, title: 'Review admin accounts', assigneeId: org.users.ISMS_MANAGER.id },
    });
    const taskId = createTask.task.id as string;
    await page.goto(`${server.url}/o/${org.id}/tasks?task=${taskId}`);
    const taskPanel = page.getByRole('dialog');
    await taskPanel.getByRole('region', { name: 'Evidence' }).waitFor();
    await attach(taskPanel, { name: 'admin-accounts.csv', mimeType: 'text/csv', buffer: Buffer.from('account,owner,justified\nroot,daan,yes\n') }, { title: 'Admin accounts Q1', effectiveOn: '2025-01-10', expiresOn: '2025-04-10' });
    await attach(taskPanel, { name: 'admin-accounts-q4.csv', mimeType: 'text/csv', buffer: Buffer.from('account,owner,justified\nroot,daan,yes\nbackup,sanne,yes\n') }, { title: 'Admin accounts Q4', effectiveOn: '2026-10-01' });
    const expiredItem = taskPanel.getByRole('listitem', { name: 'Admin accounts Q1' });
    await expiredItem.getByText('Expired', { exact: true }).waitFor();
    await taskPanel.getByRole('listitem', { name: 'Admin accounts Q4' }).getByText('admin-accounts-q4.csv').waitFor();
    await taskPanel.getByText('1 expired').waitFor();
    await taskPanel.getByRole('region', { name: 'Evidence' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-task.png') });

    const onTask = (await org.as.MANAGEMENT.ok(LIST, { id: org.id, subject: taskId })).organization.evidence;
    expect(onTask.map((e: { title: string; expired: boolean }) => [e.title, e.expired])).toEqual([
      ['Admin accounts Q4', false],
      ['Admin accounts Q1', true],
    ]);

    // A file the server refuses says why, and nothing is attached.
    await taskPanel.getByRole('button', { name: 'Attach evidence' }).click();
    const form = taskPanel.getByRole('form', { name: 'Attach evidence' });
    await form.locator('input[type="file"]').setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await form.getByRole('button', { name: 'Attach', exact: true }).click();
    await form.getByText('“setup.exe” was not attached', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-form.png') });
    expect((await org.as.MANAGEMENT.ok(LIST, { id: org.id, subject: taskId })).organization.evidence).toHaveLength(2);
    await page.context().close();
  });
});
