// Does a new progress entry make sense with what is already recorded? And the clocks' view of the
// entries. Pure: the main process runs the check in the same transaction as the write; the form
// runs it for early messages.

import type { ReferralEvents } from '../calendar/referral-clocks';
import type { IsoDate, IsoInstant, ResponseType } from '../domain/types';
import { formatUkDate } from '../validation/formats';
import {
  PROGRESS_KIND_LABELS,
  SINGLE_PROGRESS_KINDS,
  type ProgressEventInput,
  type ProgressEventRecord,
  type ProgressKind,
} from './events';

export type ProgressContext = {
  /** The London date the referral was received (nothing happens before it). */
  referralDate: IsoDate;
  /** The 2010 edition has an initial assessment; later editions do not. */
  hasInitialAssessment: boolean;
};

const current = (events: readonly ProgressEventRecord[]): ProgressEventInput[] =>
  events.filter((e) => e.withdrawn === null).map((e) => e.event);

function first(events: readonly ProgressEventInput[], kind: ProgressKind) {
  return events.find((e) => e.kind === kind);
}

/** When the section 47 enquiry started: recorded, or the first discussion that started it. */
export function s47StartOf(events: readonly ProgressEventInput[]): IsoDate | null {
  const recorded = first(events, 's47-started');
  if (recorded) return recorded.date;
  const starts = events
    .filter((e) => e.kind === 'strategy-discussion' && e.s47 === 'yes')
    .map((e) => e.date)
    .sort();
  return starts[0] ?? null;
}

/**
 * Field errors for a new entry, given the current entries; empty when it can be recorded. Dates are
 * ISO strings, so they compare as text.
 */
export function checkProgressEvent(
  event: ProgressEventInput,
  existing: readonly ProgressEventRecord[],
  ctx: ProgressContext,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const events = current(existing);
  const label = PROGRESS_KIND_LABELS[event.kind];

  if (event.date < ctx.referralDate) {
    errors.date = `The date cannot be before the referral was received (${formatUkDate(ctx.referralDate)})`;
  }
  if (SINGLE_PROGRESS_KINDS.includes(event.kind) && first(events, event.kind)) {
    errors.kind = `“${label}” is already recorded. To correct it, withdraw the entry first.`;
    return errors;
  }

  const s47Start = s47StartOf(events);
  const icpc = first(events, 'icpc-held');
  const outcomeEvent = first(events, 's47-outcome');
  const outcome = outcomeEvent?.kind === 's47-outcome' ? outcomeEvent : undefined;
  const notRequired = first(events, 'icpc-not-required');
  const assessmentStart = first(events, 'assessment-started');
  const before = (d: IsoDate, what: string) => {
    if (event.date < d && !('date' in errors)) {
      errors.date = `The date cannot be before ${what} (${formatUkDate(d)})`;
    }
  };

  switch (event.kind) {
    case 'strategy-discussion':
      if (event.s47 === 'yes' && event.s47Type === undefined) {
        errors.s47Type = 'Say whether the enquiry is single-agency or joint with the police';
      }
      break;
    case 's47-started':
      break;
    case 's47-outcome':
    case 'icpc-not-required':
    case 'icpc-held':
      if (s47Start === null) {
        errors.kind =
          'Record the section 47 enquiry first: a strategy discussion that started it, or its start date';
        break;
      }
      before(s47Start, 'the section 47 enquiry started');
      if (event.kind === 'icpc-held') {
        if (notRequired) {
          errors.kind =
            'The conference is recorded as not required: withdraw that entry first if a conference was held';
        } else if (outcome && outcome.outcome !== 'likely-significant-harm') {
          errors.kind =
            'The enquiry’s outcome says no conference is needed: correct the outcome first if a conference was held';
        }
      }
      if (event.kind === 'icpc-not-required' && icpc) {
        errors.kind = 'A conference is already recorded as held';
      }
      break;
    case 'first-core-group':
    case 'review-conference':
      if (!icpc) {
        errors.kind = 'Record the initial child protection conference first';
        break;
      }
      if (event.kind === 'review-conference' && event.date <= icpc.date) {
        errors.date = `A review conference comes after the initial conference (${formatUkDate(icpc.date)})`;
      } else {
        before(icpc.date, 'the initial conference');
      }
      break;
    case 'internal-review':
      if (!assessmentStart) {
        errors.kind = 'Record when the assessment started first';
        break;
      }
      before(assessmentStart.date, 'the assessment started');
      break;
    case 'assessment-completed':
      if (assessmentStart) before(assessmentStart.date, 'the assessment started');
      break;
    case 'initial-assessment-completed':
      if (!ctx.hasInitialAssessment) {
        errors.kind =
          'Only the 2010 edition has a separate initial assessment: record the assessment instead';
      }
      break;
    case 'assessment-started':
      break;
  }
  return errors;
}

/**
 * Can this entry be withdrawn? Not while a later entry depends on it (the outcome on the enquiry,
 * the core group on the conference): the message names what to withdraw first.
 */
export function checkWithdrawal(
  id: string,
  existing: readonly ProgressEventRecord[],
  ctx: ProgressContext,
): string | null {
  const target = existing.find((e) => e.id === id);
  if (!target) return 'That entry is not on this referral';
  if (target.withdrawn !== null) return 'That entry has already been withdrawn';
  const remaining = existing.filter((e) => e.id !== id && e.withdrawn === null);
  // Replay the remaining entries in date order: each must still make sense without the target.
  const ordered = [...remaining].sort(
    (a, b) => a.event.date.localeCompare(b.event.date) || a.recordedAt.localeCompare(b.recordedAt),
  );
  const replayed: ProgressEventRecord[] = [];
  for (const e of ordered) {
    const errors = checkProgressEvent(e.event, replayed, ctx);
    if (errors.kind !== undefined) {
      return `“${PROGRESS_KIND_LABELS[e.event.kind]}” (${formatUkDate(e.event.date)}) depends on this entry: withdraw it first.`;
    }
    replayed.push(e);
  }
  return null;
}

/** The clocks' view: what has happened, from the current (not withdrawn) entries and the decision. */
export function toReferralEvents(
  progress: readonly ProgressEventRecord[],
  decision: { at: IsoInstant; response: ResponseType } | null,
): ReferralEvents {
  const events = current(progress);
  const out: ReferralEvents = {};
  if (decision) {
    out.decisionAt = decision.at;
    out.decisionResponse = decision.response;
  }
  const date = (kind: ProgressKind): IsoDate | undefined => first(events, kind)?.date;
  const put = <K extends keyof ReferralEvents>(key: K, value: ReferralEvents[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  put('assessmentStartDate', date('assessment-started'));
  put('assessmentCompletedDate', date('assessment-completed'));
  put('initialAssessmentCompletedDate', date('initial-assessment-completed'));
  put('internalReviewDate', date('internal-review'));
  put('s47StartDate', date('s47-started'));
  put('icpcDate', date('icpc-held'));
  put('firstCoreGroupDate', date('first-core-group'));
  const discussions = events.flatMap((e) =>
    e.kind === 'strategy-discussion' ? [{ date: e.date, s47: e.s47 }] : [],
  );
  if (discussions.length > 0) out.strategyDiscussions = discussions;
  const outcome = events.find((e) => e.kind === 's47-outcome');
  if (outcome?.kind === 's47-outcome') {
    out.s47Outcome = { outcome: outcome.outcome, date: outcome.date };
  }
  const notRequired = events.find((e) => e.kind === 'icpc-not-required');
  if (notRequired?.kind === 'icpc-not-required') {
    out.icpcNotRequired = { date: notRequired.date, reason: notRequired.reason };
  }
  const reviews = events.filter((e) => e.kind === 'review-conference').map((e) => e.date);
  if (reviews.length > 0) out.reviewConferenceDates = reviews;
  return out;
}
