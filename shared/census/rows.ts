// One CIN census referral row per child on a referral (the census returns a child's referrals,
// so a referral about two children is two rows), and the row's cells in the year's field order.
// Pure: the service gathers the facts, this turns them into census values.

import { censusSex, type CensusSex } from '../codes/sex';
import { collectionYearRange } from '../codes/collection-year';
import type { IsoDate, ResponseType } from '../domain/types';
import type { CensusField, CensusSpec } from './specs';

/** The values of one row, typed; blank items are null. */
export type CensusReferralRow = {
  referralId: string;
  /** The case reference: named in the failing-rows list, never written to the file. */
  reference: string;
  /** The child's name as shown in the app: named in the failing-rows list, never written. */
  childName: string;
  /** The child's person record (after merges), or null when the child is not linked to one. */
  personId: string | null;
  /** LAchildID: the person record's id (stable; a merged record reports the one that stands). */
  laChildId: string | null;
  unborn: boolean;
  birthDate: IsoDate | null;
  expectedBirthDate: IsoDate | null;
  /** The year's sex item, or null when the stored value is not a census code. */
  sex: CensusSex | null;
  /** The stored value, to name it when it cannot be returned. */
  storedSex: string | null;
  referralDate: IsoDate;
  referralSource: string;
  /** False while no decision is final: the referral is still open. */
  nfa: boolean;
  assessmentStart: IsoDate | null;
  assessmentAuthorised: IsoDate | null;
  factors: readonly string[];
  s47Start: IsoDate | null;
  icpcTarget: IsoDate | null;
  icpcDate: IsoDate | null;
  icpcNotRequired: boolean;
};

/** What the service gathered for one child on one referral. */
export type CensusFacts = {
  referralId: string;
  reference: string;
  childName: string;
  personId: string | null;
  unborn: boolean;
  birthDate: IsoDate | null;
  expectedBirthDate: IsoDate | null;
  storedSex: string | null;
  referralDate: IsoDate;
  referralSource: string;
  /** The final decision's response, or null while none is final. */
  finalResponse: ResponseType | null;
  /** The London day the final decision was recorded, or null while none is final. */
  finalDecidedOn: IsoDate | null;
  assessmentStart: IsoDate | null;
  assessmentAuthorised: IsoDate | null;
  factors: readonly string[];
  s47Start: IsoDate | null;
  icpcTarget: IsoDate | null;
  icpcDate: IsoDate | null;
  icpcNotRequiredDate: IsoDate | null;
};

/**
 * The census row for gathered facts. Events dated after the collection year ends are left blank:
 * they had not happened at the census date and belong to the next year's return.
 */
export function censusRow(facts: CensusFacts, spec: CensusSpec): CensusReferralRow {
  const { end } = collectionYearRange(spec.year);
  const inYear = (d: IsoDate | null): IsoDate | null => (d !== null && d <= end ? d : null);
  let sex: CensusSex | null;
  try {
    sex =
      facts.storedSex === null && !facts.unborn
        ? null
        : censusSex(facts.storedSex ?? '', facts.unborn, spec.year);
  } catch {
    // Not a census code: left blank, and the validator names the stored value.
    sex = null;
  }
  const s47Start = inYear(facts.s47Start);
  const assessmentStart = inYear(facts.assessmentStart);
  const assessmentAuthorised = assessmentStart === null ? null : inYear(facts.assessmentAuthorised);
  return {
    referralId: facts.referralId,
    reference: facts.reference,
    childName: facts.childName,
    personId: facts.personId,
    laChildId: facts.personId,
    unborn: facts.unborn,
    birthDate: facts.unborn ? null : facts.birthDate,
    expectedBirthDate: facts.unborn ? facts.expectedBirthDate : null,
    sex,
    storedSex: facts.storedSex,
    referralDate: facts.referralDate,
    referralSource: facts.referralSource,
    // A decision made after the year ends had not been made at the census date.
    nfa:
      facts.finalResponse !== null &&
      inYear(facts.finalDecidedOn) !== null &&
      spec.nfaResponses.includes(facts.finalResponse),
    assessmentStart,
    assessmentAuthorised,
    // CIN census guide: AssessmentFactors are the factors identified at the end of the assessment,
    // so they are returned with an authorised assessment only [verify against the year's guide].
    factors: assessmentAuthorised === null ? [] : facts.factors,
    s47Start,
    // The target is set when the enquiry starts, so it is returned even when it falls after the
    // year end (the conference is still to come).
    icpcTarget: s47Start === null ? null : facts.icpcTarget,
    icpcDate: inYear(facts.icpcDate),
    icpcNotRequired: inYear(facts.icpcNotRequiredDate) !== null,
  };
}

/**
 * The row's cells in the year's field order. Dates are the specification's YYYY-MM-DD (the
 * census files use ISO dates; the screen shows DD/MM/YYYY).
 */
export function censusCells(row: CensusReferralRow, spec: CensusSpec): string[] {
  const bool = (b: boolean): string => (b ? spec.booleans.yes : spec.booleans.no);
  const value: Record<CensusField, string> = {
    LAchildID: row.laChildId ?? '',
    PersonBirthDate: row.birthDate ?? '',
    ExpectedPersonBirthDate: row.expectedBirthDate ?? '',
    Sex: row.sex?.field === 'Sex' ? row.sex.code : '',
    Gender: row.sex?.field === 'Gender' ? row.sex.code : '',
    CINreferralDate: row.referralDate,
    ReferralSource: row.referralSource,
    ReferralNFA: bool(row.nfa),
    AssessmentActualStartDate: row.assessmentStart ?? '',
    AssessmentAuthorisationDate: row.assessmentAuthorised ?? '',
    AssessmentFactors: row.factors.join(spec.factorSeparator),
    S47ActualStartDate: row.s47Start ?? '',
    InitialCPCtarget: row.icpcTarget ?? '',
    DateOfInitialCPC: row.icpcDate ?? '',
    // Only meaningful once an enquiry has started; blank otherwise.
    ICPCnotRequired: row.s47Start === null ? '' : bool(row.icpcNotRequired),
  };
  return spec.fields.map((f) => value[f]);
}
