// Browser end-to-end for a real morning at the front door (issue 9), in Chromium through the
// harness: an anonymous caller about "a boy called Tyler, about 6" (last name and date of birth
// not known) is saved and decided; a professional picked from the directory fills the form with no
// label drawn over the text; and two tabs correcting one referral resolve the clash field by field
// without retyping; the police told at 01:30 on the night the clocks go back, recorded with each
// choice, and refused at 01:30 on the night they go forward. axe on every screen.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, field, screenshot } from '../helpers/page-tools';
import { bornChild, referralInput } from '../helpers/store-fixtures';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;
let tylerId = '';

async function newPage(width = 1280, height = 720): Promise<Page> {
  if (!browser || !harness) throw new Error('not started');
  const context = await browser.newContext({ viewport: { width, height } });
  const p = await context.newPage();
  p.on('pageerror', (error) => {
    throw error;
  });
  await p.goto(harness.url);
  await p.getByRole('heading', { level: 1, name: 'Referral queue' }).waitFor();
  return p;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-morning-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 8, user: 'e2e-worker' });
  harness = await startHarness({ dataDir, user: 'e2e-worker', build: false });
  page = await newPage();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Choose the option labelled `label` in the radio group whose first input is the field `path`. */
async function choose(p: Page, path: string, label: string | RegExp): Promise<void> {
  await field(p, path).locator('xpath=ancestor::fieldset').getByLabel(label).check();
}

const shot = (name: string, p: Page = page): Promise<void> => screenshot(p, `morning-${name}`);

/** The label of a text box sits clear of the text in it (above the box's text line). */
async function labelClearOfText(box: Locator): Promise<void> {
  const id = await box.getAttribute('id');
  const label = box.page().locator(`label[for="${id ?? ''}"]`);
  // Measure where the label comes to rest, not part-way through its shrink transition.
  await label.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  const l = await label.boundingBox();
  const b = await box.boundingBox();
  if (!l || !b) throw new Error('no box');
  expect(await label.getAttribute('data-shrink')).toBe('true');
  // The text line starts below the input's top padding; a shrunk label sits on the outline,
  // above it (an unshrunk label would sit across the text line itself).
  const padTop = await box.evaluate((el) => parseFloat(getComputedStyle(el).paddingTop));
  // (Half a pixel for sub-pixel layout; a label over the text overlaps it by ten or more.)
  expect(l.y + l.height).toBeLessThanOrEqual(b.y + padTop + 0.5);
}

describe('a real morning at the front door', () => {
  it('an anonymous caller about "a boy called Tyler, about 6": saved and decided', async () => {
    await page
      .getByRole('link', { name: /New referral/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await page.getByLabel('Anonymous').check();
    await page
      .getByLabel('I have told the referrer that their anonymity cannot be guaranteed')
      .check();
    const child = page.getByTestId('child-0');
    await child.getByLabel('First name').fill('Tyler');
    const notKnown = child.getByRole('checkbox', { name: 'Not known' });
    await notKnown.nth(1).check();
    await notKnown.nth(2).check();
    await child.getByLabel('Approximate age in years (optional)').fill('6');
    await field(page, 'children.0.gender').selectOption('M');
    await child.getByLabel('Address line 1').fill('Flat above the chip shop, Quay Street');
    await choose(page, 'children.0.interpreterNeeded', 'Not known');
    await choose(page, 'children.0.disability', 'Not known');
    await field(page, 'concern').fill(
      'Caller hears a young boy screaming and a man shouting at the flat most nights.',
    );
    await field(page, 'currentWhereabouts').fill('Not known');
    await choose(page, 'immediateProtectionMayBeNeeded', 'No');
    await choose(page, 'parentsAware', 'Not known');
    await choose(page, 'parentsAgree', 'Not known');
    await choose(page, 'consent.status', 'Not sought');
    await field(page, 'consent.reason').fill('Anonymous referral: nobody to ask yet');
    // Search first on the first name and the year "about 6" points to; no such child here.
    await page.getByRole('button', { name: /Confirm as a new child|None of these/ }).click();
    await expectAccessible(page);
    await shot('tyler-form');
    await page.getByRole('button', { name: 'Save referral' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Tyler (last name not known)' })
      .waitFor({ timeout: 10_000 });
    tylerId = /#\/referrals\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    expect(tylerId).not.toBe('');
    // Focus lands on the new screen's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByRole('region', { name: 'Child' }).textContent()).toContain(
      'Not known: about 6 when referred',
    );
    await expectAccessible(page);
    await shot('tyler-saved');

    // The decision: a strategy discussion, recorded through the screen like any other.
    await page.getByRole('link', { name: 'Record decision' }).click();
    await fillStrategyDecision({
      rationale: 'Repeated screaming and shouting reported; child unseen.',
      seeingChildPlan: 'Duty social worker and police to find the flat today.',
    });
    await page.getByRole('button', { name: 'Record decision' }).click();
    await recorded();
    const after = await callApi(page, 'referrals:get', { id: tylerId });
    expect(after.status).not.toBe('awaiting-decision');
    expect(after.decisions[0]?.decision.familyInformed).toBe('not-yet');
  });

  it('a professional from the directory: filled in, labels clear of the text', async () => {
    await page
      .getByRole('link', { name: /New referral/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await page.getByLabel('A professional').check();
    const search = page.getByLabel('Find in the directory (optional)');
    await search.fill('Northgate');
    await page.getByRole('listbox').getByRole('option').first().click();
    for (const path of ['referrer.role', 'referrer.agencyName']) {
      const box = field(page, path);
      expect((await box.inputValue()).length).toBeGreaterThan(0);
      await labelClearOfText(box);
    }
    await shot('directory-filled');
    // Copy from child 1 into child 2: the copied address's label is clear of its text too.
    const first = page.getByTestId('child-0');
    await first.getByLabel('Last name').fill('Okoro');
    await first.getByLabel('Address line 1').fill('9 Harbour Row');
    await page.getByRole('button', { name: 'Add another child' }).click();
    const second = page.getByTestId('child-1');
    await second.getByLabel('Last name').fill('Okoro');
    await second.getByRole('button', { name: /Copy address, school, GP and language/ }).click();
    expect(await second.getByLabel('Last name').inputValue()).toBe('Okoro');
    const copied = second.getByLabel('Address line 1');
    expect(await copied.inputValue()).toBe('9 Harbour Row');
    await labelClearOfText(copied);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByRole('button', { name: 'Discard draft' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Referral queue' }).waitFor();
  });

  it('every mistake in one round, listed in the order of the page, and nothing saved', async () => {
    const before = (await callApi(page, 'referrals:list', { filter: 'all' })).length;
    await page
      .getByRole('link', { name: /New referral/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await page.getByLabel('A professional').check();
    const child = page.getByTestId('child-0');
    await child.getByLabel('First name').fill('Amy');
    await child.getByLabel('Date of birth').fill('31/04/2025');
    await child.getByLabel('NHS number (if known)').fill('1234567890');
    await page.getByRole('button', { name: 'Save referral' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    // The child's date, its NHS number, the missing last name and the concern, all at once.
    expect(text).toContain('April 2025 has no day 31');
    expect(text).toMatch(/NHS number/);
    expect(text).toMatch(/last name/);
    expect(text).toContain('Enter what the referrer is worried about');
    const inOrder = await summary.locator('a').evaluateAll((links) => {
      const fields = links.map((a) =>
        document.getElementById(a.getAttribute('href')?.slice(1) ?? ''),
      );
      return fields.every(
        (f, i) =>
          f !== null &&
          (i === 0 ||
            fields[i - 1]?.compareDocumentPosition(f) === Node.DOCUMENT_POSITION_FOLLOWING),
      );
    });
    expect(inOrder).toBe(true);
    expect(await summary.locator('a').count()).toBeGreaterThanOrEqual(5);
    await expectAccessible(page);
    await shot('errors-one-round');
    expect((await callApi(page, 'referrals:list', { filter: 'all' })).length).toBe(before);
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByRole('button', { name: 'Discard draft' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Referral queue' }).waitFor();
  });

  it('two tabs correct one referral: the second sees what changed and keeps both', async () => {
    const a = await newPage(1440, 900);
    const b = await newPage(1440, 900);
    for (const p of [a, b]) {
      await p.evaluate((id) => {
        window.location.hash = `#/referrals/${id}/edit`;
      }, tylerId);
      await p.getByRole('heading', { level: 1, name: /^Correct referral FD-/ }).waitFor();
    }
    await field(a, 'currentWhereabouts').fill('At the flat with his mother');
    await a.getByRole('button', { name: 'Save corrections' }).click();
    await a.getByRole('heading', { level: 1, name: 'Tyler (last name not known)' }).waitFor();

    await field(b, 'concern').fill(
      'Caller hears a young boy screaming most nights; now says the man has a dog he sets on the boy.',
    );
    await b.getByRole('button', { name: 'Save corrections' }).click();
    const conflict = b.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/saved this referral at .* after you started/);
    expect(await conflict.locator('tr[data-path="currentWhereabouts"]').textContent()).toContain(
      'Theirs (only they changed it)',
    );
    expect(await conflict.locator('tr[data-path="concern"]').textContent()).toContain(
      'Yours (only you changed it)',
    );
    await expectAccessible(b);
    await shot('conflict', b);
    await conflict.getByRole('button', { name: 'Combine both' }).click();
    expect(await field(b, 'currentWhereabouts').inputValue()).toBe('At the flat with his mother');
    await b.getByRole('button', { name: 'Save corrections' }).click();
    await b.getByRole('heading', { level: 1, name: 'Tyler (last name not known)' }).waitFor();
    const after = await callApi(b, 'referrals:get', { id: tylerId });
    expect(after.input.currentWhereabouts).toBe('At the flat with his mother');
    expect(after.input.concern).toMatch(/sets on the boy/);
    await a.context().close();
    await b.context().close();
  });
  /**
   * On the decision screen: every checklist question "no" but significant harm (and, with
   * `police`, a crime and when the police were told), a strategy discussion, the family to be
   * told tomorrow, and the lead practitioner where the edition asks. Does not press Record.
   */
  async function fillStrategyDecision(o: {
    rationale: string;
    seeingChildPlan: string;
    police?: { date: string; time: string };
  }): Promise<void> {
    await page.getByRole('heading', { level: 1, name: 'Record the decision' }).waitFor();
    const checklist = page.locator('[aria-labelledby="sec-checklist"]');
    for (const r of await checklist.locator('input[type="radio"][value="no"]').all())
      await r.check();
    await choose(page, 'answers.significant-harm', 'Yes');
    if (o.police) await choose(page, 'answers.crime-suspected', 'Yes');
    await choose(page, 'chosenResponse', /^Strategy discussion/);
    await field(page, 'rationale').fill(o.rationale);
    if (o.police) {
      await field(page, 'policeNotification.officerName').fill('DC Amy Hale');
      await field(page, 'policeNotification.forceOrTeam').fill('Harbour Police CAIT');
      await field(page, 'policeNotification.reference').fill('HP-26-0415');
      await field(page, 'policeNotification.notifiedAt').fill(o.police.date);
      await field(page, 'policeNotification.notifiedAt-time').fill(o.police.time);
    }
    await choose(page, 'familyInformed', /^Not yet/);
    await field(page, 'familyToBeToldBy').fill('Duty social worker');
    const tomorrow = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(
      new Date(Date.now() + 86_400_000),
    );
    await field(page, 'familyToBeToldOn').fill(tomorrow);
    await field(page, 'seeingChildPlan').fill(o.seeingChildPlan);
    if ((await field(page, 'leadPractitioner').count()) > 0) {
      await field(page, 'leadPractitioner').fill('Sam Okafor');
      await field(page, 'leadPractitionerAllocatedBy').fill('Jo Morgan');
      await choose(page, 'leadPractitionerRole', 'A social worker');
    }
  }

  /** Open the decision screen of a seeded referral and fill it with the police told at a time. */
  async function decideWithPoliceTime(id: string, date: string, time: string): Promise<void> {
    await page.evaluate((rid) => {
      window.location.hash = `#/referrals/${rid}/decision`;
    }, id);
    await fillStrategyDecision({
      rationale: 'Injury explained differently by the child and the parent.',
      seeingChildPlan: 'Social worker to see the child at school tomorrow.',
      police: { date, time },
    });
  }

  /** Waits for "Decision recorded"; if the form refused instead, fails with what it said. */
  async function recorded(): Promise<void> {
    const done = page.getByText('Decision recorded', { exact: true });
    const refused = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await done.or(refused).first().waitFor();
    if (await refused.isVisible())
      throw new Error(`Refused: ${(await refused.textContent()) ?? ''}`);
  }

  it('the police told at 01:30 on the nights the clocks change: each choice kept, the gap refused', async () => {
    // Referrals that arrived the day before the clocks went back: the police cannot have been
    // told about a referral before it arrived (the service refuses that).
    const awaiting = [];
    for (const givenNames of ['Ellis', 'Harper', 'Rowan']) {
      awaiting.push(
        await callApi(page, 'referrals:create', {
          referral: referralInput({
            receivedAt: '2026-10-24T09:00:00.000Z',
            children: [bornChild({ givenNames, familyName: 'Marsh' })],
          }),
          newChildren: [0],
        }),
      );
    }
    const choices = [
      { choice: 'the first time', instant: '2026-10-25T00:30:00.000Z' },
      { choice: 'the second time', instant: '2026-10-25T01:30:00.000Z' },
    ];
    for (const [i, c] of choices.entries()) {
      const id = awaiting[i]?.id ?? '';
      await decideWithPoliceTime(id, '25/10/2026', '01:30');
      // 01:30 happens twice that night: the field asks which, as a control, never guessing.
      const ask = page.getByTestId('policeNotification.notifiedAt-clock-change');
      await ask.waitFor();
      expect(await ask.textContent()).toMatch(/happens twice/);
      // By keyboard: Tab into the group, arrow to the choice.
      await field(page, 'policeNotification.notifiedAt-time').focus();
      await page.keyboard.press('Tab');
      if (i === 1) await page.keyboard.press('ArrowDown');
      else await page.keyboard.press('Space');
      expect(await ask.getByLabel(new RegExp(c.choice)).isChecked()).toBe(true);
      if (i === 0) {
        await expectAccessible(page);
        await shot('clock-change-choice');
      }
      await page.getByRole('button', { name: 'Record decision' }).click();
      await recorded();
      const saved = await callApi(page, 'referrals:get', { id });
      expect(saved.decisions[0]?.decision.policeNotification?.notifiedAt).toBe(c.instant);
    }

    // 01:30 on 29/03/2026 never happened in London: refused beside the field, nothing saved.
    const gap = awaiting[2]?.id ?? '';
    await decideWithPoliceTime(gap, '29/03/2026', '01:30');
    await page.getByRole('button', { name: 'Record decision' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/did not exist|does not exist|clocks went forward/);
    expect(await page.locator('#field-policeNotification-notifiedAt-error').textContent()).toMatch(
      /does not exist in the UK: the clocks go forward/,
    );
    await expectAccessible(page);
    await shot('clock-change-gap');
    const after = await callApi(page, 'referrals:get', { id: gap });
    expect(after.decisions).toHaveLength(0);
  });
});
