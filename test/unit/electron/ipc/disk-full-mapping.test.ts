// How a full disk reaches the user: every shape it arrives in (SQLite's SQLITE_FULL, Node's
// ENOSPC/EDQUOT from a file write, wrapped as a cause) becomes DISK_FULL with one plain message
// that never suggests a restore; other storage errors are not mistaken for it.
import { describe, expect, it } from 'vitest';
import { toIpcError } from '../../../../electron/main/ipc/dispatch';
import {
  DISK_FULL_MESSAGE,
  DiskFullError,
  isDiskFull,
} from '../../../../electron/main/store/errors';

/** better-sqlite3's SqliteError carries the result code name in `code`. */
function sqliteError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string };
  e.name = 'SqliteError';
  e.code = code;
  return e;
}

function fsError(code: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: no space left on device, write`);
  e.code = code;
  e.errno = -28;
  e.syscall = 'write';
  return e;
}

const DISK_FULL = { code: 'DISK_FULL', message: DISK_FULL_MESSAGE };

describe('disk full → DISK_FULL', () => {
  it.each([
    ['SQLite SQLITE_FULL', sqliteError('SQLITE_FULL', 'database or disk is full')],
    ['fs ENOSPC', fsError('ENOSPC')],
    ['fs EDQUOT (quota)', fsError('EDQUOT')],
    ['our own DiskFullError', new DiskFullError()],
    [
      'wrapped as a cause',
      new Error('backup failed', { cause: sqliteError('SQLITE_FULL', 'database or disk is full') }),
    ],
  ])('%s', (_label, error) => {
    expect(isDiskFull(error)).toBe(true);
    expect(toIpcError(error)).toEqual(DISK_FULL);
  });

  it('says what is wrong and what to do, and never suggests a restore', () => {
    expect(DISK_FULL_MESSAGE).toMatch(/disk .* is full/);
    expect(DISK_FULL_MESSAGE).toMatch(/free space/);
    expect(DISK_FULL_MESSAGE).toMatch(/Nothing was saved/);
    expect(DISK_FULL_MESSAGE).not.toMatch(/restore|backup|recover|went wrong|rollback/i);
  });

  it.each([
    ['a damaged file', sqliteError('SQLITE_CORRUPT', 'database disk image is malformed')],
    ['a busy database', sqliteError('SQLITE_BUSY', 'database is locked')],
    ['a plain error', new Error('boom')],
    ['a non-error', 'SQLITE_FULL'],
    ['null', null],
  ])('%s is not a full disk', (_label, error) => {
    expect(isDiskFull(error)).toBe(false);
    expect(toIpcError(error)?.code).not.toBe('DISK_FULL');
  });

  it('does not loop on a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as Error & { cause: unknown }).cause = b;
    expect(isDiskFull(a)).toBe(false);
  });
});
