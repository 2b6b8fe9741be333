import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { ApiClient } from '../support/client.js';
import { EXAMPLE_PASSWORD } from '../../server/src/modules/example-data/seed.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let daanApi: ApiClient;
let org: string;
beforeAll(async () => {
  server = await startTestServer({ ANNEX_SEED: 'true', COLLAB_DEBOUNCE_MS: '500', COLLAB_MAX_DEBOUNCE_MS: '2000' }, 'e2e_documents');
  ({ browser, close: closeBrowser } = await launchBrowser());
  daanApi = await new ApiClient(server.url).signIn('daan@lumen-logistics.example', EXAMPLE_PASSWORD);
  const { viewer } = await daanApi.ok(`{ viewer { memberships { organization { id } } } }`);
  org = viewer.memberships[0].organization.id;
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

async function signIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(EXAMPLE_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/o\/org_/);
  return page;
}

/** The editor's text without the other people's caret labels. */
const editorText = (page: Page) =>
  page.getByRole('textbox', { name: 'Document text' }).evaluate((element) => {
    // Runs in the browser (the test project has no DOM types).
    const copy = (element as { cloneNode(deep: boolean): unknown }).cloneNode(true) as {
      querySelectorAll(selector: string): { forEach(each: (node: { remove(): void }) => void): void };
      innerText: string;
    };
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.innerText;
  });

async function memberId(email: string): Promise<string> {
  const { organization } = await daanApi.ok(`query($id: ID!) { organization(id: $id) { members { user { id email } } } }`, { id: org });
  return organization.members.find((m: { user: { email: string } }) => m.user.email === email).user.id;
}

const draftOf = async (id: string) => (await daanApi.ok(`query($id: ID!) { node(id: $id) { ... on Document { draft { text version } versions { number status } } } }`, { id })).node;

describe('documents in the browser', () => {
  it('shows the register with the example policies, the mandatory-documents checklist and the consistency panel', async () => {
    const page = await signIn('daan@lumen-logistics.example');
    await page.goto(`${server.url}/o/${org}/documents`);
    await page.getByRole('link', { name: 'Information security policy', exact: true }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'documents.png') });
    await page.goto(`${server.url}/o/${org}/documents?tab=mandatory`);
    await page.getByText(/of 33 satisfied/).first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'documents-mandatory.png') });
    await page.goto(`${server.url}/o/${org}/documents?tab=consistency`);
    await page.getByRole('heading', { name: 'Errors' }).first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'documents-consistency.png') });
    await page.context().close();
  });

  it('two browsers co-edit one policy live and converge, seeing each other', async () => {
    const priyaId = await memberId('priya@lumen-logistics.example');
    const { createDocument } = await daanApi.ok(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`, {
      input: { organizationId: org, title: 'Remote working policy', kind: 'POLICY', ownerId: priyaId, content: '<h1>Remote working policy</h1><p>Purpose.</p>' },
    });
    const id = createDocument.document.id;
    const daan = await signIn('daan@lumen-logistics.example');
    const priya = await signIn('priya@lumen-logistics.example');
    await Promise.all([daan.goto(`${server.url}/o/${org}/documents/${id}?tab=edit`), priya.goto(`${server.url}/o/${org}/documents/${id}?tab=edit`)]);
    const daanEditor = daan.getByRole('textbox', { name: 'Document text' });
    const priyaEditor = priya.getByRole('textbox', { name: 'Document text' });
    await daanEditor.getByText('Purpose.').waitFor({ timeout: 15_000 });
    await priyaEditor.getByText('Purpose.').waitFor({ timeout: 15_000 });

    // Both type at the same time, at the end of the text.
    await daanEditor.click();
    await daan.keyboard.press('Control+End');
    await priyaEditor.click();
    await priya.keyboard.press('Control+End');
    await Promise.all([
      daan.keyboard.type(' Laptops stay encrypted.', { delay: 15 }),
      priya.keyboard.type(' Public Wi-Fi only through the VPN.', { delay: 15 }),
    ]);
    for (const page of [daan, priya]) {
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('Laptops stay encrypted.');
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('Public Wi-Fi only through the VPN.');
    }
    await expect.poll(async () => (await editorText(daan)) === (await editorText(priya)), { timeout: 10_000 }).toBe(true);
    // Each sees the other's caret with their name.
    await daan.locator('.collaboration-carets__label', { hasText: 'Priya Raman' }).waitFor({ timeout: 10_000 });
    await priya.locator('.collaboration-carets__label', { hasText: 'Daan Bakker' }).waitFor({ timeout: 10_000 });
    await daan.screenshot({ path: path.join(ARTIFACTS, 'document-editor.png') });
    // And the server stored what both typed.
    await expect
      .poll(async () => (await draftOf(id)).draft.text, { timeout: 15_000 })
      .toMatch(/(?=.*Laptops stay encrypted\.)(?=.*Public Wi-Fi only through the VPN\.)/s);
    await daan.context().close();
    await priya.context().close();
  });

  it('submit → approve → publish → acknowledge in the browser; an edit after approval visibly withdraws it', async () => {
    const { createDocument } = await daanApi.ok(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`, {
      input: { organizationId: org, title: 'Clear desk policy', kind: 'POLICY', content: '<h1>Clear desk policy</h1><p>Lock your screen.</p>' },
    });
    const id = createDocument.document.id;
    const daan = await signIn('daan@lumen-logistics.example');
    const eva = await signIn('eva@lumen-logistics.example');
    const noah = await signIn('noah@lumen-logistics.example');

    // Daan submits version 1.0 to Eva.
    await daan.goto(`${server.url}/o/${org}/documents/${id}?tab=edit`);
    await daan.getByRole('textbox', { name: 'Document text' }).getByText('Lock your screen.').waitFor({ timeout: 15_000 });
    await daan.getByRole('button', { name: 'Submit for approval' }).click();
    const dialog = daan.getByRole('dialog');
    await daan.screenshot({ path: path.join(ARTIFACTS, 'document-submit.png') });
    await dialog.getByRole('textbox', { name: /^Change summary/ }).fill('First issue of the clear desk policy.');
    await dialog.getByRole('button', { name: 'Send for approval' }).click();
    await daan.getByText('1.0 awaiting approval').first().waitFor({ timeout: 10_000 });
    await daan.getByText('Editing the text withdraws that request').first().waitFor();

    // Eva approves from her approvals, seeing the version.
    await eva.goto(`${server.url}/o/${org}/approvals`);
    await eva.getByText(/Clear desk policy 1\.0/).first().click();
    const drawer = eva.getByRole('dialog');
    await drawer.getByText('Lock your screen.').first().waitFor({ timeout: 10_000 });
    await eva.screenshot({ path: path.join(ARTIFACTS, 'document-approval.png') });
    await drawer.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(async () => (await draftOf(id)).versions[0]?.status, { timeout: 10_000 }).toBe('APPROVED');

    // Daan's page shows it live; he publishes.
    await daan.getByRole('button', { name: 'Publish version 1.0' }).waitFor({ timeout: 10_000 });
    await daan.getByRole('button', { name: 'Publish version 1.0' }).click();
    await daan.getByText('Published 1.0').first().waitFor({ timeout: 10_000 });

    // Noah reads and acknowledges it.
    await noah.goto(`${server.url}/o/${org}/documents/${id}?read=1`);
    await noah.getByText('Lock your screen.').first().waitFor({ timeout: 10_000 });
    await noah.getByRole('button', { name: 'Acknowledge' }).first().click();
    await noah.getByText(/You acknowledged version 1\.0/).first().waitFor({ timeout: 10_000 });
    await noah.screenshot({ path: path.join(ARTIFACTS, 'document-read.png') });

    // Version 1.1: approved, then Daan edits before publishing — the approval is withdrawn, visibly.
    await daan.goto(`${server.url}/o/${org}/documents/${id}?tab=edit`);
    const editor = daan.getByRole('textbox', { name: 'Document text' });
    await editor.getByText('Lock your screen.').waitFor({ timeout: 15_000 });
    await editor.click();
    await daan.keyboard.press('Control+End');
    await daan.keyboard.type(' Papers go in the locked cabinet.', { delay: 10 });
    await expect.poll(async () => (await draftOf(id)).draft.text, { timeout: 15_000 }).toContain('locked cabinet');
    const { submitDocumentForApproval } = await daanApi.ok(
      `mutation($input: SubmitDocumentForApprovalInput!) { submitDocumentForApproval(input: $input) { approvalRequest { id } } }`,
      { input: { documentId: id, approverIds: [await memberId('eva@lumen-logistics.example')], changeSummary: 'Papers too.', major: false } },
    );
    const evaApi = await new ApiClient(server.url).signIn('eva@lumen-logistics.example', EXAMPLE_PASSWORD);
    await evaApi.ok(`mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { approvalRequest { status } } }`, {
      input: { approvalRequestId: submitDocumentForApproval.approvalRequest.id, decision: 'APPROVE' },
    });
    await daan.getByText('1.1 approved').first().waitFor({ timeout: 10_000 });
    await editor.click();
    await daan.keyboard.press('Control+End');
    await daan.keyboard.type(' Also at home.', { delay: 10 });
    await daan.getByText(/withdrew the approval request for 1\.1/).first().waitFor({ timeout: 15_000 });
    await daan.screenshot({ path: path.join(ARTIFACTS, 'document-withdrawn.png') });
    expect((await draftOf(id)).versions[0]).toEqual({ number: '1.1', status: 'WITHDRAWN' });

    // The history compares the versions.
    await daan.goto(`${server.url}/o/${org}/documents/${id}?tab=history`);
    await daan.getByText('1.1').first().waitFor();
    await daan.screenshot({ path: path.join(ARTIFACTS, 'document-history.png') });
    for (const page of [daan, eva, noah]) await page.context().close();
  });
});
