// The result of each backup's last full check (PRAGMA integrity_check), kept beside the backups
// in `checks.json`, so the Backups page says which backups were checked, when, and which failed —
// rather than calling every file in the folder "verified". Not in the database: a restore puts
// back an older database, and the checks of the backups themselves must survive that.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { FILE_MODE, ensurePrivateDir, fsyncDir } from './data-dir';

export const BACKUP_CHECKS_FILE = 'checks.json';

export type BackupCheck = { at: string; ok: boolean; reason: string | null };

function isCheck(v: unknown): v is BackupCheck {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.at === 'string' &&
    typeof c.ok === 'boolean' &&
    (c.reason === null || typeof c.reason === 'string')
  );
}

/** Backup file name → its last check. A missing or unreadable file reads as no checks. */
export function readBackupChecks(dir: string): Map<string, BackupCheck> {
  const file = path.join(dir, BACKUP_CHECKS_FILE);
  const out = new Map<string, BackupCheck>();
  if (!existsSync(file)) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // Half-written by a crash before the rename cannot happen (tmp + rename), but a hand-edited
    // file can: then no backup counts as checked, which is the safe reading.
    return out;
  }
  if (typeof parsed !== 'object' || parsed === null) return out;
  for (const [name, check] of Object.entries(parsed)) {
    if (isCheck(check)) out.set(name, check);
  }
  return out;
}

/**
 * Records a check and drops entries for backups no longer in the folder. Written to a temp file,
 * fsynced and renamed, so a kill leaves the old record or the new, never half of one.
 */
export function recordBackupCheck(dir: string, name: string, check: BackupCheck): void {
  ensurePrivateDir(dir);
  const checks = readBackupChecks(dir);
  checks.set(name, check);
  const kept = Object.fromEntries([...checks].filter(([file]) => existsSync(path.join(dir, file))));
  const target = path.join(dir, BACKUP_CHECKS_FILE);
  const tmp = `${target}.tmp`;
  const fd = openSync(tmp, 'w', FILE_MODE);
  try {
    writeSync(fd, JSON.stringify(kept, null, 1));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
  fsyncDir(dir);
}
