// A referral whose decision called for a strategy discussion that has not yet been held.
import type { ClockStatus } from '../calendar/clocks';
import type { IsoDate, IsoInstant } from './types';

export type StrategyToArrange = {
  referralId: string;
  reference: string;
  response: 'strategy-discussion' | 'emergency-action';
  decidedAt: IsoInstant;
  /** The local strategy discussion deadline from the decision (working days). */
  due: IsoDate;
  /** Where that deadline stands today (overdue, due today, on time). */
  clock: ClockStatus;
  /** The soonest discussion booked, if any; `late` when it is after the deadline. */
  booked: { id: string; startsAt: IsoInstant; late: boolean } | null;
};
