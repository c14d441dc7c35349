// Migration 1: the whole schema (issue 3). STRICT tables (architecture §3) so a wrong type is an
// error, not a silently coerced value. Every editable record has `version` for optimistic
// concurrency and created/updated stamps; ids are TEXT UUIDs (crypto.randomUUID) so records can
// later be merged into a team database without renumbering. Timestamps are ISO 8601 UTC text.
import type { Migration } from './types';

const stamps = `
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT`;

export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  os_account TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),${stamps}
) STRICT;

-- Children (born or unborn) and adults in their households. Names are stored as entered (NFC);
-- the *_key and phonetic columns are search keys from shared/matching (domain §5).
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'child' CHECK (kind IN ('child', 'adult')),
  status TEXT NOT NULL DEFAULT 'born' CHECK (status IN ('born', 'unborn')),
  given_names TEXT,
  family_name TEXT,
  other_names TEXT,
  date_of_birth TEXT,
  expected_date_of_birth TEXT,
  gender TEXT,
  nhs_number TEXT,
  postcode TEXT,
  address TEXT,
  name_key TEXT NOT NULL DEFAULT '',
  family_key TEXT NOT NULL DEFAULT '',
  given_key TEXT NOT NULL DEFAULT '',
  family_phonetic1 TEXT,
  family_phonetic2 TEXT,
  given_phonetic1 TEXT,
  given_phonetic2 TEXT,
  merged_into TEXT REFERENCES people(id),${stamps}
) STRICT;
CREATE INDEX people_name_key ON people(name_key);
CREATE INDEX people_family_key ON people(family_key);
CREATE INDEX people_family_phonetic1 ON people(family_phonetic1);
CREATE INDEX people_family_phonetic2 ON people(family_phonetic2);
CREATE INDEX people_given_phonetic1 ON people(given_phonetic1);
CREATE INDEX people_dob ON people(date_of_birth);
CREATE INDEX people_edob ON people(expected_date_of_birth);
CREATE INDEX people_nhs ON people(nhs_number);
CREATE INDEX people_postcode ON people(postcode);
CREATE INDEX people_merged_into ON people(merged_into);

-- Directory of professionals and agencies; a referral's referrer may point here.
CREATE TABLE directory (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('professional', 'agency')),
  name TEXT NOT NULL,
  role TEXT,
  agency TEXT,
  agency_type TEXT,
  phone TEXT,
  email TEXT,
  address TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),${stamps}
) STRICT;
CREATE INDEX directory_name ON directory(name);

-- Human reference numbers FD-YYYY-NNNNNN, allocated in the same transaction as the referral.
CREATE TABLE reference_counters (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
) STRICT;

CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('draft', 'awaiting-decision', 'awaiting-sign-off', 'decided', 'closed')),
  received_at TEXT NOT NULL,
  counted_from TEXT NOT NULL,
  decision_due TEXT NOT NULL,
  channel TEXT NOT NULL,
  referrer_id TEXT REFERENCES directory(id),
  referrer TEXT NOT NULL,
  referrer_label TEXT NOT NULL,
  source_code TEXT NOT NULL,
  narrative TEXT NOT NULL,
  whereabouts TEXT NOT NULL,
  immediate_protection INTEGER NOT NULL CHECK (immediate_protection IN (0, 1)),
  parents_aware TEXT NOT NULL,
  parents_agree TEXT NOT NULL,
  reason TEXT,
  assigned_to TEXT REFERENCES users(id),
  data TEXT NOT NULL,${stamps}
) STRICT;
CREATE INDEX referrals_status_due ON referrals(status, decision_due, received_at);
CREATE INDEX referrals_received ON referrals(received_at);
CREATE INDEX referrals_assigned ON referrals(assigned_to, status);

CREATE TABLE referral_children (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  person_id TEXT REFERENCES people(id),
  position INTEGER NOT NULL,
  display_name TEXT NOT NULL,
  child TEXT NOT NULL,
  UNIQUE (referral_id, position)
) STRICT;
CREATE INDEX referral_children_person ON referral_children(person_id);

CREATE TABLE household_members (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  person_id TEXT REFERENCES people(id),
  position INTEGER NOT NULL,
  parental_responsibility INTEGER NOT NULL CHECK (parental_responsibility IN (0, 1)),
  data TEXT NOT NULL,
  UNIQUE (referral_id, position)
) STRICT;
CREATE INDEX household_members_person ON household_members(person_id);

-- Census assessment factors (domain §3) per referral.
CREATE TABLE assessment_factors (
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  code TEXT NOT NULL,
  PRIMARY KEY (referral_id, code)
) STRICT;

-- Consent and information-sharing decisions (domain §2.6): each decision to share or not.
CREATE TABLE consent_decisions (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  recorded_by TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX consent_decisions_referral ON consent_decisions(referral_id);

CREATE TABLE info_sharing_log (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  decision TEXT NOT NULL CHECK (decision IN ('shared', 'not-shared')),
  date TEXT NOT NULL,
  what TEXT NOT NULL,
  with_whom TEXT NOT NULL,
  why TEXT NOT NULL,
  lawful_basis TEXT,
  data TEXT NOT NULL,
  recorded_by TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX info_sharing_referral ON info_sharing_log(referral_id);

-- Checklist answers in progress, one row per referral (the draft of a decision).
CREATE TABLE checklist_answers (
  referral_id TEXT PRIMARY KEY REFERENCES referrals(id),
  answers TEXT NOT NULL,${stamps}
) STRICT;

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  answers TEXT NOT NULL,
  recommended TEXT NOT NULL,
  chosen TEXT NOT NULL,
  rationale TEXT NOT NULL,
  data TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('awaiting-sign-off', 'final', 'returned', 'superseded')),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,${stamps}
) STRICT;
CREATE INDEX decisions_referral ON decisions(referral_id, recorded_at);

-- WT 2013 ch.1: police told where a crime may have been committed (who, when, reference).
CREATE TABLE police_notifications (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  decision_id TEXT REFERENCES decisions(id),
  officer_name TEXT,
  force_or_team TEXT,
  notified_at TEXT,
  reference TEXT,
  data TEXT NOT NULL,
  recorded_by TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX police_notifications_referral ON police_notifications(referral_id);

-- Domain §2.2: manager sign-off where local policy keeps it.
CREATE TABLE manager_signoffs (
  id TEXT PRIMARY KEY,
  decision_id TEXT NOT NULL REFERENCES decisions(id),
  signed_by TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  comment TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('agreed', 'returned'))
) STRICT;
CREATE INDEX manager_signoffs_decision ON manager_signoffs(decision_id);

-- Domain §2.4: strategy discussions and their minutes.
CREATE TABLE strategy_discussions (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  status TEXT NOT NULL DEFAULT 'planned',
  starts_at TEXT,
  ends_at TEXT,
  format TEXT,
  location TEXT,
  chair_id TEXT REFERENCES users(id),
  minute_taker TEXT,
  ics_uid TEXT,
  ics_sequence INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL DEFAULT '{}',${stamps}
) STRICT;
CREATE INDEX strategy_discussions_referral ON strategy_discussions(referral_id);
CREATE INDEX strategy_discussions_starts ON strategy_discussions(starts_at);

CREATE TABLE meeting_invitees (
  id TEXT PRIMARY KEY,
  discussion_id TEXT NOT NULL REFERENCES strategy_discussions(id),
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  agency TEXT,
  email TEXT,
  directory_id TEXT REFERENCES directory(id),
  invited INTEGER NOT NULL DEFAULT 0 CHECK (invited IN (0, 1)),
  attended INTEGER CHECK (attended IN (0, 1)),
  apologies INTEGER NOT NULL DEFAULT 0 CHECK (apologies IN (0, 1)),
  info_obtained INTEGER CHECK (info_obtained IN (0, 1)),${stamps}
) STRICT;
CREATE INDEX meeting_invitees_discussion ON meeting_invitees(discussion_id);

CREATE TABLE agency_contributions (
  id TEXT PRIMARY KEY,
  discussion_id TEXT NOT NULL REFERENCES strategy_discussions(id),
  agency TEXT NOT NULL,
  contributor TEXT,
  text TEXT NOT NULL,${stamps}
) STRICT;
CREATE INDEX agency_contributions_discussion ON agency_contributions(discussion_id);

CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  discussion_id TEXT REFERENCES strategy_discussions(id),
  description TEXT NOT NULL,
  owner TEXT,
  agency TEXT,
  due TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  kind TEXT,${stamps}
) STRICT;
CREATE INDEX actions_referral ON actions(referral_id);
CREATE INDEX actions_due ON actions(status, due);

CREATE TABLE minutes_versions (
  id TEXT PRIMARY KEY,
  discussion_id TEXT NOT NULL REFERENCES strategy_discussions(id),
  number INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  UNIQUE (discussion_id, number)
) STRICT;

CREATE TABLE generated_documents (
  id TEXT PRIMARY KEY,
  referral_id TEXT REFERENCES referrals(id),
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX generated_documents_referral ON generated_documents(referral_id);

-- Domain §2.5: letters to referrers; every send logged with date and method.
CREATE TABLE letters (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  method TEXT,
  sent_at TEXT,
  sent_by TEXT,
  document_id TEXT REFERENCES generated_documents(id),
  data TEXT NOT NULL DEFAULT '{}',${stamps}
) STRICT;
CREATE INDEX letters_referral ON letters(referral_id);

CREATE TABLE chronology (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('auto', 'significant')),
  text TEXT NOT NULL,
  by_user TEXT
) STRICT;
CREATE INDEX chronology_referral ON chronology(referral_id, at);

-- Autosaved drafts: one per (user, kind, key); synchronous=FULL makes a confirmed save durable.
CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (user_id, kind, key)
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT,
  updated_at TEXT NOT NULL
) STRICT;
-- Defaults: the current edition (WT 2023), no local overrides, the usual protective marking
-- (domain §6: OFFICIAL-SENSITIVE; the wording is a setting).
INSERT INTO settings (key, value, version, updated_by, updated_at) VALUES (
  'app',
  '{"edition":2023,"overrides":{},"organisation":{"name":"","address":"","phone":"","email":"","marking":"OFFICIAL-SENSITIVE"},"closures":[]}',
  1, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
);

-- Merges of duplicate person records, with what was repointed so an unmerge restores exactly.
CREATE TABLE person_merges (
  id TEXT PRIMARY KEY,
  kept_id TEXT NOT NULL REFERENCES people(id),
  merged_id TEXT NOT NULL REFERENCES people(id),
  merged_at TEXT NOT NULL,
  merged_by TEXT NOT NULL,
  reason TEXT,
  repointed TEXT NOT NULL,
  undone_at TEXT,
  undone_by TEXT
) STRICT;
CREATE INDEX person_merges_merged ON person_merges(merged_id);

-- Append-only, hash-chained audit log (architecture §3). UPDATE and DELETE are refused by
-- triggers; audit_head keeps the newest (seq, hash) so removing the last row is detectable.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT,
  summary TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;

-- Full-text search (FTS5). unicode61 with remove_diacritics 2 folds accents (domain §5: SQLite's
-- LIKE only folds ASCII). Kept in step with the base tables by the repositories, in the same
-- transaction as the change.
CREATE VIRTUAL TABLE people_fts USING fts5(
  person_id UNINDEXED, names, other_names, address, postcode,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE referrals_fts USING fts5(
  referral_id UNINDEXED, reference, narrative, referrer, children,
  tokenize = 'unicode61 remove_diacritics 2'
);
`);
  },
};
