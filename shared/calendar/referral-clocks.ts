// The statutory clocks for one referral: when each step is due, counted in working days by the one
// COUNTING_CONVENTION, and where it stands today, following what has actually happened (the
// decision, strategy discussions and what they decided, the section 47 enquiry and its outcome).
import type { IsoDate, IsoInstant, ResponseType } from '../domain/types';
import type { PolicyRuleKey, ResolvedPolicy, RuleSource } from '../policy/types';
import {
  clockStatus,
  describeRuleSource,
  londonDate,
  receiptDay,
  type ClockStatus,
  type ReceiptDay,
} from './clocks';
import { addCalendarMonths, describeDate, toEpochDay } from './dates';
import { dueDate, type WorkingDayCalendar } from './working-days';

export type ClockId =
  | 'decision'
  | 'initial-assessment'
  | 'core-assessment'
  | 'assessment'
  | 'internal-review'
  | 'strategy-discussion'
  | 'icpc'
  | 'first-core-group'
  | 'first-review-conference'
  | 'next-review-conference';

export type StatutoryClock = {
  id: ClockId;
  label: string;
  /** The last day it is in time (null until its starting event has happened). */
  due: IsoDate | null;
  /** Day 0: the day the clock counts from (null until known). */
  startsFrom: IsoDate | null;
  /** The rule in plain English, naming its source (edition paragraph or local policy). */
  rule: string;
  /** The rule alone, for screens that show the source separately (see shortRuleSource). */
  plain: string;
  /** The policy setting that sets the timescale, with its source, for "local policy" badges. */
  policyKey: PolicyRuleKey;
  source: RuleSource;
  status: ClockStatus;
  /**
   * What the clock is waiting for before it starts, in plain words, or null. A clock can know its
   * date before it starts: the conference date is set by the strategy discussion, but the clock
   * only starts once the enquiry finds the child likely to suffer significant harm.
   */
  waitingFor: string | null;
  /** The date it would be due by, once it starts (shown while waiting), or null. */
  provisionalDue: IsoDate | null;
};

/** What a strategy discussion decided about a section 47 enquiry (null: not yet recorded). */
export type StrategyDiscussionHeld = { date: IsoDate; s47: 'yes' | 'no' | null };

/**
 * Outcome of section 47 enquiries (WT 2013 ch.1 onward, "Outcome of section 47 enquiries"):
 * concerns not substantiated; substantiated but the child not judged likely to suffer significant
 * harm; substantiated and the child judged likely to suffer significant harm (convene an ICPC).
 */
export const S47_OUTCOMES = [
  'not-substantiated',
  'substantiated-not-likely-harm',
  'likely-significant-harm',
] as const;
export type S47Outcome = (typeof S47_OUTCOMES)[number];

export const S47_OUTCOME_LABELS: Record<S47Outcome, string> = {
  'not-substantiated': 'Concerns not substantiated',
  'substantiated-not-likely-harm':
    'Concerns substantiated, but the child is not judged likely to suffer significant harm',
  'likely-significant-harm':
    'Concerns substantiated and the child is judged likely to suffer significant harm',
};

/** What has happened so far. Dates are facts already recorded, not plans. */
export type ReferralEvents = {
  /** When the type of response was decided. Meets the decision clock; starts the strategy discussion clock. */
  decisionAt?: IsoInstant;
  /** The decision taken: NFA, information and advice, and early help have no assessment clocks. */
  decisionResponse?: ResponseType;
  /** The assessment's start (for a 2010 policy: the core assessment's start). */
  assessmentStartDate?: IsoDate;
  /** The single (2013+) or core (2010) assessment's completion. */
  assessmentCompletedDate?: IsoDate;
  /** 2010 only: the initial assessment's completion. */
  initialAssessmentCompletedDate?: IsoDate;
  /** Internal review point held (census AssessmentInternalReviewDate). */
  internalReviewDate?: IsoDate;
  /** Strategy discussions held, with what each decided about a section 47 enquiry. */
  strategyDiscussions?: readonly StrategyDiscussionHeld[];
  /** Census S47ActualStartDate. */
  s47StartDate?: IsoDate;
  s47Outcome?: { outcome: S47Outcome; date: IsoDate };
  /** Census ICPCnotRequired: the enquiry ended without a conference being needed. */
  icpcNotRequired?: { date: IsoDate; reason: string };
  icpcDate?: IsoDate;
  firstCoreGroupDate?: IsoDate;
  /** Child protection review conferences held, any order. */
  reviewConferenceDates?: readonly IsoDate[];
};

export type ReferralClocksInput = {
  receivedAt: IsoInstant;
  /** The referral says the child may need immediate protection: the decision cannot wait. */
  immediateProtection?: boolean;
  policy: ResolvedPolicy;
  calendar: WorkingDayCalendar;
  events?: ReferralEvents;
  /** The current instant; its London calendar date is "today". */
  now: IsoInstant;
};

export type ReferralClocks = {
  receipt: ReceiptDay;
  /** "Today" in London. */
  today: IsoDate;
  clocks: StatutoryClock[];
};

export type DecisionClock = {
  receipt: ReceiptDay;
  /** Day 0 of the decision clock. */
  countedFrom: IsoDate;
  due: IsoDate;
  /** The rule as applied to this referral, in plain words. */
  rule: string;
};

/**
 * When the decision on the type of response is due. One function for the stored queue date and the
 * referral page, so they always agree. A child who may need immediate protection cannot wait for
 * the next working day: the decision is due on the day it was received, whatever the time
 * (Children Act 1989 ss44, 46; WT 2018 ch.1 "immediate protection").
 */
export function decisionClock(
  receivedAt: IsoInstant,
  immediateProtection: boolean,
  policy: ResolvedPolicy,
  calendar: WorkingDayCalendar,
): DecisionClock {
  const receipt = receiptDay(receivedAt, policy, calendar);
  if (immediateProtection) {
    return {
      receipt,
      countedFrom: receipt.londonDate,
      due: receipt.londonDate,
      rule: 'The child may need immediate protection: decide now, whatever the time or day',
    };
  }
  return {
    receipt,
    countedFrom: receipt.countedFrom,
    due: dueDate(receipt.countedFrom, policy.decisionWorkingDays, calendar),
    rule: `Decide the type of response within ${workingDays(policy.decisionWorkingDays)} of receiving the referral`,
  };
}

function workingDays(n: number): string {
  return n === 1 ? '1 working day' : `${n} working days`;
}

function months(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}

// Responses after which no assessment follows (domain §2.1).
const NO_ASSESSMENT: readonly ResponseType[] = ['nfa', 'information-advice', 'early-help'];
// Responses that call for a strategy discussion: one follows as soon as possible after emergency
// action too (domain §2.1 item 5).
const NEEDS_STRATEGY_DISCUSSION: readonly ResponseType[] = [
  'strategy-discussion',
  'emergency-action',
];

function latest(dates: readonly IsoDate[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) if (best === null || toEpochDay(d) > toEpochDay(best)) best = d;
  return best;
}

function earliest(dates: readonly IsoDate[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) if (best === null || toEpochDay(d) < toEpochDay(best)) best = d;
  return best;
}

const onOrBefore = (d: IsoDate, limit: IsoDate): boolean => toEpochDay(d) <= toEpochDay(limit);

/**
 * A conference "within N months": N calendar months on (clamped at month end), and if that is not a
 * working day, the working day BEFORE it — moving later would put it outside the limit.
 */
function withinMonths(from: IsoDate, n: number, calendar: WorkingDayCalendar): IsoDate {
  const target = addCalendarMonths(from, n);
  return calendar.isWorkingDay(target) ? target : calendar.previousWorkingDay(target);
}

type IcpcAnchorResult = { anchor: IsoDate | null; text: string };

/** The day the ICPC's 15 working days count from, under the policy's anchor setting. */
function icpcAnchor(
  policy: ResolvedPolicy,
  discussions: readonly StrategyDiscussionHeld[],
  s47Start: IsoDate | null,
  icpcHeld: IsoDate | undefined,
): IcpcAnchorResult {
  // Discussions after the ICPC belong to later work and do not move its target.
  const before =
    icpcHeld === undefined ? discussions : discussions.filter((d) => onOrBefore(d.date, icpcHeld));
  switch (policy.icpcAnchor) {
    case 'last-strategy-discussion':
      // WT 2013 ch.1 onward: "or the last strategy discussion if more than one".
      return { anchor: latest(before.map((d) => d.date)), text: 'the last strategy discussion' };
    case 'initiating-strategy-discussion': {
      // WT 2010 ch.5: "the strategy discussion at which section 47 enquiries were initiated if more
      // than one has been held". Where no discussion is marked as starting the enquiry, the last
      // one on or before the recorded start stands in for it.
      const initiating = earliest(before.filter((d) => d.s47 === 'yes').map((d) => d.date));
      const fallback =
        s47Start === null
          ? null
          : latest(before.filter((d) => onOrBefore(d.date, s47Start)).map((d) => d.date));
      return {
        anchor: initiating ?? fallback,
        text: 'the strategy discussion at which the section 47 enquiry was started',
      };
    }
    case 's47-start':
      return { anchor: s47Start, text: 'the start of the section 47 enquiry' };
  }
}

/**
 * The statutory clocks for one referral under a resolved policy (domain §2.3). Clocks that cannot
 * apply are left out (no assessment after NFA or early help; no strategy discussion clock until one
 * is called for or held; no conference clocks until a section 47 enquiry has started); clocks that
 * apply but whose starting event has not happened are listed as not-started, with what they wait for.
 */
export function computeReferralClocks(input: ReferralClocksInput): ReferralClocks {
  const { policy, calendar, receivedAt } = input;
  const events = input.events ?? {};
  const today = londonDate(input.now, 'current time');
  const decision = decisionClock(receivedAt, input.immediateProtection === true, policy, calendar);
  const { receipt } = decision;
  // The assessment clocks count from the actual referral date, as the CIN census measures them
  // (CINreferralDate), not from the day the out-of-hours rule moves the decision clock to.
  const referralDate = receipt.londonDate;
  const clocks: StatutoryClock[] = [];
  // Validate every recorded date up front so a bad one fails loudly with its name.
  const checked = (value: IsoDate | undefined, what: string): IsoDate | undefined => {
    if (value !== undefined) toEpochDay(value, what);
    return value;
  };
  const assessmentStart = checked(events.assessmentStartDate, 'assessment start date');
  const assessmentDone = checked(events.assessmentCompletedDate, 'assessment completion date');
  const initialDone = checked(
    events.initialAssessmentCompletedDate,
    'initial assessment completion date',
  );
  const internalReview = checked(events.internalReviewDate, 'internal review date');
  const s47StartRecorded = checked(events.s47StartDate, 'section 47 start date');
  const icpc = checked(events.icpcDate, 'ICPC date');
  const coreGroup = checked(events.firstCoreGroupDate, 'first core group date');
  const discussions = (events.strategyDiscussions ?? []).map((d) => {
    checked(d.date, 'strategy discussion date');
    return d;
  });
  const reviews = (events.reviewConferenceDates ?? []).map(
    (d) => checked(d, 'review conference date') ?? d,
  );
  if (events.s47Outcome) checked(events.s47Outcome.date, 'section 47 outcome date');
  if (events.icpcNotRequired) checked(events.icpcNotRequired.date, 'date ICPC not required');
  const decidedOn =
    events.decisionAt === undefined ? null : londonDate(events.decisionAt, 'decision time');

  const add = (
    id: ClockId,
    label: string,
    policyKey: PolicyRuleKey,
    startsFrom: IsoDate | null,
    due: IsoDate | null,
    rule: string,
    metOn: IsoDate | null | undefined,
    options: ClockOptions = {},
  ): void => {
    const source = policy.sources[policyKey];
    const also = options.alsoSource === undefined ? '' : `; ${options.alsoSource}`;
    clocks.push({
      id,
      label,
      due,
      startsFrom,
      rule: `${rule} (${describeRuleSource(source)}${also}).`,
      plain: `${rule}.`,
      policyKey,
      source,
      status: options.status ?? clockStatus(due, today, calendar, metOn),
      waitingFor: options.waitingFor ?? null,
      provisionalDue: options.provisionalDue ?? null,
    });
  };

  // Decision on the type of response: all editions (domain §2.1).
  add(
    'decision',
    'Decision on type of response',
    'decisionWorkingDays',
    decision.countedFrom,
    decision.due,
    decision.rule,
    decidedOn,
  );

  const assessmentApplies =
    events.decisionResponse === undefined || !NO_ASSESSMENT.includes(events.decisionResponse);
  if (assessmentApplies) {
    // 2010: initial assessment within 10 WD of referral; core assessment within 35 WD of its own
    // start. 2013 onward: one assessment within 45 WD of referral (domain §2.3).
    if (policy.initialAssessmentWorkingDays !== null) {
      add(
        'initial-assessment',
        'Initial assessment',
        'initialAssessmentWorkingDays',
        referralDate,
        dueDate(referralDate, policy.initialAssessmentWorkingDays, calendar),
        `Complete the initial assessment within ${workingDays(policy.initialAssessmentWorkingDays)} of the date of referral`,
        initialDone,
      );
    }
    if (policy.coreAssessmentWorkingDays !== null) {
      const start = assessmentStart ?? null;
      add(
        'core-assessment',
        'Core assessment',
        'coreAssessmentWorkingDays',
        start,
        start === null ? null : dueDate(start, policy.coreAssessmentWorkingDays, calendar),
        `Complete the core assessment within ${workingDays(policy.coreAssessmentWorkingDays)} of its start`,
        assessmentDone,
        start === null ? { waitingFor: 'Starts when the core assessment starts' } : {},
      );
    }
    if (policy.assessmentWorkingDays !== null) {
      add(
        'assessment',
        'Assessment',
        'assessmentWorkingDays',
        referralDate,
        dueDate(referralDate, policy.assessmentWorkingDays, calendar),
        `Complete the assessment within ${workingDays(policy.assessmentWorkingDays)} of the date of referral; record the reasons if it takes longer`,
        assessmentDone,
      );
    }
    // Internal review point: a local rule counted from the day the assessment started. Until a
    // start is recorded it waits, so it never flags "overdue" on an assessment not yet begun (and
    // in a 2010 policy it follows the core assessment, which has its own start).
    const start = assessmentStart ?? null;
    add(
      'internal-review',
      'Assessment internal review point',
      'internalReviewWorkingDays',
      start,
      start === null ? null : dueDate(start, policy.internalReviewWorkingDays, calendar),
      `Hold the internal review point within ${workingDays(policy.internalReviewWorkingDays)} of the assessment start`,
      internalReview,
      start === null
        ? {
            waitingFor: `Starts when the ${policy.coreAssessmentWorkingDays !== null ? 'core ' : ''}assessment starts`,
          }
        : {},
    );
  }

  const strategyApplies =
    discussions.length > 0 ||
    (events.decisionResponse !== undefined &&
      NEEDS_STRATEGY_DISCUSSION.includes(events.decisionResponse));
  if (strategyApplies) {
    // No national figure: the local deadline counts from the decision that called for it (domain §2.3).
    add(
      'strategy-discussion',
      'Strategy discussion',
      'strategyDiscussionWorkingDays',
      decidedOn,
      decidedOn === null
        ? null
        : dueDate(decidedOn, policy.strategyDiscussionWorkingDays, calendar),
      `Hold the strategy discussion within ${workingDays(policy.strategyDiscussionWorkingDays)} of the decision`,
      earliest(discussions.map((d) => d.date)),
    );
  }

  addConferenceClocks(add, {
    policy,
    calendar,
    discussions,
    s47StartRecorded,
    icpc,
    coreGroup,
    reviews,
    events,
  });

  return { receipt, today, clocks };
}

type ClockOptions = {
  status?: ClockStatus;
  waitingFor?: string;
  provisionalDue?: IsoDate | null;
  /** A second source for the full rule text (e.g. where the anchor setting comes from). */
  alsoSource?: string;
};

type AddClock = (
  id: ClockId,
  label: string,
  policyKey: PolicyRuleKey,
  startsFrom: IsoDate | null,
  due: IsoDate | null,
  rule: string,
  metOn: IsoDate | null | undefined,
  options?: ClockOptions,
) => void;

/**
 * The initial child protection conference and what follows it. WT 2013–2023 ("Outcome of section
 * 47 enquiries"): a conference is convened where the enquiry finds the child likely to suffer
 * significant harm, within 15 working days of the strategy discussion (the anchor is a setting).
 * So there is no conference clock until an enquiry has started, it waits for the enquiry's
 * outcome, and it is not required when the outcome is anything else or the census
 * ICPCnotRequired flag is recorded.
 */
function addConferenceClocks(
  add: AddClock,
  ctx: {
    policy: ResolvedPolicy;
    calendar: WorkingDayCalendar;
    discussions: readonly StrategyDiscussionHeld[];
    s47StartRecorded: IsoDate | undefined;
    icpc: IsoDate | undefined;
    coreGroup: IsoDate | undefined;
    reviews: readonly IsoDate[];
    events: ReferralEvents;
  },
): void {
  const { policy, calendar, discussions, icpc, events } = ctx;
  const s47Start =
    ctx.s47StartRecorded ?? earliest(discussions.filter((d) => d.s47 === 'yes').map((d) => d.date));
  const undecided = discussions.filter((d) => d.s47 === null);
  if (s47Start === null && icpc === undefined) {
    if (undecided.length > 0) {
      add(
        'icpc',
        'Initial child protection conference',
        'icpcWorkingDays',
        null,
        null,
        'An initial child protection conference follows only where a section 47 enquiry finds the child likely to suffer significant harm',
        null,
        {
          waitingFor:
            'Record whether the strategy discussion started a section 47 enquiry; no conference clock runs until one has started',
        },
      );
    }
    return;
  }

  const { anchor, text } = icpcAnchor(policy, discussions, s47Start, icpc);
  const due = anchor === null ? null : dueDate(anchor, policy.icpcWorkingDays, calendar);
  const rule = `Hold the initial child protection conference within ${workingDays(policy.icpcWorkingDays)} of ${text}, where the section 47 enquiry finds the child likely to suffer significant harm`;
  const outcome = events.s47Outcome;

  let options: ClockOptions = {};
  let required = true;
  if (icpc !== undefined) {
    options = {};
  } else if (events.icpcNotRequired) {
    required = false;
    options = {
      status: {
        kind: 'not-required',
        reason: `Recorded as not required on ${describeDate(events.icpcNotRequired.date)}: ${events.icpcNotRequired.reason}`,
      },
    };
  } else if (outcome && outcome.outcome !== 'likely-significant-harm') {
    required = false;
    options = {
      status: {
        kind: 'not-required',
        reason: `The section 47 enquiry concluded on ${describeDate(outcome.date)}: ${S47_OUTCOME_LABELS[outcome.outcome].toLowerCase()}. No conference is needed.`,
      },
    };
  } else if (outcome && anchor === null) {
    options = {
      waitingFor:
        'The enquiry found the child likely to suffer significant harm: record the strategy discussion to date the conference',
    };
  } else if (!outcome) {
    options = {
      status: { kind: 'not-started' },
      waitingFor:
        anchor === null
          ? 'Starts if the section 47 enquiry finds the child likely to suffer significant harm; record the strategy discussion to date it'
          : 'Starts if the section 47 enquiry finds the child likely to suffer significant harm',
      provisionalDue: due,
    };
  }
  add(
    'icpc',
    'Initial child protection conference',
    'icpcWorkingDays',
    options.status?.kind === 'not-started' ? null : anchor,
    options.status?.kind === 'not-started' || !required ? null : due,
    rule,
    icpc,
    { ...options, alsoSource: `counted from: ${describeRuleSource(policy.sources.icpcAnchor)}` },
  );
  if (!required) return;

  const icpcHeld = icpc ?? null;
  const afterIcpc = icpcHeld === null ? { waitingFor: 'Starts when the conference is held' } : {};
  add(
    'first-core-group',
    'First core group meeting',
    'firstCoreGroupWorkingDays',
    icpcHeld,
    icpcHeld === null ? null : dueDate(icpcHeld, policy.firstCoreGroupWorkingDays, calendar),
    `Hold the first core group within ${workingDays(policy.firstCoreGroupWorkingDays)} of the initial child protection conference`,
    ctx.coreGroup,
    afterIcpc,
  );
  add(
    'first-review-conference',
    'First review conference',
    'firstReviewMonths',
    icpcHeld,
    icpcHeld === null ? null : withinMonths(icpcHeld, policy.firstReviewMonths, calendar),
    `Hold the first review conference within ${months(policy.firstReviewMonths)} of the initial child protection conference; if that date is not a working day, by the working day before it`,
    earliest(ctx.reviews),
    afterIcpc,
  );
  const lastReview = latest(ctx.reviews);
  if (lastReview !== null) {
    // Rolling: each review sets the next; recording it restarts this clock.
    add(
      'next-review-conference',
      'Next review conference',
      'reviewIntervalMonths',
      lastReview,
      withinMonths(lastReview, policy.reviewIntervalMonths, calendar),
      `Hold the next review conference within ${months(policy.reviewIntervalMonths)} of the last one; if that date is not a working day, by the working day before it`,
      null,
    );
  }
}
