// Backups through SQLite's online backup API (architecture §3): consistent while the app is in
// use, verified by opening the copy and running PRAGMA integrity_check, rotated. File names carry
// only the time (no personal data). Restoring one is in restore.ts.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type { BackupListItem } from '../../../shared/domain/backups';
import { appendAudit } from './audit';
import { backupAnchorProblem, carryAnchorIntoBackup } from './audit-anchor';
import { readBackupChecks, recordBackupCheck, type BackupCheck } from './backup-checks';
import { openConnection } from './connection';
import { createPrivateFile, ensurePrivateDir, fsyncDir } from './data-dir';
import { checkFileInWorker } from './check-worker';
import { BackupError } from './errors';
import { MIGRATIONS } from './migrations/index';
import type { Store } from './store';

export const DEFAULT_BACKUP_KEEP = 14;
const BACKUP_NAME = /^front-door-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.db$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYYMMDD-HHmmss` in UTC: names sort in time order across clock changes. */
export function stamp(d: Date): string {
  return (
    `${String(d.getUTCFullYear())}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

export function createdAtFromName(name: string): string | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return `${y ?? ''}-${mo ?? ''}-${d ?? ''}T${h ?? ''}:${mi ?? ''}:${s ?? ''}.000Z`;
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

export function withCheck(
  file: string,
  createdAt: string,
  sizeBytes: number,
  check: BackupCheck | undefined,
): BackupListItem {
  return {
    file,
    createdAt,
    sizeBytes,
    // Only a recorded, passing full check counts: a file merely present is not "verified".
    verified: check?.ok === true,
    verifiedAt: check?.ok === true ? check.at : null,
    problem: check?.ok === false ? check.reason : null,
  };
}

/** Backups in `dir`, newest first, each with its last full check (backup-checks.ts). */
export function listBackups(dir: string): BackupListItem[] {
  if (!existsSync(dir)) return [];
  const checks = readBackupChecks(dir);
  const out: BackupListItem[] = [];
  for (const file of readdirSync(dir)) {
    const createdAt = createdAtFromName(file);
    if (createdAt === null) continue;
    let size: number;
    try {
      size = statSync(path.join(dir, file)).size;
    } catch {
      continue; // Removed while listing (rotation in another window).
    }
    out.push(withCheck(file, createdAt, size, checks.get(file)));
  }
  // Same-second backups carry a -N suffix; compare numerically after the stamp.
  const key = (f: string) => {
    const m = BACKUP_NAME.exec(f);
    return `${f.slice(11, 26)}-${(m?.[7] ?? '0').padStart(6, '0')}`;
  };
  return out.sort((a, b) => (key(a.file) < key(b.file) ? 1 : -1));
}

export type VerifyResult = { ok: true; schemaVersion: number } | { ok: false; reason: string };

/** Opens a copy read-only and checks it completely (integrity_check, not the quicker check). */
export function verifyDatabaseFile(file: string, nativeBinding?: string): VerifyResult {
  let db;
  try {
    db = openConnection(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const result = rows.map((r) => r.integrity_check).join('; ');
    return verdict(result, db.pragma('user_version', { simple: true }) as number);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    db.close();
  }
}

/**
 * verifyDatabaseFile in a worker thread: at ten years of referrals integrity_check reads 2 GB
 * for about a minute, and on the main thread every other call (the queue, a save) would wait.
 */
export async function verifyDatabaseFileOffThread(
  file: string,
  nativeBinding?: string,
): Promise<VerifyResult> {
  // Set when the worker could not run and the check ran here instead.
  const here: { result: VerifyResult | null } = { result: null };
  const checked = await checkFileInWorker(file, 'integrity_check', nativeBinding, () => {
    const result = verifyDatabaseFile(file, nativeBinding);
    here.result = result;
    return { result: result.ok ? 'ok' : result.reason, userVersion: null };
  });
  if (here.result !== null) return here.result;
  if (checked.userVersion === null) return { ok: false, reason: checked.result };
  return verdict(checked.result, checked.userVersion);
}

function verdict(result: string, version: number): VerifyResult {
  if (result !== 'ok') return { ok: false, reason: `integrity check: ${result.slice(0, 500)}` };
  if (version > MIGRATIONS.length) {
    return {
      ok: false,
      reason: `it was made by a newer version of Front Door (schema ${String(version)})`,
    };
  }
  if (version < 1) return { ok: false, reason: 'it does not contain Front Door records' };
  return { ok: true, schemaVersion: version };
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export type CreateBackupOptions = {
  now: Date;
  keep?: number;
  userId?: string | null;
  /** Pages copied so far of the total as the online backup goes, then the check (progress bar). */
  onProgress?: (done: number, total: number, stage: 'copying' | 'checking') => void;
};

/**
 * Backs up the open database. The copy is written as `.partial`, switched to rollback-journal
 * mode (a single self-contained file), verified, fsynced and only then renamed to its final
 * name — so a killed backup never leaves a file that looks like a good backup.
 */
export async function createBackup(
  store: Store,
  options: CreateBackupOptions,
): Promise<BackupListItem> {
  // A copy is only as good as its source: while the start-up check is still reading the file,
  // wait for it (and fail with it if it finds damage).
  await store.whenWritable();
  const dir = store.backupDir;
  ensurePrivateDir(dir);
  // Left-overs of a killed backup. Safe to remove: an open store holds the folder lock, so no
  // other process is writing one.
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.partial')) rmSync(path.join(dir, f), { force: true });
  }
  let name = `front-door-${stamp(options.now)}.db`;
  for (let n = 2; existsSync(path.join(dir, name)); n++) {
    name = `front-door-${stamp(options.now)}-${String(n)}.db`;
  }
  const final = path.join(dir, name);
  const partial = `${final}.partial`;
  // Private from the first byte: SQLite writes into the existing empty file and keeps its mode.
  createPrivateFile(partial);
  const onProgress = options.onProgress;
  const copied = await store.raw.backup(partial, {
    // 100 pages a step is better-sqlite3's own default: other calls run between the steps.
    progress: ({ totalPages, remainingPages }) => {
      onProgress?.(totalPages - remainingPages, totalPages, 'copying');
      return 100;
    },
  });
  onProgress?.(copied.totalPages, copied.totalPages, 'checking');
  const copy = openConnection(partial, {
    readonly: false,
    fileMustExist: true,
    nativeBinding: store.options.nativeBinding,
  });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const verified = await verifyDatabaseFileOffThread(partial, store.options.nativeBinding);
  if (!verified.ok) {
    rmSync(partial, { force: true });
    throw new BackupError(
      `The backup could not be verified (${verified.reason}). Try again; if it keeps failing, check the disk.`,
    );
  }
  fsyncFile(partial);
  renameSync(partial, final);
  fsyncDir(dir);
  carryAnchorIntoBackup(store.dataDir, final, store.options.nativeBinding); // audit anchor
  const check: BackupCheck = { at: options.now.toISOString(), ok: true, reason: null };
  recordBackupCheck(dir, name, check);
  rotateBackups(dir, options.keep ?? DEFAULT_BACKUP_KEEP);
  const size = statSync(final).size;
  await store.transaction((trx) =>
    appendAudit(trx, {
      at: options.now.toISOString(),
      userId: options.userId ?? null,
      action: 'backup',
      entityType: 'database',
      entityId: null,
      summary: `Backup made: ${name}`,
      details: { file: name, sizeBytes: size },
    }),
  );
  return withCheck(name, createdAtFromName(name) ?? options.now.toISOString(), size, check);
}

/** The listed backup called `file`, or a BackupError (never a path outside the folder). */
export function listedBackup(store: Store, file: string): string {
  // Only names of the backup pattern, which has no separators: `../../x.db` or `checks.json` are
  // refused before any path is built from them.
  if (!isBackupFileName(file)) throw new BackupError('Choose one of the listed backups.');
  const source = path.join(store.backupDir, file);
  if (!existsSync(source))
    throw new BackupError(`The backup ${file} is no longer in the backup folder.`);
  return source;
}

export type FullCheck = { ok: boolean; reason: string | null; altered: boolean };

/** After integrity_check and the schema, the audit anchor. */
export function withAnchor(store: Store, source: string, check: VerifyResult): FullCheck {
  if (!check.ok) return { ok: false, reason: check.reason, altered: false };
  // audit anchor: a backup whose audit log was cut short or rewritten is refused.
  const anchorProblem = backupAnchorProblem(source, store.options.nativeBinding);
  if (anchorProblem !== null) return { ok: false, reason: anchorProblem, altered: true };
  return { ok: true, reason: null, altered: false };
}

/** Checks one listed backup in full on request (off the main thread) and records the result. */
export async function checkBackup(store: Store, file: string, now: Date): Promise<BackupListItem> {
  const source = listedBackup(store, file);
  const verified = await verifyDatabaseFileOffThread(source, store.options.nativeBinding);
  const { ok, reason } = withAnchor(store, source, verified);
  const check: BackupCheck = { at: now.toISOString(), ok, reason };
  recordBackupCheck(store.backupDir, file, check);
  return withCheck(
    file,
    createdAtFromName(file) ?? now.toISOString(),
    statSync(source).size,
    check,
  );
}

/** Keeps the `keep` newest backups and deletes older ones. Returns the files removed. */
export function rotateBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const removed: string[] = [];
  for (const b of all.slice(Math.max(1, keep))) {
    rmSync(path.join(dir, b.file), { force: true });
    removed.push(b.file);
  }
  return removed;
}
