// Restoring a backup while Front Door is running: the backup is verified in full first (and its
// audit anchor), the current file is kept aside as `pre-restore-…`, the file is swapped in, and
// the start-up checks and migrations run again. Backups themselves are made in backup.ts.
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../../shared/domain/backups';
import { appendAudit } from './audit';
import { restoreBackupAnchor } from './audit-anchor';
import {
  type FullCheck,
  createdAtFromName,
  fsyncFile,
  listBackups,
  listedBackup,
  stamp,
  verifyDatabaseFile,
  withAnchor,
  withCheck,
} from './backup';
import { type BackupCheck, recordBackupCheck } from './backup-checks';
import { ensurePrivateDir, fsyncDir, makePrivate } from './data-dir';
import { BackupError } from './errors';
import type { Store } from './store';

/** Copies of the database set aside by restores (each a way back from a wrong restore). */
export const PRE_RESTORE_KEEP = 3;
const PRE_RESTORE_NAME = /^pre-restore-\d{8}-\d{6}(?:-\d+)?\.db$/;

/** The full check a restore relies on: integrity_check, schema, then the audit anchor. */
function fullCheck(store: Store, source: string): FullCheck {
  return withAnchor(store, source, verifyDatabaseFile(source, store.options.nativeBinding));
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
