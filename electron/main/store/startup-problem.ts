// Every way start-up can fail, as a typed problem the start-up screen words plainly. The kinds
// come from what SQLite and the operating system report: SQLite's result codes
// (https://www.sqlite.org/rescode.html) and Node's errno codes (EROFS, ENOSPC, EACCES …).
// Only damaged or missing records are put right by restoring a backup; a full disk, a read-only
// file, a folder in use or an account without access are not, and the screen never offers it.
import { londonDate, londonTime } from '../../../shared/calendar';
import type { StartupProblem, StartupProblemKind } from '../../../shared/domain/records';
import { DataDirError, SchemaTooNewError, isDiskFull } from './errors';
import { FolderLockError } from './folder-lock';

export type StartupPhase = 'folder' | 'lock' | 'open' | 'check' | 'sign-in';

/** Thrown when the database is missing or empty in a folder that has held records before. */
export class MissingDatabaseError extends Error {
  readonly evidence: string[];
  constructor(evidence: string[]) {
    super(`The database file is missing or empty (found: ${evidence.join(', ')}).`);
    this.name = 'MissingDatabaseError';
    this.evidence = evidence;
  }
}

/** The database file or its folder cannot be written by this account (read-only, immutable). */
export class ReadOnlyDatabaseError extends Error {
  constructor(target: string, cause: unknown) {
    super(`${target} cannot be written (${errorText(cause)}).`, { cause });
    this.name = 'ReadOnlyDatabaseError';
  }
}

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  if (typeof err === 'number' || typeof err === 'boolean') return String(err);
  return '';
}

/** The kind of fault behind `err`, looking through a folder-lock failure to its cause. */
export function kindOf(err: unknown, phase: StartupPhase): StartupProblemKind {
  if (err instanceof MissingDatabaseError) return 'missing';
  if (err instanceof ReadOnlyDatabaseError) return 'read-only';
  if (err instanceof DataDirError) return 'network-folder';
  if (err instanceof SchemaTooNewError) return 'newer-version';
  if (err instanceof FolderLockError) {
    if (err.failure.kind === 'in-use') return 'in-use';
    const inner = kindOf(err.failure.error, phase);
    return inner === 'unknown' || inner === 'damaged' ? 'no-access' : inner;
  }
  const code = errorCode(err);
  const text = errorText(err);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || /read-?only/i.test(text))
    return 'read-only';
  if (isDiskFull(err) || /disk is full/i.test(text)) return 'disk-full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'in-use';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || /disk I\/O error/i.test(text))
    return 'disk-error';
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_AUTH' ||
    code === 'EACCES' ||
    code === 'EPERM'
  )
    return 'no-access';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || /malformed/i.test(text))
    return 'damaged';
  return phase === 'sign-in' ? 'sign-in' : 'unknown';
}

function message(kind: StartupProblemKind, dataDir: string, err: unknown): string {
  const it = 'Ask your IT service desk for help and give them the details (use "Copy details").';
  switch (kind) {
    case 'damaged':
      return 'The records file is damaged. Nothing has been written to it. Restore the newest backup that passes its check.';
    case 'missing':
      return 'The records file is missing or empty, but this folder has held Front Door records before. Front Door will not start a new, empty set of records here. Restore the newest backup that passes its check.';
    case 'in-use':
      return `${err instanceof FolderLockError ? err.message : 'Front Door is already open on this data folder.'} It may be in another window or under another computer account. Close it there, then start Front Door again.`;
    case 'read-only':
      return `Front Door cannot save to its records because the file or its folder (${dataDir}) is read-only. The records are not damaged: do not restore a backup. ${it}`;
    case 'disk-full':
      return `The disk that holds Front Door's records is full. Free some space, then start Front Door again. The records are not damaged: do not restore a backup. ${it}`;
    case 'disk-error':
      return `The disk reported an error while reading or writing Front Door's records. Do not restore a backup onto a failing disk. ${it}`;
    case 'no-access':
      return `Your computer account is not allowed to use Front Door's data folder (${dataDir}). ${it}`;
    case 'network-folder':
    case 'newer-version':
      return errorText(err);
    case 'sign-in':
      return `Front Door opened its records but could not sign you in. Start Front Door again; if it keeps happening, ${it.charAt(0).toLowerCase()}${it.slice(1)}`;
    case 'unknown':
      return `Front Door could not open its records. ${it}`;
  }
}

/** A typed start-up problem for `err`, met in `phase`, with details for the service desk. */
export function startupProblem(
  err: unknown,
  phase: StartupPhase,
  dataDir: string,
  now: Date = new Date(),
): StartupProblem {
  const kind = kindOf(err, phase);
  const cause = err instanceof FolderLockError ? err.failure.error : err;
  const details = [
    `Problem: ${kind} (while ${phase === 'sign-in' ? 'signing in' : `opening: ${phase}`})`,
    `Data folder: ${dataDir}`,
    `Time: ${londonDate(now.toISOString())} ${londonTime(now.toISOString())} Europe/London (${now.toISOString()})`,
    `Error: ${errorCode(err) || (err instanceof Error ? err.name : 'none')} ${errorText(err)}`,
    ...(cause !== err ? [`Cause: ${errorCode(cause)} ${errorText(cause)}`] : []),
    `Platform: ${process.platform} ${process.arch}, Node ${process.versions.node}`,
  ].join('\n');
  return {
    kind,
    message: message(kind, dataDir, err),
    restoreOffered: kind === 'damaged' || kind === 'missing',
    details,
  };
}

/** The problem for a file that failed PRAGMA quick_check (no exception to classify). */
export function damagedProblem(dataDir: string, check: string, now = new Date()): StartupProblem {
  return {
    kind: 'damaged',
    message: message('damaged', dataDir, null),
    restoreOffered: true,
    details: [
      'Problem: damaged (the database check at open failed)',
      `Data folder: ${dataDir}`,
      `Time: ${londonDate(now.toISOString())} ${londonTime(now.toISOString())} Europe/London (${now.toISOString()})`,
      `Check: ${check.slice(0, 1500)}`,
    ].join('\n'),
  };
}
