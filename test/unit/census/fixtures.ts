// Facts and rows for the census unit tests: one child on a referral received in 2025-26 with an
// authorised assessment, a section 47 enquiry and an ICPC, every item filled and valid.
import type { CensusFacts, CensusReferralRow } from '../../../shared/census/rows';

export function facts(over: Partial<CensusFacts> = {}): CensusFacts {
  return {
    referralId: 'ref-1',
    reference: 'FD-2025-000001',
    childName: 'Amy Smith',
    personId: 'person-1',
    unborn: false,
    birthDate: '2016-04-03',
    expectedBirthDate: null,
    storedSex: 'F',
    referralDate: '2025-05-06',
    referralSource: '2A',
    finalResponse: 'strategy-discussion',
    finalDecidedOn: '2025-05-06',
    assessmentStart: '2025-05-07',
    assessmentAuthorised: '2025-06-20',
    factors: ['18C', '3B'],
    s47Start: '2025-05-07',
    // Thursday 29 May 2025: 15 working days after 07/05 (bank holiday 26/05).
    icpcTarget: '2025-05-29',
    icpcDate: '2025-05-28',
    icpcNotRequiredDate: null,
    ...over,
  };
}

export function row(over: Partial<CensusReferralRow> = {}): CensusReferralRow {
  return {
    referralId: 'ref-1',
    reference: 'FD-2025-000001',
    childName: 'Amy Smith',
    personId: 'person-1',
    laChildId: 'person-1',
    unborn: false,
    birthDate: '2016-04-03',
    expectedBirthDate: null,
    sex: { field: 'Sex', code: 'F' },
    storedSex: 'F',
    referralDate: '2025-05-06',
    referralSource: '2A',
    nfa: false,
    assessmentStart: '2025-05-07',
    assessmentAuthorised: '2025-06-20',
    factors: ['18C', '3B'],
    s47Start: '2025-05-07',
    icpcTarget: '2025-05-29',
    icpcDate: '2025-05-28',
    icpcNotRequired: false,
    ...over,
  };
}
