// CIN census ReferralSource codes (domain §3; CIN census specification, ReferralSource).

import type { CodeEntry } from './code-list';
import { isValidIn } from './code-list';
import type { CollectionYear } from './collection-year';

export const REFERRAL_SOURCE_CODES = [
  '1A',
  '1B',
  '1C',
  '1D',
  '2A',
  '2B',
  '3A',
  '3B',
  '3C',
  '3D',
  '3E',
  '3F',
  '4',
  '5A',
  '5B',
  '5C',
  '5D',
  '6',
  '7',
  '8',
  '9',
  '10',
] as const;
export type ReferralSourceCode = (typeof REFERRAL_SOURCE_CODES)[number];

const entry = (
  code: ReferralSourceCode,
  label: string,
  validFrom: CollectionYear | null = null,
  note?: string,
): CodeEntry<ReferralSourceCode> =>
  note === undefined
    ? { code, label, validFrom, validTo: null }
    : { code, label, validFrom, validTo: null, note };

export const REFERRAL_SOURCES: readonly CodeEntry<ReferralSourceCode>[] = [
  entry('1A', 'Individual: family member, relative or carer'),
  entry('1B', 'Individual: acquaintance (including neighbours and child minders)'),
  entry('1C', 'Individual: self'),
  entry('1D', 'Individual: other'),
  entry('2A', 'Schools'),
  entry('2B', 'Education services'),
  entry('3A', 'Health services: GP'),
  entry('3B', 'Health services: health visitor'),
  entry('3C', 'Health services: school nurse'),
  entry('3D', 'Health services: other primary health services'),
  entry('3E', 'Health services: A&E (emergency department)'),
  entry('3F', 'Health services: other'),
  entry('4', 'Housing'),
  entry('5A', 'LA services: social care (for example adult social care)'),
  entry('5B', 'LA services: other internal department'),
  entry('5C', 'LA services: external'),
  // CIN census 2022-23 spec: 5D early help added [verify: domain §3 says "from the 2022 schema";
  // read here as the collection year starting April 2022].
  entry('5D', 'LA services: early help', 2022, 'Added in the 2022 schema [verify]'),
  entry('6', 'Police'),
  entry('7', 'Other legal agency (courts, probation, immigration, Cafcass, prison)'),
  entry('8', "Other (voluntary, independent, children's centres)"),
  entry('9', 'Anonymous'),
  entry('10', 'Unknown'),
];

const BY_CODE: ReadonlyMap<string, CodeEntry<ReferralSourceCode>> = new Map(
  REFERRAL_SOURCES.map((e) => [e.code, e]),
);

export function referralSource(code: string): CodeEntry<ReferralSourceCode> | undefined {
  return BY_CODE.get(code);
}

export function isReferralSourceCode(code: string): code is ReferralSourceCode {
  return BY_CODE.has(code);
}

export function selectableReferralSources(year: CollectionYear): CodeEntry<ReferralSourceCode>[] {
  return REFERRAL_SOURCES.filter((e) => isValidIn(e, year));
}

// ------------------------------------------------------------------------------------------------
// Referrer agency types and individual referrer kinds → default referral source.
// ------------------------------------------------------------------------------------------------

/** Kinds of professional/agency referrer. The referral form and validation use these ids. */
export const AGENCY_TYPES = [
  { id: 'school', label: 'School' },
  { id: 'education-service', label: 'Education service' },
  { id: 'gp', label: 'GP' },
  { id: 'health-visitor', label: 'Health visitor' },
  { id: 'school-nurse', label: 'School nurse' },
  { id: 'other-primary-health', label: 'Other primary health service' },
  { id: 'hospital-ae', label: 'Hospital A&E (emergency department)' },
  { id: 'other-health', label: 'Other health service' },
  { id: 'housing', label: 'Housing' },
  { id: 'la-social-care', label: 'Local authority social care (for example adult social care)' },
  { id: 'la-other-department', label: 'Other local authority department' },
  { id: 'la-external', label: 'External local authority service' },
  { id: 'early-help', label: 'Early help' },
  { id: 'police', label: 'Police' },
  { id: 'legal-agency', label: 'Legal agency (courts, probation, immigration, Cafcass, prison)' },
  { id: 'voluntary', label: "Voluntary or independent organisation, children's centre" },
  { id: 'other', label: 'Other agency' },
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number]['id'];
export const AGENCY_TYPE_IDS: readonly AgencyType[] = AGENCY_TYPES.map((a) => a.id);

/** Referrers who are not an agency. */
export const INDIVIDUAL_REFERRER_KINDS = [
  { id: 'family-member', label: 'Family member, relative or carer' },
  { id: 'acquaintance', label: 'Acquaintance, neighbour or child minder' },
  { id: 'self', label: 'The child or young person' },
  { id: 'other-individual', label: 'Other member of the public' },
  { id: 'anonymous', label: 'Anonymous' },
  { id: 'unknown', label: 'Not known' },
] as const;
export type IndividualReferrerKind = (typeof INDIVIDUAL_REFERRER_KINDS)[number]['id'];

const DEFAULT_SOURCE: Record<AgencyType | IndividualReferrerKind, ReferralSourceCode> = {
  school: '2A',
  'education-service': '2B',
  gp: '3A',
  'health-visitor': '3B',
  'school-nurse': '3C',
  'other-primary-health': '3D',
  'hospital-ae': '3E',
  'other-health': '3F',
  housing: '4',
  'la-social-care': '5A',
  'la-other-department': '5B',
  'la-external': '5C',
  'early-help': '5D',
  police: '6',
  'legal-agency': '7',
  voluntary: '8',
  other: '8',
  'family-member': '1A',
  acquaintance: '1B',
  self: '1C',
  'other-individual': '1D',
  anonymous: '9',
  unknown: '10',
};

/**
 * The referral source a referrer's type suggests. The worker can change it; this only saves
 * retyping. Before 5D existed (collection years before 2022) early help maps to 5B, other internal
 * LA department [verify: local early help services may have been recorded as 5C].
 */
export function defaultReferralSource(
  kind: AgencyType | IndividualReferrerKind,
  collectionYear?: CollectionYear,
): ReferralSourceCode {
  const code = DEFAULT_SOURCE[kind];
  if (code === '5D' && collectionYear !== undefined && collectionYear < 2022) return '5B';
  return code;
}

/** A member of the public's relationship to the child, as the referrer form records it. */
export type PublicRelationshipId = 'family-member' | 'acquaintance' | 'self' | 'other';

/** The referrer as recorded on the referral form (shared/validation/referrer), structurally. */
export type ReferrerForSource =
  | { kind: 'professional'; agencyType: AgencyType }
  | { kind: 'public'; relationship: PublicRelationshipId }
  | { kind: 'anonymous' };

const PUBLIC_SOURCE: Record<PublicRelationshipId, IndividualReferrerKind> = {
  'family-member': 'family-member',
  acquaintance: 'acquaintance',
  self: 'self',
  other: 'other-individual',
};

/** The default referral source for a referrer record (public "other" is 1D, agency "other" is 8). */
export function defaultReferralSourceFor(
  referrer: ReferrerForSource,
  collectionYear?: CollectionYear,
): ReferralSourceCode {
  switch (referrer.kind) {
    case 'professional':
      return defaultReferralSource(referrer.agencyType, collectionYear);
    case 'public':
      return defaultReferralSource(PUBLIC_SOURCE[referrer.relationship], collectionYear);
    case 'anonymous':
      return '9';
  }
}
