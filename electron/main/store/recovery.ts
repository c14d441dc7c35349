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
import { checkAuditAnchorAtOpen } from './audit-anchor';
import { isEmptyOrAbsent } from './prior-records';
import { ReadOnlyDatabaseError } from './startup-problem';
import type { StartupProblem } from '../../../shared/domain/records';

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

/** Why recovery is needed when the start-up check finds damage. */
export function damageReason(unclean: boolean): string {
  return unclean
    ? 'The last session did not close properly and the database check found damage.'
    : 'The database check found damage.';
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
  // Filled by openForWriting as soon as the connection exists, to close it if a later step throws.
  const opened: { raw: BetterSqlite3.Database | null } = { raw: null };
  let check: string | null = null;
  try {
    if (existsSync(dbPath) && statSync(dbPath).size > 0) {
      check = checkFile(dbPath, options.nativeBinding);
      if (check !== 'ok') {
        return {
          state: 'recovery-needed',
          reason: damageReason(unclean),
          unclean,
          quickCheck: check.slice(0, 2000),
          schemaVersion: null,
          checkFailed: true,
          error: null,
        };
      }
    }
    const raw = openForWriting(dbPath, options, (connection) => {
      opened.raw = connection;
    });
    return { state: 'ok', raw, unclean, quickCheck: check };
  } catch (err) {
    const raw = opened.raw;
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

/** Throws ReadOnlyDatabaseError when the file or its folder cannot be written. */
function assertWritable(dbPath: string): void {
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
}

/**
 * The read-write connection, migrated and proved writable. Throws for a file that cannot be
 * written or migrated; `onOpened` receives the connection as soon as it exists, so the caller
 * can read its schema version and close it when a later step throws.
 */
export function openForWriting(
  dbPath: string,
  options: OpenCheckOptions,
  onOpened: (raw: BetterSqlite3.Database) => void = () => undefined,
): BetterSqlite3.Database {
  assertWritable(dbPath);
  const raw = openConnection(dbPath, { nativeBinding: options.nativeBinding });
  onOpened(raw);
  migrate(raw, options.migrations ? { migrations: options.migrations } : {});
  // In rollback-journal mode a read-only file fails here rather than at the first save.
  raw.exec('BEGIN IMMEDIATE');
  raw.exec('ROLLBACK');
  return raw;
}

/**
 * The records file opened read-only for the first screen, its check still to come (see
 * Store's checkInBackground), with the audit anchor compared as at every open. Null where the
 * checks must come first instead: a new or unreadable file, pending migrations (which write), a
 * newer file, or one that cannot be written; each then gets its usual start-up status.
 */
export function openForReading(
  dbPath: string,
  dataDir: string,
  options: OpenCheckOptions,
  now: Date,
):
  | { state: 'reading'; raw: BetterSqlite3.Database }
  | { state: 'anchor-failed'; reason: string; problem: StartupProblem }
  | null {
  if (isEmptyOrAbsent(dbPath)) return null;
  let raw: BetterSqlite3.Database;
  try {
    raw = openConnection(dbPath, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: options.nativeBinding,
    });
  } catch {
    return null;
  }
  try {
    if (schemaVersion(raw) !== (options.migrations ?? MIGRATIONS).length) {
      raw.close();
      return null;
    }
    assertWritable(dbPath);
    // audit anchor: the file must hold every audit entry witnessed outside it (audit-anchor.ts).
    const anchored = checkAuditAnchorAtOpen(raw, dataDir, now);
    if (anchored.ok) return { state: 'reading', raw };
    raw.close();
    return { state: 'anchor-failed', reason: anchored.reason, problem: anchored.problem };
  } catch {
    raw.close();
    return null;
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
