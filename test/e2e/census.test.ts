// Browser end-to-end for the CIN census extract on the Measures screen (issue 14 "Measures"):
// through the harness, the real services and store. A manager checks the current collection
// year; a referral whose child is not linked to a record is named in the grid with what to put
// right; "Export CSV" is refused and writes nothing; once the child is linked the export
// downloads a CSV whose rows match the check, read back with an independent RFC 4180 reader.
// axe on each state; screenshots to /tmp/shots/census-*.png.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../shared/calendar/clocks';
import { collectionYearFor, collectionYearLabel } from '../../shared/codes/collection-year';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, screenshot } from '../helpers/page-tools';
import { parseRfc4180 } from '../helpers/rfc4180';
import { bornChild, referralInput } from '../helpers/store-fixtures';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;
let unlinked: { id: string; reference: string; version: number };

const year = () => collectionYearFor(londonDate(new Date().toISOString()));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-census-'));
  browser = await launchChromium();
  await ensureRendererBuilt();
  // The harness user is made a duty worker, manager and administrator.
  await seedDatabase({ dataDir, referrals: 30, user: 'e2e-admin' });
  harness = await startHarness({ dataDir, user: 'e2e-admin', build: false });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
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

describe('CIN census extract', () => {
  it('names a failing row with what to put right, and refuses the export', async () => {
    // A referral an hour ago about a child not yet linked to a record: no LAchildID.
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const made = await callApi(page, 'referrals:create', {
      referral: referralInput({
        receivedAt: at,
        children: [bornChild({ givenNames: 'Una', familyName: 'Census' })],
      }),
    });
    unlinked = { id: made.id, reference: made.reference, version: made.version };
    const before = await callApi(page, 'census:check', { year: year() });
    expect(before.failures.map((f) => f.reference)).toContain(made.reference);

    await page.getByRole('navigation', { name: 'Main' }).getByText('Measures').click();
    await page.getByRole('heading', { level: 1, name: 'Measures' }).waitFor();
    const section = page.getByRole('region', { name: 'CIN census extract' });
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByLabel('Collection year').inputValue()).resolves.toBe(String(year()));
    // The two local readings, at their defaults.
    await expect(
      section.getByRole('checkbox', { name: /early help as no further action/ }).isChecked(),
    ).resolves.toBe(true);
    await expect(section.getByLabel('Yes/no items written as').inputValue()).resolves.toBe(
      'true-false',
    );
    await section.getByRole('button', { name: 'Check' }).click();
    const n = before.failures.length;
    await section
      .getByText(
        `${String(n)} of ${String(before.rows)} rows for ${collectionYearLabel(year())} ${n === 1 ? 'needs' : 'need'} putting right`,
        { exact: false },
      )
      .waitFor();
    const grid = section.getByRole('grid');
    const row = grid.getByRole('row', { name: new RegExp(made.reference) });
    await row.getByText('Not linked', { exact: true }).waitFor();
    await row.getByText(/not linked to a child record/).waitFor();
    await expectAccessible(page);
    await section.screenshot({ path: '/tmp/shots/census-check.png' });
    await screenshot(page, 'census-page');

    await section.getByRole('button', { name: 'Export CSV' }).click();
    await section.getByText(/Not exported: nothing was written/).waitFor();
    await expectAccessible(page);
  });

  it('exports the CSV once every row passes, matching the check', async () => {
    // Put the row right: confirm the child as new, which makes their record (and LAchildID).
    await callApi(page, 'people:link', {
      referralId: unlinked.id,
      version: unlinked.version,
      childIndex: 0,
      personId: null,
    });
    const check = await callApi(page, 'census:check', { year: year() });
    expect(check.failures).toEqual([]);
    const section = page.getByRole('region', { name: 'CIN census extract' });
    await section.getByRole('button', { name: 'Check' }).click();
    await section.getByText(/all pass the year's checks/).waitFor();
    expect(await section.getByRole('grid').count()).toBe(0);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(
      `CIN census referrals ${collectionYearLabel(year())}.csv`,
    );
    const [header, ...rows] = parseRfc4180(readFileSync(await file.path(), 'utf8'));
    expect(header).toEqual(check.fields);
    expect(rows).toHaveLength(check.rows);
    const idAt = check.fields.indexOf('LAchildID');
    const sexAt = check.fields.indexOf('Sex');
    for (const r of rows) {
      expect(r[idAt]).toMatch(/^[0-9a-f-]{36}$/);
      expect(['M', 'F', 'U']).toContain(r[sexAt]);
    }
    await section.getByText(/^Exported \d+ rows?\. Downloaded CIN census referrals/).waitFor();
    await expectAccessible(page);
    await section.screenshot({ path: '/tmp/shots/census-exported.png' });
  });
});
