import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { EXAMPLE_PASSWORD } from '../../server/src/modules/example-data/seed.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  server = await startTestServer({ ANNEX_SEED: 'true' }, 'e2e');
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

async function signIn(email: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(EXAMPLE_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/o\/org_/);
  return { context, page };
}

describe('the web application', () => {
  it('sends a signed-out visitor to sign in, then shows the shell with the journey areas', async () => {
    const { context, page } = await signIn('daan@lumen-logistics.example');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Audit trail', exact: true }).waitFor();
    for (const area of ['Dashboard', 'My work', 'Gap analysis', 'Risks', 'Statement of Applicability', 'Documents', 'Training', 'Audits', 'Audit trail', 'Members', 'Settings']) {
      await expect(nav.getByRole('link', { name: area, exact: true }).count()).resolves.toBe(1);
    }
    await expect(page.getByText('Welcome, Daan').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'shell-dashboard.png') });
    // An area opens from the navigation.
    await nav.getByRole('link', { name: 'Risks', exact: true }).click();
    await page.getByRole('heading', { name: 'Risks' }).waitFor();
    await expect(page.getByText(/likelihood/i).first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('invites a colleague by e-mail; the colleague accepts from the link and lands in the organisation', async () => {
    const { context, page } = await signIn('daan@lumen-logistics.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('button', { name: 'Invite member' }).click();
    const email = `new.joiner.${Date.now()}@lumen-logistics.example`;
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('E-mail', { exact: true }).fill(email);
    await dialog.getByLabel('Role', { exact: true }).click();
    await page.getByRole('option', { name: /Contributor/ }).click();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(email).first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'members-invited.png') });

    const mail = await server.mail.waitFor((m) => m.to.includes(email));
    const link = /(http\S+accept-invitation\?token=\S+)/.exec(mail.text)![1]!;
    const invitee = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const invitePage = await invitee.newPage();
    await invitePage.goto(link);
    await invitePage.getByText('Lumen Logistics B.V.').first().waitFor();
    await invitePage.getByLabel('Name', { exact: true }).fill('Nina Joiner');
    await invitePage.getByLabel('Password', { exact: true }).fill('Nina-Long-Passphrase-42');
    await invitePage.getByRole('button', { name: 'Accept invitation' }).click();
    await invitePage.getByText('Welcome, Nina').waitFor();
    await invitePage.screenshot({ path: path.join(ARTIFACTS, 'invitee-dashboard.png') });

    // The inviter sees the new member and the whole story in the audit trail, and the chain verifies.
    await page.getByRole('navigation').getByRole('link', { name: 'Audit trail', exact: true }).click();
    await page.getByText('Invitation accepted').first().waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(/Chain intact/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'audit-trail.png') });
    await invitee.close();
    await context.close();
  });

  it('hides what a role may not use, and signs out', async () => {
    const { context, page } = await signIn('noah@lumen-logistics.example');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Members', exact: true }).waitFor();
    await expect(nav.getByRole('link', { name: 'Audit trail', exact: true }).count()).resolves.toBe(0);
    await nav.getByRole('link', { name: 'Members', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Invite member' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });
});
