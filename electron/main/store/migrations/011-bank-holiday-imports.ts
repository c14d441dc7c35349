// Migration 11: the England & Wales bank holidays imported from GOV.UK
// (https://www.gov.uk/bank-holidays.json; domain §4: "future one-offs get announced"). Each import
// is a row kept as imported, never changed or deleted, so the calendar any due date was counted
// with can be shown again; the newest is the one in force. `events` is the validated list
// (JSON [{date, title}], sorted); first_year/last_year are the whole years it covers.
import type { Migration } from './types';

export const migration011: Migration = {
  version: 11,
  name: 'bank holiday imports',
  up(db) {
    db.exec(`
CREATE TABLE bank_holiday_imports (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  division TEXT NOT NULL CHECK (division = 'england-and-wales'),
  events TEXT NOT NULL,
  event_count INTEGER NOT NULL CHECK (event_count >= 1),
  first_year INTEGER NOT NULL,
  last_year INTEGER NOT NULL CHECK (last_year >= first_year),
  sha256 TEXT NOT NULL,
  file_name TEXT,
  imported_at TEXT NOT NULL,
  imported_by TEXT REFERENCES users(id)
) STRICT;
CREATE TRIGGER bank_holiday_imports_never_change BEFORE UPDATE ON bank_holiday_imports
BEGIN SELECT RAISE(ABORT, 'Bank holiday imports are kept as imported: import a new file'); END;
CREATE TRIGGER bank_holiday_imports_never_deleted BEFORE DELETE ON bank_holiday_imports
BEGIN SELECT RAISE(ABORT, 'Bank holiday imports are never deleted'); END;
`);
  },
};
