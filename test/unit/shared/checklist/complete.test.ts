import { describe, expect, it } from 'vitest';
import { checkDecisionComplete } from '../../../../shared/checklist';
import { resolvePolicy } from '../../../../shared/policy';
import type { DecisionDraft } from '../../../../shared/validation/decision';

const good: DecisionDraft = {
  answers: { 'child-in-need': 'yes' },
  recommendedResponse: 's17-assessment',
  chosenResponse: 's17-assessment',
  rationale: 'Parent with mental health difficulties; school reports poor attendance and hunger.',
  crimeSuspected: false,
  familyInformed: 'yes',
  seeingChildPlan: 'Duty social worker to visit at home tomorrow after school.',
  decidedBy: 'J. Okafor',
  decidedAt: '2024-03-01T11:00:00Z',
};
const fields = (r: ReturnType<typeof checkDecisionComplete>) => r.missing.map((m) => m.field);

describe('checkDecisionComplete', () => {
  it('a full decision under 2018 is complete', () => {
    expect(checkDecisionComplete(good, resolvePolicy(2018))).toEqual({
      complete: true,
      missing: [],
    });
  });

  it('missing or thin rationale', () => {
    const p = resolvePolicy(2018);
    expect(checkDecisionComplete({ ...good, rationale: undefined }, p).missing).toEqual([
      { field: 'rationale', message: 'Enter the reasons for your decision' },
    ]);
    expect(checkDecisionComplete({ ...good, rationale: '  ok  ' }, p).missing[0]?.message).toMatch(
      /fuller reasons/,
    );
  });

  it('a different response needs a reason', () => {
    const r = checkDecisionComplete({ ...good, chosenResponse: 'early-help' }, resolvePolicy(2018));
    expect(r.missing).toEqual([
      { field: 'differsReason', message: 'Explain why you chose a different response' },
    ]);
  });

  it('police details when a crime is suspected', () => {
    const p = resolvePolicy(2018);
    expect(fields(checkDecisionComplete({ ...good, crimeSuspected: true }, p))).toEqual([
      'policeNotification',
    ]);
    const partial = checkDecisionComplete(
      {
        ...good,
        crimeSuspected: true,
        policeNotification: { notified: true, officerName: 'PC Lee' },
      },
      p,
    );
    expect(partial.missing).toEqual([
      {
        field: 'policeNotification.notifiedAt',
        message: 'Enter the date and time you told the police',
      },
      { field: 'policeNotification.reference', message: 'Enter the police reference number' },
    ]);
  });

  it('family not told needs which reason and why', () => {
    const r = checkDecisionComplete(
      { ...good, familyInformed: 'no-withheld' },
      resolvePolicy(2018),
    );
    expect(fields(r)).toEqual(['familyWithheldReason', 'familyWithheldExplanation']);
    expect(
      checkDecisionComplete(
        {
          ...good,
          familyInformed: 'no-withheld',
          familyWithheldReason: 'jeopardise-police-investigation',
          familyWithheldExplanation: 'Police will interview the father first.',
        },
        resolvePolicy(2018),
      ).complete,
    ).toBe(true);
  });

  it('seeing the child plan only where further assessment is needed', () => {
    const p = resolvePolicy(2018);
    const r = checkDecisionComplete({ ...good, seeingChildPlan: undefined }, p);
    expect(r.missing[0]?.message).toMatch(/within 24 hours/);
    expect(
      checkDecisionComplete(
        { ...good, seeingChildPlan: undefined, chosenResponse: 'nfa', recommendedResponse: 'nfa' },
        p,
      ).complete,
    ).toBe(true);
  });

  it('2023: lead practitioner for an accepted referral', () => {
    const p = resolvePolicy(2023);
    expect(fields(checkDecisionComplete(good, p))).toEqual(['leadPractitioner']);
    expect(checkDecisionComplete({ ...good, leadPractitioner: 'A. Patel' }, p).complete).toBe(true);
  });

  it('manager sign-off required under 2013, not under 2018 unless local policy keeps it', () => {
    const r2013 = checkDecisionComplete(good, resolvePolicy(2013));
    expect(r2013.missing).toEqual([
      {
        field: 'signOff',
        message:
          'Working Together 2013 requires the decision to be made in discussion with a manager: ask a manager to sign it off',
      },
    ]);
    expect(
      checkDecisionComplete(good, resolvePolicy(2013), {
        signOff: { by: 'M. Brown', at: '2024-03-01T12:00:00Z' },
      }).complete,
    ).toBe(true);
    expect(checkDecisionComplete(good, resolvePolicy(2018)).complete).toBe(true);
    const local = checkDecisionComplete(good, resolvePolicy(2018, { managerSignOff: 'required' }));
    expect(local.missing).toEqual([
      {
        field: 'signOff',
        message: 'Your local policy requires a manager to sign off this decision',
      },
    ]);
    expect(
      checkDecisionComplete(good, resolvePolicy(2013, { managerSignOff: 'off' })).complete,
    ).toBe(true);
  });

  it('an empty draft lists the basics', () => {
    expect(fields(checkDecisionComplete({}, resolvePolicy(2018)))).toEqual([
      'chosenResponse',
      'rationale',
      'crimeSuspected',
      'familyInformed',
    ]);
  });
});
