// The CIN census referral-level items each collection year returns, as data: every rule keyed by
// year, never an `if` in a screen. One entry per span of years whose items are the same; a change
// in the DfE specification is a new entry here, not new code.
//
// Not written: AssessmentInternalReviewDate. Which collection years carry it is not confirmed
// here [verify against the year's CIN census specification before adding a span with it].

import { SEX_FIRST_YEAR } from '../codes/sex';
import {
  collectionYearFor,
  collectionYearLabel,
  type CollectionYear,
} from '../codes/collection-year';
import type { IsoDate, ResponseType } from '../domain/types';

/** The census items this extract writes, by their specification names. */
export type CensusField =
  | 'LAchildID'
  | 'PersonBirthDate'
  | 'ExpectedPersonBirthDate'
  | 'Sex'
  | 'Gender'
  | 'CINreferralDate'
  | 'ReferralSource'
  | 'ReferralNFA'
  | 'AssessmentActualStartDate'
  | 'AssessmentAuthorisationDate'
  | 'AssessmentFactors'
  | 'S47ActualStartDate'
  | 'InitialCPCtarget'
  | 'DateOfInitialCPC'
  | 'ICPCnotRequired';

export type CensusSpec = {
  year: CollectionYear;
  /** "2025-26". */
  label: string;
  /** CIN census 2024-25 specification: <Sex> (M/F/U) replaced <Gender> (0/1/2/9). */
  sexField: 'Sex' | 'Gender';
  /** Column order of the file: the header row is exactly these names. */
  fields: readonly CensusField[];
  /** Decisions that make ReferralNFA true: the referral ends with no assessment by social care. */
  nfaResponses: readonly ResponseType[];
  /** How the specification writes a yes/no item. */
  booleans: { yes: string; no: string };
  /** Several assessment factors in one cell (the XML repeats the element; a CSV cannot). */
  factorSeparator: string;
  /** Where this span's items come from. */
  source: string;
};

/**
 * The single assessment replaced initial and core assessments in April 2013 (WT 2013; domain
 * §2.3), and with it the census assessment items this extract writes. Earlier years had other
 * items, so Front Door does not produce them.
 */
export const FIRST_CENSUS_YEAR: CollectionYear = 2013;

const COMMON_BEFORE_SEX: readonly CensusField[] = [
  'LAchildID',
  'PersonBirthDate',
  'ExpectedPersonBirthDate',
];
const REFERRAL_ITEMS: readonly CensusField[] = [
  'CINreferralDate',
  'ReferralSource',
  'ReferralNFA',
  'AssessmentActualStartDate',
  'AssessmentAuthorisationDate',
  'AssessmentFactors',
  'S47ActualStartDate',
  'InitialCPCtarget',
  'DateOfInitialCPC',
  'ICPCnotRequired',
];

/**
 * Responses that end the referral without a social care assessment. Information and advice is
 * no further action (RESPONSE_LABELS); a step down to early help is counted as NFA too, because
 * the census counts a referral as NFA when children's social care takes no further action on it
 * [verify against the year's CIN census guide before a return].
 */
const NFA_RESPONSES: readonly ResponseType[] = ['nfa', 'information-advice', 'early-help'];

type Span = {
  from: CollectionYear;
  to: CollectionYear | null;
  sexField: 'Sex' | 'Gender';
  source: string;
};

const SPANS: readonly Span[] = [
  {
    from: FIRST_CENSUS_YEAR,
    to: SEX_FIRST_YEAR - 1,
    sexField: 'Gender',
    source: 'CIN census specifications 2013-14 to 2023-24: <Gender> 0/1/2/9',
  },
  {
    from: SEX_FIRST_YEAR,
    to: null,
    sexField: 'Sex',
    source:
      'CIN census 2024-25 specification: new item <Sex> (N00783) replaces <Gender> (N00007), values M/F/U',
  },
];

/**
 * The specification for a collection year (named by the year it starts: 2025 is 2025-26).
 * @throws RangeError for a year before 2013-14, which Front Door does not produce.
 */
export function censusSpec(year: CollectionYear): CensusSpec {
  if (!Number.isInteger(year)) throw new RangeError(`Not a collection year: ${String(year)}`);
  const span = SPANS.find((s) => s.from <= year && (s.to === null || year <= s.to));
  if (!span) {
    throw new RangeError(
      `Front Door produces the census from ${collectionYearLabel(FIRST_CENSUS_YEAR)}; ${collectionYearLabel(year)} had different items`,
    );
  }
  return {
    year,
    label: collectionYearLabel(year),
    sexField: span.sexField,
    fields: [...COMMON_BEFORE_SEX, span.sexField, ...REFERRAL_ITEMS],
    nfaResponses: NFA_RESPONSES,
    // CIN census specification: boolean items are returned as true/false [verify: 1/0 is also
    // accepted by some loaders].
    booleans: { yes: 'true', no: 'false' },
    factorSeparator: ',',
    source: span.source,
  };
}

/** The years a user may choose, newest first: 2013-14 to the year today is in. */
export function selectableCollectionYears(today: IsoDate): CollectionYear[] {
  const current = collectionYearFor(today);
  const years: CollectionYear[] = [];
  for (let y = current; y >= FIRST_CENSUS_YEAR; y--) years.push(y);
  return years;
}

/** The file name: the year only, never a child's name or a reference (kept out of file names). */
export function censusFileName(year: CollectionYear): string {
  return `CIN census referrals ${collectionYearLabel(year)}.csv`;
}
