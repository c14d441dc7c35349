import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  addMonthsIso,
  formatNhsNumber,
  formatUkDate,
  isIsoDate,
  isValidNhsNumber,
  normaliseNhsNumber,
  normalisePostcode,
  parseUkDate,
} from '../../../../shared/validation';

describe('isValidNhsNumber (domain §5, modulus 11)', () => {
  it.each(['9434765919', '943 476 5919', '943-476-5919', '4010232137', ' 401 023 2137 '])(
    'accepts %j',
    (s) => {
      expect(isValidNhsNumber(s)).toBe(true);
    },
  );

  it('accepts a number whose check result is 11 (check digit 0)', () => {
    // 0×10 + 1×9 + … + 1×2 = 11 → 11 − 0 = 11 → 0
    expect(isValidNhsNumber('0100000010')).toBe(true);
  });

  it.each([
    ['bad check digit', '9434765918'],
    ['check result 10 (never issued)', '1234567890'],
    ['check result 10, any last digit', '1234567891'],
    ['9 digits', '943476591'],
    ['11 digits', '94347659190'],
    ['letters', '943476591A'],
    ['other separators', '943.476.5919'],
    ['empty', ''],
    ['repeated-digit placeholder', '0000000000'],
    ['repeated-digit placeholder passing checksum', '1111111111'],
  ])('rejects %s', (_label, s) => {
    expect(isValidNhsNumber(s)).toBe(false);
  });

  it('normalises to 10 digits or null', () => {
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(normaliseNhsNumber('943 476 5918')).toBeNull();
  });

  it('formats 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('943-4765919')).toBe('943 476 5919');
    expect(formatNhsNumber(' 12345 ')).toBe('12345');
  });
});

describe('normalisePostcode (domain §5)', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    [' ec1a 1bb ', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'],
    ['m11ae', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['cr2 6xh', 'CR2 6XH'],
    ['DN55   1PT', 'DN55 1PT'],
    ['gir 0aa', 'GIR 0AA'],
  ])('%j → %j', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each([
    '',
    'SW1A',
    '1AA SW1',
    'SW1A 1A',
    'SW1A 1AAA',
    'QW1A 1AA',
    'SW1A 1CA',
    'SW1A-1AA',
    'ABCDEFG',
    '12345',
  ])('rejects %j', (s) => {
    expect(normalisePostcode(s)).toBeNull();
  });
});

describe('parseUkDate (strict DD/MM/YYYY)', () => {
  it.each([
    ['29/02/2024', '2024-02-29'],
    ['27/03/2024', '2024-03-27'],
    [' 01/01/1900 ', '1900-01-01'],
    ['31/12/9999', '9999-12-31'],
    ['29/02/2000', '2000-02-29'],
  ])('parses %j', (s, iso) => {
    expect(parseUkDate(s)).toBe(iso);
  });

  it.each([
    ['29/02/2023', 'not a leap year'],
    ['30/02/2024', 'no 30 February'],
    ['31/04/2025', 'April has 30 days'],
    ['29/02/1900', '1900 is not a leap year'],
    ['00/00/0000', 'zeros'],
    ['00/01/2024', 'day zero'],
    ['01/13/2024', 'month 13'],
    ['1/2/2024', 'single-digit day and month (strict rule)'],
    ['01/02/24', 'two-digit year'],
    ['01/02/10000', 'five-digit year'],
    ['31/12/1899', 'before 1900'],
    ['2024-02-01', 'ISO is not the entry format'],
    ['01-02-2024', 'dashes'],
    ['', 'empty'],
  ])('rejects %j (%s)', (s) => {
    expect(parseUkDate(s)).toBeNull();
  });

  it('formats ISO for display and leaves non-dates alone', () => {
    expect(formatUkDate('2024-03-27')).toBe('27/03/2024');
    expect(formatUkDate('2024-02-30')).toBe('2024-02-30');
  });

  it('isIsoDate checks real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(isIsoDate('2024-02-29T00:00:00Z')).toBe(false);
  });

  it('does calendar arithmetic without roll-over surprises', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2024-01-15', -1)).toBe('2023-12-15');
    expect(addMonthsIso('2024-05-15', 10)).toBe('2025-03-15');
  });
});
