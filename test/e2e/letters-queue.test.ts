// Browser end-to-end for the admin work queue (issue 13, "Admin work queue"): two referrals
// decided → two outcome letters in the queue → select both → make them with progress (the events
// map, task:progress) → mark them sent → gone from the queue, and each referral records who was
// told when. An anonymous referral never appears. axe on the screen and the dialog; a screenshot
// at 1280×720.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../../shared/domain/letters';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { SHOTS, callApi, expectAccessible, screenshot } from '../helpers/page-tools';
import { decisionInput, referralInput } from '../helpers/store-fixtures';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;
const decided: { id: string; reference: string }[] = [];
let anonymous = { id: '', reference: '' };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-letters-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  // The harness user is a duty worker, manager and administrator (seed.ts).
  await seedDatabase({ dataDir, referrals: 3, user: 'e2e-admin' });
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

async function axeIn(selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

async function decide(referrer?: ChannelInput<'referrals:create'>['referral']['referrer']) {
  const created = await api('referrals:create', {
    referral: referralInput({
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      ...(referrer ? { referrer, referralSourceCode: '9' } : {}),
    }),
    newChildren: [0],
  });
  await api('decisions:record', {
    referralId: created.id,
    version: created.version,
    decision: decisionInput({ decidedAt: new Date().toISOString() }),
  });
  return { id: created.id, reference: created.reference };
}

/** Every item in the store's queue (all pages), to check what is and is not there. */
async function everything(): Promise<WorkItem[]> {
  const out: WorkItem[] = [];
  for (let pageNo = 0; ; pageNo += 1) {
    const p = await api('letters:queue', { page: pageNo, pageSize: 100 });
    out.push(...p.rows);
    if (out.length >= p.total || p.rows.length === 0) return out;
  }
}

/** The outcome letter's row for a referral (its acknowledgement has a row of its own). */
const rowFor = (reference: string): Locator =>
  page.getByTestId('work-row').filter({ hasText: reference }).filter({ hasText: 'Outcome letter' });

describe('letters and invites', () => {
  it('lists the two outcome letters due, and never the anonymous referral', async () => {
    decided.push(await decide(), await decide());
    anonymous = await decide({
      kind: 'anonymous',
      toldAnonymityCannotBeGuaranteed: true,
      wantsFeedback: false,
      feedbackMethod: 'none',
    });
    const items = await everything();
    for (const d of decided) {
      expect(items.filter((i) => i.referralId === d.id).map((i) => i.kind)).toContain('outcome');
    }
    expect(items.some((i) => i.referralId === anonymous.id)).toBe(false);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Letters and invites' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Letters and invites' }).waitFor();
    await page.getByRole('button', { name: 'Outcome letters' }).click();
    for (const d of decided) await rowFor(d.reference).waitFor();
    await page.getByText(/Letters for referrals received since \d\d\/\d\d\/\d{4}/).waitFor();
    expect(await page.getByTestId('work-showing').textContent()).toMatch(/^Showing 1–\d+ of \d+$/);
    expect(await page.locator('main').textContent()).not.toContain(anonymous.reference);
    await expectAccessible(page);
  });

  it('makes both with progress, then marks them sent and they leave the queue', async () => {
    // What the screen shows while the batch runs (it may be brief), and the events it hears.
    await page.evaluate(() => {
      const w = window as unknown as { seenProgress: string[]; seenEvents: unknown[] };
      w.seenProgress = [];
      w.seenEvents = [];
      window.appEvents?.on('task:progress', (p) => w.seenEvents.push(p));
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="batch-progress"]');
        const text = el?.textContent ?? '';
        if (text !== '' && w.seenProgress.at(-1) !== text) w.seenProgress.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    for (const d of decided) await rowFor(d.reference).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Make selected letters (2)' }).click();
    const results = page.getByTestId('batch-results');
    await results.waitFor();
    expect(await results.getByRole('heading').textContent()).toBe('2 letters made');
    const seen = await page.evaluate(() => {
      const w = window as unknown as {
        seenProgress: string[];
        seenEvents: { done: number; total: number; state: string }[];
      };
      return { texts: w.seenProgress, events: w.seenEvents };
    });
    expect(seen.texts[0]).toContain('Making letters: 0 of 2');
    expect(seen.events.at(-1)).toMatchObject({ done: 2, total: 2, state: 'finished' });
    for (const d of decided) {
      await rowFor(d.reference).filter({ hasText: 'Ready to send' }).waitFor();
    }
    await page.screenshot({ path: join(SHOTS, 'letters-queue.png') });
    await screenshot(page, 'letters-queue-full');

    for (const d of decided) await rowFor(d.reference).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Mark selected sent (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as sent' });
    await dialog.waitFor();
    // Nothing chosen: the error sits beside the method, and nothing is recorded.
    await dialog.getByRole('button', { name: 'Record as sent' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Select how they were sent' }).waitFor();
    await axeIn('[role="dialog"]');
    await page.screenshot({ path: join(SHOTS, 'letters-queue-mark-sent.png') });
    // Keyboard only from here: the method by its radio, then Enter in the time box submits.
    await dialog.getByRole('radio', { name: 'Phoned first, then the letter' }).focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('textbox', { name: 'Time (24-hour)' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByText(/^Recorded as sent: 2 letters \(Phoned first, then the letter, /)
      .waitFor();
    for (const d of decided) await rowFor(d.reference).waitFor({ state: 'detached' });

    const items = await everything();
    for (const d of decided) {
      expect(items.some((i) => i.referralId === d.id && i.kind === 'outcome')).toBe(false);
      const letters = await api('letters:for-referral', { referralId: d.id });
      expect(letters.told).toMatchObject({ kind: 'outcome', method: 'phone-then-letter' });
    }
    expect(items.some((i) => i.referralId === anonymous.id)).toBe(false);
    await expectAccessible(page);
  });

  it('records each send in the referral’s chronology, and its page says who was told when', async () => {
    const [first] = decided;
    if (!first) throw new Error('no referral decided');
    const referral = await api('referrals:get', { id: first.id });
    expect(referral.chronology.map((c) => c.text).join('\n')).toMatch(
      /sent to the referrer: Phoned first, then the letter/,
    );
    await page.evaluate((id) => {
      window.location.hash = `#/referrals/${id}`;
    }, first.id);
    await page
      .getByText(/^Referrer told: \d\d\/\d\d\/\d{4}, Phoned first, then the letter$/)
      .first()
      .waitFor();
  });
});
