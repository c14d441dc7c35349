// What a search for children and referrals returns (contract `search:all`): two groups, each
// result saying in words why it matched, so a worker can tell a sound-alike from an NHS number
// match before opening a child's record (domain §7 "search first").
import type { ReferralStatus } from './records';
import type { IsoDate, IsoInstant } from './types';

/** Why a result matched, in the words shown beside it. */
export const SEARCH_WHY_LABELS = {
  reference: 'Reference',
  name: 'Name',
  'name-sounds-like': 'Name sounds like',
  'other-name': 'Other name or alias',
  'nhs-number': 'NHS number',
  'date-of-birth': 'Date of birth',
  'expected-date-of-birth': 'Expected date of birth',
  postcode: 'Postcode',
  address: 'Address',
  school: 'School or nursery',
  referrer: 'Referrer',
  concern: 'Words in the concern',
  'child-name': "Child's name",
} as const;
export type SearchWhy = keyof typeof SEARCH_WHY_LABELS;

/** How the typed text was read: a reference, an NHS number, a date of birth, a postcode, words. */
export type SearchKind = 'reference' | 'nhs-number' | 'date-of-birth' | 'postcode' | 'text';

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  reference: 'a referral reference',
  'nhs-number': 'an NHS number',
  'date-of-birth': 'a date of birth',
  postcode: 'a postcode',
  text: 'names and words',
};

export type ChildSearchHit = {
  personId: string;
  givenNames: string | null;
  familyName: string | null;
  otherNames: string | null;
  status: 'born' | 'unborn';
  dateOfBirth: IsoDate | null;
  expectedDateOfBirth: IsoDate | null;
  /** Where the date of birth is not known: the year "about N" points to. */
  approxBirthYear: number | null;
  nhsNumber: string | null;
  postcode: string | null;
  why: SearchWhy[];
};

export type ReferralSearchResult = {
  referralId: string;
  reference: string;
  status: ReferralStatus;
  receivedAt: IsoInstant;
  referrerLabel: string;
  immediateProtection: boolean;
  children: { name: string; personId: string | null }[];
  why: SearchWhy[];
  /** Words around the match in the concern, plain text; null when the concern did not match. */
  snippet: string | null;
};

export type SearchResults = {
  /** The text as searched (trimmed). */
  text: string;
  /** How the text was read; null when nothing was searched (see hint). */
  kind: SearchKind | null;
  /** Said instead of (or beside) results: "Type at least 3 characters", a date that is not real. */
  hint: string | null;
  children: ChildSearchHit[];
  referrals: ReferralSearchResult[];
  /** More matched than were returned (the full search page shows up to 50 of each). */
  more: { children: boolean; referrals: boolean };
};
