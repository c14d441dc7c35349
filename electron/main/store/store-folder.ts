// Getting the data folder ready before the database is opened: it must be a local folder of our
// own, locked by this process (one writer per folder, across processes and accounts), cleared of
// what a killed backup or restore left, and never given a fresh empty database where records
// have been before (the file gone but its backups, anchor or marker still there).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isEmptyOrAbsent, priorRecordsEvidence } from './prior-records';
import { checkNotNetworkPath, createPrivateFile, ensurePrivateDir } from './data-dir';
import { type FolderLock, acquireFolderLock } from './folder-lock';
import type { OpenStoreOptions } from './store-options';
import { MissingDatabaseError, type StartupPhase } from './startup-problem';

export type FolderReady = {
  /** The folder's lock: held from the first open until the store closes, even after a failure. */
  lock: FolderLock | null;
  /** What went wrong, in which phase of start-up, or null when the database may be opened. */
  failed: { err: unknown; phase: StartupPhase } | null;
};

/** The folder checked, locked (unless `lock` is already held) and cleared for opening. */
export function prepareFolder(
  store: { dataDir: string; dbPath: string; backupDir: string; options: OpenStoreOptions },
  held: FolderLock | null,
): FolderReady {
  const { dataDir, dbPath, backupDir, options } = store;
  try {
    checkNotNetworkPath(dataDir, {
      ...(options.platform ? { platform: options.platform } : {}),
      ...(options.procMounts !== undefined ? { procMounts: options.procMounts } : {}),
    });
    ensurePrivateDir(dataDir);
  } catch (err) {
    return { lock: held, failed: { err, phase: 'folder' } };
  }
  let lock = held;
  if (lock === null) {
    try {
      lock = acquireFolderLock(dataDir, options.nativeBinding);
    } catch (err) {
      return { lock: null, failed: { err, phase: 'lock' } };
    }
  }
  try {
    removeOrphans(dbPath, backupDir);
    if (isEmptyOrAbsent(dbPath)) {
      const evidence = priorRecordsEvidence(dataDir, dbPath, backupDir);
      if (evidence.length > 0) throw new MissingDatabaseError(evidence);
      // A genuine first start: make the file private before SQLite fills it.
      createPrivateFile(dbPath);
    }
  } catch (err) {
    return { lock, failed: { err, phase: 'open' } };
  }
  return { lock, failed: null };
}

/**
 * Left-overs of a killed backup or restore. Removed only while holding the folder lock, so a
 * file another process is still writing is never touched.
 */
function removeOrphans(dbPath: string, backupDir: string): void {
  rmSync(`${dbPath}.restoring`, { force: true });
  if (!existsSync(backupDir)) return;
  for (const f of readdirSync(backupDir)) {
    if (f.endsWith('.partial')) rmSync(path.join(backupDir, f), { force: true });
  }
}
