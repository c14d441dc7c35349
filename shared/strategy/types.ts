// Strategy discussions (domain §2.4): the words and codes every layer shares. Pure data.
import type { IsoInstant } from '../domain/types';

/**
 * Where a discussion is in its life. Scheduled → confirmed (every required role has an invitee,
 * or the chair recorded why not) → held → minutes finalised; cancelled from scheduled or
 * confirmed. Minutes can be drafted once the discussion is confirmed or held.
 */
export const STRATEGY_STATUSES = [
  'scheduled',
  'confirmed',
  'held',
  'minutes-finalised',
  'cancelled',
] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

export const STRATEGY_STATUS_LABELS: Record<StrategyStatus, string> = {
  scheduled: 'Scheduled (not yet confirmed)',
  confirmed: 'Confirmed',
  held: 'Held (minutes to finalise)',
  'minutes-finalised': 'Minutes finalised',
  cancelled: 'Cancelled',
};

/** Statuses in which the time, place and invitees may still change. */
export const CHANGEABLE_STATUSES: readonly StrategyStatus[] = ['scheduled', 'confirmed'];

/**
 * WT 2018 ch.1 / WT 2023 ch.3: a strategy discussion can be a meeting or virtual; WT 2010–2018
 * also allow telephone calls.
 */
export const STRATEGY_FORMATS = ['in-person', 'video', 'phone'] as const;
export type StrategyFormat = (typeof STRATEGY_FORMATS)[number];

export const STRATEGY_FORMAT_LABELS: Record<StrategyFormat, string> = {
  'in-person': 'Meeting in person',
  video: 'Video call (Teams or other)',
  phone: 'Telephone call',
};

/**
 * What led to the discussion (domain §2.4): the referral's decision of a strategy discussion;
 * emergency action (police protection, Children Act 1989 s46, or an Emergency Protection Order,
 * s44), after which a discussion is held as soon as possible; or new information on an open case.
 */
export const TRIGGER_KINDS = ['decision', 'emergency-action', 'new-information'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const TRIGGER_LABELS: Record<TriggerKind, string> = {
  decision: 'The decision on the referral (strategy discussion)',
  'emergency-action': 'Emergency action taken to protect the child',
  'new-information': 'New information on an open referral',
};

export const EMERGENCY_MEASURES = ['police-protection', 'epo'] as const;
export type EmergencyMeasure = (typeof EMERGENCY_MEASURES)[number];

export const EMERGENCY_MEASURE_LABELS: Record<EmergencyMeasure, string> = {
  'police-protection': 'Police protection (Children Act 1989 s46, at most 72 hours)',
  epo: 'Emergency Protection Order (Children Act 1989 s44, up to 8 days)',
};

/** Invitees' seniority: WT 2018 ch.1 — attendees senior enough to make decisions for their agency. */
export const SENIORITIES = ['decision-maker', 'practitioner', 'not-known'] as const;
export type Seniority = (typeof SENIORITIES)[number];
export const SENIORITY_LABELS: Record<Seniority, string> = {
  'decision-maker': 'Senior enough to decide for their agency',
  practitioner: 'Practitioner (not able to decide for their agency)',
  'not-known': 'Not known',
};

export const ATTENDANCE = ['attended', 'apologies', 'did-not-attend'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  attended: 'Attended',
  apologies: 'Sent apologies',
  'did-not-attend': 'Did not attend',
};

/** For an absent agency: whether its information was obtained (domain §2.4). */
export const INFORMATION_SENT = ['yes', 'no'] as const;
export type InformationSent = (typeof INFORMATION_SENT)[number];

export const MINUTES_STATUSES = ['draft', 'finalised'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** What happens after the discussion (domain §2.4: ICPC target date or next discussion date). */
export const NEXT_STEPS = ['icpc', 'next-discussion', 'none'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];
export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  icpc: 'Initial child protection conference',
  'next-discussion': 'Another strategy discussion',
  none: 'Neither (no section 47 enquiry)',
};

/** If no s47 enquiry: the response instead (domain §2.1 responses). */
export const OTHER_RESPONSES = [
  's17-assessment',
  'early-help',
  'nfa',
  'further-discussion',
] as const;
export type OtherResponse = (typeof OTHER_RESPONSES)[number];
export const OTHER_RESPONSE_LABELS: Record<OtherResponse, string> = {
  's17-assessment': 'Section 17 assessment (child in need)',
  'early-help': 'Early help',
  nfa: 'No further action',
  'further-discussion': 'Another strategy discussion when more is known',
};

export const FAMILY_TOLD = ['told', 'to-be-told', 'withheld'] as const;
export type FamilyTold = (typeof FAMILY_TOLD)[number];

/** A history entry's kind: each change of time or place, or the cancellation. */
export const HISTORY_KINDS = ['rescheduled', 'moved', 'cancelled', 'confirmed', 'held'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** The time and place of a discussion, as kept in its history. */
export type Slot = {
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  format: StrategyFormat;
  location: string | null;
  joinLink: string | null;
};
