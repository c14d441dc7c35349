// Statutory clocks for a referral (domain §2.3): when each step is due, counted in working days by
// the one COUNTING_CONVENTION, and where it stands today. Instants are read in Europe/London with
// @date-fns/tz; everything after that is whole calendar dates.
import { tz } from '@date-fns/tz';
import { format, isValid, parseISO } from 'date-fns';
import type { IsoDate, IsoInstant, ResponseType } from '../domain/types';
import type { PolicyRuleKey, PolicyRules, ResolvedPolicy, RuleSource } from '../policy/types';
import { addCalendarMonths, describeDate, toEpochDay } from './dates';
import type { WorkingDayCalendar } from './working-days';
import { dueDate } from './working-days';

/** Every clock is read in the zone the guidance is written for (domain §5). */
export const LONDON_TIME_ZONE = 'Europe/London';
const london = tz(LONDON_TIME_ZONE);

// An instant must carry its offset (or Z): a bare local time is ambiguous across clock changes.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

function parseInstant(value: IsoInstant, what: string): Date {
  const parsed = typeof value === 'string' && ISO_INSTANT.test(value) ? parseISO(value) : null;
  if (parsed === null || !isValid(parsed)) {
    throw new Error(
      `Invalid ${what} "${value}": use an ISO date and time with an offset, e.g. 2026-03-30T14:05:00Z.`,
    );
  }
  return parsed;
}

/** The calendar date in London at `instant` (23:30Z on 30 June is 1 July, 00:30 BST). */
export function londonDate(instant: IsoInstant, what = 'instant'): IsoDate {
  return format(parseInstant(instant, what), 'yyyy-MM-dd', { in: london });
}

/** The wall-clock time in London at `instant`, `HH:mm:ss`. */
export function londonTime(instant: IsoInstant, what = 'instant'): string {
  return format(parseInstant(instant, what), 'HH:mm:ss', { in: london });
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseOfficeTime(value: string, what: string): string {
  if (!HH_MM.test(value)) {
    throw new Error(
      `Invalid ${what} "${value}": use a 24-hour time in the form HH:mm, e.g. 09:00.`,
    );
  }
  return `${value}:00`;
}

export type OfficeHoursPolicy = Pick<
  PolicyRules,
  'officeHoursStart' | 'officeHoursEnd' | 'outOfHoursRule'
>;

export type ReceiptDay = {
  /** The calendar date in London when the referral arrived. */
  londonDate: IsoDate;
  /** The London wall-clock time it arrived, `HH:mm:ss`. */
  londonTime: string;
  /** Day 0 of the COUNTING_CONVENTION for the decision and the assessment. */
  countedFrom: IsoDate;
  /** Received on a non-working day or outside office hours (reported whichever rule applies). */
  outOfHours: boolean;
  /** Plain-English explanation for the UI. */
  reason: string;
};

/**
 * When the one-working-day decision clock starts for a referral received at `receivedAt`
 * (domain §2.3: "Out-of-hours / non-working-day receipt counts from the next working day
 * [verify; configurable]").
 *
 * With `outOfHoursRule: 'next-working-day'`, a referral received out of hours is treated as received
 * when the office next opens, and the day it opens is day 0:
 * - during office hours on a working day (start ≤ time < end): day 0 is that day
 *   (Tuesday 16:00 → decision due Wednesday);
 * - at or after closing on a working day: day 0 is the next working day
 *   (Tuesday 18:30 → day 0 Wednesday → due Thursday; Friday 17:30 → day 0 Monday → due Tuesday);
 * - before opening on a working day: the office next opens that same morning, so day 0 is that day
 *   (Wednesday 07:00 → day 0 Wednesday → due Thursday). This gives the whole out-of-hours period from
 *   one closing to the next opening the same due date, and never makes a referral due on the day it
 *   arrived before anyone could read it;
 * - on a non-working day (weekend, bank holiday, closure): day 0 is the next working day.
 *
 * With `'day-of-receipt'`, day 0 is the London calendar date of receipt whatever the time; if that
 * is not a working day, the COUNTING_CONVENTION makes the next working day day 1.
 */
export function receiptDay(
  receivedAt: IsoInstant,
  policy: OfficeHoursPolicy,
  calendar: WorkingDayCalendar,
): ReceiptDay {
  const date = londonDate(receivedAt, 'time of receipt');
  const time = londonTime(receivedAt, 'time of receipt');
  const opens = parseOfficeTime(policy.officeHoursStart, 'office opening time');
  const closes = parseOfficeTime(policy.officeHoursEnd, 'office closing time');
  if (opens >= closes) {
    throw new Error(
      `Office hours ${policy.officeHoursStart}–${policy.officeHoursEnd} are not valid: the opening time must be before the closing time.`,
    );
  }
  const shortTime = time.slice(0, 5);
  const whyClosed = calendar.nonWorkingReason(date);
  const beforeOpening = time < opens;
  const afterClosing = time >= closes;
  const outOfHours = whyClosed !== null || beforeOpening || afterClosing;

  if (policy.outOfHoursRule === 'day-of-receipt') {
    return {
      londonDate: date,
      londonTime: time,
      countedFrom: date,
      outOfHours,
      reason:
        'Local policy counts from the calendar day of receipt, whatever the time' +
        (whyClosed === null ? '.' : ` (${describeDate(date)} is not a working day: ${whyClosed}).`),
    };
  }

  if (whyClosed !== null) {
    const next = calendar.nextWorkingDay(date);
    return {
      londonDate: date,
      londonTime: time,
      countedFrom: next,
      outOfHours,
      reason: `Received on ${describeDate(date)}, not a working day (${whyClosed}): treated as received when the office opens on ${describeDate(next)}.`,
    };
  }
  if (afterClosing) {
    const next = calendar.nextWorkingDay(date);
    return {
      londonDate: date,
      londonTime: time,
      countedFrom: next,
      outOfHours,
      reason: `Received at ${shortTime}, after the office closed at ${policy.officeHoursEnd}: treated as received when the office opens on ${describeDate(next)}.`,
    };
  }
  if (beforeOpening) {
    return {
      londonDate: date,
      londonTime: time,
      countedFrom: date,
      outOfHours,
      reason: `Received at ${shortTime}, before the office opened at ${policy.officeHoursStart}: treated as received when it opened that day.`,
    };
  }
  return {
    londonDate: date,
    londonTime: time,
    countedFrom: date,
    outOfHours,
    reason: 'Received during office hours on a working day: counted from the day of receipt.',
  };
}

export type ClockStatus =
  | { kind: 'not-started' }
  | { kind: 'on-time'; workingDaysLeft: number }
  | { kind: 'due-today' }
  | { kind: 'overdue'; workingDaysOverdue: number }
  | { kind: 'met'; on: IsoDate; late: boolean };

/**
 * Where a clock stands on `today` (a London calendar date). Reusable by the UI for any due date.
 *
 * - `metOn` given: met, late if after `due` (a met event with no due date is never late);
 * - no due date (its starting event has not happened): not-started;
 * - before the due date: on-time, with the working days left up to and including the due date;
 * - on the due date: due-today;
 * - after it: overdue by the working days after the due date up to and including the first working
 *   day on or after today — on a Saturday after a Friday deadline the earliest it can now be done is
 *   Monday, one working day late, so it never reads "overdue by 0".
 */
export function clockStatus(
  due: IsoDate | null,
  today: IsoDate,
  calendar: WorkingDayCalendar,
  metOn?: IsoDate | null,
): ClockStatus {
  const todayDay = toEpochDay(today, "today's date");
  if (metOn !== undefined && metOn !== null) {
    const late = due !== null && toEpochDay(metOn, 'date met') > toEpochDay(due, 'due date');
    return { kind: 'met', on: metOn, late };
  }
  if (due === null) return { kind: 'not-started' };
  const dueDay = toEpochDay(due, 'due date');
  if (todayDay < dueDay) {
    return { kind: 'on-time', workingDaysLeft: calendar.workingDaysBetween(today, due) };
  }
  if (todayDay === dueDay) return { kind: 'due-today' };
  return {
    kind: 'overdue',
    workingDaysOverdue: calendar.workingDaysBetween(due, calendar.addWorkingDays(today, 0)),
  };
}

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
  strategyDiscussionDates?: readonly IsoDate[];
  s47StartDate?: IsoDate;
  icpcDate?: IsoDate;
  firstCoreGroupDate?: IsoDate;
  /** Child protection review conferences held, any order. */
  reviewConferenceDates?: readonly IsoDate[];
};

export type ReferralClocksInput = {
  receivedAt: IsoInstant;
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

/** Plain-English name for where a rule comes from. */
export function describeRuleSource(source: RuleSource): string {
  switch (source.kind) {
    case 'edition': {
      // References are written "WT 2018 ch.1: …"; spell the edition out once, never twice.
      const expanded = source.reference.replace(/^WT (\d{4})\b,?\s*/, 'Working Together $1, ');
      return expanded.startsWith('Working Together')
        ? expanded
        : `Working Together ${source.edition}, ${source.reference}`;
    }
    case 'local':
      return `local policy: ${source.note}`;
    case 'default':
      // Default notes already open with "Local setting." (shared/policy DEFAULT_NOTES).
      return source.note;
  }
}

/** A source in a few words: the edition and chapter, or that it is a local setting. */
export function shortRuleSource(source: RuleSource): string {
  switch (source.kind) {
    case 'edition':
      return describeRuleSource(source).split(':')[0] ?? '';
    case 'local':
      return 'Local policy';
    case 'default':
      return 'Local setting; default per domain guidance';
  }
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

/**
 * A conference "within N months": N calendar months on (clamped at month end), and if that is not a
 * working day, the working day BEFORE it — moving later would put it outside the limit.
 */
function withinMonths(from: IsoDate, n: number, calendar: WorkingDayCalendar): IsoDate {
  const target = addCalendarMonths(from, n);
  return calendar.isWorkingDay(target) ? target : calendar.previousWorkingDay(target);
}

/**
 * The statutory clocks for one referral under a resolved policy (domain §2.3). Clocks that cannot
 * apply are left out (no assessment after NFA or early help; no strategy discussion, ICPC, core
 * group or review clocks until a strategy discussion is called for or held); clocks that apply but
 * whose starting event has not happened are listed as not-started.
 */
export function computeReferralClocks(input: ReferralClocksInput): ReferralClocks {
  const { policy, calendar, receivedAt } = input;
  const events = input.events ?? {};
  const today = londonDate(input.now, 'current time');
  const receipt = receiptDay(receivedAt, policy, calendar);
  const day0 = receipt.countedFrom;
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
  const s47Start = checked(events.s47StartDate, 'section 47 start date');
  const icpc = checked(events.icpcDate, 'ICPC date');
  const coreGroup = checked(events.firstCoreGroupDate, 'first core group date');
  const discussions = (events.strategyDiscussionDates ?? []).map(
    (d) => checked(d, 'strategy discussion date') ?? d,
  );
  const reviews = (events.reviewConferenceDates ?? []).map(
    (d) => checked(d, 'review conference date') ?? d,
  );
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
  ): void => {
    const source = policy.sources[policyKey];
    clocks.push({
      id,
      label,
      due,
      startsFrom,
      rule: `${rule} (${describeRuleSource(source)}).`,
      plain: `${rule}.`,
      policyKey,
      source,
      status: clockStatus(due, today, calendar, metOn),
    });
  };

  // Decision on the type of response: all editions (domain §2.1).
  add(
    'decision',
    'Decision on type of response',
    'decisionWorkingDays',
    day0,
    dueDate(day0, policy.decisionWorkingDays, calendar),
    `Decide the type of response within ${workingDays(policy.decisionWorkingDays)} of receiving the referral`,
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
        day0,
        dueDate(day0, policy.initialAssessmentWorkingDays, calendar),
        `Complete the initial assessment within ${workingDays(policy.initialAssessmentWorkingDays)} of the referral`,
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
      );
    }
    if (policy.assessmentWorkingDays !== null) {
      add(
        'assessment',
        'Assessment',
        'assessmentWorkingDays',
        day0,
        dueDate(day0, policy.assessmentWorkingDays, calendar),
        `Complete the assessment within ${workingDays(policy.assessmentWorkingDays)} of the referral; record the reasons if it takes longer`,
        assessmentDone,
      );
    }
    // Internal review point: a local rule counted from the assessment's start; until an assessment
    // start is recorded, from the referral, so the point is visible from day one.
    const reviewFrom = assessmentStart ?? day0;
    add(
      'internal-review',
      'Assessment internal review point',
      'internalReviewWorkingDays',
      reviewFrom,
      dueDate(reviewFrom, policy.internalReviewWorkingDays, calendar),
      `Hold the internal review point within ${workingDays(policy.internalReviewWorkingDays)} of the ${
        assessmentStart === undefined
          ? 'referral (no assessment start recorded yet)'
          : 'assessment start'
      }`,
      internalReview,
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
      earliest(discussions),
    );
  }

  const icpcApplies = discussions.length > 0 || s47Start !== undefined || icpc !== undefined;
  if (icpcApplies) {
    // The anchor is a setting (domain §2.3): the guidance counts from the last strategy discussion
    // "if more than one"; the CIN census counts from the s47 start. Discussions after the ICPC
    // belong to later work and do not move its target.
    let anchor: IsoDate | null;
    let anchorText: string;
    if (policy.icpcAnchor === 'last-strategy-discussion') {
      const before =
        icpc === undefined
          ? discussions
          : discussions.filter((d) => toEpochDay(d) <= toEpochDay(icpc));
      anchor = latest(before);
      anchorText = 'the last strategy discussion';
    } else {
      anchor = s47Start ?? null;
      anchorText = 'the start of the section 47 enquiry';
    }
    const icpcDue = anchor === null ? null : dueDate(anchor, policy.icpcWorkingDays, calendar);
    add(
      'icpc',
      'Initial child protection conference',
      'icpcWorkingDays',
      anchor,
      icpcDue,
      `Hold the initial child protection conference within ${workingDays(policy.icpcWorkingDays)} of ${anchorText} (anchor: ${describeRuleSource(policy.sources.icpcAnchor)})`,
      icpc,
    );

    const icpcHeld = icpc ?? null;
    add(
      'first-core-group',
      'First core group meeting',
      'firstCoreGroupWorkingDays',
      icpcHeld,
      icpcHeld === null ? null : dueDate(icpcHeld, policy.firstCoreGroupWorkingDays, calendar),
      `Hold the first core group within ${workingDays(policy.firstCoreGroupWorkingDays)} of the initial child protection conference`,
      coreGroup,
    );
    add(
      'first-review-conference',
      'First review conference',
      'firstReviewMonths',
      icpcHeld,
      icpcHeld === null ? null : withinMonths(icpcHeld, policy.firstReviewMonths, calendar),
      `Hold the first review conference within ${months(policy.firstReviewMonths)} of the initial child protection conference; if that date is not a working day, by the working day before it`,
      earliest(reviews),
    );
    const lastReview = latest(reviews);
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

  return { receipt, today, clocks };
}
