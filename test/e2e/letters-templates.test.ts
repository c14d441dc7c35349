// Browser end-to-end for the letter templates (issue 13: "the administrator
// edits the templates (versioned, with a preview against a sample referral, and a clear list of
// the fields a template may use)"). Through the harness: the real
// service and store. An administrator opens a template from the list, changes it with a field
// put in from the list, sees the preview follow (and an unknown field refused beside the box),
// saves version 1 and sees it in the list and the store. The letterhead is set on the
// Organisation page (test/e2e/organisation.test.ts). axe on each state; screenshots of the list
// and the editor.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../shared/calendar';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { formatUkDate } from '../../shared/validation/formats';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, field, screenshot, writeProse } from '../helpers/page-tools';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;

const KEY = 'outcome.professional.early-help';
const TITLE = 'Outcome letter: Early help (Professional referrer)';
/** A string no shipped template holds, so the preview can only show it from our edit. */
const MARKER = 'Wording-e2e-7Q3';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-templates-'));
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

const preview = () => page.getByTestId('template-preview');

describe('letter templates', () => {
  it('lists the templates in their groups, each with its version', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByText('Letter templates').click();
    await page.getByRole('heading', { level: 1, name: 'Letter templates' }).waitFor();
    for (const group of ['Acknowledgement of receipt', 'Outcome letters', 'Shared paragraphs']) {
      await page.getByRole('region', { name: group }).waitFor();
    }
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `Edit ${TITLE}` }) });
    await expect.poll(() => row.textContent()).toContain('Standard wording');
    await expectAccessible(page);
    await screenshot(page, 'letter-templates');
  });

  it('changes a template with a field from the list; the preview follows; saves version 1', async () => {
    await page.getByRole('link', { name: `Edit ${TITLE}` }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // Never saved: the shipped wording, with no version number yet.
    await page.getByText('Standard wording', { exact: true }).waitFor();
    const box = field(page, 'text');
    // The shipped wording, filled in for the sample referral, before any change.
    await expect.poll(async () => (await preview().textContent()) ?? '').not.toContain('{{');

    await box.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await writeProse(page, `${MARKER}: your reference is `);
    await page.getByRole('button', { name: /^Insert \{\{reference\}\}/ }).click();
    await expect.poll(() => box.inputValue()).toBe(`${MARKER}: your reference is {{reference}}`);
    // The cursor is after the field: typing carries on from there.
    await writeProse(page, '.');
    // The preview shows the new wording with the sample's reference filled in.
    await expect
      .poll(async () => (await preview().textContent()) ?? '')
      .toMatch(new RegExp(`${MARKER}: your reference is [A-Z]{2}-\\d{4}-\\d{6}\\.`));

    // A field that does not exist is refused beside the box.
    await writeProse(page, '\n\nWe told {{nosuchfield}}.');

    const errors = page.getByTestId('template-errors');
    await expect
      .poll(async () => (await errors.textContent()) ?? '')
      .toContain('{{nosuchfield}} is not a field a letter can use');
    await expect.poll(() => box.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'letter-templates-edit-error');

    // Fix it: the error goes.
    await box.click();
    await page.keyboard.press('ControlOrMeta+End');
    for (let i = 0; i < '\n\nWe told {{nosuchfield}}.'.length; i += 1) {
      await page.keyboard.press('Backspace');
    }
    await expect.poll(() => errors.count()).toBe(0);
    await expect.poll(async () => (await preview().textContent()) ?? '').toContain(MARKER);

    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page
      .getByText('Saved as version 1. Letters made from now on use this wording.')
      .waitFor();
    const today = formatUkDate(londonDate(new Date().toISOString()));
    await page.getByText(`Version 1 · Changed by Demo User (you) on ${today}`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'letter-templates-edit');

    // The store has version 1 with the new wording.
    const stored = (await api('letter-templates:list', {})).find((t) => t.key === KEY);
    expect(stored).toMatchObject({
      version: 1,
      isDefault: false,
      text: `${MARKER}: your reference is {{reference}}.`,
    });
    // And the list says so.
    await page.getByRole('link', { name: '← All letter templates' }).click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `Edit ${TITLE}` }) });
    await expect.poll(() => row.textContent()).toContain(`Changed by Demo User (you) on ${today}`);
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('1');
  });
});
