// The store: one database file in the data folder, its connection, and its state. Services hold
// a Store and read `store.db` per call, so a restore can swap the connection underneath them.
// Opening takes the data folder's lock first (one writer per folder, across processes and
// accounts), refuses to start empty where records have been before, and turns every failure into
// a typed problem the start-up screen shows instead of an exception.
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { StartupProblem, StoreStatus } from '../../../shared/domain/records';
import {
  type AnchorPoint,
  AuditAnchorWriter,
  anchorPath,
  checkAuditAnchorAtOpen,
} from './audit-anchor';
import { listBackups } from './backup';
import { createKysely } from './connection';
import {
  FILE_MODE,
  checkNotNetworkPath,
  createPrivateFile,
  ensurePrivateDir,
  makePrivate,
} from './data-dir';
import { StoreUnavailableError } from './errors';
import { type FolderLock, acquireFolderLock } from './folder-lock';
import { type Migration, MIGRATIONS, schemaVersion } from './migrations/index';
import { SESSION_LOCK_FILE, openWithChecks, removeSessionLock, writeSessionLock } from './recovery';
import type { Database } from './schema';
import {
  MissingDatabaseError,
  type StartupPhase,
  damagedProblem,
  startupProblem,
} from './startup-problem';

export const DB_FILE = 'front-door.db';
export const BACKUP_DIR = 'backups';
/**
 * Written when a database is first created here. Its presence (or any backup, pre-restore copy,
 * left-over WAL or audit anchor) means this folder has held records, so a missing or emptied
 * database is a loss to recover from, never a first start (where the first person to sign in
 * becomes administrator).
 */
export const CREATED_MARKER_FILE = 'front-door.created';

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
  | {
      state: 'recovery-needed' | 'refused' | 'closed';
      reason: string;
      problem: StartupProblem | null;
    };

const CLOSED: State = { state: 'closed', reason: 'The database is closed.', problem: null };

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

function isEmptyOrAbsent(file: string): boolean {
  return !existsSync(file) || statSync(file).size === 0;
}

export class Store {
  readonly dataDir: string;
  readonly dbPath: string;
  readonly backupDir: string;
  readonly lockPath: string;
  readonly options: OpenStoreOptions;
  #state: State = CLOSED;
  #lock: FolderLock | null = null;
  #unclean = false;
  #quickCheck: string | null = null;
  #schemaVersion: number | null = null;
  #anchor: AuditAnchorWriter | null = null; // audit anchor
  /** The open bulk-loading transaction (see batch()), or null. */
  #batch: Transaction<Database> | null = null;

  constructor(options: OpenStoreOptions) {
    this.options = options;
    this.dataDir = path.resolve(options.dataDir);
    this.dbPath = path.join(this.dataDir, DB_FILE);
    this.backupDir = options.backupDir ?? path.join(this.dataDir, BACKUP_DIR);
    this.lockPath = path.join(this.dataDir, SESSION_LOCK_FILE);
  }

  #now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  #fail(err: unknown, phase: StartupPhase): StoreStatus {
    const problem = startupProblem(err, phase, this.dataDir, this.#now());
    this.#state = {
      state: problem.restoreOffered ? 'recovery-needed' : 'refused',
      reason: problem.message,
      problem,
    };
    return this.status();
  }

  /**
   * Opens (or re-opens) the database with the start-up checks. Never throws: every failure
   * becomes a status with a typed problem.
   */
  open(): StoreStatus {
    if (this.#state.state === 'ok') return this.status();
    try {
      checkNotNetworkPath(this.dataDir, {
        ...(this.options.platform ? { platform: this.options.platform } : {}),
        ...(this.options.procMounts !== undefined ? { procMounts: this.options.procMounts } : {}),
      });
      ensurePrivateDir(this.dataDir);
    } catch (err) {
      return this.#fail(err, 'folder');
    }
    if (this.#lock === null) {
      try {
        this.#lock = acquireFolderLock(this.dataDir, this.options.nativeBinding);
      } catch (err) {
        return this.#fail(err, 'lock');
      }
    }
    try {
      this.#removeOrphans();
      if (isEmptyOrAbsent(this.dbPath)) {
        const evidence = priorRecordsEvidence(this.dataDir, this.dbPath, this.backupDir);
        if (evidence.length > 0) throw new MissingDatabaseError(evidence);
        // A genuine first start: make the file private before SQLite fills it.
        createPrivateFile(this.dbPath);
      }
    } catch (err) {
      return this.#fail(err, 'open');
    }
    const result = openWithChecks(this.dbPath, this.lockPath, {
      nativeBinding: this.options.nativeBinding,
      migrations: this.options.migrations,
    });
    this.#unclean = result.unclean;
    this.#quickCheck = result.quickCheck;
    if (result.state !== 'ok') {
      this.#schemaVersion = result.schemaVersion;
      if (result.checkFailed) {
        const problem = damagedProblem(this.dataDir, result.quickCheck ?? '', this.#now());
        this.#state = { state: 'recovery-needed', reason: result.reason, problem };
        return this.status();
      }
      return this.#fail(result.error, 'open');
    }
    // audit anchor: the database must hold every audit entry witnessed outside it, or confirmed
    // saves may be missing (a damaged WAL, an older file put back, the log cut short).
    const anchored = checkAuditAnchorAtOpen(result.raw, this.dataDir, this.#now());
    if (!anchored.ok) {
      result.raw.close();
      this.#state = {
        state: 'recovery-needed',
        reason: anchored.reason,
        problem: anchored.problem,
      };
      return this.status();
    }
    try {
      for (const suffix of ['', '-wal', '-shm']) makePrivate(this.dbPath + suffix);
      writeSessionLock(this.lockPath, this.#now());
      const marker = path.join(this.dataDir, CREATED_MARKER_FILE);
      if (!existsSync(marker)) {
        writeFileSync(marker, JSON.stringify({ createdAt: this.#now().toISOString() }), {
          mode: FILE_MODE,
        });
      }
    } catch (err) {
      result.raw.close();
      return this.#fail(err, 'open');
    }
    this.#schemaVersion = schemaVersion(result.raw);
    this.#state = { state: 'ok', raw: result.raw, db: createKysely(result.raw) };
    return this.status();
  }

  /**
   * Left-overs of a killed backup or restore. Removed only while holding the folder lock, so a
   * file another process is still writing is never touched.
   */
  #removeOrphans(): void {
    rmSync(`${this.dbPath}.restoring`, { force: true });
    if (!existsSync(this.backupDir)) return;
    for (const f of readdirSync(this.backupDir)) {
      if (f.endsWith('.partial')) rmSync(path.join(this.backupDir, f), { force: true });
    }
  }

  get isOpen(): boolean {
    return this.#state.state === 'ok';
  }

  /** This store holds the data folder's lock (so it alone may write, back up or restore). */
  get holdsFolder(): boolean {
    return this.#lock?.held ?? false;
  }

  /** The data folder's lock, while held (tests simulate a crash by releasing it). */
  get folderLock(): FolderLock | null {
    return this.#lock;
  }

  /** Kysely over the open database; throws StoreUnavailableError in recovery. */
  get db(): Kysely<Database> {
    if (this.#state.state !== 'ok') throw new StoreUnavailableError(this.#state.reason);
    // Inside a batch every read goes through the batch's transaction: the one connection is
    // held by it, so a read outside it would wait for ever.
    return this.#batch ?? this.#state.db;
  }

  /** The raw better-sqlite3 connection (backups, checks, tests). */
  get raw(): BetterSqlite3.Database {
    if (this.#state.state !== 'ok') throw new StoreUnavailableError(this.#state.reason);
    return this.#state.raw;
  }

  /** Runs `fn` in one BEGIN IMMEDIATE … COMMIT; rolled back if it throws. */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    const batch = this.#batch;
    if (batch !== null) return Promise.resolve().then(() => fn(batch));
    // Rejects (rather than throws) when the store is unavailable, like every other failure.
    // audit anchor: new audit entries are read inside the transaction and witnessed in the
    // anchor file only after COMMIT, before the save is confirmed (audit-anchor.ts).
    return Promise.resolve().then(async () => {
      const anchor = (this.#anchor ??= new AuditAnchorWriter(anchorPath(this.dataDir)));
      let witnessed: AnchorPoint[] = [];
      const result = await this.db.transaction().execute(async (trx) => {
        const value = await fn(trx);
        witnessed = anchor.capture(this.raw);
        return value;
      });
      anchor.write(witnessed);
      return result;
    });
  }

  /**
   * Bulk loading, for the demo seeder and the benchmark only (never the app): every
   * transaction() started while `fn` runs joins one transaction, committed once at the end, so
   * thousands of saves cost one disk sync instead of one each. Anything thrown rolls back the
   * whole batch. Calls must not overlap (one batch at a time, awaited in turn).
   */
  async batch<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#batch !== null) throw new Error('A batch is already open');
    return this.transaction(async (trx) => {
      this.#batch = trx;
      try {
        return await fn();
      } finally {
        this.#batch = null;
      }
    });
  }

  status(): StoreStatus {
    const s = this.#state;
    let backups: StoreStatus['backups'] = [];
    try {
      backups = listBackups(this.backupDir);
    } catch {
      // An unreadable backup folder lists nothing; the problem itself is already reported.
    }
    return {
      state: s.state === 'ok' ? 'ok' : s.state === 'refused' ? 'refused' : 'recovery-needed',
      reason: s.state === 'ok' ? null : s.reason,
      dataDir: this.dataDir,
      uncleanShutdown: this.#unclean,
      quickCheck: this.#quickCheck,
      schemaVersion: this.#schemaVersion,
      knownSchemaVersion: (this.options.migrations ?? MIGRATIONS).length,
      backups,
      problem: s.state === 'ok' ? null : s.problem,
    };
  }

  /**
   * Start-up went wrong after the database opened (e.g. signing in failed on a read-only file):
   * close the records and show the problem. The folder stays locked.
   */
  refuse(err: unknown, phase: StartupPhase): StoreStatus {
    this.#closeDatabase();
    return this.#fail(err, phase);
  }

  /**
   * Closes the database cleanly but keeps the folder locked (a restore swaps the file while no
   * other process may start writing): the WAL is checkpointed into the main file by SQLite when
   * the last connection closes, and the session marker is removed so the next start knows the
   * last run ended properly.
   */
  closeKeepingFolder(): void {
    this.#closeDatabase();
    this.#state = CLOSED;
  }

  #closeDatabase(): void {
    const s = this.#state;
    if (s.state === 'ok') {
      s.raw.close();
      try {
        removeSessionLock(this.lockPath);
      } catch {
        // A read-only folder keeps the marker; the next start checks the file anyway.
      }
    }
    this.#anchor = null; // audit anchor: re-read after a restore swaps the file
  }

  /** Closes the database and lets go of the data folder. */
  close(): void {
    this.closeKeepingFolder();
    this.#lock?.release();
    this.#lock = null;
  }
}

/** Opens the store in `dataDir`; check `store.status().state` before use. */
export function openStore(options: OpenStoreOptions): Store {
  const store = new Store(options);
  store.open();
  return store;
}
