// Numbered, forward-only migrations tracked by PRAGMA user_version (architecture §3; pattern
// from Signal Desktop ts/sql/migrations). Each runs in its own transaction together with its
// user_version bump, so a kill leaves the database at the old version or the new, never between
// (user_version lives in the database header, which SQLite writes as part of the transaction).
import type BetterSqlite3 from 'better-sqlite3';
import { SchemaTooNewError } from '../errors';
import { migration001 } from './001-initial';
import { migration002 } from './002-legal-hold';
import { migration003 } from './003-progress-events';
import { migration004 } from './004-approximate-ages-household-keys';
import { migration005 } from './005-decision-actions-merge-reasons-rekey';
import { migration006 } from './006-fts-rowids-match-indexes';
import { migration007 } from './007-documents';
import { migration008 } from './008-strategy-discussions';
import { migration009 } from './009-queue-index';
import { migration010 } from './010-letters';
import { migration011 } from './011-bank-holiday-imports';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
];

/** The newest schema this build understands. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export type MigrateOptions = {
  migrations?: readonly Migration[];
  /** Stop at this version (tests: migrate to N-1, insert data, then to N). */
  to?: number;
};

/**
 * Brings the database up to date. Refuses a database from a newer version of the app rather
 * than guessing at tables it does not know. Returns the versions applied.
 */
export function migrate(db: BetterSqlite3.Database, options: MigrateOptions = {}): number[] {
  const migrations = options.migrations ?? MIGRATIONS;
  const known = migrations.length;
  const target = options.to ?? known;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} is numbered out of order`);
  });
  const current = schemaVersion(db);
  if (current > known) throw new SchemaTooNewError(current, known);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    // better-sqlite3 transaction(): BEGIN … COMMIT, rolled back if `up` throws.
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${String(m.version)}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
