import { describe, expect, it } from 'vitest';
import { CHECKLISTS, checkDecisionComplete } from '../../../../shared/checklist';
import type { Edition } from '../../../../shared/domain/types';
import { resolvePolicy } from '../../../../shared/policy';
import type { AnswerValue, DecisionDraft } from '../../../../shared/validation/decision';

/** Every question of the edition answered "no", then the given answers. */
function answers(
  edition: Edition,
  over: Record<string, AnswerValue> = {},
): Record<string, AnswerValue> {
  return {
    ...Object.fromEntries(CHECKLISTS[edition].questions.map((q) => [q.id, 'no' as const])),
    ...over,
  };
}

const good: DecisionDraft = {
  answers: answers(2023, { 'child-in-need': 'yes' }),
  recommendedResponse: 's17-assessment',
  chosenResponse: 's17-assessment',
  rationale: 'Parent with mental health difficulties; school reports poor attendance and hunger.',
  crimeSuspected: false,
  familyInformed: 'yes',
  familyAgreement: 'agreed',
  seeingChildPlan: 'Duty social worker to visit at home tomorrow after school.',
  decidedBy: 'J. Okafor',
  decidedAt: '2024-03-01T11:00:00Z',
};
const lead = {
  leadPractitioner: 'A. Patel',
  leadPractitionerAllocatedBy: 'M. Brown (practice supervisor)',
  leadPractitionerRole: 'social-worker',
} as const;
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
      {
        field: 'policeNotification.reference',
        message: 'Enter the police reference number, or say it is awaited',
      },
    ]);
    // A reference the police have not given yet is not a blocker.
    expect(
      checkDecisionComplete(
        {
          ...good,
          answers: answers(2023, { 'child-in-need': 'yes', 'crime-suspected': 'yes' }),
          crimeSuspected: true,
          policeNotification: {
            notified: true,
            officerName: 'PC Lee',
            notifiedAt: '2024-03-01T10:00:00Z',
            referenceAwaited: true,
          },
        },
        p,
      ).complete,
    ).toBe(true);
  });

  it('the safety questions must be answered, and the recommendation is worked out again', () => {
    const p = resolvePolicy(2018);
    const { 'significant-harm': _h, ...withoutHarm } = answers(2018, { 'child-in-need': 'yes' });
    const r = checkDecisionComplete({ ...good, answers: withoutHarm }, p);
    expect(r.missing[0]).toEqual({
      field: 'answers.significant-harm',
      message:
        'Answer this safety question: Is there reasonable cause to suspect the child is suffering, or is likely to suffer, significant harm?',
    });
    // A renderer cannot send its own recommendation.
    const forged = checkDecisionComplete(
      {
        ...good,
        answers: answers(2018, { 'significant-harm': 'yes' }),
        recommendedResponse: 'nfa',
        chosenResponse: 'nfa',
      },
      p,
    );
    expect(fields(forged)).toContain('recommendedResponse');
  });

  it('stepping down from a safety recommendation needs its reason', () => {
    const r = checkDecisionComplete(
      {
        ...good,
        answers: answers(2018, { 'significant-harm': 'unknown' }),
        recommendedResponse: 'strategy-discussion',
        chosenResponse: 's17-assessment',
      },
      resolvePolicy(2018),
    );
    expect(r.missing).toEqual([
      {
        field: 'differsReason',
        message: 'Explain why you chose a lower response than the safety questions point to',
      },
    ]);
  });

  it('section 17 and early help need the family’s agreement; early help refused cannot stand', () => {
    const p = resolvePolicy(2018);
    expect(fields(checkDecisionComplete({ ...good, familyAgreement: undefined }, p))).toEqual([
      'familyAgreement',
    ]);
    const eh: DecisionDraft = {
      ...good,
      answers: answers(2018, { 'early-help-needs': 'yes', 'family-consents-early-help': 'yes' }),
      recommendedResponse: 'early-help',
      chosenResponse: 'early-help',
      seeingChildPlan: undefined,
      familyAgreement: 'refused',
    };
    expect(checkDecisionComplete(eh, p).missing[0]?.message).toMatch(/Early help needs the family/);
    // A strategy discussion never asks for agreement (a s47 enquiry does not need it).
    const s47: DecisionDraft = {
      ...good,
      answers: answers(2018, { 'significant-harm': 'yes' }),
      recommendedResponse: 'strategy-discussion',
      chosenResponse: 'strategy-discussion',
      familyAgreement: undefined,
    };
    expect(checkDecisionComplete(s47, p).complete).toBe(true);
  });

  it('family not yet told needs who will tell them and when', () => {
    const p = resolvePolicy(2018);
    expect(fields(checkDecisionComplete({ ...good, familyInformed: 'not-yet' }, p))).toEqual([
      'familyToBeToldBy',
      'familyToBeToldOn',
    ]);
    expect(
      checkDecisionComplete(
        {
          ...good,
          familyInformed: 'not-yet',
          familyToBeToldBy: 'J. Okafor',
          familyToBeToldOn: '2024-03-04',
        },
        p,
      ).complete,
    ).toBe(true);
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

  it('seeing the child: the child protection standard is not the child in need standard', () => {
    const p = resolvePolicy(2018);
    const r = checkDecisionComplete({ ...good, seeingChildPlan: undefined }, p);
    expect(r.missing[0]?.message).toMatch(/\(as soon as possible\)/);
    expect(r.missing[0]?.message).not.toMatch(/24 hours/);
    const local = resolvePolicy(2018, { seeChildInNeedWorkingDays: 5 });
    expect(
      checkDecisionComplete({ ...good, seeingChildPlan: undefined }, local).missing[0]?.message,
    ).toMatch(/within 5 working days/);
    const s47 = checkDecisionComplete(
      {
        ...good,
        answers: answers(2018, { 'significant-harm': 'yes' }),
        recommendedResponse: 'strategy-discussion',
        chosenResponse: 'strategy-discussion',
        seeingChildPlan: undefined,
      },
      p,
    );
    expect(s47.missing[0]?.message).toMatch(/child protection: within 24 hours/);
    expect(
      checkDecisionComplete(
        {
          ...good,
          answers: answers(2018),
          seeingChildPlan: undefined,
          chosenResponse: 'nfa',
          recommendedResponse: 'nfa',
        },
        p,
      ).complete,
    ).toBe(true);
  });

  it('2023: lead practitioner, who named them, and a social worker for child protection', () => {
    const p = resolvePolicy(2023);
    expect(fields(checkDecisionComplete(good, p))).toEqual([
      'leadPractitioner',
      'leadPractitionerAllocatedBy',
      'leadPractitionerRole',
    ]);
    expect(checkDecisionComplete({ ...good, ...lead }, p).complete).toBe(true);
    // Child in need work may be led by another practitioner; child protection may not.
    expect(
      checkDecisionComplete({ ...good, ...lead, leadPractitionerRole: 'other-practitioner' }, p)
        .complete,
    ).toBe(true);
    const cp = checkDecisionComplete(
      {
        ...good,
        ...lead,
        leadPractitionerRole: 'other-practitioner',
        answers: answers(2023, { 'significant-harm': 'yes' }),
        recommendedResponse: 'strategy-discussion',
        chosenResponse: 'strategy-discussion',
      },
      p,
    );
    expect(cp.missing).toEqual([
      {
        field: 'leadPractitionerRole',
        message:
          'Where there is a child protection enquiry the lead practitioner must be a social worker (Working Together 2023 ch.3)',
      },
    ]);
  });

  it('manager sign-off required under 2013, not under 2018 unless local policy keeps it', () => {
    const g2013 = { ...good, answers: answers(2013, { 'child-in-need': 'yes' }) };
    const g2018 = { ...good, answers: answers(2018, { 'child-in-need': 'yes' }) };
    const r2013 = checkDecisionComplete(g2013, resolvePolicy(2013));
    expect(r2013.missing).toEqual([
      {
        field: 'signOff',
        message:
          'Working Together 2013 has the social worker and their manager decide together: ask a manager to sign it off',
      },
    ]);
    expect(
      checkDecisionComplete(g2013, resolvePolicy(2013), {
        signOff: { by: 'M. Brown', at: '2024-03-01T12:00:00Z' },
      }).complete,
    ).toBe(true);
    expect(checkDecisionComplete(g2018, resolvePolicy(2018)).complete).toBe(true);
    const local = checkDecisionComplete(g2018, resolvePolicy(2018, { managerSignOff: 'required' }));
    expect(local.missing).toEqual([
      {
        field: 'signOff',
        message: 'Your local policy requires a manager to sign off this decision',
      },
    ]);
    expect(
      checkDecisionComplete(g2013, resolvePolicy(2013, { managerSignOff: 'off' })).complete,
    ).toBe(true);
  });

  it('an empty draft lists every question, then the basics', () => {
    const p = resolvePolicy(2018);
    const f = fields(checkDecisionComplete({}, p));
    expect(f.slice(0, 3)).toEqual([
      'answers.immediate-danger',
      'answers.needs-protection-now',
      'answers.significant-harm',
    ]);
    expect(f.filter((x) => !x.startsWith('answers.'))).toEqual([
      'chosenResponse',
      'rationale',
      'crimeSuspected',
      'familyInformed',
    ]);
  });
});
