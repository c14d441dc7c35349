// The new-referral form's own state (strings, as typed) and its conversion to the referral the
// schema and IPC check. Field names follow referralSchema so error paths map one to one.

import type { ReferralRecord } from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';
import { londonDate, londonInstant, londonTime } from '../../../../shared/calendar';
import {
  collectionYearFor,
  defaultReferralSourceFor,
  validateAssessmentFactors,
  type AgencyType,
  type PublicRelationshipId,
} from '../../../../shared/codes';
import {
  CHILD_SEX_CODES,
  DEFAULT_ARTICLE6_BASIS,
  REAL_DATE_MESSAGE,
  SEX_LABELS,
  childSexLabel,
  fieldErrorsFromZod,
  parseUkDate,
  referralSchema,
  type ReferralInput,
} from '../../../../shared/validation';

export type YesNo = '' | 'yes' | 'no';
export type AddressForm = { line1: string; line2: string; town: string; postcode: string };

export type ChildForm = {
  status: 'born' | 'unborn';
  givenNames: string;
  familyName: string;
  otherNames: string;
  dateOfBirth: string;
  expectedDateOfBirth: string;
  gender: string;
  nhsNumber: string;
  address: AddressForm;
  school: string;
  gp: string;
  firstLanguage: string;
  interpreterNeeded: YesNo;
  disability: string;
  disabilityDetails: string;
  motherName: string;
  /** Census ethnicity code or the family's own description (born children). */
  ethnicity: string;
  /** Not shown: the mother's record, kept so a correction does not drop it. */
  motherPersonId: string;
  /** Search first: '' not yet decided, 'linked' to personId, or 'new'. */
  matchDecision: '' | 'linked' | 'new';
  personId: string;
};

export type HouseholdForm = {
  /** Not shown: the person's record, kept so a correction does not drop the link. */
  personId: string;
  givenNames: string;
  familyName: string;
  relationship: string;
  dateOfBirth: string;
  parentalResponsibility: YesNo;
  livesInHousehold: YesNo;
  notes: string;
};

export type SharingForm = {
  decision: '' | 'shared' | 'not-shared';
  date: string;
  what: string;
  withWhom: string;
  why: string;
  recordedBy: string;
  /** UK GDPR Art 6(1) basis; special category (Art 9) and criminal offence data (Art 10). */
  article6Basis: string;
  specialCategory: string;
  criminalOffenceData: string;
  /** Not chosen on the form: a stored entry's basis from before the split, carried unchanged. */
  lawfulBasis: string;
  lawfulBasisDetails: string;
};

export type ReferralForm = {
  received: { date: string; time: string; dstChoice: '' | 'earlier' | 'later' };
  channel: string;
  referrer: {
    kind: '' | 'professional' | 'public' | 'anonymous';
    directoryId: string;
    name: string;
    role: string;
    agencyName: string;
    agencyType: string;
    relationship: string;
    relationshipDetails: string;
    phone: string;
    email: string;
    address: AddressForm;
    wantsFeedback: YesNo;
    feedbackMethod: string;
    toldAnonymityCannotBeGuaranteed: boolean;
  };
  referralSourceCode: string;
  children: ChildForm[];
  householdMembers: HouseholdForm[];
  concern: string;
  assessmentFactors: string[];
  currentWhereabouts: string;
  immediateProtectionMayBeNeeded: YesNo;
  parentsAware: string;
  parentsAgree: string;
  parentsReason: string;
  consent: {
    status: string;
    givenBy: string;
    refusedBy: string;
    date: string;
    scope: string;
    reason: string;
  };
  informationSharing: SharingForm[];
};

export const emptyAddress = (): AddressForm => ({ line1: '', line2: '', town: '', postcode: '' });

export function emptyChild(): ChildForm {
  return {
    status: 'born',
    givenNames: '',
    familyName: '',
    otherNames: '',
    dateOfBirth: '',
    expectedDateOfBirth: '',
    gender: '',
    nhsNumber: '',
    address: emptyAddress(),
    school: '',
    gp: '',
    firstLanguage: '',
    interpreterNeeded: '',
    disability: '',
    disabilityDetails: '',
    motherName: '',
    ethnicity: '',
    motherPersonId: '',
    matchDecision: '',
    personId: '',
  };
}

/**
 * The sex options for a born child: Male, Female, Not known (census Sex from 2024-25). A record
 * holding an older census Gender code also gets that code as an option, so the form shows what
 * is stored and a correction does not silently change it.
 */
export function sexOptions(current: string): { value: string; label: string }[] {
  const options = (Object.keys(SEX_LABELS) as (keyof typeof SEX_LABELS)[]).map((value) => ({
    value,
    label: SEX_LABELS[value],
  }));
  const legacy =
    current !== '' &&
    !options.some((o) => o.value === current) &&
    (CHILD_SEX_CODES as readonly string[]).includes(current);
  return legacy ? [...options, { value: current, label: childSexLabel(current) }] : options;
}

export function emptyHouseholdMember(): HouseholdForm {
  return {
    personId: '',
    givenNames: '',
    familyName: '',
    relationship: '',
    dateOfBirth: '',
    parentalResponsibility: '',
    livesInHousehold: '',
    notes: '',
  };
}

export function emptySharing(): SharingForm {
  return {
    decision: '',
    date: '',
    what: '',
    withWhom: '',
    why: '',
    recordedBy: '',
    article6Basis: DEFAULT_ARTICLE6_BASIS,
    specialCategory: '',
    criminalOffenceData: '',
    lawfulBasis: '',
    lawfulBasisDetails: '',
  };
}

/**
 * A draft saved by an earlier version of the form may lack fields added since: fill them with
 * their empty values so a restored draft never breaks the form (nothing typed is lost).
 */
export function withFormDefaults(saved: Partial<ReferralForm>): ReferralForm {
  const base = emptyForm({ date: '1970-01-01', time: '00:00' });
  return {
    ...base,
    ...saved,
    received: { ...base.received, ...saved.received },
    referrer: { ...base.referrer, ...saved.referrer },
    consent: { ...base.consent, ...saved.consent },
    children: (saved.children ?? base.children).map((c) => ({ ...emptyChild(), ...c })),
    householdMembers: (saved.householdMembers ?? []).map((m) => ({
      ...emptyHouseholdMember(),
      ...m,
    })),
    // A decision drafted before the basis was split has no Art 6 basis: leave it for the worker to
    // choose rather than fill in the default they never saw.
    informationSharing: (saved.informationSharing ?? []).map(
      (e: Partial<SharingForm>): SharingForm => ({ ...emptySharing(), article6Basis: '', ...e }),
    ),
  };
}

/** DD/MM/YYYY for an ISO date. */
export function ukDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

export function emptyForm(now: { date: IsoDate; time: string }): ReferralForm {
  return {
    received: { date: ukDate(now.date), time: now.time, dstChoice: '' },
    channel: 'phone',
    referrer: {
      kind: '',
      directoryId: '',
      name: '',
      role: '',
      agencyName: '',
      agencyType: '',
      relationship: '',
      relationshipDetails: '',
      phone: '',
      email: '',
      address: emptyAddress(),
      wantsFeedback: '',
      feedbackMethod: '',
      toldAnonymityCannotBeGuaranteed: false,
    },
    referralSourceCode: '',
    children: [emptyChild()],
    householdMembers: [],
    concern: '',
    assessmentFactors: [],
    currentWhereabouts: '',
    immediateProtectionMayBeNeeded: '',
    parentsAware: '',
    parentsAgree: '',
    parentsReason: '',
    consent: { status: '', givenBy: '', refusedBy: '', date: '', scope: '', reason: '' },
    informationSharing: [],
  };
}

/** The census source a referrer suggests, or '' when the form does not say enough yet. */
export function suggestedSource(referrer: ReferralForm['referrer'], today: IsoDate): string {
  const year = collectionYearFor(today);
  if (referrer.kind === 'anonymous') return defaultReferralSourceFor({ kind: 'anonymous' }, year);
  if (referrer.kind === 'professional' && referrer.agencyType !== '') {
    return defaultReferralSourceFor(
      { kind: 'professional', agencyType: referrer.agencyType as AgencyType },
      year,
    );
  }
  if (referrer.kind === 'public' && referrer.relationship !== '') {
    return defaultReferralSourceFor(
      { kind: 'public', relationship: referrer.relationship as PublicRelationshipId },
      year,
    );
  }
  return '';
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The received date/time as a London instant, or the problem with it. */
export type ReceivedResult =
  | { kind: 'ok'; instant: string }
  | { kind: 'ambiguous'; message: string; earlier: string; later: string }
  | { kind: 'error'; field: string; message: string };

export function receivedInstant(received: ReferralForm['received']): ReceivedResult {
  const date = parseUkDate(received.date.trim());
  if (received.date.trim() === '') {
    return {
      kind: 'error',
      field: 'received.date',
      message: 'Enter the date the referral was received',
    };
  }
  if (!date) return { kind: 'error', field: 'received.date', message: REAL_DATE_MESSAGE };
  const time = received.time.trim();
  if (!TIME_RE.test(time)) {
    return {
      kind: 'error',
      field: 'received.time',
      message: 'Enter the time in 24-hour format, for example 14:05',
    };
  }
  const r = londonInstant(date, time);
  if (r.kind === 'ok') return { kind: 'ok', instant: r.instant };
  if (r.kind === 'nonexistent')
    return { kind: 'error', field: 'received.time', message: r.message };
  return { kind: 'ambiguous', message: r.message, earlier: r.earlier, later: r.later };
}

const blank = (s: string): string | undefined => (s.trim() === '' ? undefined : s);
const yesNo = (v: YesNo): boolean | undefined => (v === '' ? undefined : v === 'yes');
const choice = (v: string): string | undefined => (v === '' ? undefined : v);

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

/** A typed DD/MM/YYYY date: ISO when real, the raw text otherwise (so the schema says why). */
type DateConversion = { value: string | undefined; error?: string };
function date(s: string): DateConversion {
  const t = s.trim();
  if (t === '') return { value: undefined };
  const iso = parseUkDate(t);
  return iso ? { value: iso } : { value: undefined, error: REAL_DATE_MESSAGE };
}

export type Validation =
  | { ok: true; referral: ReferralInput }
  | { ok: false; errors: Record<string, string>; ambiguous?: { message: string } };

const text = (v: string | undefined): string => v ?? '';
const yn = (v: boolean | undefined): YesNo => (v === undefined ? '' : v ? 'yes' : 'no');
const ukOrBlank = (v: string | undefined): string => (v === undefined ? '' : ukDate(v));
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
  const received: ReferralForm['received'] = { date: ukDate(date), time, dstChoice: '' };
  const at = receivedInstant(received);
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
      phone: text(r.phone),
      email: text(r.email),
      address: addressForm(r.address),
    });
  } else if (r.kind === 'public') {
    Object.assign(referrer, {
      name: r.name,
      relationship: r.relationship,
      relationshipDetails: text(r.relationshipDetails),
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
      interpreterNeeded: yn(c.interpreterNeeded),
      matchDecision: c.personId === undefined ? '' : 'linked',
      personId: text(c.personId),
    };
    if (c.status === 'unborn') {
      return {
        ...common,
        expectedDateOfBirth: ukDate(c.expectedDateOfBirth),
        motherName: text(c.motherName),
        motherPersonId: text(c.motherPersonId),
        // Not shown for an unborn baby, but carried so a record holding Gender 0 keeps it.
        gender: c.gender,
      };
    }
    return {
      ...common,
      otherNames: text(c.otherNames),
      dateOfBirth: ukDate(c.dateOfBirth),
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
      date: c.status === 'not-sought' ? '' : ukDate(c.date),
      scope: c.status === 'given' ? text(c.scope) : '',
      reason: c.status === 'given' ? '' : c.reason,
    },
    informationSharing: input.informationSharing.map((e) => ({
      decision: e.decision,
      date: ukDate(e.date),
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

/** Check the form with the same schema the main process uses; dates typed badly fail here first. */
export function validateForm(
  form: ReferralForm,
  today: IsoDate,
  options: { isNewRecord: boolean } = { isNewRecord: true },
): Validation {
  const dateErrors: Record<string, string> = {};
  const d = (path: string, s: string): string | undefined => {
    const c = date(s);
    if (c.error) dateErrors[path] = c.error;
    return c.value;
  };

  let receivedAt: string | undefined;
  let ambiguous: { message: string } | undefined;
  const rec = receivedInstant(form.received);
  if (rec.kind === 'ok') receivedAt = rec.instant;
  else if (rec.kind === 'ambiguous') {
    if (form.received.dstChoice === 'earlier') receivedAt = rec.earlier;
    else if (form.received.dstChoice === 'later') receivedAt = rec.later;
    else {
      dateErrors['received.dstChoice'] = rec.message;
      ambiguous = { message: rec.message };
    }
  } else dateErrors[rec.field] = rec.message;

  const r = form.referrer;
  const contact = { phone: blank(r.phone), email: blank(r.email), address: address(r.address) };
  const feedback = {
    wantsFeedback: yesNo(r.wantsFeedback),
    feedbackMethod: choice(r.feedbackMethod),
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
      ...contact,
      ...feedback,
    };
  } else if (r.kind === 'public') {
    referrer = {
      kind: r.kind,
      name: r.name,
      relationship: choice(r.relationship),
      relationshipDetails: blank(r.relationshipDetails),
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
      interpreterNeeded: yesNo(c.interpreterNeeded),
    };
    if (c.status === 'unborn') {
      return dropUndefined({
        status: 'unborn',
        ...common,
        givenNames: blank(c.givenNames),
        familyName: blank(c.familyName),
        expectedDateOfBirth: d(`children.${i}.expectedDateOfBirth`, c.expectedDateOfBirth),
        // CIN census: an unborn child's sex is U; a record from before 2024-25 keeps Gender 0.
        gender: c.gender === '0' ? '0' : 'U',
        motherPersonId: blank(c.motherPersonId),
        motherName: blank(c.motherName),
      });
    }
    return dropUndefined({
      status: 'born',
      ...common,
      givenNames: c.givenNames,
      familyName: c.familyName,
      otherNames: blank(c.otherNames),
      dateOfBirth: d(`children.${i}.dateOfBirth`, c.dateOfBirth),
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
      dateOfBirth: d(`householdMembers.${i}.dateOfBirth`, m.dateOfBirth),
      parentalResponsibility: yesNo(m.parentalResponsibility),
      livesInHousehold: yesNo(m.livesInHousehold),
      notes: blank(m.notes),
    }),
  );

  const c = form.consent;
  let consent: Record<string, unknown> | undefined;
  if (c.status === 'given') {
    consent = {
      status: 'given',
      givenBy: c.givenBy,
      date: d('consent.date', c.date),
      scope: blank(c.scope),
    };
  } else if (c.status === 'refused') {
    consent = {
      status: 'refused',
      refusedBy: c.refusedBy,
      date: d('consent.date', c.date),
      reason: c.reason,
    };
  } else if (c.status === 'not-sought') {
    consent = { status: 'not-sought', reason: c.reason };
  }

  const informationSharing = form.informationSharing.map((e, i) =>
    dropUndefined({
      decision: choice(e.decision),
      date: d(`informationSharing.${i}.date`, e.date),
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
