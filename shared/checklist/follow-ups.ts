// What a recorded decision sets in motion (domain §2.1, §2.5), with due dates from the policy.

import { londonDate, londonTime } from '../calendar/clocks';
import type { IsoDate, IsoInstant, ResponseType } from '../domain/types';
import type { ResolvedPolicy, RuleSource } from '../policy/types';
import type { DecisionDraft } from '../validation/decision';
import { formatUkDate } from '../validation/formats';
import type { QuestionId } from './questions';
import { recommendResponse } from './recommend';

/**
 * The one calendar method follow-ups need, typed structurally so a caller passes the calendar it
 * holds (with its closure days). Convention (domain §2.3): the triggering day is day 0; "within
 * N working days" means on or before the date returned for N.
 */
export type WorkingDayCalendar = { addWorkingDays(date: string, n: number): string };

export const FOLLOW_UP_KINDS = [
  'manager-consultation',
  'police-notification',
  'police-reference',
  'open-case-transfer',
  'lado-referral',
  'strategy-discussion',
  'initial-assessment',
  'assessment',
  'acknowledgement-letter',
  'outcome-letter',
  'lead-practitioner',
  'see-child',
  'tell-family',
  'homeless-assessment',
  'young-carer-assessment',
  'private-fostering-visit',
  'harm-outside-home',
  'family-network',
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
  /**
   * The actual referral date (London date of receipt, census CINreferralDate): day 0 for the
   * assessment clocks. Defaults to countedFrom.
   */
  referralDate?: IsoDate;
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

/** Child protection responses: a strategy discussion (possible s47 enquiry) or emergency action. */
export function isChildProtection(response: ResponseType | undefined): boolean {
  return response === 'strategy-discussion' || response === 'emergency-action';
}

const answeredYes = (decision: DecisionDraft, id: QuestionId): boolean =>
  decision.answers?.[id] === 'yes';
const answeredYesOrUnknown = (decision: DecisionDraft, id: QuestionId): boolean =>
  decision.answers?.[id] === 'yes' || decision.answers?.[id] === 'unknown';

function addHours(instant: string, hours: number): IsoInstant | undefined {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + hours * 3_600_000).toISOString();
}

/** `25/11/2026 09:00`, in London: how a planned time reads in "What happens next". */
function londonDateTimeText(instant: IsoInstant): string {
  try {
    return `${formatUkDate(londonDate(instant))} ${londonTime(instant).slice(0, 5)}`;
  } catch {
    return instant;
  }
}

/**
 * When the local standard for child protection concerns says the child must be seen by: the
 * decision time plus policy.seeChildWithinHours (local child protection procedures, e.g. within
 * 24 hours; Working Together sets no national figure, only "as soon as possible").
 */
export function seeChildStandardDueAt(
  decidedAt: IsoInstant | undefined,
  policy: ResolvedPolicy,
): IsoInstant | undefined {
  return decidedAt === undefined ? undefined : addHours(decidedAt, policy.seeChildWithinHours);
}

/**
 * True when a child protection decision plans to see the child later than the local standard.
 * A warning for the worker, never an error: the plan may have good reasons (the child is in
 * hospital, police want to be there), and the reasons go in the rationale.
 */
export function seeChildLaterThanStandard(
  decision: Pick<DecisionDraft, 'chosenResponse' | 'seeChildBy' | 'decidedAt'>,
  policy: ResolvedPolicy,
): boolean {
  if (!isChildProtection(decision.chosenResponse) || decision.seeChildBy === undefined) {
    return false;
  }
  const standard = seeChildStandardDueAt(decision.decidedAt, policy);
  const planned = Date.parse(decision.seeChildBy);
  return standard !== undefined && !Number.isNaN(planned) && planned > Date.parse(standard);
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
  const referralDate = context.referralDate ?? countedFrom;
  const response = decision.chosenResponse;
  const out: FollowUp[] = [];

  const dated = (from: IsoDate, n: number): Pick<FollowUp, 'workingDays' | 'due'> =>
    calendar ? { workingDays: n, due: calendar.addWorkingDays(from, n) } : { workingDays: n };

  // Checklist: a "not known" safety answer (or immediate danger) means consulting a manager now,
  // before the decision stands (local child protection procedures).
  const recommendation =
    decision.answers === undefined ? null : recommendResponse(policy.edition, decision.answers);
  if (recommendation?.kind === 'recommended' && recommendation.consultManager) {
    out.push({
      kind: 'manager-consultation',
      title: 'Consult a manager now',
      detail: recommendation.note ?? 'Discuss the safety concerns with a manager now.',
      ...dated(decidedOn, 0),
      source: { kind: 'default', note: recommendation.source },
    });
  }

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
  if (
    decision.policeNotification?.notified === true &&
    decision.policeNotification.referenceAwaited === true &&
    !decision.policeNotification.reference
  ) {
    out.push({
      kind: 'police-reference',
      title: 'Add the police reference',
      detail: 'The police were told but their reference number is awaited: add it when it arrives.',
    });
  }

  // A child whose case is already open: the information goes to the allocated worker, and the
  // contact is not a new Children in Need census referral.
  if (answeredYes(decision, 'open-case')) {
    out.push({
      kind: 'open-case-transfer',
      title: 'Pass to the allocated worker',
      detail:
        'The child’s case is already open: pass this information to the allocated worker and their manager today. It is not counted as a new referral in the Children in Need census.',
      ...dated(decidedOn, 0),
      source: {
        kind: 'default',
        note: 'CIN census guide: a referral is a request for services for a child not already receiving them',
      },
    });
  }

  // Keeping Children Safe in Education Part 4; Working Together (the designated officer): an
  // allegation against someone who works with children goes to the LADO within one working day.
  if (answeredYesOrUnknown(decision, 'allegation-against-worker')) {
    out.push({
      kind: 'lado-referral',
      title: 'Tell the designated officer (LADO)',
      detail:
        'There is (or may be) an allegation about someone who works or volunteers with children: refer it to the local authority designated officer, whatever is decided for the child.',
      ...dated(decidedOn, policy.ladoReferralWorkingDays),
      source: policy.sources.ladoReferralWorkingDays,
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
        ...dated(referralDate, policy.initialAssessmentWorkingDays),
        source: policy.sources.initialAssessmentWorkingDays,
      });
    }
    if (policy.assessmentWorkingDays !== null) {
      out.push({
        kind: 'assessment',
        title: 'Complete the assessment',
        detail: `Assessment to conclude within ${policy.assessmentWorkingDays} working days of the referral; record the reasons if it runs longer.`,
        ...dated(referralDate, policy.assessmentWorkingDays),
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

  // Domain §2.1: see the child as soon as possible where further assessment is needed. The local
  // standard for child protection concerns (hours) is not the standard for a child in need. A
  // "see the child by" time planned at the decision is the due time, so the form and "What happens
  // next" agree; one later than the child protection standard is kept, and said to be later.
  const plannedBy = decision.seeChildBy;
  if (isChildProtection(response)) {
    const standard = `local standard for child protection concerns: within ${policy.seeChildWithinHours} hours`;
    const item: FollowUp = {
      kind: 'see-child',
      title: 'See the child',
      detail:
        plannedBy === undefined
          ? `See the child as soon as possible, and within ${policy.seeChildWithinHours} hours (local standard for child protection concerns).`
          : seeChildLaterThanStandard(decision, policy)
            ? `See the child by ${londonDateTimeText(plannedBy)} as planned. This is later than the ${standard}.`
            : `See the child by ${londonDateTimeText(plannedBy)} as planned (${standard}).`,
      withinHours: policy.seeChildWithinHours,
      source: policy.sources.seeChildWithinHours,
    };
    const dueAt = plannedBy ?? seeChildStandardDueAt(decision.decidedAt, policy);
    if (dueAt !== undefined) item.dueAt = dueAt;
    out.push(item);
  } else if (response === 's17-assessment') {
    const days = policy.seeChildInNeedWorkingDays;
    const standard =
      days === null
        ? 'no local figure is set for children in need'
        : `local standard for children in need: within ${days} working days`;
    out.push({
      kind: 'see-child',
      title: 'See the child',
      ...(plannedBy !== undefined
        ? {
            detail: `See the child by ${londonDateTimeText(plannedBy)} as planned (${standard}).`,
            dueAt: plannedBy,
          }
        : {
            detail:
              days === null
                ? 'See the child as soon as possible (no local figure is set for children in need).'
                : `See the child as soon as possible, and within ${days} working days (local standard for children in need).`,
            ...(days === null ? {} : dated(decidedOn, days)),
          }),
      source: policy.sources.seeChildInNeedWorkingDays,
    });
  }

  // Domain §2.1: where the family has not yet been told, who will tell them and by when.
  if (
    decision.familyInformed === 'not-yet' &&
    decision.familyToBeToldBy !== undefined &&
    decision.familyToBeToldOn !== undefined
  ) {
    out.push({
      kind: 'tell-family',
      title: 'Tell the family',
      detail: `${decision.familyToBeToldBy} to tell the family about the decision.`,
      due: decision.familyToBeToldOn,
    });
  }

  // Routes the checklist found, each with its own source.
  if (answeredYesOrUnknown(decision, 'homeless-16-17')) {
    out.push({
      kind: 'homeless-assessment',
      title: 'Assess a homeless 16 or 17 year old',
      detail:
        'Assess the young person as a possible child in need and consider accommodation under section 20; do not simply refer them to housing.',
      source: {
        kind: 'statute',
        reference:
          'Children Act 1989 ss17, 20; R (G) v Southwark [2009] UKHL 26; joint guidance on homeless 16 and 17 year olds (2018)',
      },
    });
  }
  if (answeredYes(decision, 'young-carer')) {
    out.push({
      kind: 'young-carer-assessment',
      title: 'Offer a young carer’s needs assessment',
      detail:
        'The child looks after a family member: offer a young carer’s needs assessment and consider support for the family.',
      source: { kind: 'statute', reference: 'Children Act 1989 s17ZA' },
    });
  }
  if (answeredYes(decision, 'private-fostering')) {
    out.push({
      kind: 'private-fostering-visit',
      title: 'Visit the privately fostered child',
      detail:
        'Visit the child and the private foster carer, see the child alone unless inappropriate, and check the arrangement is suitable.',
      ...dated(decidedOn, policy.privateFosteringVisitWorkingDays),
      source: policy.sources.privateFosteringVisitWorkingDays,
    });
  }
  if (answeredYes(decision, 'harm-outside-home')) {
    out.push({
      kind: 'harm-outside-home',
      title: 'Plan for harm outside the home',
      detail:
        'Involve the partners who know the place or group (police, education, youth justice, community safety) and consider other children at risk there.',
      source: {
        kind: 'edition',
        edition: policy.edition,
        reference:
          policy.edition === 2023
            ? 'WT 2023 ch.3: harm outside the home'
            : `WT ${String(policy.edition)} ch.1: contextual safeguarding`,
      },
    });
  }
  if (answeredYesOrUnknown(decision, 'family-network')) {
    out.push({
      kind: 'family-network',
      title: 'Involve the family network',
      detail:
        'Identify the wider family network and offer a family group decision-making meeting where it could help keep the child safe.',
      source: {
        kind: 'edition',
        edition: 2023,
        reference: 'WT 2023 ch.2: the family network and family group decision making',
      },
    });
  }

  return out;
}
