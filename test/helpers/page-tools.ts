// Shared steps for the browser end-to-end tests: call the app's own API from the page (to check
// what was saved, not to drive the UI), move focus with the Tab key alone, run axe, screenshot.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Api, Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';

export const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

export async function callApi<C extends Channel>(
  page: Page,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await page.evaluate(
    async ([ch, inp]) => {
      const w = window as unknown as { api: Api };
      const fn = w.api[ch] as (i: unknown) => Promise<unknown>;
      return fn(inp);
    },
    [channel, input] as const,
  );
  const r = result as
    | { ok: true; data: ChannelOutput<C> }
    | { ok: false; error: { message: string; fieldErrors?: Record<string, string> } };
  if (!r.ok) {
    const fields = r.error.fieldErrors ? ` ${JSON.stringify(r.error.fieldErrors)}` : '';
    throw new Error(`${r.error.message}${fields}`);
  }
  return r.data;
}

/**
 * No serious or critical axe violations on the page as it settles. Transitions still running are
 * waited for first: a dialog checked while it fades in has half-transparent buttons, and axe then
 * reports their colours as too faint (color-contrast on a confirm button, once, on a busy CI).
 */
export async function expectAccessible(page: Page): Promise<void> {
  // Finite ones only: a spinner's animation never ends.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** Press Tab until the target has focus: keyboard only, as a worker without a mouse would. */
export async function tabTo(page: Page, target: Locator, max = 200): Promise<void> {
  // Shift+Tab when the target is above the focus, as a person would, rather than going round.
  const where = await target.evaluate((el) => {
    const active = document.activeElement;
    if (el === active) return 0;
    if (!active || active === document.body) return 1;
    return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING ? -1 : 1;
  });
  if (where === 0) return;
  const key = where < 0 ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Could not reach ${target.toString()} with the Tab key`);
}

/**
 * Free text into the focused box as one input, as a paste or dictation arrives. The keys that
 * matter to a form (Tab, arrows, Enter, Space, type-ahead in lists and dates) are still pressed one
 * by one in the tests; typing long prose a key at a time only re-rendered the form per character
 * (about a minute per browser test file on the 2-core CI machine) and tested nothing more.
 */
export async function writeProse(page: Page, text: string): Promise<void> {
  await page.keyboard.insertText(text);
}

/** The form control whose id is fieldId(path) (the first radio of a group). */
export function field(page: Page, path: string): Locator {
  return page.locator(`#field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`);
}

/**
 * A full-page picture for people to look at. Skipped under CI unless SHOTS_DIR asks for them:
 * nobody looks there, and a long page (the minutes run to ~9,500 px) costs seconds each.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.CI && !process.env.SHOTS_DIR) return;
  mkdirSync(SHOTS, { recursive: true });
  // From the top, so the sticky header is not drawn over the middle of a full-page shot.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
