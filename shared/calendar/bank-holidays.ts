// England & Wales bank holidays: computed by rule, corrected by a shipped table of one-off changes.
//
// The rules are the Banking and Financial Dealings Act 1971 sch.1 para 1 (Easter Monday, last
// Monday in May, last Monday in August, 26 December if not a Sunday, 27 December where 25 or 26
// December is a Sunday) plus the days kept by custom or proclamation every year (New Year's Day and
// early May since 1974 and 1978 respectively; Good Friday and Christmas Day as common-law holidays),
// as published on GOV.UK (https://www.gov.uk/bank-holidays). Domain §4 lists the same rules and is
// the reference for the tests.
import type { IsoDate } from '../domain/types';
import {
  MAX_YEAR,
  MIN_YEAR,
  dayOfWeek,
  epochDayFromParts,
  fromEpochDay,
  toEpochDay,
} from './dates';

export type BankHolidayKind = 'rule' | 'one-off';

export type BankHoliday = {
  date: IsoDate;
  name: string;
  /** `rule` = the standing rules; `one-off` = added or moved by Royal Proclamation (table below). */
  kind: BankHolidayKind;
};

/** One change to the standing rules, as announced. */
export type BankHolidayChange = {
  date: IsoDate;
  name: string;
  /** The rule date this one replaces (a moved holiday); absent for an extra holiday. */
  replaces?: IsoDate;
  source: string;
};

export type BankHolidayTable = {
  region: 'england-and-wales';
  /** Where the one-offs come from. */
  source: string;
  /** One-offs are listed from this year… */
  validFromYear: number;
  /**
   * …up to and including this year. Years after it are computed by rule only, so a one-off that has
   * not yet been announced (or was announced after this table shipped) is missing: administrators
   * add it as a closure day (domain §4). GOV.UK publishes about two years ahead.
   */
  validToYear: number;
  /** How the table was compiled and what to do before extending it. */
  note: string;
  changes: readonly BankHolidayChange[];
};

const GOV_UK = 'GOV.UK, UK bank holidays (https://www.gov.uk/bank-holidays)';

/**
 * One-off changes to England & Wales bank holidays since 2010 (domain §4). Each was made by Royal
 * Proclamation under the Banking and Financial Dealings Act 1971 s1(3) (extra day) or s1(2) (day
 * substituted for a rule day).
 */
export const BANK_HOLIDAY_TABLE: BankHolidayTable = {
  region: 'england-and-wales',
  source: `${GOV_UK}; Royal Proclamations under the Banking and Financial Dealings Act 1971 s1`,
  validFromYear: 2010,
  validToYear: 2027,
  note:
    'Compiled from the domain brief §4 list (England & Wales, 2010–2030); re-check GOV.UK for newly ' +
    'announced one-offs before raising validToYear.',
  changes: [
    {
      date: '2011-04-29',
      name: 'Royal wedding',
      source: 'Royal Proclamation (wedding of Prince William and Catherine Middleton)',
    },
    {
      date: '2012-06-04',
      name: 'Spring bank holiday',
      replaces: '2012-05-28',
      source: 'Royal Proclamation (moved for the Diamond Jubilee)',
    },
    {
      date: '2012-06-05',
      name: 'Queen’s Diamond Jubilee',
      source: 'Royal Proclamation (Diamond Jubilee)',
    },
    {
      date: '2020-05-08',
      name: 'Early May bank holiday (VE day)',
      replaces: '2020-05-04',
      source: 'Royal Proclamation (75th anniversary of VE Day)',
    },
    {
      date: '2022-06-02',
      name: 'Spring bank holiday',
      replaces: '2022-05-30',
      source: 'Royal Proclamation (moved for the Platinum Jubilee)',
    },
    {
      date: '2022-06-03',
      name: 'Platinum Jubilee bank holiday',
      source: 'Royal Proclamation (Platinum Jubilee)',
    },
    {
      date: '2022-09-19',
      name: 'Bank holiday for the State Funeral of Queen Elizabeth II',
      source: 'Royal Proclamation (State Funeral of Queen Elizabeth II)',
    },
    {
      date: '2023-05-08',
      name: 'Bank holiday for the coronation of King Charles III',
      source: 'Royal Proclamation (coronation of King Charles III)',
    },
  ],
};

/**
 * Easter Sunday by the Gregorian computus (the "anonymous" algorithm, Meeus/Jones/Butcher), as an
 * epoch day. Good Friday and Easter Monday hang off it (BFDA 1971 sch.1 para 1).
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return epochDayFromParts(year, month, day);
}

const MONDAY = 1;
const SATURDAY = 6;
const SUNDAY = 0;

function firstMonday(year: number, month: number): number {
  const first = epochDayFromParts(year, month, 1);
  return first + ((MONDAY - dayOfWeek(first) + 7) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = epochDayFromParts(year, month + 1, 0); // day 0 of the next month = last day
  return last - ((dayOfWeek(last) - MONDAY + 7) % 7);
}

/** The standing rules for one year, before any one-off change. */
function ruleHolidays(year: number): BankHoliday[] {
  const out: [number, string][] = [];

  // New Year's Day; on a weekend the next Monday is the substitute (GOV.UK "substitute day").
  const newYear = epochDayFromParts(year, 1, 1);
  const nyDow = dayOfWeek(newYear);
  if (nyDow === SATURDAY) out.push([newYear + 2, 'New Year’s Day (substitute day)']);
  else if (nyDow === SUNDAY) out.push([newYear + 1, 'New Year’s Day (substitute day)']);
  else out.push([newYear, 'New Year’s Day']);

  const easter = easterSunday(year);
  out.push([easter - 2, 'Good Friday']);
  out.push([easter + 1, 'Easter Monday']); // BFDA 1971 sch.1 para 1

  out.push([firstMonday(year, 5), 'Early May bank holiday']); // by proclamation since 1978
  out.push([lastMonday(year, 5), 'Spring bank holiday']); // BFDA 1971 sch.1 para 1
  out.push([lastMonday(year, 8), 'Summer bank holiday']); // BFDA 1971 sch.1 para 1

  // Christmas and Boxing Day with substitutes (BFDA 1971 sch.1 para 1; domain §4):
  //   25 Dec Saturday → Mon 27 (Christmas) and Tue 28 (Boxing Day);
  //   25 Dec Sunday   → Mon 26 (Boxing Day) and Tue 27 (Christmas);
  //   26 Dec Saturday (25 Dec Friday) → Mon 28 (Boxing Day).
  const christmas = epochDayFromParts(year, 12, 25);
  switch (dayOfWeek(christmas)) {
    case SATURDAY:
      out.push([christmas + 2, 'Christmas Day (substitute day)']);
      out.push([christmas + 3, 'Boxing Day (substitute day)']);
      break;
    case SUNDAY:
      out.push([christmas + 1, 'Boxing Day']);
      out.push([christmas + 2, 'Christmas Day (substitute day)']);
      break;
    case 5: // Friday: Boxing Day falls on Saturday
      out.push([christmas, 'Christmas Day']);
      out.push([christmas + 3, 'Boxing Day (substitute day)']);
      break;
    default:
      out.push([christmas, 'Christmas Day']);
      out.push([christmas + 1, 'Boxing Day']);
  }

  return out.map(([day, name]) => ({ date: fromEpochDay(day), name, kind: 'rule' as const }));
}

// Bank holidays are a pure function of the year: cache each year once (they are asked for on every
// working-day question).
const cache = new Map<number, readonly BankHoliday[]>();

/**
 * England & Wales bank holidays for `year`, sorted by date. Years inside
 * BANK_HOLIDAY_TABLE.validFromYear–validToYear include the announced one-offs; other years are the
 * standing rules only (see `isProvisionalYear`). Throws for years before 1978, when the early May
 * holiday began, or after 9999.
 */
export function bankHolidays(year: number): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(
      `Invalid year ${String(year)}: bank holidays are known for ${MIN_YEAR} to ${MAX_YEAR}.`,
    );
  }
  const cached = cache.get(year);
  if (cached !== undefined) return cached;

  let days = ruleHolidays(year);
  for (const change of BANK_HOLIDAY_TABLE.changes) {
    if (!change.date.startsWith(`${year}-`)) continue;
    if (change.replaces !== undefined) {
      const replaced = change.replaces;
      days = days.filter((d) => d.date !== replaced);
    }
    days.push({ date: change.date, name: change.name, kind: 'one-off' });
  }
  days.sort((a, b) => toEpochDay(a.date) - toEpochDay(b.date));
  const frozen = Object.freeze(days.map((d) => Object.freeze(d)));
  cache.set(year, frozen);
  return frozen;
}

/**
 * True when a year lies outside the shipped one-off table, so its bank holidays come from the rules
 * alone and may miss a one-off not yet announced when the table shipped (domain §4).
 */
export function isProvisionalYear(year: number): boolean {
  return year < BANK_HOLIDAY_TABLE.validFromYear || year > BANK_HOLIDAY_TABLE.validToYear;
}
