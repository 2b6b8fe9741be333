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
  server = await startTestServer({}, 'e2e_training');
  ({ browser, close: closeBrowser } = await launchBrowser());
  org = await buildOrganization(server, 'Training in the browser B.V.');
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

const signIn = (email: string): Promise<Page> => signInPage(browser, server.url, email, TEST_PASSWORD);

const coverage = async () =>
  (await org.as.OWNER.ok(`query($id: ID!) { organization(id: $id) { trainingCoverage { assigned current percent } } }`, { id: org.id })).organization.trainingCoverage;

describe('training in the browser', () => {
  it('a manager creates and assigns a course, an employee completes it in My training, and coverage follows live', async () => {
    const manager = await signIn(org.users.ISMS_MANAGER.email);
    await manager.goto(`${server.url}/o/${org.id}/training`);
    await manager.getByText('No course in the programme yet').waitFor();
    await manager.getByRole('button', { name: 'New course' }).click();
    const form = manager.getByRole('dialog');
    await form.getByLabel('Title').fill('Clean desk awareness');
    await form.getByLabel('Description').fill('Lock your screen, clear your desk, shred what is confidential.');
    await form.getByLabel('Duration (minutes)').fill('15');
    await form.getByRole('button', { name: 'Add course' }).click();

    // The new course opens over the list; it is assigned to the employees.
    const drawer = manager.getByRole('dialog', { name: 'Clean desk awareness' });
    await drawer.getByText('Nobody yet.', { exact: false }).waitFor();
    await drawer.getByRole('button', { name: 'Assign' }).click();
    const assign = manager.getByRole('dialog', { name: 'Assign “Clean desk awareness”' });
    await assign.getByText('Employee', { exact: true }).click();
    expect(await assign.getByLabel('Employee').isChecked()).toBe(true);
    await assign.getByRole('button', { name: 'Assign' }).click();
    await drawer.getByText('0 of 1').waitFor();
    await drawer.getByRole('row', { name: /EMPLOYEE Person/ }).getByText('To do').waitFor();
    expect(await coverage()).toMatchObject({ assigned: 1, current: 0, percent: 0 });
    await manager.screenshot({ path: path.join(ARTIFACTS, 'training-course.png') });

    // The employee finds it on My work and in My training, and completes it on their word.
    const employee = await signIn(org.users.EMPLOYEE.email);
    await employee.goto(`${server.url}/o/${org.id}/my-work`);
    await employee.getByRole('region', { name: 'My training' }).getByText('Clean desk awareness').waitFor();
    await employee.getByRole('link', { name: 'All your training' }).click();
    await employee.waitForURL(/\/training\/my$/);
    await employee.getByRole('button', { name: 'Complete Clean desk awareness' }).click();
    const complete = employee.getByRole('dialog', { name: 'Complete “Clean desk awareness”' });
    // Neither evidence nor their word: refused, with the reason next to the checkbox.
    await complete.getByRole('button', { name: 'Mark as completed' }).click();
    await complete.getByText('Attach evidence or confirm that you completed the course.').waitFor();
    await complete.getByLabel('I completed this course').check();
    await complete.getByRole('button', { name: 'Mark as completed' }).click();
    await employee.getByText('You are up to date on everything assigned to you.').waitFor();
    await employee.getByRole('region', { name: 'Completed' }).getByText('Clean desk awareness').waitFor();
    await employee.screenshot({ path: path.join(ARTIFACTS, 'training-my.png') });

    // The manager's open course updates by itself; so does the coverage page.
    await drawer.getByText('1 of 1').waitFor();
    await drawer.getByText('Everyone it is assigned to is current.').waitFor();
    expect(await coverage()).toMatchObject({ assigned: 1, current: 1, percent: 100 });
    await manager.goto(`${server.url}/o/${org.id}/training/coverage`);
    await manager.getByText('Nobody is missing anything here.').waitFor();
    await manager.getByText('current (1 of 1)').waitFor();
    await manager.screenshot({ path: path.join(ARTIFACTS, 'training-coverage.png') });

    // Employees see only their own training: no courses or coverage tabs, no coverage page.
    await employee.goto(`${server.url}/o/${org.id}/training/coverage`);
    await employee.getByRole('heading', { name: 'My training' }).waitFor();
    expect(await employee.getByRole('tab', { name: 'Coverage' }).count()).toBe(0);
    await manager.context().close();
    await employee.context().close();
  });
});
