// The scheduling form's reading (renderer/src/features/strategy/schedule-model): London times
// into UTC instants on both sides of the clock change, a time that happens twice is asked about
// and never guessed, every error at once under the schema's paths, and the trigger offered from
// the referral's standing decision.
import { describe, expect, it } from 'vitest';
import type { DecisionRecord, ReferralRecord } from '../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';
import {
  buildReschedule,
  buildSchedule,
  emptyScheduleForm,
  movesTimeOrPlace,
  rescheduleFormFrom,
  triggerChoices,
  type ScheduleForm,
} from '../../../renderer/src/features/strategy/schedule-model';
import { NOW, makeReferral, makeUser } from '../fixtures';

function decided(chosen: DecisionRecord['chosen'], status: DecisionRecord['status'] = 'final') {
  const r = makeReferral('r-1');
  const decision = {
    id: 'd-1',
    referralId: r.id,
    status,
    recommended: chosen,
    chosen,
  } as DecisionRecord;
  return { ...r, status: 'decided', decisions: [decision] } as ReferralRecord;
}

const chair = makeUser({ id: 'u-chair', roles: ['chair'] });

function filled(referral: ReferralRecord, over: Partial<ScheduleForm> = {}): ScheduleForm {
  return {
    ...emptyScheduleForm(referral, chair),
    start: { date: '25/11/2026', time: '14:00', choice: '' },
    end: { date: '25/11/2026', time: '15:00', choice: '' },
    format: 'video',
    joinLink: 'https://teams.example/m/1',
    ...over,
  };
}

describe('triggerChoices', () => {
  it('offers the decision for a strategy-discussion decision, and new information', () => {
    expect(triggerChoices(decided('strategy-discussion'))).toEqual(['decision', 'new-information']);
  });
  it('offers emergency action for an emergency-action decision awaiting sign-off', () => {
    expect(triggerChoices(decided('emergency-action', 'awaiting-sign-off'))).toEqual([
      'emergency-action',
      'new-information',
    ]);
  });
  it('offers nothing before a decision, and ignores a returned one', () => {
    expect(triggerChoices(makeReferral('r-2'))).toEqual([]);
    expect(triggerChoices(decided('strategy-discussion', 'returned'))).toEqual([]);
  });
});

describe('buildSchedule', () => {
  it('defaults: the decision as trigger, me as chair, every child on the referral', () => {
    const r = decided('strategy-discussion');
    const form = emptyScheduleForm(r, chair);
    expect(form.triggerKind).toBe('decision');
    expect(form.chairId).toBe('u-chair');
    expect(form.children.map((c) => c.referralChildId)).toEqual(r.children.map((c) => c.id));
    // A duty worker is not a chair: the chair is chosen, not guessed.
    expect(emptyScheduleForm(r, makeUser()).chairId).toBe('');
  });

  it('gives every error at once under the schema paths', () => {
    const r = decided('strategy-discussion');
    const result = buildSchedule(
      { ...emptyScheduleForm(r, chair), triggerKind: '' },
      { referral: r, now: NOW },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ['endsAt', 'format', 'startsAt', 'trigger.kind'].sort(),
    );
  });

  it('reads London times into UTC: GMT in November, BST in July', () => {
    const r = decided('strategy-discussion');
    const winter = buildSchedule(filled(r), { referral: r, now: NOW });
    expect(winter.ok && winter.value.startsAt).toBe('2026-11-25T14:00:00.000Z');
    const summer = buildSchedule(
      filled(r, {
        start: { date: '01/07/2027', time: '14:00', choice: '' },
        end: { date: '01/07/2027', time: '15:00', choice: '' },
      }),
      { referral: r, now: NOW },
    );
    expect(summer.ok && summer.value.startsAt).toBe('2027-07-01T13:00:00.000Z');
    expect(summer.ok && summer.value.trigger).toEqual({ kind: 'decision', decisionId: 'd-1' });
  });

  it('asks which 01:30 on the night the clocks go back, and reads the choice', () => {
    const r = decided('emergency-action');
    const night = { date: '31/10/2027', time: '01:30' };
    const asked = buildSchedule(filled(r, { start: { ...night, choice: '' } }), {
      referral: r,
      now: NOW,
    });
    expect(!asked.ok && asked.errors.startsAt).toMatch(/happens twice/);
    const chosen = buildSchedule(
      filled(r, {
        triggerKind: 'emergency-action',
        measure: 'police-protection',
        takenAt: { date: '24/11/2026', time: '08:00', choice: '' },
        start: { ...night, choice: 'later' },
        end: { date: '31/10/2027', time: '02:30', choice: '' },
      }),
      { referral: r, now: NOW },
    );
    expect(chosen.ok && chosen.value.startsAt).toBe('2027-10-31T01:30:00.000Z');
    expect(chosen.ok && chosen.value.trigger).toEqual({
      kind: 'emergency-action',
      decisionId: 'd-1',
      measure: 'police-protection',
      takenAt: '2026-11-24T08:00:00.000Z',
    });
  });

  it('refuses an end before the start, and a video call without its link', () => {
    const r = decided('strategy-discussion');
    const result = buildSchedule(
      filled(r, { end: { date: '25/11/2026', time: '13:00', choice: '' }, joinLink: ' ' }),
      { referral: r, now: NOW },
    );
    expect(!result.ok && result.errors).toEqual({
      endsAt: 'End the discussion after it starts',
      joinLink: 'Enter the joining link or meeting details for the video call',
    });
  });

  it('sends only the children ticked, with the looked-after flag', () => {
    const r = decided('strategy-discussion');
    const form = filled(r);
    const children = form.children.map((c, i) => ({
      ...c,
      include: i === 0,
      lookedAfter: i === 0,
    }));
    const result = buildSchedule({ ...form, children }, { referral: r, now: NOW });
    expect(result.ok && result.value.children).toEqual([
      { referralChildId: r.children[0]?.id, lookedAfter: true },
    ]);
  });
});

describe('rescheduling', () => {
  const d = {
    id: 's-1',
    version: 3,
    startsAt: '2026-11-25T14:00:00.000Z',
    endsAt: '2026-11-25T15:00:00.000Z',
    format: 'video',
    location: null,
    joinLink: 'https://teams.example/m/1',
    chair: { id: 'u-chair', displayName: 'Chris Chair' },
    minuteTaker: null,
    children: [
      { id: 'dc-1', referralChildId: 'rc-1', name: 'Amy', initials: 'A.', lookedAfter: false },
    ],
  } as unknown as StrategyDiscussionRecord;

  it('reads back unchanged, and says when the time or place moves', () => {
    const form = rescheduleFormFrom(d);
    expect(movesTimeOrPlace(form, d, NOW)).toBe(false);
    const same = buildReschedule(form, { discussion: d, now: NOW });
    expect(same.ok && same.value.startsAt).toBe(d.startsAt);
    const later = {
      ...form,
      start: { ...form.start, time: '15:00' },
      end: { ...form.end, time: '16:00' },
    };
    expect(movesTimeOrPlace(later, d, NOW)).toBe(true);
    const moved = buildReschedule(
      { ...later, reason: 'Police in court' },
      { discussion: d, now: NOW },
    );
    expect(moved.ok && moved.value).toMatchObject({
      id: 's-1',
      version: 3,
      startsAt: '2026-11-25T15:00:00.000Z',
      reason: 'Police in court',
    });
  });
});
