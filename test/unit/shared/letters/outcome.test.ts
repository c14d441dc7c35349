// What a letter reports and when each letter is due (issue 13).
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../../../shared/calendar/working-days';
import { letterOutcomeFor, lettersDue } from '../../../../shared/letters/outcome';
import { RESPONSE_TYPES } from '../../../../shared/domain/types';

describe('letterOutcomeFor', () => {
  it('reports the decision when nothing has changed it', () => {
    for (const r of RESPONSE_TYPES) expect(letterOutcomeFor(r)).toBe(r);
  });

  it('reports what a strategy discussion decided', () => {
    expect(letterOutcomeFor('strategy-discussion', { s47: 'yes' })).toBe('s47-enquiry');
    expect(letterOutcomeFor('emergency-action', { s47: 'yes' })).toBe('s47-enquiry');
    expect(
      letterOutcomeFor('strategy-discussion', { s47: 'no', otherResponse: 's17-assessment' }),
    ).toBe('s17-assessment');
    expect(
      letterOutcomeFor('strategy-discussion', { s47: 'no', otherResponse: 'early-help' }),
    ).toBe('early-help');
    expect(letterOutcomeFor('strategy-discussion', { s47: 'no', otherResponse: 'nfa' })).toBe(
      'nfa',
    );
    expect(
      letterOutcomeFor('strategy-discussion', { s47: 'no', otherResponse: 'further-discussion' }),
    ).toBe('strategy-discussion');
    expect(letterOutcomeFor('strategy-discussion', { s47: 'no' })).toBe('strategy-discussion');
  });
});

describe('lettersDue', () => {
  const calendar = createWorkingDayCalendar({ closures: ['2026-12-29'] });

  it('wants the acknowledgement one working day after receipt', () => {
    // Tuesday → Wednesday.
    expect(lettersDue({ countedFrom: '2026-12-01', decidedAt: null }, calendar)).toEqual([
      { kind: 'acknowledgement', dueOn: '2026-12-02' },
    ]);
    // Friday → Monday.
    expect(lettersDue({ countedFrom: '2026-12-04', decidedAt: null }, calendar)[0]?.dueOn).toBe(
      '2026-12-07',
    );
    // Thursday 24 December → Tuesday 29th is a closure, Christmas and the substitute Boxing Day
    // (Monday 28th) are bank holidays: Wednesday 30 December.
    expect(lettersDue({ countedFrom: '2026-12-24', decidedAt: null }, calendar)[0]?.dueOn).toBe(
      '2026-12-30',
    );
  });

  it('wants an outcome letter on the day of the decision (London), and again on each change', () => {
    const due = lettersDue(
      {
        countedFrom: '2026-03-27',
        // 00:30 BST on 30 March is still 29 March in UTC: the London date counts.
        decidedAt: '2026-03-29T23:30:00.000Z',
        outcomeChangedAt: ['2026-04-08T10:00:00.000Z'],
      },
      calendar,
    );
    expect(due).toEqual([
      { kind: 'acknowledgement', dueOn: '2026-03-30' },
      { kind: 'outcome', dueOn: '2026-03-30' },
      { kind: 'outcome', dueOn: '2026-04-08' },
    ]);
  });
});
