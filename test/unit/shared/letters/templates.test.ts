// Letter templates: the checks an administrator's edit must pass, and rendering (issue 13).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_FIELD_NAMES,
  TEMPLATE_KEYS,
  TEMPLATE_MAX_LENGTH,
  checkTemplate,
  fillTemplate,
  renderLetter,
} from '../../../../shared/letters/templates';
import { letterFactsFor } from '../../../../shared/letters/facts';
import {
  LETTER_OUTCOMES,
  LETTER_VARIANTS,
  type LetterFacts,
  type LetterOutcome,
  type LetterVariant,
} from '../../../../shared/letters/types';
import { ORGANISATION, PROFESSIONAL, referralFixture } from './letter-fixture';

function facts(
  outcome: LetterOutcome | null,
  variant: LetterVariant = 'professional',
  edition = 2023,
  names = [{ givenNames: 'Amy', familyName: 'Smith' }],
): LetterFacts {
  return letterFactsFor({
    referral: referralFixture(names, PROFESSIONAL),
    organisation: ORGANISATION,
    outcome,
    letterDate: '2026-12-01',
    edition,
    variant,
  });
}

describe('checkTemplate', () => {
  it('passes every default template', () => {
    expect(TEMPLATE_KEYS).toHaveLength(3 + 3 * LETTER_OUTCOMES.length + 2);
    for (const key of TEMPLATE_KEYS) expect(checkTemplate(DEFAULT_TEMPLATES[key]), key).toEqual([]);
  });

  it('refuses an empty template', () => {
    expect(checkTemplate('  \n\n ')).toEqual([
      'The template is empty: write the wording of the letter.',
    ]);
  });

  it('refuses a template that is too long', () => {
    const errors = checkTemplate('a'.repeat(TEMPLATE_MAX_LENGTH + 1));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/shorten it/);
  });

  it('names an unknown field and lists the ones that may be used', () => {
    const errors = checkTemplate('Dear {{recipientName}}, the rationale was {{rationale}}.');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('{{rationale}} is not a field a letter can use');
    for (const f of TEMPLATE_FIELD_NAMES) expect(errors[0]).toContain(f);
    // Object prototype names are not fields.
    expect(checkTemplate('{{toString}} {{constructor}}')).toHaveLength(2);
    expect(checkTemplate('{{ }}')[0]).toMatch(/no field name/);
  });

  it.each(['Dear {{recipientName}', 'Dear {recipientName}}', 'Dear {{recipientName}} }', '{ x'])(
    'refuses unbalanced braces: %s',
    (text) => {
      expect(checkTemplate(text).join(' ')).toMatch(/braces do not match/);
    },
  );

  it('accepts spaces inside the braces', () => {
    expect(checkTemplate('Our reference {{ reference }}.')).toEqual([]);
  });
});

describe('rendering', () => {
  it('substitutes values as plain text, never as placeholders', () => {
    const hostile = facts(null, 'professional', 2023, [
      { givenNames: '{{reference}}', familyName: '$& {{signatory}} $1' },
    ]);
    const text = fillTemplate('About {{childNames}} ({{reference}})', hostile);
    expect(text).toBe('About {{reference}} $& {{signatory}} $1 (FD-2026-000123)');
  });

  it('uses the administrator’s version of a template, else the default', () => {
    const f = facts('early-help');
    const custom = renderLetter(
      { 'outcome.professional.early-help': 'Custom {{reference}}.\n\nSecond {{contactName}}.' },
      f,
      'outcome',
      'professional',
    );
    expect(custom.paragraphs.slice(0, 2)).toEqual(['Custom FD-2026-000123.', 'Second Sam Okafor.']);
    const standard = renderLetter({}, f, 'outcome', 'professional');
    expect(standard.paragraphs[1]).toMatch(/early help/);
  });

  it('adds how to escalate from the 2018 edition only', () => {
    const escalation = /If you are not satisfied/;
    for (const edition of [2018, 2023]) {
      const c = renderLetter({}, facts('s17-assessment', 'family', edition), 'outcome', 'family');
      expect(c.paragraphs.some((p) => escalation.test(p))).toBe(true);
    }
    for (const edition of [2010, 2013, 2015]) {
      const c = renderLetter({}, facts('s17-assessment', 'family', edition), 'outcome', 'family');
      expect(c.paragraphs.some((p) => escalation.test(p))).toBe(false);
    }
    const ack = renderLetter({}, facts(null), 'acknowledgement', 'professional');
    expect(ack.paragraphs.some((p) => escalation.test(p))).toBe(false);
  });

  it('says where else support is available when the referral did not lead to a service', () => {
    const support = /Other support is available/;
    for (const variant of ['professional', 'family'] as const) {
      for (const outcome of LETTER_OUTCOMES) {
        const c = renderLetter({}, facts(outcome, variant), 'outcome', variant);
        const expected = outcome === 'nfa' || outcome === 'information-advice';
        expect(
          c.paragraphs.some((p) => support.test(p)),
          `${variant} ${outcome}`,
        ).toBe(expected);
        if (expected) expect(c.paragraphs.join(' ')).toMatch(/threshold/);
      }
    }
  });

  it('tells a member of the public the same thing whatever the outcome', () => {
    const texts = LETTER_OUTCOMES.map((o) =>
      renderLetter({}, facts(o, 'public'), 'outcome', 'public').paragraphs.join('\n'),
    );
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toContain(
      'We have looked into the concerns you raised and taken the action we think appropriate.',
    );
    expect(texts[0]).not.toMatch(/threshold|early help|assessment|child protection|police/i);
  });

  it('tells a professional only that child protection procedures are being followed', () => {
    for (const o of ['strategy-discussion', 'emergency-action', 's47-enquiry'] as const) {
      const text = renderLetter({}, facts(o), 'outcome', 'professional').paragraphs.join('\n');
      expect(text).toContain(
        'Your referral is being progressed under our child protection procedures.',
      );
      expect(text).not.toMatch(/police|investigation|crime|arrest|section 47|emergency/i);
    }
  });

  it('gives every outcome its own wording for a professional and for the family', () => {
    for (const variant of ['professional', 'family'] as const) {
      const accepted = LETTER_OUTCOMES.filter(
        (o) => !['strategy-discussion', 'emergency-action', 's47-enquiry'].includes(o),
      );
      const texts = accepted.map((o) =>
        renderLetter({}, facts(o, variant), 'outcome', variant).paragraphs.join('\n'),
      );
      expect(new Set(texts).size).toBe(accepted.length);
    }
  });

  it('fills every default template with no placeholder left over', () => {
    for (const variant of LETTER_VARIANTS) {
      for (const outcome of [null, ...LETTER_OUTCOMES]) {
        const kind = outcome === null ? 'acknowledgement' : 'outcome';
        const c = renderLetter({}, facts(outcome, variant), kind, variant);
        expect(c.paragraphs.join('\n')).not.toMatch(/[{}]/);
        expect(c.paragraphs.length).toBeGreaterThanOrEqual(3);
        expect(c.subject).toContain('FD-2026-000123');
        expect(c.marking).toBe('OFFICIAL-SENSITIVE');
      }
    }
  });

  it('refuses an outcome letter with no outcome', () => {
    expect(() => renderLetter({}, facts(null), 'outcome', 'professional')).toThrow(/outcome/);
  });
});
