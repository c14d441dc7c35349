import { describe, it, expect } from 'vitest';
import {
  BANK_HOLIDAY_TABLE,
  bankHolidays,
  createWorkingDayCalendar,
  easterSunday,
  isProvisionalYear,
} from '../../../../shared/calendar';
import { fromEpochDay } from '../../../../shared/calendar/dates';
import { referenceHolidays } from './reference-holidays';

const dates = (year: number): string[] => bankHolidays(year).map((h) => h.date);
const nameOn = (date: string): string | undefined =>
  bankHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.name;

describe('bank holidays against the domain §4 reference list', () => {
  const reference = referenceHolidays();

  it('covers every year 2010–2030', () => {
    expect([...reference.keys()]).toEqual(Array.from({ length: 21 }, (_, i) => 2010 + i));
  });

  for (const [year, expected] of reference) {
    it(`${year} equals the reference list exactly`, () => {
      expect(dates(year)).toEqual(expected);
    });
  }

  it('every reference date is a non-working day and every other weekday is a working day', () => {
    const calendar = createWorkingDayCalendar();
    const all = new Set([...reference.values()].flat());
    for (const date of all) expect(calendar.isWorkingDay(date)).toBe(false);
    const from = Date.UTC(2010, 0, 1) / 86_400_000;
    const to = Date.UTC(2030, 11, 31) / 86_400_000;
    for (let day = from; day <= to; day++) {
      const date = fromEpochDay(day);
      const weekday = new Date(day * 86_400_000).getUTCDay();
      const expected = weekday !== 0 && weekday !== 6 && !all.has(date);
      expect(calendar.isWorkingDay(date), date).toBe(expected);
    }
  });
});

describe('Easter (Gregorian computus)', () => {
  it.each([
    [2010, '2010-04-04'],
    [2011, '2011-04-24'], // latest in the reference range
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('Easter Sunday %i is %s', (year, expected) => {
    expect(fromEpochDay(easterSunday(year))).toBe(expected);
  });

  it('Good Friday is two days before and Easter Monday the day after', () => {
    expect(nameOn('2024-03-29')).toBe('Good Friday');
    expect(nameOn('2024-04-01')).toBe('Easter Monday');
  });
});

describe('substitute days', () => {
  it('New Year on a Saturday → Monday 3 January (2011, 2022)', () => {
    expect(dates(2011)[0]).toBe('2011-01-03');
    expect(dates(2022)[0]).toBe('2022-01-03');
    expect(nameOn('2022-01-03')).toBe('New Year’s Day (substitute day)');
  });

  it('New Year on a Sunday → Monday 2 January (2012, 2017, 2023)', () => {
    expect(dates(2012)[0]).toBe('2012-01-02');
    expect(dates(2017)[0]).toBe('2017-01-02');
    expect(dates(2023)[0]).toBe('2023-01-02');
  });

  it('25 Dec on a Saturday → Mon 27 and Tue 28 (2010, 2021, 2027)', () => {
    for (const year of [2010, 2021, 2027]) {
      expect(dates(year).slice(-2)).toEqual([`${year}-12-27`, `${year}-12-28`]);
    }
    expect(nameOn('2021-12-27')).toBe('Christmas Day (substitute day)');
    expect(nameOn('2021-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('25 Dec on a Sunday → Mon 26 and Tue 27 (2011, 2016, 2022)', () => {
    for (const year of [2011, 2016, 2022]) {
      expect(dates(year).slice(-2)).toEqual([`${year}-12-26`, `${year}-12-27`]);
    }
    expect(nameOn('2022-12-26')).toBe('Boxing Day');
    expect(nameOn('2022-12-27')).toBe('Christmas Day (substitute day)');
  });

  it('26 Dec on a Saturday → Mon 28 (2015, 2020, 2026)', () => {
    for (const year of [2015, 2020, 2026]) {
      expect(dates(year).slice(-2)).toEqual([`${year}-12-25`, `${year}-12-28`]);
    }
    expect(nameOn('2026-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('Christmas Monday to Thursday needs no substitute', () => {
    expect(dates(2028).slice(-2)).toEqual(['2028-12-25', '2028-12-26']); // Monday
    expect(dates(2025).slice(-2)).toEqual(['2025-12-25', '2025-12-26']); // Thursday
  });

  it('no bank holiday ever falls on a weekend, 1978–2200', () => {
    for (let year = 1978; year <= 2200; year++) {
      for (const h of bankHolidays(year)) {
        const weekday = new Date(`${h.date}T00:00:00Z`).getUTCDay();
        expect(weekday === 0 || weekday === 6, h.date).toBe(false);
      }
    }
  });
});

describe('one-off changes (shipped table)', () => {
  it('2011: royal wedding Fri 29 April added', () => {
    expect(dates(2011)).toContain('2011-04-29');
    expect(bankHolidays(2011).find((h) => h.date === '2011-04-29')?.kind).toBe('one-off');
  });

  it('2012: spring holiday moved to Mon 4 June, Tue 5 June added, 28 May removed', () => {
    expect(dates(2012)).toContain('2012-06-04');
    expect(dates(2012)).toContain('2012-06-05');
    expect(dates(2012)).not.toContain('2012-05-28');
  });

  it('2020: early May moved to Fri 8 May, 4 May removed', () => {
    expect(dates(2020)).toContain('2020-05-08');
    expect(dates(2020)).not.toContain('2020-05-04');
  });

  it('2022: spring moved to Thu 2 June, Fri 3 June added, 30 May removed; Mon 19 Sep added', () => {
    expect(dates(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(dates(2022)).not.toContain('2022-05-30');
  });

  it('2023: coronation Mon 8 May added alongside early May 1 May', () => {
    expect(dates(2023)).toEqual(expect.arrayContaining(['2023-05-01', '2023-05-08']));
  });

  it('the table names its source, range and every change', () => {
    expect(BANK_HOLIDAY_TABLE.source).toMatch(/gov\.uk\/bank-holidays/);
    expect(BANK_HOLIDAY_TABLE.source).toMatch(/Royal Proclamation/);
    expect(BANK_HOLIDAY_TABLE.validFromYear).toBe(2010);
    expect(BANK_HOLIDAY_TABLE.validToYear).toBeGreaterThanOrEqual(2027);
    expect(BANK_HOLIDAY_TABLE.changes.map((c) => c.date)).toEqual([
      '2011-04-29',
      '2012-06-04',
      '2012-06-05',
      '2020-05-08',
      '2022-06-02',
      '2022-06-03',
      '2022-09-19',
      '2023-05-08',
    ]);
    for (const change of BANK_HOLIDAY_TABLE.changes) expect(change.source).not.toBe('');
  });

  it('years beyond the table are computed by rule and marked provisional', () => {
    const after = BANK_HOLIDAY_TABLE.validToYear + 1;
    expect(isProvisionalYear(after)).toBe(true);
    expect(isProvisionalYear(BANK_HOLIDAY_TABLE.validToYear)).toBe(false);
    expect(isProvisionalYear(2009)).toBe(true);
    expect(bankHolidays(2031).every((h) => h.kind === 'rule')).toBe(true);
    expect(dates(2031)).toEqual([
      '2031-01-01',
      '2031-04-11',
      '2031-04-14',
      '2031-05-05',
      '2031-05-26',
      '2031-08-25',
      '2031-12-25',
      '2031-12-26',
    ]);
  });
});

describe('bankHolidays input', () => {
  it('rejects years outside 1978–9999 and non-integers with a clear message', () => {
    expect(() => bankHolidays(1977)).toThrow(/Invalid year 1977.*1978 to 9999/);
    expect(() => bankHolidays(10000)).toThrow(/Invalid year/);
    expect(() => bankHolidays(2024.5)).toThrow(/Invalid year/);
  });

  it('returns the same frozen list on repeat calls (cached per year)', () => {
    expect(bankHolidays(2024)).toBe(bankHolidays(2024));
    expect(Object.isFrozen(bankHolidays(2024))).toBe(true);
  });
});
