// Calendar-date arithmetic on ISO `YYYY-MM-DD` strings.
//
// Working days are whole calendar dates with no time or zone (domain §4), so they are held as
// "epoch days" (days since 1970-01-01) and converted with Date.UTC only. UTC is used purely as a
// zone-free proleptic Gregorian calendar: no instant or local time is ever involved here, so no
// daylight-saving change can shift a date. Instants are converted to London dates in clocks.ts with
// @date-fns/tz, never here.
import type { IsoDate } from '../domain/types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Earliest and latest years the calendar answers for (see bank-holidays.ts for why 1978). */
export const MIN_YEAR = 1978;
export const MAX_YEAR = 9999;

export type DateParts = { year: number; month: number; day: number };

/**
 * Parse a strict ISO calendar date. Rejects anything that is not a real date (`2024-02-30`,
 * `2023-02-29`, `2024-4-1`, times, offsets) with an Error that says what is wrong and how to fix it.
 */
export function parseIsoDate(value: string, what = 'date'): DateParts {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match === null) {
    throw new Error(`Invalid ${what} "${value}": use a calendar date in the form YYYY-MM-DD.`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Round-trip through Date.UTC: an impossible day (31 April, 29 Feb in a common year) rolls over
  // into the next month and so fails the comparison. Strict parsing, architecture §2.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    throw new Error(`Invalid ${what} "${value}": there is no such day in the calendar.`);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(
      `Invalid ${what} "${value}": working days are only known for ${MIN_YEAR} to ${MAX_YEAR}.`,
    );
  }
  return { year, month, day };
}

/** True when `value` is a strict, real ISO calendar date in the supported range. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export function epochDayFromParts(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999, but MIN_YEAR keeps us well clear of that.
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function toEpochDay(value: IsoDate, what = 'date'): number {
  const { year, month, day } = parseIsoDate(value, what);
  return epochDayFromParts(year, month, day);
}

export function fromEpochDay(epochDay: number): IsoDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfEpochDay(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCFullYear();
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekend(epochDay: number): boolean {
  const dow = dayOfWeek(epochDay);
  return dow === 0 || dow === 6;
}

// 1970-01-05 (epoch day 4) was a Monday: the origin for counting whole Monday-to-Sunday weeks.
const MONDAY_ORIGIN = 4;

/**
 * A cumulative count of Monday-to-Friday days up to and including `epochDay`, measured from an
 * arbitrary origin. Only differences are meaningful: weekdaysUpTo(b) − weekdaysUpTo(a) is the number
 * of weekdays in (a, b]. Constant time, so spans of decades cost nothing.
 */
export function weekdaysUpTo(epochDay: number): number {
  const days = epochDay - MONDAY_ORIGIN + 1;
  const weeks = Math.floor(days / 7);
  const rest = days - weeks * 7; // 0..6, also for days before the origin
  return weeks * 5 + Math.min(rest, 5);
}

/**
 * Add calendar months, clamping to the end of a shorter month (30 Nov + 3 months = 28/29 Feb), the
 * same rule as date-fns `addMonths`. Clamping never lands after the true anniversary, which is the
 * safe reading of "within N months".
 */
export function addCalendarMonths(value: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) {
    throw new Error(`Invalid number of months ${String(months)}: use a whole number.`);
  }
  const { year, month, day } = parseIsoDate(value);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return fromEpochDay(epochDayFromParts(targetYear, targetMonth, Math.min(day, lastDay)));
}

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A date in words for people, en-GB order: `Monday 30 March 2026`. */
export function describeDate(value: IsoDate): string {
  const { year, month, day } = parseIsoDate(value);
  const weekday = WEEKDAY_NAMES[dayOfWeek(epochDayFromParts(year, month, day))] ?? '';
  return `${weekday} ${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}
