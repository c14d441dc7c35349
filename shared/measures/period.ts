// The period the measures cover: London dates from and to, inclusive. The default is the last
// complete month; quick picks give last month, this quarter so far and the last 12 months.
import { addDaysIso, addMonthsIso } from '../calendar/dates';
import type { IsoDate } from '../domain/types';
import { formatUkDate } from '../validation/formats';

export type Period = { from: IsoDate; to: IsoDate };

export const QUICK_PICKS = ['last-month', 'this-quarter', 'last-12-months'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];
export const QUICK_PICK_LABELS: Record<QuickPick, string> = {
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'last-12-months': 'Last 12 months',
};

/** The longest period the screen asks for at once (ten years, the bench's scale). */
export const MAX_PERIOD_DAYS = 3_700;

const firstOfMonth = (d: IsoDate): IsoDate => `${d.slice(0, 8)}01`;

/** The period a quick pick stands for on `today` (a London date). */
export function quickPeriod(pick: QuickPick, today: IsoDate): Period {
  switch (pick) {
    case 'last-month': {
      const thisMonth = firstOfMonth(today);
      return { from: addMonthsIso(thisMonth, -1), to: addDaysIso(thisMonth, -1) };
    }
    case 'this-quarter': {
      // Calendar quarters; the same boundaries as the financial year's (April to March).
      const month = Number(today.slice(5, 7));
      const first = month - ((month - 1) % 3);
      return { from: `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`, to: today };
    }
    case 'last-12-months':
      return { from: addDaysIso(addMonthsIso(today, -12), 1), to: today };
  }
}

/** The default: the last complete month. */
export function defaultPeriod(today: IsoDate): Period {
  return quickPeriod('last-month', today);
}

/** The quick pick a period is, if any (to show it as chosen). */
export function quickPickOf(period: Period, today: IsoDate): QuickPick | null {
  return (
    QUICK_PICKS.find((p) => {
      const q = quickPeriod(p, today);
      return q.from === period.from && q.to === period.to;
    }) ?? null
  );
}

/** "01/11/2026 to 30/11/2026". */
export function describePeriod(period: Period): string {
  return `${formatUkDate(period.from)} to ${formatUkDate(period.to)}`;
}
