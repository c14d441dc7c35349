// Drives the real Electron app (Playwright's _electron). Runs where the Electron binary exists;
// elsewhere it is reported as skipped with the reason, and the same behaviour is covered in plain
// Node (IPC, store, window options) and in Chromium through the browser harness.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { ELECTRON_MISSING_REASON, electronBinary } from '../helpers/electron-binary';

const binary = electronBinary();
const root = join(import.meta.dirname, '..', '..');

if (!binary) {
  console.warn(`Skipping the real Electron app tests: ${ELECTRON_MISSING_REASON}.`);
}

describe.skipIf(!binary)(
  `real Electron app${binary ? '' : ` (skipped: ${ELECTRON_MISSING_REASON})`}`,
  () => {
    let app: ElectronApplication;
    let page: Page;
    let dataDir: string;

    beforeAll(async () => {
      execFileSync('node', ['build/prepare-electron-native.mjs'], { cwd: root, stdio: 'inherit' });
      execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
      dataDir = mkdtempSync(join(tmpdir(), 'fd-electron-'));
      await launch();
    });

    async function launch(): Promise<void> {
      app = await _electron.launch({
        executablePath: binary ?? '',
        args: [root, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
        env: { ...process.env, FRONT_DOOR_DATA_DIR: dataDir },
      });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    }

    afterAll(async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('serves the renderer over app:// with window.api and no Node', async () => {
      expect(page.url()).toMatch(/^app:\/\/front-door\//);
      const probe = await page.evaluate(() => ({
        api: typeof (window as unknown as { api?: Record<string, unknown> }).api?.[
          'session:current'
        ],
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(probe).toEqual({ api: 'function', require: 'undefined', process: 'undefined' });
    });

    it('answers IPC for the signed-in user, the first user being admin', async () => {
      const roles = await page.evaluate(async () => {
        type Session = { ok: boolean; data?: { user: { roles: string[] } } };
        const api = (window as unknown as { api: Record<string, (i: unknown) => Promise<Session>> })
          .api;
        const result = await api['session:current']?.({});
        return result?.ok ? (result.data?.user.roles ?? []) : null;
      });
      expect(roles).toContain('admin');
    });

    it('refuses navigation away from the app and new windows', async () => {
      await page.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/front-door\//);
      const opened = await page.evaluate(() => window.open('https://example.org/') === null);
      expect(opened).toBe(true);
      expect(app.windows()).toHaveLength(1);
    });

    // Last: it restarts the app. A first start checks the new file before opening it; a later
    // start opens the window at once and runs quick_check in a worker thread (store/check-worker),
    // which must load better-sqlite3 with Electron's own native build inside Electron.
    it('on the next start checks the file in a worker after the window opens, and it passes', async () => {
      await app.close();
      await launch();
      type Status = {
        ok: boolean;
        data?: {
          state: string;
          quickCheck: string | null;
          startupCheck?: { state: string } | null;
        };
      };
      const status = () =>
        page.evaluate(async () => {
          const api = (
            window as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }
          ).api;
          return (await api['system:status']?.({})) as Status | undefined;
        });
      await expect
        .poll(async () => (await status())?.data?.startupCheck?.state ?? null, { timeout: 30_000 })
        .toBe('passed');
      const done = await status();
      expect(done?.data?.state).toBe('ok');
      expect(done?.data?.quickCheck).toBe('ok');
    });
  },
);
