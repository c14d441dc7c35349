// One census row per child on a referral, in the year's items (shared/census/rows).
import { describe, expect, it } from 'vitest';
import { censusCells, censusRow } from '../../../shared/census/rows';
import { censusSpec } from '../../../shared/census/specs';
import { facts } from './fixtures';

const y2025 = censusSpec(2025);
const y2023 = censusSpec(2023);

const cellsOf = (f: Parameters<typeof censusRow>[0], spec = y2025): Record<string, string> => {
  const cells = censusCells(censusRow(f, spec), spec);
  return Object.fromEntries(spec.fields.map((name, i) => [name, cells[i] ?? '?']));
};

describe('censusRow and censusCells', () => {
  it('writes every item of a complete row in census codes and ISO dates', () => {
    expect(cellsOf(facts())).toEqual({
      LAchildID: 'person-1',
      PersonBirthDate: '2016-04-03',
      ExpectedPersonBirthDate: '',
      Sex: 'F',
      CINreferralDate: '2025-05-06',
      ReferralSource: '2A',
      ReferralNFA: 'false',
      AssessmentActualStartDate: '2025-05-07',
      AssessmentAuthorisationDate: '2025-06-20',
      AssessmentFactors: '18C,3B',
      S47ActualStartDate: '2025-05-07',
      InitialCPCtarget: '2025-05-29',
      DateOfInitialCPC: '2025-05-28',
      ICPCnotRequired: 'false',
    });
  });

  describe('sex per the year', () => {
    const cases: [string, boolean, number, string, string][] = [
      // stored, unborn, year → item, code
      ['F', false, 2025, 'Sex', 'F'],
      ['M', false, 2024, 'Sex', 'M'],
      ['2', false, 2025, 'Sex', 'F'],
      ['1', false, 2025, 'Sex', 'M'],
      ['9', false, 2025, 'Sex', 'U'],
      ['0', false, 2025, 'Sex', 'U'],
      ['F', false, 2023, 'Gender', '2'],
      ['M', false, 2023, 'Gender', '1'],
      ['U', false, 2023, 'Gender', '0'],
      ['9', false, 2023, 'Gender', '9'],
      ['U', true, 2025, 'Sex', 'U'],
      ['0', true, 2025, 'Sex', 'U'],
      ['U', true, 2023, 'Gender', '0'],
    ];
    for (const [stored, unborn, year, field, code] of cases) {
      it(`stored ${stored}${unborn ? ' (unborn)' : ''} in ${String(year)} → ${field} ${code}`, () => {
        const spec = censusSpec(year);
        const c = cellsOf(
          facts({
            storedSex: stored,
            unborn,
            ...(unborn ? { birthDate: null, expectedBirthDate: '2025-09-01' } : {}),
          }),
          spec,
        );
        expect(c[field]).toBe(code);
        expect(c[field === 'Sex' ? 'Gender' : 'Sex']).toBeUndefined();
      });
    }

    it('leaves sex blank (for the check to name) when nothing or a non-census value is stored', () => {
      expect(censusRow(facts({ storedSex: null }), y2025).sex).toBeNull();
      const odd = censusRow(facts({ storedSex: 'female' }), y2025);
      expect(odd.sex).toBeNull();
      expect(odd.storedSex).toBe('female');
      expect(cellsOf(facts({ storedSex: 'female' })).Sex).toBe('');
    });

    it('returns an unborn child as U even with nothing stored', () => {
      expect(
        censusRow(facts({ unborn: true, storedSex: null, expectedBirthDate: '2025-09-01' }), y2025)
          .sex,
      ).toEqual({ field: 'Sex', code: 'U' });
    });
  });

  it('gives an unborn child the expected date of birth and no date of birth', () => {
    const c = cellsOf(
      facts({ unborn: true, birthDate: '2020-01-01', expectedBirthDate: '2025-09-01' }),
    );
    expect(c.PersonBirthDate).toBe('');
    expect(c.ExpectedPersonBirthDate).toBe('2025-09-01');
    const born = cellsOf(facts({ expectedBirthDate: '2025-09-01' }));
    expect(born.ExpectedPersonBirthDate).toBe('');
  });

  describe('events after the collection year are left blank', () => {
    it('blanks an assessment, enquiry and conference after 31/03/2026', () => {
      const c = cellsOf(
        facts({
          referralDate: '2026-03-20',
          finalDecidedOn: '2026-03-20',
          assessmentStart: '2026-04-01',
          assessmentAuthorised: '2026-05-01',
          s47Start: '2026-04-02',
          icpcTarget: '2026-04-24',
          icpcDate: '2026-04-20',
        }),
      );
      expect(c.AssessmentActualStartDate).toBe('');
      expect(c.AssessmentAuthorisationDate).toBe('');
      expect(c.AssessmentFactors).toBe('');
      expect(c.S47ActualStartDate).toBe('');
      expect(c.InitialCPCtarget).toBe('');
      expect(c.DateOfInitialCPC).toBe('');
      expect(c.ICPCnotRequired).toBe('');
    });

    it('keeps events on 31/03/2026, and a target after it for an enquiry started in the year', () => {
      const c = cellsOf(
        facts({
          referralDate: '2026-03-20',
          assessmentStart: '2026-03-31',
          assessmentAuthorised: '2026-03-31',
          s47Start: '2026-03-31',
          icpcTarget: '2026-04-22',
          icpcDate: null,
        }),
      );
      expect(c.AssessmentActualStartDate).toBe('2026-03-31');
      expect(c.S47ActualStartDate).toBe('2026-03-31');
      expect(c.InitialCPCtarget).toBe('2026-04-22');
      expect(c.DateOfInitialCPC).toBe('');
    });

    it('blanks an authorisation after the year while keeping the start within it', () => {
      const c = cellsOf(facts({ assessmentAuthorised: '2026-04-10' }));
      expect(c.AssessmentActualStartDate).toBe('2025-05-07');
      expect(c.AssessmentAuthorisationDate).toBe('');
      expect(c.AssessmentFactors).toBe('');
    });

    it('does not count an NFA decided after the year ends', () => {
      const late = facts({
        referralDate: '2026-03-31',
        finalResponse: 'nfa',
        finalDecidedOn: '2026-04-01',
        assessmentStart: null,
        assessmentAuthorised: null,
        s47Start: null,
        icpcTarget: null,
        icpcDate: null,
      });
      expect(cellsOf(late).ReferralNFA).toBe('false');
      expect(cellsOf({ ...late, finalDecidedOn: '2026-03-31' }).ReferralNFA).toBe('true');
    });

    it('records "conference not required" only when it was decided within the year', () => {
      const base = { icpcDate: null, icpcTarget: null };
      expect(cellsOf(facts({ ...base, icpcNotRequiredDate: '2026-03-02' })).ICPCnotRequired).toBe(
        'true',
      );
      expect(cellsOf(facts({ ...base, icpcNotRequiredDate: '2026-04-02' })).ICPCnotRequired).toBe(
        'false',
      );
    });
  });

  it('counts nfa, information and advice and early help as no further action, and nothing open', () => {
    const nfa = (r: Parameters<typeof facts>[0]) => censusRow(facts(r), y2025).nfa;
    expect(nfa({ finalResponse: 'nfa' })).toBe(true);
    expect(nfa({ finalResponse: 'information-advice' })).toBe(true);
    expect(nfa({ finalResponse: 'early-help' })).toBe(true);
    expect(nfa({ finalResponse: 's17-assessment' })).toBe(false);
    expect(nfa({ finalResponse: null, finalDecidedOn: null })).toBe(false);
  });

  it('returns factors only with an authorised assessment', () => {
    expect(cellsOf(facts({ assessmentAuthorised: null })).AssessmentFactors).toBe('');
    expect(cellsOf(facts({ assessmentStart: null })).AssessmentFactors).toBe('');
  });

  it('writes no target or "not required" without a section 47 enquiry', () => {
    const c = cellsOf(facts({ s47Start: null, icpcDate: null }));
    expect(c.InitialCPCtarget).toBe('');
    expect(c.ICPCnotRequired).toBe('');
  });

  it('writes the 2023-24 file with Gender in the sex column', () => {
    const c = cellsOf(facts({ referralDate: '2023-05-06' }), y2023);
    expect(c.Gender).toBe('2');
    expect(Object.keys(c)).toEqual([...y2023.fields]);
  });
});
