// The census items each collection year returns (shared/census/specs).
import { describe, expect, it } from 'vitest';
import {
  FIRST_CENSUS_YEAR,
  censusFileName,
  censusSpec,
  selectableCollectionYears,
} from '../../../shared/census/specs';

describe('censusSpec', () => {
  it('returns Gender before 2024-25 and Sex from 2024-25, in the same place in the file', () => {
    const before = censusSpec(2023);
    const after = censusSpec(2024);
    expect(before.sexField).toBe('Gender');
    expect(after.sexField).toBe('Sex');
    expect(before.fields).toContain('Gender');
    expect(before.fields).not.toContain('Sex');
    expect(after.fields).toContain('Sex');
    expect(after.fields).not.toContain('Gender');
    expect(before.fields.indexOf('Gender')).toBe(after.fields.indexOf('Sex'));
  });

  it('lists the referral items the issue asks for, with the child id first', () => {
    expect(censusSpec(2025).fields).toEqual([
      'LAchildID',
      'PersonBirthDate',
      'ExpectedPersonBirthDate',
      'Sex',
      'CINreferralDate',
      'ReferralSource',
      'ReferralNFA',
      'AssessmentActualStartDate',
      'AssessmentAuthorisationDate',
      'AssessmentFactors',
      'S47ActualStartDate',
      'InitialCPCtarget',
      'DateOfInitialCPC',
      'ICPCnotRequired',
    ]);
  });

  it('names the year and counts information and advice and early help as no further action', () => {
    const s = censusSpec(2025);
    expect(s.label).toBe('2025-26');
    expect(s.nfaResponses).toEqual(['nfa', 'information-advice', 'early-help']);
    expect(s.nfaResponses).not.toContain('s17-assessment');
  });

  it('follows the local readings: early help left out of NFA, yes/no as 1/0, defaults unchanged', () => {
    const local = censusSpec(2025, { earlyHelpIsNfa: false, booleans: '1-0' });
    expect(local.nfaResponses).toEqual(['nfa', 'information-advice']);
    expect(local.booleans).toEqual({ yes: '1', no: '0' });
    expect(local.fields).toEqual(censusSpec(2025).fields);
    expect(censusSpec(2025).booleans).toEqual({ yes: 'true', no: 'false' });
    expect(censusSpec(2025).options).toEqual({ earlyHelpIsNfa: true, booleans: 'true-false' });
  });

  it('refuses a year before 2013-14 and a fractional year', () => {
    expect(() => censusSpec(FIRST_CENSUS_YEAR - 1)).toThrow(/from 2013-14.*2012-13/);
    expect(() => censusSpec(2024.5)).toThrow(RangeError);
    expect(censusSpec(FIRST_CENSUS_YEAR).sexField).toBe('Gender');
  });
});

describe('selectableCollectionYears', () => {
  it('runs from the year today is in back to 2013-14, newest first', () => {
    const years = selectableCollectionYears('2026-03-31');
    expect(years[0]).toBe(2025);
    expect(years.at(-1)).toBe(2013);
    expect(years).toHaveLength(13);
    expect(selectableCollectionYears('2026-04-01')[0]).toBe(2026);
  });
});

describe('censusFileName', () => {
  it('names the year only', () => {
    expect(censusFileName(2025)).toBe('CIN census referrals 2025-26.csv');
  });
});
