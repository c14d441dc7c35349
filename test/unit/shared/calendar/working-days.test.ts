import { describe, it, expect } from 'vitest';
import {
  COUNTING_CONVENTION,
  createWorkingDayCalendar,
  dueDate,
  isIsoDate,
} from '../../../../shared/calendar';
import { referenceHolidays } from './reference-holidays';

const calendar = createWorkingDayCalendar();
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * An independent oracle built only from the domain §4 reference list and the day of the week:
 * every day 2010-01-01 … 2030-12-31 with a working/non-working flag.
 */
function buildOracle() {
  const holidays = new Set([...referenceHolidays().values()].flat());
  const days: string[] = [];
  const working: boolean[] = [];
  for (let ms = Date.UTC(2010, 0, 1); ms <= Date.UTC(2030, 11, 31); ms += DAY) {
    const date = iso(ms);
    const weekday = new Date(ms).getUTCDay();
    days.push(date);
    working.push(weekday !== 0 && weekday !== 6 && !holidays.has(date));
  }
  // prefix[i] = working days in days[0..i]
  const prefix: number[] = [];
  let count = 0;
  for (const w of working) prefix.push((count += w ? 1 : 0));
  const workingIndexes = working.flatMap((w, i) => (w ? [i] : []));
  return { days, working, prefix, workingIndexes };
}
const oracle = buildOracle();
const at = <T>(list: readonly T[], i: number): T => {
  const value = list[i];
  if (value === undefined) throw new Error(`oracle index ${i} out of range`);
  return value;
};

describe('working days', () => {
  it('weekends are not working days; ordinary weekdays are', () => {
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-03-09')).toBe(true); // Monday
    expect(calendar.nonWorkingReason('2026-03-07')).toBe('Saturday');
    expect(calendar.nonWorkingReason('2026-04-03')).toBe('Good Friday');
    expect(calendar.nonWorkingReason('2026-03-09')).toBeNull();
  });

  it('nextWorkingDay is strictly after and skips weekends and bank holidays', () => {
    expect(calendar.nextWorkingDay('2026-03-09')).toBe('2026-03-10');
    expect(calendar.nextWorkingDay('2026-03-06')).toBe('2026-03-09'); // Fri → Mon
    expect(calendar.nextWorkingDay('2026-04-02')).toBe('2026-04-07'); // Easter
    expect(calendar.nextWorkingDay('2026-12-24')).toBe('2026-12-29'); // Christmas 2026
    expect(calendar.nextWorkingDay('2022-06-01')).toBe('2022-06-06'); // Platinum Jubilee
    expect(calendar.nextWorkingDay('2010-12-24')).toBe('2010-12-29');
  });

  it('previousWorkingDay is strictly before', () => {
    expect(calendar.previousWorkingDay('2026-04-07')).toBe('2026-04-02');
    expect(calendar.previousWorkingDay('2026-03-09')).toBe('2026-03-06');
    expect(calendar.previousWorkingDay('2027-01-04')).toBe('2026-12-31');
  });
});

describe('closure days', () => {
  const withClosures = createWorkingDayCalendar({
    closures: ['2026-12-31', '2026-12-29', '2026-12-29', '2026-03-07', '2026-12-25'],
  });

  it('are non-working days, deduplicated and sorted', () => {
    expect(withClosures.closures).toEqual(['2026-03-07', '2026-12-25', '2026-12-29', '2026-12-31']);
    expect(withClosures.isWorkingDay('2026-12-29')).toBe(false);
    expect(withClosures.nonWorkingReason('2026-12-29')).toBe('Office closure day');
    // A closure on a bank holiday keeps the bank holiday's name.
    expect(withClosures.nonWorkingReason('2026-12-25')).toBe('Christmas Day');
    expect(withClosures.nextWorkingDay('2026-12-24')).toBe('2026-12-30');
    expect(withClosures.addWorkingDays('2026-12-24', 2)).toBe('2027-01-04');
    expect(withClosures.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(2);
    expect(calendar.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(4);
  });

  it('a closure on a weekend changes nothing', () => {
    expect(withClosures.workingDaysBetween('2026-03-01', '2026-03-31')).toBe(
      calendar.workingDaysBetween('2026-03-01', '2026-03-31'),
    );
  });

  it('are validated', () => {
    expect(() => createWorkingDayCalendar({ closures: ['2026-02-30'] })).toThrow(
      /Invalid closure day "2026-02-30"/,
    );
    expect(() => createWorkingDayCalendar({ closures: ['31/12/2026'] })).toThrow(/YYYY-MM-DD/);
  });

  it('do not leak between calendars', () => {
    expect(calendar.isWorkingDay('2026-12-29')).toBe(true);
  });
});

describe('invalid input', () => {
  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-4-1',
    '2024-04-01T00:00:00Z',
    '',
    'today',
  ])('rejects %j with a clear error', (bad) => {
    expect(() => calendar.isWorkingDay(bad)).toThrow(/Invalid date/);
    expect(() => calendar.addWorkingDays(bad, 1)).toThrow(/Invalid date/);
    expect(() => calendar.workingDaysBetween('2024-01-01', bad)).toThrow(/Invalid date/);
    expect(isIsoDate(bad)).toBe(false);
  });

  it('accepts 29 February in a leap year', () => {
    expect(calendar.isWorkingDay('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('rejects fractional working-day counts and negative timescales', () => {
    expect(() => calendar.addWorkingDays('2024-01-02', 1.5)).toThrow(/whole number/);
    expect(() => dueDate('2024-01-02', -1, calendar)).toThrow(/0 or more/);
  });

  it('rejects dates outside the supported years', () => {
    expect(() => calendar.isWorkingDay('1900-01-01')).toThrow(/1978 to 9999/);
  });
});

describe('counting convention', () => {
  it('is stated once, in words the UI can show', () => {
    expect(COUNTING_CONVENTION).toMatch(/day 0/);
    expect(COUNTING_CONVENTION).toMatch(/on or before the Nth working day/);
  });

  it('trigger day is day 0; within 1 WD of Tuesday is Wednesday; of Friday is Monday', () => {
    expect(dueDate('2026-03-03', 1, calendar)).toBe('2026-03-04');
    expect(dueDate('2026-03-06', 1, calendar)).toBe('2026-03-09');
    expect(dueDate('2026-04-02', 1, calendar)).toBe('2026-04-07'); // over Easter
  });

  it('a non-working trigger day: the next working day is day 1', () => {
    expect(dueDate('2026-03-07', 1, calendar)).toBe('2026-03-09');
    expect(dueDate('2026-03-07', 0, calendar)).toBe('2026-03-09');
  });

  it('within 0 WD of a working day is that day', () => {
    expect(dueDate('2026-03-03', 0, calendar)).toBe('2026-03-03');
  });

  it('45 working days from Tue 3 March 2026 is Fri 8 May (Easter and early May skipped)', () => {
    expect(dueDate('2026-03-03', 45, calendar)).toBe('2026-05-08');
  });

  it('15 working days across Christmas 2026', () => {
    // Dec 14–18 (5), 21–24 (9), [25, 28 holidays], 29–31 (12), Jan 1 holiday, Jan 4–6 (15)
    expect(dueDate('2026-12-11', 15, calendar)).toBe('2027-01-06');
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('agree with the oracle for every day 2010–2030 and n = 0..50', () => {
    const { days, working, prefix, workingIndexes } = oracle;
    let checked = 0;
    let firstWorkingAtOrAfter = 0; // pointer into workingIndexes
    for (let i = 0; i < days.length; i++) {
      while (
        firstWorkingAtOrAfter < workingIndexes.length &&
        at(workingIndexes, firstWorkingAtOrAfter) < i
      ) {
        firstWorkingAtOrAfter++;
      }
      const date = at(days, i);
      // Index in workingIndexes of the first working day strictly after i.
      const firstAfter = working[i] === true ? firstWorkingAtOrAfter + 1 : firstWorkingAtOrAfter;
      for (let n = 0; n <= 50; n++) {
        const k = n === 0 ? firstWorkingAtOrAfter : firstAfter + n - 1;
        if (k >= workingIndexes.length) break; // beyond the reference list
        const expected = at(days, at(workingIndexes, k));
        const actual = calendar.addWorkingDays(date, n);
        if (actual !== expected)
          expect(`${date} + ${n}`).toBe(`${date} + ${n} = ${expected}, got ${actual}`);
        if (working[i] === true) {
          const back = calendar.workingDaysBetween(date, actual);
          if (back !== n) expect(`${date} → ${actual}`).toBe(`${n} working days, got ${back}`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(385_000);
    expect(prefix.length).toBe(days.length);
  });

  it('workingDaysBetween agrees with the oracle for pairs across years, both directions', () => {
    const { days, prefix } = oracle;
    // Deterministic pseudo-random pairs (LCG), so failures reproduce.
    let seed = 12345;
    const rand = (max: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % max;
    };
    for (let t = 0; t < 20_000; t++) {
      const a = rand(days.length);
      const b = rand(days.length);
      const expected = at(prefix, b) - at(prefix, a);
      expect(calendar.workingDaysBetween(at(days, a), at(days, b))).toBe(expected);
    }
  });

  it('whole span 2010–2030 in one call', () => {
    const expected = at(oracle.prefix, oracle.days.length - 1) - at(oracle.prefix, 0);
    expect(calendar.workingDaysBetween('2010-01-01', '2030-12-31')).toBe(expected);
    expect(calendar.workingDaysBetween('2030-12-31', '2010-01-01')).toBe(-expected);
    expect(calendar.addWorkingDays('2010-01-01', expected)).toBe('2030-12-31');
  });

  it('is fast for spans of decades', () => {
    const started = performance.now();
    for (let i = 0; i < 1000; i++) {
      calendar.workingDaysBetween('1980-01-01', '2080-12-31');
      calendar.addWorkingDays('1980-01-01', 25_000);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('workingDaysBetween: same day 0; non-working end days count nothing', () => {
    expect(calendar.workingDaysBetween('2026-03-03', '2026-03-03')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0); // Fri → Sun
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(calendar.workingDaysBetween('2026-03-07', '2026-03-09')).toBe(1);
  });

  it('negative n counts backwards and round-trips from working days', () => {
    expect(calendar.addWorkingDays('2026-03-09', -1)).toBe('2026-03-06');
    expect(calendar.addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(calendar.addWorkingDays('2026-03-07', -1)).toBe('2026-03-06'); // from Saturday
    expect(calendar.addWorkingDays('2027-01-06', -15)).toBe('2026-12-11');
    const { days, working } = oracle;
    let checked = 0;
    for (let i = 400; i < days.length; i += 5) {
      if (working[i] !== true) continue;
      const date = at(days, i);
      for (const n of [1, 2, 5, 6, 10, 37, 120]) {
        const back = calendar.addWorkingDays(date, -n);
        expect(calendar.workingDaysBetween(date, back)).toBe(-n);
        expect(calendar.addWorkingDays(back, n)).toBe(date);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
