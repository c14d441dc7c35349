// Migration 10 (letters and templates) with data: a letter made before it keeps its row and
// becomes letter 1 of its kind; template versions and invite sends are append-only as promised.
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

describe('migration 10: letters and templates', () => {
  it('keeps an existing letter as letter 1 and adds the new tables', () => {
    const db = freshDb();
    migrate(db, { to: 9 });
    db.prepare(
      `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due, channel, referrer, referrer_label,
        source_code, narrative, whereabouts, immediate_protection, parents_aware, parents_agree, data, created_at, updated_at)
       VALUES ('r1', 'FD-2026-000001', 'decided', ?, '2026-11-23', '2026-11-24', 'phone', '{}', 'Jo Teacher',
        '2A', 'Concern', 'Home', 0, 'yes', 'yes', '{}', ?, ?)`,
    ).run(at, at, at);
    db.prepare(
      `INSERT INTO letters (id, referral_id, kind, recipient, method, sent_at, data, created_at, updated_at)
       VALUES ('l1', 'r1', 'outcome', 'Jo Teacher', 'post', ?, '{"note":"kept"}', ?, ?)`,
    ).run(at, at, at);
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(10);
    const row = db.prepare('SELECT * FROM letters WHERE id = ?').get('l1') as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      sequence: 1,
      method: 'post',
      sent_at: at,
      data: '{"note":"kept"}',
    });
    // A second letter 1 of the same kind for the same referral is refused.
    expect(() =>
      db
        .prepare(
          `INSERT INTO letters (id, referral_id, kind, recipient, sequence, created_at, updated_at)
           VALUES ('l2', 'r1', 'outcome', 'Jo Teacher', 1, ?, ?)`,
        )
        .run(at, at),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('never changes or deletes a template version', () => {
    const db = freshDb();
    migrate(db);
    db.prepare(
      `INSERT INTO letter_templates (id, key, version, text, is_default, created_at)
       VALUES ('t1', 'acknowledgement.public', 1, 'Thank you', 0, ?)`,
    ).run(at);
    expect(() => db.prepare("UPDATE letter_templates SET text = 'x'").run()).toThrow(
      /kept as saved/,
    );
    expect(() => db.prepare('DELETE FROM letter_templates').run()).toThrow(/never deleted/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO letter_templates (id, key, version, text, is_default, created_at)
           VALUES ('t2', 'acknowledgement.public', 1, 'Again', 0, ?)`,
        )
        .run(at),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
