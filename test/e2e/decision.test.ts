// Browser end-to-end for the decision checklist and the referral page (issue 4): open a seeded
// referral awaiting decision, try to record a strategy-discussion decision without a rationale
// (error summary, nothing saved), then complete it with the keyboard alone; the follow-ups appear,
// the queue moves it to "awaiting sign-off" (2013 policy: manager sign-off required), a
// significant event is added, and a manager (a second harness user) signs it off. axe on both
// screens. Then a decision a manager returns with a comment: the queue row and the referral say
// so, and the worker reopens the form with the answers filled in and the comment at the top.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../../shared/checklist';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import {
  SHOTS,
  callApi,
  expectAccessible,
  field,
  screenshot,
  tabTo as tabToOn,
  writeProse,
} from '../helpers/page-tools';
import { bornChild, decisionInput, referralInput } from '../helpers/store-fixtures';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;
let referralId = '';

async function openPage(h: Harness): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  p.on('pageerror', (error) => {
    throw error;
  });
  await p.goto(h.url);
  await p.getByRole('heading', { level: 1, name: 'Referral queue' }).waitFor();
  return p;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-decision-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 12, user: 'e2e-worker' });
  harness = await startHarness({ dataDir, user: 'e2e-worker', build: false });
  page = await openPage(harness);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const shot = (name: string): Promise<void> => screenshot(page, name);
const api = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> =>
  callApi(page, channel, input);
const axe = (): Promise<void> => expectAccessible(page);
const tabTo = (target: Locator): Promise<void> => tabToOn(page, target);

const radio = (path: string): Locator => field(page, path);

describe('recording a decision', () => {
  it('opens a seeded referral awaiting decision, with no serious accessibility problems', async () => {
    // Manager sign-off required (WT 2013), so the manager's part can be tested too.
    const settings = await api('settings:get', {});
    await api('settings:update', { version: settings.version, edition: 2013 });
    await page.reload();
    const row = page.getByTestId('queue-row').first();
    await row.waitFor();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'The concern' }).waitFor();
    referralId = /#\/referrals\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    expect(referralId).not.toBe('');
    await page.getByRole('region', { name: 'Clocks' }).waitFor();
    expect(await page.getByTestId('clocks').textContent()).toContain(
      'Decision on type of response',
    );
    await axe();
    await shot('referral-page');
  });

  it('refuses a decision without a rationale: error summary, nothing saved', async () => {
    await tabTo(page.getByRole('link', { name: 'Record decision' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Record the decision' }).waitFor();
    await axe();
    await shot('decision-checklist');

    // No recommendation until the safety questions are answered.
    expect(await page.getByTestId('recommendation').textContent()).toContain(
      'No recommendation yet: answer these first',
    );
    // Every question by keyboard: Tab into the group, then Space (yes) or an arrow (no). The
    // early-help consent question is only asked once early help fits, so it is not here.
    const asked = checklistFor(2013)
      .questions.filter((q) => q.askedIf === undefined)
      .map((q) => q.id);
    for (const q of asked) {
      await tabTo(radio(`answers.${q}`));
      await page.keyboard.press(
        q === 'significant-harm' || q === 'crime-suspected' ? 'Space' : 'ArrowRight',
      );
    }
    const recommendation = page.getByTestId('recommendation');
    expect(await recommendation.textContent()).toContain(
      'Strategy discussion (possible section 47 enquiry)',
    );
    // The chosen response: Tab into the group and arrow down to the strategy discussion.
    await tabTo(radio('chosenResponse'));
    for (let i = 0; i < 6; i += 1) {
      const checked = await page.locator('input[name][value="strategy-discussion"]').isChecked();
      if (checked) break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.locator('input[value="strategy-discussion"]').isChecked()).toBe(true);
    await tabTo(page.getByRole('button', { name: 'Record decision' }));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter the reasons for your decision');
    await shot('decision-errors');
    const referral = await api('referrals:get', { id: referralId });
    expect(referral.status).toBe('awaiting-decision');
    expect(referral.decisions).toHaveLength(0);
  });

  it('completes the decision with the keyboard alone; the follow-ups appear', async () => {
    // Follow the error summary link to the field.
    await tabTo(page.getByRole('link', { name: 'Enter the reasons for your decision' }));
    await page.keyboard.press('Enter');
    expect(
      await page.locator('#field-rationale').evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await writeProse(
      page,
      'Child disclosed being hit with a belt by the stepfather; bruising seen by the school.',
    );
    expect(await page.locator('#field-rationale').inputValue()).toMatch(
      /bruising seen by the school\.$/,
    );
    // The crime question was answered in the checklist: the police details are asked for here.
    await tabTo(page.locator('#field-policeNotification-officerName'));
    await page.keyboard.type('DC Amy Hale');
    await tabTo(page.locator('#field-policeNotification-forceOrTeam'));
    await page.keyboard.type('Harbour Police CAIT');
    await tabTo(page.getByRole('button', { name: 'Use the time now' }));
    await page.keyboard.press('Enter');
    await tabTo(page.locator('#field-policeNotification-reference'));
    await page.keyboard.type('HP-24-1187');
    await tabTo(radio('familyInformed'));
    await page.keyboard.press('ArrowDown'); // "Not yet: someone will tell them"
    await page.keyboard.press('ArrowDown'); // "No: telling them now would put … at risk"
    await tabTo(radio('familyWithheldReason'));
    await page.keyboard.press('Space'); // jeopardise a police investigation
    await tabTo(page.locator('#field-familyWithheldExplanation'));
    await writeProse(page, 'Police want to speak to the stepfather before the family is told.');
    await tabTo(page.locator('#field-seeingChildPlan'));
    await writeProse(page, 'Social worker and DC Hale to see Noah at school tomorrow at 09:00.');
    if ((await page.locator('#field-leadPractitioner').count()) > 0) {
      await tabTo(page.locator('#field-leadPractitioner'));
      await page.keyboard.type('Sam Okafor');
    }
    // Recorded for the manager who decided on the phone: both names are kept.
    await tabTo(page.locator('#field-onBehalfOf'));
    await page.keyboard.type('Jo Morgan');
    await shot('decision-complete');
    await tabTo(page.getByRole('button', { name: 'Record decision' }));
    await page.keyboard.press('Enter');

    await page.getByText('Decision recorded', { exact: true }).waitFor();
    const followUps = page.getByTestId('follow-ups');
    await followUps.waitFor();
    const text = (await followUps.textContent()) ?? '';
    expect(text).toContain('Police told');
    expect(text).toContain('HP-24-1187');
    expect(text).toContain('Hold a strategy discussion');
    expect(text).toContain('Acknowledge the referral');
    expect(text).toMatch(/Due \w{3} \d{2}\/\d{2}\/\d{4}/);
    expect(
      await page.getByRole('region', { name: 'Decision', exact: true }).textContent(),
    ).toContain('Awaiting manager sign-off');
    expect(await page.getByRole('region', { name: 'Decision', exact: true }).textContent()).toMatch(
      /Recorded by .+ on behalf of Jo Morgan on \d{2}\/\d{2}\/\d{4}/,
    );
    await shot('decision-recorded');

    // The queue: no longer awaiting a decision; listed as awaiting sign-off.
    const awaitingSignOff = await api('referrals:list', { filter: 'awaiting-sign-off' });
    expect(awaitingSignOff.map((q) => q.id)).toContain(referralId);
    const open = await api('referrals:list', { filter: 'all' });
    expect(open.find((q) => q.id === referralId)?.status).not.toBe('awaiting-decision');
  });

  it('adds a significant event to the chronology', async () => {
    const chronology = page.getByRole('region', { name: 'What has happened' });
    await chronology.getByRole('button', { name: 'Add significant event' }).click();
    await chronology
      .getByLabel('What happened')
      .fill('Mother rang: the stepfather has left the house.');
    await chronology.getByRole('button', { name: 'Add event' }).click();
    await chronology
      .getByTestId('chronology')
      .getByText('Mother rang: the stepfather has left the house.')
      .waitFor();
    await chronology.getByRole('button', { name: 'Add significant event' }).waitFor();
    await page
      .getByRole('region', { name: 'Who has viewed and changed this' })
      .getByRole('button')
      .click();
    await page.getByTestId('audit').waitFor();
    await axe();
    await shot('referral-page-decided');
  });

  it('lets a manager (another user) sign the decision off', async () => {
    await page.context().close();
    await harness?.close();
    if (!dataDir) throw new Error('no data');
    harness = await startHarness({ dataDir, user: 'jmorgan', build: false });
    page = await openPage(harness);
    await page.evaluate((id) => {
      window.location.hash = `#/referrals/${id}`;
    }, referralId);
    const signOff = page.getByRole('region', { name: 'Manager sign-off' });
    await signOff.waitFor();
    await shot('decision-sign-off');
    await signOff.getByRole('button', { name: 'Agree' }).click();
    await page.getByText(/^Signed off by Jo Morgan/).waitFor();
    const referral = await api('referrals:get', { id: referralId });
    expect(referral.status).toBe('decided');
    expect(referral.decisions[0]?.status).toBe('final');
  });

  it('records what the strategy discussion decided; the conference clock follows it', async () => {
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(
      new Date(),
    );
    const progress = page.getByRole('region', { name: 'Progress since the decision' });
    const icpc = page.getByTestId('clocks').locator('[data-clock="icpc"]');
    expect(await icpc.count()).toBe(0);
    await progress.getByRole('button', { name: 'Record progress' }).click();
    await progress.getByLabel('What happened').click();
    await page.getByRole('option', { name: 'Strategy discussion held' }).click();
    await progress.getByLabel('Date', { exact: true }).fill(today);
    await progress
      .getByRole('group', { name: /start a section 47 enquiry/ })
      .getByLabel('Yes')
      .check();
    await progress.getByLabel('Joint with the police').check();
    await axe();
    await shot('progress-form');
    await progress.getByRole('button', { name: 'Record', exact: true }).click();
    await progress.getByText(/^Recorded: .*Section 47 enquiry to start/).waitFor();
    // The enquiry has started but its outcome is not known: the conference clock waits.
    await icpc.getByText(/Starts if the section 47 enquiry finds the child likely/).waitFor();
    expect(await icpc.textContent()).toMatch(/Would be due \w{3} \d{2}\/\d{2}\/\d{4}/);

    await progress.getByRole('button', { name: 'Record progress' }).click();
    await progress.getByLabel('What happened').click();
    await page.getByRole('option', { name: 'Outcome of the section 47 enquiry' }).click();
    await progress.getByLabel('Date', { exact: true }).fill(today);
    await progress
      .getByLabel(
        'Concerns substantiated and the child is judged likely to suffer significant harm',
      )
      .check();
    await progress.getByRole('button', { name: 'Record', exact: true }).click();
    await icpc.getByText(/^Due \w{3} \d{2}\/\d{2}\/\d{4}$/).waitFor();
    expect(await icpc.getByTestId('clock-chip').textContent()).toMatch(/On time/);
    await shot('progress-recorded');
    const referral = await api('referrals:get', { id: referralId });
    expect(referral.progress.map((p) => p.event.kind)).toEqual([
      'strategy-discussion',
      's47-started',
      's47-outcome',
    ]);
  });
});

describe('search first on a saved referral', () => {
  it('asks for each child to be checked before the decision, then offers it', async () => {
    // A referral saved without the search-first step (as from an older version, or an import).
    const created = await api('referrals:create', {
      referral: referralInput({
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    });
    await page.evaluate((id) => {
      window.location.hash = `#/referrals/${id}`;
    }, created.id);
    await page.getByRole('button', { name: 'Check existing records' }).waitFor();
    expect(await page.getByRole('link', { name: 'Record decision' }).count()).toBe(0);
    await axe();
    await shot('referral-page-check-records');
    // Refused by the service too, not only hidden.
    await expect(
      api('decisions:record', {
        referralId: created.id,
        version: created.version,
        decision: decisionInput({ decidedAt: new Date().toISOString() }),
      }),
    ).rejects.toThrow(/link child 1 to an existing record or confirm them as new/);

    await tabTo(page.getByRole('button', { name: 'Check existing records' }));
    await page.keyboard.press('Enter');
    const step = page.getByRole('region', { name: 'Already known?' });
    expect(
      await step.getByRole('heading', { level: 2 }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    const newChild = step.getByRole('button', { name: /new child$/ });
    await newChild.waitFor({ timeout: 10_000 });
    await tabTo(newChild);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Record decision' }).waitFor();
    expect(await step.count()).toBe(0);
    const after = await api('referrals:get', { id: created.id });
    expect(after.children[0]?.personId).not.toBeNull();
  });
});

describe('a decision the manager returned', () => {
  const comment = 'Speak to the school nurse before deciding, and say who will see Mia';
  let returnedId = '';
  let reference = '';

  /** The harness as another computer account: a fresh page signed in as them. */
  async function actAs(user: string): Promise<void> {
    await page.context().close();
    await harness?.close();
    if (!dataDir) throw new Error('no data');
    harness = await startHarness({ dataDir, user, build: false });
    page = await openPage(harness);
  }

  async function openReferral(id: string): Promise<void> {
    await page.evaluate((rid) => {
      window.location.hash = `#/referrals/${rid}`;
    }, id);
    await page.getByRole('heading', { name: 'The concern' }).waitFor();
  }

  it('a worker records a decision that needs sign-off (its own referral)', async () => {
    await actAs('dwilson');
    // WT 2013: the social worker decides with their manager (sign-off required).
    const settings = await api('settings:get', {});
    if (settings.edition !== 2013) {
      await api('settings:update', { version: settings.version, edition: 2013 });
    }
    const created = await api('referrals:create', {
      referral: referralInput({
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        children: [bornChild({ givenNames: 'Mia', familyName: 'Holloway' })],
      }),
      newChildren: [0],
    });
    returnedId = created.id;
    reference = created.reference;
    const decided = await api('decisions:record', {
      referralId: created.id,
      version: created.version,
      decision: decisionInput({ decidedAt: new Date().toISOString() }),
    });
    expect(decided.status).toBe('awaiting-sign-off');
  });

  it('a manager returns it with a comment, by keyboard; the referral page says so', async () => {
    await actAs('jmorgan');
    await openReferral(returnedId);
    const signOff = page.getByRole('region', { name: 'Manager sign-off' });
    await signOff.waitFor();
    await tabTo(signOff.getByRole('button', { name: 'Return with comment' }));
    await page.keyboard.press('Enter');
    await tabTo(signOff.getByLabel('Why are you returning it?'));
    await writeProse(page, comment);
    await tabTo(signOff.getByRole('button', { name: 'Return with comment' }));
    await page.keyboard.press('Enter');
    const notice = page.getByTestId('returned-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      new RegExp(`Returned by Jo Morgan on \\d{2}/\\d{2}/\\d{4}: ${comment}\\.`),
    );
    await axe();
    await shot('referral-page-returned');
  });

  it('the worker sees it on the queue row and reopens it with the answers filled in', async () => {
    await actAs('dwilson');
    const row = page.getByTestId('queue-row').filter({ hasText: reference });
    await row.waitFor();
    expect(await row.getByTestId('queue-returned').textContent()).toBe(
      `Returned by Jo Morgan: ${comment}.`,
    );
    await shot('queue-returned');
    // Keyboard only: the row, then "Record decision" on the referral page.
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'The concern' }).waitFor();
    await tabTo(page.getByRole('link', { name: 'Record decision' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Record the decision' }).waitFor();

    const notice = page.getByTestId('returned-notice');
    expect(await notice.textContent()).toContain(
      `${comment}. Your previous answers are filled in; change what the manager asked for.`,
    );
    expect(await page.locator('#field-rationale').inputValue()).toBe(decisionInput().rationale);
    expect(await page.locator('input[value="s17-assessment"]').isChecked()).toBe(true);
    // The checklist answers too ("Yes" is the first radio of the child-in-need question).
    expect(await radio('answers.child-in-need').isChecked()).toBe(true);
    // What is being decided sits beside the checklist.
    const context = page.getByRole('complementary', { name: 'What is being decided' });
    expect(await context.textContent()).toContain('Mia Holloway');
    await axe();
    await shot('decision-returned');
    // As a worker sees it on a 1280×720 screen, and on a 1440×900 one.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: join(SHOTS, 'decision-returned-1280x720.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(SHOTS, 'decision-returned-1440x900.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('changes what the manager asked for and records it again', async () => {
    await tabTo(page.locator('#field-rationale'));
    await page.keyboard.press('Control+End');
    await writeProse(page, ' The school nurse confirms the bruising.');
    await tabTo(page.locator('#field-seeingChildPlan'));
    await page.keyboard.press('Control+A');
    await writeProse(page, 'Riya Patel to see Mia at school tomorrow morning.');
    await tabTo(page.getByRole('button', { name: 'Record decision' }));
    await page.keyboard.press('Enter');
    await page.getByText('Decision recorded', { exact: true }).waitFor();
    const referral = await api('referrals:get', { id: returnedId });
    expect(referral.status).toBe('awaiting-sign-off');
    expect(referral.decisions.map((d) => d.status)).toEqual(['returned', 'awaiting-sign-off']);
    expect(referral.decisions[1]?.rationale).toMatch(/school nurse confirms the bruising\.$/);
    const rows = await api('referrals:list', { filter: 'all' });
    expect(rows.find((q) => q.id === returnedId)?.returned ?? null).toBeNull();
  });
});
