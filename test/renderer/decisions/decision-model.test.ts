import { describe, expect, it } from 'vitest';
import { checklistFor } from '../../../shared/checklist';
import { resolvePolicy } from '../../../shared/policy';
import { buildDecision } from '../../../renderer/src/features/decisions/decision-build';
import {
  dateTimeFromInstant,
  emptyDecisionForm,
  formFromDecision,
  formFromDraft,
  hasSomethingToKeep,
  nowDateTime,
  readDateTime,
  recommendationFor,
  seeChildWarning,
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
      notifiedAt: { date: '24/11/2026', time: '16:40', choice: '' },
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
    expect(buildDecision(form, ctx2023).errors['policeNotification.notifiedAt']).toBe(
      'April 2026 has no day 31',
    );
    // Dates as people type them: 24/11/26 is this year's, read as something that happened.
    const typed = completeStrategyForm();
    typed.police.notifiedAt = { date: '24/11/26', time: '1640' };
    expect(buildDecision(typed, ctx2023).decision?.policeNotification?.notifiedAt).toBe(
      '2026-11-24T16:40:00.000Z',
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
    // A draft saved in the old shape (no clock-change choice) still restores, and still builds.
    const old = JSON.parse(JSON.stringify(form)) as Record<string, unknown>;
    old.police = { ...form.police, notifiedAt: { date: '24/11/2026', time: '16:40' } };
    const restored = formFromDraft(old);
    expect(restored?.police.notifiedAt).toEqual({ date: '24/11/2026', time: '16:40' });
    expect(restored && buildDecision(restored, ctx2023).errors).toEqual({});
    const badChoice = formFromDraft({ ...old, seeChildBy: { date: 'x', time: 'y', choice: 9 } });
    expect(badChoice?.seeChildBy).toEqual({ date: 'x', time: 'y', choice: '' });
  });

  it('turns London date and time into an instant across the clock change', () => {
    const read = (date: string, time: string, choice: '' | 'earlier' | 'later' = '') =>
      readDateTime({ date, time, choice }, NOW, 'past', 'x');
    expect(read('01/07/2026', '09:00')).toEqual({
      kind: 'ok',
      instant: '2026-07-01T08:00:00.000Z',
    });
    expect(readDateTime({ date: '', time: '' }, NOW, 'past', 'x')).toEqual({ kind: 'blank' });
    expect(read('29/03/2026', '01:30').kind).toBe('error');
    expect(read('25/10/2026', '01:30').kind).toBe('choose');
    expect(read('25/10/2026', '01:30', 'earlier')).toEqual({
      kind: 'ok',
      instant: '2026-10-25T00:30:00.000Z',
    });
    expect(read('25/10/2026', '01:30', 'later')).toEqual({
      kind: 'ok',
      instant: '2026-10-25T01:30:00.000Z',
    });
    // Shown back exactly, with the choice that says which 01:30 it was.
    expect(dateTimeFromInstant('2026-10-25T00:30:00.000Z')).toEqual({
      date: '25/10/2026',
      time: '01:30',
      choice: 'earlier',
    });
    expect(nowDateTime(new Date('2026-10-25T01:30:20Z'))).toEqual({
      date: '25/10/2026',
      time: '01:30',
      choice: 'later',
    });
    expect(dateTimeFromInstant('2026-11-24T16:40:00Z')).toEqual({
      date: '24/11/2026',
      time: '16:40',
      choice: '',
    });
  });
});

describe('a decision on the nights the clocks change', () => {
  // Sunday 25 October 2026, 01:45 GMT: the clocks went back at 02:00 BST, so 01:30 happened
  // twice tonight (00:30 and 01:30 UTC), both in the past.
  const autumn = { ...ctx2023, now: new Date('2026-10-25T01:45:00Z') };

  it('records 01:30 on 25/10/2026 with either choice, and asks which without one', () => {
    const form = completeStrategyForm();
    form.police.notifiedAt = { date: '25/10/2026', time: '01:30', choice: '' };
    const unchosen = buildDecision(form, autumn);
    expect(unchosen.decision).toBeNull();
    expect(unchosen.errors['policeNotification.notifiedAt']).toMatch(/happens twice/);

    form.police.notifiedAt.choice = 'earlier';
    const first = buildDecision(form, autumn);
    expect(first.errors).toEqual({});
    expect(first.decision?.policeNotification?.notifiedAt).toBe('2026-10-25T00:30:00.000Z');

    form.police.notifiedAt.choice = 'later';
    const second = buildDecision(form, autumn);
    expect(second.errors).toEqual({});
    expect(second.decision?.policeNotification?.notifiedAt).toBe('2026-10-25T01:30:00.000Z');
  });

  it('refuses 01:30 on 29/03/2026: that time did not happen', () => {
    const spring = { ...ctx2023, now: new Date('2026-03-29T03:00:00Z') };
    const form = completeStrategyForm();
    form.police.notifiedAt = { date: '29/03/2026', time: '01:30', choice: '' };
    const built = buildDecision(form, spring);
    expect(built.decision).toBeNull();
    expect(built.errors['policeNotification.notifiedAt']).toMatch(/does not exist/);
    form.seeingChildPlan = 'See Noah at school.';
    form.police.notifiedAt = { date: '29/03/2026', time: '02:30', choice: '' };
    form.seeChildBy = { date: '29/03/2026', time: '01:15', choice: '' };
    expect(buildDecision(form, spring).errors.seeChildBy).toMatch(/does not exist/);
  });
});

describe('a returned decision, drafts and seeing the child', () => {
  it('fills the form back from a recorded decision, exactly', () => {
    const form = completeStrategyForm();
    form.familyInformed = 'not-yet';
    form.familyToBeToldBy = 'Sam Okafor';
    form.familyToBeToldOn = '25/11/2026';
    form.seeChildBy = { date: '25/10/2026', time: '01:30', choice: 'later' };
    const autumn = { ...ctx2023, now: new Date('2026-10-25T01:20:00Z') };
    form.police.notifiedAt = { date: '25/10/2026', time: '01:10', choice: 'earlier' };
    const { decision, errors } = buildDecision(form, autumn);
    expect(errors).toEqual({});
    if (!decision) throw new Error('expected a decision');
    const back = formFromDecision(decision);
    expect(back.answers).toEqual(decision.answers);
    expect(back.rationale).toBe(form.rationale);
    expect(back.police).toEqual(form.police);
    expect(back.familyToBeToldOn).toBe('25/11/2026');
    expect(back.seeChildBy).toEqual({ date: '25/10/2026', time: '01:30', choice: 'later' });
    expect(back.leadPractitionerRole).toBe('social-worker');
    // And it builds the same decision again.
    expect(buildDecision(back, autumn).decision).toEqual(decision);
  });

  it('reads "tell the family by" as people type a date, as a plan (two-digit years ahead)', () => {
    const form = {
      ...completeStrategyForm(),
      familyInformed: 'not-yet' as const,
      familyToBeToldBy: 'Sam Okafor',
      familyToBeToldOn: '1 Dec 26',
    };
    expect(buildDecision(form, ctx2023).decision?.familyToBeToldOn).toBe('2026-12-01');
    expect(
      buildDecision({ ...form, familyToBeToldOn: '23/11/2026' }, ctx2023).errors.familyToBeToldOn,
    ).toBe('The date the family will be told cannot be in the past');
    expect(
      buildDecision({ ...form, familyToBeToldOn: '31/11/2026' }, ctx2023).errors.familyToBeToldOn,
    ).toBe('November 2026 has no day 31');
  });

  it('makes a draft only once there is an answer or some text', () => {
    expect(hasSomethingToKeep(emptyDecisionForm())).toBe(false);
    expect(hasSomethingToKeep({ ...emptyDecisionForm(), rationale: '   ' })).toBe(false);
    expect(hasSomethingToKeep({ ...emptyDecisionForm(), rationale: 'P' })).toBe(true);
    expect(hasSomethingToKeep({ ...emptyDecisionForm(), answers: { 'open-case': 'no' } })).toBe(
      true,
    );
  });

  it('warns, without refusing, when the child is to be seen later than the local standard', () => {
    const policy = resolvePolicy(2023);
    const form = { ...completeStrategyForm() };
    // Decided 24/11/2026 16:55; the local standard is 24 hours.
    form.seeChildBy = { date: '25/11/2026', time: '16:00', choice: '' };
    expect(seeChildWarning(policy, form, NOW)).toBeNull();
    form.seeChildBy = { date: '26/11/2026', time: '09:00', choice: '' };
    expect(seeChildWarning(policy, form, NOW)).toBe(
      'This is later than the local standard for child protection concerns: see the child within 24 hours, by 25/11/2026 16:55. You can still record it: say why in your reasons.',
    );
    expect(buildDecision(form, ctx2023).errors).toEqual({});
    // Not the child protection standard for a child in need.
    expect(seeChildWarning(policy, { ...form, chosenResponse: 's17-assessment' }, NOW)).toBeNull();
    // "See the child by" still cannot be before the decision.
    form.seeChildBy = { date: '24/11/2026', time: '09:00', choice: '' };
    expect(buildDecision(form, ctx2023).errors.seeChildBy).toBe(
      'The time to see the child by cannot be before the decision',
    );
  });
});

describe('a decision recorded on someone else’s behalf', () => {
  it('keeps the signed-in recorder and the named decision maker, and reads back both ways', () => {
    const form = { ...completeStrategyForm(), onBehalfOf: '  Jo Morgan (team manager)  ' };
    const built = buildDecision(form, ctx2023);
    expect(built.errors).toEqual({});
    expect(built.decision?.decidedBy).toBe('Dana Wilson');
    expect(built.decision?.onBehalfOf).toBe('Jo Morgan (team manager)');
    if (!built.decision) throw new Error('expected a decision');
    expect(formFromDecision(built.decision).onBehalfOf).toBe('Jo Morgan (team manager)');
  });

  it('sends nothing for a blank name, and an old draft without the field reads back blank', () => {
    const built = buildDecision({ ...completeStrategyForm(), onBehalfOf: '   ' }, ctx2023);
    expect(built.decision).not.toBeNull();
    expect(built.decision && 'onBehalfOf' in built.decision).toBe(false);
    const { onBehalfOf: _dropped, ...oldDraft } = completeStrategyForm();
    expect(formFromDraft(oldDraft)?.onBehalfOf).toBe('');
  });

  it('refuses a name too long for the record, beside the field', () => {
    const built = buildDecision(
      { ...completeStrategyForm(), onBehalfOf: 'x'.repeat(500) },
      ctx2023,
    );
    expect(built.decision).toBeNull();
    expect(Object.keys(built.errors)).toEqual(['onBehalfOf']);
  });
});
