// Migration 4. (1) A child whose date of birth is not known may have an approximate birth year
// ("a boy called Tyler, about 6"): kept on the person so search first can match it with a year's
// tolerance, never as an invented date. (2) Household members get the same name search keys as
// people (shared/matching), so "is the expectant mother already known?" can be answered from the
// households of earlier referrals by index. Existing rows are backfilled in the same transaction.
import type BetterSqlite3 from 'better-sqlite3';
import { personSearchKeys } from '../../../../shared/matching';
import type { Migration } from './types';

type HouseholdRow = { id: string; data: string };

/** Also migration 5, which keys every member again after name folding changed. */
export function backfillHouseholdKeys(db: BetterSqlite3.Database): void {
  const rows = db.prepare('SELECT id, data FROM household_members').all() as HouseholdRow[];
  const update = db.prepare(
    `UPDATE household_members
        SET family_key = ?, given_key = ?, family_phonetic1 = ?, family_phonetic2 = ?
      WHERE id = ?`,
  );
  for (const row of rows) {
    let member: { givenNames?: unknown; familyName?: unknown } = {};
    try {
      member = JSON.parse(row.data) as typeof member;
    } catch {
      // A row whose JSON cannot be read keeps empty keys: it is still shown, just not searched.
    }
    const k = personSearchKeys({
      givenNames: typeof member.givenNames === 'string' ? member.givenNames : null,
      familyName: typeof member.familyName === 'string' ? member.familyName : null,
    });
    update.run(
      k.familyNameKey,
      k.givenNameKey,
      k.familyNamePhonetic[0] ?? null,
      k.familyNamePhonetic[1] ?? null,
      row.id,
    );
  }
}

export const migration004: Migration = {
  version: 4,
  name: 'approximate birth years; household member search keys',
  up(db) {
    db.exec(`
ALTER TABLE people ADD COLUMN approx_birth_year INTEGER
  CHECK (approx_birth_year IS NULL OR approx_birth_year BETWEEN 1900 AND 2200);
CREATE INDEX people_given_birth_year ON people(given_phonetic1, approx_birth_year)
  WHERE approx_birth_year IS NOT NULL;
ALTER TABLE household_members ADD COLUMN family_key TEXT NOT NULL DEFAULT '';
ALTER TABLE household_members ADD COLUMN given_key TEXT NOT NULL DEFAULT '';
ALTER TABLE household_members ADD COLUMN family_phonetic1 TEXT;
ALTER TABLE household_members ADD COLUMN family_phonetic2 TEXT;
CREATE INDEX household_members_family_key ON household_members(family_key);
CREATE INDEX household_members_phonetic1 ON household_members(family_phonetic1);
CREATE INDEX household_members_phonetic2 ON household_members(family_phonetic2);
`);
    backfillHouseholdKeys(db);
  },
};
