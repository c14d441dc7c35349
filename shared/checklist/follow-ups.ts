// What a recorded decision sets in motion (domain §2.1, §2.5), with due dates from the policy.

import type { IsoDate, IsoInstant, ResponseType } from '../domain/types';
import type { ResolvedPolicy, RuleSource } from '../policy/types';
import type { DecisionDraft } from '../validation/decision';

/**
 * The one calendar method follow-ups need, typed structurally so this module does not depend on
 * shared/calendar. Convention (domain §2.3): the triggering day is day 0; "within N working days"
 * means on or before the date returned for N.
 */
export type WorkingDayCalendar = { addWorkingDays(date: string, n: number): string };

export const FOLLOW_UP_KINDS = [
  'police-notification',
  'strategy-discussion',
  'initial-assessment',
  'assessment',
  'acknowledgement-letter',
  'outcome-letter',
  'lead-practitioner',
  'see-child',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export type FollowUp = {
  kind: FollowUpKind;
  title: string;
  detail: string;
  /** Working days from `countedFrom` (or from the decision date for decision-led clocks). */
  workingDays?: number;
  /** Due date, when a calendar was given. */
  due?: IsoDate;
  /** For clocks in hours (seeing the child). */
  withinHours?: number;
  /** Due instant, when the decision time is known. */
  dueAt?: IsoInstant;
  /** Where the timescale comes from. */
  source?: RuleSource;
};

export type FollowUpContext = {
  /** Day 0 for referral clocks: the receipt date after the out-of-hours rule has been applied. */
  countedFrom: IsoDate;
  /** Day 0 for decision-led clocks (strategy discussion, outcome letter). Defaults to countedFrom. */
  decidedOn?: IsoDate;
  calendar?: WorkingDayCalendar;
  referrer?: {
    /** Anonymous referrers get no letters. */
    anonymous?: boolean;
    /** Whether the referrer wants (or should get) feedback on the outcome. Default true. */
    wantsFeedback?: boolean;
  };
};

/** Responses that mean the referral is accepted for further work by children's social care. */
export const ACCEPTED_RESPONSES: readonly ResponseType[] = [
  's17-assessment',
  'strategy-discussion',
  'emergency-action',
];

export function isAccepted(response: ResponseType | undefined): boolean {
  return response !== undefined && ACCEPTED_RESPONSES.includes(response);
}

function addHours(instant: string, hours: number): IsoInstant | undefined {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + hours * 3_600_000).toISOString();
}

/**
 * The follow-ups a decision creates. Pure: nothing is scheduled here; services turn these into
 * tasks, invites and letters.
 */
export function followUpsFor(
  decision: DecisionDraft,
  policy: ResolvedPolicy,
  context: FollowUpContext,
): FollowUp[] {
  const { calendar, countedFrom } = context;
  const decidedOn = context.decidedOn ?? countedFrom;
  const response = decision.chosenResponse;
  const out: FollowUp[] = [];

  const dated = (from: IsoDate, n: number): Pick<FollowUp, 'workingDays' | 'due'> =>
    calendar ? { workingDays: n, due: calendar.addWorkingDays(from, n) } : { workingDays: n };

  // WT 2013 ch.1 onward (and domain §2.1): where a crime may have been committed, discuss with the
  // police at the earliest opportunity. Only outstanding until the notification is recorded.
  if (decision.crimeSuspected === true && decision.policeNotification?.notified !== true) {
    out.push({
      kind: 'police-notification',
      title: 'Tell the police',
      detail:
        'A crime has or may have been committed. Discuss it with the police at the earliest opportunity and record who you told, when, and the police reference number.',
    });
  }

  // Domain §2.1: strategy discussion where significant harm is suspected, and as soon as possible
  // after emergency action. No national timescale: policy.strategyDiscussionWorkingDays is local.
  if (response === 'strategy-discussion' || response === 'emergency-action') {
    out.push({
      kind: 'strategy-discussion',
      title: 'Hold a strategy discussion',
      detail:
        response === 'emergency-action'
          ? 'Emergency action was taken: hold a strategy discussion as soon as possible afterwards, with police and health.'
          : 'There is reasonable cause to suspect significant harm: convene a strategy discussion with the required agencies.',
      ...dated(decidedOn, policy.strategyDiscussionWorkingDays),
      source: policy.sources.strategyDiscussionWorkingDays,
    });
  }

  // Assessment clocks run from the referral. WT 2010 ch.5: initial assessment 10 WD (the 35-WD core
  // assessment runs from its own start, so it is not dated here). WT 2013+ ch.1: 45 WD maximum.
  if (isAccepted(response)) {
    if (policy.initialAssessmentWorkingDays !== null) {
      out.push({
        kind: 'initial-assessment',
        title: 'Complete the initial assessment',
        detail: `Initial assessment within ${policy.initialAssessmentWorkingDays} working days of the referral.`,
        ...dated(countedFrom, policy.initialAssessmentWorkingDays),
        source: policy.sources.initialAssessmentWorkingDays,
      });
    }
    if (policy.assessmentWorkingDays !== null) {
      out.push({
        kind: 'assessment',
        title: 'Complete the assessment',
        detail: `Assessment to conclude within ${policy.assessmentWorkingDays} working days of the referral; record the reasons if it runs longer.`,
        ...dated(countedFrom, policy.assessmentWorkingDays),
        source: policy.sources.assessmentWorkingDays,
      });
    }
  }

  const anonymous = context.referrer?.anonymous === true;
  if (!anonymous) {
    // WT 2013 ch.1 onward: acknowledge receipt to the referrer within one working day.
    out.push({
      kind: 'acknowledgement-letter',
      title: 'Acknowledge the referral',
      detail: 'Let the referrer know the referral was received (telephone first, then the letter).',
      ...dated(countedFrom, policy.decisionWorkingDays),
      source: policy.sources.decisionWorkingDays,
    });
    // Domain §2.5: feedback on the decision and next steps. No national timescale: by default the
    // working day after the decision.
    if (context.referrer?.wantsFeedback !== false) {
      out.push({
        kind: 'outcome-letter',
        title: 'Tell the referrer the outcome',
        detail: isAccepted(response)
          ? 'Tell the referrer the decision and next steps (professional referrers get the outcome; family and public get general assurance only).'
          : 'Tell the referrer the decision, why the referral does not meet the threshold and what other support exists.',
        ...dated(decidedOn, 1),
        source: {
          kind: 'default',
          note: 'No national timescale for the outcome letter; default the working day after the decision.',
        },
      });
    }
  }

  // WT 2023 ch.3: once a referral is accepted, a social-work-qualified manager or practice
  // supervisor names a lead practitioner.
  if (
    policy.caseHolderTerm === 'lead practitioner' &&
    isAccepted(response) &&
    !decision.leadPractitioner
  ) {
    out.push({
      kind: 'lead-practitioner',
      title: 'Name a lead practitioner',
      detail:
        response === 's17-assessment'
          ? 'A social-work-qualified manager or practice supervisor names the lead practitioner (may be a non-social-worker for child in need work).'
          : 'A social-work-qualified manager or practice supervisor names the lead practitioner; child protection work stays with a social worker.',
      source: policy.sources.caseHolderTerm,
    });
  }

  // Domain §2.1: see the child as soon as possible where further assessment is needed; the hours
  // are a local standard.
  if (isAccepted(response)) {
    const item: FollowUp = {
      kind: 'see-child',
      title: 'See the child',
      detail: `See the child as soon as possible, and within ${policy.seeChildWithinHours} hours (local standard).`,
      withinHours: policy.seeChildWithinHours,
      source: policy.sources.seeChildWithinHours,
    };
    const dueAt =
      decision.decidedAt !== undefined
        ? addHours(decision.decidedAt, policy.seeChildWithinHours)
        : undefined;
    if (dueAt !== undefined) item.dueAt = dueAt;
    out.push(item);
  }

  return out;
}
