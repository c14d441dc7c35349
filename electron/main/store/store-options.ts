// Where the store keeps its files and how it is opened (store.ts).
import type { CheckRunner } from './check-worker';
import type { Migration } from './migrations/index';

export const DB_FILE = 'front-door.db';
export const BACKUP_DIR = 'backups';

export type OpenStoreOptions = {
  dataDir: string;
  /** better-sqlite3 native binding for the running ABI (Electron passes its own build). */
  nativeBinding?: string | undefined;
  /** Default `<dataDir>/backups`. */
  backupDir?: string | undefined;
  /** Injected for tests of the network-path refusal. */
  platform?: NodeJS.Platform | undefined;
  procMounts?: string | undefined;
  /** Tests only: a different migration list. */
  migrations?: readonly Migration[] | undefined;
  /** Clock for the session marker (defaults to the system clock). */
  now?: (() => Date) | undefined;
  /**
   * The app's first open: check the file after opening it for reading rather than before, so
   * the window shows at once on a large file; every save waits until the check has passed.
   * Off by default (the tests, the seeder and the benchmark's writers check first).
   */
  checkInBackground?: boolean | undefined;
  /** Tests only: how the background check runs (default: quick_check in a worker thread). */
  runCheck?: CheckRunner | undefined;
};
