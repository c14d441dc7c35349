// One writer per data folder, whoever runs it. Electron's requestSingleInstanceLock is per OS
// account, so the app and the browser harness, or two accounts pointed at one folder by
// FRONT_DOOR_DATA_DIR, could otherwise both write, and a restore in one would silently discard
// what the other had confirmed.
//
// The lock is a small SQLite file, `folder.lock`, held in an EXCLUSIVE transaction for as long as
// the store is open. SQLite takes it with the operating system's own locks (fcntl on Linux and
// macOS, LockFileEx on Windows), which work across processes and accounts and which the OS drops
// when the holding process dies, so a crash or kill -9 never leaves the folder locked
// (https://www.sqlite.org/lockingv3.html, https://www.sqlite.org/pragma.html#pragma_locking_mode).
// A second connection in the same process is refused too: SQLite tracks POSIX locks per file
// across its connections (os_unix.c, unixInodeInfo).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { FILE_MODE, createPrivateFile, makePrivate } from './data-dir';

export const FOLDER_LOCK_FILE = 'folder.lock';
/** Who holds the lock, for the message the next process shows. Advisory only. */
export const FOLDER_LOCK_INFO_FILE = 'folder.lock.json';

export type LockHolder = { pid: number; account: string; host: string; since: string };

export type FolderLock = {
  readonly file: string;
  readonly held: boolean;
  release(): void;
};

export type LockFailure = {
  /** in-use: another process holds it; no-access: the lock file cannot be opened or made. */
  kind: 'in-use' | 'no-access';
  holder: LockHolder | null;
  error: unknown;
};

export class FolderLockError extends Error {
  readonly failure: LockFailure;
  constructor(failure: LockFailure) {
    super(
      failure.kind === 'in-use'
        ? `Front Door is already open on this data folder${describeHolder(failure.holder)}.`
        : 'Front Door cannot use the lock file in its data folder.',
    );
    this.name = 'FolderLockError';
    this.failure = failure;
  }
}

function describeHolder(h: LockHolder | null): string {
  if (h === null) return '';
  return ` (by ${h.account || 'another account'} on ${h.host}, process ${String(h.pid)}, since ${h.since})`;
}

function readHolder(dir: string): LockHolder | null {
  try {
    const v = JSON.parse(readFileSync(path.join(dir, FOLDER_LOCK_INFO_FILE), 'utf8')) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    if (typeof o.pid !== 'number' || typeof o.since !== 'string') return null;
    return {
      pid: o.pid,
      account: typeof o.account === 'string' ? o.account : '',
      host: typeof o.host === 'string' ? o.host : '',
      since: o.since,
    };
  } catch {
    return null;
  }
}

function currentAccount(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

const code = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';

/**
 * Takes the data folder's lock or throws FolderLockError at once (never waits: a second copy
 * should say so, not hang). The folder must exist.
 */
export function acquireFolderLock(dir: string, nativeBinding?: string): FolderLock {
  const file = path.join(dir, FOLDER_LOCK_FILE);
  let db: BetterSqlite3.Database;
  try {
    createPrivateFile(file);
    db = new BetterSqlite3(file, nativeBinding !== undefined ? { nativeBinding } : {});
  } catch (error) {
    throw new FolderLockError({ kind: 'no-access', holder: null, error });
  }
  try {
    db.pragma('busy_timeout = 0');
    // The journal in memory: nothing is ever written, and a killed holder leaves no file
    // behind. (OFF is not accepted on an empty file: it stays DELETE and BEGIN makes a journal.)
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    const busy = code(error).startsWith('SQLITE_BUSY') || code(error).startsWith('SQLITE_LOCKED');
    throw new FolderLockError({
      kind: busy ? 'in-use' : 'no-access',
      holder: busy ? readHolder(dir) : null,
      error,
    });
  }
  const info = path.join(dir, FOLDER_LOCK_INFO_FILE);
  try {
    const holder: LockHolder = {
      pid: process.pid,
      account: currentAccount(),
      host: os.hostname(),
      since: new Date().toISOString(),
    };
    writeFileSync(info, JSON.stringify(holder), { mode: FILE_MODE });
    makePrivate(info);
  } catch {
    // Only used to name the holder in a message; the lock itself is held.
  }
  let held = true;
  return {
    file,
    get held() {
      return held;
    },
    release() {
      if (!held) return;
      held = false;
      rmSync(info, { force: true });
      // Closing the connection ends the transaction and drops the OS lock.
      db.close();
    },
  };
}
