import type BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../electron/main/store/connection';
import { SchemaTooNewError } from '../../../electron/main/store/errors';
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  migrate,
  schemaVersion,
} from '../../../electron/main/store/migrations/index';
import type { Migration } from '../../../electron/main/store/migrations/types';
import { openStore } from '../../../electron/main/store/store';
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

describe('migrations', () => {
  it('numbers migrations 1..N and a new database reaches N', () => {
    const db = freshDb();
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('migration 2 keeps existing people and referrals and adds legal_hold = 0', () => {
    const db = freshDb();
    migrate(db, { to: 1 });
    expect(schemaVersion(db)).toBe(1);
    db.prepare(
      `INSERT INTO people (id, kind, status, given_names, family_name, date_of_birth, name_key, family_key, given_key, created_at, updated_at)
       VALUES ('p1', 'child', 'born', 'Zoë', 'O''Brien', '2015-01-02', 'zoe obrien', 'obrien', 'zoe', ?, ?)`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due, channel, referrer, referrer_label,
        source_code, narrative, whereabouts, immediate_protection, parents_aware, parents_agree, data, created_at, updated_at)
       VALUES ('r1', 'FD-2026-000001', 'awaiting-decision', ?, '2026-11-23', '2026-11-24', 'phone', '{}', 'Anonymous referrer',
        '9', 'Concern', 'Home', 0, 'yes', 'yes', '{}', ?, ?)`,
    ).run(at, at, at);
    db.prepare(
      "INSERT INTO referral_children (id, referral_id, person_id, position, display_name, child) VALUES ('c1', 'r1', 'p1', 0, 'Zoë O''Brien', '{}')",
    ).run();
    const before = {
      people: db
        .prepare('SELECT id, given_names, family_name, date_of_birth, version FROM people')
        .all(),
      referrals: db
        .prepare('SELECT id, reference, status, narrative, version FROM referrals')
        .all(),
      children: db.prepare('SELECT * FROM referral_children').all(),
    };

    expect(migrate(db, { to: 2 })).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(
      db.prepare('SELECT id, given_names, family_name, date_of_birth, version FROM people').all(),
    ).toEqual(before.people);
    expect(
      db.prepare('SELECT id, reference, status, narrative, version FROM referrals').all(),
    ).toEqual(before.referrals);
    expect(db.prepare('SELECT * FROM referral_children').all()).toEqual(before.children);
    expect(db.prepare('SELECT legal_hold FROM people').all()).toEqual([{ legal_hold: 0 }]);
    expect(db.prepare('SELECT legal_hold FROM referrals').all()).toEqual([{ legal_hold: 0 }]);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'referral_children_referral'",
      )
      .all();
    expect(indexes).toHaveLength(1);
    db.close();
  });

  it('migration 3 keeps referrals and decisions and adds progress entries with their checks', () => {
    const db = freshDb();
    migrate(db, { to: 2 });
    db.prepare(
      `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due, channel, referrer, referrer_label,
        source_code, narrative, whereabouts, immediate_protection, parents_aware, parents_agree, data, created_at, updated_at)
       VALUES ('r1', 'FD-2026-000001', 'decided', ?, '2026-11-23', '2026-11-24', 'phone', '{}', 'Anonymous referrer',
        '9', 'Concern', 'Home', 0, 'yes', 'yes', '{}', ?, ?)`,
    ).run(at, at, at);
    db.prepare(
      `INSERT INTO decisions (id, referral_id, answers, recommended, chosen, rationale, data, status, recorded_by, recorded_at, created_at, updated_at)
       VALUES ('d1', 'r1', '{}', 'strategy-discussion', 'strategy-discussion', 'Reasons given here', '{}', 'final', 'u1', ?, ?, ?)`,
    ).run(at, at, at);
    const before = {
      referrals: db.prepare('SELECT * FROM referrals').all(),
      decisions: db.prepare('SELECT * FROM decisions').all(),
    };
    expect(migrate(db, { to: 3 })).toEqual([3]);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT * FROM referrals').all()).toEqual(before.referrals);
    expect(db.prepare('SELECT * FROM decisions').all()).toEqual(before.decisions);
    const insert = db.prepare(
      `INSERT INTO progress_events (id, referral_id, kind, date, data, recorded_at, withdrawn_at, withdrawn_reason)
       VALUES (?, 'r1', ?, '2026-11-24', '{}', ?, ?, ?)`,
    );
    insert.run('e1', 'strategy-discussion', at, null, null);
    // An unknown kind, or a withdrawal without its reason, is refused by the table itself.
    expect(() => insert.run('e2', 'party', at, null, null)).toThrow(/CHECK constraint/);
    expect(() => insert.run('e3', 's47-started', at, at, null)).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO progress_events (id, referral_id, kind, date, data, recorded_at) VALUES ('e4', 'nope', 'icpc-held', '2026-11-24', '{}', ?)",
        )
        .run(at),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('migration 4 backfills household name keys and adds approximate birth years', () => {
    const db = freshDb();
    migrate(db, { to: 3 });
    db.prepare(
      `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due, channel, referrer, referrer_label,
        source_code, narrative, whereabouts, immediate_protection, parents_aware, parents_agree, data, created_at, updated_at)
       VALUES ('r1', 'FD-2026-000001', 'decided', ?, '2026-11-23', '2026-11-24', 'phone', '{}', 'Anonymous referrer',
        '9', 'Concern', 'Home', 0, 'yes', 'yes', '{}', ?, ?)`,
    ).run(at, at, at);
    const member = db.prepare(
      'INSERT INTO household_members (id, referral_id, person_id, position, parental_responsibility, data) VALUES (?, ?, NULL, ?, 1, ?)',
    );
    member.run('h1', 'r1', 0, JSON.stringify({ givenNames: 'Léanne', familyName: "O'Smyth" }));
    member.run('h2', 'r1', 1, 'not json');
    expect(migrate(db, { to: 4 })).toEqual([4]);
    expect(
      db
        .prepare(
          'SELECT id, family_key, given_key, family_phonetic1 FROM household_members ORDER BY id',
        )
        .all(),
    ).toEqual([
      { id: 'h1', family_key: 'osmyth', given_key: 'leanne', family_phonetic1: 'ASM0' },
      // A row that cannot be read keeps empty keys rather than failing the upgrade.
      { id: 'h2', family_key: '', given_key: '', family_phonetic1: null },
    ]);
    const cols = (db.prepare('PRAGMA table_info(people)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(cols).toContain('approx_birth_year');
    db.close();
  });

  it('migration 5 ties actions to their decision, keeps undo reasons and keys names again', () => {
    const db = freshDb();
    migrate(db, { to: 4 });
    db.prepare(
      `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due, channel, referrer, referrer_label,
        source_code, narrative, whereabouts, immediate_protection, parents_aware, parents_agree, data, created_at, updated_at)
       VALUES ('r1', 'FD-2026-000001', 'decided', ?, '2026-11-23', '2026-11-24', 'phone', '{}', 'Anonymous referrer',
        '9', 'Concern', 'Home', 0, 'yes', 'yes', '{}', ?, ?)`,
    ).run(at, at, at);
    const decision = db.prepare(
      `INSERT INTO decisions (id, referral_id, answers, recommended, chosen, rationale, data, status, recorded_by, recorded_at, created_at, updated_at)
       VALUES (?, 'r1', '{}', 's17-assessment', 's17-assessment', 'Reasons given here', '{}', ?, 'u1', ?, ?, ?)`,
    );
    const later = '2026-11-23T11:00:00.000Z';
    decision.run('d1', 'returned', at, at, at);
    decision.run('d2', 'final', later, later, later);
    const action = db.prepare(
      `INSERT INTO actions (id, referral_id, discussion_id, description, kind, created_at, created_by, updated_at)
       VALUES (?, 'r1', NULL, 'Start the assessment', 'assessment', ?, ?, ?)`,
    );
    action.run('a1', at, 'u1', at);
    action.run('a2', later, 'u1', later);
    action.run('a3', later, 'u2', later); // someone else's: not the decision's
    // A person saved before NFKD folding: the full-width name was keyed as typed.
    db.prepare(
      `INSERT INTO people (id, kind, status, given_names, family_name, date_of_birth, name_key, family_key, given_key, address, postcode, created_at, updated_at)
       VALUES ('p1', 'child', 'born', 'Ｊｉｎ', 'Ｐａｒｋ', '2015-01-02', 'ｊｉｎ ｐａｒｋ', 'ｐａｒｋ', 'ｊｉｎ', ?, 'LS1 4AP', ?, ?)`,
    ).run(JSON.stringify({ line1: '1 Hill Road', town: 'Leeds', postcode: 'LS1 4AP' }), at, at);
    db.prepare(
      "INSERT INTO people_fts (person_id, names, other_names, address, postcode) VALUES ('p1', 'Ｊｉｎ Ｐａｒｋ ｊｉｎ ｐａｒｋ', '', '1 Hill Road Leeds', 'LS1 4AP')",
    ).run();

    expect(migrate(db, { to: 5 })).toEqual([5]);
    expect(db.prepare('SELECT id, decision_id FROM actions ORDER BY id').all()).toEqual([
      { id: 'a1', decision_id: 'd1' },
      { id: 'a2', decision_id: 'd2' },
      { id: 'a3', decision_id: null },
    ]);
    expect(
      db.prepare('SELECT name_key, family_key, given_key, family_phonetic1 FROM people').get(),
    ).toEqual({
      name_key: 'jin park',
      family_key: 'park',
      given_key: 'jin',
      family_phonetic1: 'PRK',
    });
    // One index row per person, found by the plain spelling and by the street.
    expect(db.prepare('SELECT count(*) AS n FROM people_fts').get()).toEqual({ n: 1 });
    expect(
      db.prepare("SELECT person_id FROM people_fts WHERE people_fts MATCH 'park'").all(),
    ).toEqual([{ person_id: 'p1' }]);
    expect(
      db.prepare("SELECT person_id FROM people_fts WHERE people_fts MATCH 'hill'").all(),
    ).toEqual([{ person_id: 'p1' }]);
    const cols = (db.prepare('PRAGMA table_info(person_merges)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(cols).toContain('undo_reason');
    db.close();
  });

  it("migration 6 keys full-text rows by their record's rowid and keeps what was indexed", () => {
    const db = freshDb();
    migrate(db, { to: 5 });
    const person = db.prepare(
      `INSERT INTO people (id, kind, status, given_names, family_name, date_of_birth, name_key, family_key, given_key, created_at, updated_at)
       VALUES (?, 'child', 'born', ?, ?, '2015-01-02', '', '', '', ?, ?)`,
    );
    person.run('p1', 'Zoë', "O'Brien", at, at);
    person.run('p2', 'Amy', 'Smith', at, at);
    person.run('p3', 'Kit', 'Merged', at, at);
    db.prepare("UPDATE people SET merged_into = 'p2' WHERE id = 'p3'").run();
    const referral = db.prepare(
      `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due, channel, referrer, referrer_label,
        source_code, narrative, whereabouts, immediate_protection, parents_aware, parents_agree, data, created_at, updated_at)
       VALUES (?, ?, 'awaiting-decision', ?, '2026-11-23', '2026-11-24', 'phone', '{}', 'Anonymous referrer',
        '9', 'Concern', 'Home', 0, 'yes', 'yes', '{}', ?, ?)`,
    );
    referral.run('r1', 'FD-2026-000001', at, at, at);
    referral.run('r2', 'FD-2026-000002', at, at, at);
    // Index rows in a different order from the records, as years of saves leave them; r1 saved
    // twice by an older build that left its first row behind; one row for a record since gone.
    const pf = db.prepare(
      'INSERT INTO people_fts (person_id, names, other_names, address, postcode) VALUES (?, ?, ?, ?, ?)',
    );
    pf.run('p2', 'Amy Smith amy smith', '', '2 Hill Road', 'LS1 4AP');
    pf.run('p1', "Zoë O'Brien zoe obrien", 'Zoe Byrne', '', '');
    pf.run('p3', 'Kit Merged kit merged', '', '', '');
    pf.run('gone', 'Nobody', '', '', '');
    const rf = db.prepare(
      'INSERT INTO referrals_fts (referral_id, reference, narrative, referrer, children) VALUES (?, ?, ?, ?, ?)',
    );
    rf.run('r2', 'FD-2026-000002', 'bruising seen at nursery', 'Jo Nurse', 'Amy Smith');
    rf.run('r1', 'FD-2026-000001', 'first version', 'Jo Teacher', "Zoë O'Brien");
    rf.run('r1', 'FD-2026-000001', 'second version of the concern', 'Jo Teacher', "Zoë O'Brien");
    // The children's schools come from the children on each referral (r1 has none recorded).
    db.prepare(
      "INSERT INTO referral_children (id, referral_id, person_id, position, display_name, child) VALUES ('c2', 'r2', 'p2', 0, 'Amy Smith', ?)",
    ).run(JSON.stringify({ givenNames: 'Amy', familyName: 'Smith', school: "St Mary's Primary" }));

    expect(migrate(db, { to: 6 })).toEqual([6]);
    expect(
      db
        .prepare(
          "SELECT referral_id FROM referrals_fts WHERE referrals_fts MATCH 'schools : mary*'",
        )
        .all(),
    ).toEqual([{ referral_id: 'r2' }]);
    const rowids = (table: string) =>
      db.prepare(`SELECT id, rowid AS rid FROM ${table} ORDER BY id`).all() as {
        id: string;
        rid: number;
      }[];
    expect(
      db.prepare('SELECT rowid AS rid, person_id FROM people_fts ORDER BY person_id').all(),
    ).toEqual(rowids('people').map((r) => ({ rid: r.rid, person_id: r.id })));
    expect(
      db
        .prepare(
          'SELECT rowid AS rid, referral_id, narrative FROM referrals_fts ORDER BY referral_id',
        )
        .all(),
    ).toEqual([
      {
        rid: rowids('referrals')[0]?.rid,
        referral_id: 'r1',
        narrative: 'second version of the concern',
      },
      {
        rid: rowids('referrals')[1]?.rid,
        referral_id: 'r2',
        narrative: 'bruising seen at nursery',
      },
    ]);
    // Still found by every spelling and field that was indexed, accents folded as before.
    const find = (q: string) =>
      db
        .prepare('SELECT person_id FROM people_fts WHERE people_fts MATCH ? ORDER BY person_id')
        .all(q);
    expect(find('zoe')).toEqual([{ person_id: 'p1' }]);
    expect(find('byrne')).toEqual([{ person_id: 'p1' }]);
    expect(find('hill')).toEqual([{ person_id: 'p2' }]);
    expect(
      db.prepare("SELECT referral_id FROM referrals_fts WHERE referrals_fts MATCH 'nursery'").all(),
    ).toEqual([{ referral_id: 'r2' }]);
    // Merged records are still found through the merged_into index, which now holds only them.
    const mergedPlan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM people WHERE merged_into = 'p2'")
      .all() as { detail: string }[];
    expect(mergedPlan.map((r) => r.detail)).toEqual([
      'SEARCH people USING INDEX people_merged_into (merged_into=?)',
    ]);
    expect(db.prepare("SELECT id FROM people WHERE merged_into = 'p2'").all()).toEqual([
      { id: 'p3' },
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses a database from a newer version, with a clear message', () => {
    const db = freshDb();
    migrate(db);
    db.pragma(`user_version = ${String(SCHEMA_VERSION + 5)}`);
    expect(() => migrate(db)).toThrow(SchemaTooNewError);
    expect(() => migrate(db)).toThrow(
      `This database was made by a newer version of Front Door (schema ${String(SCHEMA_VERSION + 5)}); this copy understands up to ${String(SCHEMA_VERSION)}. Install the newer version.`,
    );
    db.close();
  });

  it('openStore on a newer database reports "refused" and does not crash', () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = openStore({ dataDir: dir });
    first.raw.pragma(`user_version = ${String(SCHEMA_VERSION + 1)}`);
    first.close();
    const second = openStore({ dataDir: dir });
    expect(second.status().state).toBe('refused');
    expect(second.status().reason).toMatch(/newer version of Front Door/);
    expect(() => second.db).toThrow(/Go to the recovery screen/);
  });

  it('a migration that throws leaves the database at the old version with no partial changes', () => {
    const db = freshDb();
    migrate(db);
    const bad: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'fails halfway',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        d.exec('ALTER TABLE people ADD COLUMN extra TEXT');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, { migrations: [...MIGRATIONS, bad] })).toThrow('boom');
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    const cols = (db.prepare('PRAGMA table_info(people)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(cols).not.toContain('extra');
    db.close();
  });
});
