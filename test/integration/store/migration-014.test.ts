// Migration 14 (the Measures screen's indexes) with data: rows are kept as they were, the four
// widened indexes keep their names and leading columns, and the measures' reads of a period are
// answered from the indexes alone (no referral or decision row is read).
import type BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../electron/main/store/connection';
import { migration014 } from '../../../electron/main/store/migrations/014-measures-indexes';
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

/** Up to migration 14, whether or not the numbers before it are registered yet. */
function toFourteen(db: BetterSqlite3.Database): void {
  migrate(db);
  if (schemaVersion(db) < 14)
    db.transaction(() => {
      migration014.up(db);
    }).immediate();
}

function columnsOf(db: BetterSqlite3.Database, index: string): (string | null)[] {
  return (
    db.prepare(`PRAGMA index_xinfo(${index})`).all() as { key: number; name: string | null }[]
  )
    .filter((c) => c.key === 1)
    .map((c) => c.name);
}

function plan(db: BetterSqlite3.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

describe('migration 14: measures indexes', () => {
  it('keeps the rows and widens the indexes under their old names', () => {
    const db = freshDb();
    migrate(db);
    db.prepare(
      `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due, channel, referrer, referrer_label,
        source_code, narrative, whereabouts, immediate_protection, parents_aware, parents_agree, data, created_at, updated_at)
       VALUES ('r1', 'FD-2026-000001', 'decided', ?, '2026-11-23', '2026-11-24', 'phone',
        '{"kind":"professional","wantsFeedback":true}', 'Jo Teacher', '2A', 'Concern', 'Home', 0, 'yes', 'yes', '{}', ?, ?)`,
    ).run(at, at, at);
    const before = db.prepare('SELECT * FROM referrals').all();
    toFourteen(db);
    expect(db.prepare('SELECT * FROM referrals').all()).toEqual(before);
    expect(columnsOf(db, 'referrals_received').slice(0, 6)).toEqual([
      'received_at',
      'status',
      'id',
      'source_code',
      'assigned_to',
      'decision_due',
    ]);
    expect(columnsOf(db, 'decisions_referral').slice(0, 2)).toEqual(['referral_id', 'recorded_at']);
    expect(columnsOf(db, 'referral_children_referral')).toEqual([
      'referral_id',
      'position',
      'person_id',
    ]);
    expect(columnsOf(db, 'referral_children_person')).toEqual(['person_id', 'referral_id']);
    // Running it again changes nothing (each index is dropped and made again).
    db.transaction(() => {
      migration014.up(db);
    }).immediate();
    expect(columnsOf(db, 'referral_children_person')).toEqual(['person_id', 'referral_id']);
    db.close();
  });

  it('answers the period reads from the indexes alone', () => {
    const db = freshDb();
    toFourteen(db);
    const range = ['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'];
    expect(
      plan(
        db,
        `SELECT id, received_at, source_code, assigned_to, decision_due,
           json_extract(referrer, '$.kind'), json_extract(referrer, '$.wantsFeedback')
         FROM referrals WHERE received_at >= ? AND received_at < ? AND status != 'draft'`,
        ...range,
      ),
    ).toMatch(/USING COVERING INDEX referrals_received/);
    expect(
      plan(
        db,
        `SELECT d.referral_id, d.chosen, d.recorded_at, d.recorded_by, d.status,
           json_extract(d.answers, '$."open-case"')
         FROM referrals r JOIN decisions d ON d.referral_id = r.id
         WHERE r.received_at >= ? AND r.received_at < ? AND r.status != 'draft'
           AND d.status IN ('final', 'awaiting-sign-off')`,
        ...range,
      ),
    ).toMatch(/COVERING INDEX referrals_received.*COVERING INDEX decisions_referral/);
    expect(
      plan(
        db,
        `SELECT rc.referral_id FROM referrals r
           JOIN referral_children rc ON rc.referral_id = r.id
           JOIN referral_children rc2 ON rc2.person_id = rc.person_id
         WHERE r.received_at >= ? AND r.received_at < ? AND rc.person_id IS NOT NULL`,
        ...range,
      ),
    ).toMatch(/COVERING INDEX referral_children_referral.*COVERING INDEX referral_children_person/);
    db.close();
  });
});
