// Dates as people type them (domain §5: en-GB, day before month, strict). "1/12/2026",
// "01.12.2026", "1-12-26", "1 Dec 2026", "1 December 2026" and "2026-12-01" are all the first of
// December; "31/04/2025" and "29/02/2023" are errors, never rolled over. A two-digit year is
// resolved by what the field holds: a date of birth or an event is in the past, an expected date
// of birth or a plan is in the future, a received date is near today.

import { londonInstant } from '../calendar/london-instant';
import type { IsoDate, IsoInstant } from '../domain/types';
import { MIN_YEAR, formatUkDate, isIsoDate } from './formats';

/** How to read a two-digit year ("15" in 14/6/15). */
export type TwoDigitYears =
  /** Dates of birth and things that happened: the latest such year not after this year. */
  | 'past'
  /** Expected dates of birth and plans: the earliest such year not before this year. */
  | 'future'
  /** Anything else: the year within 50 years of this one. */
  | 'near';

export type TypedDate = { ok: true; date: IsoDate } | { ok: false; error: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

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
];

function monthFromWord(word: string): number | undefined {
  const w = word.toLowerCase();
  const exact = MONTHS[w];
  if (exact !== undefined) return exact;
  // A full month name ("December") or a clear start of one ("Decem").
  const i = MONTH_NAMES.findIndex((m) => w.length >= 3 && m.toLowerCase().startsWith(w));
  return i === -1 ? undefined : i + 1;
}

function resolveYear(text: string, style: TwoDigitYears, thisYear: number): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  const century = Math.floor(thisYear / 100) * 100;
  const candidates = [century - 100 + n, century + n, century + 100 + n];
  switch (style) {
    case 'past':
      return Math.max(...candidates.filter((y) => y <= thisYear));
    case 'future':
      return Math.min(...candidates.filter((y) => y >= thisYear));
    case 'near':
      return candidates.reduce((best, y) =>
        Math.abs(y - thisYear) < Math.abs(best - thisYear) ? y : best,
      );
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

export const TYPED_DATE_HINT = 'For example 27/03/2026, 27/3/26 or 27 Mar 2026';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMERIC_DATE = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/;
const WORDED_DATE =
  /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z]{3,9})\.?,?[\s\-/.]+(\d{2}|\d{4})$/;

/**
 * Whether text is written as a date (a real one or not): the shapes parseTypedDate reads, with a
 * month word that names a month. Lets a search box tell "31/02/2019" (a date that does not
 * exist) from words to search for ("3 Oak 2019").
 */
export function looksLikeTypedDate(input: string): boolean {
  const text = input.trim();
  if (ISO_DATE.test(text) || NUMERIC_DATE.test(text)) return true;
  const worded = WORDED_DATE.exec(text);
  return worded !== null && monthFromWord(worded[2] ?? '') !== undefined;
}

/**
 * A typed date, read day-month-year. `today` (ISO, London) decides two-digit years. Returns the
 * ISO date or a message for beside the field.
 */
export function parseTypedDate(
  input: string,
  options: { today: IsoDate; twoDigitYears: TwoDigitYears },
): TypedDate {
  const text = input.trim();
  const invalid: TypedDate = {
    ok: false,
    error: `Enter a real date, as day, month and year. ${TYPED_DATE_HINT}`,
  };
  if (text === '') return { ok: false, error: 'Enter a date' };
  if (ISO_DATE.test(text)) {
    return isIsoDate(text) && Number(text.slice(0, 4)) >= MIN_YEAR
      ? { ok: true, date: text }
      : invalid;
  }
  const thisYear = Number(options.today.slice(0, 4));
  let day: number;
  let month: number | undefined;
  let yearText: string;
  const numeric = NUMERIC_DATE.exec(text);
  const worded = WORDED_DATE.exec(text);
  if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
    yearText = numeric[3] ?? '';
  } else if (worded) {
    day = Number(worded[1]);
    month = monthFromWord(worded[2] ?? '');
    yearText = worded[3] ?? '';
    if (month === undefined) {
      return { ok: false, error: `“${worded[2] ?? ''}” is not a month. ${TYPED_DATE_HINT}` };
    }
  } else {
    return invalid;
  }
  const year = resolveYear(yearText, options.twoDigitYears, thisYear);
  if (month < 1 || month > 12) return { ok: false, error: 'Enter a month from 1 to 12' };
  if (year < MIN_YEAR) {
    return { ok: false, error: `Check the year: enter a year from ${String(MIN_YEAR)}` };
  }
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (!isIsoDate(iso)) {
    return {
      ok: false,
      error: `${MONTH_NAMES[month - 1] ?? 'That month'} ${String(year)} has no day ${String(day)}`,
    };
  }
  return { ok: true, date: iso };
}

/** A typed 24-hour time: "9:05", "09:05", "0905" or "09.05" → "09:05"; null if not a time. */
export function parseTypedTime(input: string): string | null {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(input.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** Which of the two 01:xx on the night the clocks go back: the first (BST) or the second (GMT). */
export type ClockChangeChoice = '' | 'earlier' | 'later';

/** A date and time as typed, with the clock-change choice where one was needed. */
export type DateTimeText = { date: string; time: string; choice?: ClockChangeChoice };

export type ParsedDateTime =
  | { kind: 'blank' }
  | { kind: 'ok'; instant: IsoInstant }
  | { kind: 'error'; message: string; on: 'date' | 'time' }
  /** The time happens twice (the clocks go back): ask which, never guess. */
  | { kind: 'choose'; message: string; earlier: IsoInstant; later: IsoInstant };

/**
 * The one reading of a London date and time typed into a form (reliability promise 2: nothing
 * silently shifted across a clock change). A time that does not exist is an error; one that
 * happens twice needs the choice, which the form offers as a control.
 */
export function parseLondonDateTime(
  value: DateTimeText,
  options: { today: IsoDate; twoDigitYears: TwoDigitYears; what: string },
): ParsedDateTime {
  const dateText = value.date.trim();
  const timeText = value.time.trim();
  if (dateText === '' && timeText === '') return { kind: 'blank' };
  const date = parseTypedDate(dateText, options);
  if (!date.ok) {
    return {
      kind: 'error',
      on: 'date',
      message: dateText === '' ? `Enter the date ${options.what}` : date.error,
    };
  }
  const time = parseTypedTime(timeText);
  if (time === null) {
    return {
      kind: 'error',
      on: 'time',
      message:
        timeText === ''
          ? `Enter the time ${options.what}, for example 16:55`
          : `Enter the time ${options.what} in 24 hours, for example 16:55`,
    };
  }
  const r = londonInstant(date.date, time);
  switch (r.kind) {
    case 'ok':
      return { kind: 'ok', instant: r.instant };
    case 'nonexistent':
      return { kind: 'error', on: 'time', message: r.message };
    case 'ambiguous':
      if (value.choice === 'earlier') return { kind: 'ok', instant: r.earlier };
      if (value.choice === 'later') return { kind: 'ok', instant: r.later };
      return {
        kind: 'choose',
        message: `${time} on ${formatUkDate(date.date)} happens twice: the clocks go back an hour at 02:00. Choose which.`,
        earlier: r.earlier,
        later: r.later,
      };
  }
}
