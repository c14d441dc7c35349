// Words and numbers for the Backups page: sizes in MB, each backup's check in words, task ids.
import { londonDateAtTime, type BackupListItem } from '../../../../shared/domain/backups';

const MB = 1024 * 1024;

/** `12.3 MB` (en-GB digits; at least 0.1 MB so a small backup never reads as nothing). */
export function formatMegabytes(bytes: number): string {
  const mb = Math.max(0.1, Math.round((bytes / MB) * 10) / 10);
  return `${mb.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

/** "Yes, 23/11/2026 at 10:05", "No: <why>" or "Not checked yet". */
export function checkText(b: BackupListItem): string {
  if (b.verified && b.verifiedAt !== null) return `Yes, ${londonDateAtTime(b.verifiedAt)}`;
  if (b.problem !== null) return `No: damaged (${b.problem})`;
  return 'Not checked yet';
}

export function newBackupTaskId(): string {
  return typeof crypto.randomUUID === 'function'
    ? `backup-${crypto.randomUUID()}`
    : `backup-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Reloads the window so every screen reads the restored records (nothing cached survives). */
export function reloadFrontDoor(): void {
  window.location.reload();
}
