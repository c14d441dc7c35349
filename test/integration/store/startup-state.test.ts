// Start-up failures become typed states the renderer shows (the window itself cannot open here):
// the mapping from what SQLite and the OS report to a problem kind, and the start-up flow that
// never throws, whatever fails (open, lock, check, sign-in, a read-only file).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { createSessionEnv } from '../../../electron/main/ipc/env';
import { createServices } from '../../../electron/main/services/index';
import { startUp } from '../../../electron/main/startup';
import { DataDirError, SchemaTooNewError } from '../../../electron/main/store/errors';
import { acquireFolderLock } from '../../../electron/main/store/folder-lock';
import { SESSION_LOCK_FILE } from '../../../electron/main/store/recovery';
import { MissingDatabaseError, startupProblem } from '../../../electron/main/store/startup-problem';
import { DB_FILE, type Store } from '../../../electron/main/store/store';
import type { StoreStatus } from '../../../shared/domain/records';
import { fixedClock, removeDir, tempDir, testEnv } from '../../helpers/store-fixtures';

const dirs: string[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  for (const d of dirs.splice(0)) removeDir(d);
});

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

/** A real SqliteError: a write on a read-only connection. */
function realReadOnlyError(dir: string): unknown {
  const file = path.join(dir, 'ro.db');
  new BetterSqlite3(file).exec('CREATE TABLE t (x)');
  const ro = new BetterSqlite3(file, { readonly: true });
  try {
    ro.exec('INSERT INTO t VALUES (1)');
  } catch (err) {
    return err;
  } finally {
    ro.close();
  }
  throw new Error('expected a read-only error');
}

function realNotADatabaseError(dir: string): unknown {
  const file = path.join(dir, 'text.db');
  writeFileSync(file, 'not a database '.repeat(400));
  try {
    new BetterSqlite3(file).prepare('SELECT * FROM sqlite_master').all();
  } catch (err) {
    return err;
  }
  throw new Error('expected SQLITE_NOTADB');
}

function realLockError(dir: string): unknown {
  const held = acquireFolderLock(dir);
  try {
    acquireFolderLock(dir);
  } catch (err) {
    return err;
  } finally {
    held.release();
  }
  throw new Error('expected the folder to be in use');
}

describe('start-up problem mapping', () => {
  it('maps what SQLite and the OS report to a kind, and offers a restore only for lost records', () => {
    const dir = tempDir();
    dirs.push(dir);
    const cases: [unknown, 'open' | 'lock' | 'sign-in' | 'folder', string][] = [
      [realReadOnlyError(dir), 'open', 'read-only'],
      [withCode("EROFS: read-only file system, open 'session.lock'", 'EROFS'), 'open', 'read-only'],
      [withCode('database or disk is full', 'SQLITE_FULL'), 'sign-in', 'disk-full'],
      [withCode('ENOSPC: no space left on device, write', 'ENOSPC'), 'open', 'disk-full'],
      [withCode('disk I/O error', 'SQLITE_IOERR_WRITE'), 'open', 'disk-error'],
      [withCode("EACCES: permission denied, open 'session.lock'", 'EACCES'), 'open', 'no-access'],
      [withCode('unable to open database file', 'SQLITE_CANTOPEN'), 'open', 'no-access'],
      [realNotADatabaseError(dir), 'open', 'damaged'],
      [withCode('database disk image is malformed', 'SQLITE_CORRUPT'), 'open', 'damaged'],
      [realLockError(dir), 'lock', 'in-use'],
      [new MissingDatabaseError(['backups']), 'open', 'missing'],
      [new DataDirError('//nas/x', 'Choose a local folder.'), 'folder', 'network-folder'],
      [new SchemaTooNewError(99, 9), 'open', 'newer-version'],
      [new Error('users table has no such column'), 'sign-in', 'sign-in'],
      [new Error('something odd'), 'open', 'unknown'],
    ];
    for (const [err, phase, kind] of cases) {
      const p = startupProblem(err, phase, dir);
      expect(p.kind, String(err)).toBe(kind);
      expect(p.restoreOffered).toBe(kind === 'damaged' || kind === 'missing');
      expect(p.details).toContain(dir);
      expect(p.message.length).toBeGreaterThan(10);
      // Never point at a restore where a backup cannot help.
      if (!p.restoreOffered) expect(p.message).not.toMatch(/Restore the newest backup/);
    }
    expect(startupProblem(withCode('x', 'SQLITE_FULL'), 'open', dir).message).toMatch(
      /do not restore a backup/,
    );
  });
});

/** The start-up flow as index.ts runs it, over real services. */
function start(dataDir: string, breakSignIn = false) {
  return startUp({
    storeOptions: { dataDir },
    log: () => undefined,
    createEnv: (store: Store) => {
      const services = createServices(store, fixedClock(), { osAccount: () => 'sam' });
      if (breakSignIn) {
        services.users.signIn = () => Promise.reject(new Error('users table is locked oddly'));
      }
      return createSessionEnv({ store, services, clock: fixedClock(), osAccount: 'sam' });
    },
  });
}

async function statusOverIpc(env: Awaited<ReturnType<typeof start>>['env']): Promise<StoreStatus> {
  const res = await dispatch(env, 'system:status', {});
  if (!res.ok) throw new Error(res.error.message);
  return res.data as StoreStatus;
}

describe('the start-up flow never throws and always leaves a state to show', () => {
  it('a sign-in failure becomes a refused state with the cause, served over IPC', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { store, env, status } = await start(dir, true);
    expect(status.state).toBe('refused');
    expect(status.problem?.kind).toBe('sign-in');
    expect(status.problem?.details).toMatch(/users table is locked oddly/);
    expect(env.recoveryNeeded()).toBe(true);
    expect((await statusOverIpc(env)).problem?.kind).toBe('sign-in');
    store.close();
  });

  it('a data folder held by another process is a state, not a crash', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const held = acquireFolderLock(dir);
    cleanups.push(() => {
      held.release();
    });
    const { store, env, status } = await start(dir);
    expect(status).toMatchObject({ state: 'refused' });
    expect(status.problem?.kind).toBe('in-use');
    expect((await statusOverIpc(env)).problem?.restoreOffered).toBe(false);
    store.close();
  });

  it('a session.lock that cannot be written is a state, not a crash', async () => {
    const dir = tempDir();
    dirs.push(dir);
    // A directory where the marker file goes: writing it fails (EISDIR) even for root.
    mkdirSync(path.join(dir, SESSION_LOCK_FILE));
    const { store, status } = await start(dir);
    expect(status.state).toBe('refused');
    expect(status.problem?.details).toMatch(/EISDIR/);
    store.close();
  });

  // Root ignores file modes, so a read-only file needs the immutable attribute there; elsewhere
  // a 0444 file is read-only to its owner.
  const root = process.getuid?.() === 0;
  const canMakeImmutable = (() => {
    if (process.platform !== 'linux' || !root) return !root && process.platform !== 'win32';
    const probe = tempDir();
    try {
      writeFileSync(path.join(probe, 'p'), '');
      execFileSync('chattr', ['+i', path.join(probe, 'p')], { stdio: 'ignore' });
      execFileSync('chattr', ['-i', path.join(probe, 'p')], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    } finally {
      removeDir(probe);
    }
  })();

  it.skipIf(!canMakeImmutable)(
    'a read-only database is named as such, with no restore offered (needs chattr as root, or a non-root user)',
    async () => {
      const env = await testEnv();
      dirs.push(env.dir);
      env.store.close();
      const db = path.join(env.dir, DB_FILE);
      if (root) {
        execFileSync('chattr', ['+i', db]);
        cleanups.unshift(() => {
          execFileSync('chattr', ['-i', db]);
        });
      } else {
        const { chmodSync } = await import('node:fs');
        chmodSync(db, 0o444);
      }
      const { store, status } = await start(env.dir);
      expect(status.state).toBe('refused');
      expect(status.problem?.kind).toBe('read-only');
      expect(status.problem?.message).toMatch(/read-only/);
      expect(status.problem?.restoreOffered).toBe(false);
      store.close();
    },
  );
});
