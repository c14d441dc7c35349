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
  /** The local readings this extract was made with. */
  options: CensusOptions;
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
 * Two readings of the CIN census guide that the authority's performance team confirms against the
 * year's guide before a return, so each is a choice on the extract with its default, not code:
 * - a step down to early help is ReferralNFA (default yes): the census counts a referral as NFA
 *   when children's social care takes no further action on it, and early help is not social care;
 * - yes/no items are written `true`/`false` as the specification's XML booleans (default); some
 *   loaders and local tools expect `1`/`0`.
 */
export type CensusOptions = {
  earlyHelpIsNfa: boolean;
  booleans: CensusBooleans;
};
export const CENSUS_BOOLEANS = ['true-false', '1-0'] as const;
export type CensusBooleans = (typeof CENSUS_BOOLEANS)[number];
export const DEFAULT_CENSUS_OPTIONS: CensusOptions = {
  earlyHelpIsNfa: true,
  booleans: 'true-false',
};

/** Each choice in words, with why it is a choice, for the extract screen. */
export const CENSUS_OPTION_TEXT = {
  earlyHelpIsNfa: {
    label: 'Count a step down to early help as no further action (ReferralNFA)',
    note: "Local reading: children's social care takes no further action when the family is stepped down to early help. Check the year's CIN census guide.",
  },
  booleans: {
    label: 'Yes/no items written as',
    choices: {
      'true-false': 'true / false (as the specification)',
      '1-0': '1 / 0 (for loaders that expect numbers)',
    } satisfies Record<CensusBooleans, string>,
  },
} as const;

/** Responses that end the referral without a social care assessment (RESPONSE_LABELS). */
function nfaResponses(options: CensusOptions): readonly ResponseType[] {
  return options.earlyHelpIsNfa
    ? ['nfa', 'information-advice', 'early-help']
    : ['nfa', 'information-advice'];
}

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
export function censusSpec(
  year: CollectionYear,
  options: CensusOptions = DEFAULT_CENSUS_OPTIONS,
): CensusSpec {
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
    nfaResponses: nfaResponses(options),
    booleans: options.booleans === '1-0' ? { yes: '1', no: '0' } : { yes: 'true', no: 'false' },
    factorSeparator: ',',
    source: span.source,
    options,
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
