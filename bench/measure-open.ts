// The first screen: starting as the app does (the lock, the audit anchor, the start-up check in
// the background) and the first queue page, after a clean close and after a crash. The crash is a child
// process saving referrals through the services, killed with SIGKILL after its 20th confirmed
// save: the WAL then holds saves not yet checkpointed and the session marker says "unclean".
// The operating system's file cache is warm in both cases (dropping it needs root); a machine
// that has just booted reads the whole file from disk for the check and will be slower.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { createSessionEnv } from '../electron/main/ipc/env';
import { createServices, systemClock } from '../electron/main/services';
import { startUp } from '../electron/main/startup';
import { checkAuditAnchorAtOpen } from '../electron/main/store/audit-anchor';
import { openConnection } from '../electron/main/store/connection';
import { migrate } from '../electron/main/store/migrations/index';
import { checkFile } from '../electron/main/store/recovery';
import { DB_FILE } from '../electron/main/store/store';
import { type Figure, single } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The app's start (startUp with the check in the background, as electron/main/index.ts opens
 * it) and its first queue page; then how long until saves are allowed (the check has passed).
 */
async function firstScreen(
  dataDir: string,
): Promise<{ ms: number; openMs: number; checkedMs: number; unclean: boolean }> {
  const t0 = performance.now();
  const { store, env, status } = await startUp({
    storeOptions: { dataDir, checkInBackground: true },
    createEnv: (opened) =>
      createSessionEnv({
        store: opened,
        services: createServices(opened, systemClock, { osAccount: () => 'bench-admin' }),
        clock: systemClock,
        osAccount: 'bench-admin',
      }),
  });
  const openMs = performance.now() - t0;
  try {
    if (status.state !== 'ok') throw new Error(`The store did not open: ${status.reason ?? ''}`);
    const user = await env.currentUser();
    if (user === null) throw new Error('bench-admin was not signed in');
    await createServices(store).referrals.queue({ user }, { filter: 'all', page: 0, pageSize: 50 });
    const ms = performance.now() - t0;
    await store.whenWritable();
    return { ms, openMs, checkedMs: performance.now() - t0, unclean: status.uncleanShutdown };
  } finally {
    store.close();
  }
}

function crashWriter(dataDir: string, saves: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench/crash-writer.ts'), dataDir],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let saved = 0;
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      saved += chunk.split('\n').filter((l) => l === 'saved').length;
      if (saved >= saves) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (err += c));
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL' && saved >= saves) resolve(saved);
      else reject(new Error(`crash writer ended early (${String(signal)}): ${err}`));
    });
  });
}

export async function measureOpen(
  dataDir: string,
  rounds: number,
): Promise<{ figures: Figure[]; walBytes: number }> {
  const clean: number[] = [];
  const cleanOpen: number[] = [];
  const cleanChecked: number[] = [];
  const checks: number[] = [];
  const withoutCheck: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // The start-up check on its own (the same function the worker runs), and the open before
    // the check as it was (connection, migrations, the audit anchor), for comparison.
    const c0 = performance.now();
    const result = checkFile(path.join(dataDir, DB_FILE));
    const check = performance.now() - c0;
    if (result !== 'ok') throw new Error(`quick_check: ${result}`);
    const o0 = performance.now();
    const raw = openConnection(path.join(dataDir, DB_FILE));
    migrate(raw);
    const anchored = checkAuditAnchorAtOpen(raw, dataDir);
    const rest = performance.now() - o0;
    raw.close();
    if (!anchored.ok) throw new Error(anchored.reason);
    const s = await firstScreen(dataDir);
    if (s.unclean) throw new Error('a clean close was reported as unclean');
    clean.push(s.ms);
    cleanOpen.push(s.openMs);
    cleanChecked.push(s.checkedMs);
    checks.push(check);
    withoutCheck.push(rest);
  }
  const crash: number[] = [];
  const crashOpen: number[] = [];
  const crashChecked: number[] = [];
  let walBytes = 0;
  for (let i = 0; i < rounds; i++) {
    await crashWriter(dataDir, 20);
    walBytes =
      statSync(path.join(dataDir, 'front-door.db-wal'), { throwIfNoEntry: false })?.size ?? 0;
    const s = await firstScreen(dataDir);
    if (!s.unclean) throw new Error('the crash was not noticed at the next open');
    crash.push(s.ms);
    crashOpen.push(s.openMs);
    crashChecked.push(s.checkedMs);
  }
  return {
    figures: [
      single('first screen', 'after a clean close', clean, { below: 1000 }),
      single('first screen', '  of which start-up', cleanOpen, null, '(store open + sign-in)'),
      single('first screen', '  saves allowed', cleanChecked, null, '(the check has passed)'),
      single('first screen', '  quick_check alone', checks, null, '(reads every page of the file)'),
      single(
        'first screen',
        '  open with migrations',
        withoutCheck,
        null,
        '(the read-write open without the check)',
      ),
      single('first screen', 'after a crash (SIGKILL mid-save)', crash, { below: 2000 }),
      single('first screen', '  of which start-up', crashOpen, null, '(store open + sign-in)'),
      single('first screen', '  saves allowed', crashChecked, null, '(WAL recovery + the check)'),
    ],
    walBytes,
  };
}
