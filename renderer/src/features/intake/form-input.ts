// The form → the referral the schema and IPC check: every typed date read by the one shared
// parser, every error at once, in the order of the page. Field names follow referralSchema so
// error paths map one to one.

import type { IsoDate } from '../../../../shared/domain/types';
import {
  collectionYearFor,
  isReferralSourceCode,
  validateAssessmentFactors,
} from '../../../../shared/codes';
import {
  formText,
  parseLondonDateTime,
  readTypedDate,
  type TwoDigitYears,
  fieldErrorsFromZod,
  referralSchema,
  yesNoAnswer,
  type ReferralInput,
} from '../../../../shared/validation';
import type { AddressForm, ReferralForm, YesNo } from './form-model';

/** One message for a received time in the future, beside the field and in the summary. */
export const FUTURE_RECEIVED_MESSAGE =
  'The time received cannot be in the future: check the date and time';

/** The received date/time as a London instant, or the problem with it. */
export type ReceivedResult =
  | { kind: 'ok'; instant: string }
  | { kind: 'ambiguous'; message: string; earlier: string; later: string }
  | { kind: 'error'; field: string; message: string };

/**
 * The received date and time, read by the one shared parseLondonDateTime (dates as typed, a time
 * that happens twice on the night the clocks go back is asked about). The clock-change choice is
 * applied by the caller (validateForm), so the form can show the question.
 */
export function receivedInstant(
  received: ReferralForm['received'],
  today: IsoDate,
): ReceivedResult {
  const r = parseLondonDateTime(
    { date: received.date, time: received.time },
    { today, twoDigitYears: 'past', what: 'the referral was received' },
  );
  switch (r.kind) {
    case 'blank':
      return {
        kind: 'error',
        field: 'received.date',
        message: 'Enter the date the referral was received',
      };
    case 'error':
      return { kind: 'error', field: `received.${r.on}`, message: r.message };
    case 'choose':
      return { kind: 'ambiguous', message: r.message, earlier: r.earlier, later: r.later };
    case 'ok':
      return { kind: 'ok', instant: r.instant };
  }
}

// The shared codecs read each field (form-from-record writes them back with the same codecs).
const blank = (s: string): string | undefined => formText.decode(s);
const yesNo = (v: YesNo): boolean | undefined => yesNoAnswer.decode(v);
const choice = blank;

function address(a: AddressForm): Record<string, string | undefined> | undefined {
  const out = {
    line1: blank(a.line1),
    line2: blank(a.line2),
    town: blank(a.town),
    postcode: blank(a.postcode),
  };
  return Object.values(out).some((v) => v !== undefined) ? out : undefined;
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Oldest believable date of birth without a second look: over 25, or before 1990. */
export const DOUBTFUL_AGE_YEARS = 25;
const DOUBTFUL_BEFORE_YEAR = 1990;

/**
 * A date of birth that makes the "child" over 25 (or born before 1990) is usually a slip (14/6/15
 * typed as 1915): ask "is this right?" rather than refuse. Null when it looks right.
 */
export function doubtfulDateOfBirth(dob: IsoDate, today: IsoDate): string | null {
  const age =
    Number(today.slice(0, 4)) - Number(dob.slice(0, 4)) - (today.slice(5) < dob.slice(5) ? 1 : 0);
  if (age <= DOUBTFUL_AGE_YEARS && Number(dob.slice(0, 4)) >= DOUBTFUL_BEFORE_YEAR) return null;
  return `This date of birth makes the child ${String(age)}: check the year, or confirm it is right`;
}

export type Validation =
  | { ok: true; referral: ReferralInput }
  | { ok: false; errors: Record<string, string>; ambiguous?: { message: string } };

/** Check the form with the same schema the main process uses; dates typed badly fail here first. */
export function validateForm(
  form: ReferralForm,
  today: IsoDate,
  options: { isNewRecord: boolean; now?: Date } = { isNewRecord: true },
): Validation {
  const dateErrors: Record<string, string> = {};
  const d = (path: string, s: string, years: TwoDigitYears): string | undefined => {
    const c = readTypedDate(s, { today, twoDigitYears: years });
    if (c.error) dateErrors[path] = c.error;
    return c.value;
  };

  let receivedAt: string | undefined;
  let ambiguous: { message: string } | undefined;
  const rec = receivedInstant(form.received, today);
  if (rec.kind === 'ok') receivedAt = rec.instant;
  else if (rec.kind === 'ambiguous') {
    if (form.received.dstChoice === 'earlier') receivedAt = rec.earlier;
    else if (form.received.dstChoice === 'later') receivedAt = rec.later;
    else {
      dateErrors['received.dstChoice'] = rec.message;
      ambiguous = { message: rec.message };
    }
  } else dateErrors[rec.field] = rec.message;
  // The main process refuses a received time more than five minutes ahead: say so here, in the
  // same words, so it is not a second round of errors.
  if (
    receivedAt !== undefined &&
    options.now !== undefined &&
    Date.parse(receivedAt) > options.now.getTime() + 5 * 60_000
  ) {
    dateErrors['received.time'] = FUTURE_RECEIVED_MESSAGE;
  }

  const r = form.referrer;
  const contact = { phone: blank(r.phone), email: blank(r.email), address: address(r.address) };
  // How to give feedback is only asked (and only an error) once the referrer says they want it.
  const feedback = {
    wantsFeedback: yesNo(r.wantsFeedback),
    feedbackMethod: r.wantsFeedback === 'yes' ? choice(r.feedbackMethod) : 'none',
  };
  let referrer: Record<string, unknown> | undefined;
  if (r.kind === 'professional') {
    referrer = {
      kind: r.kind,
      directoryId: blank(r.directoryId),
      name: r.name,
      role: r.role,
      agencyName: r.agencyName,
      agencyType: choice(r.agencyType),
      confidential: r.confidential ? true : undefined,
      ...contact,
      ...feedback,
    };
  } else if (r.kind === 'public') {
    referrer = {
      kind: r.kind,
      name: r.name,
      relationship: choice(r.relationship),
      relationshipDetails: blank(r.relationshipDetails),
      confidential: r.confidential ? true : undefined,
      // Asked only for these relationships; an answer left behind by changing the relationship
      // is not sent (a stale "has parental responsibility" would make a neighbour the family).
      parentalResponsibility:
        r.relationship === 'family-member' ? yesNo(r.parentalResponsibility) : undefined,
      safeContact: r.relationship === 'self' ? blank(r.safeContact) : undefined,
      ...contact,
      ...feedback,
    };
  } else if (r.kind === 'anonymous') {
    referrer = {
      kind: r.kind,
      toldAnonymityCannotBeGuaranteed: r.toldAnonymityCannotBeGuaranteed ? true : undefined,
      wantsFeedback: false,
      feedbackMethod: 'none',
    };
  }

  const children = form.children.map((c, i) => {
    const common = {
      personId: c.matchDecision === 'linked' ? blank(c.personId) : undefined,
      address: address(c.address),
      school: blank(c.school),
      gp: blank(c.gp),
      firstLanguage: blank(c.firstLanguage),
      interpreterNeeded: c.interpreterNeeded === 'unknown' ? 'unknown' : yesNo(c.interpreterNeeded),
    };
    if (c.status === 'unborn') {
      return dropUndefined({
        status: 'unborn',
        ...common,
        givenNames: blank(c.givenNames),
        familyName: blank(c.familyName),
        expectedDateOfBirth: d(
          `children.${i}.expectedDateOfBirth`,
          c.expectedDateOfBirth,
          'future',
        ),
        // CIN census: an unborn child's sex is U; a record from before 2024-25 keeps Gender 0.
        gender: c.gender === '0' ? '0' : 'U',
        motherPersonId: blank(c.motherPersonId),
        motherName: blank(c.motherName),
      });
    }
    const dobNotKnown = c.dateOfBirthNotKnown;
    const dob = dobNotKnown ? undefined : d(`children.${i}.dateOfBirth`, c.dateOfBirth, 'past');
    if (dob !== undefined && !c.dateOfBirthConfirmed) {
      const doubt = doubtfulDateOfBirth(dob, today);
      if (doubt !== null) dateErrors[`children.${i}.dateOfBirth`] = doubt;
    }
    const age = c.approximateAge.trim();
    let approximateAge: number | undefined;
    if (dobNotKnown && age !== '') {
      approximateAge = /^\d{1,2}$/.test(age) ? Number(age) : undefined;
      if (approximateAge === undefined) {
        dateErrors[`children.${i}.approximateAge`] =
          'Enter the approximate age as a whole number of years, for example 6 (0 for a baby under one)';
      }
    }
    return dropUndefined({
      status: 'born',
      ...common,
      givenNames: blank(c.givenNames),
      givenNamesNotKnown: c.givenNamesNotKnown ? true : undefined,
      familyName: blank(c.familyName),
      familyNameNotKnown: c.familyNameNotKnown ? true : undefined,
      otherNames: blank(c.otherNames),
      dateOfBirth: dob,
      dateOfBirthNotKnown: dobNotKnown ? true : undefined,
      approximateAge,
      gender: choice(c.gender),
      nhsNumber: blank(c.nhsNumber),
      disability: choice(c.disability),
      disabilityDetails: blank(c.disabilityDetails),
      ethnicity: blank(c.ethnicity),
    });
  });

  const householdMembers = form.householdMembers.map((m, i) =>
    dropUndefined({
      personId: blank(m.personId),
      givenNames: m.givenNames,
      familyName: m.familyName,
      relationship: m.relationship,
      dateOfBirth: d(`householdMembers.${i}.dateOfBirth`, m.dateOfBirth, 'past'),
      parentalResponsibility: yesNo(m.parentalResponsibility),
      livesInHousehold: yesNo(m.livesInHousehold),
      allegedHarm: m.allegedHarm ? true : undefined,
      // Asked only for someone who does not live with the child.
      address: m.livesInHousehold === 'no' ? address(m.address) : undefined,
      notes: blank(m.notes),
    }),
  );

  const c = form.consent;
  let consent: Record<string, unknown> | undefined;
  if (c.status === 'given') {
    consent = {
      status: 'given',
      givenBy: c.givenBy,
      date: d('consent.date', c.date, 'past'),
      scope: blank(c.scope),
    };
  } else if (c.status === 'refused') {
    consent = {
      status: 'refused',
      refusedBy: c.refusedBy,
      date: d('consent.date', c.date, 'past'),
      reason: c.reason,
    };
  } else if (c.status === 'not-sought') {
    consent = { status: 'not-sought', reason: c.reason };
  }

  const informationSharing = form.informationSharing.map((e, i) =>
    dropUndefined({
      decision: choice(e.decision),
      date: d(`informationSharing.${i}.date`, e.date, 'past'),
      what: e.what,
      withWhom: e.withWhom,
      why: e.why,
      recordedBy: e.recordedBy,
      article6Basis: choice(e.article6Basis),
      specialCategory: choice(e.specialCategory),
      criminalOffenceData: choice(e.criminalOffenceData),
      lawfulBasis: choice(e.lawfulBasis),
      lawfulBasisDetails: blank(e.lawfulBasisDetails),
    }),
  );

  const candidate = {
    receivedAt,
    channel: choice(form.channel),
    referrer: referrer ? dropUndefined(referrer) : undefined,
    children,
    householdMembers,
    concern: form.concern,
    assessmentFactors: form.assessmentFactors,
    currentWhereabouts: form.currentWhereabouts,
    immediateProtectionMayBeNeeded: yesNo(form.immediateProtectionMayBeNeeded),
    parentsAware: choice(form.parentsAware),
    parentsAgree: choice(form.parentsAgree),
    parentsReason: blank(form.parentsReason),
    consent: consent ? dropUndefined(consent) : undefined,
    informationSharing,
    referralSourceCode: form.referralSourceCode.trim() === '' ? undefined : form.referralSourceCode,
  };

  const parsed = referralSchema({ today }).safeParse(candidate);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const [k, v] of Object.entries(fieldErrorsFromZod(parsed.error))) errors[k] = v;
  }
  // A badly typed date is reported as such, not as "missing"; received date/time are form fields.
  for (const [k, v] of Object.entries(dateErrors)) errors[k] = v;
  if (
    errors.receivedAt !== undefined &&
    Object.keys(dateErrors).some((k) => k.startsWith('received'))
  ) {
    delete errors.receivedAt;
  }
  if (errors.referrer !== undefined && r.kind === '') {
    errors['referrer.kind'] = errors.referrer;
    delete errors.referrer;
  }
  if (errors.consent !== undefined && c.status === '') {
    errors['consent.status'] = errors.consent;
    delete errors.consent;
  }
  if (
    form.referralSourceCode.trim() !== '' &&
    !isReferralSourceCode(form.referralSourceCode.trim().toUpperCase()) &&
    errors.referralSourceCode === undefined
  ) {
    errors.referralSourceCode = 'Select the referral source from the list';
  }
  const factorErrors = validateAssessmentFactors(form.assessmentFactors, {
    collectionYear: collectionYearFor(today),
    // A correction may keep a code that has since been retired (census: readable, not new).
    isNewRecord: options.isNewRecord,
  });
  const firstFactor = factorErrors[0];
  if (firstFactor && errors.assessmentFactors === undefined) {
    errors.assessmentFactors = firstFactor.message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) {
    return ambiguous ? { ok: false, errors, ambiguous } : { ok: false, errors };
  }
  return { ok: true, referral: parsed.data };
}

/** Order errors as the fields appear on the form, so the summary reads top to bottom. */
const ORDER = [
  'received',
  'receivedAt',
  'channel',
  'referrer',
  'referralSourceCode',
  'children',
  'householdMembers',
  'concern',
  'assessmentFactors',
  'currentWhereabouts',
  'immediateProtectionMayBeNeeded',
  'parents',
  'consent',
  'informationSharing',
];
export function orderedErrors(
  errors: Record<string, string>,
): { field: string; message: string }[] {
  const rank = (k: string): number => {
    const i = ORDER.findIndex((p) => k === p || k.startsWith(p));
    return i === -1 ? ORDER.length : i;
  };
  return Object.entries(errors)
    .map(([field, message]) => ({ field, message: whose(field) + message }))
    .sort((a, b) => rank(a.field) - rank(b.field));
}

const REPEATED: [RegExp, string][] = [
  [/^children\.(\d+)\./, 'Child'],
  [/^householdMembers\.(\d+)\./, 'Household member'],
  [/^informationSharing\.(\d+)\./, 'Information-sharing decision'],
];

/**
 * In the summary, say which card an error is on: with two children, "Enter the child's first
 * name" twice would not tell the worker where to look. Beside the field it needs no prefix.
 */
function whose(field: string): string {
  for (const [re, noun] of REPEATED) {
    const m = re.exec(field);
    if (m) return `${noun} ${String(Number(m[1]) + 1)}: `;
  }
  return '';
}
