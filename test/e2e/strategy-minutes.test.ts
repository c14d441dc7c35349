// Browser end-to-end for the minutes of a strategy discussion (issue 12 "Recording and minutes"):
// a discussion that took place an hour ago (made through the API: scheduling has its own test),
// attendance and the minutes typed in the one autosaving form (a required agency absent, with the
// reason), finalised after the confirmation (then read-only), the PDF downloaded and read back
// with pdf.js (an independent reader), amended into version 2 with version 1 still readable.
// axe on each state; screenshots of the draft, the finalised minutes and version 2.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankHolidays, londonDate } from '../../shared/calendar';
import type { StrategyDiscussionRecord } from '../../shared/domain/strategy';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { formatUkDate } from '../../shared/validation/formats';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { SHOTS, callApi, field, screenshot, tabTo, writeProse } from '../helpers/page-tools';
import { checklistAnswers, decisionInput, referralInput } from '../helpers/store-fixtures';
import { readPdf } from '../unit/documents/read-pdf';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;
let d: StrategyDiscussionRecord;

const HOUR = 3_600_000;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-minutes-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 1, user: 'e2e-chair' });
  harness = await startHarness({ dataDir, user: 'e2e-chair', build: false });
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
/**
 * No serious or critical axe violations in the minutes panel (or the open dialog): the rest of
 * the discussion page has its own browser test, and checking only this part keeps the test quick.
 */
async function axe(scope = '[aria-labelledby="minutes-heading"]'): Promise<void> {
  const results = await new AxeBuilder({ page }).include(scope).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** A working day (weekday, not a bank holiday) about a week ahead, as typed. */
function workingDayAhead(): string {
  for (let days = 7; ; days += 1) {
    const iso = londonDate(new Date(Date.now() + days * 24 * HOUR).toISOString());
    const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
    const holiday = bankHolidays(Number(iso.slice(0, 4))).some((h) => h.date === iso);
    if (weekday !== 0 && weekday !== 6 && !holiday) return formatUkDate(iso);
  }
}

/** Click into a text box and enter the text as one input (a paste). */
async function write(path: string, text: string): Promise<void> {
  await field(page, path).click();
  await writeProse(page, text);
}

async function choose(card: Locator, label: string): Promise<void> {
  await card.getByLabel(label, { exact: true }).check();
}

const saved = (): Locator => page.getByText(/^Draft saved at \d\d:\d\d$/);

describe('recording the minutes of a strategy discussion', () => {
  it('opens the minutes of a discussion held an hour ago', async () => {
    const now = Date.now();
    const created = await api('referrals:create', {
      referral: referralInput({ receivedAt: new Date(now - 3 * HOUR).toISOString() }),
      newChildren: [0],
    });
    const decided = await api('decisions:record', {
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
    expect(decided).toBeTruthy();
    const session = await api('session:current', {});
    d = await api('strategy:schedule', {
      referralId: created.id,
      trigger: { kind: 'decision', decisionId: decision.id },
      startsAt: new Date(now - 2 * HOUR).toISOString(),
      endsAt: new Date(now - HOUR).toISOString(),
      format: 'video',
      joinLink: 'https://teams.example/meet/sd-1',
      chairId: session.user.id,
      minuteTaker: 'Pat Notes',
      children: [{ referralChildId: child.id, lookedAfter: false }],
    });
    for (const invitee of [
      { name: 'DS Lee Grant', agency: 'Northshire Police', covers: 'police' as const },
      { name: 'Dr Ana Costa', agency: 'Northshire NHS Trust', covers: 'health' as const },
      {
        name: 'Zoë Ólafsson',
        agency: "Northshire Children's Services",
        covers: 'social-worker' as const,
      },
    ]) {
      d = await api('strategy:add-invitee', {
        id: d.id,
        version: d.version,
        invitee: { ...invitee, seniority: 'decision-maker' },
      });
    }
    // Any role the local policy adds as well (the social worker's manager under 2013/2015).
    for (const key of d.roleCheck.missing) {
      const role = d.roleCheck.roles.find((r) => r.key === key)?.anyOf[0];
      if (!role) continue;
      d = await api('strategy:add-invitee', {
        id: d.id,
        version: d.version,
        invitee: {
          name: `Cover ${key}`,
          agency: 'Northshire',
          seniority: 'decision-maker',
          covers: role,
        },
      });
    }
    d = await api('strategy:confirm', { id: d.id, version: d.version });
    await page.evaluate((id) => {
      window.location.hash = `#/strategy/${id}`;
    }, d.id);
    await page.getByRole('heading', { level: 2, name: 'Minutes' }).waitFor();
    await page.getByText('A draft until the chair finalises it.', { exact: false }).waitFor();
  });

  it('records attendance and the minutes, saved as a draft as they type', async () => {
    for (const inv of d.invitees) {
      const card = page.getByTestId(`attendance-${inv.id}`);
      await choose(card, inv.covers === 'health' ? 'Sent apologies' : 'Attended');
    }
    const health = d.invitees.findIndex((i) => i.covers === 'health');
    const healthCard = page.getByTestId(`attendance-${d.invitees[health]?.id ?? ''}`);
    await healthCard.getByTestId('required-absent').waitFor();
    await choose(healthCard, 'Yes');
    await write(`attendance.${String(health)}.absenceNote`, 'In clinic; sent a written report.');

    await write(
      'reason',
      'Unexplained bruising seen at school; Amy says she is scared to go home.',
    );
    await page.getByRole('button', { name: 'Add information from an agency' }).click();
    await write('information.0.agency', 'Northshire Police');
    await write('information.0.text', 'Two call-outs to the address this year.');
    await page.getByLabel('May be shared with the family').check();
    await write('childViews.0.views', 'Amy said she is scared of her stepfather’s shouting.');
    await write('risks', 'Injury unexplained; domestic abuse call-outs.');
    await write('strengths', 'Grandmother nearby; school attendance good.');

    // The decision by keyboard: Tab to the group, Space picks the first answer (yes).
    await tabTo(page, field(page, 'decision.s47'));
    await page.keyboard.press('Space');
    await page.getByLabel('Joint with the police').check();
    await page.locator('#field-decision-criminalInvestigation').check();
    await write('decision.criminalInvestigationTiming', 'ABE interview on Thursday at 10:00.');
    for (const q of ['medicalExamination', 'legalPlanning', 'ladoReferral']) {
      const group = page.locator('fieldset').filter({ has: field(page, `decision.${q}`) });
      await group.getByLabel('No', { exact: true }).check();
    }
    await write('decision.rationale', 'Reasonable cause to suspect significant harm.');
    await page.getByLabel('To be told', { exact: true }).check();
    await write('family.what', 'That there will be an enquiry and a visit.');
    await write('family.by', 'Pat Notes');
    await write('family.when', formatUkDate(londonDate(new Date().toISOString())));
    await write('safetyPlan', 'Amy stays with her grandmother until the visit.');
    await page.getByRole('button', { name: 'Add an action' }).click();
    await write('actions.0.what', 'Joint visit with the police');
    await write('actions.0.owner', 'Pat Notes');
    await write('actions.0.agency', 'Children’s Services');
    await write('actions.0.due', workingDayAhead());
    await page.getByLabel('Initial child protection conference').check();

    await saved().waitFor();
    await expect
      .poll(async () => (await api('strategy:get', { id: d.id })).minutes[0]?.minutes.safetyPlan)
      .toBe('Amy stays with her grandmother until the visit.');
    await axe();
    await screenshot(page, 'minutes-draft');
  });

  it('finalises after the confirmation; the minutes are then locked', async () => {
    await page.getByRole('button', { name: 'Finalise the minutes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Finalise version 1 of the minutes?' });
    await dialog.getByText('The minutes will be locked').waitFor();
    await axe('[role="dialog"]');
    await dialog.getByRole('button', { name: 'Finalise and lock the minutes' }).click();
    await page.getByText('These minutes are finalised and locked.').waitFor();
    expect(await field(page, 'reason').count()).toBe(0);
    const record = await api('strategy:get', { id: d.id });
    expect(record.status).toBe('minutes-finalised');
    expect(record.minutes.map((m) => m.status)).toEqual(['finalised']);
    await axe();
    await screenshot(page, 'minutes-finalised');
  });

  it('downloads the minutes as a PDF a reader can read', async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download minutes (PDF)' }).click(),
    ]);
    expect(file.suggestedFilename()).not.toMatch(/amy|smith/i);
    const path = await file.path();
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(path, join(SHOTS, 'minutes.pdf'));
    const pdf = await readPdf(new Uint8Array(readFileSync(path)));
    const text = pdf.pages.map((p) => p.text).join('\n');
    expect(pdf.pages[0]?.text).toMatch(/Page 1 of \d/);
    expect(pdf.pages[0]?.text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain(d.referralReference);
    expect(text).toContain('DS Lee Grant');
    expect(text).toContain('Zoë Ólafsson');
    expect(text).toContain('Joint visit with the police');
    expect(text).toContain('In clinic; sent a written report.');
    await expect
      .poll(() => page.getByTestId('minutes-hand-over').textContent())
      .toContain('Downloaded');
  });

  it('amends the minutes into version 2; version 1 stays readable', async () => {
    await page.getByRole('button', { name: 'Amend the minutes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Amend the minutes' });
    await dialog.waitFor();
    await write('amendment.whatChanged', 'The ABE interview moved to Friday.');
    await write('amendment.why', 'The police officer is in court on Thursday.');
    await axe('[role="dialog"]');
    await dialog.getByRole('button', { name: 'Start version 2' }).click();
    await page.getByText(/^Version 2 \(amendment\) · draft/).waitFor();
    await expect(field(page, 'decision.criminalInvestigationTiming').inputValue()).resolves.toBe(
      'ABE interview on Thursday at 10:00.',
    );
    await field(page, 'decision.criminalInvestigationTiming').fill(
      'ABE interview on Friday at 10:00.',
    );
    await saved().waitFor();
    await page.getByRole('button', { name: 'Show version 1' }).click();
    const v1 = page.getByTestId('minutes-read-1');
    await v1.getByText('Yes: ABE interview on Thursday at 10:00.').waitFor();
    const record = await api('strategy:get', { id: d.id });
    expect(record.minutes.map((m) => [m.number, m.status])).toEqual([
      [1, 'finalised'],
      [2, 'draft'],
    ]);
    expect(record.minutes[1]?.amendment?.why).toBe('The police officer is in court on Thursday.');
    await axe();
    await screenshot(page, 'minutes-version-2');
  });
});
