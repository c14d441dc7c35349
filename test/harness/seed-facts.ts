// Facts about the seeded demo data that tests rely on. Keep in step with seed-data.ts, which
// builds these records from the same constants.

/** A child seeded with a spelling that sounds like a common variant ("Aidan Smith"). */
export const SOUND_ALIKE_CHILD = {
  givenNames: 'Aiden',
  familyName: 'Smyth',
  dateOfBirth: '2015-06-14',
  /** Her brother was on the same referral. */
  sibling: { givenNames: 'Keira', familyName: 'Smyth', dateOfBirth: '2012-02-09' },
  /** How a worker might type him in a new referral. */
  typedAs: { givenNames: 'Aidan', familyName: 'Smith', dateOfBirth: '2015-06-14' },
  /** His last referral was about this long ago, so a new one is a re-referral (within 12 months). */
  lastReferredMonthsAgo: 5,
  lastOutcome: 'early-help',
  referrer: 'Northgate Primary School',
} as const;

/** The organisation the demo database is set up for: obviously not a real council. */
export const DEMO_ORGANISATION = {
  name: 'Exampleshire Council Children’s Services (demo data)',
  address: 'Civic Centre, 1 Harbour Road, Harbourton HB1 1AA',
  phone: '01632 960 000',
  email: 'mash@exampleshire.example.org',
  marking: 'OFFICIAL-SENSITIVE',
} as const;

/** App users the seed creates (OS account → roles). The harness user is added on top. */
export const DEMO_USERS = [
  { osAccount: 'dwilson', displayName: 'Dana Wilson', roles: ['duty-worker'] },
  { osAccount: 'sokafor', displayName: 'Sam Okafor', roles: ['duty-worker'] },
  { osAccount: 'rpatel', displayName: 'Riya Patel', roles: ['duty-worker'] },
  { osAccount: 'jmorgan', displayName: 'Jo Morgan', roles: ['manager'] },
  { osAccount: 'cadeyemi', displayName: 'Chris Adeyemi', roles: ['chair', 'manager'] },
  { osAccount: 'lhughes', displayName: 'Lee Hughes', roles: ['admin'] },
] as const;

/** The open referrals the seed always adds so the queue has every clock state. */
export const OPEN_REFERRALS = {
  overdue: 2,
  dueToday: 2,
  onTime: 3,
} as const;
