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

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// By arithmetic rather than a Date round-trip: Date.UTC maps years 0–99 to 1900–1999, and
// validation accepts ISO dates from year 1.
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function existsInCalendar({ year, month, day }: DateParts): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function matchIsoDate(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (match === null) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatParts({ year, month, day }: DateParts): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Parse a strict ISO calendar date. Rejects anything that is not a real date (`2024-02-30`,
 * `2023-02-29`, `2024-4-1`, times, offsets) with an Error that says what is wrong and how to fix it.
 */
export function parseIsoDate(value: string, what = 'date'): DateParts {
  const parts = typeof value === 'string' ? matchIsoDate(value) : null;
  if (parts === null) {
    throw new Error(`Invalid ${what} "${value}": use a calendar date in the form YYYY-MM-DD.`);
  }
  // Strict parsing, architecture §2: an impossible day is an error, never rolled over.
  if (!existsInCalendar(parts)) {
    throw new Error(`Invalid ${what} "${value}": there is no such day in the calendar.`);
  }
  if (parts.year < MIN_YEAR || parts.year > MAX_YEAR) {
    throw new Error(
      `Invalid ${what} "${value}": working days are only known for ${MIN_YEAR} to ${MAX_YEAR}.`,
    );
  }
  return parts;
}

/**
 * True when `value` is a strict ISO `YYYY-MM-DD` date that exists (no 2023-02-29 or 2025-04-31)
 * and whose year is within `minYear`–`maxYear`. The range is the caller's rule: the working-day
 * calendar starts where the bank-holiday rules do, validation takes any four-digit year.
 */
export function isIsoDateInYears(
  value: unknown,
  minYear: number,
  maxYear: number,
): value is IsoDate {
  if (typeof value !== 'string') return false;
  const parts = matchIsoDate(value);
  return (
    parts !== null && existsInCalendar(parts) && parts.year >= minYear && parts.year <= maxYear
  );
}

/** True when `value` is a strict, real ISO calendar date in the supported range. */
export function isIsoDate(value: unknown): value is IsoDate {
  return isIsoDateInYears(value, MIN_YEAR, MAX_YEAR);
}

export function epochDayFromParts(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999. The calendar starts at MIN_YEAR and validation's date
  // fields at 1900, so no real caller reaches those years.
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

// Same day `months` later, clamped to the end of a shorter month. No checks: callers decide.
function shiftMonths({ year, month, day }: DateParts, months: number): DateParts {
  const monthIndex = month - 1 + months;
  const yearsCarried = Math.floor(monthIndex / 12);
  const targetYear = year + yearsCarried;
  const targetMonth = monthIndex - yearsCarried * 12 + 1;
  return {
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  };
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
  const target = shiftMonths(parseIsoDate(value), months);
  return fromEpochDay(epochDayFromParts(target.year, target.month, target.day));
}

// Unchecked arithmetic for dates outside the working-day calendar's years (dates of birth, seed
// data, look-back windows). These never throw: the caller has already checked the date with
// isIsoDateInYears, and a bad value gives a bad string back rather than an error.

function unsafeParts(iso: IsoDate): DateParts {
  return {
    year: Number(iso.slice(0, 4)),
    month: Number(iso.slice(5, 7)),
    day: Number(iso.slice(8, 10)),
  };
}

function unsafeEpochDay(iso: IsoDate): number {
  const { year, month, day } = unsafeParts(iso);
  return epochDayFromParts(year, month, day);
}

// Not fromEpochDay: toISOString throws on a bad date, and these must not.
function formatEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return formatParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** `iso` plus `n` calendar days (n may be negative). */
export function addDaysIso(iso: IsoDate, n: number): IsoDate {
  return formatEpochDay(unsafeEpochDay(iso) + n);
}

/**
 * `iso` plus `n` calendar months; the day is clamped to the end of a shorter month
 * (31 January + 1 month = 28/29 February), as date-fns `addMonths` does.
 */
export function addMonthsIso(iso: IsoDate, n: number): IsoDate {
  return formatParts(shiftMonths(unsafeParts(iso), n));
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetweenIso(a: IsoDate, b: IsoDate): number {
  return unsafeEpochDay(b) - unsafeEpochDay(a);
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
