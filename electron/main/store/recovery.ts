// Start-up checks (reliability: "Corrupt file … detected at open with a recovery path; never a
// crash loop"). A session marker is written when the database is opened and removed on a clean
// close; finding it at start means the last run ended abruptly (crash, kill, power cut), so a
// PRAGMA quick_check runs before anyone works on the records. Any failure to open, a failed
// check, or a corrupt header becomes a status the app can show, with backups to restore, rather
// than an exception that would kill the app at every start.
import { closeSync, existsSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { openConnection } from './connection';
import { SchemaTooNewError } from './errors';
import { type Migration, MIGRATIONS, migrate, schemaVersion } from './migrations/index';

export const SESSION_LOCK_FILE = 'session.lock';

export type OpenCheckResult =
  | { state: 'ok'; raw: BetterSqlite3.Database; unclean: boolean; quickCheck: string | null }
  | {
      state: 'recovery-needed' | 'refused';
      reason: string;
      unclean: boolean;
      quickCheck: string | null;
      schemaVersion: number | null;
    };

export type OpenCheckOptions = {
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[] | undefined;
};

/** Writes the marker durably (fsync) so an abrupt end right after opening is still noticed. */
export function writeSessionLock(lockPath: string, now: Date): void {
  const fd = openSync(lockPath, 'w');
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, openedAt: now.toISOString() }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
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
 * Opens the database at `dbPath`, checking it when the last run was unclean, and migrates it.
 * Never throws for a damaged or unreadable file.
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
    raw = openConnection(dbPath, { nativeBinding: options.nativeBinding });
    if (unclean) {
      check = quickCheck(raw);
      if (check !== 'ok') {
        raw.close();
        return {
          state: 'recovery-needed',
          reason: 'The last session did not close properly and the database check found damage.',
          unclean,
          quickCheck: check,
          schemaVersion: null,
        };
      }
    }
    migrate(raw, options.migrations ? { migrations: options.migrations } : {});
    return { state: 'ok', raw, unclean, quickCheck: check };
  } catch (err) {
    const version = raw?.open ? safeVersion(raw) : null;
    raw?.close();
    if (err instanceof SchemaTooNewError) {
      return {
        state: 'refused',
        reason: err.message,
        unclean,
        quickCheck: check,
        schemaVersion: version,
      };
    }
    return {
      state: 'recovery-needed',
      reason: describe(err),
      unclean,
      quickCheck: check,
      schemaVersion: version,
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
