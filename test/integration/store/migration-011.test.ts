// Migration 11 (bank holiday imports) with data: what was there before is kept, and an import is
// kept exactly as imported (never changed or deleted) and only for England and Wales.
import type BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../electron/main/store/connection';
import { migrate, schemaVersion } from '../../../electron/main/store/migrations/index';
import { removeDir, tempDir } from '../../helpers/store-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

function freshDb(): BetterSqlite3.Database {
  const dir = tempDir();
  dirs.push(dir);
  return openConnection(path.join(dir, 'test.db'));
}

const at = '2026-12-01T10:00:00.000Z';
const insert = (db: BetterSqlite3.Database, id: string, division = 'england-and-wales') =>
  db
    .prepare(
      `INSERT INTO bank_holiday_imports (id, division, events, event_count, first_year, last_year, sha256, imported_at)
       VALUES (?, ?, '[{"date":"2026-12-25","title":"Christmas Day"}]', 1, 2026, 2026, 'abc', ?)`,
    )
    .run(id, division, at);

describe('migration 11: bank holiday imports', () => {
  it('keeps the settings as they were and adds an append-only imports table', () => {
    const db = freshDb();
    migrate(db, { to: 10 });
    db.prepare(
      `UPDATE settings SET value = '{"closures":["2026-12-24"]}', version = 3, updated_at = ? WHERE key = 'app'`,
    ).run(at);
    migrate(db, { to: 11 });
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare(`SELECT value, version FROM settings WHERE key = 'app'`).get()).toEqual({
      value: '{"closures":["2026-12-24"]}',
      version: 3,
    });
    insert(db, 'i1');
    expect(() => db.prepare(`UPDATE bank_holiday_imports SET last_year = 2030`).run()).toThrow(
      /kept as imported/,
    );
    expect(() => db.prepare(`DELETE FROM bank_holiday_imports`).run()).toThrow(/never deleted/);
    expect(() => {
      insert(db, 'i2', 'scotland');
    }).toThrow(/CHECK/);
    db.close();
  });
});
