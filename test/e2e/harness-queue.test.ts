// Browser end-to-end (issues 3 and 11): seed a temp database, start the harness on it, open the
// app in system Chromium, and work the queue read from the store: paging with the total, an
// immediate-protection referral first, assignment to a colleague with the take-over question,
// keyboard only, axe, and at least eight rows on a 1280×720 screen. Also checks the bridge's guards.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../harness/build-renderer';
import { startHarness, type Harness } from '../harness/harness';
import { seedDatabase } from '../harness/seed';
import { SOUND_ALIKE_CHILD } from '../harness/seed-facts';
import { launchChromium } from '../helpers/browser';
import { callApi, expectAccessible } from '../helpers/page-tools';

const SHOTS = process.env.SHOTS_DIR;

let dataDir: string | undefined;
let harness: Harness;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'front-door-e2e-'));
  // Chromium first: a missing browser should fail fast with its own message.
  browser = await launchChromium();
  await ensureRendererBuilt();
  await seedDatabase({ dataDir, referrals: 90, user: 'e2e-worker' });
  harness = await startHarness({ dataDir, user: 'e2e-worker', build: false });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
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

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A raw request, to check what the server refuses (fetch would not let us set Host). */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: harness.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('the browser harness', () => {
  it('opens the app on the queue, reads the seeded referrals, and hides the token', async () => {
    await page.goto(harness.url);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Referral queue' }).count())
      .toBe(1);
    expect(page.url()).not.toContain('token=');
    const rows = page.getByTestId('queue-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const chips = await page.getByTestId('clock-chip').allTextContents();
    expect(chips.some((t) => t.startsWith('Overdue by'))).toBe(true);
    expect(chips).toContain('Due today');
    expect(chips.some((t) => t.startsWith('On time'))).toBe(true);
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('OFFICIAL-SENSITIVE');
    await shot('queue');
  });

  it('pages through every open referral with the total in words: no cut-off', async () => {
    // More open referrals than a page holds: copies of an open one, saved through the app.
    const seeded = await callApi(page, 'referrals:queue', { filter: 'all', page: 0, pageSize: 1 });
    const model = await callApi(page, 'referrals:get', { id: seeded.rows[0]?.id ?? '' });
    for (let i = 0; i < 45; i++) {
      await callApi(page, 'referrals:create', {
        referral: { ...model.input, immediateProtectionMayBeNeeded: false },
      });
    }
    await page.reload();
    await page.getByTestId('queue-row').first().waitFor();
    const all = await callApi(page, 'referrals:queue', { filter: 'all', page: 0, pageSize: 100 });
    expect(all.total).toBeGreaterThan(25);
    const showing = page.getByTestId('queue-showing');
    const total = all.total.toLocaleString('en-GB');
    await expect
      .poll(() => showing.textContent())
      .toBe(`Showing 1–${String(Math.min(50, all.total))} of ${total}`);
    // 25 a page, then the next page by the pager: different rows, and the count moves on.
    await page.getByRole('combobox', { name: /Rows per page/ }).click();
    await page.getByRole('option', { name: '25' }).click();
    await expect.poll(() => showing.textContent()).toBe(`Showing 1–25 of ${total}`);
    const firstPage = await page
      .getByTestId('queue-row')
      .evaluateAll((r) => r.map((e) => e.getAttribute('data-id')));
    expect(firstPage).toHaveLength(25);
    await page.getByRole('button', { name: 'Go to next page' }).click();
    await expect
      .poll(() => showing.textContent())
      .toBe(`Showing 26–${String(Math.min(50, all.total))} of ${total}`);
    const secondPage = await page
      .getByTestId('queue-row')
      .evaluateAll((r) => r.map((e) => e.getAttribute('data-id')));
    expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
    // The grid shows the store's order, page for page.
    expect([...firstPage, ...secondPage]).toEqual(all.rows.slice(0, 50).map((r) => r.id));
    await page.getByRole('button', { name: 'Go to previous page' }).click();
    await expect.poll(() => showing.textContent()).toBe(`Showing 1–25 of ${total}`);
  });

  it('puts a referral that may need immediate protection first, flag in words, even from the last page', async () => {
    const all = await callApi(page, 'referrals:queue', { filter: 'all', page: 0, pageSize: 100 });
    const last = all.rows.filter((r) => r.status === 'awaiting-decision').at(-1);
    if (!last) throw new Error('expected an open referral awaiting a decision');
    const rec = await callApi(page, 'referrals:get', { id: last.id });
    await callApi(page, 'referrals:update', {
      id: rec.id,
      version: rec.version,
      referral: { ...rec.input, immediateProtectionMayBeNeeded: true },
    });
    // The grid refreshes on focus: no reload needed.
    await page.evaluate(() =>
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true })),
    );
    const flagged = await callApi(page, 'referrals:queue', {
      filter: 'all',
      page: 0,
      pageSize: 100,
    });
    const flaggedIds = flagged.rows.filter((r) => r.immediateProtection).map((r) => r.id);
    expect(flaggedIds).toContain(rec.id);
    await expect
      .poll(() =>
        page.getByTestId('queue-row').evaluateAll((r) => r.map((e) => e.getAttribute('data-id'))),
      )
      .toEqual(flagged.rows.slice(0, 25).map((r) => r.id));
    const rows = page.getByTestId('queue-row');
    for (let i = 0; i < flaggedIds.length && i < 25; i++) {
      expect(await rows.nth(i).getByTestId('queue-immediate').textContent()).toBe(
        'May need immediate protection',
      );
    }
    expect(await rows.nth(flaggedIds.length).getByTestId('queue-immediate').count()).toBe(0);
    await shot('queue-immediate-first');
  });

  it('assigns to a colleague; taking one someone else holds asks first, naming them', async () => {
    const held = (
      await callApi(page, 'referrals:queue', { filter: 'all', page: 0, pageSize: 25 })
    ).rows.find(
      (r) =>
        r.assignedTo !== null &&
        r.assignedTo.displayName !== 'Riya Patel' &&
        r.assignedTo.displayName !== 'Demo User (you)',
    );
    if (!held?.assignedTo) throw new Error('expected a referral a colleague holds on page 1');
    const holder = held.assignedTo.displayName;
    const row = page.locator(`[data-testid="queue-row"][data-id="${held.id}"]`);
    expect(await row.getByTestId('queue-holder').textContent()).toBe(holder);
    // Keyboard only: the Assign button, Enter, choose, Enter, then the question.
    await row.getByRole('button', { name: `Assign ${held.reference}` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Assign ${held.reference}` });
    await dialog.waitFor();
    await dialog.getByLabel('Assign to').selectOption({ label: 'Riya Patel' });
    await expectAccessible(page);
    await shot('queue-assign');
    await dialog.getByRole('button', { name: 'Assign', exact: true }).focus();
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog', { name: `Take over from ${holder}?` });
    await ask.waitFor();
    expect(await ask.textContent()).toContain(`${holder} holds ${held.reference} now.`);
    expect(await ask.textContent()).toContain('it moves to Riya Patel');
    await shot('queue-take-over');
    await page.keyboard.press('Enter'); // the confirm button has focus
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('queue-holder').textContent()).toBe('Riya Patel');
    const after = await callApi(page, 'referrals:get', { id: held.id });
    expect(after.assignedTo?.displayName).toBe('Riya Patel');
    // Everyone sees who holds what: the "Unassigned" filter leaves it out now.
    const unassigned = await callApi(page, 'referrals:queue', {
      filter: 'unassigned',
      page: 0,
      pageSize: 100,
    });
    expect(unassigned.rows.some((r) => r.id === held.id)).toBe(false);
  });

  it('shows at least eight rows on a 1280×720 screen', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.reload();
    await page.getByTestId('queue-row').first().waitFor();
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    const inView = await page.getByTestId('queue-row').evaluateAll(
      (rows) =>
        rows.filter((r) => {
          const b = r.getBoundingClientRect();
          const bar = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
          const grid = r.closest('.MuiDataGrid-virtualScroller')?.getBoundingClientRect();
          return b.top >= bar && b.bottom <= Math.min(window.innerHeight, grid?.bottom ?? Infinity);
        }).length,
    );
    await page.screenshot({
      path: join(process.env.SHOTS_DIR ?? '/tmp/shots', 'queue-1280x720.png'),
    });
    expect(inView).toBeGreaterThanOrEqual(8);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('works by keyboard alone: Tab into the grid, arrows to a row, Enter opens it', async () => {
    await page.reload();
    const firstRow = page.getByTestId('queue-row').first();
    await firstRow.waitFor();
    const secondId = await page.getByTestId('queue-row').nth(1).getAttribute('data-id');
    // Tab until a grid cell has focus, then down one row and Enter.
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const inGrid = await page.evaluate(
        () => document.activeElement?.closest('[role="gridcell"], [role="columnheader"]') != null,
      );
      if (inGrid) break;
    }
    const where = await page.evaluate(
      () =>
        document.activeElement
          ?.closest('[role="gridcell"], [role="columnheader"]')
          ?.getAttribute('role') ?? null,
    );
    expect(where).not.toBeNull();
    // From a header, down to the first row; then one more to the second.
    if (where === 'columnheader') await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'The concern' }).waitFor();
    expect(page.url()).toContain(`/referrals/${secondId ?? ''}`);
    await page.goBack();
    await page.getByTestId('queue-row').first().waitFor();
  });

  it('has no serious or critical accessibility problems on the queue', async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([]);
  });

  it('filters the queue and opens a referral read from the store', async () => {
    await page.getByRole('button', { name: 'Overdue', exact: true }).click();
    await page.getByRole('heading', { name: 'Decisions overdue' }).waitFor();
    await expect
      .poll(async () => {
        const chips = await page.getByTestId('clock-chip').allTextContents();
        return chips.length > 0 && chips.every((t) => t.startsWith('Overdue by'));
      })
      .toBe(true);
    expect(page.url()).toContain('filter=overdue');
    await shot('queue-overdue');

    const first = page.getByTestId('queue-row').first();
    const firstChild = (await first.getByTestId('queue-child-name').first().textContent()) ?? '';
    const childName = firstChild.trim();
    await first.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: 'Back to the queue' })
      .or(page.getByRole('link', { name: 'Back to the queue' }))
      .waitFor();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(childName);
    await page.getByRole('heading', { name: 'The concern' }).waitFor();
    await shot('referral');
    // Reload keeps the session (token kept for the tab, not in the URL).
    await page.reload();
    await page.getByRole('heading', { name: 'The concern' }).waitFor();
  });

  it('shows the rules page from the navigation', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Rules and clocks' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Rules and clocks' }).waitFor();
    await shot('rules');
  });

  it('refuses API calls without the token, with a wrong token, or from another host or origin', async () => {
    const body = JSON.stringify({});
    const api = '/__harness/api/session%3Acurrent';
    const host = `127.0.0.1:${harness.port}`;
    const json = { 'Content-Type': 'application/json', Host: host };

    const noToken = await raw(api, { method: 'POST', headers: json, body });
    expect(noToken.status).toBe(403);
    const wrong = await raw(api, {
      method: 'POST',
      headers: { ...json, 'X-Front-Door-Token': 'nope' },
      body,
    });
    expect(wrong.status).toBe(403);
    const rebound = await raw(api, {
      method: 'POST',
      headers: {
        ...json,
        Host: `evil.example:${harness.port}`,
        'X-Front-Door-Token': harness.token,
      },
      body,
    });
    expect(rebound.status).toBe(403);
    const page403 = await raw('/', { headers: { Host: 'evil.example' } });
    expect(page403.status).toBe(403);
    const crossOrigin = await raw(api, {
      method: 'POST',
      headers: { ...json, Origin: 'http://evil.example', 'X-Front-Door-Token': harness.token },
      body,
    });
    expect(crossOrigin.status).toBe(403);
    const getApi = await raw(api, { headers: { Host: host, 'X-Front-Door-Token': harness.token } });
    expect(getApi.status).toBe(405);

    const ok = await raw(api, {
      method: 'POST',
      headers: { ...json, 'X-Front-Door-Token': harness.token },
      body,
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({
      ok: true,
      data: { user: { osAccount: 'e2e-worker' } },
    });

    // The checked core still applies: an unknown key is a typed validation error, not a crash.
    const bad = await raw('/__harness/api/referrals%3Alist', {
      method: 'POST',
      headers: { ...json, 'X-Front-Door-Token': harness.token },
      body: '{"filter":"all","__proto__":{"admin":true},"extra":1}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // No path traversal out of the built renderer.
    const traversal = await raw('/..%2F..%2Fpackage.json', { headers: { Host: host } });
    expect(traversal.status).toBe(404);
  });

  it('seeded the sound-alike child for later match tests', async () => {
    const res = await raw('/__harness/api/people%3Asearch', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Host: `127.0.0.1:${harness.port}`,
        'X-Front-Door-Token': harness.token,
      },
      body: JSON.stringify({ text: SOUND_ALIKE_CHILD.familyName }),
    });
    const parsed = JSON.parse(res.body) as { ok: boolean; data?: { dateOfBirth: string | null }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.data?.some((p) => p.dateOfBirth === SOUND_ALIKE_CHILD.dateOfBirth)).toBe(true);
  });
});
