// Reliability "Kill during migration and during backup": a child process is
// SIGKILLed at random moments while it migrates or backs up. After each kill the database is at
// the old or the new schema version, never between, and after a killed backup the source is
// intact and every listed backup verifies. 50 kills each, as the reliability list asks;
// KILL_DURING_ITERATIONS to change it.
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups, verifyDatabaseFile } from '../../../electron/main/store/backup';
import { MIGRATIONS } from '../../../electron/main/store/migrations/index';
import { DB_FILE, openStore } from '../../../electron/main/store/store';
import { bundleChild } from '../../helpers/bundle-child';
import { type WarmChild, goAndKill, startWarm } from '../../helpers/warm-child';
import { referralInput, removeDir, tempDir, testEnv } from '../../helpers/store-fixtures';

const ITERATIONS = Number(process.env.KILL_DURING_ITERATIONS ?? 50);
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
 * Lets a warm child (started in `mode`) go, waits for its `start` line, kills it `delayMs`
 * later. Resolves with whether it reported `done` before the kill.
 */
async function killDuring(
  warm: WarmChild,
  start: string,
  done: string,
  delayMs: number,
): Promise<{ finished: boolean }> {
  const out = await goAndKill(
    warm,
    (o) => o.includes(`${start}\n`),
    () => delayMs,
  );
  return { finished: out.includes(`${done}\n`) };
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
    const prepare = () => {
      const dir = tempDir('front-door-kill-migrate-');
      dirs.push(dir);
      cpSync(base, dir, { recursive: true });
      return { dir, warm: startWarm(CHILD, [dir, 'migrate']) };
    };
    let next = prepare();
    for (let i = 0; i < ITERATIONS; i++) {
      const { dir, warm } = next;
      // Spread over the migration's few hundred ms, and a little after it.
      const killed = killDuring(warm, 'migrating', 'migrated', Math.floor(Math.random() * 300));
      // The next child loads while this one is killed and checked (it waits before opening).
      next = i + 1 < ITERATIONS ? prepare() : next;
      const { finished } = await killed;
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
    let next = startWarm(CHILD, [env.dir, 'backup']);
    for (let i = 0; i < ITERATIONS; i++) {
      const killed = killDuring(next, 'backing-up', 'backed-up', Math.floor(Math.random() * 250));
      // The next child loads meanwhile; it opens the folder only when told to go.
      next = i + 1 < ITERATIONS ? startWarm(CHILD, [env.dir, 'backup']) : next;
      const { finished } = await killed;
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
