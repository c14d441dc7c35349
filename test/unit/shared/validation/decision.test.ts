import { describe, expect, it } from 'vitest';
import {
  decisionDraftSchema,
  decisionSchema,
  hasForbiddenControlChars,
  policeNotificationSchema,
} from '../../../../shared/validation/decision';
import type { DecisionInput } from '../../../../shared/validation/decision';

const valid: DecisionInput = {
  referralId: 'ref-1',
  answers: { 'significant-harm': 'yes' },
  recommendedResponse: 'strategy-discussion',
  chosenResponse: 'strategy-discussion',
  rationale: 'Bruise to the face of a non-mobile baby, no explanation given.',
  crimeSuspected: true,
  policeNotification: {
    notified: true,
    officerName: 'DC Shah',
    rankOrRole: 'Detective Constable',
    forceOrTeam: 'CAIT',
    notifiedAt: '2024-03-01T14:05:00+00:00',
    reference: 'CAD 1234',
  },
  familyInformed: 'no-withheld',
  familyWithheldReason: 'jeopardise-police-investigation',
  familyWithheldExplanation: 'Joint visit planned with police.',
  seeingChildPlan: 'Joint visit today',
  decidedBy: 'J. Okafor',
  decidedAt: '2024-03-01T14:30:00Z',
};

const paths = (input: unknown): string[] => issues(input).map((i) => i.path);

function issues(input: unknown) {
  const r = decisionSchema.safeParse(input);
  return r.success
    ? []
    : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('decisionSchema', () => {
  it('accepts a complete decision and trims text', () => {
    const r = decisionSchema.parse({ ...valid, decidedBy: '  J. Okafor ' });
    expect(r.decidedBy).toBe('J. Okafor');
  });

  it('rejects unknown keys', () => {
    expect(issues({ ...valid, admin: true })[0]?.message).toMatch(/Unrecognized key/);
    expect(
      issues({ ...valid, policeNotification: { ...valid.policeNotification, extra: 1 } }),
    ).toHaveLength(1);
  });

  it('requires a rationale of at least 20 characters', () => {
    expect(issues({ ...valid, rationale: '' })).toContainEqual({
      path: 'rationale',
      message: 'Enter the reasons for your decision',
    });
    expect(issues({ ...valid, rationale: undefined })).toContainEqual({
      path: 'rationale',
      message: 'Enter the reasons for your decision',
    });
    expect(issues({ ...valid, rationale: 'Too short.' })[0]?.message).toMatch(/at least 20/);
    expect(issues({ ...valid, rationale: 'x'.repeat(10_001) })[0]?.message).toMatch(/10000/);
  });

  it('requires a reason when the chosen response differs', () => {
    expect(issues({ ...valid, chosenResponse: 's17-assessment' })).toEqual([
      { path: 'differsReason', message: 'Explain why you chose a different response' },
    ]);
    expect(
      issues({ ...valid, chosenResponse: 's17-assessment', differsReason: 'Manager advised.' }),
    ).toEqual([]);
  });

  it('requires which reason and why when the family is not told', () => {
    expect(
      issues({ ...valid, familyWithheldReason: undefined, familyWithheldExplanation: '  ' }).map(
        (i) => i.path,
      ),
    ).toEqual(['familyWithheldReason', 'familyWithheldExplanation']);
    expect(issues({ ...valid, familyWithheldReason: 'because' })).toHaveLength(1);
    // The guidance allows two grounds only: "other" is no longer accepted on a new decision.
    expect(issues({ ...valid, familyWithheldReason: 'other' })).toHaveLength(1);
  });

  it('not yet told: who will tell the family, and when', () => {
    expect(
      paths({
        ...valid,
        familyInformed: 'not-yet',
        familyWithheldReason: undefined,
        familyWithheldExplanation: undefined,
      }),
    ).toEqual(['familyToBeToldBy', 'familyToBeToldOn']);
    expect(
      paths({
        ...valid,
        familyInformed: 'not-yet',
        familyWithheldReason: undefined,
        familyWithheldExplanation: undefined,
        familyToBeToldBy: 'J. Okafor',
        familyToBeToldOn: '2026-02-31',
      }),
    ).toEqual(['familyToBeToldOn']);
  });

  it('the police answer follows the checklist’s crime question; "not known" means tell them', () => {
    expect(
      paths({ ...valid, answers: { 'crime-suspected': 'unknown' }, crimeSuspected: false }),
    ).toEqual(['crimeSuspected']);
    expect(
      paths({ ...valid, answers: { 'crime-suspected': 'no' }, crimeSuspected: false }),
    ).toEqual([]);
  });

  it('"see the child by" cannot be before the decision', () => {
    expect(
      paths({ ...valid, decidedAt: '2026-03-02T10:00:00Z', seeChildBy: '2026-03-02T09:00:00Z' }),
    ).toEqual(['seeChildBy']);
  });

  it('rejects control characters but allows tabs and new lines', () => {
    expect(issues({ ...valid, rationale: `${valid.rationale}\u0007` })[0]?.message).toMatch(
      /control characters/,
    );
    expect(issues({ ...valid, rationale: `Line one is long enough\r\n\tLine two` })).toEqual([]);
    expect(hasForbiddenControlChars('a\u0085b')).toBe(true);
    expect(hasForbiddenControlChars('Zoë – café')).toBe(false);
  });

  it('rejects bad enums and instants', () => {
    expect(issues({ ...valid, chosenResponse: 'section-47' })[0]?.message).toBe(
      'Select the type of response',
    );
    expect(issues({ ...valid, decidedAt: '2024-03-01 14:30' })[0]?.path).toBe('decidedAt');
    expect(issues({ ...valid, decidedAt: '2024-03-01T14:30:00' })[0]?.path).toBe('decidedAt');
    expect(issues({ ...valid, answers: { 'significant-harm': 'maybe' } })).toHaveLength(1);
    expect(issues({ ...valid, answers: { 'Bad Id': 'yes' } })).toHaveLength(1);
  });
});

describe('policeNotificationSchema', () => {
  it('when notified, needs who, when and the reference', () => {
    const r = policeNotificationSchema.safeParse({ notified: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      'Enter the name of the police officer you told',
      'Enter the date and time you told the police',
      'Enter the police reference number, or say it is awaited',
    ]);
    // "Awaited" stands in for a reference the police have not yet given.
    expect(
      policeNotificationSchema.safeParse({
        notified: true,
        officerName: 'PC Lee',
        notifiedAt: '2026-03-02T10:00:00Z',
        referenceAwaited: true,
      }).success,
    ).toBe(true);
  });

  it('not yet notified is a valid shape', () => {
    expect(policeNotificationSchema.safeParse({ notified: false }).success).toBe(true);
  });
});

describe('decisionDraftSchema', () => {
  it('accepts a partial draft but keeps type and character rules', () => {
    expect(decisionDraftSchema.safeParse({ rationale: 'short' }).success).toBe(true);
    expect(decisionDraftSchema.safeParse({}).success).toBe(true);
    expect(decisionDraftSchema.safeParse({ rationale: 'a\u0000' }).success).toBe(false);
    expect(decisionDraftSchema.safeParse({ other: 1 }).success).toBe(false);
  });
});
