// Receipt day, where a clock stands, and where a rule comes from (domain §2.3). Instants are read
// in Europe/London with @date-fns/tz; everything after that is whole calendar dates. The clocks
// for a whole referral are in referral-clocks.ts.
import { tz, tzOffset } from '@date-fns/tz';
import { format, isValid, parseISO } from 'date-fns';
import type { IsoDate, IsoInstant } from '../domain/types';
import type { PolicyRules, RuleSource } from '../policy/types';
import { describeDate, toEpochDay } from './dates';
import type { WorkingDayCalendar } from './working-days';

/** Every clock is read in the zone the guidance is written for (domain §5). */
export const LONDON_TIME_ZONE = 'Europe/London';
const london = tz(LONDON_TIME_ZONE);

// An instant must carry its offset (or Z): a bare local time is ambiguous across clock changes.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

function parseInstant(value: IsoInstant, what: string): Date {
  const parsed = typeof value === 'string' && ISO_INSTANT.test(value) ? parseISO(value) : null;
  if (parsed === null || !isValid(parsed)) {
    throw new Error(
      `Invalid ${what} "${value}": use an ISO date and time with an offset, e.g. 2026-03-30T14:05:00Z.`,
    );
  }
  return parsed;
}

/** The calendar date in London at `instant` (23:30Z on 30 June is 1 July, 00:30 BST). */
export function londonDate(instant: IsoInstant, what = 'instant'): IsoDate {
  const at = parseInstant(instant, what);
  const wall = londonWall(at);
  return wall === null ? format(at, 'yyyy-MM-dd', { in: london }) : wall.slice(0, 10);
}

/** The wall-clock time in London at `instant`, `HH:mm:ss`. */
export function londonTime(instant: IsoInstant, what = 'instant'): string {
  const at = parseInstant(instant, what);
  const wall = londonWall(at);
  return wall === null ? format(at, 'HH:mm:ss', { in: london }) : wall.slice(11, 19);
}

// Since 1900 London's clocks have only ever changed on the hour in UTC (01:00 UTC today, under
// The Summer Time Order 2002, SI 2002/262; 02:00 GMT before 1981), so one UTC hour has one
// offset, found once and kept. These two run for every row of the queue and every referral in
// a child's previous involvement, where date-fns' formatter in the zone cost about 20 µs a call.
const HOUR_MS = 3_600_000;
const FROM_1900 = Date.UTC(1900, 0, 1);
const TO_9999 = Date.UTC(9999, 0, 1);
const offsetByHour = new Map<number, number>();

/** `at` as London's wall clock shows it, `YYYY-MM-DDTHH:mm:ss…`; null outside 1900–9998. */
function londonWall(at: Date): string | null {
  const ms = at.getTime();
  if (ms < FROM_1900 || ms >= TO_9999) return null;
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = tzOffset(LONDON_TIME_ZONE, new Date(hour * HOUR_MS)) * 60_000;
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return new Date(ms + offset).toISOString();
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseOfficeTime(value: string, what: string): string {
  if (!HH_MM.test(value)) {
    throw new Error(
      `Invalid ${what} "${value}": use a 24-hour time in the form HH:mm, e.g. 09:00.`,
    );
  }
  return `${value}:00`;
}

export type OfficeHoursPolicy = Pick<
  PolicyRules,
  'officeHoursStart' | 'officeHoursEnd' | 'outOfHoursRule'
>;

export type ReceiptDay = {
  /** The calendar date in London when the referral arrived. */
  londonDate: IsoDate;
  /** The London wall-clock time it arrived, `HH:mm:ss`. */
  londonTime: string;
  /** Day 0 of the COUNTING_CONVENTION for the decision and the assessment. */
  countedFrom: IsoDate;
  /** Received on a non-working day or outside office hours (reported whichever rule applies). */
  outOfHours: boolean;
  /** Plain-English explanation for the UI. */
  reason: string;
};

/**
 * When the one-working-day decision clock starts for a referral received at `receivedAt`
 * (domain §2.3: "Out-of-hours / non-working-day receipt counts from the next working day
 * [verify; configurable]").
 *
 * With `outOfHoursRule: 'next-working-day'`, a referral received out of hours is treated as received
 * when the office next opens, and the day it opens is day 0:
 * - during office hours on a working day (start ≤ time < end): day 0 is that day
 *   (Tuesday 16:00 → decision due Wednesday);
 * - at or after closing on a working day: day 0 is the next working day
 *   (Tuesday 18:30 → day 0 Wednesday → due Thursday; Friday 17:30 → day 0 Monday → due Tuesday);
 * - before opening on a working day: the office next opens that same morning, so day 0 is that day
 *   (Wednesday 07:00 → day 0 Wednesday → due Thursday). This gives the whole out-of-hours period from
 *   one closing to the next opening the same due date, and never makes a referral due on the day it
 *   arrived before anyone could read it;
 * - on a non-working day (weekend, bank holiday, closure): day 0 is the next working day.
 *
 * With `'day-of-receipt'`, day 0 is the London calendar date of receipt whatever the time; if that
 * is not a working day, the COUNTING_CONVENTION makes the next working day day 1.
 */
export function receiptDay(
  receivedAt: IsoInstant,
  policy: OfficeHoursPolicy,
  calendar: WorkingDayCalendar,
): ReceiptDay {
  const date = londonDate(receivedAt, 'time of receipt');
  const time = londonTime(receivedAt, 'time of receipt');
  const opens = parseOfficeTime(policy.officeHoursStart, 'office opening time');
  const closes = parseOfficeTime(policy.officeHoursEnd, 'office closing time');
  if (opens >= closes) {
    throw new Error(
      `Office hours ${policy.officeHoursStart}–${policy.officeHoursEnd} are not valid: the opening time must be before the closing time.`,
    );
  }
  const shortTime = time.slice(0, 5);
  const whyClosed = calendar.nonWorkingReason(date);
  const beforeOpening = time < opens;
  const afterClosing = time >= closes;
  const outOfHours = whyClosed !== null || beforeOpening || afterClosing;

  if (policy.outOfHoursRule === 'day-of-receipt') {
    return {
      londonDate: date,
      londonTime: time,
      countedFrom: date,
      outOfHours,
      reason:
        'Local policy counts from the calendar day of receipt, whatever the time' +
        (whyClosed === null ? '.' : ` (${describeDate(date)} is not a working day: ${whyClosed}).`),
    };
  }

  if (whyClosed !== null) {
    const next = calendar.nextWorkingDay(date);
    return {
      londonDate: date,
      londonTime: time,
      countedFrom: next,
      outOfHours,
      reason: `Received on ${describeDate(date)}, not a working day (${whyClosed}): treated as received when the office opens on ${describeDate(next)}.`,
    };
  }
  if (afterClosing) {
    const next = calendar.nextWorkingDay(date);
    return {
      londonDate: date,
      londonTime: time,
      countedFrom: next,
      outOfHours,
      reason: `Received at ${shortTime}, after the office closed at ${policy.officeHoursEnd}: treated as received when the office opens on ${describeDate(next)}.`,
    };
  }
  if (beforeOpening) {
    return {
      londonDate: date,
      londonTime: time,
      countedFrom: date,
      outOfHours,
      reason: `Received at ${shortTime}, before the office opened at ${policy.officeHoursStart}: treated as received when it opened that day.`,
    };
  }
  return {
    londonDate: date,
    londonTime: time,
    countedFrom: date,
    outOfHours,
    reason: 'Received during office hours on a working day: counted from the day of receipt.',
  };
}

export type ClockStatus =
  | { kind: 'not-started' }
  /** The step will not happen, and that is right (e.g. no conference after an unfounded enquiry). */
  | { kind: 'not-required'; reason: string }
  | { kind: 'on-time'; workingDaysLeft: number }
  | { kind: 'due-today' }
  | { kind: 'overdue'; workingDaysOverdue: number }
  | { kind: 'met'; on: IsoDate; late: boolean };

/**
 * Where a clock stands on `today` (a London calendar date). Reusable by the UI for any due date.
 *
 * - `metOn` given: met, late if after `due` (a met event with no due date is never late);
 * - no due date (its starting event has not happened): not-started;
 * - before the due date: on-time, with the working days left up to and including the due date;
 * - on the due date: due-today;
 * - after it: overdue by the working days after the due date up to and including the first working
 *   day on or after today — on a Saturday after a Friday deadline the earliest it can now be done is
 *   Monday, one working day late, so it never reads "overdue by 0".
 */
export function clockStatus(
  due: IsoDate | null,
  today: IsoDate,
  calendar: WorkingDayCalendar,
  metOn?: IsoDate | null,
): ClockStatus {
  const todayDay = toEpochDay(today, "today's date");
  if (metOn !== undefined && metOn !== null) {
    const late = due !== null && toEpochDay(metOn, 'date met') > toEpochDay(due, 'due date');
    return { kind: 'met', on: metOn, late };
  }
  if (due === null) return { kind: 'not-started' };
  const dueDay = toEpochDay(due, 'due date');
  if (todayDay < dueDay) {
    return { kind: 'on-time', workingDaysLeft: calendar.workingDaysBetween(today, due) };
  }
  if (todayDay === dueDay) return { kind: 'due-today' };
  return {
    kind: 'overdue',
    workingDaysOverdue: calendar.workingDaysBetween(due, calendar.addWorkingDays(today, 0)),
  };
}

/** Plain-English name for where a rule comes from. */
export function describeRuleSource(source: RuleSource): string {
  switch (source.kind) {
    case 'edition': {
      // References are written "WT 2018 ch.1: …"; spell the edition out once, never twice.
      const expanded = source.reference.replace(/^WT (\d{4})\b,?\s*/, 'Working Together $1, ');
      return expanded.startsWith('Working Together')
        ? expanded
        : `Working Together ${source.edition}, ${source.reference}`;
    }
    case 'statute':
      return source.reference;
    case 'local':
      return `local policy: ${source.note}`;
    case 'default':
      // Default notes already open with "Local setting." (shared/policy DEFAULT_NOTES).
      return source.note;
  }
}

/** A source in a few words: the edition and chapter, or that it is a local setting. */
export function shortRuleSource(source: RuleSource): string {
  switch (source.kind) {
    case 'edition':
    case 'statute':
      return describeRuleSource(source).split(':')[0] ?? '';
    case 'local':
      return 'Local policy';
    case 'default':
      return 'Local setting (default)';
  }
}
