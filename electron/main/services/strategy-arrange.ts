// "Strategy discussions to arrange": referrals whose decision called for a strategy discussion
// that has not been held, with the local deadline (a setting: no national timescale; WT 2018
// ch.1 para 51, 2023 para 184 "convene a strategy discussion") and whether one is booked and
// in time. Shown on the queue so nothing waits unseen once the referral itself is decided.
import { addDays } from 'date-fns';
import { clockStatus, londonDate } from '../../../shared/calendar/clocks';
import { dueDate } from '../../../shared/calendar';
import type { StrategyToArrange } from '../../../shared/domain/strategy-arrange';
import { strategyToArrange } from '../store/repositories/strategy-arrange';
import {
  type ServiceContext,
  type ServiceDeps,
  policyContext,
  requireCall,
  todayLondon,
} from './context';

/** How far back the list looks: decisions older than this are for the case, not the front door. */
export const ARRANGE_LOOKBACK_DAYS = 90;

export type StrategyArrangeService = {
  toArrange(ctx: ServiceContext): Promise<StrategyToArrange[]>;
};

export function createStrategyArrangeService(deps: ServiceDeps): StrategyArrangeService {
  const { store, clock } = deps;
  return {
    async toArrange(ctx) {
      requireCall(ctx, 'strategy:to-arrange', 'see which strategy discussions need arranging');
      const pc = await policyContext(store.db);
      const today = todayLondon(clock);
      const since = addDays(clock.now(), -ARRANGE_LOOKBACK_DAYS).toISOString();
      const rows = await strategyToArrange(store.db, since);
      return rows.map((r) => {
        const decidedOn = londonDate(r.decided_at);
        const due = dueDate(decidedOn, pc.policy.strategyDiscussionWorkingDays, pc.calendar);
        const bookedOn = r.next_starts_at === null ? null : londonDate(r.next_starts_at);
        return {
          referralId: r.referral_id,
          reference: r.reference,
          response: r.chosen,
          decidedAt: r.decided_at,
          due,
          clock: clockStatus(due, today, pc.calendar),
          booked:
            r.next_id === null || r.next_starts_at === null || bookedOn === null
              ? null
              : { id: r.next_id, startsAt: r.next_starts_at, late: bookedOn > due },
        };
      });
    },
  };
}
