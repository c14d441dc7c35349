// England & Wales bank holidays as the working-day calendar uses them once an administrator has
// imported the GOV.UK file (https://www.gov.uk/bank-holidays.json, the published list: domain §4
// "future one-offs get announced"). For the years the imported file covers, its dates are the bank
// holidays. Other years come from the rules plus the shipped table of one-offs (bank-holidays.ts);
// a year neither covers is computed by rule alone and is provisional: a one-off not yet announced
// (a coronation, a jubilee) would be missing from it.
import type { IsoDate } from '../domain/types';
import {
  BANK_HOLIDAY_TABLE,
  bankHolidays,
  isProvisionalYear,
  type BankHoliday,
} from './bank-holidays';
import { MAX_YEAR } from './dates';

export type ImportedHoliday = { date: IsoDate; title: string };

/** The imported England & Wales table in force (one import; the newest wins). */
export type ImportedBankHolidays = {
  /** The import's id: cheap to compare when deciding whether a calendar must be rebuilt. */
  id: string;
  /** First and last whole years the file covers (contiguous: checked on import). */
  covers: { from: number; to: number };
  /** Every England & Wales bank holiday in the covered years, sorted by date. */
  dates: readonly ImportedHoliday[];
};

/** Where a year's bank holidays come from. */
export type HolidaySource = 'imported' | 'shipped' | 'provisional';

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function importCovers(
  imported: ImportedBankHolidays | null | undefined,
  year: number,
): boolean {
  return imported != null && year >= imported.covers.from && year <= imported.covers.to;
}

export function holidaySource(
  year: number,
  imported: ImportedBankHolidays | null | undefined,
): HolidaySource {
  if (importCovers(imported, year)) return 'imported';
  return isProvisionalYear(year) ? 'provisional' : 'shipped';
}

/**
 * True when `date`'s year has bank holidays computed by rule alone (neither the imported GOV.UK
 * file nor the shipped table covers it), so a date counted over it may move once the year's
 * holidays are announced. Screens say "provisional" beside such dates.
 */
export function isProvisional(
  date: IsoDate,
  imported: ImportedBankHolidays | null | undefined,
): boolean {
  return holidaySource(yearOf(date), imported) === 'provisional';
}

/**
 * England & Wales bank holidays for `year`: the imported file's for a year it covers (titles as
 * GOV.UK gives them, kind 'one-off' where the rules alone would not give the date), otherwise the
 * rules with the shipped one-offs.
 */
export function bankHolidaysFor(
  year: number,
  imported: ImportedBankHolidays | null | undefined,
): readonly BankHoliday[] {
  if (imported == null || !importCovers(imported, year)) return bankHolidays(year);
  const byRule = new Set(bankHolidays(year).map((h) => h.date));
  return imported.dates
    .filter((h) => yearOf(h.date) === year)
    .map((h) => ({
      date: h.date,
      name: h.title,
      kind: byRule.has(h.date) ? ('rule' as const) : ('one-off' as const),
    }));
}

/**
 * The last year whose bank holidays are known (imported or shipped) with every year from `fromYear`
 * up to it known too; later years are provisional. `fromYear - 1` when `fromYear` itself is not
 * known (nothing ahead is).
 */
export function bankHolidaysKnownTo(
  imported: ImportedBankHolidays | null | undefined,
  fromYear: number,
): number {
  let year = fromYear;
  while (year <= MAX_YEAR && holidaySource(year, imported) !== 'provisional') year += 1;
  return year - 1;
}

/**
 * The day from which administrators are warned to import a newer file: three months before the
 * last known day (31 December of the last known year), so there is time to download it (GOV.UK
 * publishes about two years ahead).
 */
export function importWarningFrom(knownToYear: number): IsoDate {
  return `${String(knownToYear).padStart(4, '0')}-10-01`;
}

/** Whether to warn on `today`: within three months of the end of what is known, or past it. */
export function shouldWarnToImport(
  today: IsoDate,
  imported: ImportedBankHolidays | null | undefined,
): { warn: boolean; knownTo: number } {
  const knownTo = bankHolidaysKnownTo(imported, yearOf(today));
  return { warn: today >= importWarningFrom(knownTo), knownTo };
}

/** The shipped table's years, for screens that say where holidays come from. */
export const SHIPPED_HOLIDAY_YEARS = {
  from: BANK_HOLIDAY_TABLE.validFromYear,
  to: BANK_HOLIDAY_TABLE.validToYear,
} as const;
