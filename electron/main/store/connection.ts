// One SQLite connection: better-sqlite3 behind Kysely (architecture §2: typed queries, one query
// language for SQLite now and PostgreSQL for team deployments later). Pragmas are applied on
// every connection, because SQLite does not persist most of them (architecture §3).
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import { registerSearchFunctions } from './fts';
import type { Database } from './schema';

export type ConnectionOptions = {
  /**
   * Path to a better_sqlite3.node built for the running ABI. Tests and the harness use the
   * Node build from node_modules; the Electron app passes an Electron-ABI copy (architecture §4).
   */
  nativeBinding?: string | undefined;
  readonly?: boolean;
  /** Only open an existing file (never create an empty database by accident). */
  fileMustExist?: boolean;
};

/** How long a writer waits for another connection's lock before giving up (ms). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a raw connection and applies the pragmas:
 * - journal_mode=WAL: readers never block the writer, and a crash mid-write leaves the database
 *   file intact (https://www.sqlite.org/wal.html);
 * - synchronous=FULL: the WAL is fsynced at every commit, so a save the user saw confirmed
 *   survives a power cut (reliability promise 1; NORMAL can lose the last commits);
 * - foreign_keys=ON: off by default in SQLite, per connection;
 * - busy_timeout: wait for a lock rather than fail at once.
 * Throws if the file is not a database (a corrupt header is caught here, at the first read).
 */
export function openConnection(
  file: string,
  options: ConnectionOptions = {},
): BetterSqlite3.Database {
  const db = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(options.nativeBinding !== undefined ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma(`busy_timeout = ${String(BUSY_TIMEOUT_MS)}`);
    if (!options.readonly) {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal')
        throw new Error(`Could not switch the database to WAL mode (got ${String(mode)})`);
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Search folds non-ASCII case and accents in SQL the way names are matched (fts.ts).
    registerSearchFunctions(db);
    // Touch the schema so a file that is not a database fails now, not at the first save.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) BEGIN. A deferred
 * transaction that reads and then writes cannot wait for a busy writer (SQLite returns
 * SQLITE_BUSY at once on the upgrade, ignoring busy_timeout), so ours take the write lock at
 * BEGIN IMMEDIATE. Every service transaction here writes.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #raw: BetterSqlite3.Database;
  constructor(config: SqliteDialectConfig & { raw: BetterSqlite3.Database }) {
    super(config);
    this.#raw = config.raw;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * After SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM SQLite may already have rolled the
   * transaction back itself (https://www.sqlite.org/lang_transaction.html, "Response To Errors
   * Within A Transaction"). Kysely then issues ROLLBACK anyway, which fails with "cannot
   * rollback - no transaction is active" and that error replaces the real one (the full disk).
   * So roll back only when a transaction is still open.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#raw.inTransaction) return;
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
}

function immediateDialect(config: SqliteDialectConfig & { raw: BetterSqlite3.Database }): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateSqliteDriver(config),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/** How many prepared statements each connection keeps (the app runs a few hundred kinds). */
const STATEMENT_CACHE_SIZE = 1_000;

/**
 * The connection as Kysely's driver sees it, with its statements kept: Kysely prepares every
 * query afresh, and preparing was the largest single cost of a save (14% of the seeder's time,
 * more than running the SQL). Statements are keyed by their SQL text, newest use last, the
 * least recently used dropped beyond the limit. SQLite re-prepares a kept statement itself
 * after a schema change (sqlite3_prepare_v3). Safe because the driver runs each statement to
 * the end before the next (all()/run(); this app never streams).
 */
function withStatementCache(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      raw.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt === undefined) {
        stmt = raw.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next();
          if (oldest.done !== true) cache.delete(oldest.value);
        }
      } else {
        cache.delete(sql);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/** Kysely over an open connection. Closing the raw connection ends it; do not call destroy(). */
export function createKysely(raw: BetterSqlite3.Database): Kysely<Database> {
  return new Kysely<Database>({
    dialect: immediateDialect({ database: withStatementCache(raw), raw }),
  });
}
