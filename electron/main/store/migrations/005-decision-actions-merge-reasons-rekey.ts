// Migration 5. (1) Follow-up actions carry the decision that opened them, so returning that
// decision closes exactly its own actions once (they were found by referral, author and time
// before, which two decisions recorded in the same millisecond by one person could confuse).
// Existing actions are matched to their decision that way, once, here. (2) An undone merge keeps
// why it was undone beside the merge's own reason. (3) People and household members are keyed
// again with today's name folding (NFKD since this release, so `Ｐａｒｋ` keys as `park` and `ﬁ`
// as `fi`), and the people full-text index is rebuilt to match: without it, records saved before
// the change would not be found by the spelling typed today.
import type BetterSqlite3 from 'better-sqlite3';
import { nameKey, personSearchKeys } from '../../../../shared/matching';
import { backfillHouseholdKeys } from './004-approximate-ages-household-keys';
import type { Migration } from './types';

type PersonRow = {
  id: string;
  given_names: string | null;
  family_name: string | null;
  other_names: string | null;
  date_of_birth: string | null;
  expected_date_of_birth: string | null;
  postcode: string | null;
  address: string | null;
};

/** The address as the full-text index holds it (repositories/people.ts ftsValues). */
function addressText(json: string | null, postcode: string | null): [string, string] {
  if (json === null) return ['', postcode ?? ''];
  try {
    const a = JSON.parse(json) as Record<string, unknown>;
    const text = (v: unknown): v is string => typeof v === 'string' && v !== '';
    const lines = [a.line1, a.line2, a.town].filter(text).join(' ');
    return [lines, text(a.postcode) ? a.postcode : (postcode ?? '')];
  } catch {
    // Unreadable address JSON: still findable by the normalised postcode.
    return ['', postcode ?? ''];
  }
}

function rekeyPeople(db: BetterSqlite3.Database): void {
  const update = db.prepare(
    `UPDATE people SET name_key = ?, family_key = ?, given_key = ?, family_phonetic1 = ?,
            family_phonetic2 = ?, given_phonetic1 = ?, given_phonetic2 = ?
      WHERE id = ?`,
  );
  const fts = db.prepare(
    `INSERT INTO people_fts (person_id, names, other_names, address, postcode)
     VALUES (?, ?, ?, ?, ?)`,
  );
  // The whole index is rebuilt in one pass: deleting row by row would scan it once per person.
  db.exec('DELETE FROM people_fts');
  // Read whole first: better-sqlite3 cannot write while an iterator is open on the connection.
  const rows = db
    .prepare(
      `SELECT id, given_names, family_name, other_names, date_of_birth, expected_date_of_birth,
              postcode, address
         FROM people`,
    )
    .all() as PersonRow[];
  for (const p of rows) {
    const k = personSearchKeys({
      givenNames: p.given_names,
      familyName: p.family_name,
      dateOfBirth: p.date_of_birth ?? p.expected_date_of_birth,
    });
    update.run(
      [k.givenNameKey, k.familyNameKey].filter((s) => s !== '').join(' '),
      k.familyNameKey,
      k.firstGivenNameKey,
      k.familyNamePhonetic[0] ?? null,
      k.familyNamePhonetic[1] ?? null,
      k.givenNamePhonetic[0] ?? null,
      k.givenNamePhonetic[1] ?? null,
      p.id,
    );
    const names = [p.given_names, p.family_name].filter((s): s is string => !!s);
    const [address, postcode] = addressText(p.address, p.postcode);
    fts.run(
      p.id,
      [...names, nameKey(names.join(' '))].filter((s) => s !== '').join(' '),
      p.other_names ?? '',
      address,
      postcode,
    );
  }
}

export const migration005: Migration = {
  version: 5,
  name: 'actions know their decision; merge undo reasons; names keyed again',
  up(db) {
    db.exec(`
ALTER TABLE actions ADD COLUMN decision_id TEXT REFERENCES decisions(id);
CREATE INDEX actions_decision ON actions(decision_id) WHERE decision_id IS NOT NULL;
UPDATE actions SET decision_id = (
  SELECT d.id FROM decisions d
   WHERE d.referral_id = actions.referral_id
     AND d.recorded_at = actions.created_at
     AND d.recorded_by = actions.created_by
   ORDER BY d.rowid DESC LIMIT 1)
 WHERE discussion_id IS NULL;
ALTER TABLE person_merges ADD COLUMN undo_reason TEXT;
`);
    rekeyPeople(db);
    backfillHouseholdKeys(db);
  },
};
