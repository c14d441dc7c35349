// Words and numbers for the Measures screen: every rate as "41 of 52, 79%", never a bare
// percentage, and the drill a figure opens.
import type { Drill, Rate } from '../../../../shared/measures/types';

export type DrillRequest = { drill: Drill; key?: string; label: string };

export const DRILL_PAGE_SIZES = [25, 50, 100] as const;

const whole = new Intl.NumberFormat('en-GB');

export function formatCount(n: number): string {
  return whole.format(n);
}

/** "41 of 52, 78.8%"; "None to count" when there is nothing to measure. */
export function formatRate(r: Rate): string {
  if (r.percent === null) return 'None to count';
  return `${formatCount(r.count)} of ${formatCount(r.of)}, ${formatPercent(r.percent)}`;
}

/** "41 of 52" (the percentage is shown beside it, large). */
export function formatOf(r: Rate): string {
  return `${formatCount(r.count)} of ${formatCount(r.of)}`;
}

export function formatPercent(p: number | null): string {
  if (p === null) return '–';
  return `${Number.isInteger(p) ? String(p) : p.toFixed(1)}%`;
}

/** "2 working days", "1.5 working days". */
export function formatWorkingDays(n: number | null): string {
  if (n === null) return 'None sent yet';
  const text = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return `${text} working ${n === 1 ? 'day' : 'days'}`;
}

/** The share of `of` as a whole-number percentage for a chart (0 when there is nothing). */
export function share(count: number, of: number): number {
  return of === 0 ? 0 : Math.round((count / of) * 1000) / 10;
}

export function showingText(page: number, pageSize: number, total: number): string {
  if (total === 0) return 'No referrals';
  const first = page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`;
}
