// What a letter reports, and when each letter is due.
// WT 2013 ch.1 onward (and WT 2018 ch.1, WT 2023 ch.2): within one working day of a referral the
// local authority decides the type of response and acknowledges receipt to the referrer; the
// referrer is then given feedback on the decision. A strategy discussion that decides on (or
// against) a section 47 enquiry changes the outcome the referrer was told, so it is reported again.

import type { WorkingDayCalendar } from '../calendar/working-days';
import { londonDate } from '../calendar/clocks';
import type { IsoDate, IsoInstant, ResponseType } from '../domain/types';
import type { OtherResponse } from '../strategy/types';
import type { LetterDue, LetterOutcome } from './types';

/** What a strategy discussion decided (shared/strategy/minutes.ts decision). */
export type StrategyResult = { s47: 'yes' | 'no'; otherResponse?: OtherResponse | undefined };

/**
 * The outcome to report: the decision's response, or what a later strategy discussion decided —
 * a section 47 enquiry, or the response it chose instead. "Another discussion when more is known"
 * (or no answer yet) leaves the matter under child protection procedures: reported as a strategy
 * discussion.
 */
export function letterOutcomeFor(
  decisionChosen: ResponseType,
  strategyResult?: StrategyResult,
): LetterOutcome {
  if (strategyResult === undefined) return decisionChosen;
  if (strategyResult.s47 === 'yes') return 's47-enquiry';
  switch (strategyResult.otherResponse) {
    case 's17-assessment':
    case 'early-help':
    case 'nfa':
      return strategyResult.otherResponse;
    case 'further-discussion':
    case undefined:
      return 'strategy-discussion';
  }
}

export type LettersDueInput = {
  /**
   * Day 0 of the referral's clock (ReferralRecord.countedFrom: the day of receipt, or the next
   * working day for a referral received out of hours).
   */
  countedFrom: IsoDate;
  /** When the decision was recorded; null before there is one. */
  decidedAt: IsoInstant | null;
  /** When a strategy discussion or assessment changed the outcome the referrer was told. */
  outcomeChangedAt?: readonly IsoInstant[];
};

/**
 * The letters a referral calls for and their due dates: the acknowledgement one working day
 * after receipt (WT 2013 ch.1 onward: acknowledge receipt within one working day, on the
 * shared counting convention), an outcome letter on the day of the decision, and another on
 * the day of each change of outcome.
 */
export function lettersDue(input: LettersDueInput, calendar: WorkingDayCalendar): LetterDue[] {
  const due: LetterDue[] = [
    { kind: 'acknowledgement', dueOn: calendar.addWorkingDays(input.countedFrom, 1) },
  ];
  if (input.decidedAt !== null) {
    due.push({ kind: 'outcome', dueOn: londonDate(input.decidedAt, 'decision time') });
  }
  for (const changed of input.outcomeChangedAt ?? []) {
    due.push({ kind: 'outcome', dueOn: londonDate(changed, 'time of the change') });
  }
  return due;
}
