// Browser end-to-end (issue 11, "after an unclean shutdown the window opens at once and the check
// runs with progress"): the harness opens its store as the app does, checking the file after the
// page has opened, with the check held by the test. The queue shows while the check runs, with a
// banner saying what waits; a save made meanwhile waits and then lands; the banner goes when the
// check passes. axe on the page with the banner.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, screenshot } from '../helpers/page-tools';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;
let finishCheck: (result: string) => void = () => undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-e2e-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 12, user: 'e2e-worker' });
  const held = new Promise<string>((resolve) => {
    finishCheck = resolve;
  });
  harness = await startHarness({
    dataDir,
    user: 'e2e-worker',
    build: false,
    store: { checkInBackground: true, runCheck: () => held },
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
});

afterAll(async () => {
  finishCheck('ok');
  await browser?.close();
  await harness?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the start-up check after the window opens', () => {
  it('the queue shows at once with the banner; a save waits for the check, then lands', async () => {
    if (!harness) throw new Error('no harness');
    await page.goto(harness.url);
    const banner = page.getByTestId('startup-check-banner');
    await banner.waitFor();
    await page.getByTestId('queue-row').first().waitFor();
    expect(await banner.textContent()).toMatch(/Anything you save waits too, then saves by itself/);
    await expectAccessible(page);
    await screenshot(page, 'startup-check-banner');

    let landed = false;
    const save = callApi(page, 'drafts:save', {
      kind: 'referral',
      key: 'startup-check-draft',
      data: { concern: 'Typed while the check ran' },
    }).then((draft) => {
      landed = true;
      return draft;
    });
    await page.waitForTimeout(700);
    expect(landed).toBe(false);

    finishCheck('ok');
    expect((await save).key).toBe('startup-check-draft');
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    const draft = await callApi(page, 'drafts:get', {
      kind: 'referral',
      key: 'startup-check-draft',
    });
    expect(draft?.data).toEqual({ concern: 'Typed while the check ran' });
  });
});
