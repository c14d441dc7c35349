// The range of closure days an administrator may enter: 1 January 2000 to ten years ahead.
import { describe, expect, it } from 'vitest';
import { closureDateProblem, lastClosureDay } from '../../../../shared/calendar/closure-range';

describe('closure day range', () => {
  it('ends ten years ahead, on 28 February when today is 29 February', () => {
    expect(lastClosureDay('2026-11-30')).toBe('2036-11-30');
    expect(lastClosureDay('2028-02-29')).toBe('2038-02-28');
  });

  it('names the earliest date outside the range', () => {
    expect(closureDateProblem(['2026-12-25', '2000-01-01', '2036-11-30'], '2026-11-30')).toBeNull();
    expect(closureDateProblem(['2070-01-01', '1999-12-31'], '2026-11-30')).toBe(
      'Closure days must be between 01/01/2000 and 30/11/2036: check the year of 31/12/1999.',
    );
    expect(closureDateProblem([], '2026-11-30')).toBeNull();
  });
});
