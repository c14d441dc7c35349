import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../shared/calendar';
import { clockText } from '../../renderer/src/components/clock-text';
import {
  ageInYears,
  birthLine,
  liveStatus,
  returnedLine,
  sortQueue,
} from '../../renderer/src/features/queue/queue-model';
import { QUEUE } from './fixtures';

const calendar = createWorkingDayCalendar();

describe('queue model', () => {
  it('counts age in whole years, birthday inclusive', () => {
    expect(ageInYears('2016-03-14', '2026-03-13')).toBe(9);
    expect(ageInYears('2016-03-14', '2026-03-14')).toBe(10);
    expect(ageInYears('2026-06-20', '2026-11-24')).toBe(0);
  });

  it('describes a birth date, or an expected one for an unborn baby', () => {
    const child = { position: 0, displayName: 'Baby Marsh', personId: null, unborn: false };
    expect(birthLine({ ...child, birthDate: '2026-06-20' }, '2026-11-24')).toBe(
      'Born 20/06/2026 (under 1)',
    );
    expect(birthLine({ ...child, birthDate: '2027-01-20', unborn: true }, '2026-11-24')).toBe(
      'Unborn, expected 20/01/2027',
    );
    expect(birthLine({ ...child, birthDate: null }, '2026-11-24')).toBeNull();
  });

  it('recounts the clock against today: a screen left open overnight moves on', () => {
    const item = QUEUE.find((q) => q.id === 'today');
    if (!item) throw new Error('fixture');
    expect(clockText(liveStatus(item, '2026-11-24', calendar))).toBe('Due today');
    expect(clockText(liveStatus(item, '2026-11-25', calendar))).toBe('Overdue by 1 working day');
    // Over a weekend: due Friday, read on Saturday → the earliest it can now be done is Monday.
    const friday = { ...item, decisionDue: '2026-11-27' };
    expect(clockText(liveStatus(friday, '2026-11-28', calendar))).toBe('Overdue by 1 working day');
  });

  it('counts administrator closure days as non-working', () => {
    const item = { ...QUEUE[0], id: 'x', decisionDue: '2026-11-26' } as (typeof QUEUE)[number];
    const closed = createWorkingDayCalendar({ closures: ['2026-11-25'] });
    expect(clockText(liveStatus(item, '2026-11-24', calendar))).toBe(
      'On time: 2 working days left',
    );
    expect(clockText(liveStatus(item, '2026-11-24', closed))).toBe('On time: 1 working day left');
  });

  it('sorts most urgent first and keeps a met clock as the server said', () => {
    const rows = sortQueue(QUEUE, '2026-11-24', calendar);
    expect(rows.map((r) => r.item.id)).toEqual(['overdue', 'today', 'on-time', 'signoff']);
    expect(rows[3]?.status).toEqual({ kind: 'met', on: '2026-11-23', late: false });
  });

  it('says who returned a decision and why, in one sentence', () => {
    const item = QUEUE[0];
    if (!item) throw new Error('no queue item');
    expect(returnedLine(item)).toBeNull();
    expect(returnedLine({ ...item, returned: null })).toBeNull();
    const at = '2026-11-23T15:10:00Z';
    expect(
      returnedLine({ ...item, returned: { by: 'Jo Morgan', at, comment: 'Add the ref' } }),
    ).toBe('Returned by Jo Morgan: Add the ref.');
    expect(returnedLine({ ...item, returned: { by: 'Jo Morgan', at, comment: 'Why NFA?' } })).toBe(
      'Returned by Jo Morgan: Why NFA?',
    );
  });
});
