// Browser end-to-end for the new referral screen (issue 4): search-first match against the seeded
// sound-alike child, autosave survives a reload, bad input saves nothing, axe on the form.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

let dataDir: string | undefined;
let harness: Harness;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-intake-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 10, user: 'e2e-worker' });
  harness = await startHarness({ dataDir, user: 'e2e-worker', build: false });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await (harness as Harness | undefined)?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function shot(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `intake-${name}.png`), fullPage: true });
}

describe('new referral', () => {
  it('opens from the queue, passes axe, and finds the sound-alike child with a re-referral warning', async () => {
    await page.goto(harness.url);
    await page.getByRole('link', { name: 'New referral' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await shot('empty');
    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByLabel('A professional').check();
    await page.getByLabel('Type of organisation').selectOption('school');
    expect(await page.getByLabel('Census referral source').inputValue()).toBe('2A');
    await page.getByLabel('First name').fill('Aidan');
    await page.getByLabel('Last name').fill('Smith');
    await page.getByLabel('Date of birth').fill('14/06/2015');
    const panel = page.getByTestId('match-panel-0');
    await panel.getByText('Aiden Smyth').waitFor({ timeout: 10_000 });
    await panel.getByTestId('re-referral-warning').waitFor();
    await shot('match');
    await panel.getByRole('button', { name: 'This is the same child' }).click();
    await panel.getByText('Linked to an existing record.').waitFor();

    await page.getByText(/Draft saved/).waitFor({ timeout: 5_000 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    expect(await page.getByLabel('First name').inputValue()).toBe('Aidan');
  });

  it('shows bad input in the summary and beside the fields, and saves nothing', async () => {
    await page.getByRole('button', { name: 'Add another child' }).click();
    const second = page.getByTestId('child-1');
    await second.getByLabel('Date of birth').fill('31/04/2025');
    await page.getByTestId('child-0').getByLabel('NHS number (if known)').fill('1234567890');
    await page.getByRole('button', { name: 'Save referral' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await summary.getByText('Enter a real date, for example 27/03/2024').waitFor();
    await summary.getByText('Enter what the referrer is worried about').waitFor();
    await summary
      .getByText(/NHS number must be 10 digits/)
      .first()
      .waitFor();
    await shot('errors');
    expect(page.url()).toContain('/referrals/new');
  });
});
