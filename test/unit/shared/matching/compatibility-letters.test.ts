// Names typed with full-width letters (an East Asian input method) or ligatures key and sound
// like the plain letters, so person matching and search treat them as the same name.
import { describe, expect, it } from 'vitest';
import { nameKey, phoneticKeys } from '../../../../shared/matching';

describe('compatibility letters in names', () => {
  it.each([
    ['Ｐａｒｋ', 'park'],
    ['ＯＺＴÜＲＫ', 'ozturk'],
    ['ﬁnn', 'finn'],
    ['Ｏ’Ｂｒｉｅｎ', 'obrien'],
    ['École', 'ecole'],
  ])('%s keys as %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('sounds like the plain spelling', () => {
    expect(phoneticKeys('Ｓｍｙｔｈ')).toEqual(phoneticKeys('Smith'));
  });
});
