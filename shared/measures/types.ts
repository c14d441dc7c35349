// The front door's built-in measures (domain §7: "% decisions within one working day, re-referrals
// within 12 months, % strategy discussions with police and health present, ICPC within 15 working
// days"), for a period of London dates. Every figure carries its numerator and denominator, and
// every count can be opened as the list of referrals it counts (a "drill").
import type { IsoDate, IsoInstant, ResponseType, RoleId } from '../domain/types';

/** One rate: `count` of `of`, with the percentage (null when `of` is 0: nothing to measure). */
export type Rate = { count: number; of: number; percent: number | null };

/**
 * The lists a figure can be opened into. Each names exactly the referrals counted in one figure;
 * the keyed ones (`outcome`, `source`, `member-*`) take the response type, census source code or
 * user id as the key.
 */
export const DRILLS = [
  'contacts',
  'referrals',
  'open-case',
  'decided',
  'decided-on-time',
  'decided-late',
  'undecided',
  're-referrals',
  'outcome',
  'sd-called',
  'sd-held',
  'sd-not-held',
  'sd-attendance-recorded',
  'sd-attendance-not-recorded',
  'sd-police',
  'sd-health',
  'sd-manager',
  'sd-all-present',
  'icpc',
  'icpc-in-time',
  'icpc-late',
  'icpc-no-anchor',
  'told-due',
  'told',
  'not-told',
  'source',
  'member-decided',
  'member-on-time',
  'member-assigned',
] as const;
export type Drill = (typeof DRILLS)[number];
/** Drills that need a key (a response type, a source code or a user id). */
export const KEYED_DRILLS: readonly Drill[] = [
  'outcome',
  'source',
  'member-decided',
  'member-on-time',
  'member-assigned',
];

/** The drill and key as one map key: `outcome:nfa`, `decided`. */
export function drillKey(drill: Drill, key?: string): string {
  return key === undefined ? drill : `${drill}:${key}`;
}

/** Police and health for the attendance measure (domain §2.4: minimum participants). */
export const POLICE_ROLES: readonly RoleId[] = ['police', 'british-transport-police'];
export const HEALTH_ROLES: readonly RoleId[] = [
  'health',
  'health-services-family',
  'senior-doctor',
  'hospital-consultant',
  'consultant-paediatrician',
];

// ---------------------------------------------------------------------------------------------
// Facts: what the store gives the computation (one row per referral, discussion or conference).
// ---------------------------------------------------------------------------------------------

export type ReferralFact = {
  id: string;
  receivedAt: IsoInstant;
  sourceCode: string;
  assignedTo: string | null;
  /** The decision clock's stored due date (set at receipt, frozen once decided). */
  decisionDue: IsoDate;
  /** The standing decision: the latest final or awaiting sign-off, or null while undecided. */
  decision: {
    chosen: ResponseType;
    recordedAt: IsoInstant;
    recordedBy: string;
    final: boolean;
    /** Checklist "open case" answered yes: information on an open case, not a new referral. */
    openCase: boolean;
  } | null;
  /** The referrer is named and asked to be told the outcome (WT 2018 ch.1 para 60). */
  referrerWantsOutcome: boolean;
  /** When earlier referrals about the same children (linked child records) were received. */
  earlierReceivedAt: readonly IsoInstant[];
  /** A strategy discussion was held for this referral (in the app, or recorded as progress). */
  strategyHeld: boolean;
  /** The first outcome letter sent to the referrer, or null. */
  outcomeSentAt: IsoInstant | null;
};

export type DiscussionFact = {
  id: string;
  referralId: string;
  heldOn: IsoDate;
  /** Attendance from the finalised minutes; null while they are not finalised. */
  attendedRoles: readonly RoleId[] | null;
};

export type IcpcFact = {
  referralId: string;
  heldOn: IsoDate;
  /** Last day in time under the policy's anchor, or null when the anchor is not recorded. */
  due: IsoDate | null;
};

export type MeasureFacts = {
  referrals: readonly ReferralFact[];
  discussions: readonly DiscussionFact[];
  icpcs: readonly IcpcFact[];
};

// ---------------------------------------------------------------------------------------------
// The result the screen shows.
// ---------------------------------------------------------------------------------------------

export type OutcomeRow = { response: ResponseType; label: string; count: number; percent: number };

export type SourceRow = {
  code: string;
  label: string;
  contacts: number;
  decided: number;
  onTime: number;
};

export type MemberRow = {
  userId: string;
  name: string;
  decided: number;
  onTime: number;
  assigned: number;
};

export type Measures = {
  from: IsoDate;
  to: IsoDate;
  /** Nothing was received in the period (the screen says so instead of zeros). */
  empty: boolean;
  volume: {
    contacts: number;
    /** Contacts that are CIN census referrals (not information about an open case). */
    referrals: number;
    openCase: number;
    /** Contacts with no decision yet (their kind is not known until decided). */
    undecided: number;
  };
  decisions: {
    /** Decided on or before the stored due date, of those decided. */
    onTime: Rate;
    late: number;
    undecided: number;
    /** The counting rule, word for word (shared/calendar COUNTING_CONVENTION). */
    rule: string;
  };
  reReferrals: Rate;
  outcomes: { decided: number; rows: OutcomeRow[] };
  strategy: {
    /** Decisions that called for a strategy discussion (or emergency action), of those decided. */
    called: Rate;
    /** Of those called for, a discussion held. */
    held: Rate;
  };
  attendance: {
    /** Discussions held in the period. */
    held: number;
    /** Of those, with finalised minutes (attendance recorded). */
    recorded: number;
    police: Rate;
    health: Rate;
    /** Null when the policy in force does not require a manager. */
    manager: Rate | null;
    /** Police, health and (where required) a manager all present. */
    allPresent: Rate;
  };
  icpc: { inTime: Rate; late: number; noAnchor: number; anchor: string };
  told: {
    rate: Rate;
    /** Median working days from the final decision to the first outcome letter sent. */
    medianWorkingDays: number | null;
  };
  bySource: SourceRow[];
  byMember: MemberRow[];
};

/** One referral in a drill: what a manager needs to pick it out, never a child's details. */
export type DrillRow = {
  id: string;
  reference: string;
  receivedAt: IsoInstant;
  referrer: string;
  sourceCode: string;
  outcome: string | null;
  decidedAt: IsoInstant | null;
  decisionDue: IsoDate;
  decidedBy: string | null;
  assignedTo: string | null;
};

export type DrillPage = { total: number; rows: DrillRow[]; title: string };
