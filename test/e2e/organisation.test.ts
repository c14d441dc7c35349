// Browser end-to-end for the Organisation page (issue 14, "Organisation and letterhead"). Through
// the harness: the real services and store. An administrator opens it from the navigation, gets
// the errors beside the fields for a blank name and a mistyped team mailbox, has a logo over
// 300 KB refused, then saves the name, address, phone, team mailbox and letterhead with a logo,
// keyboard only for the save; the store has them and keeps the protective marking. The templates
// page points here. axe on each state; a screenshot at 1280×900.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible, field, screenshot, tabTo } from '../helpers/page-tools';

let dataDir: string | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;
let page: Page;

/**
 * A real PNG logo (240×80: a blue crest with a grey bar), made here so the screenshot shows a
 * logo a reader can see; encoded by hand (signature, IHDR, deflated rows, IEND) to need no
 * image library.
 */
function crestPng(): Buffer {
  const w = 240;
  const h = 80;
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y += 1) {
    const row = y * (w * 3 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < w; x += 1) {
      const inShield = x >= 12 && x < 68 && y >= 10 && y < 70;
      const inBar = x >= 84 && x < 228 && y >= 30 && y < 50;
      const [r, g, b] = inShield ? [29, 79, 145] : inBar ? [60, 60, 60] : [255, 255, 255];
      rows.set([r, g, b], row + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PNG = crestPng();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-organisation-'));
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

describe('the Organisation page', () => {
  it('is linked from the letter templates page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByText('Letter templates').click();
    await page.getByRole('heading', { level: 1, name: 'Letter templates' }).waitFor();
    expect(await page.getByTestId('letterhead-link').textContent()).toContain(
      'The letterhead is set on the Organisation page',
    );
    expect(await page.getByRole('region', { name: 'Letterhead' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Organisation page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    expect(page.url()).toMatch(/#\/admin\/organisation$/);
  });

  it('shows the errors beside the fields for a blank name and a mistyped mailbox', async () => {
    const name = field(page, 'organisation.name');
    await expect.poll(() => name.inputValue()).not.toBe('');
    await name.fill('');
    await field(page, 'organisation.email').fill('frontdoor at exampleshire');
    await page.getByRole('button', { name: 'Save the organisation details' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter the organisation name');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Enter the team mailbox as an email address').count()).toBe(2);
    await expectAccessible(page);
  });

  it('refuses a logo over 300 KB, then saves the details and the letterhead with a logo', async () => {
    const before = await api('settings:get', {});
    const letterhead = page.getByRole('region', { name: 'Letterhead' });
    const input = letterhead.getByTestId('logo-file');
    await input.setInputFiles({
      name: 'crest-large.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(400_000, 1),
    });
    await letterhead
      .getByText('The logo must be 300 KB or smaller; crest-large.png is 400 KB.', { exact: false })
      .waitFor();

    await field(page, 'organisation.name').fill('Exampleshire Council Children’s Services');
    await field(page, 'organisation.address').fill('County Hall\nCivic Way\nExampletown EX1 1AA');
    await field(page, 'organisation.phone').fill('0300 123 4567');
    await field(page, 'organisation.email').fill('frontdoor@exampleshire.gov.uk');
    await field(page, 'organisation.contactLine').fill(
      'Call 0300 123 4567, 8.30am to 5pm, Monday to Friday',
    );
    await field(page, 'organisation.signatory').fill('Jo Bloggs');
    await field(page, 'organisation.signatoryRole').fill('Team Manager, Front Door');
    await input.setInputFiles({ name: 'crest.png', mimeType: 'image/png', buffer: PNG });
    const thumb = letterhead.getByRole('img', {
      name: 'The letterhead logo as it will be printed',
    });
    // The browser could decode it: the thumbnail is the picture, not a broken image.
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    // Saved with the keyboard alone.
    const save = page.getByRole('button', { name: 'Save the organisation details' });
    await tabTo(page, save);
    await page.keyboard.press('Enter');
    const done = page.getByRole('status').filter({
      hasText: 'Organisation details saved. Letters and documents made from now on use them.',
    });
    await done.waitFor();
    await expect.poll(() => done.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'There is a problem' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'organisation');

    const after = await api('settings:get', {});
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.organisation).toEqual({
      ...before.organisation,
      name: 'Exampleshire Council Children’s Services',
      address: 'County Hall\nCivic Way\nExampletown EX1 1AA',
      phone: '0300 123 4567',
      email: 'frontdoor@exampleshire.gov.uk',
      contactLine: 'Call 0300 123 4567, 8.30am to 5pm, Monday to Friday',
      signatory: 'Jo Bloggs',
      signatoryRole: 'Team Manager, Front Door',
      logo: `data:image/png;base64,${PNG.toString('base64')}`,
    });
    // The protective marking (set on the Settings page) is kept as it was.
    expect(after.organisation.marking).toBe(before.organisation.marking);
  });
});
