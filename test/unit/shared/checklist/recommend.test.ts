import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../../../shared/domain/types';
import { CHECKLISTS, QUESTION_IDS, recommendResponse } from '../../../../shared/checklist';

describe('checklist data', () => {
  it('every edition asks every question once, with help text and a source', () => {
    for (const edition of EDITIONS) {
      const qs = CHECKLISTS[edition].questions;
      expect(qs.map((q) => q.id)).toEqual([...QUESTION_IDS]);
      for (const q of qs) {
        expect(q.text.length).toBeGreaterThan(10);
        expect(q.help.length).toBeGreaterThan(10);
        expect(q.source).toMatch(/WT (2010|2013|2015|2018|2023)/);
      }
      for (const rule of CHECKLISTS[edition].rules) {
        for (const c of rule.when) expect(QUESTION_IDS).toContain(c.question);
      }
    }
  });

  it('uses the wording of the edition', () => {
    const eh = (e: 2010 | 2023) =>
      CHECKLISTS[e].questions.find((q) => q.id === 'early-help-needs')?.text ?? '';
    expect(eh(2010)).toMatch(/Common Assessment Framework/);
    expect(eh(2023)).toMatch(/family help/);
  });
});

describe('recommendResponse', () => {
  it('immediate danger and needs protection now → emergency action', () => {
    const r = recommendResponse(2018, {
      'immediate-danger': 'yes',
      'needs-protection-now': 'yes',
      'significant-harm': 'yes',
    });
    expect(r.response).toBe('emergency-action');
    expect(r.because).toEqual([
      'Because you answered yes to: the child is in immediate danger',
      'Because you answered yes to: the child needs to be made safe now',
    ]);
    expect(r.note).toMatch(/strategy discussion/);
  });

  it('reasonable cause to suspect significant harm → strategy discussion', () => {
    const r = recommendResponse(2013, {
      'immediate-danger': 'no',
      'significant-harm': 'yes',
      'child-in-need': 'yes',
    });
    expect(r.response).toBe('strategy-discussion');
    expect(r.because).toEqual([
      'Because you answered yes to: reasonable cause to suspect significant harm',
    ]);
  });

  it('immediate danger without removal still means a strategy discussion', () => {
    const r = recommendResponse(2023, { 'immediate-danger': 'yes', 'needs-protection-now': 'no' });
    expect(r.response).toBe('strategy-discussion');
  });

  it('child in need → section 17 assessment; not known counts as a reason to assess', () => {
    expect(
      recommendResponse(2018, { 'significant-harm': 'no', 'child-in-need': 'yes' }).response,
    ).toBe('s17-assessment');
    const r = recommendResponse(2018, { 'significant-harm': 'no', 'child-in-need': 'unknown' });
    expect(r.response).toBe('s17-assessment');
    expect(r.because).toEqual([
      'Because you answered not known to: the child may be a child in need',
    ]);
    expect(recommendResponse(2018, { 'significant-harm': 'unknown' }).response).toBe(
      's17-assessment',
    );
  });

  it('needs below threshold with family consent → early help; without → information and advice', () => {
    const base = {
      'significant-harm': 'no',
      'child-in-need': 'no',
      'early-help-needs': 'yes',
    } as const;
    expect(recommendResponse(2018, { ...base, 'family-consents-early-help': 'yes' }).response).toBe(
      'early-help',
    );
    const refused = recommendResponse(2018, { ...base, 'family-consents-early-help': 'no' });
    expect(refused.response).toBe('information-advice');
    expect(refused.note).toMatch(/agreement/);
  });

  it('information and advice enough → information-advice; otherwise no further action', () => {
    const no = {
      'immediate-danger': 'no',
      'needs-protection-now': 'no',
      'significant-harm': 'no',
      'crime-suspected': 'no',
      'child-in-need': 'no',
      'early-help-needs': 'no',
      'family-consents-early-help': 'no',
    } as const;
    expect(recommendResponse(2015, { ...no, 'advice-sufficient': 'yes' }).response).toBe(
      'information-advice',
    );
    const nfa = recommendResponse(2015, { ...no, 'advice-sufficient': 'no' });
    expect(nfa.response).toBe('nfa');
    expect(nfa.ruleId).toBeNull();
    expect(nfa.unanswered).toEqual([]);
    expect(nfa.because).toHaveLength(1);
  });

  it('an empty checklist falls back to NFA and lists what is unanswered', () => {
    const r = recommendResponse(2010, {});
    expect(r.response).toBe('nfa');
    expect(r.unanswered).toHaveLength(QUESTION_IDS.length);
    expect(r.because[1]).toMatch(/^You have not answered: the child is in immediate danger/);
  });
});
