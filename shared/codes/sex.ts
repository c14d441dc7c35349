// CIN census child Sex and, before it, Gender.
// CIN census 2024-25 business and technical specification: "New data item <Sex> (N00783) replaces
// <Gender> (N00007)", with the values F, M and U (CBDS change RFC 1233). Earlier collection years
// used Gender: 0 not recorded (also an unborn child), 1 male, 2 female, 9 indeterminate.

import type { CodeEntry } from './code-list';
import type { CollectionYear } from './collection-year';

/** Last collection year that used Gender (2023-24). */
export const GENDER_LAST_YEAR: CollectionYear = 2023;
/** First collection year that uses Sex (2024-25, from 1 April 2024). */
export const SEX_FIRST_YEAR: CollectionYear = 2024;

export const GENDER_CODES = ['0', '1', '2', '9'] as const;
export type GenderCode = (typeof GENDER_CODES)[number];

export const SEX_CODES = ['M', 'F', 'U'] as const;
export type SexCode = (typeof SEX_CODES)[number];

/** Census Gender (to 2023-24): kept so records made before 2024-25 stay readable. */
export const GENDER: readonly CodeEntry<GenderCode>[] = [
  { code: '0', label: 'Not recorded or unborn', validFrom: null, validTo: GENDER_LAST_YEAR },
  { code: '1', label: 'Male', validFrom: null, validTo: GENDER_LAST_YEAR },
  { code: '2', label: 'Female', validFrom: null, validTo: GENDER_LAST_YEAR },
  { code: '9', label: 'Indeterminate', validFrom: null, validTo: GENDER_LAST_YEAR },
];

/** Census Sex (from 2024-25). U covers "not known or not recorded" and an unborn child. */
export const SEX: readonly CodeEntry<SexCode>[] = [
  { code: 'M', label: 'Male', validFrom: SEX_FIRST_YEAR, validTo: null },
  { code: 'F', label: 'Female', validFrom: SEX_FIRST_YEAR, validTo: null },
  { code: 'U', label: 'Not known', validFrom: SEX_FIRST_YEAR, validTo: null },
];

export function isGenderCode(value: string): value is GenderCode {
  return (GENDER_CODES as readonly string[]).includes(value);
}

export function isSexCode(value: string): value is SexCode {
  return (SEX_CODES as readonly string[]).includes(value);
}

/** Gender → Sex. "Indeterminate" has no Sex code of its own: the nearest is U (not known). */
const SEX_FOR_GENDER: Record<GenderCode, SexCode> = { '0': 'U', '1': 'M', '2': 'F', '9': 'U' };
/** Sex → Gender, for a return to a collection year before 2024-25. */
const GENDER_FOR_SEX: Record<SexCode, GenderCode> = { M: '1', F: '2', U: '0' };

export type CensusSex = { field: 'Gender'; code: GenderCode } | { field: 'Sex'; code: SexCode };

/**
 * The census item for a child's stored sex in a collection year: `Sex` (M/F/U) from 2024-25,
 * `Gender` (0/1/2/9) before. A record may hold either kind of code (records made before 2024-25
 * keep their Gender code), so each is translated to the year's item. An unborn child is always
 * U, or 0 before 2024-25, whatever is stored.
 * @throws RangeError if `stored` is neither a Sex nor a Gender code: a record that passed the
 *   child schema never holds one, so this is a data fault to fix, not a value to guess.
 */
export function censusSex(stored: string, unborn: boolean, year: CollectionYear): CensusSex {
  const sex: SexCode | undefined = isSexCode(stored)
    ? stored
    : isGenderCode(stored)
      ? SEX_FOR_GENDER[stored]
      : undefined;
  if (sex === undefined && !unborn) {
    throw new RangeError(`Not a census sex or gender code: ${JSON.stringify(stored)}`);
  }
  if (year >= SEX_FIRST_YEAR) return { field: 'Sex', code: unborn ? 'U' : (sex ?? 'U') };
  if (unborn) return { field: 'Gender', code: '0' };
  // Keep the record's own Gender code where it has one: 9 (indeterminate) has no Sex equivalent.
  if (isGenderCode(stored)) return { field: 'Gender', code: stored };
  return { field: 'Gender', code: GENDER_FOR_SEX[sex ?? 'U'] };
}
