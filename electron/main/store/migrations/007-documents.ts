// Migration 7: documents kept exactly as generated. Minutes, invites, letters and record exports
// are stored as the bytes that were handed out, with their SHA-256, who made them, when, and
// which version of which record they were made from, so the document that was circulated can be
// downloaded again unchanged, even after the record changes (UK GDPR art.5(2): being able to show
// what was disclosed, to whom and when). Rows are never updated; only the retention schedule may
// one day delete them, with the record they belong to.
//
// It replaces migration 1's `generated_documents` (a name and a hash, no bytes, never written by
// any release): `letters.document_id` is pointed at the new table and the old one dropped. Both
// tables are empty in every database a release has made; the copy below keeps any row anyway.
import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  name: 'documents',
  up(db) {
    db.exec(`
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  subject_version INTEGER NOT NULL,
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL CHECK (size = length(bytes)),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
) STRICT;
CREATE INDEX documents_subject ON documents(subject_type, subject_id, created_at);
CREATE TRIGGER documents_never_change BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'Documents are kept as generated and never changed'); END;

CREATE TABLE letters_new (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals(id),
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  method TEXT,
  sent_at TEXT,
  sent_by TEXT,
  document_id TEXT REFERENCES documents(id),
  data TEXT NOT NULL DEFAULT '{}',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT
) STRICT;
INSERT INTO letters_new (id, referral_id, kind, recipient, method, sent_at, sent_by, document_id,
  data, version, created_at, created_by, updated_at, updated_by)
SELECT id, referral_id, kind, recipient, method, sent_at, sent_by, NULL,
  json_set(data, '$.formerDocument', document_id), version, created_at, created_by, updated_at,
  updated_by
  FROM letters;
DROP TABLE letters;
ALTER TABLE letters_new RENAME TO letters;
CREATE INDEX letters_referral ON letters(referral_id);
DROP TABLE generated_documents;
`);
  },
};
