// Migration 10: referrer letters as made and sent, their templates, and invites sent.
// - `letters` (migration 1, re-pointed at documents by migration 7) gains the variant (who the
//   letter was written for), the outcome it reported, its number among letters of that kind for
//   the referral (a re-send is the next number; the one before stays as it was sent) and the
//   email draft made for it. No release has written letters before this one, so existing rows
//   (there are none in practice) get sequence 1 and the variant they would have had is unknown.
// - `letter_templates`: each administrator edit is a new version; never updated or deleted, so
//   the wording any letter was made from can be shown again.
// - `strategy_invite_sends`: when and how a discussion's invites went out, per SEQUENCE of the
//   invite (a changed time is a new SEQUENCE, to be sent again).
// WT 2018 ch.1 para 60: the referrer is told the outcome; record the date and method of each.
import type { Migration } from './types';

export const migration010: Migration = {
  version: 10,
  name: 'letters and templates',
  up(db) {
    db.exec(`
ALTER TABLE letters ADD COLUMN variant TEXT;
ALTER TABLE letters ADD COLUMN outcome TEXT;
ALTER TABLE letters ADD COLUMN sequence INTEGER NOT NULL DEFAULT 1;
ALTER TABLE letters ADD COLUMN email_document_id TEXT REFERENCES documents(id);
CREATE UNIQUE INDEX letters_referral_kind_sequence ON letters(referral_id, kind, sequence);
-- The letters not yet sent: small, and read by the work queue on every refresh.
CREATE INDEX letters_unsent ON letters(referral_id) WHERE sent_at IS NULL;

CREATE TABLE letter_templates (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  text TEXT NOT NULL,
  is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  UNIQUE (key, version)
) STRICT;
CREATE TRIGGER letter_templates_never_change BEFORE UPDATE ON letter_templates
BEGIN SELECT RAISE(ABORT, 'Template versions are kept as saved: save a new version'); END;
CREATE TRIGGER letter_templates_never_deleted BEFORE DELETE ON letter_templates
BEGIN SELECT RAISE(ABORT, 'Template versions are never deleted'); END;

CREATE TABLE strategy_invite_sends (
  id TEXT PRIMARY KEY,
  discussion_id TEXT NOT NULL REFERENCES strategy_discussions(id),
  ics_sequence INTEGER NOT NULL CHECK (ics_sequence >= 0),
  method TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  sent_by TEXT REFERENCES users(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX strategy_invite_sends_discussion ON strategy_invite_sends(discussion_id, ics_sequence);
`);
  },
};
