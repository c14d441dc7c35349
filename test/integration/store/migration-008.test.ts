// Migration 8 (strategy discussions) with data: migrate to 7, add records, migrate to 8, and the
// records are intact; the new tables keep their promises (finalised minutes locked, history
// append-only, actions still point at discussions); a database whose old sketch tables held rows
// is refused rather than losing them.
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

const at = '2026-11-23T10:00:00.000Z';

function seed(db: BetterSqlite3.Database): void {
  db.prepare(
    "INSERT INTO users (id, os_account, display_name, roles, created_at, updated_at) VALUES ('u1', 'sam', 'Sam Patel', '[\"chair\"]', ?, ?)",
  ).run(at, at);
  db.prepare(
    `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due, channel, referrer, referrer_label,
      source_code, narrative, whereabouts, immediate_protection, parents_aware, parents_agree, data, created_at, updated_at)
     VALUES ('r1', 'FD-2026-000001', 'decided', ?, '2026-11-23', '2026-11-24', 'phone', '{}', 'Anonymous referrer',
      '9', 'Concern', 'Home', 0, 'yes', 'yes', '{}', ?, ?)`,
  ).run(at, at, at);
  db.prepare(
    "INSERT INTO actions (id, referral_id, description, created_at, updated_at) VALUES ('a1', 'r1', 'See the child', ?, ?)",
  ).run(at, at);
}

function discussion(db: BetterSqlite3.Database, id: string, sequence: number): void {
  db.prepare(
    `INSERT INTO strategy_discussions (id, referral_id, sequence, trigger_kind, trigger, status, starts_at, ends_at,
      format, chair_id, ics_uid, created_at, updated_at)
     VALUES (?, 'r1', ?, 'decision', '{}', 'scheduled', '2026-11-23T14:00:00.000Z', '2026-11-23T15:00:00.000Z',
      'phone', 'u1', ?, ?, ?)`,
  ).run(id, sequence, `${id}@front-door`, at, at);
}

describe('migration 8: strategy discussions', () => {
  it('keeps existing records and adds the new tables', () => {
    const db = freshDb();
    migrate(db, { to: 7 });
    seed(db);
    expect(migrate(db, { to: 8 })).toEqual([8]);
    expect(schemaVersion(db)).toBe(8);
    expect(
      db.prepare('SELECT id, referral_id, description, discussion_id FROM actions').all(),
    ).toEqual([{ id: 'a1', referral_id: 'r1', description: 'See the child', discussion_id: null }]);
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'strategy%'")
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables.sort()).toEqual([
      'strategy_children',
      'strategy_discussions',
      'strategy_history',
      'strategy_invitees',
      'strategy_minutes',
    ]);
    for (const gone of ['meeting_invitees', 'agency_contributions', 'minutes_versions']) {
      expect(
        db.prepare('SELECT count(*) AS n FROM sqlite_master WHERE name = ?').get(gone),
      ).toEqual({ n: 0 });
    }
  });

  it('numbers discussions once per referral; actions point at a real discussion', () => {
    const db = freshDb();
    migrate(db, { to: 7 });
    seed(db);
    migrate(db, { to: 8 });
    discussion(db, 'd1', 1);
    expect(() => {
      discussion(db, 'd2', 1);
    }).toThrow(/UNIQUE/);
    db.prepare("UPDATE actions SET discussion_id = 'd1' WHERE id = 'a1'").run();
    expect(() =>
      db.prepare("UPDATE actions SET discussion_id = 'nope' WHERE id = 'a1'").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('finalised minutes are locked and history is append-only, by the database itself', () => {
    const db = freshDb();
    migrate(db, { to: 7 });
    seed(db);
    migrate(db, { to: 8 });
    discussion(db, 'd1', 1);
    db.prepare(
      `INSERT INTO strategy_minutes (id, discussion_id, number, status, data, saved_at)
       VALUES ('m1', 'd1', 1, 'draft', '{}', ?)`,
    ).run(at);
    db.prepare('UPDATE strategy_minutes SET data = \'{"reason":"x"}\' WHERE id = \'m1\'').run();
    db.prepare("UPDATE strategy_minutes SET status = 'finalised' WHERE id = 'm1'").run();
    expect(() =>
      db.prepare("UPDATE strategy_minutes SET data = '{}' WHERE id = 'm1'").run(),
    ).toThrow(/Finalised minutes are locked/);
    expect(() => db.prepare("DELETE FROM strategy_minutes WHERE id = 'm1'").run()).toThrow(
      /never deleted/,
    );
    db.prepare(
      "INSERT INTO strategy_history (id, discussion_id, kind, at) VALUES ('h1', 'd1', 'cancelled', ?)",
    ).run(at);
    expect(() => db.prepare("UPDATE strategy_history SET reason = 'x'").run()).toThrow(
      /never changed/,
    );
    expect(() => db.prepare('DELETE FROM strategy_history').run()).toThrow(/never deleted/);
  });

  it('refuses to replace an old sketch table that holds rows (never written by a release)', () => {
    const db = freshDb();
    migrate(db, { to: 7 });
    seed(db);
    db.prepare(
      "INSERT INTO strategy_discussions (id, referral_id, created_at, updated_at) VALUES ('old', 'r1', ?, ?)",
    ).run(at, at);
    expect(() => migrate(db, { to: 8 })).toThrow(/strategy_discussions holds rows/);
    expect(schemaVersion(db)).toBe(7);
  });
});
