// startHarness: the real store and services on a data folder, behind the loopback bridge.
// Used by the CLI (`npm run harness`) and programmatically by the browser tests.

import os from 'node:os';
import { createSessionEnv } from '../../electron/main/ipc/env';
import { createServices, systemClock } from '../../electron/main/services';
import { createEventHub } from '../../electron/main/services/events-hub';
import { type OpenStoreOptions, openStore } from '../../electron/main/store/store';
import { createDownloadRegistry } from './downloads';
import { RENDERER_OUT, ensureRendererBuilt } from './build-renderer';
import { startHarnessServer } from './server';

export type HarnessOptions = {
  dataDir: string;
  /** 0 (default): a free port. */
  port?: number;
  /** The OS account to act as (default: the account running the harness). */
  user?: string;
  /** Build the renderer first if it is missing or stale (default true). */
  build?: boolean;
  log?: (line: string) => void;
  /** The start-up check after the page opens, as the app does it (default: checked first). */
  store?: Pick<OpenStoreOptions, 'checkInBackground' | 'runCheck'>;
};

export type Harness = {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  close(): Promise<void>;
};

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  if (options.build !== false) await ensureRendererBuilt();

  const osAccount = options.user ?? os.userInfo().username;
  const store = openStore({ dataDir: options.dataDir, ...options.store });
  const downloads = createDownloadRegistry();
  const events = createEventHub();
  const services = createServices(store, systemClock, {
    osAccount: () => osAccount,
    files: downloads.port,
    events,
  });
  // The same environment the Electron main process builds: same handlers, same checks; the user
  // is re-read on every call so role changes apply at once.
  const env = createSessionEnv({
    store,
    services,
    clock: systemClock,
    osAccount,
    logError: (channel, error) => {
      log(
        `Harness: ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    },
  });
  await env.signIn();
  const status = store.status();
  if (status.state !== 'ok') {
    log(`Harness: the database needs attention (${status.state}): ${status.reason ?? ''}`);
  }

  const server = await startHarnessServer({
    env,
    rendererDir: RENDERER_OUT,
    downloads,
    events,
    ...(options.port !== undefined ? { port: options.port } : {}),
  });

  let closed = false;
  return {
    url: server.url,
    origin: server.origin,
    port: server.port,
    token: server.token,
    dataDir: options.dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      store.close();
    },
  };
}
