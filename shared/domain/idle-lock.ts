// The idle lock (reliability: "Idle lock after a configurable time → the screen hides case data
// until the user returns"). The administrator sets the time for everyone on this database.
import type { UserRef } from './records';
import type { IsoInstant } from './types';

/** Ten minutes unless the administrator sets another time. */
export const IDLE_LOCK_DEFAULT_MINUTES = 10;
export const IDLE_LOCK_MIN_MINUTES = 1;
/** Longer than two hours would leave case data on an unattended screen for most of a morning. */
export const IDLE_LOCK_MAX_MINUTES = 120;

export type IdleLockSetting = {
  minutes: number;
  /** 0 while the default is in force (nothing stored yet). */
  version: number;
  updatedAt: IsoInstant | null;
  updatedBy: UserRef | null;
};
