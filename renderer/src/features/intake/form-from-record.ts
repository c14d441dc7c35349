// A saved referral → the form, to correct it. validateForm(inputToForm(x)) gives x back (every
// field the schema has is carried, shown or not), so a correction never drops anything.

import type { ReferralRecord } from '../../../../shared/domain/records';
import { londonDate, londonTime } from '../../../../shared/calendar';
import {
  formText,
  typedDate,
  yesNoAnswer,
  type ReferralInput,
} from '../../../../shared/validation';
import { receivedInstant } from './form-input';
import {
  emptyChild,
  emptyForm,
  type AddressForm,
  type ChildForm,
  type ReferralForm,
  type YesNo,
} from './form-model';

// The shared codecs write each field back (form-input reads them with the same codecs).
const text = (v: string | undefined): string => formText.encode(v);
const yn = (v: boolean | undefined): YesNo => yesNoAnswer.encode(v);
// Encoding does not depend on how two-digit years are read.
const asTyped = typedDate({ today: '2000-01-01', twoDigitYears: 'past' });
const ukOrBlank = (v: string | undefined): string => asTyped.encode(v);
type AddressLike =
  | {
      line1?: string | undefined;
      line2?: string | undefined;
      town?: string | undefined;
      postcode?: string | undefined;
    }
  | undefined;
function addressForm(a: AddressLike): AddressForm {
  return {
    line1: text(a?.line1),
    line2: text(a?.line2),
    town: text(a?.town),
    postcode: text(a?.postcode),
  };
}

/**
 * A saved referral as the form holds it, to correct it. validateForm(inputToForm(x)) gives x back
 * (every field the schema has is carried, shown or not), so a correction never drops anything.
 */
export function inputToForm(input: ReferralInput): ReferralForm {
  const date = londonDate(input.receivedAt);
  const time = londonTime(input.receivedAt).slice(0, 5);
  const received: ReferralForm['received'] = { date: ukOrBlank(date), time, dstChoice: '' };
  const at = receivedInstant(received, date);
  if (at.kind === 'ambiguous') {
    received.dstChoice =
      Date.parse(at.earlier) === Date.parse(input.receivedAt) ? 'earlier' : 'later';
  }
  const r = input.referrer;
  const referrer: ReferralForm['referrer'] = {
    ...emptyForm({ date, time }).referrer,
    kind: r.kind,
    wantsFeedback: yn(r.wantsFeedback),
    feedbackMethod: r.feedbackMethod,
  };
  if (r.kind === 'professional') {
    Object.assign(referrer, {
      directoryId: text(r.directoryId),
      name: r.name,
      role: r.role,
      agencyName: r.agencyName,
      agencyType: r.agencyType,
      confidential: r.confidential === true,
      phone: text(r.phone),
      email: text(r.email),
      address: addressForm(r.address),
    });
  } else if (r.kind === 'public') {
    Object.assign(referrer, {
      name: r.name,
      relationship: r.relationship,
      relationshipDetails: text(r.relationshipDetails),
      confidential: r.confidential === true,
      parentalResponsibility: yn(r.parentalResponsibility),
      safeContact: text(r.safeContact),
      phone: text(r.phone),
      email: text(r.email),
      address: addressForm(r.address),
    });
  } else {
    referrer.toldAnonymityCannotBeGuaranteed = r.toldAnonymityCannotBeGuaranteed;
  }
  const children = input.children.map((c): ChildForm => {
    const common: ChildForm = {
      ...emptyChild(),
      status: c.status,
      givenNames: text(c.givenNames),
      familyName: text(c.familyName),
      address: addressForm(c.address),
      school: text(c.school),
      gp: text(c.gp),
      firstLanguage: text(c.firstLanguage),
      interpreterNeeded: c.interpreterNeeded === 'unknown' ? 'unknown' : yn(c.interpreterNeeded),
      matchDecision: c.personId === undefined ? '' : 'linked',
      personId: text(c.personId),
    };
    if (c.status === 'unborn') {
      return {
        ...common,
        expectedDateOfBirth: ukOrBlank(c.expectedDateOfBirth),
        motherName: text(c.motherName),
        motherPersonId: text(c.motherPersonId),
        // Not shown for an unborn baby, but carried so a record holding Gender 0 keeps it.
        gender: c.gender,
      };
    }
    return {
      ...common,
      givenNamesNotKnown: c.givenNamesNotKnown === true,
      familyNameNotKnown: c.familyNameNotKnown === true,
      otherNames: text(c.otherNames),
      dateOfBirth: ukOrBlank(c.dateOfBirth),
      dateOfBirthNotKnown: c.dateOfBirthNotKnown === true,
      approximateAge: c.approximateAge === undefined ? '' : String(c.approximateAge),
      // A saved date of birth was confirmed when it was saved.
      dateOfBirthConfirmed: true,
      gender: c.gender,
      nhsNumber: text(c.nhsNumber),
      disability: c.disability,
      disabilityDetails: text(c.disabilityDetails),
      ethnicity: text(c.ethnicity),
    };
  });
  const c = input.consent;
  return {
    received,
    channel: input.channel,
    referrer,
    referralSourceCode: input.referralSourceCode,
    children,
    householdMembers: input.householdMembers.map((m) => ({
      personId: text(m.personId),
      givenNames: m.givenNames,
      familyName: m.familyName,
      relationship: m.relationship,
      dateOfBirth: ukOrBlank(m.dateOfBirth),
      parentalResponsibility: yn(m.parentalResponsibility),
      livesInHousehold: yn(m.livesInHousehold),
      allegedHarm: m.allegedHarm === true,
      address: addressForm(m.address),
      notes: text(m.notes),
    })),
    concern: input.concern,
    assessmentFactors: [...input.assessmentFactors],
    currentWhereabouts: input.currentWhereabouts,
    immediateProtectionMayBeNeeded: yn(input.immediateProtectionMayBeNeeded),
    parentsAware: input.parentsAware,
    parentsAgree: input.parentsAgree,
    parentsReason: text(input.parentsReason),
    consent: {
      status: c.status,
      givenBy: c.status === 'given' ? c.givenBy : '',
      refusedBy: c.status === 'refused' ? c.refusedBy : '',
      date: c.status === 'not-sought' ? '' : ukOrBlank(c.date),
      scope: c.status === 'given' ? text(c.scope) : '',
      reason: c.status === 'given' ? '' : c.reason,
    },
    informationSharing: input.informationSharing.map((e) => ({
      decision: e.decision,
      date: ukOrBlank(e.date),
      what: e.what,
      withWhom: e.withWhom,
      why: e.why,
      recordedBy: e.recordedBy,
      article6Basis: text(e.article6Basis),
      specialCategory: text(e.specialCategory),
      criminalOffenceData: text(e.criminalOffenceData),
      lawfulBasis: text(e.lawfulBasis),
      lawfulBasisDetails: text(e.lawfulBasisDetails),
    })),
  };
}

/**
 * A saved referral's form for correcting it. The record's link rows are the authority for which
 * person each child and household member is (a merge repoints them), so they win over the input.
 */
export function recordToForm(r: ReferralRecord): ReferralForm {
  const form = inputToForm(r.input);
  form.children.forEach((c, i) => {
    const personId = r.children[i]?.personId ?? null;
    c.personId = personId ?? '';
    c.matchDecision = personId === null ? '' : 'linked';
  });
  form.householdMembers.forEach((m, i) => {
    m.personId = r.householdMembers[i]?.personId ?? '';
  });
  return form;
}
