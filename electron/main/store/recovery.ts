// Start-up checks (reliability: "Corrupt file … detected at open with a recovery path; never a
// crash loop"). A session marker is written when the database is opened and removed on a clean
// close; finding it at start means the last run ended abruptly (crash, kill, power cut). A PRAGMA
// quick_check runs at every open, clean or not: damage can arrive while the app is closed (a disk
// fault, a sync tool, a bad copy). Any failure to open, a failed check, or a corrupt header
// becomes a status the app can show, with backups to restore, rather than an exception that would
// kill the app at every start.
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openConnection } from './connection';
import { FILE_MODE, makePrivate } from './data-dir';
import { SchemaTooNewError } from './errors';
import { type Migration, MIGRATIONS, migrate, schemaVersion } from './migrations/index';
import { ReadOnlyDatabaseError } from './startup-problem';

export const SESSION_LOCK_FILE = 'session.lock';

export type OpenCheckResult =
  | { state: 'ok'; raw: BetterSqlite3.Database; unclean: boolean; quickCheck: string | null }
  | {
      state: 'recovery-needed' | 'refused';
      reason: string;
      unclean: boolean;
      quickCheck: string | null;
      schemaVersion: number | null;
      /** The check ran and found damage (nothing was written to the file). */
      checkFailed: boolean;
      /** What was thrown, for the start-up screen's cause and details. */
      error: unknown;
    };

export type OpenCheckOptions = {
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[] | undefined;
};

/** Writes the marker durably (fsync) so an abrupt end right after opening is still noticed. */
export function writeSessionLock(lockPath: string, now: Date): void {
  const fd = openSync(lockPath, 'w', FILE_MODE);
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, openedAt: now.toISOString() }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  makePrivate(lockPath);
}

export function removeSessionLock(lockPath: string): void {
  rmSync(lockPath, { force: true });
}

function describe(err: unknown): string {
  const code =
    typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
  const msg = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB' || /not a database/i.test(msg)) {
    return 'The database file is damaged (its header is not readable).';
  }
  if (code?.startsWith('SQLITE_CORRUPT') || /malformed/i.test(msg)) {
    return 'The database file is damaged.';
  }
  return `The database could not be opened (${msg}).`;
}

/** quick_check's rows joined; 'ok' when the file is sound. */
function quickCheck(raw: BetterSqlite3.Database): string {
  const rows = raw.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}

/**
 * Checks the file on a read-only connection. PRAGMA quick_check reads every page of every
 * b-tree (it skips only the index-versus-table cross-check of integrity_check), so a damaged page
 * is found at open even after a clean close, not at the first search
 * (https://www.sqlite.org/pragma.html#pragma_quick_check). Read-only, because a read-write
 * connection to a WAL database checkpoints on close, which would write the log into a file that
 * has just failed its check; a read-only connection never checkpoints (wal.c,
 * sqlite3WalCheckpoint returns SQLITE_READONLY).
 */
export function checkFile(dbPath: string, nativeBinding?: string): string {
  const ro = openConnection(dbPath, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return quickCheck(ro);
  } finally {
    ro.close();
  }
}

/**
 * Opens the database at `dbPath`, checks it at every open (and notes whether the last run was
 * unclean), and migrates it. Never throws for a damaged or unreadable file.
 */
export function openWithChecks(
  dbPath: string,
  lockPath: string,
  options: OpenCheckOptions = {},
): OpenCheckResult {
  const unclean = existsSync(lockPath);
  let raw: BetterSqlite3.Database | null = null;
  let check: string | null = null;
  try {
    if (existsSync(dbPath) && statSync(dbPath).size > 0) {
      check = checkFile(dbPath, options.nativeBinding);
      if (check !== 'ok') {
        return {
          state: 'recovery-needed',
          reason: unclean
            ? 'The last session did not close properly and the database check found damage.'
            : 'The database check found damage.',
          unclean,
          quickCheck: check.slice(0, 2000),
          schemaVersion: null,
          checkFailed: true,
          error: null,
        };
      }
    }
    // SQLite opens a file it may not write read-only without a word, and in WAL mode even
    // BEGIN IMMEDIATE succeeds (its write lock lives in the -shm file); the first save would then
    // fail. access(2) answers for file modes, read-only mounts and immutable files alike.
    for (const target of [dbPath, path.dirname(dbPath)]) {
      try {
        accessSync(target, constants.W_OK);
      } catch (cause) {
        throw new ReadOnlyDatabaseError(target, cause);
      }
    }
    raw = openConnection(dbPath, { nativeBinding: options.nativeBinding });
    migrate(raw, options.migrations ? { migrations: options.migrations } : {});
    // In rollback-journal mode a read-only file fails here rather than at the first save.
    raw.exec('BEGIN IMMEDIATE');
    raw.exec('ROLLBACK');
    return { state: 'ok', raw, unclean, quickCheck: check };
  } catch (err) {
    const version = raw?.open ? safeVersion(raw) : null;
    raw?.close();
    return {
      state: err instanceof SchemaTooNewError ? 'refused' : 'recovery-needed',
      reason: err instanceof SchemaTooNewError ? err.message : describe(err),
      unclean,
      quickCheck: check,
      schemaVersion: version,
      checkFailed: false,
      error: err,
    };
  }
}

function safeVersion(raw: BetterSqlite3.Database): number | null {
  try {
    return schemaVersion(raw);
  } catch {
    return null;
  }
}

export { MIGRATIONS };
