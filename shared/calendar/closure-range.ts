// Which dates an administrator may enter as local closure days. A closure day moves every
// statutory clock that counts working days (WT 2018 ch.1: a decision within one working day of
// a referral), so a mistyped year must not slip in silently: 2062 for 2026 would sit unnoticed
// for decades, and 1926 would never apply. The range covers every referral the app can hold
// (none before 2000) and plans up to ten years ahead (councils publish closure days a year or
// two in advance).
import type { IsoDate } from '../domain/types';
import { formatUkDate, isIsoDate } from '../validation/formats';

export const FIRST_CLOSURE_DAY: IsoDate = '2000-01-01';
export const CLOSURE_YEARS_AHEAD = 10;

/** The last closure day allowed on `today`: the same day ten years on (28 February for 29th). */
export function lastClosureDay(today: IsoDate): IsoDate {
  const later = `${String(Number(today.slice(0, 4)) + CLOSURE_YEARS_AHEAD)}${today.slice(4)}`;
  const real: boolean = isIsoDate(later);
  return real ? later : `${later.slice(0, 8)}28`;
}

/**
 * A message for the first closure day outside the allowed range, or null when all are inside.
 * Dates must already be real ISO dates (the schema checks that first).
 */
export function closureDateProblem(dates: readonly string[], today: IsoDate): string | null {
  const last = lastClosureDay(today);
  const bad = [...dates].sort().find((d) => d < FIRST_CLOSURE_DAY || d > last);
  if (bad === undefined) return null;
  return `Closure days must be between ${formatUkDate(FIRST_CLOSURE_DAY)} and ${formatUkDate(last)}: check the year of ${formatUkDate(bad)}.`;
}
