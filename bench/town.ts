// Ten years of referrals, oldest first, generated one at a time (nothing is held but the
// families that may come back): siblings share a household, about one referral in five is a
// family coming back within a year or so, a few children are known only by an approximate age
// or not at all by date, some have other names. Every value is a ReferralInput the app's own
// schema accepts (load.ts checks a sample with it).
import type { IsoDate } from '../shared/domain/types';
import { addDaysIso, addMonthsIso } from '../shared/validation/formats';
import type { ChildInput } from '../shared/validation/child';
import type { ReferralInput } from '../shared/validation/referral';
import { type Random, createRandom } from '../test/harness/seed-data';
import {
  type Agency,
  agencies,
  concern,
  nhsNumber,
  pickGiven,
  pickMan,
  pickSurname,
  pickWoman,
  postcodePool,
  schoolPool,
  street,
} from './population';

/** A child the town knows: the person record made at their first referral. */
export type TownChild = {
  /** Index in Town.children, stable for the run. */
  n: number;
  givenNames: string;
  familyName: string;
  otherNames: string | null;
  dateOfBirth: IsoDate | null;
  /** Set when the date of birth is not known: the year "about N" pointed to at first referral. */
  approxBirthYear: number | null;
  nhsNumber: string | null;
  postcode: string;
  gender: 'M' | 'F';
};

type Family = {
  children: TownChild[];
  familyName: string;
  postcode: string;
  street: string;
  school: string | null;
  mother: string;
  partner: string | null;
  lastAt: number;
};

export type PlannedReferral = {
  input: ReferralInput;
  /** Each child on the referral: an index into Town.children; `fresh` when first seen here. */
  children: { n: number; fresh: boolean }[];
  open: boolean;
  /** Index into the directory for a professional referrer. */
  agency: number | null;
};

export type TownOptions = {
  referrals: number;
  /** Children to aim for in all (people records). */
  people: number;
  open: number;
  now: Date;
  seed: number;
};

const DAY = 86_400_000;

export function createTown(o: TownOptions) {
  const r: Random = createRandom(o.seed);
  const schools = schoolPool(r, Math.max(20, Math.round(o.people / 2500)));
  const postcodes = postcodePool(r, Math.max(200, Math.round(o.people / 15)));
  const directory: (Agency & { name: string })[] = agencies(schools).map((a) => ({
    ...a,
    name: `${pickWoman(r)} ${pickSurname(r)}`,
  }));
  const children: TownChild[] = [];
  const families: Family[] = [];
  const nhsUsed = new Set<string>();
  // New families need this many children on average to reach `people` with 80% new referrals.
  const perFamily = o.people / Math.max(1, o.referrals * 0.8);
  const end = o.now.getTime() - 2 * 3600_000;
  const start = end - 3652 * DAY;
  // The open referrals are the newest: the last 90 days hold them all.
  const openFrom = end - 90 * DAY;

  function newChild(received: IsoDate, f: Family, age: number): TownChild {
    const girl = r.chance(0.5);
    const dob = addDaysIso(addMonthsIso(received, -12 * age), -r.int(0, 364));
    const unknownDob = r.chance(0.03);
    const c: TownChild = {
      n: children.length,
      givenNames: pickGiven(r, girl),
      familyName: f.familyName,
      otherNames: r.chance(0.02) ? `${pickGiven(r, girl)} ${pickSurname(r)}` : null,
      dateOfBirth: unknownDob ? null : dob,
      // "About N": most estimates are right to within a year; a few have no estimate at all.
      approxBirthYear: unknownDob && r.chance(0.8) ? Number(dob.slice(0, 4)) + r.int(-1, 1) : null,
      nhsNumber: r.chance(0.7) ? nhsNumber(r, nhsUsed) : null,
      postcode: f.postcode,
      gender: girl ? 'F' : 'M',
    };
    children.push(c);
    return c;
  }

  function newFamily(received: IsoDate, at: number): Family {
    const f: Family = {
      children: [],
      familyName: pickSurname(r),
      postcode: r.pick(postcodes),
      street: street(r),
      school: r.chance(0.6) ? r.pick(schools) : null,
      mother: pickWoman(r),
      partner: r.chance(0.6) ? pickMan(r) : null,
      lastAt: at,
    };
    // Family sizes around `perFamily` (1 to 4 children), siblings a few years apart.
    const size = Math.max(1, Math.min(4, Math.round(perFamily - 0.5 + r.next())));
    const eldest = r.int(size, 17);
    for (let i = 0; i < size; i++)
      f.children.push(newChild(received, f, Math.max(0, eldest - 3 * i)));
    families.push(f);
    return f;
  }

  function childInput(
    c: TownChild,
    f: Family,
    received: IsoDate,
    personId: string | null,
  ): ChildInput {
    const age =
      c.approxBirthYear === null ? null : Number(received.slice(0, 4)) - c.approxBirthYear;
    return {
      status: 'born',
      givenNames: c.givenNames,
      familyName: c.familyName,
      ...(c.otherNames !== null ? { otherNames: c.otherNames } : {}),
      ...(c.dateOfBirth !== null
        ? { dateOfBirth: c.dateOfBirth }
        : {
            dateOfBirthNotKnown: true,
            ...(age !== null ? { approximateAge: Math.max(0, age) } : {}),
          }),
      gender: c.gender,
      ...(c.nhsNumber !== null ? { nhsNumber: c.nhsNumber } : {}),
      disability: 'unknown',
      interpreterNeeded: false,
      address: { line1: f.street, town: 'Harbourton', postcode: f.postcode },
      ...(f.school !== null ? { school: f.school } : {}),
      ...(personId !== null ? { personId } : {}),
    };
  }

  function referrer(f: Family): {
    input: ReferralInput['referrer'];
    code: string;
    agency: number | null;
  } {
    const kind = r.weighted([['professional', 85], ['public', 10], ['anonymous', 5]] as const); // prettier-ignore
    if (kind === 'professional') {
      // A school refers its own pupil; other agencies by how often they refer nationally.
      const idx =
        f.school !== null && r.chance(0.4)
          ? schools.indexOf(f.school)
          : schools.length + r.int(0, directory.length - schools.length - 1);
      const d = directory[idx];
      if (d === undefined) throw new Error('directory index out of range');
      return {
        input: {
          kind: 'professional',
          name: d.name,
          role: d.role,
          agencyName: d.agency,
          agencyType: d.agencyType,
          phone: '01632 960 123',
          email: 'duty@example.org',
          wantsFeedback: true,
          feedbackMethod: 'email',
        },
        code: d.sourceCode,
        agency: idx,
      };
    }
    if (kind === 'public') {
      return {
        input: {
          kind: 'public',
          name: `${pickWoman(r)} ${pickSurname(r)}`,
          relationship: 'family-member',
          phone: '07700 900 123',
          wantsFeedback: true,
          feedbackMethod: 'phone',
        },
        code: '1A',
        agency: null,
      };
    }
    return {
      input: {
        kind: 'anonymous',
        toldAnonymityCannotBeGuaranteed: true,
        wantsFeedback: false,
        feedbackMethod: 'none',
      },
      code: '9',
      agency: null,
    };
  }

  /** Referral `i` of `o.referrals` (call in order); person ids of known children from `idOf`. */
  function referral(i: number, idOf: (n: number) => string): PlannedReferral {
    const open = i >= o.referrals - o.open;
    const at = open
      ? openFrom + ((i - (o.referrals - o.open)) / Math.max(1, o.open)) * (end - openFrom)
      : start + (i / Math.max(1, o.referrals - o.open)) * (openFrom - start);
    const receivedAt = new Date(Math.floor(at / 60_000) * 60_000).toISOString();
    const received = receivedAt.slice(0, 10);
    // About one in five is a family referred before, most often in the last year or so.
    let f: Family | undefined;
    if (families.length > 50 && r.chance(0.2)) {
      const back = Math.min(families.length, Math.max(50, Math.round(families.length * 0.12)));
      f = families[families.length - 1 - Math.floor(r.next() ** 2 * back)];
    }
    const fresh = new Set<number>();
    if (f === undefined) {
      f = newFamily(received, at);
      for (const c of f.children) fresh.add(c.n);
    } else if (r.chance(0.1)) {
      fresh.add(newChild(received, f, 0).n); // a baby born since the last referral
      const baby = children.at(-1);
      if (baby) f.children.push(baby);
    }
    f.lastAt = at;
    const fam = f;
    const ref = referrer(fam);
    const kids = fam.children;
    const names = kids.map((c) => c.givenNames).join(' and ');
    const aware = r.weighted([['yes', 6], ['no', 2], ['unknown', 2]] as const); // prettier-ignore
    const input: ReferralInput = {
      receivedAt,
      channel: ref.input.kind === 'professional' ? 'email' : 'phone',
      referrer: ref.input,
      children: kids.map((c) => childInput(c, fam, received, fresh.has(c.n) ? null : idOf(c.n))),
      householdMembers: [
        { givenNames: fam.mother, familyName: fam.familyName, relationship: 'Mother', parentalResponsibility: true, livesInHousehold: true },
        ...(fam.partner !== null
          ? [{ givenNames: fam.partner, familyName: pickSurname(r), relationship: "Mother's partner", parentalResponsibility: false, livesInHousehold: true }]
          : []),
      ], // prettier-ignore
      concern: concern(r, names),
      assessmentFactors: r.pick([['16A'], ['3A', '3B'], ['18C'], ['4B'], ['24A', '13A']]),
      currentWhereabouts: r.pick(['At school', 'At home with mother', 'Not known']),
      immediateProtectionMayBeNeeded: r.chance(0.03),
      parentsAware: aware,
      parentsAgree: aware === 'yes' ? 'yes' : 'unknown',
      ...(aware === 'no'
        ? {
            parentsReason: 'Referrer worried that telling the parents could put the child at risk.',
          }
        : {}),
      consent:
        aware === 'yes'
          ? { status: 'given', givenBy: 'Mother', date: received }
          : { status: 'not-sought', reason: 'Asking could place the child at risk of harm.' },
      informationSharing: [],
      referralSourceCode: ref.code,
    };
    return {
      input,
      children: kids.map((c) => ({ n: c.n, fresh: fresh.has(c.n) })),
      open,
      agency: ref.agency,
    };
  }

  return { children, directory, schools, postcodes, referral, random: r };
}

export type Town = ReturnType<typeof createTown>;
