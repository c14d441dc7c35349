// System Chromium for browser tests (architecture §4): playwright-core never downloads a browser.
// CI installs the Debian `chromium` package; CHROMIUM_PATH points elsewhere if needed.

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch headless system Chromium, or fail with what to install. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: "apt-get install chromium") ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable. Browser tests do not download one.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
