// Browser end-to-end for the minute-taker (issue 14). Through the harness: the real services,
// store and dispatch. The harness user arranges a strategy discussion as an administrator, then
// is given only the minute-taker role (the user is re-read on every call, so it applies at once):
// home becomes "My strategy discussions", the navigation offers only what the role may use, the
// discussion opens without the arranging controls, and the minutes typed are saved as a draft for
// the chair. A decision is refused. axe on each screen; screenshots at 1280×900.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyDiscussionRecord } from '../../shared/domain/strategy';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, field, screenshot, writeProse } from '../helpers/page-tools';
import { checklistAnswers, decisionInput, referralInput } from '../helpers/store-fixtures';

const HOUR = 3_600_000;

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;
let d: StrategyDiscussionRecord;
let referralId = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-minute-taker-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  // The harness user starts as duty worker, manager and administrator; the seed adds another
  // administrator (Lee Hughes), so this one may give up the role.
  await seedDatabase({ dataDir, referrals: 1, user: 'e2e-minutes' });
  harness = await startHarness({ dataDir, user: 'e2e-minutes', build: false });
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

async function navLabels(): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  return (await links.allTextContents()).map((t) => t.trim());
}

describe('the minute-taker', () => {
  it('is given only the minute-taker role after a discussion is arranged', async () => {
    const now = Date.now();
    const created = await api('referrals:create', {
      referral: referralInput({ receivedAt: new Date(now - 3 * HOUR).toISOString() }),
      newChildren: [0],
    });
    referralId = created.id;
    await api('decisions:record', {
      referralId: created.id,
      version: created.version,
      decision: decisionInput({
        answers: checklistAnswers({ 'significant-harm': 'yes' }),
        recommendedResponse: 'strategy-discussion',
        chosenResponse: 'strategy-discussion',
        decidedAt: new Date(now - 2.5 * HOUR).toISOString(),
      }),
    });
    const referral = await api('referrals:get', { id: created.id });
    const decision = referral.decisions.at(-1);
    const child = referral.children[0];
    if (!decision || !child) throw new Error('no decision or child');
    const users = await api('users:list', {});
    const chair = users.find((u) => u.displayName === 'Chris Adeyemi');
    if (!chair) throw new Error('the seed has no chair');
    d = await api('strategy:schedule', {
      referralId: created.id,
      trigger: { kind: 'decision', decisionId: decision.id },
      startsAt: new Date(now - 2 * HOUR).toISOString(),
      endsAt: new Date(now - HOUR).toISOString(),
      format: 'video',
      joinLink: 'https://teams.example/meet/sd-mt',
      chairId: chair.id,
      minuteTaker: 'Demo User',
      children: [{ referralChildId: child.id, lookedAfter: false }],
    });

    const me = (await api('session:current', {})).user;
    await api('users:set-roles', { id: me.id, version: me.version, roles: ['minute-taker'] });
    await page.reload();
    // No queue for a minute-taker: home is their discussions, never a refusal.
    await page.getByRole('heading', { level: 1, name: 'My strategy discussions' }).waitFor();
    expect(await navLabels()).toEqual(['My strategy discussions', 'Rules and clocks']);
    expect(await page.getByRole('combobox', { name: /Find a child or referral/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Download the week/ }).count()).toBe(0);
    // Chris chairs it, not this user: the minute-taker sees the team's open discussions.
    const row = page.getByRole('link', { name: `${d.referralReference} · discussion 1` });
    await row.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'minute-taker-home');
  });

  it('opens the discussion without the arranging controls and writes the minutes', async () => {
    await page.getByRole('link', { name: `${d.referralReference} · discussion 1` }).click();
    await page.getByRole('heading', { level: 2, name: 'Minutes' }).waitFor();
    for (const name of [
      'Change time or place',
      'Mark as held',
      'Cancel the discussion',
      'Finalise the minutes',
    ]) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await page.getByRole('link', { name: /Back to referral/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Documents kept' }).count()).toBe(0);

    await field(page, 'reason').click();
    await writeProse(page, 'Bruising seen at school; the child says she is scared to go home.');
    await page.getByText(/^Draft saved at \d\d:\d\d$/).waitFor();
    const saved = await api('strategy:get', { id: d.id });
    expect(saved.minutes.at(-1)).toMatchObject({
      status: 'draft',
      minutes: { reason: 'Bruising seen at school; the child says she is scared to go home.' },
    });
    await expectAccessible(page);
    await screenshot(page, 'minute-taker-minutes');
  });

  it('is refused the referral and its decision', async () => {
    await expect(api('referrals:get', { id: referralId })).rejects.toThrow(/Your role does not/);
    await expect(
      api('decisions:record', {
        referralId,
        version: 1,
        decision: decisionInput(),
      }),
    ).rejects.toThrow(/Your role does not allow this/);
  });
});
