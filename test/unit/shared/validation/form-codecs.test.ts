// The codecs between what a form holds and what the schemas check: typed dates read as people
// type them (with the parser's message when they cannot be read), '' never read as "no", and a
// saved value written back to the form reads back as itself.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  formText,
  readTypedDate,
  typedDate,
  yesNoAnswer,
} from '../../../../shared/validation/form-codecs';

const TODAY = '2026-11-30';

describe('typedDate', () => {
  const past = typedDate({ today: TODAY, twoDigitYears: 'past' });
  const future = typedDate({ today: TODAY, twoDigitYears: 'future' });

  it.each([
    ['1/12/2025', '2025-12-01'],
    ['14/6/15', '2015-06-14'],
    ['1 Dec 2025', '2025-12-01'],
    [' 01.12.2025 ', '2025-12-01'],
    ['2025-12-01', '2025-12-01'],
  ])('reads %s as %s', (typed, iso) => {
    expect(past.decode(typed)).toBe(iso);
  });

  it('reads a two-digit year by what the field holds', () => {
    expect(past.decode('1/1/27')).toBe('1927-01-01');
    expect(future.decode('1/1/27')).toBe('2027-01-01');
  });

  it('is "not given" when blank, not an error', () => {
    expect(past.decode('')).toBeUndefined();
    expect(past.decode('   ')).toBeUndefined();
  });

  it.each(['31/04/2025', '29/02/2023', 'next Tuesday', '12/13/2025'])(
    'refuses %s with a message for beside the field',
    (typed) => {
      const r = past.safeDecode(typed);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/date|April|February|day|month/i);
      expect(readTypedDate(typed, { today: TODAY, twoDigitYears: 'past' }).error).toBe(
        r.error?.issues[0]?.message,
      );
    },
  );

  it('reports each bad date in an object at its own path, all at once', () => {
    const shape = z.object({ a: past, b: past, c: past });
    const r = shape.safeDecode({ a: '31/04/2025', b: '1/1/2020', c: 'soon' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['a', 'c']);
  });

  it('writes a saved date back as the form shows it, and reads it back as itself', () => {
    for (const iso of ['2026-03-29', '2015-06-14', '1999-12-31', undefined]) {
      const shown = past.encode(iso);
      expect(past.decode(shown)).toBe(iso);
    }
    expect(past.encode('2026-03-29')).toBe('29/03/2026');
  });
});

describe('yesNoAnswer and formText', () => {
  it('never reads an unanswered question as "no"', () => {
    expect(yesNoAnswer.decode('')).toBeUndefined();
    expect(yesNoAnswer.decode('no')).toBe(false);
    expect(yesNoAnswer.decode('yes')).toBe(true);
    for (const v of [true, false, undefined]) {
      expect(yesNoAnswer.decode(yesNoAnswer.encode(v))).toBe(v);
    }
  });

  it('refuses anything else a radio could not hold', () => {
    expect(yesNoAnswer.safeParse('maybe').success).toBe(false);
  });

  it('reads blank text as not given and keeps other text as typed', () => {
    expect(formText.decode('  ')).toBeUndefined();
    expect(formText.decode(' Leanne ')).toBe(' Leanne ');
    expect(formText.encode(undefined)).toBe('');
    expect(formText.decode(formText.encode('Tyler'))).toBe('Tyler');
  });
});
