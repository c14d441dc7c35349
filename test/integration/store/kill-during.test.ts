// Reliability "Kill during migration and during backup": a child process is
// SIGKILLed at random moments while it migrates or backs up. After each kill the database is at
// the old or the new schema version, never between, and after a killed backup the source is
// intact and every listed backup verifies. 50 kills each, as the reliability list asks;
// KILL_DURING_ITERATIONS to change it.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups, verifyDatabaseFile } from '../../../electron/main/store/backup';
import { MIGRATIONS } from '../../../electron/main/store/migrations/index';
import { DB_FILE, openStore } from '../../../electron/main/store/store';
import { bundleChild } from '../../helpers/bundle-child';
import { referralInput, removeDir, tempDir, testEnv } from '../../helpers/store-fixtures';

const ITERATIONS = Number(process.env.KILL_DURING_ITERATIONS ?? 50);
const ROOT = path.resolve(import.meta.dirname, '../../..');
let CHILD = '';
/** The child's probe migration inserts this many rows (test/helpers/kill-loop-child.ts). */
const PROBE_ROWS = 150_000;

const dirs: string[] = [];
beforeAll(async () => {
  CHILD = await bundleChild('kill-during-child');
});
afterAll(() => {
  for (const d of dirs) removeDir(d);
});

/**
 * Starts the child in `mode`, waits for its `start` line, kills it `delayMs` later. Resolves with
 * whether it reported `done` before the kill.
 */
function killDuring(
  dataDir: string,
  mode: 'migrate' | 'backup',
  start: string,
  done: string,
  delayMs: number,
): Promise<{ finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [CHILD, dataDir, mode], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      if (timer === undefined && out.includes(`${start}\n`))
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer !== undefined) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited (code ${String(code)}): ${err}`));
      else resolve({ finished: out.includes(`${done}\n`) });
    });
  });
}

function integrity(db: BetterSqlite3.Database): string {
  return (db.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .join('; ');
}

describe('kill during migration and backup', () => {
  it(`a migration killed ${String(ITERATIONS)} times leaves the old or the new version, never between`, async () => {
    const baseEnv = await testEnv();
    baseEnv.store.close(); // a cleanly closed database at the current version
    const base = baseEnv.dir;
    dirs.push(base);
    const old = MIGRATIONS.length;
    const seen = { old: 0, new: 0 };
    for (let i = 0; i < ITERATIONS; i++) {
      const dir = tempDir('front-door-kill-migrate-');
      dirs.push(dir);
      cpSync(base, dir, { recursive: true });
      // Spread over the migration's few hundred ms, and a little after it.
      const { finished } = await killDuring(
        dir,
        'migrate',
        'migrating',
        'migrated',
        Math.floor(Math.random() * 300),
      );
      const db = new BetterSqlite3(path.join(dir, DB_FILE));
      try {
        const version = db.pragma('user_version', { simple: true }) as number;
        const probe = db
          .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'kill_probe%'")
          .get() as { n: number };
        if (version === old) {
          expect(probe.n, `kill ${String(i + 1)}: no trace of the new version`).toBe(0);
          expect(finished).toBe(false);
          seen.old++;
        } else {
          expect(version, `kill ${String(i + 1)}`).toBe(old + 1);
          expect(probe.n).toBe(2); // the table and its index
          expect(db.prepare('SELECT count(*) AS n FROM kill_probe').get()).toEqual({
            n: PROBE_ROWS,
          });
          seen.new++;
        }
        expect(integrity(db)).toBe('ok');
      } finally {
        db.close();
      }
      removeDir(dir);
    }
    // Both outcomes happen, so the kills really landed inside the migration.
    if (ITERATIONS >= 20) expect(seen.old).toBeGreaterThan(0);
    expect(seen.old + seen.new).toBe(ITERATIONS);
  }, 300_000);

  it(`a backup killed ${String(ITERATIONS)} times leaves the source intact and no bad backup`, async () => {
    const env = await testEnv();
    dirs.push(env.dir);
    await env.services.referrals.create({ user: env.admin }, { referral: referralInput() });
    // Ballast (about 4 MB) so that copying and verifying take long enough to be killed inside.
    env.store.raw.exec(
      'CREATE TABLE ballast (b BLOB NOT NULL) STRICT; INSERT INTO ballast WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000) SELECT randomblob(4000) FROM c',
    );
    env.store.close();
    let interrupted = 0;
    let lastVerified = '';
    for (let i = 0; i < ITERATIONS; i++) {
      const { finished } = await killDuring(
        env.dir,
        'backup',
        'backing-up',
        'backed-up',
        Math.floor(Math.random() * 250),
      );
      if (!finished) interrupted++;
      const store = openStore({ dataDir: env.dir });
      try {
        expect(store.status().state, `kill ${String(i + 1)}: ${store.status().reason ?? ''}`).toBe(
          'ok',
        );
        const raw = store.raw;
        expect(raw.prepare('SELECT count(*) AS n FROM referrals').get()).toEqual({ n: 1 });
        expect(raw.prepare('SELECT count(*) AS n FROM ballast').get()).toEqual({ n: 1000 });
        expect(integrity(raw)).toBe('ok');
        // The open removed any half-written copy, and the newest listed backup verifies.
        expect(readdirSync(store.backupDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
        const newest = listBackups(store.backupDir)[0];
        if (newest && newest.file !== lastVerified) {
          lastVerified = newest.file;
          expect(verifyDatabaseFile(path.join(store.backupDir, newest.file))).toMatchObject({
            ok: true,
          });
        }
      } finally {
        store.close();
      }
    }
    if (ITERATIONS >= 20) expect(interrupted).toBeGreaterThan(0);
  }, 300_000);
});
