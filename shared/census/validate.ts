// The year's checks on each referral row, before anything is written: a return the DfE loader
// would reject is refused here, with each problem in plain words the worker can put right on the
// referral. Pure; one function per rule so each can be tested on its own.
//
// Sources: the CIN census guide and business and technical specification for the year. The DfE numbers its validation rules; where the number is not confirmed here the comment
// names the rule in words and says [verify] rather than guess a number.

import { validateAssessmentFactors } from '../codes/assessment-factors';
import { collectionYearRange } from '../codes/collection-year';
import { isValidIn } from '../codes/code-list';
import { referralSource } from '../codes/referral-source';
import { dayOfWeek, isIsoDate, toEpochDay } from '../calendar/dates';
import { formatUkDate } from '../validation/formats';
import type { CensusReferralRow } from './rows';
import type { CensusSpec } from './specs';

/** A row the extract refused, named by referral and child, with every rule it breaks. */
export type CensusRowFailure = {
  referralId: string;
  reference: string;
  childName: string;
  personId: string | null;
  problems: string[];
};

type Rule = (row: CensusReferralRow, spec: CensusSpec) => string[];

const uk = (d: string): string => formatUkDate(d);

/** Mandatory items (CIN census specification: LAchildID, CINreferralDate, ReferralSource, sex). */
export const mandatoryItems: Rule = (row, spec) => {
  const out: string[] = [];
  if (row.laChildId === null || row.laChildId.trim() === '') {
    out.push(
      'The child is not linked to a child record, so there is no child id (LAchildID): link the child on the referral',
    );
  }
  if (!isIsoDate(row.referralDate)) out.push('The referral date (CINreferralDate) is missing');
  if (row.referralSource.trim() === '') out.push('The referral source (ReferralSource) is missing');
  if (row.sex === null) {
    out.push(
      row.storedSex === null
        ? `The child's sex is not recorded (${spec.sexField} is required)`
        : `The child's sex "${row.storedSex}" is not a census code for ${spec.label} (${spec.sexField})`,
    );
  }
  return out;
};

/**
 * A child has a date of birth, or an expected date of birth if unborn (CIN census guide: child
 * identifiers, PersonBirthDate and ExpectedPersonBirthDate).
 */
export const birthDates: Rule = (row) => {
  if (row.unborn) {
    return row.expectedBirthDate === null
      ? ['The unborn child has no expected date of birth (ExpectedPersonBirthDate)']
      : [];
  }
  return row.birthDate === null
    ? [
        "The child's date of birth is not known (PersonBirthDate is required for a born child): record it on the child's record",
      ]
    : [];
};

/** Codes must be valid in the collection year (CIN census specification code lists). */
export const validCodes: Rule = (row, spec) => {
  const out: string[] = [];
  const source = referralSource(row.referralSource);
  if (row.referralSource.trim() !== '') {
    if (!source) {
      out.push(`"${row.referralSource}" is not a census referral source code`);
    } else if (!isValidIn(source, spec.year)) {
      // 5D early help exists from the 2022-23 specification only.
      out.push(
        `Referral source ${source.code} (${source.label}) cannot be used in ${spec.label}: choose another source`,
      );
    }
  }
  // Retired codes are refused too: the year's return may only carry the year's codes.
  for (const e of validateAssessmentFactors(row.factors, {
    collectionYear: spec.year,
    isNewRecord: true,
  })) {
    out.push(`Assessment factors: ${e.message}`);
  }
  return out;
};

/**
 * Dates inside the year: the referral date in the collection year (1 April to 31 March); no
 * later event before the referral date or after the year ends (CIN census guide: the return
 * covers the year to 31 March).
 */
export const datesInYear: Rule = (row, spec) => {
  const { start, end } = collectionYearRange(spec.year);
  const out: string[] = [];
  if (isIsoDate(row.referralDate) && (row.referralDate < start || row.referralDate > end)) {
    out.push(
      `The referral date ${uk(row.referralDate)} is outside ${spec.label} (${uk(start)} to ${uk(end)})`,
    );
  }
  const events: [string, string | null][] = [
    ['The assessment start date', row.assessmentStart],
    ['The assessment authorisation date', row.assessmentAuthorised],
    ['The section 47 start date', row.s47Start],
    ['The initial child protection conference date', row.icpcDate],
  ];
  for (const [what, date] of events) {
    if (date === null) continue;
    if (date < row.referralDate) {
      out.push(`${what} ${uk(date)} is before the referral date ${uk(row.referralDate)}`);
    } else if (date > end) {
      out.push(`${what} ${uk(date)} is after the end of ${spec.label} (${uk(end)})`);
    }
  }
  return out;
};

/** An NFA referral has no assessment or enquiry (CIN census guide: ReferralNFA). */
export const nfaHasNoAssessment: Rule = (row) => {
  if (!row.nfa) return [];
  const out: string[] = [];
  if (row.assessmentStart !== null) {
    out.push(
      `The referral is no further action but an assessment is recorded as started on ${uk(row.assessmentStart)}: correct the decision or withdraw the assessment entry`,
    );
  }
  if (row.s47Start !== null) {
    out.push(
      `The referral is no further action but a section 47 enquiry is recorded as started on ${uk(row.s47Start)}`,
    );
  }
  return out;
};

/**
 * Assessment: authorised on or after it started; an authorised assessment carries its factors
 * (CIN census guide: AssessmentFactors are returned for an authorised assessment [verify]).
 */
export const assessmentOrder: Rule = (row) => {
  const out: string[] = [];
  if (row.assessmentAuthorised !== null && row.assessmentStart !== null) {
    if (row.assessmentAuthorised < row.assessmentStart) {
      out.push(
        `The assessment was authorised (${uk(row.assessmentAuthorised)}) before it started (${uk(row.assessmentStart)})`,
      );
    }
    if (row.factors.length === 0) {
      out.push(
        'The assessment is completed but no assessment factors are recorded on the referral',
      );
    }
  }
  return out;
};

/**
 * Child protection: an ICPC or its target needs a section 47 enquiry; the ICPC is on or after the
 * enquiry started; not both held and "not required"; the target never a weekend (CIN census
 * specification, InitialCPCtarget) nor before the enquiry.
 */
export const childProtection: Rule = (row) => {
  const out: string[] = [];
  if (row.s47Start === null) {
    if (row.icpcDate !== null) {
      out.push(
        `An initial child protection conference is recorded (${uk(row.icpcDate)}) without a section 47 enquiry`,
      );
    }
    if (row.icpcNotRequired)
      out.push('"Conference not required" is recorded without a section 47 enquiry');
    return out;
  }
  if (row.icpcDate !== null && row.icpcDate < row.s47Start) {
    out.push(
      `The initial child protection conference (${uk(row.icpcDate)}) is before the section 47 enquiry started (${uk(row.s47Start)})`,
    );
  }
  if (row.icpcDate !== null && row.icpcNotRequired) {
    out.push('The conference is recorded both as held and as not required: withdraw one of them');
  }
  if (row.icpcTarget === null) {
    // An enquiry that ended without a conference needs no target.
    if (!row.icpcNotRequired) {
      out.push(
        'The conference target date (InitialCPCtarget) could not be worked out: record the strategy discussion the policy counts from',
      );
    }
  } else if (dayOfWeek(toEpochDay(row.icpcTarget)) % 6 === 0) {
    out.push(`The conference target date ${uk(row.icpcTarget)} falls on a weekend`);
  } else if (row.icpcTarget < row.s47Start) {
    out.push(
      `The conference target date ${uk(row.icpcTarget)} is before the section 47 enquiry started (${uk(row.s47Start)})`,
    );
  }
  return out;
};

export const CENSUS_RULES: readonly Rule[] = [
  mandatoryItems,
  birthDates,
  validCodes,
  datesInYear,
  nfaHasNoAssessment,
  assessmentOrder,
  childProtection,
];

/** Every row that breaks a rule, with all its problems; empty when the return can be written. */
export function validateCensusRows(
  rows: readonly CensusReferralRow[],
  spec: CensusSpec,
): CensusRowFailure[] {
  const failures: CensusRowFailure[] = [];
  for (const row of rows) {
    const problems = CENSUS_RULES.flatMap((rule) => rule(row, spec));
    if (problems.length > 0) {
      failures.push({
        referralId: row.referralId,
        reference: row.reference,
        childName: row.childName,
        personId: row.personId,
        problems,
      });
    }
  }
  return failures;
}
