// CIN census 2024-25 specification: Sex (M, F, U) replaces Gender (0, 1, 2, 9) from the
// collection year starting 1 April 2024.

import { describe, expect, it } from 'vitest';
import {
  GENDER,
  SEX,
  censusSex,
  collectionYearFor,
  isRetired,
  isValidIn,
  labelFor,
} from '../../../../shared/codes';

describe('Gender (to 2023-24) and Sex (from 2024-25) code lists', () => {
  it('Gender has 0, 1, 2 and 9 with their labels, last used in 2023-24', () => {
    expect(GENDER.map((g) => [g.code, g.label])).toEqual([
      ['0', 'Not recorded or unborn'],
      ['1', 'Male'],
      ['2', 'Female'],
      ['9', 'Indeterminate'],
    ]);
    for (const g of GENDER) {
      expect(g.validTo).toBe(2023);
      expect(isValidIn(g, 2023)).toBe(true);
      expect(isValidIn(g, 2024)).toBe(false);
      expect(isRetired(g, 2024)).toBe(true);
    }
  });

  it('Sex has M, F and U with their labels, first used in 2024-25', () => {
    expect(SEX.map((s) => [s.code, s.label])).toEqual([
      ['M', 'Male'],
      ['F', 'Female'],
      ['U', 'Not known'],
    ]);
    for (const s of SEX) {
      expect(s.validFrom).toBe(2024);
      expect(isValidIn(s, 2023)).toBe(false);
      expect(isValidIn(s, 2024)).toBe(true);
    }
    expect(labelFor(SEX, 'U')).toBe('Not known');
    expect(labelFor(SEX, '1')).toBeUndefined();
  });

  it('the change falls on 1 April 2024', () => {
    expect(censusSex('1', false, collectionYearFor('2024-03-31')).field).toBe('Gender');
    expect(censusSex('1', false, collectionYearFor('2024-04-01')).field).toBe('Sex');
  });
});

describe('censusSex', () => {
  it.each([
    ['1', 'M'],
    ['2', 'F'],
    ['0', 'U'],
    ['9', 'U'],
    ['M', 'M'],
    ['F', 'F'],
    ['U', 'U'],
  ])('from 2024-25 a stored %s is Sex %s', (stored, code) => {
    expect(censusSex(stored, false, 2024)).toEqual({ field: 'Sex', code });
    expect(censusSex(stored, false, 2030)).toEqual({ field: 'Sex', code });
  });

  it.each([
    ['M', '1'],
    ['F', '2'],
    ['U', '0'],
    ['0', '0'],
    ['1', '1'],
    ['2', '2'],
    ['9', '9'],
  ])('before 2024-25 a stored %s is Gender %s', (stored, code) => {
    expect(censusSex(stored, false, 2023)).toEqual({ field: 'Gender', code });
    expect(censusSex(stored, false, 2015)).toEqual({ field: 'Gender', code });
  });

  it('an unborn child is always U, or 0 before 2024-25', () => {
    for (const stored of ['U', '0', 'M', '2']) {
      expect(censusSex(stored, true, 2024)).toEqual({ field: 'Sex', code: 'U' });
      expect(censusSex(stored, true, 2023)).toEqual({ field: 'Gender', code: '0' });
    }
  });

  it('refuses a value that is neither a Sex nor a Gender code, rather than guess', () => {
    expect(() => censusSex('X', false, 2024)).toThrow(RangeError);
    expect(() => censusSex('', false, 2023)).toThrow(RangeError);
    expect(() => censusSex('m', false, 2024)).toThrow(RangeError);
  });
});
