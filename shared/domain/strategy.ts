// Strategy discussions as the renderer sees them (results of the strategy:* channels).
import type { RoleId, IsoDate, IsoInstant } from './types';
import type { UserRef } from './records';
import type {
  HistoryKind,
  MinutesStatus,
  Seniority,
  Slot,
  StrategyFormat,
  StrategyStatus,
} from '../strategy/types';
import type { MinutesDraft } from '../strategy/minutes';
import type { RoleCheckResult, SuggestedInvitee } from '../strategy/roles';
import type { TriggerInput } from '../strategy/schemas';

export type StrategyTrigger = TriggerInput;

export type DiscussedChild = {
  id: string;
  referralChildId: string | null;
  /** The child's name as on the referral (or as entered): for screens and minutes, never invites. */
  name: string;
  /** Initials only ("A. S."), for an invite where the settings allow initials. */
  initials: string;
  lookedAfter: boolean;
};

export type InviteeRecord = {
  id: string;
  directoryId: string | null;
  name: string;
  jobTitle: string | null;
  agency: string;
  email: string | null;
  seniority: Seniority;
  covers: RoleId | null;
  addedAt: IsoInstant;
  addedBy: UserRef | null;
};

export type HistoryEntry = {
  id: string;
  kind: HistoryKind;
  /** Time and place before and after (null where the entry is not about them). */
  from: Slot | null;
  to: Slot | null;
  reason: string | null;
  at: IsoInstant;
  by: UserRef | null;
};

export type MinutesVersionRecord = {
  id: string;
  /** 1 for the first minutes; each amendment adds one. */
  number: number;
  status: MinutesStatus;
  minutes: MinutesDraft;
  /** Set on an amendment: what changed and why. */
  amendment: { whatChanged: string; why: string } | null;
  /** Autosave version of this draft (optimistic check); a finalised version no longer changes. */
  version: number;
  savedAt: IsoInstant;
  savedBy: UserRef | null;
  finalisedAt: IsoInstant | null;
  finalisedBy: UserRef | null;
};

export type StrategyDiscussionRecord = {
  id: string;
  referralId: string;
  referralReference: string;
  /** 1 for the referral's first discussion, then 2, 3… */
  sequence: number;
  trigger: StrategyTrigger;
  status: StrategyStatus;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  format: StrategyFormat;
  location: string | null;
  joinLink: string | null;
  chair: UserRef;
  minuteTaker: string | null;
  /** Stable calendar UID and SEQUENCE (RFC 5545): the sequence grows on every change of time or place. */
  icsUid: string;
  icsSequence: number;
  children: DiscussedChild[];
  invitees: InviteeRecord[];
  roleCheck: RoleCheckResult;
  suggestions: SuggestedInvitee[];
  /** Why the chair confirmed with a required role uncovered (kept). */
  missingRolesReason: string | null;
  cancelledReason: string | null;
  history: HistoryEntry[];
  /** Every minutes version, oldest first; the last is the current one. */
  minutes: MinutesVersionRecord[];
  version: number;
  createdAt: IsoInstant;
  createdBy: UserRef | null;
  updatedAt: IsoInstant;
  updatedBy: UserRef | null;
};

export type StrategyListItem = {
  id: string;
  referralId: string;
  referralReference: string;
  sequence: number;
  status: StrategyStatus;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  format: StrategyFormat;
  chair: UserRef;
  /** Minutes state: none yet, a draft, or finalised (with the current version number). */
  minutes: { status: MinutesStatus; number: number } | null;
  version: number;
};

/** The chair's "My strategy discussions". */
export type MyStrategyDiscussions = {
  /** 'chair': the discussions this user chairs; 'team': a minute-taker's, every open one. */
  scope: 'chair' | 'team';
  /** Not yet held, soonest first. */
  upcoming: StrategyListItem[];
  /** Started or past, with no finalised minutes and no draft yet. */
  toMinute: StrategyListItem[];
  /** A draft of the minutes exists (first or amended) and is not finalised. */
  toFinalise: StrategyListItem[];
};

/** An ICPC target date as the minutes show it (from the referral's clocks). */
export type IcpcTarget = { due: IsoDate | null; rule: string };
