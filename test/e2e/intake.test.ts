// Browser end-to-end for a duty worker's referral (issue 4), in Chromium through the harness:
// a school rings about two siblings; the worker takes it with the keyboard alone, search first
// finds the seeded sound-alike child with a re-referral warning, the draft survives a reload
// mid-form, the referral is saved with both children linked or confirmed new, its clock shows in
// the queue, a strategy-discussion decision with police notification is recorded and the
// follow-ups appear. Then bad input (future date of birth, 31/04/2025, bad NHS number, missing
// concern) is refused with nothing saved. axe on every screen.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { SOUND_ALIKE_CHILD } from '../harness/seed-facts';
import { launchChromium } from '../helpers/browser';
import {
  callApi,
  expectAccessible,
  field,
  screenshot,
  tabTo as tabToOn,
  writeProse,
} from '../helpers/page-tools';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;
let openBefore = 0;
let referralId = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-intake-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 10, user: 'e2e-worker' });
  harness = await startHarness({ dataDir, user: 'e2e-worker', build: false });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const shot = (name: string): Promise<void> => screenshot(page, `intake-${name}`);
const tabTo = (path: string): Promise<void> => tabToOn(page, field(page, path));

/** Focus a text box with Tab, then type into it. */
async function typeInto(path: string, text: string): Promise<void> {
  await tabTo(path);
  await page.keyboard.type(text);
}

/** Focus a free-text box with Tab, then write a sentence into it (writeProse). */
async function writeInto(path: string, text: string): Promise<void> {
  await tabTo(path);
  await writeProse(page, text);
}

/** A native select: focus it with Tab, then type the start of the option's label. */
async function chooseIn(path: string, start: string, value: string): Promise<void> {
  await tabTo(path);
  await page.keyboard.type(start);
  expect(await field(page, path).inputValue()).toBe(value);
}

/** A radio group: Tab lands on the first option (or the chosen one); arrows move and choose. */
async function chooseRadio(path: string, arrowsDown: number): Promise<void> {
  await tabTo(path);
  if (arrowsDown === 0) await page.keyboard.press('Space');
  for (let i = 0; i < arrowsDown; i += 1) await page.keyboard.press('ArrowDown');
}

/** One option of the radio group whose first radio has the id for this path. */
function radioIn(path: string, value: string) {
  // The innermost fieldset holding that radio is the group (groups can sit inside sections).
  return page
    .locator('fieldset', { has: field(page, path) })
    .last()
    .locator(`input[type="radio"][value="${value}"]`);
}

async function openCount(): Promise<number> {
  return (await callApi(page, 'referrals:list', { filter: 'all' })).length;
}

describe("a duty worker's referral", () => {
  it('opens a new referral from the queue with the keyboard; the form passes axe', async () => {
    if (!harness) throw new Error('no harness');
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Referral queue' }).waitFor();
    openBefore = await openCount();
    await tabToOn(page, page.getByRole('link', { name: 'New referral' }).first());
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await shot('empty');
    await expectAccessible(page);
  });

  it('takes a referral about two siblings from a school with the keyboard alone', async () => {
    // Referrer: a designated safeguarding lead from the directory.
    await chooseRadio('referrer.kind', 0);
    await tabToOn(page, page.locator('#directory-search'));
    await page.keyboard.type('Northgate');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await field(page, 'referrer.agencyName').inputValue()).toBe('Northgate Primary School');
    expect(await field(page, 'referralSourceCode').inputValue()).toBe('2A');
    await chooseRadio('referrer.wantsFeedback', 0);
    await chooseIn('referrer.feedbackMethod', 'Ph', 'phone');

    // Child 1: the sound-alike of a seeded child, referred within the last 12 months.
    await typeInto('children.0.givenNames', 'Aidan');
    await typeInto('children.0.familyName', 'Smith');
    await typeInto('children.0.dateOfBirth', '14/06/2015');
    const panel = page.getByTestId('match-panel-0');
    await panel
      .getByText(`${SOUND_ALIKE_CHILD.givenNames} ${SOUND_ALIKE_CHILD.familyName}`)
      .waitFor({ timeout: 10_000 });
    await panel.getByTestId('re-referral-warning').waitFor();
    expect(await panel.textContent()).toContain('Surname sounds like');
    await shot('match');
    await expectAccessible(page);
    await tabToOn(page, panel.getByRole('button', { name: 'This is the same child' }).first());
    await page.keyboard.press('Enter');
    await panel.getByText('Linked to an existing record.').waitFor();
    await chooseIn('children.0.gender', 'M', 'M');
    await typeInto('children.0.address.line1', '12 Harbour Row');
    await typeInto('children.0.address.town', 'Harbourton');
    await typeInto('children.0.address.postcode', 'LS1 4AB');
    // School from the directory's organisations.
    await typeInto('children.0.school', 'Northg');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: 'Northgate Primary School' })
      .waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await field(page, 'children.0.school').inputValue()).toBe('Northgate Primary School');
    await chooseRadio('children.0.interpreterNeeded', 1);
    await chooseRadio('children.0.disability', 1);

    // Child 2: a younger sister, address and school copied from child 1.
    await tabToOn(page, page.getByRole('button', { name: 'Add another child' }));
    await page.keyboard.press('Enter');
    await tabToOn(
      page,
      page.getByRole('button', { name: 'Copy address, school, GP and language from child 1' }),
    );
    await page.keyboard.press('Enter');
    expect(await field(page, 'children.1.school').inputValue()).toBe('Northgate Primary School');
    await typeInto('children.1.givenNames', 'Maisie');
    expect(await field(page, 'children.1.familyName').inputValue()).toBe('Smith');
    await typeInto('children.1.dateOfBirth', '03/09/2019');
    await chooseIn('children.1.gender', 'F', 'F');
    await chooseRadio('children.1.interpreterNeeded', 1);
    await chooseRadio('children.1.disability', 1);
    const second = page.getByTestId('match-panel-1');
    const none = second.getByRole('button', { name: /new child$/ });
    await none.waitFor({ timeout: 10_000 });
    await tabToOn(page, none);
    await page.keyboard.press('Enter');
    await second.getByText('Confirmed as a new child.').waitFor();

    // The concern.
    await writeInto(
      'concern',
      'Aidan told his teacher that his mum\'s partner "grabbed him by the neck" last night. Red marks seen on his neck. Maisie (nursery class) is in the same household.',
    );
    await typeInto('assessmentFactors', 'physical');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await writeInto('currentWhereabouts', 'Both at Northgate Primary School until 15:15');
    await chooseRadio('immediateProtectionMayBeNeeded', 1);
    await chooseRadio('parentsAware', 1);
    await chooseRadio('parentsAgree', 2);
    await writeInto(
      'parentsReason',
      'School worried that telling mum first would alert her partner.',
    );
    await chooseRadio('consent.status', 2);
    await writeInto('consent.reason', 'Seeking consent may put the children at risk of harm.');
    await page.getByText(/Draft saved/).waitFor({ timeout: 5_000 });
  });

  it('keeps everything typed through a reload mid-form', async () => {
    await page.waitForTimeout(1_200); // the last keystrokes' autosave (at most a second)
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await page.getByText('Your draft has been restored. Changes save automatically.').waitFor();
    expect(await field(page, 'children.0.givenNames').inputValue()).toBe('Aidan');
    expect(await field(page, 'children.1.givenNames').inputValue()).toBe('Maisie');
    expect(await field(page, 'consent.reason').inputValue()).toMatch(/at risk of harm\.$/);
    await page.getByTestId('match-panel-0').getByText('Linked to an existing record.').waitFor();
    await page.getByTestId('match-panel-1').getByText('Confirmed as a new child.').waitFor();
  });

  it('saves the referral; both children are on record and its clock is in the queue', async () => {
    await tabToOn(page, page.getByRole('button', { name: 'Save referral' }));
    await page.keyboard.press('Enter');
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await Promise.race([
      page.waitForURL(/#\/referrals\/(?!new)[^/?]+$/, { timeout: 10_000 }),
      problem.waitFor({ timeout: 10_000 }).then(async () => {
        throw new Error(`Not saved: ${(await problem.textContent()) ?? ''}`);
      }),
    ]);
    // The router keeps the old screen up while the new one loads: wait for the referral itself.
    await page
      .getByRole('heading', { level: 1, name: 'Aidan Smith, Maisie Smith' })
      .waitFor({ timeout: 10_000 });
    referralId = /#\/referrals\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    expect(referralId).not.toBe('');
    const saved = await callApi(page, 'referrals:get', { id: referralId });
    expect(saved.children.map((c) => c.displayName)).toEqual(['Aidan Smith', 'Maisie Smith']);
    expect(saved.children.every((c) => c.personId !== null)).toBe(true);
    expect(saved.children[0]?.reReferral).toBe(true);
    expect(saved.referrer.kind).toBe('professional');
    expect(saved.sourceCode).toBe('2A');
    // No "Already known?" step left: both were settled on the form.
    expect(await page.getByRole('region', { name: 'Already known?' }).count()).toBe(0);
    await expectAccessible(page);
    await shot('saved');

    await tabToOn(page, page.getByRole('link', { name: 'Back to the queue' }));
    await page.keyboard.press('Enter');
    const row = page.getByTestId('queue-row').filter({ hasText: 'Aidan Smith' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Maisie Smith/);
    expect(await row.textContent()).toMatch(/On time|Due today/);
    expect(await openCount()).toBe(openBefore + 1);
    await shot('queue-after-save');
  });

  it('records a strategy discussion with police notification; the follow-ups appear', async () => {
    const row = page.getByTestId('queue-row').filter({ hasText: 'Aidan Smith' });
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Record decision' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record the decision' }).waitFor();
    await expectAccessible(page);
    const checklist = page.locator('[aria-labelledby="sec-checklist"]');
    for (const r of await checklist.locator('input[type="radio"][value="no"]').all()) {
      await r.check();
    }
    await radioIn('answers.significant-harm', 'yes').check();
    await radioIn('answers.crime-suspected', 'yes').check();
    await radioIn('chosenResponse', 'strategy-discussion').check();
    await field(page, 'rationale').fill(
      'Disclosure of being grabbed by the neck with marks seen; sibling in the same household.',
    );
    await field(page, 'policeNotification.officerName').fill('DC Amy Hale');
    await field(page, 'policeNotification.forceOrTeam').fill('Harbour Police CAIT');
    await page.getByRole('button', { name: 'Use the time now' }).click();
    await field(page, 'policeNotification.reference').fill('HP-26-0412');
    await radioIn('familyInformed', 'no-withheld').check();
    await page
      .locator('fieldset', { has: field(page, 'familyWithheldReason') })
      .last()
      .locator('input[type="radio"]')
      .first()
      .check();
    await field(page, 'familyWithheldExplanation').fill('Police to speak to the partner first.');
    await field(page, 'seeingChildPlan').fill('Social worker and DC Hale to see both at school.');
    if ((await field(page, 'leadPractitioner').count()) > 0) {
      await field(page, 'leadPractitioner').fill('Sam Okafor');
      await field(page, 'leadPractitionerAllocatedBy').fill('Jo Morgan');
      await radioIn('leadPractitionerRole', 'social-worker').check();
    }
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Decision recorded', { exact: true }).waitFor();
    const followUps = page.getByTestId('follow-ups');
    const text = (await followUps.textContent()) ?? '';
    expect(text).toContain('Police told');
    expect(text).toContain('HP-26-0412');
    expect(text).toContain('Hold a strategy discussion');
    expect(text).toMatch(/Due \w{3} \d{2}\/\d{2}\/\d{4}/);
    await shot('decided');
    const after = await callApi(page, 'referrals:get', { id: referralId });
    expect(after.status).not.toBe('awaiting-decision');
    expect(after.decisions[0]?.decision.chosenResponse).toBe('strategy-discussion');
  });

  it('corrects a detail on the saved referral; the links and history are kept', async () => {
    await page.getByRole('link', { name: 'Correct details' }).click();
    await page
      .getByRole('heading', { level: 1, name: /^Correct referral FD-/ })
      .waitFor({ timeout: 10_000 });
    await expectAccessible(page);
    await page.getByTestId('match-panel-1').getByText('Linked to an existing record.').waitFor();
    await field(page, 'children.1.dateOfBirth').fill('04/09/2019');
    await shot('correct');
    await page.getByRole('button', { name: 'Save corrections' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Aidan Smith, Maisie Smith' })
      .waitFor({ timeout: 10_000 });
    await page.getByTestId('chronology').getByText('Referral details updated.').waitFor();
    const after = await callApi(page, 'referrals:get', { id: referralId });
    const maisie = after.children[1]?.child;
    expect(maisie?.status === 'born' ? maisie.dateOfBirth : '').toBe('2019-09-04');
    expect(after.children.every((c) => c.personId !== null)).toBe(true);
    expect(after.decisions).toHaveLength(1);
  });

  it('refuses bad input with errors in the summary and beside the fields; nothing is saved', async () => {
    const before = await openCount();
    await page.keyboard.press('Alt+KeyN');
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await field(page, 'children.0.dateOfBirth').fill('01/01/2030');
    await page.getByRole('button', { name: 'Add another child' }).click();
    await field(page, 'children.1.dateOfBirth').fill('31/04/2025');
    await field(page, 'children.0.nhsNumber').fill('1234567890');
    await page.getByRole('button', { name: 'Save referral' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    for (const message of [
      'Enter a date of birth in the past',
      'April 2025 has no day 31',
      'Enter what the referrer is worried about',
    ]) {
      await summary.getByText(message).waitFor();
    }
    await summary
      .getByText(/NHS number must be 10 digits/)
      .first()
      .waitFor();
    // Beside the field too, and the summary link moves focus there.
    await page.getByTestId('child-0').getByText('Enter a date of birth in the past').waitFor();
    await summary.getByRole('link', { name: 'Enter a date of birth in the past' }).click();
    expect(
      await field(page, 'children.0.dateOfBirth').evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await expectAccessible(page);
    await shot('errors');
    expect(page.url()).toContain('/referrals/new');
    expect(await openCount()).toBe(before);
  });
});
