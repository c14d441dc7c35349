import { describe, expect, it } from 'vitest';
import {
  AGENCY_TYPE_IDS,
  ASSESSMENT_FACTORS,
  CATEGORY_OF_ABUSE,
  GENDER,
  PRIMARY_NEED,
  REASON_FOR_CLOSURE,
  REFERRAL_SOURCES,
  assessmentFactor,
  censusFactorIssues,
  collectionYearFor,
  collectionYearLabel,
  collectionYearRange,
  defaultReferralSource,
  defaultReferralSourceFor,
  labelFor,
  selectableAssessmentFactors,
  selectableReferralSources,
  validateAssessmentFactors,
} from '../../../../shared/codes';

describe('collection years (1 April – 31 March)', () => {
  it('names the year by the April it starts in', () => {
    expect(collectionYearFor('2024-03-31')).toBe(2023);
    expect(collectionYearFor('2024-04-01')).toBe(2024);
    expect(collectionYearFor('2024-01-01')).toBe(2023);
    expect(collectionYearFor('2023-12-31')).toBe(2023);
    expect(collectionYearLabel(2023)).toBe('2023-24');
    expect(collectionYearLabel(2099)).toBe('2099-00');
    expect(collectionYearRange(2023)).toEqual({ start: '2023-04-01', end: '2024-03-31' });
  });

  it('rejects impossible dates rather than rolling them over', () => {
    expect(() => collectionYearFor('2023-02-29')).toThrow(RangeError);
    expect(() => collectionYearFor('2023-04-31')).toThrow(RangeError);
    expect(() => collectionYearFor('31/03/2024')).toThrow(RangeError);
    expect(collectionYearFor('2024-02-29')).toBe(2023);
  });
});

describe('referral sources', () => {
  it('has every census code once, with 5D only from 2022', () => {
    const codes = REFERRAL_SOURCES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(22);
    expect(selectableReferralSources(2021).map((s) => s.code)).not.toContain('5D');
    expect(selectableReferralSources(2022).map((s) => s.code)).toContain('5D');
  });

  it('maps referrer types to a default source', () => {
    const expected: Record<string, string> = {
      school: '2A',
      'education-service': '2B',
      gp: '3A',
      'health-visitor': '3B',
      'school-nurse': '3C',
      'other-primary-health': '3D',
      'hospital-ae': '3E',
      'other-health': '3F',
      housing: '4',
      'la-social-care': '5A',
      'la-other-department': '5B',
      'la-external': '5C',
      'early-help': '5D',
      police: '6',
      'legal-agency': '7',
      voluntary: '8',
      other: '8',
    };
    expect([...AGENCY_TYPE_IDS].sort()).toEqual(Object.keys(expected).sort());
    for (const id of AGENCY_TYPE_IDS) expect(defaultReferralSource(id)).toBe(expected[id]);
    expect(defaultReferralSource('family-member')).toBe('1A');
    expect(defaultReferralSource('acquaintance')).toBe('1B');
    expect(defaultReferralSource('self')).toBe('1C');
    expect(defaultReferralSource('other-individual')).toBe('1D');
    expect(defaultReferralSource('anonymous')).toBe('9');
    expect(defaultReferralSource('unknown')).toBe('10');
    // 5D did not exist before 2022.
    expect(defaultReferralSource('early-help', 2021)).toBe('5B');
    expect(defaultReferralSource('early-help', 2022)).toBe('5D');
  });

  it('maps a referrer record to a default source', () => {
    expect(defaultReferralSourceFor({ kind: 'professional', agencyType: 'other' })).toBe('8');
    expect(defaultReferralSourceFor({ kind: 'public', relationship: 'other' })).toBe('1D');
    expect(defaultReferralSourceFor({ kind: 'public', relationship: 'family-member' })).toBe('1A');
    expect(defaultReferralSourceFor({ kind: 'anonymous' })).toBe('9');
    expect(defaultReferralSourceFor({ kind: 'professional', agencyType: 'early-help' }, 2020)).toBe(
      '5B',
    );
  });
});

/** Every factor with its label as the DfE children in need census guide publishes it. */
const FACTOR_LABELS: Record<string, string> = {
  '1A': 'Alcohol misuse: concerns about alcohol misuse by the child',
  '1B': 'Alcohol misuse: concerns about alcohol misuse by the parent(s) or carer(s)',
  '1C': 'Alcohol misuse: concerns about alcohol misuse by another person living in the household',
  '2A': 'Drug misuse: concerns about drug misuse by the child',
  '2B': 'Drug misuse: concerns about drug misuse by the parent(s) or carer(s)',
  '2C': 'Drug misuse: concerns about drug misuse by another person living in the household',
  '3A': 'Domestic violence: concerns about the child being the subject of domestic violence',
  '3B': "Domestic violence: concerns about the child's parent(s) or carer(s) being the subject of domestic violence",
  '3C': 'Domestic violence: concerns about another person living in the household being the subject of domestic violence',
  '4A': 'Mental health: concerns about the mental health of the child',
  '4B': 'Mental health: concerns about the mental health of the parent(s) or carer(s)',
  '4C': 'Mental health: concerns about the mental health of another person in the family/household',
  '5A': 'Learning disability: concerns about the learning disability of the child',
  '5B': 'Learning disability: concerns about the learning disability of the parent(s) or carer(s)',
  '5C': 'Learning disability: concerns about the learning disability of another person in the family/household',
  '6A': 'Physical disability or illness: concerns about the physical disability or illness of the child',
  '6B': 'Physical disability or illness: concerns about the physical disability or illness of the parent(s) or carer(s)',
  '6C': 'Physical disability or illness: concerns about the physical disability or illness of another person in the family/household',
  '7A': 'Young carer',
  '8A': 'Privately fostered',
  '8B': 'Privately fostered: overseas children who intend to return',
  '8C': 'Privately fostered: overseas children who intend to stay',
  '8D': 'Privately fostered: UK children in educational placements',
  '8E': 'Privately fostered: UK children making alternative family arrangements',
  '8F': 'Privately fostered: other',
  '9A': 'Unaccompanied asylum-seeking children (UASC)',
  '10A': 'Going/being missing',
  '11A': 'Child sexual exploitation',
  '12A': 'Trafficking',
  '13A': 'Gangs',
  '14A': 'Socially unacceptable behaviour',
  '15A': 'Self-harm',
  '16A': 'Abuse or neglect: neglect',
  '17A': 'Abuse or neglect: emotional abuse',
  '18A': 'Abuse or neglect: physical abuse',
  '18B': 'Abuse or neglect: physical abuse (child on child)',
  '18C': 'Abuse or neglect: physical abuse (adult on child)',
  '19A': 'Abuse or neglect: sexual abuse',
  '19B': 'Abuse or neglect: sexual abuse (child on child)',
  '19C': 'Abuse or neglect: sexual abuse (adult on child)',
  '20': 'Other',
  '21': 'No factors identified',
  '22A': 'Female genital mutilation',
  '23A': 'Abuse linked to faith or belief',
  '24A': 'Child criminal exploitation',
};

describe('assessment factors', () => {
  it('has every census factor with its published label, and nothing else', () => {
    expect(Object.fromEntries(ASSESSMENT_FACTORS.map((f) => [f.code, f.label]))).toEqual(
      FACTOR_LABELS,
    );
  });

  it('groups each factor under the words before its colon, domestic violence included', () => {
    expect(assessmentFactor('3A')?.group).toBe('Domestic violence');
    expect(assessmentFactor('3C')?.group).toBe('Domestic violence');
    expect(assessmentFactor('1B')?.group).toBe('Alcohol misuse');
    expect(assessmentFactor('6C')?.group).toBe('Physical disability or illness');
    expect(assessmentFactor('8D')?.group).toBe('Privately fostered');
    for (const f of ASSESSMENT_FACTORS) {
      if (f.label.includes(': ') && !f.label.startsWith('Abuse or neglect')) {
        expect(f.label.startsWith(`${f.group}: `), f.code).toBe(true);
      }
    }
  });

  it('codes are unique', () => {
    const codes = ASSESSMENT_FACTORS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('retired codes are readable but not selectable', () => {
    const now = selectableAssessmentFactors(2024).map((f) => f.code);
    for (const retired of ['8A', '18A', '19A']) {
      expect(now).not.toContain(retired);
      expect(assessmentFactor(retired)?.label).toBeTruthy();
    }
    expect(now).toEqual(expect.arrayContaining(['8B', '18B', '18C', '19B', '19C', '21', '24A']));
    // Old record kept as it was.
    expect(
      validateAssessmentFactors(['18A', '16A'], { collectionYear: 2024, isNewRecord: false }),
    ).toEqual([]);
    // New record may not use it.
    const errors = validateAssessmentFactors(['18A'], { collectionYear: 2024, isNewRecord: true });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/no longer used/);
  });

  it('24A is only valid from 2022-23', () => {
    expect(selectableAssessmentFactors(2021).map((f) => f.code)).not.toContain('24A');
    expect(selectableAssessmentFactors(2022).map((f) => f.code)).toContain('24A');
    const errors = validateAssessmentFactors(['24A'], { collectionYear: 2021, isNewRecord: false });
    expect(errors[0]?.message).toBe(
      "'Child criminal exploitation' (24A) was introduced in 2022-23 and cannot be used for 2021-22",
    );
    expect(validateAssessmentFactors(['24A'], { collectionYear: 2022, isNewRecord: true })).toEqual(
      [],
    );
  });

  it("21 'no factors identified' stands alone", () => {
    expect(validateAssessmentFactors(['21'], { collectionYear: 2024, isNewRecord: true })).toEqual(
      [],
    );
    expect(
      validateAssessmentFactors(['21', '3A'], { collectionYear: 2024, isNewRecord: true }),
    ).toEqual([
      { code: '21', message: "'No factors identified' (21) cannot be combined with other factors" },
    ]);
  });

  it('unknown and duplicate codes are errors', () => {
    const errors = validateAssessmentFactors(['99Z', '3A', '3A'], {
      collectionYear: 2024,
      isNewRecord: true,
    });
    expect(errors.map((e) => e.code)).toEqual(['99Z', '3A']);
  });
});

describe('censusFactorIssues: 21 only with no further action, and alone', () => {
  const STANDS_ALONE =
    "'No factors identified' (21) must stand alone: remove it, or remove the other factors";
  const ONLY_NFA =
    "'No factors identified' (21) is only valid when the outcome is no further action: record the factors that were identified instead";

  it('accepts 21 alone with no further action or information and advice', () => {
    expect(censusFactorIssues(['21'], 'nfa')).toEqual([]);
    expect(censusFactorIssues(['21'], 'information-advice')).toEqual([]);
  });

  it.each(['early-help', 's17-assessment', 'strategy-discussion', 'emergency-action'] as const)(
    'warns about 21 with the outcome %s',
    (outcome) => {
      expect(censusFactorIssues(['21'], outcome)).toEqual([ONLY_NFA]);
    },
  );

  it('warns when 21 is combined with other factors, whatever the outcome', () => {
    expect(censusFactorIssues(['21', '3A'], 'nfa')).toEqual([STANDS_ALONE]);
    expect(censusFactorIssues(['3A', '21'], undefined)).toEqual([STANDS_ALONE]);
    expect(censusFactorIssues(['21', '16A'], 's17-assessment')).toEqual([STANDS_ALONE, ONLY_NFA]);
  });

  it('says nothing about the outcome before a decision, or when 21 is not there', () => {
    expect(censusFactorIssues(['21'], undefined)).toEqual([]);
    expect(censusFactorIssues(['21', '21'], undefined)).toEqual([]);
    expect(censusFactorIssues(['3A', '16A'], 'strategy-discussion')).toEqual([]);
    expect(censusFactorIssues([], 'nfa')).toEqual([]);
  });
});

describe('reason for closure (ReasonForClosure)', () => {
  it('has RC1 to RC9 with their census labels', () => {
    expect(REASON_FOR_CLOSURE.map((r) => [r.code, r.label])).toEqual([
      ['RC1', 'Adopted'],
      ['RC2', 'Died'],
      ['RC3', 'Child arrangements order'],
      ['RC4', 'Special guardianship order'],
      ['RC5', 'Transferred to services of another local authority'],
      ['RC6', 'Transferred to adult social care services'],
      ['RC7', 'Services ceased for any other reason, including child no longer in need'],
      ['RC8', 'Case closed after assessment, no further action'],
      ['RC9', 'Case closed after assessment, referred to early help'],
    ]);
    expect(REASON_FOR_CLOSURE.every((r) => r.validTo === null)).toBe(true);
    expect(labelFor(REASON_FOR_CLOSURE, 'RC8')).toBe(
      'Case closed after assessment, no further action',
    );
    expect(labelFor(REASON_FOR_CLOSURE, 'RC10')).toBeUndefined();
  });
});

describe('small lists', () => {
  it('category of abuse, primary need, gender', () => {
    expect(CATEGORY_OF_ABUSE.map((c) => c.code)).toEqual(['NEG', 'PHY', 'SAB', 'EMO', 'MUL']);
    expect(PRIMARY_NEED.map((c) => c.code)).toEqual([
      'N0',
      'N1',
      'N2',
      'N3',
      'N4',
      'N5',
      'N6',
      'N7',
      'N8',
      'N9',
    ]);
    expect(GENDER.map((c) => c.code)).toEqual(['0', '1', '2', '9']);
    expect(labelFor(PRIMARY_NEED, 'N4')).toBe('Family in acute stress');
    expect(labelFor(GENDER, '5')).toBeUndefined();
  });
});
