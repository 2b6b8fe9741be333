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
beforeAll(async () => {
  server = await startTestServer({ ANNEX_SEED: 'true' }, 'e2e_live');
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

async function signIn(email: string): Promise<{ page: Page; organizationId: string }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(EXAMPLE_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/o\/org_/);
  const organizationId = /\/o\/(org_[0-9a-f]+)/.exec(page.url())![1]!;
  return { page, organizationId };
}

describe('live collaboration in two browsers', () => {
  it("shows a task created in one browser in the other's My work and bell within a second or two, and catches up after a dropped connection", async () => {
    const daan = await signIn('daan@lumen-logistics.example');
    const eva = await signIn('eva@lumen-logistics.example');
    const org = daan.organizationId;
    await eva.page.goto(`${server.url}/o/${org}/my-work`);
    await eva.page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    const bell = eva.page.getByRole('button', { name: 'Notifications' });
    const unread = async () => Number((await bell.innerText()).replace(/\D/g, '') || '0');
    const before = await unread();

    await daan.page.goto(`${server.url}/o/${org}/tasks`);
    await daan.page.getByRole('button', { name: 'New task' }).click();
    const title = `Check the SFTP allow-list ${Date.now()}`;
    const dialog = daan.page.getByRole('dialog');
    await dialog.getByLabel('Title', { exact: true }).fill(title);
    await dialog.getByLabel('Assignee', { exact: true }).click();
    await daan.page.getByRole('option', { name: 'Eva Smit' }).click();
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Create task' }).click();

    // Eva's page updates by itself: the task in My work, the bell count up.
    await eva.page.getByText(title).first().waitFor({ timeout: 5_000 });
    const delay = Date.now() - started;
    expect(delay).toBeLessThan(5_000);
    await expect.poll(unread, { timeout: 5_000 }).toBeGreaterThan(before);
    await eva.page.screenshot({ path: path.join(ARTIFACTS, 'live-my-work.png') });

    // The connection drops (every socket of the server is closed); a change happens meanwhile;
    // the page reconnects with its cursor and shows it without a reload.
    server.services.connections.closeAll(1012, 'Service restart');
    const api = await new ApiClient(server.url).signIn('daan@lumen-logistics.example', EXAMPLE_PASSWORD);
    const missed = `Made while Eva was disconnected ${Date.now()}`;
    const { organization } = await api.ok(`query($id: ID!) { organization(id: $id) { members { user { id name } } } }`, { id: org });
    const evaId = organization.members.find((m: { user: { name: string } }) => m.user.name === 'Eva Smit').user.id;
    await api.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, { input: { organizationId: org, title: missed, assigneeId: evaId } });
    await eva.page.getByText(missed).first().waitFor({ timeout: 20_000 });
    await eva.page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    await eva.page.screenshot({ path: path.join(ARTIFACTS, 'live-caught-up.png') });
  });
});
