// The year's checks on each census row (shared/census/validate): every rule passes the good row
// and fails its bad row with a message the worker can act on; the whole check names each row.
import { describe, expect, it } from 'vitest';
import { censusSpec } from '../../../shared/census/specs';
import {
  CENSUS_RULES,
  assessmentOrder,
  birthDates,
  childProtection,
  datesInYear,
  mandatoryItems,
  nfaHasNoAssessment,
  validCodes,
  validateCensusRows,
} from '../../../shared/census/validate';
import { row } from './fixtures';

const spec = censusSpec(2025);
const noCp = { s47Start: null, icpcTarget: null, icpcDate: null, icpcNotRequired: false };
const noAssessment = { assessmentStart: null, assessmentAuthorised: null, factors: [] };

describe('every rule passes a good row', () => {
  for (const rule of CENSUS_RULES) {
    it(rule.name, () => {
      expect(rule(row(), spec)).toEqual([]);
    });
  }
  it('and the whole check finds nothing', () => {
    expect(validateCensusRows([row(), row({ referralId: 'ref-2' })], spec)).toEqual([]);
  });
});

describe('mandatoryItems', () => {
  it('fails a child not linked to a record', () => {
    expect(mandatoryItems(row({ laChildId: null }), spec)).toEqual([
      expect.stringMatching(/not linked to a child record.*LAchildID/),
    ]);
    expect(mandatoryItems(row({ laChildId: '  ' }), spec)).toHaveLength(1);
  });
  it('fails a missing referral date and source', () => {
    expect(mandatoryItems(row({ referralDate: '' }), spec)).toEqual([
      expect.stringMatching(/CINreferralDate/),
    ]);
    expect(mandatoryItems(row({ referralSource: ' ' }), spec)).toEqual([
      expect.stringMatching(/ReferralSource/),
    ]);
  });
  it('fails sex not recorded, naming the year’s item', () => {
    expect(mandatoryItems(row({ sex: null, storedSex: null }), spec)).toEqual([
      "The child's sex is not recorded (Sex is required)",
    ]);
    expect(mandatoryItems(row({ sex: null, storedSex: null }), censusSpec(2023))).toEqual([
      "The child's sex is not recorded (Gender is required)",
    ]);
  });
  it('names a stored value that is not a census code', () => {
    expect(mandatoryItems(row({ sex: null, storedSex: 'X' }), spec)).toEqual([
      'The child\'s sex "X" is not a census code for 2025-26 (Sex)',
    ]);
  });
});

describe('birthDates', () => {
  it('fails a born child without a date of birth', () => {
    expect(birthDates(row({ birthDate: null }), spec)).toEqual([
      expect.stringMatching(/PersonBirthDate is required/),
    ]);
  });
  it('fails an unborn child without an expected date, passes one with it', () => {
    expect(birthDates(row({ unborn: true, birthDate: null }), spec)).toEqual([
      expect.stringMatching(/ExpectedPersonBirthDate/),
    ]);
    expect(
      birthDates(row({ unborn: true, birthDate: null, expectedBirthDate: '2025-09-01' }), spec),
    ).toEqual([]);
  });
});

describe('validCodes', () => {
  it('fails a referral source that is not a census code', () => {
    expect(validCodes(row({ referralSource: '=cmd' }), spec)).toEqual([
      '"=cmd" is not a census referral source code',
    ]);
  });
  it('fails 5D early help before 2022-23 and passes it from then', () => {
    const early = row({ referralSource: '5D', referralDate: '2021-05-06' });
    expect(validCodes(early, censusSpec(2021))).toEqual([
      expect.stringMatching(/5D .* cannot be used in 2021-22/),
    ]);
    expect(validCodes(row({ referralSource: '5D' }), spec)).toEqual([]);
  });
  it('fails an unknown, retired or doubled factor, and 21 with others', () => {
    expect(validCodes(row({ factors: ['99Z'] }), spec)).toEqual([
      expect.stringMatching(/^Assessment factors: '99Z' is not a census assessment factor/),
    ]);
    expect(validCodes(row({ factors: ['18A'] }), spec)).toEqual([
      expect.stringMatching(/no longer used/),
    ]);
    // Valid in a year before the split into B and C.
    expect(validCodes(row({ factors: ['18A'] }), censusSpec(2015))).toEqual([]);
    expect(validCodes(row({ factors: ['3B', '3B'] }), spec)).toEqual([
      expect.stringMatching(/listed more than once/),
    ]);
    expect(validCodes(row({ factors: ['21', '3B'] }), spec)).toEqual([
      expect.stringMatching(/cannot be combined/),
    ]);
  });
  it('fails 24A before 2022-23', () => {
    expect(validCodes(row({ factors: ['24A'] }), censusSpec(2021))).toEqual([
      expect.stringMatching(/introduced in 2022-23/),
    ]);
  });
});

describe('datesInYear', () => {
  it('fails a referral date outside the year, in en-GB dates', () => {
    expect(
      datesInYear(row({ referralDate: '2025-03-31', ...noCp, ...noAssessment }), spec),
    ).toEqual(['The referral date 31/03/2025 is outside 2025-26 (01/04/2025 to 31/03/2026)']);
  });
  it('fails an event before the referral date', () => {
    expect(datesInYear(row({ assessmentStart: '2025-05-01' }), spec)).toEqual([
      'The assessment start date 01/05/2025 is before the referral date 06/05/2025',
    ]);
  });
  it('fails an event after the year ends', () => {
    expect(datesInYear(row({ icpcDate: '2026-04-01' }), spec)).toEqual([
      expect.stringMatching(/conference date 01\/04\/2026 is after the end of 2025-26/),
    ]);
  });
});

describe('nfaHasNoAssessment', () => {
  it('fails an NFA referral with an assessment or an enquiry', () => {
    expect(nfaHasNoAssessment(row({ nfa: true }), spec)).toHaveLength(2);
    expect(nfaHasNoAssessment(row({ nfa: true, ...noCp }), spec)).toEqual([
      expect.stringMatching(/no further action but an assessment .* 07\/05\/2025/),
    ]);
  });
  it('passes an NFA referral with neither', () => {
    expect(nfaHasNoAssessment(row({ nfa: true, ...noCp, ...noAssessment }), spec)).toEqual([]);
  });
});

describe('assessmentOrder', () => {
  it('fails an authorisation before the start', () => {
    expect(assessmentOrder(row({ assessmentAuthorised: '2025-05-06' }), spec)).toEqual([
      'The assessment was authorised (06/05/2025) before it started (07/05/2025)',
    ]);
  });
  it('fails an authorised assessment without factors', () => {
    expect(assessmentOrder(row({ factors: [] }), spec)).toEqual([
      expect.stringMatching(/no assessment factors/),
    ]);
  });
  it('passes an assessment still in progress without factors', () => {
    expect(assessmentOrder(row({ assessmentAuthorised: null, factors: [] }), spec)).toEqual([]);
  });
});

describe('childProtection', () => {
  it('fails a conference or "not required" without an enquiry', () => {
    expect(childProtection(row({ s47Start: null, icpcTarget: null }), spec)).toEqual([
      expect.stringMatching(/conference is recorded \(28\/05\/2025\) without a section 47/),
    ]);
    expect(childProtection(row({ ...noCp, icpcNotRequired: true }), spec)).toEqual([
      '"Conference not required" is recorded without a section 47 enquiry',
    ]);
  });
  it('fails a conference before the enquiry', () => {
    expect(childProtection(row({ icpcDate: '2025-05-06' }), spec)).toEqual([
      expect.stringMatching(/\(06\/05\/2025\) is before the section 47 enquiry started/),
    ]);
  });
  it('fails a conference both held and not required', () => {
    expect(childProtection(row({ icpcNotRequired: true }), spec)).toEqual([
      expect.stringMatching(/both as held and as not required/),
    ]);
  });
  it('fails a missing target while a conference is due, passes one not required', () => {
    expect(childProtection(row({ icpcTarget: null }), spec)).toEqual([
      expect.stringMatching(/InitialCPCtarget\) could not be worked out/),
    ]);
    expect(
      childProtection(row({ icpcTarget: null, icpcDate: null, icpcNotRequired: true }), spec),
    ).toEqual([]);
  });
  it('fails a target on a weekend or before the enquiry', () => {
    // Saturday 31/05/2025 and Sunday 01/06/2025.
    expect(childProtection(row({ icpcTarget: '2025-05-31' }), spec)).toEqual([
      'The conference target date 31/05/2025 falls on a weekend',
    ]);
    expect(childProtection(row({ icpcTarget: '2025-06-01' }), spec)).toHaveLength(1);
    expect(childProtection(row({ icpcTarget: '2025-05-06' }), spec)).toEqual([
      expect.stringMatching(/target date 06\/05\/2025 is before the section 47 enquiry/),
    ]);
  });
});

describe('validateCensusRows', () => {
  it('names each failing row by referral, reference and child, with all its problems', () => {
    const failures = validateCensusRows(
      [
        row(),
        row({
          referralId: 'ref-2',
          reference: 'FD-2025-000002',
          childName: 'Ben Jones',
          personId: null,
          laChildId: null,
          sex: null,
          storedSex: null,
        }),
        row({ referralId: 'ref-3', reference: 'FD-2025-000003', referralSource: '11' }),
      ],
      spec,
    );
    expect(failures).toEqual([
      {
        referralId: 'ref-2',
        reference: 'FD-2025-000002',
        childName: 'Ben Jones',
        personId: null,
        problems: [
          expect.stringMatching(/LAchildID/),
          "The child's sex is not recorded (Sex is required)",
        ],
      },
      {
        referralId: 'ref-3',
        reference: 'FD-2025-000003',
        childName: 'Amy Smith',
        personId: 'person-1',
        problems: ['"11" is not a census referral source code'],
      },
    ]);
  });
});
