import { describe, expect, it } from 'vitest';
import {
  looksLikeTypedDate,
  parseLondonDateTime,
  parseTypedDate,
  parseTypedTime,
  type TwoDigitYears,
} from '../../../../shared/validation/typed-dates';

const today = '2026-11-30';
const read = (text: string, twoDigitYears: TwoDigitYears = 'past') =>
  parseTypedDate(text, { today, twoDigitYears });

describe('parseTypedDate: dates as people type them', () => {
  it.each([
    ['01/12/2026', '2026-12-01'],
    ['1/12/2026', '2026-12-01'],
    [' 1/12/2026 ', '2026-12-01'],
    ['1.12.2026', '2026-12-01'],
    ['1-12-2026', '2026-12-01'],
    ['1 12 2026', '2026-12-01'],
    ['1 Dec 2026', '2026-12-01'],
    ['1 dec 2026', '2026-12-01'],
    ['1st December 2026', '2026-12-01'],
    ['1 Sept 2026', '2026-09-01'],
    ['01-Dec-26', '2026-12-01'],
    ['2026-12-01', '2026-12-01'],
    ['29/02/2024', '2024-02-29'],
    ['14/6/15', '2015-06-14'],
    ['14/6/26', '2026-06-14'],
    ['14/6/30', '1930-06-14'],
    ['14/6/99', '1999-06-14'],
  ])('%s → %s (a date in the past)', (text, iso) => {
    expect(read(text)).toEqual({ ok: true, date: iso });
  });

  it('reads a two-digit year by what the field holds', () => {
    // An expected date of birth in the future; a received date near today.
    expect(read('3/1/27', 'future')).toEqual({ ok: true, date: '2027-01-03' });
    expect(read('3/1/26', 'future')).toEqual({ ok: true, date: '2026-01-03' });
    expect(read('3/1/25', 'near')).toEqual({ ok: true, date: '2025-01-03' });
    expect(read('3/1/80', 'near')).toEqual({ ok: true, date: '1980-01-03' });
    expect(read('3/1/70', 'near')).toEqual({ ok: true, date: '2070-01-03' });
    expect(read('3/1/75', 'near')).toEqual({ ok: true, date: '2075-01-03' });
  });

  it.each([
    ['29/02/2023', /February 2023 has no day 29/],
    ['30/02/2024', /February 2024 has no day 30/],
    ['31/04/2025', /April 2025 has no day 31/],
    ['00/00/0000', /month from 1 to 12/],
    ['32/01/2026', /January 2026 has no day 32/],
    ['1/13/2026', /month from 1 to 12/],
    ['1 Smarch 2026', /“Smarch” is not a month/],
    ['12/2026', /day, month and year/],
    ['2026/12/01', /day, month and year/],
    ['01/01/1899', /year from 1900/],
    ['01/01/10000', /day, month and year/],
    ['yesterday', /day, month and year/],
    ['', /Enter a date/],
  ])('%s is refused: %s', (text, message) => {
    const r = read(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('parseLondonDateTime: one reading of a typed London date and time', () => {
  const opts = { today: '2026-10-25', twoDigitYears: 'near', what: 'of the decision' } as const;

  it('reads the date and time as typed', () => {
    expect(parseLondonDateTime({ date: '1/7/26', time: '9:05' }, opts)).toEqual({
      kind: 'ok',
      instant: '2026-07-01T08:05:00.000Z',
    });
    expect(parseLondonDateTime({ date: '', time: '' }, opts)).toEqual({ kind: 'blank' });
    expect(parseLondonDateTime({ date: '31/04/2026', time: '10:00' }, opts)).toMatchObject({
      kind: 'error',
      on: 'date',
    });
    expect(parseLondonDateTime({ date: '01/07/2026', time: '25:00' }, opts)).toMatchObject({
      kind: 'error',
      on: 'time',
    });
  });

  it('01:30 on the night the clocks go back: asks which, then takes the choice', () => {
    const v = { date: '25/10/2026', time: '01:30' };
    const ask = parseLondonDateTime(v, opts);
    expect(ask).toMatchObject({
      kind: 'choose',
      earlier: '2026-10-25T00:30:00.000Z',
      later: '2026-10-25T01:30:00.000Z',
    });
    expect(parseLondonDateTime({ ...v, choice: 'earlier' }, opts)).toEqual({
      kind: 'ok',
      instant: '2026-10-25T00:30:00.000Z',
    });
    expect(parseLondonDateTime({ ...v, choice: 'later' }, opts)).toEqual({
      kind: 'ok',
      instant: '2026-10-25T01:30:00.000Z',
    });
  });

  it('01:30 on the night the clocks go forward does not exist: refused, never shifted', () => {
    const r = parseLondonDateTime({ date: '29/03/2026', time: '01:30', choice: 'later' }, opts);
    expect(r).toMatchObject({ kind: 'error', on: 'time' });
    if (r.kind === 'error') expect(r.message).toMatch(/does not exist/);
  });

  it.each([
    ['9:05', '09:05'],
    ['0905', '09:05'],
    ['09.05', '09:05'],
    ['23:59', '23:59'],
    ['24:00', null],
    ['9', null],
    ['9:5', null],
  ])('time %s → %s', (text, expected) => {
    expect(parseTypedTime(text)).toBe(expected);
  });
});

describe('looksLikeTypedDate', () => {
  it.each([
    ['31/02/2019', true],
    ['1-2-15', true],
    ['2019-09-30', true],
    ['30th Sept 2019', true],
    ['30 Quay 2019', false],
    ['Amy Smith', false],
    ['HB2 3PD', false],
    ['FD-2026-000123', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeTypedDate(text)).toBe(expected);
  });
});
