// Browser end-to-end for the Measures screen (issue 14 "Measures"): through the harness, the real
// services and store. A manager opens "Measures" from the navigation on the last complete month,
// picks the last 12 months, opens the referrals behind "decided in time" (a grid paged by the
// store, each reference a link), follows one to its referral, and reads the same numbers as
// tables. axe on each state; screenshot at 1280×720 (full page) to /tmp/shots/measures.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../shared/calendar/clocks';
import { defaultPeriod, describePeriod, quickPeriod } from '../../shared/measures/period';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, screenshot } from '../helpers/page-tools';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-measures-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  // The harness user is made a duty worker, manager and administrator.
  await seedDatabase({ dataDir, referrals: 80, user: 'e2e-admin' });
  harness = await startHarness({ dataDir, user: 'e2e-admin', build: false });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(harness.url);
  await page.getByRole('heading', { level: 1, name: 'Referral queue' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const today = () => londonDate(new Date().toISOString());
const received = () => page.getByText(/^Referrals received \d\d\/\d\d\/\d{4} to \d\d\/\d\d\/\d{4}/);

describe('measures', () => {
  it('opens on the last complete month, then the last 12 months', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByText('Measures').click();
    await page.getByRole('heading', { level: 1, name: 'Measures' }).waitFor();
    const month = defaultPeriod(today());
    await expect
      .poll(async () => page.getByText(`Referrals received ${describePeriod(month)}`).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Last 12 months' }).click();
    const year = quickPeriod('last-12-months', today());
    await page.getByText(`Referrals received ${describePeriod(year)}`).waitFor();
    const figures = await callApi(page, 'measures:get', year);
    expect(figures.volume.contacts).toBeGreaterThan(0);
    const tile = page.getByRole('region', { name: 'Decided within one working day' });
    await tile
      .getByText(
        `${String(figures.decisions.onTime.count)} of ${String(figures.decisions.onTime.of)} decided in time`,
      )
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'measures');
    for (const id of ['#measures-outcomes', '#measures-timeliness', '#measures-source']) {
      await page.locator(id).waitFor();
    }
  });

  it('opens the referrals a figure counts, a page at a time, and follows one', async () => {
    const year = quickPeriod('last-12-months', today());
    const figures = await callApi(page, 'measures:get', year);
    const inTime = figures.decisions.onTime.count;
    await page
      .getByRole('region', { name: 'Decided within one working day' })
      .getByRole('button', { name: `See the ${String(inTime)} in time` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Decided within the decision clock' });
    await dialog.waitFor();
    await dialog
      .getByText(`Showing 1–${String(Math.min(25, inTime))} of ${String(inTime)}`)
      .waitFor();
    const links = dialog.getByRole('link', { name: /^FD-\d{4}-\d{6}$/ });
    // The grid holds one page (25 rows) and draws what fits; its row count says how many it holds.
    await expect
      .poll(() => dialog.getByRole('grid').getAttribute('aria-rowcount'))
      .toBe(String(Math.min(25, inTime) + 1));
    expect(await links.count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'measures-drill');
    const first = (await links.first().textContent()) ?? '';
    await links.first().click();
    await page.waitForURL(/#\/referrals\/[^/]+$/);
    // The referral page's own heading line, not any text that happens to be the reference alone
    // (only some referral pages have one: a referral with no letters or discussions has none).
    await page.getByText(`Reference ${first}`, { exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByText('Measures').click();
    await page.getByRole('heading', { level: 1, name: 'Measures' }).waitFor();
  });

  it('reads the same numbers as tables', async () => {
    await page.getByRole('button', { name: 'Tables' }).click();
    await page.getByRole('table', { name: 'Type of response decided' }).waitFor();
    await page.getByRole('table', { name: 'Contacts by referral source' }).waitFor();
    await expect(received().count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'measures-tables');
  });
});
