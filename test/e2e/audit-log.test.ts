// Browser end-to-end for the audit log (issue 14 "Audit viewer"): through the harness, the real
// service and store. An administrator opens "Audit log" from the navigation, filters by action
// and sees only that action, opens an entry, then verifies integrity from the start: a progress
// bar while the chain is checked (task:progress events for this task), then "sound". axe on each
// state; screenshot at 1280×720.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { SHOTS, expectAccessible } from '../helpers/page-tools';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-audit-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  // The harness user is made a duty worker, manager and administrator.
  await seedDatabase({ dataDir, referrals: 6, user: 'e2e-admin' });
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

const caption = () => page.locator('#audit-grid-caption');
const cellTexts = (field: string) =>
  page.locator(`[role="gridcell"][data-field="${field}"]`).allTextContents();

describe('audit log', () => {
  it('opens from the navigation and filters by action', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByText('Audit log').click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await expect.poll(() => caption().textContent()).toMatch(/^Showing 1–\d+ of \d+ entries/);
    const all = Number(
      /of ([\d,]+)/.exec((await caption().textContent()) ?? '')?.[1]?.replace(',', ''),
    );
    await page.getByLabel('Action').selectOption({ label: 'Created' });
    await expect
      .poll(async () => {
        const actions = await cellTexts('action');
        return actions.length > 0 && actions.every((a) => a === 'Created');
      })
      .toBe(true);
    const created = Number(
      /of ([\d,]+)/.exec((await caption().textContent()) ?? '')?.[1]?.replace(',', ''),
    );
    expect(created).toBeGreaterThanOrEqual(6);
    expect(created).toBeLessThan(all);
    await expectAccessible(page);

    await page
      .getByRole('gridcell')
      .filter({ hasText: /^Created$/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/^Audit entry \d+$/).waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('verifies integrity from the start: progress, then sound', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { seenBar: boolean; seenEvents: unknown[] };
      w.seenBar = false;
      w.seenEvents = [];
      window.appEvents?.on('task:progress', (p) => w.seenEvents.push(p));
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="audit-verify-progress"]')) w.seenBar = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByLabel('Check from the start').check();
    await page.getByRole('button', { name: 'Verify integrity' }).click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(
      /^All [\d,]+ entries are sound \(checked from entry 1\)/,
    );
    const seen = await page.evaluate(() => {
      const w = window as unknown as {
        seenBar: boolean;
        seenEvents: { taskId: string; state: string; done: number; total: number }[];
      };
      return { bar: w.seenBar, events: w.seenEvents };
    });
    expect(seen.bar).toBe(true);
    const ours = seen.events.filter((e) => e.taskId.startsWith('audit-verify-'));
    expect(ours.at(-1)?.state).toBe('finished');
    expect(ours.some((e) => e.state === 'running')).toBe(true);
    await expectAccessible(page);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(SHOTS, 'audit-log.png') });
  });
});
