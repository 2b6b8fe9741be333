import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { todayUtc } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { ARTIFACTS, launchBrowser, signInPage } from '../support/browser.js';
import { buildOrganization, TEST_PASSWORD, type TestOrg } from '../support/factories.js';
import { EXAMPLE_PASSWORD } from '../../server/src/modules/example-data/seed.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer({ ANNEX_SEED: 'true' }, 'e2e_management_reviews');
  ({ browser, close: closeBrowser } = await launchBrowser());
  org = await buildOrganization(server, 'Reviewing B.V.');
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

const signIn = (email: string, password: string): Promise<Page> => signInPage(browser, server.url, email, password, { viewport: { width: 1440, height: 1000 }, acceptDownloads: true });

const reviewOf = async (id: string) =>
  (await org.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { ... on ManagementReview { status frozen decisions { tracked task { id status } } } } }`, { id })).node;

describe('management reviews in the browser', () => {
  it('shows the example reviews: one signed off and frozen, one in preparation', async () => {
    const daan = await signIn('daan@lumen-logistics.example', EXAMPLE_PASSWORD);
    const lumen = /\/o\/(org_[0-9a-f]+)/.exec(daan.url())![1]!;
    await daan.getByRole('link', { name: 'Management reviews' }).click();
    await daan.getByText('Review cadence').waitFor();
    await daan.screenshot({ path: path.join(ARTIFACTS, 'management-reviews.png') });
    await daan.getByRole('link', { name: /Management review, / }).last().click();
    await daan.getByTestId('frozen-banner').waitFor();
    await daan.getByRole('tab', { name: /Decisions/ }).click();
    await daan.getByTestId('decision').nth(4).waitFor();
    expect(await daan.getByTestId('decision').count()).toBe(5);
    await daan.goto(`${server.url}/o/${lumen}/management-reviews`);
    await daan.getByRole('link', { name: /Management review, / }).first().click();
    await daan.getByRole('button', { name: 'Refresh pack' }).waitFor();
    await daan.getByRole('region', { name: 'Status of actions from previous management reviews' }).waitFor();
    await daan.screenshot({ path: path.join(ARTIFACTS, 'management-review-pack.png'), fullPage: true });
    await daan.context().close();
  });

  it('prepares the pack, records a decision and makes it a task, is submitted, approved by management, shows frozen and downloads as PDF', async () => {
    const today = todayUtc();
    const manager = await signIn(org.users.ISMS_MANAGER.email, TEST_PASSWORD);
    await manager.goto(`${server.url}/o/${org.id}/management-reviews`);
    await manager.getByRole('button', { name: 'Schedule the first review' }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Management review 2027');
    await dialog.getByLabel('Meeting date').fill(today);
    await dialog.getByRole('button', { name: 'Schedule review' }).click();
    await manager.waitForURL(/\/management-reviews\/mrv_/);
    const reviewId = /\/management-reviews\/(mrv_[0-9a-f]+)/.exec(manager.url())![1]!;

    // The pack, from live data; the entered inputs written in place.
    await manager.getByRole('button', { name: 'Prepare pack' }).first().click();
    await manager.getByRole('button', { name: 'Refresh pack' }).waitFor();
    await manager.getByRole('region', { name: 'Results of risk assessment and status of the risk treatment plan' }).waitFor();
    await manager.getByRole('button', { name: 'Edit: Changes in issues and interested parties' }).click();
    await manager.getByRole('textbox', { name: 'Changes in issues and interested parties' }).fill('A new public-sector customer requires certification.');
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    await manager.getByText('A new public-sector customer requires certification.').waitFor();
    await manager.getByRole('button', { name: 'Edit: Feedback from interested parties' }).click();
    await manager.getByRole('textbox', { name: 'Feedback from interested parties' }).fill('Customers ask when we will be certified.');
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    await manager.getByText('Customers ask when we will be certified.').waitFor();

    // The meeting.
    await manager.getByRole('tab', { name: /Meeting/ }).click();
    await manager.getByLabel('Held on').fill(today);
    await manager.getByLabel('Minutes').fill('The ISMS is suitable, adequate and effective.');
    await manager.getByRole('button', { name: 'Save the meeting' }).click();
    await expect.poll(async () => (await reviewOf(reviewId)).status, { timeout: 10_000 }).toBe('HELD');

    // A decision, made a tracked task.
    await manager.getByRole('tab', { name: /Decisions/ }).click();
    await manager.getByRole('button', { name: 'Record a decision' }).click();
    await manager.getByLabel('Decision', { exact: true }).fill('Connect the platform logs to a SIEM by the end of the quarter.');
    await manager.getByLabel('Owner', { exact: true }).click();
    await manager.getByRole('option', { name: 'CONTRIBUTOR Person' }).click();
    await manager.getByRole('button', { name: 'Add decision' }).click();
    await manager.getByRole('button', { name: /^Create task/ }).click();
    await manager.getByRole('link', { name: 'Open the task' }).waitFor();
    expect((await reviewOf(reviewId)).decisions).toEqual([{ tracked: true, task: { id: expect.any(String), status: 'OPEN' } }]);
    await manager.screenshot({ path: path.join(ARTIFACTS, 'management-review-decisions.png'), fullPage: true });

    // Submitted for sign-off; management approves in its own browser.
    await manager.getByRole('tab', { name: /Sign-off/ }).click();
    await manager.getByRole('button', { name: 'Submit for sign-off' }).click();
    await manager.getByRole('heading', { name: 'Awaiting management’s sign-off' }).waitFor();
    const management = await signIn(org.users.MANAGEMENT.email, TEST_PASSWORD);
    await management.goto(`${server.url}/o/${org.id}/management-reviews/${reviewId}?tab=sign-off`);
    await management.getByLabel('Comment').fill('Agreed.');
    await management.getByRole('button', { name: 'Approve and sign off' }).click();
    await management.getByTestId('frozen-banner').waitFor();
    await expect.poll(async () => (await reviewOf(reviewId)).frozen, { timeout: 10_000 }).toBe(true);
    // The ISMS manager sees it frozen, live.
    await manager.getByTestId('frozen-banner').waitFor({ timeout: 10_000 });
    await manager.getByRole('tab', { name: /Meeting/ }).click();
    await manager.getByText('Signed off: the meeting record is frozen.').waitFor();
    expect(await manager.getByRole('button', { name: 'Save the meeting' }).count()).toBe(0);
    await manager.screenshot({ path: path.join(ARTIFACTS, 'management-review-signed.png'), fullPage: true });

    // The PDF downloads.
    const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByRole('link', { name: 'Download PDF' }).first().click()]);
    expect(download.suggestedFilename()).toBe('management-review-management-review-2027.pdf');
    const file = await download.path();
    expect(fs.readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
    await management.context().close();
    await manager.context().close();
  });
});
