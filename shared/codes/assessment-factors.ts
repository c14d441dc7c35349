// CIN census AssessmentFactors (domain §3; CIN census specification, "factors identified at the
// end of assessment"). Codes carry valid-from/valid-to collection years; retired codes stay
// readable on old records but are not offered for new ones.

import type { CodeEntry } from './code-list';
import { isRetired, isValidIn } from './code-list';
import type { CollectionYear } from './collection-year';
import { collectionYearLabel } from './collection-year';

/** Last collection year of the retired single codes 8A, 18A and 19A [verify: assumed 2017-18]. */
const SPLIT_LAST_YEAR = 2017;
/** First collection year of their replacements [verify: assumed 2018-19]. */
const SPLIT_FIRST_YEAR = 2018;
const SPLIT_NOTE =
  'Retired single code replaced by more specific codes; the year of the change is not confirmed [verify]';
const REPLACEMENT_NOTE = 'Replaced a single retired code; first year not confirmed [verify]';

type Factor = CodeEntry & { group: string };

const f = (
  code: string,
  group: string,
  label: string,
  validFrom: CollectionYear | null = null,
  validTo: CollectionYear | null = null,
  note?: string,
): Factor =>
  note === undefined
    ? { code, group, label, validFrom, validTo }
    : { code, group, label, validFrom, validTo, note };

const threeWay = (n: number, group: string): Factor[] => [
  f(`${n}A`, group, `${group}: concerns about the child`),
  f(`${n}B`, group, `${group}: concerns about the parent or carer`),
  f(`${n}C`, group, `${group}: concerns about another person living in the household`),
];

export const ASSESSMENT_FACTORS: readonly Factor[] = [
  ...threeWay(1, 'Alcohol misuse'),
  ...threeWay(2, 'Drug misuse'),
  f('3A', 'Domestic abuse', 'Domestic abuse: the child is the subject'),
  f('3B', 'Domestic abuse', 'Domestic abuse: the parent or carer is the subject'),
  f('3C', 'Domestic abuse', 'Domestic abuse: another person in the household is the subject'),
  ...threeWay(4, 'Mental health'),
  ...threeWay(5, 'Learning disability'),
  ...threeWay(6, 'Physical disability or illness'),
  f('7A', 'Young carer', 'Young carer'),
  f('8A', 'Privately fostered', 'Privately fostered', null, SPLIT_LAST_YEAR, SPLIT_NOTE),
  f(
    '8B',
    'Privately fostered',
    'Privately fostered: overseas child who intends to return',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f(
    '8C',
    'Privately fostered',
    'Privately fostered: overseas child who intends to stay',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f(
    '8D',
    'Privately fostered',
    'Privately fostered: UK child in an educational placement',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f(
    '8E',
    'Privately fostered',
    'Privately fostered: UK child in an alternative family arrangement',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f(
    '8F',
    'Privately fostered',
    'Privately fostered: other',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f('9A', 'Unaccompanied asylum-seeking child', 'Unaccompanied asylum-seeking child'),
  f('10A', 'Going or being missing', 'Going or being missing'),
  f('11A', 'Child sexual exploitation', 'Child sexual exploitation'),
  f('12A', 'Trafficking', 'Trafficking'),
  f('13A', 'Gangs', 'Gangs'),
  f('14A', 'Socially unacceptable behaviour', 'Socially unacceptable behaviour'),
  f('15A', 'Self-harm', 'Self-harm'),
  f('16A', 'Neglect', 'Neglect'),
  f('17A', 'Emotional abuse', 'Emotional abuse'),
  f('18A', 'Physical abuse', 'Physical abuse', null, SPLIT_LAST_YEAR, SPLIT_NOTE),
  f(
    '18B',
    'Physical abuse',
    'Physical abuse: child on child',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f(
    '18C',
    'Physical abuse',
    'Physical abuse: adult on child',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f('19A', 'Sexual abuse', 'Sexual abuse', null, SPLIT_LAST_YEAR, SPLIT_NOTE),
  f(
    '19B',
    'Sexual abuse',
    'Sexual abuse: child on child',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f(
    '19C',
    'Sexual abuse',
    'Sexual abuse: adult on child',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f('20', 'Other', 'Other'),
  f('21', 'No factors identified', 'No factors identified'),
  f('22A', 'Female genital mutilation', 'Female genital mutilation'),
  f('23A', 'Abuse linked to faith or belief', 'Abuse linked to faith or belief'),
  // CIN census 2022-23 spec: 24A child criminal exploitation added (domain §3: "from 2022").
  f('24A', 'Child criminal exploitation', 'Child criminal exploitation', 2022, null),
];

export type AssessmentFactor = (typeof ASSESSMENT_FACTORS)[number];

/** Domain §3: 21 "no factors identified" must stand alone. */
export const NO_FACTORS_CODE = '21';

const BY_CODE: ReadonlyMap<string, Factor> = new Map(ASSESSMENT_FACTORS.map((e) => [e.code, e]));

export function assessmentFactor(code: string): AssessmentFactor | undefined {
  return BY_CODE.get(code);
}

/** Factors a worker may choose for a record in this collection year (retired and future excluded). */
export function selectableAssessmentFactors(year: CollectionYear): AssessmentFactor[] {
  return ASSESSMENT_FACTORS.filter((e) => isValidIn(e, year));
}

export type CodeError = { code: string; message: string };

/**
 * Checks a set of assessment factor codes.
 * - unknown codes are errors;
 * - codes not yet introduced in the collection year are errors;
 * - retired codes are errors on a new record but accepted on an existing one (readable history);
 * - 21 (no factors identified) cannot be combined with other factors;
 * - a code listed twice is an error.
 */
export function validateAssessmentFactors(
  codes: readonly string[],
  options: { collectionYear: CollectionYear; isNewRecord: boolean },
): CodeError[] {
  const { collectionYear, isNewRecord } = options;
  const yearLabel = collectionYearLabel(collectionYear);
  const errors: CodeError[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) {
      errors.push({ code, message: `Factor ${code} is listed more than once` });
      continue;
    }
    seen.add(code);
    const entry = BY_CODE.get(code);
    if (!entry) {
      errors.push({ code, message: `'${code}' is not a census assessment factor` });
      continue;
    }
    if (entry.validFrom !== null && collectionYear < entry.validFrom) {
      errors.push({
        code,
        message: `'${entry.label}' (${code}) was introduced in ${collectionYearLabel(entry.validFrom)} and cannot be used for ${yearLabel}`,
      });
      continue;
    }
    if (isNewRecord && isRetired(entry, collectionYear)) {
      errors.push({
        code,
        message: `'${entry.label}' (${code}) is no longer used: choose one of the more specific factors`,
      });
    }
  }
  if (seen.has(NO_FACTORS_CODE) && seen.size > 1) {
    errors.push({
      code: NO_FACTORS_CODE,
      message: "'No factors identified' (21) cannot be combined with other factors",
    });
  }
  return errors;
}
