// Typed errors raised by the store and the services. Each carries a stable `code` that the IPC
// layer passes to the renderer as `{ code, message, fieldErrors? }` (architecture §1), and a
// message written for a busy practitioner: what is wrong and what to do (architecture §5).
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';

export type AppErrorCode =
  | 'validation'
  | 'not-found'
  | 'stale-write'
  | 'forbidden'
  | 'conflict'
  | 'data-dir'
  | 'schema-too-new'
  | 'store-unavailable'
  | 'backup'
  | 'disk-full';

export abstract class AppError extends Error {
  abstract readonly code: AppErrorCode;
}

export class ValidationError extends AppError {
  readonly code = 'validation' as const;
  /** Dotted field path (react-hook-form naming) → message; `_form` for whole-form problems. */
  readonly fieldErrors: Record<string, string>;
  constructor(fieldErrors: Record<string, string>, message?: string) {
    super(message ?? 'Some answers need correcting. Check the highlighted fields.');
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not-found' as const;
  constructor(what: string) {
    super(`${what} could not be found. It may have been merged or the link is out of date.`);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class ConflictError extends AppError {
  readonly code = 'conflict' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

const london = tz('Europe/London');

/** "14:02 on 23/11/2026" in Europe/London (domain §5: en-GB dates, 24-hour times). */
export function formatLondonTimeOnDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'an unknown time';
  return format(d, "HH:mm 'on' dd/MM/yyyy", { in: london });
}

/**
 * A save based on an out-of-date copy (reliability: "no stale edit overwriting a newer one").
 * Names who changed the record and when, so the user can talk to them before reloading.
 */
export class StaleWriteError extends AppError {
  readonly code = 'stale-write' as const;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly currentVersion: number;
  constructor(changedBy: string, changedAt: string, currentVersion: number) {
    super(
      `This record was changed by ${changedBy} at ${formatLondonTimeOnDate(changedAt)} — reload to see their changes before saving yours.`,
    );
    this.name = 'StaleWriteError';
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.currentVersion = currentVersion;
  }
}

/** The data folder cannot be used (network share, not writable). */
export class DataDirError extends AppError {
  readonly code = 'data-dir' as const;
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'DataDirError';
    this.path = path;
  }
}

export class SchemaTooNewError extends AppError {
  readonly code = 'schema-too-new' as const;
  readonly found: number;
  readonly known: number;
  constructor(found: number, known: number) {
    super(
      `This database was made by a newer version of Front Door (schema ${found}); this copy understands up to ${known}. Install the newer version.`,
    );
    this.name = 'SchemaTooNewError';
    this.found = found;
    this.known = known;
  }
}

/** The database is not open (recovery needed, or refused): only status and restore work. */
export class StoreUnavailableError extends AppError {
  readonly code = 'store-unavailable' as const;
  constructor(reason: string) {
    super(
      `The records cannot be opened: ${reason} Go to the recovery screen to restore from a backup.`,
    );
    this.name = 'StoreUnavailableError';
  }
}

export class BackupError extends AppError {
  readonly code = 'backup' as const;
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export const DISK_FULL_MESSAGE =
  "The disk holding Front Door's data is full: free space, then try again. Nothing was saved.";

/**
 * The disk holding the data folder is full. Nothing was written: SQLite rolls the transaction
 * back (https://www.sqlite.org/rescode.html#full) and the draft already saved stays as it was.
 * Not a damaged database, so the message never points at a restore.
 */
export class DiskFullError extends AppError {
  readonly code = 'disk-full' as const;
  constructor() {
    super(DISK_FULL_MESSAGE);
    this.name = 'DiskFullError';
  }
}

/**
 * True when `error`, or any error in its `cause` chain, says the disk is full: SQLite's
 * SQLITE_FULL (better-sqlite3 puts the extended result code name in `code`,
 * https://www.sqlite.org/rescode.html#full) or Node's ENOSPC from a file write
 * (https://nodejs.org/api/errors.html#common-system-errors). EDQUOT (a disk quota, common on
 * council file servers) means the same to the user.
 */
export function isDiskFull(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 8 && typeof e === 'object' && e !== null; depth++) {
    if (e instanceof DiskFullError) return true;
    const code = 'code' in e ? e.code : undefined;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}
