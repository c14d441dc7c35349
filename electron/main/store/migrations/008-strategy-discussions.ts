// Migration 8: strategy discussions (domain §2.4). Migration 1 sketched four tables for meetings
// (strategy_discussions, meeting_invitees, agency_contributions, minutes_versions) that no release
// ever wrote; they are replaced here by the shape the work needs:
// - strategy_discussions: one row per discussion, numbered per referral, with what triggered it,
//   its time and place, chair and minute-taker, status, the calendar UID and SEQUENCE (RFC 5545
//   §3.8.7.4: bumped on every change of time or place), and an optimistic version;
// - strategy_children: the children discussed (all children in the household by default, and
//   others in contact with the alleged perpetrator);
// - strategy_invitees: from the directory or added on the spot, with the role each covers;
//   removal is recorded, not deleted, so the history of who was invited stays readable;
// - strategy_history: every reschedule, move, confirmation and cancellation (old → new, why, who,
//   when); append-only;
// - strategy_minutes: minutes versions. A draft changes (autosave, with its own version); once
//   finalised a row is locked by trigger, and an amendment is a new version saying what changed
//   and why, so both stay readable.
// `actions.discussion_id` (migration 1) names strategy_discussions(id) and so refers to the new
// table. Any row in the old tables (none exists) would make the migration fail rather than be lost.
import type { Migration } from './types';

const OLD_TABLES = [
  'agency_contributions',
  'meeting_invitees',
  'minutes_versions',
  'strategy_discussions',
];

export const migration008: Migration = {
  version: 8,
  name: 'strategy-discussions',
  up(db) {
    for (const table of OLD_TABLES) {
      const row = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
      if (row.n > 0) throw new Error(`Migration 8: ${table} holds rows; refusing to replace it`);
    }
    const linked = db
      .prepare('SELECT count(*) AS n FROM actions WHERE discussion_id IS NOT NULL')
      .get() as { n: number };
    if (linked.n > 0) throw new Error('Migration 8: actions point at old strategy discussions');
    db.exec(`
DROP TABLE agency_contributions;
DROP TABLE meeting_invitees;
DROP TABLE minutes_versions;
DROP TABLE strategy_discussions;

CREATE TABLE strategy_discussions (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('decision', 'emergency-action', 'new-information')),
  trigger TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'confirmed', 'held', 'minutes-finalised', 'cancelled')),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
  format TEXT NOT NULL CHECK (format IN ('in-person', 'video', 'phone')),
  location TEXT,
  join_link TEXT,
  chair_id TEXT NOT NULL REFERENCES users(id),
  minute_taker TEXT,
  ics_uid TEXT NOT NULL UNIQUE,
  ics_sequence INTEGER NOT NULL DEFAULT 0 CHECK (ics_sequence >= 0),
  missing_roles_reason TEXT,
  cancelled_reason TEXT,
  -- The referral's progress entry (migration 3) this discussion recorded when held/finalised.
  progress_event_id TEXT REFERENCES progress_events(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id),
  UNIQUE (referral_id, sequence)
) STRICT;
CREATE INDEX strategy_discussions_chair ON strategy_discussions(chair_id, starts_at);
CREATE INDEX strategy_discussions_starts ON strategy_discussions(starts_at);

CREATE TABLE strategy_children (
  id TEXT PRIMARY KEY,
  discussion_id TEXT NOT NULL REFERENCES strategy_discussions(id),
  position INTEGER NOT NULL,
  referral_child_id TEXT REFERENCES referral_children(id),
  name TEXT,
  looked_after INTEGER NOT NULL CHECK (looked_after IN (0, 1)),
  UNIQUE (discussion_id, position)
) STRICT;

CREATE TABLE strategy_invitees (
  id TEXT PRIMARY KEY,
  discussion_id TEXT NOT NULL REFERENCES strategy_discussions(id),
  directory_id TEXT REFERENCES directory(id),
  name TEXT NOT NULL,
  job_title TEXT,
  agency TEXT NOT NULL,
  email TEXT,
  seniority TEXT NOT NULL CHECK (seniority IN ('decision-maker', 'practitioner', 'not-known')),
  covers TEXT,
  added_at TEXT NOT NULL,
  added_by TEXT REFERENCES users(id),
  removed_at TEXT,
  removed_by TEXT REFERENCES users(id),
  removed_reason TEXT
) STRICT;
CREATE INDEX strategy_invitees_discussion ON strategy_invitees(discussion_id);

CREATE TABLE strategy_history (
  id TEXT PRIMARY KEY,
  discussion_id TEXT NOT NULL REFERENCES strategy_discussions(id),
  kind TEXT NOT NULL,
  from_slot TEXT,
  to_slot TEXT,
  reason TEXT,
  at TEXT NOT NULL,
  by TEXT REFERENCES users(id)
) STRICT;
CREATE INDEX strategy_history_discussion ON strategy_history(discussion_id, at);
CREATE TRIGGER strategy_history_no_update BEFORE UPDATE ON strategy_history
BEGIN SELECT RAISE(ABORT, 'Strategy discussion history is never changed'); END;
CREATE TRIGGER strategy_history_no_delete BEFORE DELETE ON strategy_history
BEGIN SELECT RAISE(ABORT, 'Strategy discussion history is never deleted'); END;

CREATE TABLE strategy_minutes (
  id TEXT PRIMARY KEY,
  discussion_id TEXT NOT NULL REFERENCES strategy_discussions(id),
  number INTEGER NOT NULL CHECK (number >= 1),
  status TEXT NOT NULL CHECK (status IN ('draft', 'finalised')),
  data TEXT NOT NULL,
  amendment TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  saved_at TEXT NOT NULL,
  saved_by TEXT REFERENCES users(id),
  finalised_at TEXT,
  finalised_by TEXT REFERENCES users(id),
  UNIQUE (discussion_id, number)
) STRICT;
CREATE TRIGGER strategy_minutes_locked BEFORE UPDATE ON strategy_minutes
WHEN OLD.status = 'finalised'
BEGIN SELECT RAISE(ABORT, 'Finalised minutes are locked: amend them as a new version'); END;
CREATE TRIGGER strategy_minutes_no_delete BEFORE DELETE ON strategy_minutes
BEGIN SELECT RAISE(ABORT, 'Minutes versions are never deleted'); END;
`);
  },
};
