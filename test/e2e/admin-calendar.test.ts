// Browser end-to-end for "Closure days and bank holidays" (issue 14). Through the harness: the real
// services and store. An administrator imports the GOV.UK bank holidays file through the file input
// and sees the years it covers; a file cut short is refused with the reason and changes nothing;
// a closure day is added, removed after confirming, and the removal undone. axe on each state; a
// screenshot at 1280×900.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, describeDate, londonDate } from '../../shared/calendar';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { formatUkDate } from '../../shared/validation/formats';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, field, screenshot } from '../helpers/page-tools';

const FIXTURES = join(__dirname, '../fixtures');

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-calendar-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  // The harness user is made a duty worker, manager and administrator.
  await seedDatabase({ dataDir, referrals: 1, user: 'e2e-admin' });
  harness = await startHarness({ dataDir, user: 'e2e-admin', build: false });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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

const api = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> =>
  callApi(page, channel, input);

/** The second working day from today (London): a weekday that is no bank holiday. */
function aWorkingDayAhead(): string {
  const today = londonDate(new Date().toISOString());
  return createWorkingDayCalendar().addWorkingDays(today, 2);
}

describe('closure days and bank holidays', () => {
  it('opens from the navigation and shows where the bank holidays come from', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByText('Closure days and bank holidays')
      .click();
    await page.getByRole('heading', { level: 1, name: 'Closure days and bank holidays' }).waitFor();
    const status = page.getByTestId('bank-holiday-status');
    await expect.poll(() => status.textContent()).toContain('No GOV.UK file has been imported yet');
    await expectAccessible(page);
  });

  it('imports the GOV.UK file through the file input and shows the years it covers', async () => {
    await page.getByTestId('bank-holiday-file').setInputFiles(join(FIXTURES, 'bank-holidays.json'));
    const done = page.getByTestId('bank-holiday-imported');
    await done.waitFor();
    expect(await done.textContent()).toContain(
      'Imported: England and Wales bank holidays 2023 to 2027',
    );
    // The fixture lists the same days Front Door already knew: nothing moves.
    expect(await done.textContent()).toContain(
      'The file lists the same bank holidays Front Door was already using.',
    );
    await expect
      .poll(() => page.getByTestId('bank-holiday-status').textContent())
      .toContain('Imported from GOV.UK (bank-holidays.json)');
    expect(await page.getByTestId('bank-holiday-status').textContent()).toContain(
      'England and Wales 2023 to 2027, 41 bank holidays.',
    );
    expect(await page.getByTestId('bank-holiday-status').textContent()).toContain(
      'Bank holidays are known to 31/12/2027.',
    );
    const thisYear = new Date().getUTCFullYear();
    if (thisYear <= 2027) {
      const label = await page.getByTestId(`holidays-${String(thisYear)}`).textContent();
      expect(label).toContain('From the GOV.UK file');
    }
    expect(await page.getByTestId('holidays-2028').count()).toBe(thisYear >= 2026 ? 1 : 0);
    const status = await api('bank-holidays:status', {});
    expect(status.imported?.covers).toEqual({ from: 2023, to: 2027 });
    await expectAccessible(page);
  });

  it('refuses a file cut short, with the reason, and changes nothing', async () => {
    await page
      .getByTestId('bank-holiday-file')
      .setInputFiles(join(FIXTURES, 'bank-holidays-truncated.json'));
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'bank-holidays-truncated.json was not imported, and nothing was changed. The file is not complete JSON: it may have been cut short while downloading',
    );
    const status = await api('bank-holidays:status', {});
    expect(status.imported).toMatchObject({
      covers: { from: 2023, to: 2027 },
      fileName: 'bank-holidays.json',
    });
    await expectAccessible(page);
  });

  it('adds a closure day, removes it after confirming, and undoes the removal', async () => {
    const day = aWorkingDayAhead();
    const typed = formatUkDate(day);
    const words = describeDate(day);
    await field(page, 'closureDate').fill(typed);
    await page.getByRole('button', { name: 'Add closure day' }).click();
    await page.getByText(`${words} added as a closure day.`, { exact: false }).waitFor();
    await expect.poll(async () => (await api('settings:get', {})).closures).toEqual([day]);
    const row = page.getByTestId('closure-row').filter({ hasText: typed });
    await row.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'calendar');

    // The same day again is refused beside the field.
    await field(page, 'closureDate').fill(typed);
    await page.getByRole('button', { name: 'Add closure day' }).click();
    await page.getByText(`${words} is already a closure day.`).waitFor();
    await expect.poll(() => field(page, 'closureDate').getAttribute('aria-invalid')).toBe('true');

    await row.getByRole('button', { name: /^Remove / }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${words} as a closure day?` });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Remove closure day' }).click();
    const notice = page.getByTestId('closure-notice');
    await expect.poll(() => notice.textContent()).toContain(`${words} is no longer a closure day`);
    await expect.poll(async () => (await api('settings:get', {})).closures).toEqual([]);
    expect(await page.getByTestId('closure-row').count()).toBe(0);

    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => notice.textContent()).toContain(`${words} is a closure day again.`);
    await expect.poll(async () => (await api('settings:get', {})).closures).toEqual([day]);

    // Each change is in the audit log.
    const audit = await api('audit:search', { page: 0, pageSize: 20, action: 'settings' });
    const summaries = audit.rows.map((e) => e.summary);
    expect(summaries.filter((s) => s.includes('Closure days')).length).toBeGreaterThanOrEqual(3);
    expect(summaries).toContain(
      'Bank holidays imported from GOV.UK: England and Wales 2023–2027 (41 days)',
    );
  });
});
