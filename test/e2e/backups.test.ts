// Browser end-to-end for Backups and the idle lock (issue 14), through the harness: the real
// services, store and files. An administrator with no backup is warned, makes one from the
// Backups page and sees it listed as checked; a directory entry is added after it; the backup is
// restored through the typed confirmation, Front Door reloads, and the entry is gone. Then the
// screen lock: set to one minute, the browser's clock moved on, the screen locks over a half-typed
// search, and Enter brings it all back. axe on each state; screenshots at 1280×720.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, screenshot } from '../helpers/page-tools';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;

const ENTRY = 'Restore Test Nursery';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-backups-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 1, user: 'e2e-admin' });
  harness = await startHarness({ dataDir, user: 'e2e-admin', build: false });
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
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

describe('backups', () => {
  it('warns an administrator who has no backup, on every screen', async () => {
    const banner = page.getByTestId('backup-warning');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('There is no checked backup of the records.');
    await banner.getByRole('link', { name: 'Go to Backups' }).click();
    await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
    expect(await page.getByTestId('backup-folder').textContent()).toBe(
      join(harness?.dataDir ?? '', 'backups'),
    );
    // The list loads after the heading shows.
    await page.getByText('There are no backups yet.').waitFor();
    await expectAccessible(page);
  });

  it('makes a backup now, says it is complete, and lists it as checked', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByText('Backups').click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const done = page.getByText(
      /^Backup made on \d\d\/\d\d\/\d{4} at \d\d:\d\d \(.+ MB\) and checked: it is complete\.$/,
    );
    await done.waitFor();
    const row = page.locator('.backup-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Yes, \d\d\/\d\d\/\d{4} at \d\d:\d\d/);
    // The warning goes once a checked backup from the last day exists.
    await expect.poll(() => page.getByTestId('backup-warning').count()).toBe(0);
    expect(await page.getByTestId('backup-status-line').textContent()).toMatch(
      /^Last checked backup: \d\d\/\d\d\/\d{4} at \d\d:\d\d$/,
    );
    const [listed] = await api('backups:list', {});
    expect(listed).toMatchObject({ verified: true, problem: null });
    await expectAccessible(page);
    await screenshot(page, 'backups');
  });

  it('restores it through the typed confirmation; what was saved after it is gone', async () => {
    await api('directory:save', { entry: { name: ENTRY, agencyType: 'education' } });
    expect(await api('directory:list', { text: ENTRY })).toHaveLength(1);
    const [backup] = await api('backups:list', {});
    if (!backup) throw new Error('no backup');

    await page.getByRole('button', { name: /^Restore the backup from / }).click();
    const dialog = page.getByRole('dialog', { name: /^Restore the backup from .+\?$/ });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('will be replaced');
    const confirm = dialog.getByLabel('Type RESTORE to confirm');
    // Focus moves once the dialog has opened (MUI's transition), not in the same frame.
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await dialog.getByText('Type RESTORE in capital letters to restore this backup').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'backups-restore-confirm');
    await page.keyboard.type('RESTORE');
    await page.keyboard.press('Enter');

    const restored = page.getByRole('dialog', { name: 'Backup restored' });
    await restored.waitFor();
    const text = (await restored.textContent()) ?? '';
    expect(text).toContain(join(harness?.dataDir ?? '', 'backups', 'pre-restore-'));
    expect(text).toContain('What happens next: Front Door reloads to show the restored records.');
    await expectAccessible(page);
    await screenshot(page, 'backups-restored');
    const reload = restored.getByRole('button', { name: 'Reload Front Door' });
    await expect.poll(() => reload.evaluate((el) => el === document.activeElement)).toBe(true);
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();

    expect(await api('directory:list', { text: ENTRY })).toEqual([]);
    const audit = await api('audit:search', { action: 'restore', page: 0, pageSize: 10 });
    expect(audit.rows[0]?.summary).toBe(`Database restored from backup ${backup.file}`);
  });

  it('refuses a name that is not a listed backup', async () => {
    await expect(api('backups:restore', { file: '../../x.db' })).rejects.toThrow(
      'Choose one of the listed backups.',
    );
  });
});

describe('idle lock', () => {
  it('locks after the set time over a half-typed search; Enter brings it back as it was', async () => {
    const current = await api('session:lock-setting', {});
    await api('session:set-lock-setting', { minutes: 1, version: current.version });
    if (!browser || !harness) throw new Error('no browser');
    // A fresh window whose clock the test moves on (Playwright's clock: timers run early).
    // Its own context: axe opens pages in the page's context, which browser.newPage() forbids.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const locked = await context.newPage();
    try {
      await locked.clock.install();
      await locked.goto(harness.url);
      await locked.getByRole('heading', { level: 1, name: 'Referral queue' }).waitFor();
      const search = locked.getByLabel(/^Find a child or referral/);
      await search.click();
      await locked.keyboard.type('Fenw');
      await locked.mouse.move(5, 5);

      await locked.clock.fastForward('00:59');
      expect(await locked.getByTestId('idle-lock').count()).toBe(0);
      await locked.clock.fastForward('00:02');
      const lock = locked.getByRole('dialog', { name: 'Front Door is locked — Demo User (you)' });
      await lock.waitFor();
      expect(await lock.textContent()).toContain('has not been used for 1 minute.');
      // Everything else is inert and hidden from screen readers; Tab stays on the lock screen.
      expect(
        await locked.evaluate(() =>
          Array.from(document.body.children)
            .filter((el) => el.getAttribute('data-testid') !== 'idle-lock-host')
            .every((el) => el.hasAttribute('inert') && el.getAttribute('aria-hidden') === 'true'),
        ),
      ).toBe(true);
      expect(await locked.getByRole('heading', { name: 'Referral queue' }).count()).toBe(0);
      await locked.keyboard.press('Tab');
      expect(
        await locked.evaluate(
          () =>
            document.querySelector('[data-testid="idle-lock"]')?.contains(document.activeElement) ??
            false,
        ),
      ).toBe(true);
      await expectAccessible(locked);
      await screenshot(locked, 'idle-lock');

      await lock.getByRole('button', { name: 'Continue' }).focus();
      await locked.keyboard.press('Enter');
      await expect.poll(() => locked.getByTestId('idle-lock').count()).toBe(0);
      expect(await search.inputValue()).toBe('Fenw');
      const audit = await callApi(locked, 'audit:search', { page: 0, pageSize: 5 });
      expect(
        audit.rows.filter((e) => e.action === 'lock' || e.action === 'unlock').map((e) => e.action),
      ).toEqual(['unlock', 'lock']);
    } finally {
      await context.close();
      await api('session:set-lock-setting', {
        minutes: 10,
        version: (await api('session:lock-setting', {})).version,
      });
    }
  });
});
