// The store: one database file in the data folder, its connection, and its state. Services hold
// a Store and read `store.db` per call, so a restore can swap the connection underneath them.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { StoreStatus } from '../../../shared/domain/records';
import { listBackups } from './backup';
import { createKysely } from './connection';
import { checkNotNetworkPath } from './data-dir';
import { AppError, StoreUnavailableError } from './errors';
import { type Migration, MIGRATIONS, schemaVersion } from './migrations/index';
import { SESSION_LOCK_FILE, openWithChecks, removeSessionLock, writeSessionLock } from './recovery';
import type { Database } from './schema';

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
};

type State =
  | { state: 'ok'; raw: BetterSqlite3.Database; db: Kysely<Database> }
  | { state: 'recovery-needed' | 'refused' | 'closed'; reason: string };

export class Store {
  readonly dataDir: string;
  readonly dbPath: string;
  readonly backupDir: string;
  readonly lockPath: string;
  readonly options: OpenStoreOptions;
  #state: State = { state: 'closed', reason: 'The database is closed.' };
  #unclean = false;
  #quickCheck: string | null = null;
  #schemaVersion: number | null = null;

  constructor(options: OpenStoreOptions) {
    this.options = options;
    this.dataDir = path.resolve(options.dataDir);
    this.dbPath = path.join(this.dataDir, DB_FILE);
    this.backupDir = options.backupDir ?? path.join(this.dataDir, BACKUP_DIR);
    this.lockPath = path.join(this.dataDir, SESSION_LOCK_FILE);
  }

  /** Opens (or re-opens) the database with the start-up checks. Never throws for a bad file. */
  open(): StoreStatus {
    if (this.#state.state === 'ok') return this.status();
    try {
      checkNotNetworkPath(this.dataDir, {
        ...(this.options.platform ? { platform: this.options.platform } : {}),
        ...(this.options.procMounts !== undefined ? { procMounts: this.options.procMounts } : {}),
      });
      mkdirSync(this.dataDir, { recursive: true });
    } catch (err) {
      const reason = err instanceof AppError || err instanceof Error ? err.message : String(err);
      this.#state = { state: 'refused', reason };
      return this.status();
    }
    const result = openWithChecks(this.dbPath, this.lockPath, {
      nativeBinding: this.options.nativeBinding,
      migrations: this.options.migrations,
    });
    this.#unclean = result.unclean;
    this.#quickCheck = result.quickCheck;
    if (result.state === 'ok') {
      writeSessionLock(this.lockPath, (this.options.now ?? (() => new Date()))());
      this.#schemaVersion = schemaVersion(result.raw);
      this.#state = { state: 'ok', raw: result.raw, db: createKysely(result.raw) };
    } else {
      this.#schemaVersion = result.schemaVersion;
      this.#state = { state: result.state, reason: result.reason };
    }
    return this.status();
  }

  get isOpen(): boolean {
    return this.#state.state === 'ok';
  }

  /** Kysely over the open database; throws StoreUnavailableError in recovery. */
  get db(): Kysely<Database> {
    if (this.#state.state !== 'ok') throw new StoreUnavailableError(this.#state.reason);
    return this.#state.db;
  }

  /** The raw better-sqlite3 connection (backups, checks, tests). */
  get raw(): BetterSqlite3.Database {
    if (this.#state.state !== 'ok') throw new StoreUnavailableError(this.#state.reason);
    return this.#state.raw;
  }

  /** Runs `fn` in one BEGIN IMMEDIATE … COMMIT; rolled back if it throws. */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    // Rejects (rather than throws) when the store is unavailable, like every other failure.
    return Promise.resolve().then(() => this.db.transaction().execute(fn));
  }

  status(): StoreStatus {
    const s = this.#state;
    return {
      state: s.state === 'ok' ? 'ok' : s.state === 'refused' ? 'refused' : 'recovery-needed',
      reason: s.state === 'ok' ? null : s.reason,
      dataDir: this.dataDir,
      uncleanShutdown: this.#unclean,
      quickCheck: this.#quickCheck,
      schemaVersion: this.#schemaVersion,
      knownSchemaVersion: (this.options.migrations ?? MIGRATIONS).length,
      backups: existsSync(this.backupDir) ? listBackups(this.backupDir) : [],
    };
  }

  /**
   * Closes cleanly: the WAL is checkpointed into the main file by SQLite when the last
   * connection closes, and the session marker is removed so the next start skips the check.
   */
  close(): void {
    const s = this.#state;
    if (s.state === 'ok') {
      s.raw.close();
      removeSessionLock(this.lockPath);
    }
    this.#state = { state: 'closed', reason: 'The database is closed.' };
  }
}

/** Opens the store in `dataDir`; check `store.status().state` before use. */
export function openStore(options: OpenStoreOptions): Store {
  const store = new Store(options);
  store.open();
  return store;
}
