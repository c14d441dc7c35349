// The new-referral form's own state (strings, as typed): its shape, its empty and default values,
// and small helpers the screens share. Converting it to the referral the schema checks is in
// form-input.ts; filling it from a saved referral is in form-from-record.ts.

import type { IsoDate } from '../../../../shared/domain/types';
import {
  collectionYearFor,
  defaultReferralSourceFor,
  type AgencyType,
  type PublicRelationshipId,
} from '../../../../shared/codes';
import {
  CHILD_SEX_CODES,
  DEFAULT_ARTICLE6_BASIS,
  SEX_LABELS,
  childSexLabel,
} from '../../../../shared/validation';

export type YesNo = '' | 'yes' | 'no';
export type AddressForm = { line1: string; line2: string; town: string; postcode: string };

export type ChildForm = {
  status: 'born' | 'unborn';
  givenNames: string;
  /** "Not known" chosen for the first name (born children: an anonymous referral about "Tyler"). */
  givenNamesNotKnown: boolean;
  familyName: string;
  familyNameNotKnown: boolean;
  otherNames: string;
  dateOfBirth: string;
  dateOfBirthNotKnown: boolean;
  /** "About N" years, as typed, where the date of birth is not known. */
  approximateAge: string;
  /** The worker confirmed a date of birth that makes the child an adult or looks mistyped. */
  dateOfBirthConfirmed: boolean;
  expectedDateOfBirth: string;
  gender: string;
  nhsNumber: string;
  address: AddressForm;
  school: string;
  gp: string;
  firstLanguage: string;
  interpreterNeeded: YesNo | 'unknown';
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
  /** Alleged to have caused harm (ticked), for the letter rules' safe contact check. */
  allegedHarm: boolean;
  /** Asked only for someone who does not live in the child's household. */
  address: AddressForm;
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
    /** Professional or public: asked that the family not be told who they are. */
    confidential: boolean;
    /** A family member only. */
    parentalResponsibility: YesNo;
    /** A child who referred themselves only. */
    safeContact: string;
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
    givenNamesNotKnown: false,
    familyName: '',
    familyNameNotKnown: false,
    otherNames: '',
    dateOfBirth: '',
    dateOfBirthNotKnown: false,
    approximateAge: '',
    dateOfBirthConfirmed: false,
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
    allegedHarm: false,
    address: emptyAddress(),
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
      confidential: false,
      parentalResponsibility: '',
      safeContact: '',
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

/**
 * Worth keeping as a draft: any answer given on the form (white space alone is not an answer).
 * The received date and time and channel filled in on opening, and the default lawful basis on a
 * new sharing card, do not count, so opening the form and leaving makes no draft.
 */
export function hasMeaningfulAnswer(form: ReferralForm): boolean {
  const trimmed = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.trim()
      : Array.isArray(v)
        ? v.map(trimmed)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trimmed(x)]))
          : v;
  const strip = (f: ReferralForm): unknown => {
    const { received: _r, channel: _c, ...rest } = f;
    return trimmed(rest);
  };
  const empty = emptyForm({ date: '1970-01-01', time: '00:00' });
  return JSON.stringify(strip(form)) !== JSON.stringify(strip(empty));
}

/** How a child on the form is named in the match panel and the drafts list. */
export function displayFormChildName(c: Pick<ChildForm, 'givenNames' | 'familyName'>): string {
  return `${c.givenNames.trim()} ${c.familyName.trim()}`.trim();
}
