// Browser end-to-end (issue 11 "Search and the record"), keyboard only: Ctrl+K puts the cursor in
// the header search; a child is found by name, NHS number, date of birth, reference, postcode,
// school and referrer, each result saying why it matched; "See all results" opens the search page,
// which says when a group was cut short; a child's record opens from a match. axe runs on the
// search page and the record page.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/main/services';
import { openStore } from '../../electron/main/store/store';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { SOUND_ALIKE_CHILD } from '../harness/seed-facts';
import { launchChromium } from '../helpers/browser';
import { writeProse } from '../helpers/page-tools';
import { readPdf } from '../unit/documents/read-pdf';
import { bornChild, referralInput } from '../helpers/store-fixtures';

const SHOTS = process.env.SHOTS_DIR;
const USER = 'e2e-worker';

/** A child the seed does not make, with every searchable detail set. */
const AMARA = {
  givenNames: 'Amara',
  familyName: 'Okonkwo',
  dateOfBirth: '2017-05-21',
  typedDob: '21/05/2017',
  nhsNumber: '9434765919',
  typedNhs: '943 476 5919',
  postcode: 'HB7 2RT',
  school: 'Harbourton Hill Academy',
  referrer: 'Priya Venkataraman',
} as const;

const MANY_BORN_ON_ONE_DAY = 52;

let dataDir: string | undefined;
let harness: Harness;
let browser: Browser | undefined;
let page: Page;
let reference = '';
let duplicateReference = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-e2e-search-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 40, user: USER });
  // One more referral through the real services, before the harness opens the file.
  const store = openStore({ dataDir });
  try {
    const services = createServices(store, { now: () => new Date() }, { osAccount: () => USER });
    const { user } = await services.users.signIn(USER);
    const r = await services.referrals.create(
      { user },
      {
        referral: referralInput({
          receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          children: [
            bornChild({
              givenNames: AMARA.givenNames,
              familyName: AMARA.familyName,
              dateOfBirth: AMARA.dateOfBirth,
              nhsNumber: AMARA.nhsNumber,
              school: AMARA.school,
              address: { line1: '12 Tern Close', town: 'Harbourton', postcode: AMARA.postcode },
            }),
          ],
          concern: 'Amara told her teacher she had not eaten since Friday.',
          referrer: {
            kind: 'professional',
            name: AMARA.referrer,
            role: 'Class teacher',
            agencyName: AMARA.school,
            agencyType: 'school',
            phone: '01632 960002',
            wantsFeedback: true,
            feedbackMethod: 'phone',
          },
        }),
        newChildren: [0],
      },
    );
    reference = r.reference;
    // The same child referred again by someone who did not find her: a duplicate record.
    const dup = await services.referrals.create(
      { user },
      {
        referral: referralInput({
          receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
          children: [
            bornChild({
              givenNames: AMARA.givenNames,
              familyName: AMARA.familyName,
              dateOfBirth: AMARA.dateOfBirth,
              school: AMARA.school,
            }),
          ],
          concern: 'Amara arrived at breakfast club hungry again.',
        }),
        newChildren: [0],
      },
    );
    duplicateReference = dup.reference;
    // 52 children born on one day (two to a referral): more than the search page shows.
    for (let i = 0; i < MANY_BORN_ON_ONE_DAY / 2; i++)
      await services.referrals.create(
        { user },
        {
          referral: referralInput({
            receivedAt: new Date(Date.now() - (10 + i) * 86_400_000).toISOString(),
            children: [0, 1].map((k) =>
              bornChild({
                givenNames: `Twin${String.fromCharCode(65 + k)}`,
                familyName: `Daybrook${String.fromCharCode(65 + i)}`,
                dateOfBirth: '2019-02-14',
              }),
            ),
          }),
          newChildren: [0, 1],
        },
      );
  } finally {
    store.close();
  }
  harness = await startHarness({ dataDir, user: USER, build: false });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
});

afterAll(async () => {
  await browser?.close();
  await (harness as Harness | undefined)?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function shot(name: string, fullPage = true): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

async function axe(): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Ctrl+K, select what is there, type, and wait for the results to settle. */
async function typeSearch(text: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const box = page.getByTestId('header-search');
  await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await expect
    .poll(() => page.getByTestId('header-search-status').textContent(), { timeout: 10_000 })
    .toMatch(/child|Nothing found|letters/);
}

async function optionTexts(): Promise<string[]> {
  return page.getByTestId('header-search-option').allTextContents();
}

describe('search and the child’s record', () => {
  it('finds a child by name as you type, grouped and saying why', async () => {
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Referral queue' }).waitFor();
    await typeSearch(`${AMARA.givenNames} ${AMARA.familyName}`);
    const options = await optionTexts();
    expect(options[0]).toContain('Amara Okonkwo');
    expect(options[0]).toContain('Matched on: name');
    expect(options.some((o) => o.startsWith(reference))).toBe(true);
    expect(options.at(-1)).toContain('See all results');
    await expect.poll(() => page.getByRole('listbox').textContent()).toContain('Children');
    await shot('search-dropdown', false);
  });

  it('finds sound-alike names and says so', async () => {
    await typeSearch(`${SOUND_ALIKE_CHILD.givenNames} Smith`);
    const options = await optionTexts();
    expect(
      options.some(
        (o) =>
          o.includes(`${SOUND_ALIKE_CHILD.givenNames} Smyth`) && o.includes('name sounds like'),
      ),
    ).toBe(true);
  });

  it('finds by NHS number, date of birth, reference and postcode', async () => {
    for (const [typed, why] of [
      [AMARA.typedNhs, 'nhs number'],
      [AMARA.typedDob, 'date of birth'],
      [AMARA.postcode.toLowerCase().replace(' ', ''), 'postcode'],
    ] as const) {
      await typeSearch(typed);
      const options = await optionTexts();
      const amara = options.find((o) => o.includes('Amara Okonkwo'));
      expect(amara, typed).toContain(`Matched on: ${why}`);
    }
    await typeSearch(reference);
    const options = await optionTexts();
    expect(options[0]).toContain(reference);
    expect(options[0]).toContain('Matched on: reference');
  });

  it('finds by school and by referrer', async () => {
    // Part of the school's name, as a worker would type it: the child and both referrals.
    await typeSearch('Harbourton Hill');
    let options = await optionTexts();
    expect(options.find((o) => o.includes('Amara Okonkwo'))).toContain(
      'Matched on: school or nursery',
    );
    for (const ref of [reference, duplicateReference])
      expect(options.find((o) => o.startsWith(ref))).toContain('school or nursery');
    await typeSearch(AMARA.referrer);
    options = await optionTexts();
    const byReferrer = options.filter((o) => o.includes('Matched on: referrer'));
    expect(byReferrer.map((o) => o.slice(0, reference.length))).toEqual([reference]);
  });

  it('says to type more for one or two letters', async () => {
    await typeSearch('Am');
    await expect
      .poll(() => page.getByTestId('header-search-status').textContent())
      .toBe('Type at least 3 letters or numbers to search');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('listbox').isVisible()).toBe(false);
  });

  it('opens the search page from "See all results" with the same results', async () => {
    await typeSearch(AMARA.typedNhs);
    // Up from the text goes to the last option: "See all results".
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Find a child or referral' }).waitFor();
    expect(decodeURIComponent(page.url())).toContain(`q=${AMARA.typedNhs}`);
    const children = page.getByTestId('search-children');
    await expect.poll(() => children.textContent()).toContain('Amara Okonkwo');
    await expect
      .poll(() => page.getByTestId('search-referrals').textContent())
      .toContain(reference);
    await shot('search-page');
    expect(await axe()).toEqual([]);
  });

  it('says when a list was cut short: 52 children born on one day show as the first 50', async () => {
    await page.goto(`${harness.url}#/search?q=14%2F02%2F2019`);
    await page.getByRole('heading', { level: 1, name: 'Find a child or referral' }).waitFor();
    const summary = page.getByTestId('search-summary');
    await expect
      .poll(() => summary.textContent())
      .toBe(
        'Searched a date of birth for “14/02/2019”: 50 children and 25 referrals. Only the first 50 children are shown, with their referrals: add more detail to narrow the search.',
      );
    expect(await page.getByTestId('search-children').locator(':scope > li').count()).toBe(50);
    await page.getByRole('heading', { name: 'Children (first 50)' }).waitFor();
    await shot('search-page-cut-short', false);
    expect(await axe()).toEqual([]);
  });

  it('opens a child’s record from a match, with identity, referrals and the audit', async () => {
    // Two records by this name now (the duplicate below): the NHS number finds the one.
    await typeSearch(AMARA.typedNhs);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Amara Okonkwo' }).waitFor();
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('943 476 5919');
    expect(await main.textContent()).toContain('21/05/2017');
    expect(await main.textContent()).toContain('12 Tern Close, Harbourton, HB7 2RT');
    expect(await page.getByTestId('person-referrals').textContent()).toContain(reference);
    // Keyboard to the audit button and open it.
    await page.getByRole('button', { name: 'Show who has viewed and changed this record' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('person-audit').textContent())
      .toContain('Person record viewed');
    await shot('person-record', false);
    await shot('person-record-full');
    expect(await axe()).toEqual([]);
  });

  it('opens the record of a child on a referral from the referral page', async () => {
    await page.getByRole('link', { name: reference }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/referrals\/[^/]+$/);
    await page.getByRole('heading', { name: 'Child', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Amara Okonkwo' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Amara Okonkwo' }).waitFor();
  });

  it("saves the child's record as a PDF: a real download, the marking on every page, no name in its file name", async () => {
    await expect.poll(() => page.url()).toMatch(/#\/people\/[^/]+$/);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save this record as PDF' }).focus();
    await page.keyboard.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^[0-9a-f-]+ child record\.pdf$/);
    const path = await download.path();
    const pdf = await readPdf(new Uint8Array(readFileSync(path)));
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).toContain('Okonkwo');
    expect(all).toContain(reference);
    pdf.pages.forEach((p, i) => {
      expect(p.text).toContain('OFFICIAL-SENSITIVE');
      expect(p.text).toContain(`Page ${String(i + 1)} of ${String(pdf.pages.length)}`);
    });
    expect(JSON.stringify(pdf.info)).not.toContain('Okonkwo');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Downloaded');
  });

  it('merges the duplicate record into this one and undoes it, keyboard only', async () => {
    await page.getByRole('button', { name: 'This is the same child as…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'This is the same child as…' });
    const candidate = dialog.getByRole('radio', { name: /Amara Okonkwo/ });
    await candidate.waitFor();
    await shot('merge-dialog', false);
    expect(await axe()).toEqual([]);
    await candidate.focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('textbox', { name: /Why are these the same child/ }).focus();
    await writeProse(page, 'Same name, date of birth and school; the school confirmed it');
    await dialog.getByRole('button', { name: 'Merge into this record' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('merges').textContent())
      .toContain('The record of Amara Okonkwo was merged into this one');
    await expect
      .poll(() => page.getByTestId('person-referrals').textContent())
      .toContain(duplicateReference);

    await page.getByRole('button', { name: 'Undo this merge' }).focus();
    await page.keyboard.press('Enter');
    const undo = page.getByRole('dialog', { name: 'Undo this merge' });
    await undo.getByRole('textbox', { name: /Why is the merge being undone/ }).focus();
    await writeProse(page, 'Checked again: a different child with the same name');
    await undo.getByRole('button', { name: 'Undo the merge' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('merges').textContent()).toContain('Undone');
    await expect
      .poll(() => page.getByTestId('person-referrals').textContent())
      .not.toContain(duplicateReference);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await shot('person-record-top', false);
  });
});
