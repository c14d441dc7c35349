// The stored decision clock of referrals still awaiting a decision (referrals.counted_from and
// decision_due, which the queue filters and sorts on). Kept in step with the rules in force: when
// the settings change or a new build brings a changed bank-holiday table, the stored dates are
// recalculated with the same function the referral page uses (shared/calendar decisionClock).
import type { Db } from './common';

export type OpenDecisionClockRow = {
  id: string;
  reference: string;
  received_at: string;
  immediate_protection: number;
  counted_from: string;
  decision_due: string;
};

export async function openDecisionClocks(db: Db): Promise<OpenDecisionClockRow[]> {
  return db
    .selectFrom('referrals')
    .select([
      'id',
      'reference',
      'received_at',
      'immediate_protection',
      'counted_from',
      'decision_due',
    ])
    .where('status', '=', 'awaiting-decision')
    .execute();
}

/**
 * Derived data, not a user's edit: the row's version is left alone so nobody's open form goes
 * stale; the change is recorded in the chronology and the audit by the caller.
 */
export async function setDecisionClock(
  db: Db,
  id: string,
  clock: { countedFrom: string; decisionDue: string },
): Promise<void> {
  await db
    .updateTable('referrals')
    .set({ counted_from: clock.countedFrom, decision_due: clock.decisionDue })
    .where('id', '=', id)
    .execute();
}
