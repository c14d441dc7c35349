// Core vocabulary shared by every layer. Pure data: no platform imports.

/** An ISO calendar date, `YYYY-MM-DD`, with no time or zone. */
export type IsoDate = string;
/** An ISO 8601 instant with an explicit offset or `Z`, e.g. `2026-03-29T00:30:00.000Z`. */
export type IsoInstant = string;

/** Editions of "Working Together to Safeguard Children" the product knows. */
export const EDITIONS = [2010, 2013, 2015, 2018, 2023] as const;
export type Edition = (typeof EDITIONS)[number];

/** Type of response decided within one working day (domain §2.1). */
export const RESPONSE_TYPES = [
  'nfa',
  'information-advice',
  'early-help',
  's17-assessment',
  'strategy-discussion',
  'emergency-action',
] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

export const RESPONSE_LABELS: Record<ResponseType, string> = {
  nfa: 'No further action',
  'information-advice': 'Information and advice (no further action)',
  'early-help': 'Early help',
  's17-assessment': 'Section 17 assessment (child in need)',
  'strategy-discussion': 'Strategy discussion (possible section 47 enquiry)',
  'emergency-action': 'Immediate protection / emergency action',
};

/**
 * Strategy discussion participant roles (domain §2.4). Role ids are stable data keys; labels are
 * for people.
 */
export const ROLE_IDS = [
  'social-worker',
  'sw-manager',
  'health',
  'police',
  'referrer',
  'education',
  'health-services-family',
  'senior-doctor',
  'hospital-consultant',
  'consultant-paediatrician',
  'fostering-service',
  'residential-service',
  'early-help',
  'youth-justice',
  'adult-mental-health',
  'substance-misuse',
  'domestic-abuse-specialist',
  'british-transport-police',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

export const ROLE_LABELS: Record<RoleId, string> = {
  'social-worker': 'Local authority social worker',
  'sw-manager': "Social worker's manager",
  health: 'Health practitioner',
  police: 'Police',
  referrer: 'Referrer',
  education: 'School, nursery or education',
  'health-services-family': 'Health services the family uses',
  'senior-doctor': 'Senior doctor (a medical examination may be needed)',
  'hospital-consultant': 'Consultant responsible for the child (child in hospital)',
  'consultant-paediatrician':
    'Consultant paediatrician (child in hospital, or a medical examination may be needed)',
  'fostering-service': 'Fostering service (child looked after)',
  'residential-service': 'Residential service (child looked after)',
  'early-help': 'Early help',
  'youth-justice': 'Youth justice or youth worker',
  'adult-mental-health': 'Adult mental health',
  'substance-misuse': 'Substance misuse',
  'domestic-abuse-specialist': 'Domestic abuse specialist',
  'british-transport-police': 'British Transport Police',
};

/** Application user roles (who may do what; enforced in the main process). */
export const USER_ROLES = ['duty-worker', 'manager', 'chair', 'minute-taker', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/**
 * The roles that read case records (referrals, people, documents). A minute-taker (often business
 * support) writes up strategy discussions and needs only those: not the referral's decisions,
 * its letters or the rest of the child's record, which they have no part in.
 */
export const CASE_ROLES: readonly UserRole[] = USER_ROLES.filter((r) => r !== 'minute-taker');
