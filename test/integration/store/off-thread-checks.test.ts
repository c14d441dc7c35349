// Whole-file checks run in a worker thread (issue 11: "integrity checks over a large file run off
// the main thread … never freezing every other call"): the start-up quick_check and a backup's
// integrity_check. Proved by the main thread's timer still ticking while a 60 MB file is checked,
// where the same check on the main thread lets no tick through; and the worker's verdicts match
// the main-thread check's on a sound file, a damaged one and one that is not a database.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  verifyDatabaseFile,
  verifyDatabaseFileOffThread,
} from '../../../electron/main/store/backup';
import { checkInWorker } from '../../../electron/main/store/check-worker';
import { checkFile } from '../../../electron/main/store/recovery';
import { removeDir, tempDir } from '../../helpers/store-fixtures';

let dir = '';
let big = '';

beforeAll(() => {
  dir = tempDir();
  big = path.join(dir, 'big.db');
  const db = new BetterSqlite3(big);
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE INDEX t_body ON t (body)',
  );
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 120_000; i++)
      insert.run(`${String(i).padStart(8, '0')} ${'x'.repeat(220)}`);
  })();
  db.pragma('user_version = 1');
  db.close();
});

afterAll(() => {
  removeDir(dir);
});

/** Timer ticks that got through while `work` ran. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
  }, 2);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe('whole-file checks in a worker thread', () => {
  it('the main thread keeps running while the worker checks; on the main thread it would not', async () => {
    const before = performance.now();
    const onMain = await ticksDuring(() => {
      checkFile(big);
      return Promise.resolve();
    });
    const mainMs = performance.now() - before;
    expect(onMain).toBe(0);
    expect(mainMs).toBeGreaterThan(20); // big enough that ticks would show

    expect(await ticksDuring(() => checkInWorker(big, undefined))).toBeGreaterThan(3);
    expect(await checkInWorker(big, undefined)).toBe('ok');
    expect(await ticksDuring(() => verifyDatabaseFileOffThread(big))).toBeGreaterThan(3);
  });

  it('gives the same verdicts as the check on the main thread', async () => {
    expect(await verifyDatabaseFileOffThread(big)).toEqual({ ok: true, schemaVersion: 1 });
    expect(verifyDatabaseFile(big)).toEqual({ ok: true, schemaVersion: 1 });

    // An index page overwritten: both checks name the damage.
    const damaged = path.join(dir, 'damaged.db');
    const src = new BetterSqlite3(big, { readonly: true });
    await src.backup(damaged);
    const { rootpage } = src
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 't_body'")
      .get() as { rootpage: number };
    const pageSize = src.pragma('page_size', { simple: true }) as number;
    src.close();
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, (rootpage - 1) * pageSize);
    closeSync(fd);
    const offThread = await verifyDatabaseFileOffThread(damaged);
    expect(offThread.ok).toBe(false);
    expect(verifyDatabaseFile(damaged).ok).toBe(false);
    expect(await checkInWorker(damaged, undefined)).not.toBe('ok');

    const text = path.join(dir, 'text.db');
    writeFileSync(text, 'not a database '.repeat(400));
    const notDb = await verifyDatabaseFileOffThread(text);
    expect(notDb.ok).toBe(false);
    expect(notDb.ok ? '' : notDb.reason).toMatch(/not a database/);
    expect(await checkInWorker(text, undefined)).toMatch(/could not read the file.*not a database/);
  });
});
