// Migration 3: what has happened on a referral since the decision (shared/progress): strategy
// discussions and what they decided, the section 47 enquiry and its outcome, conferences and the
// assessment. The statutory clocks follow these facts (WT 2013–2023 "Outcome of section 47
// enquiries": no conference clock unless the enquiry finds the child likely to suffer significant
// harm). Entries are never deleted: one recorded in error is withdrawn with a reason and stays
// readable.
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'progress events',
  up(db) {
    db.exec(`
CREATE TABLE progress_events (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  kind TEXT NOT NULL CHECK (kind IN ('strategy-discussion', 's47-started', 's47-outcome',
    'icpc-not-required', 'icpc-held', 'first-core-group', 'review-conference',
    'assessment-started', 'internal-review', 'initial-assessment-completed',
    'assessment-completed')),
  date TEXT NOT NULL,
  data TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES users(id),
  withdrawn_at TEXT,
  withdrawn_by TEXT REFERENCES users(id),
  withdrawn_reason TEXT,
  CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
) STRICT;
CREATE INDEX progress_events_referral ON progress_events(referral_id, date);
`);
  },
};
