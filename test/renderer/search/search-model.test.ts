// The search page's summary line and group headings say exactly which group was cut short: a
// list of 50 must never read as complete when the search had more.
import { describe, expect, it } from 'vitest';
import { groupTitle, resultsSummary } from '../../../renderer/src/features/search/search-model';

const base = { kind: 'date-of-birth' as const, text: '21/05/2017' };
const rows = (n: number) => Array.from({ length: n }, () => null as never);

describe('search summary', () => {
  it('says nothing was left out when both groups are complete', () => {
    const line = resultsSummary(
      {
        ...base,
        children: rows(1),
        referrals: rows(2),
        more: { children: false, referrals: false },
      },
      50,
    );
    expect(line).toBe('Searched a date of birth for “21/05/2017”: 1 child and 2 referrals.');
  });

  it('names the group that was cut short', () => {
    const children = resultsSummary(
      {
        ...base,
        children: rows(50),
        referrals: rows(3),
        more: { children: true, referrals: false },
      },
      50,
    );
    expect(children).toContain('Only the first 50 children are shown');
    const referrals = resultsSummary(
      {
        ...base,
        children: rows(3),
        referrals: rows(50),
        more: { children: false, referrals: true },
      },
      50,
    );
    expect(referrals).toContain('Only the first 50 referrals are shown');
    const both = resultsSummary(
      {
        ...base,
        children: rows(50),
        referrals: rows(50),
        more: { children: true, referrals: true },
      },
      50,
    );
    expect(both).toContain('Only the first 50 of each are shown');
    // Children cut short leave their referrals out too: fewer than 50 referrals, still cut.
    const withTheirs = resultsSummary(
      {
        ...base,
        children: rows(50),
        referrals: rows(26),
        more: { children: true, referrals: true },
      },
      50,
    );
    expect(withTheirs).toContain('Only the first 50 children are shown, with their referrals');
  });

  it('heads a cut group "first 50"', () => {
    expect(groupTitle('Children', 50, true)).toBe('Children (first 50)');
    expect(groupTitle('Referrals', 3, false)).toBe('Referrals (3)');
  });
});
