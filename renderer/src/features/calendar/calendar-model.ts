// View model for "Closure days and bank holidays" (issue 14): pure functions over shared/, tested
// without a DOM. A closure day is a weekday the office is shut that is not already a bank holiday
// (domain §4: closure days are not working days); adding a weekend or a bank holiday would change
// nothing, so the page refuses it and says why rather than keep a day that does nothing.

import {
  bankHolidaysFor,
  describeDate,
  holidaySource,
  type HolidaySource,
  type ImportedBankHolidays,
  type WorkingDayCalendar,
} from '../../../../shared/calendar';
import { closureDateProblem } from '../../../../shared/calendar/closure-range';
import type { ImportedHoliday } from '../../../../shared/calendar/imported-holidays';
import type { IsoDate } from '../../../../shared/domain/types';
import { formatUkDate } from '../../../../shared/validation/formats';
import { parseTypedDate } from '../../../../shared/validation/typed-dates';
import { formatDayDate } from '../../components/format';

/** The date a closure day would be added for, or why not (the message beside the field). */
export function checkClosureDay(
  typed: string,
  options: {
    today: IsoDate;
    closures: readonly string[];
    calendar: WorkingDayCalendar;
    bankHolidays: ImportedBankHolidays | null;
  },
): { ok: true; date: IsoDate } | { ok: false; error: string } {
  if (typed.trim() === '') return { ok: false, error: 'Enter the date of the closure day' };
  const parsed = parseTypedDate(typed, { today: options.today, twoDigitYears: 'future' });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const date = parsed.date;
  const range = closureDateProblem([date], options.today);
  if (range !== null) return { ok: false, error: range };
  const day = describeDate(date);
  if (options.closures.includes(date)) {
    return { ok: false, error: `${day} is already a closure day.` };
  }
  const reason = options.calendar.nonWorkingReason(date);
  if (reason === 'Saturday' || reason === 'Sunday') {
    return {
      ok: false,
      error: `${day} is a ${reason}, which is never a working day: it does not need to be a closure day.`,
    };
  }
  if (reason !== null) {
    const provisional =
      holidaySource(Number(date.slice(0, 4)), options.bankHolidays) === 'provisional'
        ? ' (provisional: worked out by rule)'
        : '';
    return {
      ok: false,
      error: `${day} is a bank holiday (${reason})${provisional}, so it is already not a working day: it does not need to be a closure day.`,
    };
  }
  return { ok: true, date };
}

export type ClosureRow = { date: IsoDate; label: string; past: boolean };

/** The closure days, soonest first, upcoming before past ones (the ones still to come matter). */
export function closureRows(closures: readonly IsoDate[], today: IsoDate): ClosureRow[] {
  const sorted = [...closures].sort();
  const rows = sorted.map((date) => ({ date, label: formatDayDate(date), past: date < today }));
  return [...rows.filter((r) => !r.past), ...rows.filter((r) => r.past).reverse()];
}

export type HolidayYear = {
  year: number;
  source: HolidaySource;
  holidays: { date: IsoDate; label: string; name: string }[];
};

/** Bank holidays for the years shown, each year saying where its dates come from. */
export function holidayYears(
  years: readonly number[],
  imported: ImportedBankHolidays | null,
): HolidayYear[] {
  return years.map((year) => ({
    year,
    source: holidaySource(year, imported),
    holidays: bankHolidaysFor(year, imported).map((h) => ({
      date: h.date,
      label: formatDayDate(h.date),
      name: h.name,
    })),
  }));
}

export const SOURCE_LABELS: Record<HolidaySource, string> = {
  imported: 'From the GOV.UK file',
  shipped: 'From Front Door’s own table',
  provisional: 'Provisional: worked out by rule',
};

/** "31/12/2027": the last day bank holidays are known. */
export function knownToText(knownTo: number): string {
  return formatUkDate(`${String(knownTo).padStart(4, '0')}-12-31`);
}

/** A list of days in a sentence: "Mon 08/05/2023 (Coronation) and Tue 26/12/2028 (Boxing Day)". */
export function daysText(days: readonly ImportedHoliday[]): string {
  const items = days.map((d) => `${formatDayDate(d.date)} (${d.title})`);
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The administrators' warning as the time left to import a newer file runs out, or has. */
export function importWarningText(today: IsoDate, knownTo: number): string {
  const end = knownToText(knownTo);
  return today > `${String(knownTo).padStart(4, '0')}-12-31`
    ? `Bank holidays are known only to ${end}: later dates are provisional. Import the GOV.UK file now.`
    : `Bank holidays are known only to ${end}. Import the GOV.UK file before then.`;
}
