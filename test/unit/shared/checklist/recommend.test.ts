import { describe, expect, it } from 'vitest';
import { EDITIONS, type Edition, type ResponseType } from '../../../../shared/domain/types';
import {
  CHECKLISTS,
  NEEDS_RULES,
  QUESTION_IDS,
  RESPONSE_RANK,
  SAFETY_QUESTION_IDS,
  SAFETY_RULES,
  askedQuestions,
  recommendResponse,
  stepsDownFromSafety,
  type Recommendation,
} from '../../../../shared/checklist';
import type { AnswerValue } from '../../../../shared/validation/decision';

const ANSWERS: readonly AnswerValue[] = ['yes', 'no', 'unknown'];

function recommended(r: Recommendation): Extract<Recommendation, { kind: 'recommended' }> {
  if (r.kind !== 'recommended') throw new Error(`expected a recommendation, got ${r.kind}`);
  return r;
}

/** Every answer "no", so a test can change only what it is about. */
const allNo = (edition: Edition): Record<string, AnswerValue> =>
  Object.fromEntries(CHECKLISTS[edition].questions.map((q) => [q.id, 'no']));

describe('checklist data', () => {
  it('every edition asks its questions once, each with help text and a source', () => {
    for (const edition of EDITIONS) {
      const qs = CHECKLISTS[edition].questions;
      expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
      for (const q of qs) {
        expect(QUESTION_IDS).toContain(q.id);
        expect(q.text.length).toBeGreaterThan(10);
        expect(q.help.length).toBeGreaterThan(10);
        expect(q.source.length).toBeGreaterThan(10);
      }
      // The safety questions come first, in every edition.
      expect(qs.slice(0, 3).map((q) => q.id)).toEqual([...SAFETY_QUESTION_IDS]);
      expect(qs.filter((q) => q.safety).map((q) => q.id)).toEqual([...SAFETY_QUESTION_IDS]);
    }
    for (const rule of [...SAFETY_RULES, ...NEEDS_RULES]) {
      expect(rule.source.length).toBeGreaterThan(10);
      for (const c of rule.when) expect(QUESTION_IDS).toContain(c.question);
    }
  });

  it('routes appear in the editions that name them', () => {
    const ids = (e: Edition) => CHECKLISTS[e].questions.map((q) => q.id);
    for (const e of EDITIONS) {
      for (const id of [
        'open-case',
        'allegation-against-worker',
        'homeless-16-17',
        'young-carer',
        'private-fostering',
      ] as const) {
        expect(ids(e)).toContain(id);
      }
    }
    expect(ids(2010)).not.toContain('harm-outside-home');
    expect(ids(2015)).not.toContain('harm-outside-home');
    expect(ids(2018)).toContain('harm-outside-home');
    expect(ids(2023)).toContain('harm-outside-home');
    expect(ids(2018)).not.toContain('family-network');
    expect(ids(2023)).toContain('family-network');
  });

  it('uses the wording of the edition', () => {
    const eh = (e: 2010 | 2023) =>
      CHECKLISTS[e].questions.find((q) => q.id === 'early-help-needs')?.text ?? '';
    expect(eh(2010)).toMatch(/Common Assessment Framework/);
    expect(eh(2023)).toMatch(/family help/);
  });

  it('asks about the family’s agreement to early help only when early help fits', () => {
    const asked = (a: Record<string, AnswerValue>) => askedQuestions(2018, a).map((q) => q.id);
    expect(asked({})).not.toContain('family-consents-early-help');
    expect(asked({ 'early-help-needs': 'no' })).not.toContain('family-consents-early-help');
    expect(asked({ 'early-help-needs': 'yes' })).toContain('family-consents-early-help');
  });
});

describe('recommendResponse: the safety questions come first', () => {
  it('nothing answered: no recommendation, and the three safety questions are named', () => {
    for (const edition of EDITIONS) {
      const r = recommendResponse(edition, {});
      expect(r.kind).toBe('needs-answers');
      if (r.kind === 'needs-answers') {
        expect(r.needed).toEqual([...SAFETY_QUESTION_IDS]);
        expect(r.neededText).toEqual([
          'the child is in immediate danger',
          'the child needs to be made safe now',
          'reasonable cause to suspect significant harm',
        ]);
      }
    }
  });

  it('every other answer "no" but one safety question unanswered: still no recommendation', () => {
    for (const edition of EDITIONS) {
      for (const missing of SAFETY_QUESTION_IDS) {
        const answers = Object.fromEntries(
          Object.entries(allNo(edition)).filter(([id]) => id !== missing),
        );
        const r = recommendResponse(edition, answers);
        expect(r.kind, `${String(edition)} without ${missing}`).toBe('needs-answers');
        if (r.kind === 'needs-answers') expect(r.needed).toEqual([missing]);
      }
    }
  });

  // The whole table: 27 combinations of the three safety answers, in every edition, with every
  // other answer "no" (the lowest the rest of the checklist can push).
  const cases: [Edition, AnswerValue, AnswerValue, AnswerValue][] = [];
  for (const edition of EDITIONS)
    for (const d of ANSWERS)
      for (const p of ANSWERS) for (const h of ANSWERS) cases.push([edition, d, p, h]);

  it.each(cases)(
    '%s: immediate danger %s, needs protection now %s, significant harm %s',
    (edition, danger, protection, harm) => {
      const answers = {
        ...allNo(edition),
        'immediate-danger': danger,
        'needs-protection-now': protection,
        'significant-harm': harm,
      };
      const r = recommended(recommendResponse(edition, answers));
      const safety = [danger, protection, harm];
      let expected: ResponseType;
      if (protection === 'yes') expected = 'emergency-action';
      else if (safety.some((a) => a !== 'no')) expected = 'strategy-discussion';
      else expected = 'nfa';
      expect(r.response).toBe(expected);
      // "Not known" never leads below a strategy discussion, and always to a manager now.
      if (safety.includes('unknown')) {
        expect(RESPONSE_RANK[r.response]).toBeGreaterThanOrEqual(
          RESPONSE_RANK['strategy-discussion'],
        );
        if (protection !== 'yes') expect(r.consultManager).toBe(true);
      }
      expect(r.fromSafetyRule).toBe(expected !== 'nfa');
      expect(r.because.length).toBeGreaterThan(0);
      expect(r.source.length).toBeGreaterThan(10);
      // Contradictions are pointed out, never used to lower the recommendation.
      const contradicts =
        (protection === 'yes' && danger === 'no') ||
        (protection === 'yes' && harm === 'no') ||
        (danger === 'yes' && harm === 'no');
      expect(r.contradictions.length > 0).toBe(contradicts);
    },
  );

  it('needs protection now, but not in immediate danger: emergency action, and the clash named', () => {
    const r = recommended(
      recommendResponse(2018, {
        'immediate-danger': 'no',
        'needs-protection-now': 'yes',
        'significant-harm': 'yes',
      }),
    );
    expect(r.response).toBe('emergency-action');
    expect(r.because).toEqual(['Because you answered yes to: the child needs to be made safe now']);
    expect(r.note).toMatch(/strategy discussion as soon as possible/);
    expect(r.contradictions).toEqual([expect.stringMatching(/not in immediate danger/)]);
  });

  it('significant harm "not known" with the rest "no": strategy discussion and a manager now', () => {
    const r = recommended(
      recommendResponse(2013, {
        ...allNo(2013),
        'significant-harm': 'unknown',
        'advice-sufficient': 'yes',
      }),
    );
    expect(r.response).toBe('strategy-discussion');
    expect(r.consultManager).toBe(true);
    expect(r.because).toEqual([
      'Because you answered not known to: reasonable cause to suspect significant harm',
    ]);
  });
});

describe('recommendResponse: needs, once every safety answer is "no"', () => {
  const safe = { 'immediate-danger': 'no', 'needs-protection-now': 'no', 'significant-harm': 'no' };

  it('the child-in-need question is needed before anything below an assessment', () => {
    const r = recommendResponse(2018, {
      ...safe,
      'early-help-needs': 'yes',
      'family-consents-early-help': 'yes',
    } as Record<string, AnswerValue>);
    expect(r.kind).toBe('needs-answers');
    if (r.kind === 'needs-answers') expect(r.needed).toEqual(['child-in-need']);
  });

  it('child in need → section 17 assessment; not known counts as a reason to assess', () => {
    const yes = recommended(
      recommendResponse(2018, { ...safe, 'child-in-need': 'yes' } as Record<string, AnswerValue>),
    );
    expect(yes.response).toBe('s17-assessment');
    const unknown = recommended(
      recommendResponse(2018, { ...safe, 'child-in-need': 'unknown' } as Record<
        string,
        AnswerValue
      >),
    );
    expect(unknown.response).toBe('s17-assessment');
    expect(unknown.because).toEqual([
      'Because you answered not known to: the child may be a child in need',
    ]);
  });

  it('a homeless 16 or 17 year old is assessed, not sent to housing', () => {
    const r = recommended(
      recommendResponse(2023, {
        ...allNo(2023),
        'homeless-16-17': 'yes',
        'advice-sufficient': 'yes',
      }),
    );
    expect(r.response).toBe('s17-assessment');
    expect(r.note).toMatch(/section 20/);
    expect(r.source).toMatch(/Southwark/);
  });

  it('a young carer is offered an assessment (s17ZA)', () => {
    const r = recommended(recommendResponse(2018, { ...allNo(2018), 'young-carer': 'yes' }));
    expect(r.response).toBe('s17-assessment');
    expect(r.source).toMatch(/s17ZA/);
  });

  it('needs below threshold with family consent → early help; without → information and advice', () => {
    const base = { ...allNo(2018), 'early-help-needs': 'yes' } as const;
    expect(
      recommended(recommendResponse(2018, { ...base, 'family-consents-early-help': 'yes' }))
        .response,
    ).toBe('early-help');
    const refused = recommended(
      recommendResponse(2018, { ...base, 'family-consents-early-help': 'no' }),
    );
    expect(refused.response).toBe('information-advice');
    expect(refused.note).toMatch(/agreement/);
  });

  it('information and advice enough → information-advice; otherwise no further action', () => {
    expect(
      recommended(recommendResponse(2015, { ...allNo(2015), 'advice-sufficient': 'yes' })).response,
    ).toBe('information-advice');
    const nfa = recommended(recommendResponse(2015, allNo(2015)));
    expect(nfa.response).toBe('nfa');
    expect(nfa.ruleId).toBeNull();
    expect(nfa.unanswered).toEqual([]);
    expect(nfa.because).toHaveLength(1);
  });
});

describe('stepsDownFromSafety', () => {
  it('a lower response than a safety recommendation is a step down; a needs one is not', () => {
    const harm = recommendResponse(2018, { ...allNo(2018), 'significant-harm': 'yes' });
    expect(stepsDownFromSafety(harm, 'nfa')).toBe(true);
    expect(stepsDownFromSafety(harm, 's17-assessment')).toBe(true);
    expect(stepsDownFromSafety(harm, 'strategy-discussion')).toBe(false);
    expect(stepsDownFromSafety(harm, 'emergency-action')).toBe(false);
    const protect = recommendResponse(2018, { ...allNo(2018), 'needs-protection-now': 'yes' });
    expect(stepsDownFromSafety(protect, 'strategy-discussion')).toBe(true);
    const need = recommendResponse(2018, { ...allNo(2018), 'child-in-need': 'yes' });
    expect(stepsDownFromSafety(need, 'nfa')).toBe(false);
    expect(stepsDownFromSafety(recommendResponse(2018, {}), 'nfa')).toBe(false);
  });
});
