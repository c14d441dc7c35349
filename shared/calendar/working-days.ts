// Working days in England and Wales (domain §4): every day except Saturday, Sunday, the England &
// Wales bank holidays and any closure days an administrator has added.
import type { IsoDate } from '../domain/types';
import { bankHolidaysFor, type ImportedBankHolidays } from './imported-holidays';
import {
  WEEKDAY_NAMES,
  dayOfWeek,
  fromEpochDay,
  isWeekend,
  toEpochDay,
  weekdaysUpTo,
  yearOfEpochDay,
} from './dates';

/**
 * The counting convention for every "within N working days" rule in the product (domain §2.3,
 * marked [verify]; kept here, in one place, and shown in the UI word for word):
 *
 * - the triggering day is day 0, whatever time of day the trigger happened;
 * - "within N working days" means on or before the Nth working day after the triggering day;
 * - if the triggering day is not itself a working day, the first working day after it is day 1;
 * - "within 0 working days" means the triggering day itself, or the next working day if the
 *   triggering day is not a working day.
 *
 * So a referral counted from Tuesday with a 1-working-day decision rule is due on Wednesday; one
 * counted from Friday is due on Monday (or Tuesday after a bank holiday Monday).
 */
export const COUNTING_CONVENTION =
  'The day something happens is day 0. “Within N working days” means on or before the Nth working ' +
  'day after that day. Weekends, England and Wales bank holidays and office closure days are not ' +
  'working days.';

export type WorkingDayCalendarOptions = {
  /** Administrator closure days (ISO `YYYY-MM-DD`), treated as non-working days (domain §4). */
  closures?: readonly string[];
  /**
   * The England & Wales table imported from GOV.UK: its dates are the bank holidays for the years
   * it covers; other years keep the rules and the shipped one-offs (imported-holidays.ts).
   */
  bankHolidays?: ImportedBankHolidays | null;
};

export type WorkingDayCalendar = {
  /** The validated closure days, sorted and without duplicates. */
  readonly closures: readonly IsoDate[];
  isWorkingDay(date: IsoDate): boolean;
  /** Why a day is not a working day (`Saturday`, a bank holiday's name, `Office closure day`), or null. */
  nonWorkingReason(date: IsoDate): string | null;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate;
  /**
   * The COUNTING_CONVENTION as arithmetic: `date` is day 0 and the result is the nth working day
   * after it. n = 0 gives `date` if it is a working day, otherwise the next working day. Negative n
   * counts backwards: the |n|th working day before `date`. n must be a whole number.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Working days after `from` up to and including `to`; negative (−(working days after `to` up to
   * and including `from`)) when `to` is before `from`. When `from` is a working day,
   * addWorkingDays(from, n) = to ⇔ workingDaysBetween(from, to) = n.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
};

type YearInfo = {
  /** Bank holidays and closures that fall Monday–Friday, sorted, as epoch days. */
  weekdayClosures: readonly number[];
  all: ReadonlySet<number>;
  names: ReadonlyMap<number, string>;
};

export function createWorkingDayCalendar(
  options: WorkingDayCalendarOptions = {},
): WorkingDayCalendar {
  const closureDays = [
    ...new Set((options.closures ?? []).map((c) => toEpochDay(c, 'closure day'))),
  ].sort((a, b) => a - b);
  const closures = Object.freeze(closureDays.map(fromEpochDay));

  // Per-calendar cache: bank holidays are cached globally, closures are this calendar's own.
  const years = new Map<number, YearInfo>();
  function yearInfo(year: number): YearInfo {
    const cached = years.get(year);
    if (cached !== undefined) return cached;
    const names = new Map<number, string>();
    for (const holiday of bankHolidaysFor(year, options.bankHolidays))
      names.set(toEpochDay(holiday.date), holiday.name);
    for (const day of closureDays) {
      if (yearOfEpochDay(day) === year && !names.has(day)) names.set(day, 'Office closure day');
    }
    const all = new Set(names.keys());
    const weekdayClosures = [...all].filter((d) => !isWeekend(d)).sort((a, b) => a - b);
    const info: YearInfo = { weekdayClosures, all, names };
    years.set(year, info);
    return info;
  }

  function isWorking(day: number): boolean {
    return !isWeekend(day) && !yearInfo(yearOfEpochDay(day)).all.has(day);
  }

  /** Working days in (a, b], for a ≤ b: weekdays by formula, less closed weekdays. */
  function countWorking(a: number, b: number): number {
    let count = weekdaysUpTo(b) - weekdaysUpTo(a);
    const lastYear = yearOfEpochDay(b);
    for (let year = yearOfEpochDay(a); year <= lastYear; year++) {
      for (const day of yearInfo(year).weekdayClosures) {
        if (day > a && day <= b) count--;
      }
    }
    return count;
  }

  function next(day: number): number {
    let d = day + 1;
    while (!isWorking(d)) d++;
    return d;
  }

  function previous(day: number): number {
    let d = day - 1;
    while (!isWorking(d)) d--;
    return d;
  }

  function addForward(start: number, n: number): number {
    let cur = start;
    let remaining = n;
    // Jump whole weeks first: 7k days hold at most 5k working days, and jumping 5k ≤ remaining − 1
    // keeps at least one working day to find by stepping, so we never overshoot or land on a
    // non-working day. Decades cost a handful of jumps.
    while (remaining > 5) {
      const jump = Math.floor((remaining - 1) / 5) * 7;
      remaining -= countWorking(cur, cur + jump);
      cur += jump;
    }
    while (remaining > 0) {
      cur++;
      if (isWorking(cur)) remaining--;
    }
    return cur;
  }

  function addBackward(start: number, n: number): number {
    let cur = start;
    let remaining = n;
    while (remaining > 5) {
      const jump = Math.floor((remaining - 1) / 5) * 7;
      // Working days in [cur − jump, cur) = working days in (cur − jump − 1, cur − 1].
      remaining -= countWorking(cur - jump - 1, cur - 1);
      cur -= jump;
    }
    while (remaining > 0) {
      cur--;
      if (isWorking(cur)) remaining--;
    }
    return cur;
  }

  function checkCount(n: number): void {
    if (!Number.isInteger(n)) {
      throw new Error(`Invalid number of working days ${String(n)}: use a whole number.`);
    }
  }

  return {
    closures,
    isWorkingDay: (date) => isWorking(toEpochDay(date)),
    nonWorkingReason(date) {
      const day = toEpochDay(date);
      if (isWeekend(day)) return WEEKDAY_NAMES[dayOfWeek(day)] ?? null;
      return yearInfo(yearOfEpochDay(day)).names.get(day) ?? null;
    },
    nextWorkingDay: (date) => fromEpochDay(next(toEpochDay(date))),
    previousWorkingDay: (date) => fromEpochDay(previous(toEpochDay(date))),
    addWorkingDays(date, n) {
      checkCount(n);
      const day = toEpochDay(date);
      if (n === 0) return fromEpochDay(isWorking(day) ? day : next(day));
      return fromEpochDay(n > 0 ? addForward(day, n) : addBackward(day, -n));
    },
    workingDaysBetween(from, to) {
      const a = toEpochDay(from);
      const b = toEpochDay(to);
      return a <= b ? countWorking(a, b) : -countWorking(b, a);
    },
  };
}

/**
 * The due date of a "within N working days" rule triggered on `trigger`, by the
 * COUNTING_CONVENTION. Every statutory clock uses this, so the convention lives in one place.
 */
export function dueDate(
  trigger: IsoDate,
  workingDays: number,
  calendar: WorkingDayCalendar,
): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new Error(
      `Invalid timescale ${String(workingDays)} working days: use a whole number of 0 or more.`,
    );
  }
  return calendar.addWorkingDays(trigger, workingDays);
}
