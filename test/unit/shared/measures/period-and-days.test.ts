// The Measures screen's pure parts: the periods it offers, the fast London-day reader (checked
// against londonDate every quarter hour across both 2026 clock changes), rates and the median.
import { describe, expect, it } from 'vitest';
import { londonDate } from '../../../../shared/calendar/clocks';
import { median, rate } from '../../../../shared/measures/compute';
import { londonDayCache } from '../../../../shared/measures/london-days';
import {
  defaultPeriod,
  describePeriod,
  quickPeriod,
  quickPickOf,
} from '../../../../shared/measures/period';

describe('periods', () => {
  it('defaults to the last complete month', () => {
    expect(defaultPeriod('2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    // January: last month is December of the year before.
    expect(defaultPeriod('2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    // March after a leap February.
    expect(defaultPeriod('2028-03-15')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('gives this quarter so far and the last 12 months up to today', () => {
    expect(quickPeriod('this-quarter', '2026-11-24')).toEqual({
      from: '2026-10-01',
      to: '2026-11-24',
    });
    expect(quickPeriod('this-quarter', '2026-03-31')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(quickPeriod('last-12-months', '2026-11-24')).toEqual({
      from: '2025-11-25',
      to: '2026-11-24',
    });
    expect(quickPickOf({ from: '2025-11-25', to: '2026-11-24' }, '2026-11-24')).toBe(
      'last-12-months',
    );
    expect(quickPickOf({ from: '2025-11-24', to: '2026-11-24' }, '2026-11-24')).toBeNull();
    expect(describePeriod({ from: '2026-10-01', to: '2026-10-31' })).toBe(
      '01/10/2026 to 31/10/2026',
    );
  });
});

describe('London days of many instants', () => {
  it('agrees with londonDate every quarter hour through 2026, clock changes included', () => {
    const day = londonDayCache();
    const wrong: string[] = [];
    const end = Date.parse('2027-01-01T00:00:00Z');
    for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < end; ms += 15 * 60_000) {
      const iso = new Date(ms).toISOString();
      if (day(iso) !== londonDate(iso)) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    // 23:30 UTC in summer is the next day in London (BST); in winter the same day (GMT).
    expect(day('2026-06-30T23:30:00.000Z')).toBe('2026-07-01');
    expect(day('2026-12-30T23:30:00.000Z')).toBe('2026-12-30');
    // An instant with an offset is read as the instant it is.
    expect(day('2026-07-01T00:30:00+01:00')).toBe('2026-07-01');
  });
});

describe('rates and medians', () => {
  it('says "nothing to measure" rather than 0%', () => {
    expect(rate(0, 0)).toEqual({ count: 0, of: 0, percent: null });
    expect(rate(41, 52)).toEqual({ count: 41, of: 52, percent: 78.8 });
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
