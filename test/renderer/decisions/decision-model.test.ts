import { describe, expect, it } from 'vitest';
import { checklistFor } from '../../../shared/checklist';
import { resolvePolicy } from '../../../shared/policy';
import {
  buildDecision,
  emptyDecisionForm,
  formFromDraft,
  parseDateTime,
  recommendationFor,
  signOffText,
  type DecisionForm,
} from '../../../renderer/src/features/decisions/decision-model';

const NOW = new Date('2026-11-24T16:55:00Z');
const ctx2023 = {
  edition: 2023,
  policy: resolvePolicy(2023),
  decidedBy: 'Dana Wilson',
  now: NOW,
} as const;

function allAnswered(
  overrides: Record<string, 'yes' | 'no' | 'unknown'> = {},
): DecisionForm['answers'] {
  const answers: DecisionForm['answers'] = {};
  for (const q of checklistFor(2023).questions) answers[q.id] = 'no';
  return { ...answers, ...overrides };
}

function completeStrategyForm(): DecisionForm {
  return {
    ...emptyDecisionForm(),
    answers: allAnswered({ 'significant-harm': 'yes', 'crime-suspected': 'yes' }),
    chosenResponse: 'strategy-discussion',
    rationale: 'Child disclosed being hit with a belt; bruising seen by the school.',
    police: {
      officerName: 'DC Amy Hale',
      rankOrRole: '',
      forceOrTeam: 'Harbour Police CAIT',
      notifiedAt: { date: '24/11/2026', time: '16:40' },
      reference: 'HP-24-1187',
      referenceAwaited: false,
    },
    familyInformed: 'no-withheld',
    familyWithheldReason: 'jeopardise-police-investigation',
    familyWithheldExplanation: 'Police want to speak to the stepfather first.',
    seeingChildPlan: 'Social worker and police to see Noah at school tomorrow morning.',
    leadPractitioner: 'Sam Okafor',
    leadPractitionerAllocatedBy: 'Jo Morgan',
    leadPractitionerRole: 'social-worker',
  };
}

describe('the decision checklist logic', () => {
  it('updates the recommendation as questions are answered, with the reasons', () => {
    const none = recommendationFor(2023, emptyDecisionForm());
    expect(none.kind).toBe('needs-answers');
    const form = { ...emptyDecisionForm(), answers: allAnswered({ 'significant-harm': 'yes' }) };
    const r = recommendationFor(2023, form);
    if (r.kind !== 'recommended') throw new Error('expected a recommendation');
    expect(r.response).toBe('strategy-discussion');
    expect(r.because.join(' ')).toMatch(/Because you answered yes to/);
    const danger = recommendationFor(2023, {
      ...form,
      answers: allAnswered({ 'immediate-danger': 'yes', 'needs-protection-now': 'yes' }),
    });
    expect(danger.kind === 'recommended' && danger.response).toBe('emergency-action');
  });

  it('sends no recommendation, and only the questions asked, with the decision', () => {
    const form: DecisionForm = {
      ...completeStrategyForm(),
      // Answered while early help looked right, then early help answered "no": the consent
      // question is no longer asked, so its answer does not go with the decision.
      answers: allAnswered({
        'significant-harm': 'yes',
        'crime-suspected': 'yes',
        'family-consents-early-help': 'yes',
      }),
    };
    const { decision } = buildDecision(form, ctx2023);
    expect(decision?.answers).not.toHaveProperty('family-consents-early-help');
    const { 'immediate-danger': _d, ...missing } = form.answers;
    const unanswered = buildDecision({ ...form, answers: missing }, ctx2023);
    expect(unanswered.draft.recommendedResponse).toBeUndefined();
    expect(Object.keys(unanswered.errors)[0]).toBe('answers.immediate-danger');
  });

  it('builds a complete strategy-discussion decision with the police notification', () => {
    const { errors, decision } = buildDecision(completeStrategyForm(), ctx2023);
    expect(errors).toEqual({});
    expect(decision?.chosenResponse).toBe('strategy-discussion');
    expect(decision?.recommendedResponse).toBe('strategy-discussion');
    expect(decision?.policeNotification).toMatchObject({
      notified: true,
      officerName: 'DC Amy Hale',
      forceOrTeam: 'Harbour Police CAIT',
      notifiedAt: '2026-11-24T16:40:00.000Z',
      reference: 'HP-24-1187',
    });
    expect(decision?.leadPractitioner).toBe('Sam Okafor');
  });

  it('asks why when the chosen response differs from the recommendation', () => {
    const form = { ...completeStrategyForm(), chosenResponse: 's17-assessment' as const };
    const { errors, decision } = buildDecision(form, ctx2023);
    expect(errors.differsReason).toBe(
      'Explain why you chose a lower response than the safety questions point to',
    );
    expect(decision).toBeNull();
    const fixed = buildDecision(
      { ...form, differsReason: 'Police say no offence.', familyAgreement: 'agreed' },
      ctx2023,
    );
    expect(fixed.errors).toEqual({});
    expect(fixed.decision?.differsReason).toBe('Police say no offence.');
  });

  it('requires who, force or team, when and the reference once a crime is suspected', () => {
    const form = completeStrategyForm();
    form.police = {
      officerName: '',
      rankOrRole: '',
      forceOrTeam: '',
      notifiedAt: { date: '', time: '' },
      reference: '',
      referenceAwaited: false,
    };
    const { errors } = buildDecision(form, ctx2023);
    expect(errors['policeNotification.officerName']).toBe(
      'Enter the name of the police officer you told',
    );
    expect(errors['policeNotification.forceOrTeam']).toBe(
      'Enter the police force or team you told',
    );
    expect(errors['policeNotification.notifiedAt']).toBe(
      'Enter the date and time you told the police',
    );
    expect(errors['policeNotification.reference']).toBe(
      'Enter the police reference number, or say it is awaited',
    );
    // A bad date is explained, not guessed at.
    form.police.notifiedAt = { date: '31/04/2026', time: '10:00' };
    expect(buildDecision(form, ctx2023).errors['policeNotification.notifiedAt']).toMatch(
      /DD\/MM\/YYYY/,
    );
    // "Awaited" stands in for a reference the police have not given yet.
    const awaited = completeStrategyForm();
    awaited.police = { ...awaited.police, reference: '', referenceAwaited: true };
    const built = buildDecision(awaited, ctx2023);
    expect(built.errors).toEqual({});
    expect(built.decision?.policeNotification).toMatchObject({ referenceAwaited: true });
    // No crime: no police fields needed.
    const noCrime = completeStrategyForm();
    noCrime.answers = { ...noCrime.answers, 'crime-suspected': 'no' };
    expect(buildDecision(noCrime, ctx2023).errors).toEqual({});
  });

  it('requires the rationale, and lists errors in page order', () => {
    const form = { ...completeStrategyForm(), rationale: '' };
    const { errors, decision } = buildDecision(form, ctx2023);
    expect(decision).toBeNull();
    expect(errors.rationale).toBe('Enter the reasons for your decision');
    const empty = buildDecision(emptyDecisionForm(), ctx2023);
    const keys = Object.keys(empty.errors);
    expect(keys[0]).toMatch(/^answers\./);
    expect(keys.indexOf('rationale')).toBeLessThan(keys.indexOf('familyInformed'));
  });

  it('says manager sign-off is required under the 2013 edition, and not under 2023', () => {
    expect(resolvePolicy(2013).managerSignOff).toBe('required');
    expect(signOffText(resolvePolicy(2013))).toMatch(/wait for a manager to sign it off/);
    expect(signOffText(resolvePolicy(2013))).toMatch(/Flowchart 1/);
    expect(signOffText(resolvePolicy(2023))).not.toMatch(/requires/);
    // Sign-off is the next step, never an error on the worker's form.
    const ctx2013 = { ...ctx2023, edition: 2013, policy: resolvePolicy(2013) } as const;
    const form = { ...completeStrategyForm(), leadPractitioner: '' };
    form.answers = {
      ...Object.fromEntries(checklistFor(2013).questions.map((q) => [q.id, 'no' as const])),
      'significant-harm': 'yes',
      'crime-suspected': 'yes',
    };
    expect(buildDecision(form, ctx2013).errors).toEqual({});
  });

  it('reads back a saved draft defensively', () => {
    const form = completeStrategyForm();
    expect(formFromDraft(JSON.parse(JSON.stringify(form)))).toEqual(form);
    const odd = formFromDraft({ chosenResponse: 'made-up', rationale: 42 });
    expect(odd?.chosenResponse).toBe('');
    expect(odd?.rationale).toBe('');
  });

  it('turns London date and time into an instant across the clock change', () => {
    expect(parseDateTime({ date: '01/07/2026', time: '09:00' }, 'x')).toEqual({
      instant: '2026-07-01T08:00:00.000Z',
    });
    expect(parseDateTime({ date: '', time: '' }, 'x')).toEqual({ blank: true });
    expect(parseDateTime({ date: '29/03/2026', time: '01:30' }, 'x')).toHaveProperty('error');
  });
});
