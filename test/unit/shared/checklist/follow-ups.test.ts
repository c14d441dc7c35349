import { describe, expect, it } from 'vitest';
import {
  followUpsFor,
  seeChildLaterThanStandard,
  seeChildStandardDueAt,
} from '../../../../shared/checklist';
import type { FollowUp } from '../../../../shared/checklist';
import { resolvePolicy } from '../../../../shared/policy';
import type { DecisionDraft } from '../../../../shared/validation/decision';
import { weekdayCalendar } from './fake-calendar';

const kinds = (f: FollowUp[]) => f.map((x) => x.kind);
const find = (f: FollowUp[], kind: FollowUp['kind']) => f.find((x) => x.kind === kind);

// Friday 2024-03-01: one working day later is Monday 2024-03-04.
const ctx = { countedFrom: '2024-03-01', calendar: weekdayCalendar };

describe('fake calendar', () => {
  it('skips weekends', () => {
    expect(weekdayCalendar.addWorkingDays('2024-03-01', 1)).toBe('2024-03-04');
    expect(weekdayCalendar.addWorkingDays('2024-03-01', 0)).toBe('2024-03-01');
    expect(weekdayCalendar.addWorkingDays('2024-03-01', 45)).toBe('2024-05-03');
  });
});

describe('followUpsFor', () => {
  it('strategy discussion under 2018: police, discussion, assessment, letters, see child', () => {
    const decision: DecisionDraft = {
      chosenResponse: 'strategy-discussion',
      crimeSuspected: true,
      decidedAt: '2024-03-01T15:00:00Z',
    };
    const f = followUpsFor(decision, resolvePolicy(2018), ctx);
    expect(kinds(f)).toEqual([
      'police-notification',
      'strategy-discussion',
      'assessment',
      'acknowledgement-letter',
      'outcome-letter',
      'see-child',
    ]);
    expect(find(f, 'strategy-discussion')?.due).toBe('2024-03-04');
    expect(find(f, 'assessment')).toMatchObject({ workingDays: 45, due: '2024-05-03' });
    expect(find(f, 'acknowledgement-letter')?.due).toBe('2024-03-04');
    expect(find(f, 'see-child')).toMatchObject({
      withinHours: 24,
      dueAt: '2024-03-02T15:00:00.000Z',
    });
  });

  it('no police follow-up once the notification is recorded', () => {
    const f = followUpsFor(
      {
        chosenResponse: 'strategy-discussion',
        crimeSuspected: true,
        policeNotification: {
          notified: true,
          officerName: 'DC Shah',
          notifiedAt: '2024-03-01T14:00:00Z',
          reference: 'CAD 1234',
        },
      },
      resolvePolicy(2018),
      ctx,
    );
    expect(kinds(f)).not.toContain('police-notification');
  });

  it('2010: the accepted referral has a 10-day initial assessment, not a 45-day one', () => {
    const f = followUpsFor({ chosenResponse: 's17-assessment' }, resolvePolicy(2010), ctx);
    expect(find(f, 'initial-assessment')).toMatchObject({ workingDays: 10, due: '2024-03-15' });
    expect(find(f, 'assessment')).toBeUndefined();
    expect(kinds(f)).not.toContain('strategy-discussion');
  });

  it('2023: an accepted referral needs a lead practitioner until one is named', () => {
    const p = resolvePolicy(2023);
    expect(kinds(followUpsFor({ chosenResponse: 's17-assessment' }, p, ctx))).toContain(
      'lead-practitioner',
    );
    expect(
      kinds(
        followUpsFor({ chosenResponse: 's17-assessment', leadPractitioner: 'A. Patel' }, p, ctx),
      ),
    ).not.toContain('lead-practitioner');
    expect(kinds(followUpsFor({ chosenResponse: 'early-help' }, p, ctx))).not.toContain(
      'lead-practitioner',
    );
    expect(
      kinds(followUpsFor({ chosenResponse: 's17-assessment' }, resolvePolicy(2018), ctx)),
    ).not.toContain('lead-practitioner');
  });

  it('emergency action: strategy discussion follows, using the local timescale', () => {
    const p = resolvePolicy(2018, { strategyDiscussionWorkingDays: 0 });
    const f = followUpsFor({ chosenResponse: 'emergency-action' }, p, {
      ...ctx,
      decidedOn: '2024-03-04',
    });
    expect(find(f, 'strategy-discussion')).toMatchObject({ workingDays: 0, due: '2024-03-04' });
    expect(find(f, 'strategy-discussion')?.source?.kind).toBe('local');
    expect(find(f, 'outcome-letter')?.due).toBe('2024-03-05');
  });

  it('NFA: letters only; anonymous referrer gets none; no feedback wanted means no outcome letter', () => {
    const p = resolvePolicy(2013);
    expect(kinds(followUpsFor({ chosenResponse: 'nfa' }, p, ctx))).toEqual([
      'acknowledgement-letter',
      'outcome-letter',
    ]);
    expect(
      followUpsFor({ chosenResponse: 'nfa' }, p, { ...ctx, referrer: { anonymous: true } }),
    ).toEqual([]);
    expect(
      kinds(
        followUpsFor({ chosenResponse: 'nfa' }, p, { ...ctx, referrer: { wantsFeedback: false } }),
      ),
    ).toEqual(['acknowledgement-letter']);
  });

  it('without a calendar gives working-day counts but no dates', () => {
    const f = followUpsFor({ chosenResponse: 's17-assessment' }, resolvePolicy(2018), {
      countedFrom: '2024-03-01',
    });
    expect(find(f, 'assessment')?.workingDays).toBe(45);
    expect(find(f, 'assessment')?.due).toBeUndefined();
  });

  it('routes from the checklist become follow-ups, each with its source and due date', () => {
    const p = resolvePolicy(2023);
    const f = followUpsFor(
      {
        chosenResponse: 's17-assessment',
        answers: {
          'immediate-danger': 'no',
          'needs-protection-now': 'no',
          'significant-harm': 'no',
          'open-case': 'yes',
          'allegation-against-worker': 'unknown',
          'homeless-16-17': 'yes',
          'young-carer': 'yes',
          'private-fostering': 'yes',
          'harm-outside-home': 'yes',
          'family-network': 'yes',
        },
      },
      p,
      ctx,
    );
    expect(find(f, 'lado-referral')).toMatchObject({ workingDays: 1, due: '2024-03-04' });
    expect(find(f, 'lado-referral')?.source?.kind).toBe('default');
    expect(find(f, 'private-fostering-visit')).toMatchObject({
      workingDays: 7,
      due: '2024-03-12',
      source: { kind: 'statute' },
    });
    expect(find(f, 'open-case-transfer')?.detail).toMatch(/not counted as a new referral/);
    expect(find(f, 'young-carer-assessment')?.source).toMatchObject({ reference: /s17ZA/ });
    expect(find(f, 'homeless-assessment')?.detail).toMatch(/section 20/);
    expect(find(f, 'harm-outside-home')?.source).toMatchObject({ edition: 2023 });
    expect(kinds(f)).toContain('family-network');
    // A child in need is seen "as soon as possible" unless local policy sets a figure.
    expect(find(f, 'see-child')).toMatchObject({ detail: /as soon as possible/ });
    expect(find(f, 'see-child')?.withinHours).toBeUndefined();
    const local = followUpsFor(
      { chosenResponse: 's17-assessment' },
      resolvePolicy(2018, { seeChildInNeedWorkingDays: 5 }),
      ctx,
    );
    expect(find(local, 'see-child')).toMatchObject({ workingDays: 5, due: '2024-03-08' });
  });

  it('a safety answer not known: consult a manager today', () => {
    const f = followUpsFor(
      {
        chosenResponse: 'strategy-discussion',
        answers: {
          'immediate-danger': 'no',
          'needs-protection-now': 'no',
          'significant-harm': 'unknown',
        },
      },
      resolvePolicy(2018),
      ctx,
    );
    expect(kinds(f)[0]).toBe('manager-consultation');
    expect(find(f, 'manager-consultation')).toMatchObject({ due: '2024-03-01' });
  });

  it('police reference awaited, and the family to be told by a named person on a date', () => {
    const f = followUpsFor(
      {
        chosenResponse: 'strategy-discussion',
        crimeSuspected: true,
        policeNotification: {
          notified: true,
          officerName: 'DC Shah',
          notifiedAt: '2024-03-01T14:00:00Z',
          referenceAwaited: true,
        },
        familyInformed: 'not-yet',
        familyToBeToldBy: 'J. Okafor',
        familyToBeToldOn: '2024-03-04',
      },
      resolvePolicy(2018),
      ctx,
    );
    expect(kinds(f)).toContain('police-reference');
    expect(kinds(f)).not.toContain('police-notification');
    expect(find(f, 'tell-family')).toMatchObject({ due: '2024-03-04', detail: /J\. Okafor/ });
  });

  it('the assessment counts from the actual referral date when it differs from day 0', () => {
    const f = followUpsFor({ chosenResponse: 's17-assessment' }, resolvePolicy(2018), {
      ...ctx,
      countedFrom: '2024-03-04',
      referralDate: '2024-03-02',
    });
    // 45 working days from Saturday 2 March 2024 (fake calendar: weekdays only).
    expect(find(f, 'assessment')?.due).toBe('2024-05-03');
  });
});

describe('seeing the child: the planned time and the local standard', () => {
  // Friday 1 March 2024, 15:00 GMT: the local standard for child protection is 24 hours.
  const decidedAt = '2024-03-01T15:00:00Z';
  const p = resolvePolicy(2018);

  it('without a planned time, the child protection standard sets the due time', () => {
    const f = followUpsFor({ chosenResponse: 'strategy-discussion', decidedAt }, p, ctx);
    expect(find(f, 'see-child')).toMatchObject({
      dueAt: '2024-03-02T15:00:00.000Z',
      detail: /within 24 hours/,
    });
    expect(seeChildStandardDueAt(decidedAt, p)).toBe('2024-03-02T15:00:00.000Z');
  });

  it('a planned "see the child by" is the due time, "as planned", in London time', () => {
    // 1 July 2024 is in British Summer Time: 08:00Z reads 09:00.
    const f = followUpsFor(
      {
        chosenResponse: 'strategy-discussion',
        decidedAt: '2024-07-01T07:00:00Z',
        seeChildBy: '2024-07-01T08:00:00Z',
      },
      p,
      ctx,
    );
    const see = find(f, 'see-child');
    expect(see?.dueAt).toBe('2024-07-01T08:00:00Z');
    expect(see?.detail).toBe(
      'See the child by 01/07/2024 09:00 as planned (local standard for child protection concerns: within 24 hours).',
    );
  });

  it('a planned time later than the child protection standard is kept, and said to be later', () => {
    const later = {
      chosenResponse: 'strategy-discussion',
      decidedAt,
      seeChildBy: '2024-03-04T09:00:00Z',
    } as const;
    expect(seeChildLaterThanStandard(later, p)).toBe(true);
    const see = find(followUpsFor(later, p, ctx), 'see-child');
    expect(see?.dueAt).toBe('2024-03-04T09:00:00Z');
    expect(see?.detail).toMatch(/^See the child by 04\/03\/2024 09:00 as planned\. /);
    expect(see?.detail).toMatch(
      /later than the local standard for child protection concerns: within 24 hours/,
    );
    // Exactly on the standard is not later; a local standard of 72 hours allows it.
    expect(seeChildLaterThanStandard({ ...later, seeChildBy: '2024-03-02T15:00:00Z' }, p)).toBe(
      false,
    );
    expect(seeChildLaterThanStandard(later, resolvePolicy(2018, { seeChildWithinHours: 72 }))).toBe(
      false,
    );
  });

  it('the child protection standard is not applied to a child in need', () => {
    const planned = {
      chosenResponse: 's17-assessment',
      decidedAt,
      seeChildBy: '2024-03-08T10:00:00Z',
    } as const;
    expect(seeChildLaterThanStandard(planned, p)).toBe(false);
    const see = find(followUpsFor(planned, p, ctx), 'see-child');
    // The planned time replaces the working-day date, so "What happens next" shows one time.
    expect(see).toMatchObject({ dueAt: '2024-03-08T10:00:00Z', detail: /as planned/ });
    expect(see?.due).toBeUndefined();
    expect(seeChildLaterThanStandard({ chosenResponse: 'strategy-discussion', decidedAt }, p)).toBe(
      false,
    );
  });
});
