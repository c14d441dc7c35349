// Keeps the stored decision clock of open referrals in step with the rules in force, so the queue
// (which filters on the stored date) and the referral page (which works it out) always agree.
// Runs when an administrator changes the settings, and at each start (a new build may carry a
// changed bank-holiday table). Every change is noted on the referral: nothing moves silently.
import { decisionClock } from '../../../shared/calendar/referral-clocks';
import { describeDate } from '../../../shared/calendar';
import { appendAudit } from '../store/audit';
import { bool, type Db } from '../store/repositories/common';
import { openDecisionClocks, setDecisionClock } from '../store/repositories/decision-clocks';
import { addChronology } from '../store/repositories/referrals';
import type { PolicyContext } from './context';

export type ClockRefresh = {
  checked: number;
  changed: { reference: string; from: string; to: string }[];
};

export async function refreshDecisionClocks(
  db: Db,
  pc: PolicyContext,
  stamp: { at: string; userId: string | null },
  why: string,
): Promise<ClockRefresh> {
  const rows = await openDecisionClocks(db);
  const changed: ClockRefresh['changed'] = [];
  for (const r of rows) {
    const c = decisionClock(r.received_at, bool(r.immediate_protection), pc.policy, pc.calendar);
    if (c.countedFrom === r.counted_from && c.due === r.decision_due) continue;
    await setDecisionClock(db, r.id, { countedFrom: c.countedFrom, decisionDue: c.due });
    await addChronology(db, r.id, {
      at: stamp.at,
      kind: 'auto',
      text: `Decision due date changed from ${describeDate(r.decision_due)} to ${describeDate(c.due)}: ${why}.`,
      userId: stamp.userId,
    });
    changed.push({ reference: r.reference, from: r.decision_due, to: c.due });
  }
  if (changed.length > 0) {
    await appendAudit(db, {
      at: stamp.at,
      userId: stamp.userId,
      action: 'update',
      entityType: 'referral',
      entityId: null,
      summary: `Decision due dates recalculated on ${String(changed.length)} open referral(s): ${why}`,
      details: { changed },
    });
  }
  return { checked: rows.length, changed };
}
