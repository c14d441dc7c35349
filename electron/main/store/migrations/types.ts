import type BetterSqlite3 from 'better-sqlite3';

/** A forward-only schema step. `up` runs inside the migration's own transaction. */
export type Migration = {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
};
