import { describe, expect, it } from 'vitest';
import { londonInstant, londonNow } from '../../../../shared/calendar/london-instant';

describe('londonInstant: no silent shifts across UK clock changes (domain §4)', () => {
  it('reads a winter time as GMT and a summer time as BST', () => {
    expect(londonInstant('2026-01-15', '09:30')).toEqual({
      kind: 'ok',
      instant: '2026-01-15T09:30:00.000Z',
    });
    expect(londonInstant('2026-07-01', '09:30')).toEqual({
      kind: 'ok',
      instant: '2026-07-01T08:30:00.000Z',
    });
  });

  it('reports 01:30 on the spring-forward day as not existing', () => {
    const r = londonInstant('2026-03-29', '01:30');
    expect(r.kind).toBe('nonexistent');
    expect(londonInstant('2026-03-29', '00:59').kind).toBe('ok');
    expect(londonInstant('2026-03-29', '02:00')).toEqual({
      kind: 'ok',
      instant: '2026-03-29T01:00:00.000Z',
    });
  });

  it('reports 01:30 on the autumn day as ambiguous, offering both instants', () => {
    const r = londonInstant('2026-10-25', '01:30');
    expect(r).toMatchObject({
      kind: 'ambiguous',
      earlier: '2026-10-25T00:30:00.000Z',
      later: '2026-10-25T01:30:00.000Z',
    });
    expect(londonInstant('2027-10-31', '01:15').kind).toBe('ambiguous');
    expect(londonInstant('2027-03-28', '01:15').kind).toBe('nonexistent');
  });

  it('rejects malformed input loudly', () => {
    expect(() => londonInstant('2026-01-15', '24:00')).toThrow();
    expect(() => londonInstant('15/01/2026', '09:00')).toThrow();
  });

  it('gives London date and time for an instant', () => {
    expect(londonNow(new Date('2026-06-30T23:30:00Z'))).toEqual({
      date: '2026-07-01',
      time: '00:30',
    });
    expect(londonNow(new Date('2026-12-31T23:30:00Z'))).toEqual({
      date: '2026-12-31',
      time: '23:30',
    });
  });
});
