// The first screen: opening the store (the lock, the start-up check, migrations, the audit
// anchor) and the first queue page, after a clean close and after a crash. The crash is a child
// process saving referrals through the services, killed with SIGKILL after its 20th confirmed
// save: the WAL then holds saves not yet checkpointed and the session marker says "unclean".
// The operating system's file cache is warm in both cases (dropping it needs root); a machine
// that has just booted reads the whole file from disk for the check and will be slower.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { createServices } from '../electron/main/services';
import { checkAuditAnchorAtOpen } from '../electron/main/store/audit-anchor';
import { openConnection } from '../electron/main/store/connection';
import { migrate } from '../electron/main/store/migrations/index';
import { checkFile } from '../electron/main/store/recovery';
import { DB_FILE, openStore } from '../electron/main/store/store';
import { type Figure, single } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Opens the store and shows the first queue page as the app's first screen does. */
async function firstScreen(
  dataDir: string,
): Promise<{ ms: number; openMs: number; unclean: boolean }> {
  const t0 = performance.now();
  const store = openStore({ dataDir });
  const status = store.status();
  const openMs = performance.now() - t0;
  try {
    if (status.state !== 'ok') throw new Error(`The store did not open: ${status.reason ?? ''}`);
    const services = createServices(store);
    const { user } = await services.users.signIn('bench-admin', 'Bench Administrator');
    await services.referrals.queue({ user }, { filter: 'all', page: 0, pageSize: 50 });
    return { ms: performance.now() - t0, openMs, unclean: status.uncleanShutdown };
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
  const checks: number[] = [];
  const withoutCheck: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // The start-up check on its own (the same function the open runs), and the rest of the
    // open without it (the app's connection and pragmas, migrations, the audit anchor check), to
    // show what the first screen would take were the check run after the window opens (issue
    // 11: "the window opens at once and the check runs with progress").
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
    checks.push(check);
    // The open without its check, then the same sign-in and first queue page as measured.
    withoutCheck.push(rest + (s.ms - s.openMs));
  }
  const crash: number[] = [];
  const crashOpen: number[] = [];
  let walBytes = 0;
  for (let i = 0; i < rounds; i++) {
    await crashWriter(dataDir, 20);
    walBytes =
      statSync(path.join(dataDir, 'front-door.db-wal'), { throwIfNoEntry: false })?.size ?? 0;
    const s = await firstScreen(dataDir);
    if (!s.unclean) throw new Error('the crash was not noticed at the next open');
    crash.push(s.ms);
    crashOpen.push(s.openMs);
  }
  return {
    figures: [
      single('first screen', 'after a clean close', clean, { below: 1000 }),
      single('first screen', '  of which opening the store', cleanOpen, null),
      single('first screen', '  quick_check alone', checks, null, '(reads every page of the file)'),
      single(
        'first screen',
        '  less the check',
        withoutCheck,
        { below: 1000 },
        '(open without the check + sign-in + first page)',
      ),
      single('first screen', 'after a crash (SIGKILL mid-save)', crash, { below: 2000 }),
      single(
        'first screen',
        '  of which opening the store',
        crashOpen,
        null,
        '(WAL recovery + quick_check)',
      ),
    ],
    walBytes,
  };
}
