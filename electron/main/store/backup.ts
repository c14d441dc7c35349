// Backups through SQLite's online backup API (architecture §3): consistent while the app is in
// use, verified by opening the copy and running PRAGMA integrity_check, rotated. File names carry
// only the time (no personal data). Restore verifies first, keeps the current file aside as
// `pre-restore-…`, swaps the file in, and re-runs the start-up checks and migrations.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type { BackupListItem, RestoreResult } from '../../../shared/domain/backups';
import { appendAudit } from './audit';
import { backupAnchorProblem, carryAnchorIntoBackup, restoreBackupAnchor } from './audit-anchor';
import { readBackupChecks, recordBackupCheck, type BackupCheck } from './backup-checks';
import { openConnection } from './connection';
import { createPrivateFile, ensurePrivateDir, fsyncDir, makePrivate } from './data-dir';
import { checkFileInWorker } from './check-worker';
import { BackupError } from './errors';
import { MIGRATIONS } from './migrations/index';
import type { Store } from './store';

export const DEFAULT_BACKUP_KEEP = 14;
/** Copies of the database set aside by restores (each a way back from a wrong restore). */
export const PRE_RESTORE_KEEP = 3;
const PRE_RESTORE_NAME = /^pre-restore-\d{8}-\d{6}(?:-\d+)?\.db$/;
const BACKUP_NAME = /^front-door-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.db$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYYMMDD-HHmmss` in UTC: names sort in time order across clock changes. */
function stamp(d: Date): string {
  return (
    `${String(d.getUTCFullYear())}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

function createdAtFromName(name: string): string | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return `${y ?? ''}-${mo ?? ''}-${d ?? ''}T${h ?? ''}:${mi ?? ''}:${s ?? ''}.000Z`;
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

function withCheck(
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

function fsyncFile(file: string): void {
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
function listedBackup(store: Store, file: string): string {
  // Only names of the backup pattern, which has no separators: `../../x.db` or `checks.json` are
  // refused before any path is built from them.
  if (!isBackupFileName(file)) throw new BackupError('Choose one of the listed backups.');
  const source = path.join(store.backupDir, file);
  if (!existsSync(source))
    throw new BackupError(`The backup ${file} is no longer in the backup folder.`);
  return source;
}

type FullCheck = { ok: boolean; reason: string | null; altered: boolean };

/** The full check a restore relies on: integrity_check, schema, then the audit anchor. */
function fullCheck(store: Store, source: string): FullCheck {
  return withAnchor(store, source, verifyDatabaseFile(source, store.options.nativeBinding));
}

/** After integrity_check and the schema, the audit anchor. */
function withAnchor(store: Store, source: string, check: VerifyResult): FullCheck {
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

/**
 * Keeps the `keep` newest pre-restore copies (with their -wal, -shm and anchor files) and deletes
 * older ones: each holds a whole copy of the records, so they must not pile up.
 */
export function rotatePreRestoreCopies(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  // Same-second copies carry a -N suffix: order by stamp, then N numerically; newest first.
  const key = (f: string) => {
    const m = /^pre-restore-(\d{8}-\d{6})(?:-(\d+))?\.db$/.exec(f);
    return `${m?.[1] ?? ''}-${(m?.[2] ?? '1').padStart(6, '0')}`;
  };
  const copies = readdirSync(dir)
    .filter((f) => PRE_RESTORE_NAME.test(f))
    .sort((a, b) => (key(a) < key(b) ? 1 : -1));
  const removed: string[] = [];
  for (const f of copies.slice(Math.max(1, keep))) {
    for (const suffix of ['', '-wal', '-shm', '.anchor'])
      rmSync(path.join(dir, f + suffix), { force: true });
    removed.push(f);
  }
  return removed;
}

export type RestoreOptions = { now: Date; userId: string | null };

/**
 * Restores `file` from the backup folder while Front Door is running. The backup is checked in
 * full before anything is touched; a damaged or altered one is refused and nothing changes. The
 * current database (a clean close folds its WAL in) is copied to `pre-restore-<stamp>.db` beside
 * the backups first — if that copy cannot be made, the records are reopened unchanged. Then the
 * file is swapped in and reopened with the start-up checks and migrations; the screens must
 * reload (everything they hold is from the replaced records).
 */
export async function restoreBackup(
  store: Store,
  file: string,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const source = listedBackup(store, file);
  const { ok, reason, altered } = fullCheck(store, source);
  const check: BackupCheck = { at: options.now.toISOString(), ok, reason };
  recordBackupCheck(store.backupDir, file, check);
  if (!check.ok) {
    throw new BackupError(
      altered
        ? `The backup ${file} has been altered since it was made (${check.reason ?? ''}) Choose another backup.`
        : `The backup ${file} is damaged and cannot be restored (${check.reason ?? ''}). Choose another backup.`,
    );
  }
  // One writer per folder: a restore in a process that does not hold the folder would discard
  // what the holder has confirmed since the backup.
  if (!store.holdsFolder) {
    throw new BackupError(
      'Another copy of Front Door is using this data folder, so a backup cannot be restored here. Close it first.',
    );
  }
  // Close (a clean close checkpoints the WAL into the main file) but keep the folder locked, then
  // set the current file aside.
  store.closeKeepingFolder();
  const db = store.dbPath;
  let aside = path.join(store.backupDir, `pre-restore-${stamp(options.now)}.db`);
  const incoming = `${db}.restoring`;
  const made: string[] = [];
  try {
    ensurePrivateDir(store.backupDir);
    for (let n = 2; existsSync(aside); n++) {
      aside = path.join(store.backupDir, `pre-restore-${stamp(options.now)}-${String(n)}.db`);
    }
    for (const suffix of ['', '-wal', '-shm']) {
      if (!existsSync(db + suffix)) continue;
      // Copied under a .partial name and renamed, so a killed restore leaves no half copy that
      // looks complete (the next open removes .partial files).
      const part = `${aside}${suffix}.partial`;
      made.push(part);
      copyFileSync(db + suffix, part);
      makePrivate(part);
      fsyncFile(part);
      renameSync(part, aside + suffix);
      made.push(aside + suffix);
    }
    made.push(incoming);
    copyFileSync(source, incoming);
    makePrivate(incoming);
    fsyncFile(incoming);
  } catch (err) {
    // Nothing has been replaced yet (a full disk, usually): take away the half-made copies and
    // reopen the records exactly as they were, rather than leave Front Door without them.
    for (const f of made) {
      try {
        rmSync(f, { force: true });
      } catch {
        // Left for the next start's clean-up of .partial files; reopening matters more.
      }
    }
    store.open();
    const why = err instanceof Error ? err.message : String(err);
    throw new BackupError(
      `The backup was not restored, and nothing was changed: a copy of the current records could not be kept first (${why}). Free some disk space and try again.`,
    );
  }
  // The old WAL must go before the new file arrives: SQLite would otherwise replay the old
  // database's frames onto the restored one.
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  renameSync(incoming, db);
  fsyncDir(path.dirname(db));

  restoreBackupAnchor(store.dataDir, source, aside); // audit anchor: the backup's own witness
  rotatePreRestoreCopies(store.backupDir, PRE_RESTORE_KEEP);
  const status = store.open();
  if (status.state !== 'ok') {
    throw new BackupError(
      `The backup was restored but the database could not be opened (${status.reason ?? 'unknown'}).`,
    );
  }
  await store.transaction((trx) =>
    appendAudit(trx, {
      at: options.now.toISOString(),
      userId: options.userId,
      action: 'restore',
      entityType: 'database',
      entityId: null,
      summary: `Database restored from backup ${file}`,
      details: { file, keptAs: path.basename(aside) },
    }),
  );
  const item = withCheck(
    file,
    createdAtFromName(file) ?? options.now.toISOString(),
    statSync(source).size,
    check,
  );
  return { ...item, safetyCopy: path.basename(aside), safetyCopyPath: aside };
}

/**
 * The recovery path after a failed start-up check: restore the newest backup that verifies.
 * Damaged backups are skipped. Throws BackupError if there is none.
 */
export async function restoreNewestGoodBackup(
  store: Store,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const reasons: string[] = [];
  for (const b of listBackups(store.backupDir)) {
    const check = verifyDatabaseFile(
      path.join(store.backupDir, b.file),
      store.options.nativeBinding,
    );
    if (!check.ok) {
      reasons.push(`${b.file}: ${check.reason}`);
      continue;
    }
    return restoreBackup(store, b.file, options);
  }
  throw new BackupError(
    reasons.length === 0
      ? 'There are no backups to restore. Contact your IT service desk.'
      : `None of the backups could be verified (${reasons.join('; ')}). Contact your IT service desk.`,
  );
}
