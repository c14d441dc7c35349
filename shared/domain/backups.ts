// Backups as the administrator sees them (issue 14): each backup with the result of its last
// full check, the folder they are kept in, and the warning when the newest good one is too old.
// Pure: the main process and the screens both use these rules.
import { londonDate, londonTime } from '../calendar/clocks';
import { formatUkDate } from '../validation/formats';
import type { BackupInfo } from './records';
import type { IsoInstant } from './types';

/** A backup is "too old" after one day (24 hours), the interval the backups promise to keep. */
export const BACKUP_MAX_AGE_HOURS = 24;

/** What the typed confirmation of a restore must be (a deliberate step, not a reflex click). */
export const RESTORE_CONFIRM_WORD = 'RESTORE';

export type BackupListItem = BackupInfo & {
  /** When the backup last passed a full check (PRAGMA integrity_check); null if never checked. */
  verifiedAt: IsoInstant | null;
  /** Why the last check failed (then `verified` is false); null when it passed or never ran. */
  problem: string | null;
};

export type BackupStatus = {
  /** The folder backups are kept in (full path on this computer). */
  folder: string;
  /** How many backups are kept; older ones are deleted as new ones are made. */
  keep: number;
  /** How many copies of the records a restore sets aside first (`pre-restore-…`). */
  safetyCopiesKept: number;
  /** The newest backup, checked or not. */
  lastBackup: BackupListItem | null;
  /** The newest backup whose last full check passed. */
  lastVerified: BackupListItem | null;
  /** Plain words when there is no good backup from the last day; null when all is well. */
  warning: string | null;
};

/** `DD/MM/YYYY at HH:mm`, London time. */
export function londonDateAtTime(instant: IsoInstant): string {
  return `${formatUkDate(londonDate(instant))} at ${londonTime(instant).slice(0, 5)}`;
}

/**
 * The warning for the administrator: no verified backup at all, or the newest verified one is
 * more than BACKUP_MAX_AGE_HOURS old. A damaged backup does not count (it could not be restored).
 */
export function backupWarning(lastVerifiedAt: IsoInstant | null, now: Date): string | null {
  if (lastVerifiedAt === null) {
    return 'There is no checked backup of the records. Make one now on the Backups page.';
  }
  const ageMs = now.getTime() - Date.parse(lastVerifiedAt);
  if (ageMs <= BACKUP_MAX_AGE_HOURS * 60 * 60 * 1000) return null;
  return `The last checked backup was made on ${londonDateAtTime(lastVerifiedAt)}, more than a day ago. Make one now on the Backups page.`;
}

/** What a restore did: the backup put back, and where the records it replaced were kept. */
export type RestoreResult = BackupInfo & {
  /** File name of the copy of the replaced records (`pre-restore-…db`). */
  safetyCopy: string;
  /** Its full path, to tell the administrator (and the IT service desk) where it is. */
  safetyCopyPath: string;
};
