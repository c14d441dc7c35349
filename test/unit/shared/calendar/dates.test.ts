import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addMonthsIso,
  isIsoDate,
  isIsoDateInYears,
} from '../../../../shared/calendar';
import { parseIsoDate } from '../../../../shared/calendar/dates';
import { isIsoDate as isValidationIsoDate, parseUkDate } from '../../../../shared/validation';

describe('isIsoDateInYears', () => {
  it('accepts a real date inside the range, boundaries included', () => {
    expect(isIsoDateInYears('1900-01-01', 1900, 9999)).toBe(true);
    expect(isIsoDateInYears('9999-12-31', 1900, 9999)).toBe(true);
    expect(isIsoDateInYears('2024-02-29', 2024, 2024)).toBe(true);
  });

  it('refuses a real date outside the range', () => {
    expect(isIsoDateInYears('1899-12-31', 1900, 9999)).toBe(false);
    expect(isIsoDateInYears('2025-01-01', 1900, 2024)).toBe(false);
  });

  it.each(['2023-02-29', '2024-02-30', '2025-04-31', '2024-13-01', '2024-00-10', '2024-01-00'])(
    'refuses %j, which is not in the calendar',
    (s) => {
      expect(isIsoDateInYears(s, 1, 9999)).toBe(false);
    },
  );

  it.each(['2024-4-1', '2024-04-01T00:00:00Z', ' 2024-04-01', '24-04-01', '', 'today'])(
    'refuses %j, which is not strict YYYY-MM-DD',
    (s) => {
      expect(isIsoDateInYears(s, 1, 9999)).toBe(false);
    },
  );

  it('refuses values that are not strings', () => {
    expect(isIsoDateInYears(undefined, 1, 9999)).toBe(false);
    expect(isIsoDateInYears(20240101, 1, 9999)).toBe(false);
  });

  // Date.UTC would read these years as 1904, 1900 and 1950.
  it('applies the Gregorian leap-year rule to years before 100', () => {
    expect(isIsoDateInYears('0004-02-29', 1, 9999)).toBe(true);
    expect(isIsoDateInYears('0100-02-29', 1, 9999)).toBe(false);
    expect(isIsoDateInYears('0050-01-01', 1, 9999)).toBe(true);
  });
});

describe('one rule, two year ranges', () => {
  it('the calendar refuses years before the bank-holiday rules; validation does not', () => {
    expect(isIsoDate('1977-12-31')).toBe(false);
    expect(isIsoDate('1978-01-01')).toBe(true);
    expect(isValidationIsoDate('1977-12-31')).toBe(true);
    expect(isValidationIsoDate('0001-01-01')).toBe(true);
    expect(isValidationIsoDate('0000-01-01')).toBe(false);
  });

  it('typed dates keep the 1900 floor', () => {
    expect(parseUkDate('01/01/1900')).toBe('1900-01-01');
    expect(parseUkDate('31/12/1899')).toBeNull();
  });

  it('says a year before 100 is out of range, not that the day does not exist', () => {
    expect(() => parseIsoDate('0050-01-01')).toThrow(/only known for 1978 to 9999/);
  });
});

describe('month arithmetic', () => {
  it('checked and unchecked month addition agree inside the calendar range', () => {
    for (const from of ['2024-01-31', '2023-11-30', '2024-02-29', '1999-12-31']) {
      for (const n of [-25, -12, -1, 0, 1, 3, 12, 25]) {
        expect(addMonthsIso(from, n)).toBe(addCalendarMonths(from, n));
      }
    }
  });

  it('unchecked month addition works before the calendar range', () => {
    expect(addMonthsIso('1950-03-31', -1)).toBe('1950-02-28');
    expect(() => addCalendarMonths('1950-03-31', -1)).toThrow(/1978 to 9999/);
  });
});
