// What the main-process services return: plain, serialisable records (no Dates — ISO strings),
// shared by the IPC contract, the preload and the renderer. Built by the repositories in
// electron/main/store from database rows, each in one place.

import type { ClockStatus } from '../calendar/clocks';
import type { ImportedBankHolidays } from '../calendar/imported-holidays';
import type { FollowUp } from '../checklist/follow-ups';
import type { MatchReason } from '../matching';
import type { PolicyOverrides, ResolvedPolicy } from '../policy/types';
import type { ProgressEventRecord } from '../progress/events';
import type { StrategyFormat, StrategyStatus } from '../strategy/types';
import type { Decision } from '../validation/decision';
import type { ChildInput } from '../validation/child';
import type { HouseholdMemberInput } from '../validation/household';
import type { ReferralInput } from '../validation/referral';
import type { ReferrerInput } from '../validation/referrer';
import type { Edition, IsoDate, IsoInstant, ResponseType, UserRole } from './types';

/** Someone named on a record: their id and display name at the time of reading. */
export type UserRef = { id: string; displayName: string };

export type AppUser = {
  id: string;
  /** The operating-system account this user signs in as (os.userInfo().username). */
  osAccount: string;
  displayName: string;
  roles: UserRole[];
  active: boolean;
  version: number;
  /** When roles or access last changed (ISO instant); set by the store, absent in hand-made users. */
  updatedAt?: string;
};

/** Who is using the app, and what they need to know to start. */
export type SessionInfo = {
  user: AppUser;
  /** True when this sign-in created the user (first user: admin; later: no roles yet). */
  isNewUser: boolean;
  /** Something to tell the user straight away, e.g. "You have no role yet…"; null if none. */
  message: string | null;
  settings: SettingsRecord;
};

export const REFERRAL_STATUSES = [
  'draft',
  'awaiting-decision',
  'awaiting-sign-off',
  'decided',
  'closed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: 'Draft',
  'awaiting-decision': 'Awaiting decision',
  'awaiting-sign-off': 'Awaiting manager sign-off',
  decided: 'Decided',
  closed: 'Closed',
};

export type QueueChild = {
  position: number;
  displayName: string;
  personId: string | null;
  /** Date of birth, or expected date of birth for an unborn child. */
  birthDate: IsoDate | null;
  unborn: boolean;
  /** "About N" when the date of birth is not known. */
  approximateAge?: number | null;
};

/** One row of the referral queue. */
export type QueueItem = {
  id: string;
  reference: string;
  status: ReferralStatus;
  receivedAt: IsoInstant;
  /** Day 0 of the decision clock (after the out-of-hours rule). */
  countedFrom: IsoDate;
  decisionDue: IsoDate;
  /** Where the one-working-day decision clock stands today (shared/calendar clockStatus). */
  clock: ClockStatus;
  children: QueueChild[];
  referrerLabel: string;
  assignedTo: UserRef | null;
  immediateProtection: boolean;
  /**
   * The manager's return of the last decision, while the referral waits to be decided again
   * (local sign-off policy; WT 2013 and 2015 Flowchart 1: decided with their manager). Null or
   * absent when the last decision was not returned.
   */
  returned?: ReturnedDecision | null;
  version: number;
};

/** One page of the queue and how many referrals match in all (so nothing is cut off unseen). */
export type QueuePage = { rows: QueueItem[]; total: number };

/** Who returned a decision, when, and what they asked for. */
export type ReturnedDecision = { by: string; at: IsoInstant; comment: string };

export type ReferralSearchHit = QueueItem & {
  /** A short extract around the matched words, plain text (no markup). */
  snippet: string;
};

export type ReferralChildRecord = {
  /** Row id of this child on this referral. */
  id: string;
  position: number;
  personId: string | null;
  displayName: string;
  child: ChildInput;
  /**
   * CIN census (domain §3): a referral within 12 months of a previous referral for the same
   * child. Only known once the child is linked to a person.
   */
  reReferral: boolean;
};

export type HouseholdMemberRecord = {
  id: string;
  position: number;
  personId: string | null;
  member: HouseholdMemberInput;
};

export type ChronologyEntry = {
  id: string;
  at: IsoInstant;
  kind: 'auto' | 'significant';
  text: string;
  by: UserRef | null;
};

export type SignOffRecord = {
  id: string;
  by: UserRef;
  at: IsoInstant;
  outcome: 'agreed' | 'returned';
  comment: string | null;
};

export type DecisionStatus = 'awaiting-sign-off' | 'final' | 'returned' | 'superseded';

export type DecisionRecord = {
  id: string;
  referralId: string;
  status: DecisionStatus;
  recommended: ResponseType;
  chosen: ResponseType;
  rationale: string;
  /** The decision exactly as recorded (shared/validation decisionSchema). */
  decision: Decision;
  recordedBy: UserRef;
  recordedAt: IsoInstant;
  signOffs: SignOffRecord[];
  /** What the decision sets in motion (shared/checklist followUpsFor), computed when read. */
  followUps: FollowUp[];
  version: number;
};

export type ReferralRecord = {
  id: string;
  reference: string;
  status: ReferralStatus;
  receivedAt: IsoInstant;
  countedFrom: IsoDate;
  decisionDue: IsoDate;
  clock: ClockStatus;
  channel: ReferralInput['channel'];
  referrer: ReferrerInput;
  referrerLabel: string;
  /** Directory entry the referrer was picked from, if any. */
  referrerId: string | null;
  sourceCode: string;
  /** The full validated input, so the edit form can be refilled exactly. */
  input: ReferralInput;
  children: ReferralChildRecord[];
  householdMembers: HouseholdMemberRecord[];
  assessmentFactors: string[];
  assignedTo: UserRef | null;
  decisions: DecisionRecord[];
  /** What has happened since (strategy discussions, s47, conferences, assessment). */
  progress: ProgressEventRecord[];
  chronology: ChronologyEntry[];
  legalHold: boolean;
  version: number;
  createdAt: IsoInstant;
  createdBy: UserRef | null;
  updatedAt: IsoInstant;
  updatedBy: UserRef | null;
};

export type AddressRecord = {
  line1?: string | undefined;
  line2?: string | undefined;
  town?: string | undefined;
  postcode?: string | undefined;
};

export type PersonRecord = {
  id: string;
  kind: 'child' | 'adult';
  status: 'born' | 'unborn';
  givenNames: string | null;
  familyName: string | null;
  otherNames: string | null;
  dateOfBirth: IsoDate | null;
  expectedDateOfBirth: IsoDate | null;
  gender: string | null;
  nhsNumber: string | null;
  postcode: string | null;
  address: AddressRecord | null;
  /** Set when this record was merged into another (it then only redirects there). */
  mergedInto: string | null;
  /** "About N" at a referral, where the date of birth is not known: the year it points to. */
  approxBirthYear: number | null;
  legalHold: boolean;
  version: number;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
};

export type InvolvementReferral = {
  referralId: string;
  reference: string;
  receivedAt: IsoInstant;
  status: ReferralStatus;
  /** The chosen response of the latest decision that stands (not returned/superseded). */
  outcome: ResponseType | null;
  outcomeLabel: string | null;
  decidedAt: IsoInstant | null;
};

export type RelatedPerson = {
  personId: string | null;
  name: string;
  /** For household members: how they are related ("Mother of Amy"); null for siblings. */
  relationship: string | null;
  birthDate: IsoDate | null;
  /** The referral they appear on with this person. */
  referralReference: string;
};

/** An adult already recorded in the household of an earlier referral (e.g. an expectant mother). */
export type KnownAdult = {
  name: string;
  relationship: string;
  dateOfBirth: IsoDate | null;
  parentalResponsibility: boolean;
  referralId: string;
  reference: string;
  receivedAt: IsoInstant;
  /** The children on that referral. */
  children: string[];
  score: number;
  reasons: MatchReason[];
};

/** "Search first" (domain §7): what is already known before the decision is made. */
export type PreviousInvolvement = {
  personId: string;
  /** The date the 12 months are counted back from (London date). */
  asOf: IsoDate;
  /** Referrals received in the 12 months before asOf, newest first, with outcomes. */
  referralsLast12Months: InvolvementReferral[];
  /** All referrals ever linked to this person. */
  totalReferrals: number;
  /** A new referral now would be a re-referral (domain §3: within 12 months of a previous one). */
  reReferral: boolean;
  /** Other children on the same referrals. */
  siblings: RelatedPerson[];
  /** Adults recorded in the household on this person's referrals. */
  householdMembers: RelatedPerson[];
};

export type PersonMatch = {
  person: PersonRecord;
  score: number;
  reasons: MatchReason[];
  previousInvolvement: PreviousInvolvement;
};

export type PersonDetail = {
  person: PersonRecord;
  previousInvolvement: PreviousInvolvement;
  /** Every referral this person is on, newest first. */
  referrals: InvolvementReferral[];
  merges: MergeRecord[];
  /** Per referral (same order as `referrals`): re-referral flag and what was recorded since. */
  history?: PersonReferralHistory[];
  /** Names of the records in `merges`, by person id ("merged from Amy Smith"). */
  mergeNames?: Record<string, string>;
};

export type PersonReferralHistory = {
  referralId: string;
  /** CIN census (domain §3): within 12 months of a previous referral for this child. */
  reReferral: boolean;
  /** Strategy discussions, section 47 enquiries, conferences, assessments (withdrawn included). */
  progress: ProgressEventRecord[];
  /** Strategy discussions arranged about this child on the referral, cancelled ones too. */
  discussions: PersonDiscussion[];
};

/** A strategy discussion as a child's record lists it: when, how, and where it has got to. */
export type PersonDiscussion = {
  discussionId: string;
  /** 1 for the referral's first discussion, 2 for the next (the discussion page's number). */
  sequence: number;
  status: StrategyStatus;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  format: StrategyFormat;
};

/** Exactly which rows a merge repointed, so an unmerge restores them and only them. */
export type MergeRepointed = {
  referralChildren: string[];
  householdMembers: string[];
  /** Earlier merges that had pointed at the merged record (merged_into chains). */
  people: string[];
};

export type MergeRecord = {
  id: string;
  keptId: string;
  mergedId: string;
  mergedAt: IsoInstant;
  mergedBy: UserRef;
  /** Why the two were judged the same child (required since migration 5; null before). */
  reason: string | null;
  repointed: MergeRepointed;
  undoneAt: IsoInstant | null;
  undoneBy: UserRef | null;
  undoReason: string | null;
};

export type DirectoryEntry = {
  id: string;
  kind: 'professional' | 'agency';
  name: string;
  role: string | null;
  agency: string | null;
  agencyType: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  active: boolean;
  version: number;
};

export type AuditEntry = {
  seq: number;
  at: IsoInstant;
  user: UserRef | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  details: Record<string, unknown>;
};

export type AuditVerification =
  | {
      ok: true;
      count: number;
      /**
       * The check started after this entry, the last one a previous check found sound (0: from
       * the start). Entries up to it were checked then and are witnessed by the audit anchor.
       */
      checkedFrom?: number;
    }
  | { ok: false; firstBrokenSeq: number; reason: string };

export type OrganisationDetails = {
  name: string;
  address: string;
  phone: string;
  email: string;
  /** Protective marking printed top and bottom of every page (domain §6). */
  marking: string;
  /**
   * Calendar invites may carry the children's initials beside the case reference (domain §6:
   * calendar entries carry a case reference, never a name). Off unless set.
   */
  inviteInitials?: boolean;
  /** Letterhead (WT: a named contact on every letter): the line under the address. */
  contactLine?: string;
  /** Who signs referrer letters, and their role ("Team Manager, Front Door"). */
  signatory?: string;
  signatoryRole?: string;
  /** Logo for the letterhead, a PNG or JPEG data URL (at most 300 KB). */
  logo?: string;
};

export type SettingsRecord = {
  edition: Edition;
  overrides: PolicyOverrides;
  organisation: OrganisationDetails;
  /** Administrator closure days (domain §4), ISO dates. */
  closures: IsoDate[];
  /**
   * The England & Wales bank holidays imported from GOV.UK, for the years they cover (null or
   * absent: none imported; the rules and shipped table apply). Every working-day calendar is built
   * with it (shared/calendar calendarFromSettings).
   */
  bankHolidays?: ImportedBankHolidays | null;
  /** The policy in force: edition + local overrides (shared/policy resolvePolicy). */
  policy: ResolvedPolicy;
  version: number;
  updatedAt: IsoInstant | null;
  updatedBy: UserRef | null;
};

/** What a draft is of: a new referral, a correction to a saved one (keyed by its id), a decision. */
export const DRAFT_KINDS = ['referral', 'referral-edit', 'decision'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export type DraftRecord = {
  id: string;
  kind: DraftKind;
  key: string;
  data: unknown;
  updatedAt: IsoInstant;
  version: number;
};

export type BackupInfo = {
  /** File name only: `front-door-YYYYMMDD-HHmmss.db` (no personal data in names). */
  file: string;
  createdAt: IsoInstant;
  sizeBytes: number;
  /** Verified with PRAGMA integrity_check when made (or when checked for a restore). */
  verified: boolean;
};

export type StoreState = 'ok' | 'recovery-needed' | 'refused';

/** Why Front Door could not start on its records, in kinds the start-up screen words plainly. */
export type StartupProblemKind =
  | 'damaged'
  | 'missing'
  | 'in-use'
  | 'read-only'
  | 'disk-full'
  | 'disk-error'
  | 'no-access'
  | 'network-folder'
  | 'newer-version'
  | 'sign-in'
  | 'unknown';

export type StartupProblem = {
  kind: StartupProblemKind;
  /** Plain words: what is wrong and what to do. */
  message: string;
  /** Only damaged or missing records are put right by a backup (never a full or locked disk). */
  restoreOffered: boolean;
  /** Technical details for the IT service desk ("Copy details"). */
  details: string;
};

export type StoreStatus = {
  state: StoreState;
  /** Plain-English reason when not ok. */
  reason: string | null;
  dataDir: string;
  /** The last run did not close cleanly (the session marker was still there). */
  uncleanShutdown: boolean;
  /** Result of PRAGMA quick_check when one was run at start, else null. */
  quickCheck: string | null;
  schemaVersion: number | null;
  knownSchemaVersion: number;
  backups: BackupInfo[];
  /** Set when not ok (and after a failed sign-in at start): the cause, typed. */
  problem?: StartupProblem | null;
  /**
   * The start-up check when it runs after the window has opened (a large file): records can be
   * read meanwhile, and every save waits until it has passed. Absent when it ran before opening.
   */
  startupCheck?: StartupCheck | null;
};

export type StartupCheck = {
  state: 'running' | 'passed';
  /** ISO instant the check began. */
  startedAt: string;
  /** How long it should take, from the last check's speed; null the first time. */
  expectedMs: number | null;
  finishedAt: string | null;
};
