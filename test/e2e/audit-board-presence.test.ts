import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayUtc, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let org: TestOrg;
let auditId: string;
beforeAll(async () => {
  server = await startTestServer({}, 'e2e_presence');
  ({ browser, close: closeBrowser } = await launchBrowser());
  org = await buildOrganization(server, 'Board Presence B.V.');
  const today = todayUtc();
  auditId = (
    await org.as.ISMS_MANAGER.ok(`mutation($input: CreateAuditInput!) { createAudit(input: $input) { audit { id } } }`, {
      input: { organizationId: org.id, kind: 'STAGE2', title: 'Stage 2 on site', startDate: today, endDate: addDays(today, 2), leadAuditorId: org.users.AUDITOR.id },
    })
  ).createAudit.audit.id;
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

/** A browser of its own for a member, signed in with the session the factory made (the sign-in page is tested elsewhere). */
async function signIn(role: Role): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const cookie = org.as[role].cookie!;
  const at = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

async function openBoard(role: Role): Promise<Page> {
  const page = await signIn(role);
  await page.goto(`${server.url}/o/${org.id}/audits/${auditId}/board`);
  await page.getByRole('heading', { name: 'Here now' }).waitFor();
  return page;
}

/** The people a board lists as online, by their accessible names ("Name, what they are here as"). */
const online = (page: Page) => page.getByRole('list', { name: 'Online now' }).getByRole('listitem');
const person = (page: Page, name: RegExp) => page.getByRole('list', { name: 'Online now' }).getByRole('listitem', { name });

describe('who is online on the audit-week board', () => {
  it('shows each browser the others, auditors set apart, and drops whoever leaves', { timeout: 180_000 }, async () => {
    const manager = await openBoard('ISMS_MANAGER');
    await person(manager, /ISMS_MANAGER Person \(you\), ISMS manager/).waitFor();

    // The lead auditor opens the board: once their own board lists them, the manager's does too.
    const auditor = await openBoard('AUDITOR');
    await person(auditor, /AUDITOR Person \(you\), Lead auditor/).waitFor();
    await person(auditor, /ISMS_MANAGER Person, ISMS manager/).waitFor({ timeout: 5_000 });
    await person(manager, /AUDITOR Person, Lead auditor/).waitFor({ timeout: 5_000 });
    // Auditors first, and marked.
    expect(await online(manager).first().getAttribute('aria-label')).toMatch(/Lead auditor/);
    await manager.screenshot({ path: path.join(ARTIFACTS, 'audit-board-presence.png') });

    // A third person arrives: everyone sees three.
    const management = await openBoard('MANAGEMENT');
    for (const page of [manager, auditor, management]) await expect.poll(() => online(page).count(), { timeout: 5_000 }).toBe(3);
    await auditor.screenshot({ path: path.join(ARTIFACTS, 'audit-board-presence-auditor.png') });

    // Closing the tab leaves the board at once (a keepalive request on pagehide); navigating away too.
    await auditor.close();
    await person(manager, /AUDITOR Person/).waitFor({ state: 'detached', timeout: 5_000 });
    await management.goto(`${server.url}/o/${org.id}/audits`);
    await person(manager, /MANAGEMENT Person/).waitFor({ state: 'detached', timeout: 5_000 });
    expect(await online(manager).count()).toBe(1);

    // An employee may not see the audit, so is never on its board.
    const employee = await signIn('EMPLOYEE');
    await employee.goto(`${server.url}/o/${org.id}/audits/${auditId}/board`);
    await employee.getByRole('heading', { name: 'Not available for your role' }).waitFor();
    const rows = (await server.services.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_presence WHERE user_id = $1`, [org.users.EMPLOYEE.id])) as Array<{ n: number }>;
    expect(rows[0]!.n).toBe(0);
    await employee.context().close();
    await manager.context().close();
    await management.context().close();
  });
});
