// The England & Wales bank holidays imported from GOV.UK (migration 11): append-only; the newest
// import is the one in force.
import type {
  ImportedBankHolidays,
  ImportedHoliday,
} from '../../../../shared/calendar/imported-holidays';
import { isIsoDate } from '../../../../shared/calendar/dates';
import type { BankHolidayImportsTable } from '../schema';
import type { Selectable } from 'kysely';
import { type Db, fromJson, toJson } from './common';

export type BankHolidayImportRow = Selectable<BankHolidayImportsTable>;

export type NewBankHolidayImport = {
  id: string;
  dates: readonly ImportedHoliday[];
  covers: { from: number; to: number };
  sha256: string;
  fileName: string | null;
  at: string;
  userId: string;
};

export async function insertBankHolidayImport(db: Db, row: NewBankHolidayImport): Promise<void> {
  await db
    .insertInto('bank_holiday_imports')
    .values({
      id: row.id,
      division: 'england-and-wales',
      events: toJson(row.dates.map((d) => ({ date: d.date, title: d.title }))),
      event_count: row.dates.length,
      first_year: row.covers.from,
      last_year: row.covers.to,
      sha256: row.sha256,
      file_name: row.fileName,
      imported_at: row.at,
      imported_by: row.userId,
    })
    .execute();
}

export async function latestBankHolidayImport(db: Db): Promise<BankHolidayImportRow | null> {
  const row = await db
    .selectFrom('bank_holiday_imports')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The stored import as the calendar uses it; null when there is none or the row does not read
 * back as it was written (then the rules and shipped table apply, as before any import).
 */
export function importedFromRow(row: BankHolidayImportRow | null): ImportedBankHolidays | null {
  if (row === null) return null;
  let events: unknown;
  try {
    events = fromJson(row.events);
  } catch {
    return null;
  }
  if (!Array.isArray(events)) return null;
  const dates: ImportedHoliday[] = [];
  for (const e of events as unknown[]) {
    if (typeof e !== 'object' || e === null) return null;
    const { date, title } = e as { date?: unknown; title?: unknown };
    if (!isIsoDate(date) || typeof title !== 'string') return null;
    dates.push({ date, title });
  }
  return { id: row.id, covers: { from: row.first_year, to: row.last_year }, dates };
}

export async function bankHolidaysInForce(db: Db): Promise<ImportedBankHolidays | null> {
  return importedFromRow(await latestBankHolidayImport(db));
}
