// A full disk under the data folder (reliability: "Disk full / write error → the user sees an error
// naming the problem; nothing is reported as saved that is not"). A real 3 MB tmpfs is mounted
// and filled, so SQLite meets a real ENOSPC; where mounting is not allowed (not root, or in a
// container without CAP_SYS_ADMIN) the test is skipped with that reason.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { createSessionEnv, type SessionEnv } from '../../../electron/main/ipc/env';
import { createServices } from '../../../electron/main/services';
import { createKysely, openConnection } from '../../../electron/main/store/connection';
import { DISK_FULL_MESSAGE } from '../../../electron/main/store/errors';
import { openStore, type Store } from '../../../electron/main/store/store';
import { fixedClock, referralInput, removeDir, tempDir } from '../../helpers/store-fixtures';

function tryMount(dir: string): string | null {
  if (process.platform !== 'linux') return 'tmpfs mounts are a Linux feature';
  if (process.getuid?.() !== 0) return 'mounting a small filesystem needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

const mountDir = tempDir('front-door-full-');
const skipReason = tryMount(mountDir);
if (skipReason) console.warn(`disk-full test skipped: ${skipReason}`);

/** Writes 64 KB blocks until the filesystem says ENOSPC; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 0x61);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // Then single pages, so the disk is full to the last 4 KB.
  const fd2 = openSync(path.join(dir, 'filler-small.bin'), 'w');
  try {
    for (;;) writeSync(fd2, Buffer.alloc(4096, 0x62));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd2);
  }
  return filler;
}

describe.skipIf(skipReason !== null)('a full disk under the data folder', () => {
  let store: Store;
  let env: SessionEnv;
  const logged: unknown[] = [];

  beforeAll(async () => {
    const dataDir = path.join(mountDir, 'data');
    store = openStore({ dataDir });
    const clock = fixedClock();
    const services = createServices(store, clock);
    env = createSessionEnv({
      store,
      services,
      clock,
      osAccount: 'duty.full',
      logError: (_channel, error) => logged.push(error),
    });
    expect(await env.signIn()).not.toBeNull();
  });

  afterAll(() => {
    try {
      store.close();
    } finally {
      execFileSync('umount', [mountDir]);
      removeDir(mountDir);
    }
  });

  it('names the problem, keeps the draft, and works again once space is freed', async () => {
    const referral = referralInput();
    const saved = await dispatch(env, 'drafts:save', {
      kind: 'referral',
      key: 'draft-kept',
      data: { referral },
    });
    expect(saved.ok).toBe(true);

    const filler = fillDisk(mountDir);

    // Bigger and bigger writes until one needs a page the disk no longer has.
    let failure: unknown = null;
    for (let i = 0; i < 50 && failure === null; i++) {
      const r = await dispatch(env, 'drafts:save', {
        kind: 'referral',
        key: `draft-${String(i)}`,
        data: { note: 'x'.repeat(20_000 * (i + 1)) },
      });
      if (!r.ok) failure = r.error;
    }
    expect(failure).toEqual({ code: 'DISK_FULL', message: DISK_FULL_MESSAGE });
    expect(DISK_FULL_MESSAGE).not.toMatch(/restore|backup|went wrong|rollback/i);

    // Saving the referral from the draft fails the same way, and the draft is not lost.
    const create = await dispatch(env, 'referrals:create', { referral, draftKey: 'draft-kept' });
    expect(create).toEqual({
      ok: false,
      error: { code: 'DISK_FULL', message: DISK_FULL_MESSAGE },
    });
    const kept = await dispatch(env, 'drafts:get', { kind: 'referral', key: 'draft-kept' });
    expect(kept.ok && kept.data).toMatchObject({ data: { referral } });
    expect(logged.length).toBeGreaterThan(0);

    // Free space: the same save now succeeds, and the file is sound.
    rmSync(filler);
    const retry = await dispatch(env, 'referrals:create', { referral, draftKey: 'draft-kept' });
    expect(retry.ok).toBe(true);
    const gone = await dispatch(env, 'drafts:get', { kind: 'referral', key: 'draft-kept' });
    expect(gone).toEqual({ ok: true, data: null });
    expect(store.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

// Without a mount: SQLite may roll a transaction back on its own after SQLITE_FULL (or IOERR);
// the error the user hears about must be the real one, not Kysely's follow-up "cannot rollback".
describe('a failed write inside a transaction', () => {
  it('reports the original error, not "cannot rollback - no transaction is active"', async () => {
    const dir = tempDir('front-door-rollback-');
    const raw = openConnection(path.join(dir, 'db.sqlite'));
    const db = createKysely(raw);
    raw.exec('CREATE TABLE t (x INTEGER) STRICT');
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const attempt = db.transaction().execute(async (trx) => {
      await sql`INSERT INTO t (x) VALUES (1)`.execute(trx);
      // What SQLite does itself after SQLITE_FULL: the transaction is already gone.
      raw.exec('ROLLBACK');
      throw full;
    });
    await expect(attempt).rejects.toBe(full);
    expect(raw.inTransaction).toBe(false);
    // An ordinary failure still rolls back.
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`INSERT INTO t (x) VALUES (2)`.execute(trx);
        throw new Error('invalid');
      }),
    ).rejects.toThrow('invalid');
    expect(raw.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    raw.close();
    removeDir(dir);
  });
});
