// Pure helpers for the referral page: the clocks from the record and the policy, and words for
// people, children and consent.

import {
  calendarFromSettings,
  computeReferralClocks,
  type ReferralClocks,
} from '../../../../shared/calendar';
import { toReferralEvents } from '../../../../shared/progress';
import { assessmentFactor } from '../../../../shared/codes/assessment-factors';
import type {
  DecisionRecord,
  ReferralRecord,
  SettingsRecord,
} from '../../../../shared/domain/records';

/** The decision that stands: the newest not returned or superseded. */
export function standingDecision(r: ReferralRecord): DecisionRecord | null {
  const standing = r.decisions.filter(
    (d) => d.status === 'final' || d.status === 'awaiting-sign-off',
  );
  return standing.at(-1) ?? null;
}

/**
 * The statutory clocks for this referral, with the policy in force and what has happened. The
 * decision clock comes from the same function the main process stores for the queue
 * (shared/calendar decisionClock), so the two always agree.
 */
export function referralClocks(
  r: ReferralRecord,
  settings: SettingsRecord,
  now: Date,
): ReferralClocks {
  const calendar = calendarFromSettings(settings);
  const d = standingDecision(r);
  return computeReferralClocks({
    receivedAt: r.receivedAt,
    immediateProtection: r.input.immediateProtectionMayBeNeeded,
    policy: settings.policy,
    calendar,
    events: toReferralEvents(r.progress, d ? { at: d.recordedAt, response: d.chosen } : null),
    now: now.toISOString(),
  });
}

export function factorLabel(code: string): string {
  const f = assessmentFactor(code);
  return f ? `${code}: ${f.label}` : `${code} (code not recognised)`;
}

export function addressText(
  a:
    | {
        line1?: string | undefined;
        line2?: string | undefined;
        town?: string | undefined;
        postcode?: string | undefined;
      }
    | undefined,
): string {
  if (!a) return 'Not recorded';
  const parts = [a.line1, a.line2, a.town, a.postcode].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(', ') : 'Not recorded';
}

export const YES_NO_UNKNOWN: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not known',
};
