// The store: one database file in the data folder, its connection, and its state. Services hold
// a Store and read `store.db` per call, so a restore can swap the connection underneath them.
// Opening takes the data folder's lock first (one writer per folder, across processes and
// accounts), refuses to start empty where records have been before, and turns every failure into
// a typed problem the start-up screen shows instead of an exception.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { StartupCheck, StartupProblem, StoreStatus } from '../../../shared/domain/records';
import {
  type AnchorPoint,
  AuditAnchorWriter,
  anchorPath,
  checkAuditAnchorAtOpen,
} from './audit-anchor';
import { listBackups } from './backup';
import { checkInWorker, expectedCheckMs, recordCheckTiming } from './check-worker';
import { createKysely } from './connection';
import { FILE_MODE, makePrivate } from './data-dir';
import { StoreUnavailableError } from './errors';
import type { FolderLock } from './folder-lock';
import { MIGRATIONS, schemaVersion } from './migrations/index';
import { CREATED_MARKER_FILE } from './prior-records';
import {
  SESSION_LOCK_FILE,
  damageReason,
  openForReading,
  openForWriting,
  openWithChecks,
  removeSessionLock,
  writeSessionLock,
} from './recovery';
import type { Database } from './schema';
import { type StartupPhase, damagedProblem, startupProblem } from './startup-problem';
import { prepareFolder } from './store-folder';
import { BACKUP_DIR, DB_FILE, type OpenStoreOptions } from './store-options';

export { BACKUP_DIR, DB_FILE, type OpenStoreOptions };

type State =
  | { state: 'ok'; raw: BetterSqlite3.Database; db: Kysely<Database> }
  | {
      state: 'recovery-needed' | 'refused' | 'closed';
      reason: string;
      problem: StartupProblem | null;
    };

const CLOSED: State = { state: 'closed', reason: 'The database is closed.', problem: null };

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
  /** How many times open() has run: only the first may check in the background. */
  #opens = 0;
  /** The read-only connection used while the background check runs (kept until close). */
  #reader: BetterSqlite3.Database | null = null;
  /** The background check: saves wait for this, and fail with it if the check fails. */
  #writable: Promise<void> | null = null;
  #check: StartupCheck | null = null;

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
    const ready = prepareFolder(this, this.#lock);
    this.#lock = ready.lock;
    if (ready.failed !== null) return this.#fail(ready.failed.err, ready.failed.phase);
    if (this.options.checkInBackground === true && this.#opens === 0) {
      this.#opens++;
      const reading = this.#openForReading();
      if (reading !== null) return reading;
    }
    this.#opens++;
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
      this.#startWriting(result.raw);
    } catch (err) {
      result.raw.close();
      return this.#fail(err, 'open');
    }
    return this.status();
  }

  /** The read-write connection is ready: mark the session and the folder, and use it. */
  #startWriting(raw: BetterSqlite3.Database): void {
    for (const suffix of ['', '-wal', '-shm']) makePrivate(this.dbPath + suffix);
    writeSessionLock(this.lockPath, this.#now());
    const marker = path.join(this.dataDir, CREATED_MARKER_FILE);
    if (!existsSync(marker)) {
      writeFileSync(marker, JSON.stringify({ createdAt: this.#now().toISOString() }), {
        mode: FILE_MODE,
      });
    }
    this.#schemaVersion = schemaVersion(raw);
    this.#state = { state: 'ok', raw, db: createKysely(raw) };
  }

  /**
   * The first screen without waiting for the check (issue: a 2 GB file took 10–33 s to check
   * before anything showed). The file is opened read-only, the audit anchor is compared, and
   * quick_check runs in a worker; reads go ahead, every save waits for the check, and a failed
   * check ends in recovery with nothing ever written to the file. Returns null where the checks
   * must come first instead: a new or unreadable file, pending migrations (which write), a newer
   * file, or one that cannot be written (each then gets its usual start-up status).
   */
  #openForReading(): StoreStatus | null {
    const nativeBinding = this.options.nativeBinding;
    const opened = openForReading(this.dbPath, this.dataDir, this.options, this.#now());
    if (opened === null) return null;
    this.#unclean = existsSync(this.lockPath);
    if (opened.state === 'anchor-failed') {
      this.#state = { state: 'recovery-needed', reason: opened.reason, problem: opened.problem };
      return this.status();
    }
    const ro = opened.raw;
    this.#reader = ro;
    this.#quickCheck = null;
    this.#schemaVersion = schemaVersion(ro);
    this.#state = { state: 'ok', raw: ro, db: createKysely(ro) };
    const started = this.#now();
    this.#check = {
      state: 'running',
      startedAt: started.toISOString(),
      expectedMs: expectedCheckMs(this.dataDir, this.dbPath),
      finishedAt: null,
    };
    const t0 = performance.now();
    const writable = (this.options.runCheck ?? checkInWorker)(this.dbPath, nativeBinding).then(
      (result) => {
        this.#afterCheck(ro, result, performance.now() - t0);
      },
    );
    // Saves await this promise and see its failure; nothing else may leave it unhandled.
    writable.catch(() => undefined);
    this.#writable = writable;
    return this.status();
  }

  /** The background check has ended: write from now on, or go to recovery without a write. */
  #afterCheck(ro: BetterSqlite3.Database, result: string, ms: number): void {
    if (this.#reader !== ro) throw new StoreUnavailableError('The records were closed.');
    const check = this.#check;
    this.#quickCheck = result.slice(0, 2000);
    if (result !== 'ok') {
      this.#closeDatabase();
      const problem = damagedProblem(this.dataDir, this.#quickCheck, this.#now());
      const reason = damageReason(this.#unclean);
      this.#state = { state: 'recovery-needed', reason, problem };
      throw new StoreUnavailableError(reason);
    }
    recordCheckTiming(this.dataDir, this.dbPath, ms);
    const opened: { raw: BetterSqlite3.Database | null } = { raw: null };
    try {
      const raw = openForWriting(this.dbPath, this.options, (connection) => {
        opened.raw = connection;
      });
      this.#startWriting(raw);
    } catch (err) {
      opened.raw?.close();
      this.#closeDatabase();
      throw new StoreUnavailableError(this.#fail(err, 'open').reason ?? 'The records are closed.');
    }
    this.#writable = null;
    if (check !== null)
      this.#check = { ...check, state: 'passed', finishedAt: this.#now().toISOString() };
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

  /** Saves are waiting for the start-up check (see checkInBackground). */
  get writesHeld(): boolean {
    return this.#writable !== null;
  }

  /** Resolves when saves may go ahead; rejects if the start-up check failed. */
  whenWritable(): Promise<void> {
    if (this.#writable !== null) return this.#writable;
    const s = this.#state;
    return s.state === 'ok'
      ? Promise.resolve()
      : Promise.reject(new StoreUnavailableError(s.reason));
  }

  /**
   * Runs `fn` in one BEGIN IMMEDIATE … COMMIT; rolled back if it throws. While the start-up
   * check runs in the background, waits for it (and fails if it finds damage).
   */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    const batch = this.#batch;
    if (batch !== null) return Promise.resolve().then(() => fn(batch));
    // Rejects (rather than throws) when the store is unavailable, like every other failure.
    // audit anchor: new audit entries are read inside the transaction and witnessed in the
    // anchor file only after COMMIT, before the save is confirmed (audit-anchor.ts).
    return Promise.resolve().then(async () => {
      if (this.#writable !== null) await this.#writable;
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
      startupCheck: s.state === 'ok' ? this.#check : null,
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
    // The reader first, so the writer is the last connection and checkpoints as it closes.
    const reader = this.#reader;
    this.#reader = null;
    this.#writable = null;
    this.#check = null;
    if (reader?.open === true) reader.close();
    // While the background check ran, the only connection was the reader: no marker of ours to
    // remove, and the last run's (if it crashed) must stay for the next start to see.
    if (s.state === 'ok' && s.raw !== reader) {
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
