// Browser end-to-end for the referrer letters on the referral page (issue 13): a referral and its
// decision recorded through the API (the decision screen has its own test), then on the page:
// "Prepare outcome letter" with the keyboard, the reasons with their sources, a paragraph edited,
// "Finalise letter", the PDF downloaded and read back with pdf.js (an independent reader: the
// edited wording, the marking, no child's name in the file name), the email draft, and "Mark
// sent" — after which the section says "Referrer told: <date>, Secure email" and the chronology
// records the send. axe on the section and on each dialog; screenshots of both.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../shared/calendar';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { formatUkDate } from '../../shared/validation/formats';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { SHOTS, callApi, tabTo, writeProse } from '../helpers/page-tools';
import { decisionInput, referralInput } from '../helpers/store-fixtures';
import { readPdf } from '../unit/documents/read-pdf';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;
let referralId = '';

const HOUR = 3_600_000;
const ADDED = 'Please call Sam Patel on 01632 960123 if anything changes before the assessment.';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-letters-referral-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 1, user: 'e2e-letters' });
  harness = await startHarness({ dataDir, user: 'e2e-letters', build: false });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
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

/** No serious or critical axe violations in one part of the page (the section or a dialog). */
async function axe(scope: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(scope).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/**
 * A picture of one part of the screen, for people to look at (skipped under CI, as the rest). A
 * dialog scrolls inside the window: the window is made tall enough to show all of it, from the top.
 */
async function shot(target: Locator, name: string): Promise<void> {
  if (process.env.CI && !process.env.SHOTS_DIR) return;
  mkdirSync(SHOTS, { recursive: true });
  const viewport = page.viewportSize();
  const content = target.locator('.MuiDialogContent-root');
  const tall = (await content.count()) > 0;
  if (tall && viewport) {
    const height = await content.evaluate((el) => el.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.min(height + 400, 4000) });
    await content.evaluate((el) => {
      el.scrollTop = 0;
    });
  }
  await target.screenshot({ path: join(SHOTS, `${name}.png`) });
  if (tall && viewport) await page.setViewportSize(viewport);
}

const section = (): Locator => page.getByRole('region', { name: 'Letters to the referrer' });

async function press(target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

describe('letters to the referrer on the referral page', () => {
  it('shows the outcome letter due for a decided referral, and that nobody was told yet', async () => {
    const now = Date.now();
    const created = await api('referrals:create', {
      referral: referralInput({
        receivedAt: new Date(now - 3 * HOUR).toISOString(),
        referrer: {
          kind: 'professional',
          name: 'Jo Teacher',
          role: 'Designated safeguarding lead',
          agencyName: 'Oak Primary School',
          agencyType: 'school',
          phone: '01632 960001',
          email: 'jo.teacher@oak-primary.example.org',
          address: { line1: 'Oak Primary School', town: 'Harbourton', postcode: 'HB1 1AA' },
          wantsFeedback: true,
          feedbackMethod: 'email',
        },
      }),
      newChildren: [0],
    });
    referralId = created.id;
    await api('decisions:record', {
      referralId: created.id,
      version: created.version,
      decision: decisionInput({ decidedAt: new Date(now - 2 * HOUR).toISOString() }),
    });
    await page.goto(`${harness?.url ?? ''}#/referrals/${referralId}`);
    await section().waitFor();
    const told = section().getByTestId('referrer-told');
    await told.waitFor();
    expect(await told.textContent()).toBe('Referrer not told yet');
    expect(await section().textContent()).toMatch(/Outcome letter — An assessment/);
    await axe('#sec-letters');
  });

  it('prepares the outcome letter with the keyboard: why this letter, the wording editable', async () => {
    await press(section().getByRole('button', { name: 'Prepare outcome letter' }));
    const dialog = page.getByRole('dialog', { name: 'Prepare the outcome letter' });
    await dialog.getByTestId('letter-paragraphs').waitFor();
    // Focus is on the dialog's heading.
    expect(
      await dialog.getByRole('heading', { level: 2 }).evaluate((h) => h === document.activeElement),
    ).toBe(true);
    expect(await dialog.textContent()).toContain('Which letter applies: Professional referrer');
    expect(await dialog.getByTestId('letter-reasons').textContent()).toContain('Source:');
    // Add a paragraph at the end and write it (a paste, as writeProse says).
    await press(dialog.getByRole('button', { name: 'Add a paragraph' }));
    const boxes = dialog.getByRole('textbox', { name: /^Paragraph \d+$/ });
    const count = await boxes.count();
    const last = dialog.getByRole('textbox', { name: `Paragraph ${String(count)}` });
    expect(await last.evaluate((el) => el === document.activeElement)).toBe(true);
    await writeProse(page, ADDED);
    await axe('[role="dialog"]');
    await shot(dialog, 'letter-dialog');
  });

  it('finalises it; the PDF is the wording as edited, marked, with no child name in its file name', async () => {
    const dialog = page.getByRole('dialog');
    await press(dialog.getByRole('button', { name: 'Finalise letter' }));
    await dialog.getByRole('heading', { name: 'Letter 1 is made' }).waitFor();
    await shot(dialog, 'letter-made');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save PDF' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(file.suggestedFilename()).not.toMatch(/amy|smith/i);
    const pdf = await readPdf(new Uint8Array(readFileSync(await file.path())));
    const text = pdf.pages.map((p) => p.text.replace(/\s+/g, ' ')).join('\n');
    expect(text).toContain(ADDED);
    expect(pdf.pages[0]?.text).toContain('OFFICIAL-SENSITIVE');
    const [eml] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Email draft' }).click(),
    ]);
    expect(eml.suggestedFilename()).toMatch(/\.eml$/);
    expect(readFileSync(await eml.path(), 'latin1')).toMatch(/^X-Unsent: 1/m);
    await axe('[role="dialog"]');
  });

  it('marks it sent; the section says who was told, when and how, and the chronology records it', async () => {
    await press(page.getByRole('dialog').getByRole('button', { name: 'Mark sent' }));
    const dialog = page.getByRole('dialog', { name: /^Mark as sent: Outcome letter/ });
    await dialog.waitFor();
    const method = dialog.getByLabel('How it was sent');
    await tabTo(page, method);
    await method.selectOption('secure-email');
    await axe('[role="dialog"]');
    await shot(dialog, 'letter-mark-sent');
    await press(dialog.getByRole('button', { name: 'Record as sent' }));
    await dialog.waitFor({ state: 'detached' });
    const today = formatUkDate(londonDate(new Date().toISOString()));
    await expect
      .poll(() => section().getByTestId('referrer-told').textContent())
      .toBe(`Referrer told: ${today}, Secure email`);
    const item = section().getByTestId('letter-item');
    expect(await item.textContent()).toMatch(/Sent: Secure email, \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(await item.getByRole('button', { name: 'Mark sent' }).count()).toBe(0);
    const letters = await api('letters:for-referral', { referralId });
    expect(letters.told?.method).toBe('secure-email');
    expect(letters.letters.map((l) => l.sequence)).toEqual([1]);
    const referral = await api('referrals:get', { id: referralId });
    expect(referral.chronology.some((e) => /sent to the referrer: Secure email/.test(e.text))).toBe(
      true,
    );
    await axe('#sec-letters');
    await section().scrollIntoViewIfNeeded();
    await shot(section(), 'referral-letters');
  });

  it('says that sending again makes letter 2 and letter 1 stays as it was sent', async () => {
    await press(section().getByRole('button', { name: 'Prepare outcome letter' }));
    const dialog = page.getByRole('dialog', { name: 'Prepare the outcome letter' });
    await dialog.getByTestId('letter-next-note').waitFor();
    expect(await dialog.getByTestId('letter-next-note').textContent()).toBe(
      'This makes letter 2; letter 1 stays as it was sent.',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('offers no letter to an anonymous referrer, and says why with the source', async () => {
    const created = await api('referrals:create', {
      referral: referralInput({
        receivedAt: new Date(Date.now() - HOUR).toISOString(),
        referrer: {
          kind: 'anonymous',
          toldAnonymityCannotBeGuaranteed: true,
          wantsFeedback: false,
          feedbackMethod: 'none',
        },
      }),
      newChildren: [0],
    });
    await page.goto(`${harness?.url ?? ''}#/referrals/${created.id}`);
    const why = section().getByTestId('no-letter');
    await why.waitFor();
    expect(await why.textContent()).toContain('Source:');
    expect(await section().getByRole('button').count()).toBe(0);
    await axe('#sec-letters');
    await shot(section(), 'referral-letters-anonymous');
  });
});
