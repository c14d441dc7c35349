import { describe, expect, it } from 'vitest';
import {
  AGENCY_TYPE_IDS,
  ASSESSMENT_FACTORS,
  CATEGORY_OF_ABUSE,
  GENDER,
  PRIMARY_NEED,
  REFERRAL_SOURCES,
  assessmentFactor,
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

describe('assessment factors', () => {
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
