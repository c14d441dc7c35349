// Checks a strategy discussion's input against the records (the schemas have already checked its
// shape): the trigger belongs to the referral and says what it claims, the chair can chair, the
// children are the referral's, and the time is plausible. Each problem is a field error.
import { londonDate } from '../../../shared/calendar/clocks';
import type { StrategyTrigger } from '../../../shared/domain/strategy';
import type { DiscussedChildInput } from '../../../shared/strategy/schemas';
import type { Slot } from '../../../shared/strategy/types';
import { canChair } from '../../../shared/strategy/chairs';
import { formatUkDate } from '../../../shared/validation/formats';
import type { Db } from '../store/repositories/common';
import { getDecisionRow } from '../store/repositories/decisions';
import { type ChildWrite, referralChildIds } from '../store/repositories/strategy-discussions';
import { userById } from '../store/repositories/users';
import type { ReferralRow } from '../store/schema';
import { ValidationError } from '../store/errors';

export type FieldErrors = Record<string, string>;

export function throwIfAny(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** The referral may have a discussion: it has been received and is not closed or a draft. */
export function referralOpenProblem(row: ReferralRow): string | null {
  if (row.status === 'closed')
    return 'This referral is closed: reopen it before arranging a strategy discussion';
  if (row.status === 'draft') return 'This referral has not been saved yet';
  return null;
}

/**
 * The trigger fits the referral: a decision trigger names a standing decision on this referral
 * whose chosen response is a strategy discussion (or, for emergency action, emergency action);
 * new information needs a decision already made (an open case).
 */
export async function checkTrigger(
  db: Db,
  referral: ReferralRow,
  trigger: StrategyTrigger,
  now: string,
  errors: FieldErrors,
): Promise<void> {
  if (trigger.kind === 'new-information') {
    if (referral.status !== 'decided' && referral.status !== 'awaiting-sign-off') {
      errors['trigger.kind'] =
        'Record the decision on this referral first; new information applies to an open case';
    }
    return;
  }
  const decision = await getDecisionRow(db, trigger.decisionId);
  const standing =
    decision !== undefined &&
    decision.referral_id === referral.id &&
    (decision.status === 'final' || decision.status === 'awaiting-sign-off');
  if (!standing) {
    errors['trigger.decisionId'] = 'Choose a decision recorded on this referral';
    return;
  }
  const wanted = trigger.kind === 'decision' ? 'strategy-discussion' : 'emergency-action';
  if (decision.chosen !== wanted) {
    errors['trigger.kind'] =
      trigger.kind === 'decision'
        ? 'The decision on this referral was not a strategy discussion: choose new information or emergency action'
        : 'The decision on this referral was not emergency action: choose the decision or new information';
  }
  // Police protection often comes before the referral (the police then refer), so only a time
  // in the future is refused.
  if (trigger.kind === 'emergency-action' && Date.parse(trigger.takenAt) > Date.parse(now)) {
    errors['trigger.takenAt'] = 'The time the child was protected cannot be in the future';
  }
}

/** Chairs are active users who may chair (shared/strategy/chairs.ts). */
export async function checkChair(db: Db, chairId: string, errors: FieldErrors): Promise<void> {
  const u = await userById(db, chairId);
  if (!u || !canChair(u)) {
    errors.chairId = 'Choose a chair: someone with the chair or manager role';
  }
}

/** The children are on the referral (or named, for others in contact with the alleged abuser). */
export async function checkChildren(
  db: Db,
  referralId: string,
  children: readonly DiscussedChildInput[],
  errors: FieldErrors,
): Promise<ChildWrite[]> {
  const ids = new Set(await referralChildIds(db, referralId));
  const seen = new Set<string>();
  children.forEach((c, i) => {
    if (c.referralChildId) {
      if (!ids.has(c.referralChildId)) {
        errors[`children.${String(i)}.referralChildId`] = 'Choose a child on this referral';
      } else if (seen.has(c.referralChildId)) {
        errors[`children.${String(i)}.referralChildId`] = 'This child is listed twice';
      }
      seen.add(c.referralChildId);
    }
  });
  return children.map((c) => ({
    referralChildId: c.referralChildId ?? null,
    name: c.referralChildId ? null : (c.name ?? null),
    lookedAfter: c.lookedAfter,
  }));
}

const YEAR_MS = 366 * 24 * 3_600_000;

/** Not before the referral arrived, and not more than a year ahead (a mistyped year). */
export function checkTime(
  referral: ReferralRow,
  startsAt: string,
  now: string,
  errors: FieldErrors,
): void {
  if (Date.parse(startsAt) < Date.parse(referral.received_at)) {
    errors.startsAt = `The discussion cannot be before the referral was received (${formatUkDate(londonDate(referral.received_at))})`;
  } else if (Date.parse(startsAt) - Date.parse(now) > YEAR_MS) {
    errors.startsAt = 'The discussion is more than a year away: check the year';
  }
}

export function slotFrom(input: {
  startsAt: string;
  endsAt: string;
  format: Slot['format'];
  location?: string | undefined;
  joinLink?: string | undefined;
}): Slot {
  return {
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    format: input.format,
    location: input.location ? input.location : null,
    joinLink: input.joinLink ? input.joinLink : null,
  };
}

export function sameTime(a: Slot, b: Slot): boolean {
  return a.startsAt === b.startsAt && a.endsAt === b.endsAt;
}

export function samePlace(a: Slot, b: Slot): boolean {
  return a.format === b.format && a.location === b.location && a.joinLink === b.joinLink;
}
