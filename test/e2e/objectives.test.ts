import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMonths, todayUtc } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { ARTIFACTS, launchBrowser, signInPage } from '../support/browser.js';
import { buildOrganization, TEST_PASSWORD, type TestOrg } from '../support/factories.js';
import { EXAMPLE_PASSWORD } from '../../server/src/modules/example-data/seed.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer({ ANNEX_SEED: 'true' }, 'e2e_objectives');
  ({ browser, close: closeBrowser } = await launchBrowser());
  org = await buildOrganization(server, 'Measuring B.V.');
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

const signIn = (email: string, password: string): Promise<Page> => signInPage(browser, server.url, email, password);

describe('objectives and indicators in the browser', () => {
  it('shows Lumen’s objectives, the indicators with their flags, and an indicator’s trend', async () => {
    const daan = await signIn('daan@lumen-logistics.example', EXAMPLE_PASSWORD);
    const lumen = /\/o\/(org_[0-9a-f]+)/.exec(daan.url())![1]!;
    await daan.getByRole('link', { name: 'Objectives & KPIs' }).click();
    await daan.getByRole('table', { name: 'Objectives' }).waitFor();
    await daan.getByText('Patch critical vulnerabilities within 14 days').waitFor();
    await daan.screenshot({ path: path.join(ARTIFACTS, 'objectives.png'), fullPage: true });

    // The drawer shows the objective with its indicator's trend, risks and controls.
    await daan.getByText('Recover the platform within the agreed times').click();
    const drawer = daan.getByRole('dialog');
    await drawer.getByText('Backups cannot be restored in time').waitFor();
    await drawer.getByText('A.8.13').waitFor();
    expect(await drawer.getByTestId('indicator-trend-chart').count()).toBe(2);
    await daan.keyboard.press('Escape');

    await daan.getByRole('tab', { name: /Indicators/ }).click();
    const indicators = daan.getByRole('table', { name: 'Indicators' });
    await indicators.waitFor();
    expect(await indicators.locator('tbody tr').count()).toBe(5);
    const restore = indicators.locator('tr[data-indicator="Backup restore tests passed"]');
    await restore.getByText('Off target').waitFor();
    await restore.getByText('Measurement due').waitFor();
    expect(daan.url()).toContain('tab=indicators');
    await daan.screenshot({ path: path.join(ARTIFACTS, 'indicators.png'), fullPage: true });

    await restore.getByRole('link', { name: 'Backup restore tests passed' }).click();
    await daan.waitForURL(new RegExp(`/o/${lumen}/objectives/indicators/ind_`));
    const chart = daan.getByTestId('indicator-trend-chart');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/3 measurements, the latest 50 % on .*; target ≥ 100 %/);
    await daan.getByRole('table', { name: 'Measurement history' }).getByText('Restore of the largest shard took 6 h 40 min.').waitFor();
    await daan.context().close();

    // Employees do not have the area.
    const noah = await signIn('noah@lumen-logistics.example', EXAMPLE_PASSWORD);
    await noah.getByRole('link', { name: 'Documents' }).first().waitFor();
    expect(await noah.getByRole('link', { name: 'Objectives & KPIs' }).count()).toBe(0);
    await noah.context().close();
  });

  it('defines an indicator, records measurements, and shows the trend chart and the off-target flag', async () => {
    const daan = await signIn(org.users.ISMS_MANAGER.email, TEST_PASSWORD);
    await daan.goto(`${server.url}/o/${org.id}/objectives?tab=indicators`);
    await daan.getByText('No indicator defined yet').waitFor();
    await daan.getByRole('button', { name: 'New indicator' }).first().click();
    const dialog = daan.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Training completion');
    await dialog.getByLabel('Unit', { exact: true }).fill('%');
    await dialog.getByLabel('Target', { exact: true }).fill('90');
    await dialog.getByLabel('Good when the value is', { exact: true }).click();
    await daan.getByRole('option', { name: /At least the target/ }).click();
    await dialog.getByRole('button', { name: 'Create indicator' }).click();
    await daan.waitForURL(/\/objectives\/indicators\/ind_/);
    await daan.getByRole('heading', { name: 'Training completion' }).waitFor();
    await daan.getByText('Not measured').first().waitFor();

    // A bad value is refused with the server's message next to the field.
    const form = daan.getByRole('form', { name: 'Record a measurement' });
    await form.getByLabel('Value', { exact: true }).fill('120');
    await form.getByRole('button', { name: 'Record measurement' }).click();
    await form.getByText('A percentage lies between 0 and 100.').waitFor();

    // Two months ago on target, today below it.
    await form.getByLabel('Value', { exact: true }).fill('93');
    await form.getByLabel('Measured on', { exact: true }).fill(addMonths(todayUtc(), -2));
    await form.getByRole('button', { name: 'Record measurement' }).click();
    await daan.getByRole('table', { name: 'Measurement history' }).getByText('93 %').waitFor();
    await daan.getByText('On target').first().waitFor();
    await form.getByLabel('Value', { exact: true }).fill('84');
    await form.getByLabel('Measured on', { exact: true }).fill(todayUtc());
    await form.getByRole('button', { name: 'Record measurement' }).click();
    await daan.getByRole('table', { name: 'Measurement history' }).getByText('84 %').waitFor();

    const chart = daan.getByTestId('indicator-trend-chart');
    await expect.poll(async () => chart.getAttribute('aria-label'), { timeout: 10_000 }).toMatch(/2 measurements, the latest 84 %.*target ≥ 90 %/);
    expect(await chart.locator('svg circle').count()).toBeGreaterThanOrEqual(2);
    await daan.getByText('Off target').first().waitFor();
    await daan.mouse.move(5, 5);
    await daan.screenshot({ path: path.join(ARTIFACTS, 'indicator-off-target.png'), fullPage: true });

    // The list flags it too, and the API agrees.
    await daan.goto(`${server.url}/o/${org.id}/objectives?tab=indicators&flag=off`);
    await daan.getByRole('table', { name: 'Indicators' }).locator('tr[data-indicator="Training completion"]').getByText('Off target').waitFor();
    const { organization } = await org.as.AUDITOR.ok(`query($id: ID!) { organization(id: $id) { indicators { name lastValue onTarget series { value } } } }`, { id: org.id });
    expect(organization.indicators).toEqual([{ name: 'Training completion', lastValue: 84, onTarget: false, series: [{ value: 93 }, { value: 84 }] }]);
    await daan.context().close();
  });

  it('keeps what was typed and takes the rest of a colleague’s change after "Reload latest"', async () => {
    const { createIndicator } = await org.as.ISMS_MANAGER.ok(
      `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { indicator { id version } } }`,
      { input: { organizationId: org.id, name: 'Phishing click rate', unit: '%', target: 5, direction: 'AT_MOST', frequency: 'MONTHLY', description: 'From the quarterly campaign.' } },
    );
    const indicator = createIndicator.indicator as { id: string; version: number };
    const daan = await signIn(org.users.ISMS_MANAGER.email, TEST_PASSWORD);
    await daan.goto(`${server.url}/o/${org.id}/objectives/indicators/${indicator.id}`);
    await daan.getByRole('button', { name: 'Edit indicator' }).click();
    const dialog = daan.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Phishing click rate (all staff)');
    // Meanwhile a colleague changes the description.
    await org.as.OWNER.ok(`mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { indicator { id } } }`, {
      input: { id: indicator.id, version: indicator.version, description: 'From the monthly simulated campaign.' },
    });
    await dialog.getByRole('button', { name: 'Save indicator' }).click();
    await dialog.getByRole('button', { name: 'Reload latest' }).click();
    await expect.poll(() => dialog.getByLabel('Method', { exact: true }).inputValue()).toBe('From the monthly simulated campaign.');
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('Phishing click rate (all staff)');
    await dialog.getByRole('button', { name: 'Save indicator' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const { node } = await org.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { ... on Indicator { name description } } }`, { id: indicator.id });
    expect(node).toEqual({ name: 'Phishing click rate (all staff)', description: 'From the monthly simulated campaign.' });
    await daan.context().close();
  });
});
