// Whether a data folder has held Front Door records before. A missing or emptied database in such
// a folder is a loss to recover from, never a first start (where the first person to sign in
// becomes administrator).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { listBackups } from './backup';

/**
 * Written when a database is first created here. Its presence (or any backup, pre-restore copy,
 * left-over WAL or audit anchor) means this folder has held records, so a missing or emptied
 * database is a loss to recover from, never a first start (where the first person to sign in
 * becomes administrator).
 */
export const CREATED_MARKER_FILE = 'front-door.created';

/** Files that say this folder has held Front Door records (see CREATED_MARKER_FILE). */
export function priorRecordsEvidence(dataDir: string, dbPath: string, backupDir: string): string[] {
  const found: string[] = [];
  if (existsSync(path.join(dataDir, CREATED_MARKER_FILE))) found.push(CREATED_MARKER_FILE);
  const wal = `${dbPath}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) found.push(path.basename(wal));
  if (listBackups(backupDir).length > 0) found.push('backups');
  if (existsSync(backupDir) && readdirSync(backupDir).some((f) => f.startsWith('pre-restore-')))
    found.push('pre-restore copies');
  if (readdirSync(dataDir).some((f) => /anchor/i.test(f))) found.push('audit anchor');
  return found;
}

/** No database yet, or an empty file. */
export function isEmptyOrAbsent(file: string): boolean {
  return !existsSync(file) || statSync(file).size === 0;
}
