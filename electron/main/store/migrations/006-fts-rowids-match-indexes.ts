// Migration 6. (1) The full-text rows of people and referrals take the rowid of the record they
// index, so an update deletes and rewrites its own row by rowid. Before, `DELETE FROM
// referrals_fts WHERE referral_id = ?` read every row of the index (an UNINDEXED column cannot
// be searched), 95–142 ms per save at 200,000 referrals. The person_id / referral_id columns are
// kept so the joins that read them still work. (2) Search-first matching finds candidates through
// one index per blocking key (repositories/people.ts personCandidateQuery), so the key pairs get
// indexes over standing records only (`WHERE merged_into IS NULL`), and the merged_into index
// covers merged records only: "not merged" can then never be chosen to drive a plan that walks
// every person, which is what happened before. The single-column indexes from migration 1 (date
// of birth, NHS number, postcode, family name keys) stay: they serve those keys, and searches
// that include merged records. (3) Household members are found by family name and first given
// name together ("is the expectant mother known?"), not only among the newest 200 Smiths.
// (4) The referral index gains the children's schools and nurseries (`schools`, taken from the
// children on each referral), so search finds "St Mary's" through the index instead of reading
// every child's details (about 350 ms at 200,000 referrals).
//
// Rowids of tables without an INTEGER PRIMARY KEY can be renumbered by VACUUM
// (https://www.sqlite.org/lang_vacuum.html). Front Door never runs VACUUM (backups use the
// online backup API, which copies pages as they are); anything that ever does must call
// rebuildFullTextByRowid afterwards.
import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from './types';

const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2'`;

/**
 * Rebuilds people_fts and referrals_fts with each row's rowid equal to its record's rowid,
 * keeping the text already indexed. A record with more than one index row (not expected) keeps
 * its newest; rows whose record no longer exists are dropped.
 */
export function rebuildFullTextByRowid(db: BetterSqlite3.Database): void {
  db.exec(`
ALTER TABLE people_fts RENAME TO people_fts_old;
CREATE VIRTUAL TABLE people_fts USING fts5(
  person_id UNINDEXED, names, other_names, address, postcode,
  ${TOKENIZE}
);
INSERT INTO people_fts (rowid, person_id, names, other_names, address, postcode)
SELECT p.rowid, f.person_id, f.names, f.other_names, f.address, f.postcode
  FROM people_fts_old AS f JOIN people AS p ON p.id = f.person_id
 WHERE f.rowid IN (SELECT max(rowid) FROM people_fts_old GROUP BY person_id);
DROP TABLE people_fts_old;

ALTER TABLE referrals_fts RENAME TO referrals_fts_old;
CREATE VIRTUAL TABLE referrals_fts USING fts5(
  referral_id UNINDEXED, reference, narrative, referrer, children, schools,
  ${TOKENIZE}
);
INSERT INTO referrals_fts (rowid, referral_id, reference, narrative, referrer, children, schools)
SELECT r.rowid, f.referral_id, f.reference, f.narrative, f.referrer, f.children,
       coalesce((SELECT group_concat(json_extract(c.child, '$.school'), ' ')
                   FROM referral_children AS c WHERE c.referral_id = r.id), '')
  FROM referrals_fts_old AS f JOIN referrals AS r ON r.id = f.referral_id
 WHERE f.rowid IN (SELECT max(rowid) FROM referrals_fts_old GROUP BY referral_id);
DROP TABLE referrals_fts_old;
`);
}

export const migration006: Migration = {
  version: 6,
  name: 'full-text rows keyed by rowid, with schools; matching indexes over standing records',
  up(db) {
    rebuildFullTextByRowid(db);
    db.exec(`
DROP INDEX people_merged_into;
CREATE INDEX people_merged_into ON people(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX people_live_names ON people(family_key, given_key) WHERE merged_into IS NULL;
CREATE INDEX people_live_sound_ff ON people(family_phonetic1, given_phonetic1)
  WHERE merged_into IS NULL;
CREATE INDEX people_live_sound_fa ON people(family_phonetic1, given_phonetic2)
  WHERE merged_into IS NULL;
CREATE INDEX people_live_sound_af ON people(family_phonetic2, given_phonetic1)
  WHERE merged_into IS NULL;
CREATE INDEX people_live_sound_aa ON people(family_phonetic2, given_phonetic2)
  WHERE merged_into IS NULL;
CREATE INDEX people_alias_given_year ON people(given_key, approx_birth_year)
  WHERE merged_into IS NULL AND other_names IS NOT NULL;
CREATE INDEX people_alias_given_dob ON people(given_key, date_of_birth)
  WHERE merged_into IS NULL AND other_names IS NOT NULL;
CREATE INDEX household_members_family_given ON household_members(family_key, given_key);
CREATE INDEX household_members_phonetic1_given ON household_members(family_phonetic1, given_key);
CREATE INDEX household_members_phonetic2_given ON household_members(family_phonetic2, given_key);
`);
  },
};
