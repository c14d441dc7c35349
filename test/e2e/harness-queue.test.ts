// Browser end-to-end (issue 3): seed a temp database, start the harness on it, open the app in
// system Chromium, and see the queue read from the store. Also checks the bridge's guards and
// runs axe on the queue.

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
  await seedDatabase({ dataDir, referrals: 60, user: 'e2e-worker' });
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
    // Most urgent first.
    expect(chips[0]).toMatch(/^Overdue by/);
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('OFFICIAL-SENSITIVE');
    await shot('queue');
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
    const firstChild = (await first.locator('td').nth(1).locator('p').first().textContent()) ?? '';
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
