// CIN census AssessmentFactors (CIN census specification and guide, "factors identified at the
// end of assessment"). Codes carry valid-from/valid-to collection years; retired codes stay
// readable on old records but are not offered for new ones.

import type { CodeEntry } from './code-list';
import { isRetired, isValidIn } from './code-list';
import type { CollectionYear } from './collection-year';
import { collectionYearLabel } from './collection-year';
import type { ResponseType } from '../domain/types';

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

/** 1 and 2: misuse by the child, by the parent(s) or carer(s), by another household member. */
const misuse = (n: number, group: string, what: string): Factor[] => [
  f(`${n}A`, group, `${group}: concerns about ${what} by the child`),
  f(`${n}B`, group, `${group}: concerns about ${what} by the parent(s) or carer(s)`),
  f(`${n}C`, group, `${group}: concerns about ${what} by another person living in the household`),
];

/** 4 to 6: the child, the parent(s) or carer(s), another person in the family or household. */
const concernOf = (n: number, group: string, what: string): Factor[] => [
  f(`${n}A`, group, `${group}: concerns about ${what} of the child`),
  f(`${n}B`, group, `${group}: concerns about ${what} of the parent(s) or carer(s)`),
  f(`${n}C`, group, `${group}: concerns about ${what} of another person in the family/household`),
];

const privatelyFostered = (code: string, label: string): Factor =>
  f(code, 'Privately fostered', label, SPLIT_FIRST_YEAR, null, REPLACEMENT_NOTE);

/**
 * Labels as the DfE children in need census guide publishes them ("Factors identified at the end
 * of assessment"). The group gathers related codes in the picker: the words before the colon,
 * except that "Abuse or neglect" is split by kind of abuse.
 */
export const ASSESSMENT_FACTORS: readonly Factor[] = [
  ...misuse(1, 'Alcohol misuse', 'alcohol misuse'),
  ...misuse(2, 'Drug misuse', 'drug misuse'),
  f(
    '3A',
    'Domestic violence',
    'Domestic violence: concerns about the child being the subject of domestic violence',
  ),
  f(
    '3B',
    'Domestic violence',
    "Domestic violence: concerns about the child's parent(s) or carer(s) being the subject of domestic violence",
  ),
  f(
    '3C',
    'Domestic violence',
    'Domestic violence: concerns about another person living in the household being the subject of domestic violence',
  ),
  ...concernOf(4, 'Mental health', 'the mental health'),
  ...concernOf(5, 'Learning disability', 'the learning disability'),
  ...concernOf(6, 'Physical disability or illness', 'the physical disability or illness'),
  f('7A', 'Young carer', 'Young carer'),
  f('8A', 'Privately fostered', 'Privately fostered', null, SPLIT_LAST_YEAR, SPLIT_NOTE),
  privatelyFostered('8B', 'Privately fostered: overseas children who intend to return'),
  privatelyFostered('8C', 'Privately fostered: overseas children who intend to stay'),
  privatelyFostered('8D', 'Privately fostered: UK children in educational placements'),
  privatelyFostered('8E', 'Privately fostered: UK children making alternative family arrangements'),
  privatelyFostered('8F', 'Privately fostered: other'),
  f('9A', 'Unaccompanied asylum-seeking children', 'Unaccompanied asylum-seeking children (UASC)'),
  f('10A', 'Going or being missing', 'Going/being missing'),
  f('11A', 'Child sexual exploitation', 'Child sexual exploitation'),
  f('12A', 'Trafficking', 'Trafficking'),
  f('13A', 'Gangs', 'Gangs'),
  f('14A', 'Socially unacceptable behaviour', 'Socially unacceptable behaviour'),
  f('15A', 'Self-harm', 'Self-harm'),
  f('16A', 'Neglect', 'Abuse or neglect: neglect'),
  f('17A', 'Emotional abuse', 'Abuse or neglect: emotional abuse'),
  f('18A', 'Physical abuse', 'Abuse or neglect: physical abuse', null, SPLIT_LAST_YEAR, SPLIT_NOTE),
  f(
    '18B',
    'Physical abuse',
    'Abuse or neglect: physical abuse (child on child)',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f(
    '18C',
    'Physical abuse',
    'Abuse or neglect: physical abuse (adult on child)',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f('19A', 'Sexual abuse', 'Abuse or neglect: sexual abuse', null, SPLIT_LAST_YEAR, SPLIT_NOTE),
  f(
    '19B',
    'Sexual abuse',
    'Abuse or neglect: sexual abuse (child on child)',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f(
    '19C',
    'Sexual abuse',
    'Abuse or neglect: sexual abuse (adult on child)',
    SPLIT_FIRST_YEAR,
    null,
    REPLACEMENT_NOTE,
  ),
  f('20', 'Other', 'Other'),
  f('21', 'No factors identified', 'No factors identified'),
  f('22A', 'Female genital mutilation', 'Female genital mutilation'),
  f('23A', 'Abuse linked to faith or belief', 'Abuse linked to faith or belief'),
  // CIN census 2022-23 specification: 24A child criminal exploitation added.
  f('24A', 'Child criminal exploitation', 'Child criminal exploitation', 2022, null),
];

export type AssessmentFactor = (typeof ASSESSMENT_FACTORS)[number];

/** CIN census validation: 21 "no factors identified" must stand alone. */
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

/**
 * Outcomes after which 21 "no factors identified" may be returned: the case closed with no
 * further action (information and advice is no further action too). CIN census validation
 * accepts factor 21 only on an assessment that ended in no further action.
 */
const NO_FURTHER_ACTION: readonly ResponseType[] = ['nfa', 'information-advice'];

/**
 * Census warnings about a referral's factors and its outcome, in plain English. Warnings, not
 * errors: the worker may record them now and put them right later, but the census extract will
 * refuse them. `outcome` is undefined while no decision has been made; then only the
 * "stands alone" rule can be checked.
 */
export function censusFactorIssues(
  codes: readonly string[],
  outcome: ResponseType | undefined,
): string[] {
  const distinct = new Set(codes.map((c) => c.trim().toUpperCase()));
  if (!distinct.has(NO_FACTORS_CODE)) return [];
  const issues: string[] = [];
  if (distinct.size > 1) {
    issues.push(
      "'No factors identified' (21) must stand alone: remove it, or remove the other factors",
    );
  }
  if (outcome !== undefined && !NO_FURTHER_ACTION.includes(outcome)) {
    issues.push(
      "'No factors identified' (21) is only valid when the outcome is no further action: record the factors that were identified instead",
    );
  }
  return issues;
}
