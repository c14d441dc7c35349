// Browser end-to-end for Users and roles (issue 14: "a second person on the same computer is told
// 'an administrator needs to give you a role', and there is no screen where an administrator
// can"). Through the harness: the real services and store. A new person signs in once (no role);
// the administrator sees them first, waiting for a role, gives them the duty-worker role with the
// keyboard, sees it in the grid and the store, then deactivates a leaver with a reason (refused
// without one). axe on each state; a screenshot of the screen at 1280×720.

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
import { callApi, expectAccessible, field, screenshot, writeProse } from '../helpers/page-tools';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;

const NEW_ACCOUNT = 'nstarter';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-users-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  // The harness user is made a duty worker, manager and administrator; the team is seeded too.
  await seedDatabase({ dataDir, referrals: 1, user: 'e2e-admin' });
  // A second person opens Front Door once on this database: added with no role.
  const first = await startHarness({ dataDir, user: NEW_ACCOUNT, build: false, log: () => {} });
  await first.close();
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

const api = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> =>
  callApi(page, channel, input);

const rowOf = (text: string) => page.getByTestId('user-row').filter({ hasText: text });

async function userByAccount(osAccount: string) {
  const user = (await api('users:list', {})).find((u) => u.osAccount === osAccount);
  if (!user) throw new Error(`no user ${osAccount}`);
  return user;
}

describe('users and roles', () => {
  it('lists the new person first, waiting for a role', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByText('Users and roles').click();
    await page.getByRole('heading', { level: 1, name: 'Users and roles' }).waitFor();
    const first = page.getByTestId('user-row').first();
    await expect.poll(() => first.textContent()).toContain(NEW_ACCOUNT);
    expect(await first.textContent()).toContain('Waiting for a role');
    expect(await rowOf('Dana Wilson').textContent()).toContain('Duty worker');
    expect(await page.getByTestId('waiting-summary').textContent()).toContain(
      '1 person is waiting for a role',
    );
    await expectAccessible(page);
    await screenshot(page, 'users-roles');
  });

  it('gives the new person the duty-worker role with the keyboard', async () => {
    const open = rowOf(NEW_ACCOUNT).getByRole('button', { name: /^Change roles/ });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Change roles for ${NEW_ACCOUNT}` });
    await dialog.waitFor();
    const duty = dialog.getByRole('checkbox', { name: /Duty worker/ });
    await duty.focus();
    await page.keyboard.press('Space');
    expect(await duty.isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'users-roles-dialog');
    await dialog.getByRole('button', { name: 'Save roles' }).focus();
    await page.keyboard.press('Enter');
    const done = page.getByRole('status').filter({ hasText: `${NEW_ACCOUNT} now has the roles` });
    await done.waitFor();
    expect(await done.textContent()).toContain('Duty worker');
    // Focus is on the confirmation, not lost to the page.
    expect(await done.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => rowOf(NEW_ACCOUNT).textContent()).toContain('Duty worker');
    expect(await page.getByTestId('waiting-summary').count()).toBe(0);
    expect((await userByAccount(NEW_ACCOUNT)).roles).toEqual(['duty-worker']);
  });

  it('deactivates a leaver only with a reason; their row stays', async () => {
    await rowOf('Sam Okafor')
      .getByRole('button', { name: /^Deactivate/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate Sam Okafor' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      'Their records and history stay; they can no longer use Front Door',
    );
    await dialog.getByRole('button', { name: 'Deactivate Sam Okafor' }).click();
    const reason = field(page, 'reason');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.textContent()).toContain('Say why this person is being deactivated');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);
    await writeProse(page, 'Left the authority');
    await dialog.getByRole('button', { name: 'Deactivate Sam Okafor' }).click();
    await page
      .getByText('Sam Okafor has been deactivated. Their records and history stay.')
      .waitFor();
    await expect
      .poll(() => rowOf('Sam Okafor').getByTestId('user-status').textContent())
      .toBe('Deactivated');
    expect(
      await rowOf('Sam Okafor')
        .getByRole('button', { name: /^Reactivate/ })
        .count(),
    ).toBe(1);
    const sam = await userByAccount('sokafor');
    expect(sam).toMatchObject({ active: false, roles: ['duty-worker'] });
    const audit = await api('audit:list', { entityType: 'user', entityId: sam.id });
    expect(audit.at(-1)).toMatchObject({
      action: 'roles',
      summary: 'Sam Okafor deactivated: Left the authority',
    });
    await expectAccessible(page);
  });
});
