// Browser end-to-end for the Settings page (issue 14). Through the harness: the real services and
// store. An administrator opens it from the navigation, sees each setting beside the edition's
// default and source, has a bad office-hours time refused beside the field, makes manager sign-off
// required and the manager required at strategy discussions, reads what that does in plain words,
// saves, and after a reload the page (and the store, and the audit log) show it. A manager signed
// in on another account has no Settings entry. axe on each state; a screenshot at 1280×900.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, field, screenshot } from '../helpers/page-tools';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;

async function openAs(user: string): Promise<void> {
  if (!browser || !dataDir) throw new Error('not started');
  await harness?.close();
  harness = await startHarness({ dataDir, user, build: false });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(harness.url);
  await page.getByRole('heading', { level: 1, name: 'Referral queue' }).waitFor();
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-settings-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  // The harness user is made a duty worker, manager and administrator.
  await seedDatabase({ dataDir, referrals: 3, user: 'e2e-admin' });
  await openAs('e2e-admin');
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const api = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> =>
  callApi(page, channel, input);

const signOff = () =>
  page.getByRole('region', { name: 'Manager sign-off of the decision on the type of response' });
const managerAtDiscussions = () =>
  page.getByRole('region', { name: "Social worker's manager at strategy discussions" });

describe('the Settings page', () => {
  it('opens from the navigation with each setting beside its edition default and source', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(page.url()).toMatch(/#\/admin\/settings$/);
    await expect.poll(() => signOff().getByLabel('Optional').isChecked()).toBe(true);
    expect(await signOff().textContent()).toContain(
      'Working Together 2023 default: Optional (in use)',
    );
    expect(await managerAtDiscussions().textContent()).toContain("Not in this edition's minimum");
    await expectAccessible(page);
  });

  it('refuses a bad office hours time beside the field, saving nothing', async () => {
    const before = await api('settings:get', {});
    await field(page, 'overrides.officeHoursEnd').fill('5pm');
    await page.getByRole('button', { name: 'Check and save the settings' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'The settings were not saved' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter a time in 24-hour HH:mm form');
    await expect
      .poll(() => field(page, 'overrides.officeHoursEnd').getAttribute('aria-invalid'))
      .toBe('true');
    await expectAccessible(page);
    expect((await api('settings:get', {})).version).toBe(before.version);
    await page
      .getByRole('region', { name: 'Office hours end' })
      .getByRole('button', { name: /Use the edition default/ })
      .click();
  });

  it('previews the change in plain words, saves it, and a reload shows it', async () => {
    const before = await api('settings:get', {});
    await signOff().getByLabel('Required').check();
    await managerAtDiscussions()
      .getByLabel(/^Required/)
      .check();
    await field(page, 'overrides.managerSignOff.note').fill('Local procedure 3.1: every decision');
    await page.getByRole('button', { name: 'Check and save the settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save these changes?' });
    await dialog.waitFor();
    const words = await dialog.getByTestId('change-sentences').textContent();
    expect(words).toContain("Decisions will need a manager's sign-off before they are final.");
    expect(words).toContain('Strategy discussions will need a manager invited');
    await expectAccessible(page);
    await screenshot(page, 'settings-preview');
    expect((await api('settings:get', {})).version).toBe(before.version);

    await dialog.getByRole('button', { name: 'Save the settings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Settings saved. Front Door uses them from now on' })
      .waitFor();
    const after = await api('settings:get', {});
    expect(after.version).toBe(before.version + 1);
    expect(after.policy).toMatchObject({ managerSignOff: 'required' });
    expect(after.policy.requiredRoles).toContain('sw-manager');
    expect(after.overrides.notes).toEqual({
      managerSignOff: 'Local procedure 3.1: every decision',
    });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expect.poll(() => signOff().getByLabel('Required').isChecked()).toBe(true);
    expect(await signOff().getByText('Local policy', { exact: true }).count()).toBe(1);
    expect(
      await managerAtDiscussions()
        .getByLabel(/^Required/)
        .isChecked(),
    ).toBe(true);
    expect(await field(page, 'overrides.managerSignOff.note').inputValue()).toBe(
      'Local procedure 3.1: every decision',
    );
    await expectAccessible(page);
    await screenshot(page, 'settings');

    // Kept in the audit log, the changed rules only, before → after.
    const audit = await api('audit:search', { action: 'settings', page: 0, pageSize: 5 });
    const entry = audit.rows[0];
    expect(entry?.summary).toMatch(/^Settings changed: .*Manager sign-off of decisions/);
    expect(entry?.details.before).toMatchObject({ policy: { managerSignOff: 'optional' } });
    expect(entry?.details.after).toMatchObject({ policy: { managerSignOff: 'required' } });
  });

  it('is not offered to a manager who is not an administrator', async () => {
    await openAs('jmorgan');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Queue' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
  });
});
