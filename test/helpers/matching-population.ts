// A town's worth of children for search-first tests (issue 11): thousands sharing one surname,
// siblings at one address, twins sharing a date of birth, sound-alike spellings, children known
// only by an approximate age. Deterministic (seeded), so a failure can be replayed.
//
// Also a brute-force oracle: the matches a perfect search would show, found by scoring every
// person with shared/matching scoreMatch. Scoring 5,000 people 30 µs at a time for each of 200
// probes would take half a minute, so the oracle skips a person only when an upper bound on what
// they could score (each reason's weight, counted whenever its key could agree) is below the
// threshold. `upperBound` is checked against scoreMatch in the tests that use it.
import type { PersonRecord } from '../../shared/domain/records';
import type { IsoDate } from '../../shared/domain/types';
import {
  MATCH_THRESHOLD,
  MATCH_WEIGHTS,
  type MatchQuery,
  type MatchResult,
  isShownMatch,
  nameKey,
  phoneticKeys,
  scoreMatch,
} from '../../shared/matching';
import { addDaysIso, normaliseNhsNumber, normalisePostcode } from '../../shared/validation/formats';
import type { NewPerson } from '../../electron/main/store/repositories/people';

/** mulberry32: a small seeded generator, so every run sees the same town. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, xs: readonly T[]): T => {
  const x = xs[Math.floor(rng() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
};
const intIn = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

// Common first names in England and Wales (ONS baby names, 2008–2023), with spellings that
// sound alike kept as separate names so both exist in the town.
export const GIVEN = [
  'Oliver',
  'George',
  'Harry',
  'Jack',
  'Jacob',
  'Noah',
  'Charlie',
  'Muhammad',
  'Mohammed',
  'Thomas',
  'Oscar',
  'William',
  'James',
  'Leo',
  'Alfie',
  'Henry',
  'Joshua',
  'Freddie',
  'Archie',
  'Ethan',
  'Isaac',
  'John',
  'Jon',
  'Olivia',
  'Amelia',
  'Isla',
  'Ava',
  'Emily',
  'Sophia',
  'Sofia',
  'Grace',
  'Mia',
  'Poppy',
  'Ella',
  'Lily',
  'Evie',
  'Isabella',
  'Katherine',
  'Catherine',
  'Freya',
  'Charlotte',
  'Jessica',
  'Leah',
] as const;

/** Spellings a caller may use for a name on record (each sounds alike under Double Metaphone). */
export const SOUND_ALIKE: Readonly<Record<string, string>> = {
  Smith: 'Smyth',
  Smyth: 'Smith',
  John: 'Jon',
  Jon: 'John',
  Muhammad: 'Mohammed',
  Mohammed: 'Muhammad',
  Sophia: 'Sofia',
  Sofia: 'Sophia',
  Katherine: 'Catherine',
  Catherine: 'Katherine',
  Jones: 'Joens',
  Taylor: 'Tailor',
  Khan: 'Kahn',
  Leah: 'Lea',
};

const OTHER_FAMILIES = [
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Khan',
  'Patel',
  'Thomas',
  'Clarke',
];

/** A valid NHS number (modulus 11 check digit, domain §5). */
function nhsNumber(rng: Rng): string {
  for (;;) {
    const d = Array.from({ length: 9 }, (_, i) => (i === 0 ? intIn(rng, 4, 9) : intIn(rng, 0, 9)));
    const sum = d.reduce((s, x, i) => s + x * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return [...d, check === 11 ? 0 : check].join('');
  }
}

function postcode(rng: Rng, used: Set<string>): string {
  const L = 'ABDEFGHJLNPQRSTUWXYZ'.split('');
  for (;;) {
    const pc = `LS${String(intIn(rng, 1, 29))} ${String(intIn(rng, 1, 9))}${pick(rng, L)}${pick(rng, L)}`;
    if (!used.has(pc)) {
      used.add(pc);
      return pc;
    }
  }
}

function dateBetween(rng: Rng, from: IsoDate, days: number): IsoDate {
  return addDaysIso(from, intIn(rng, 0, days));
}

export type TownChild = NewPerson & { familyName: string; givenNames: string };

/**
 * Families of one to four children, each family at its own postcode: `smiths` children called
 * Smith, a few hundred Smyths, and others spread over twenty common surnames. One family in ten
 * has twins (same date of birth); one child in twenty-five is known only by an approximate age;
 * about half have an NHS number. No two children share given name, surname and date of birth.
 */
export function town(seed: number, smiths: number, others: number): TownChild[] {
  const rng = seeded(seed);
  const out: TownChild[] = [];
  const triples = new Set<string>();
  const postcodes = new Set<string>();
  const family = (surname: string) => {
    const pc = postcode(rng, postcodes);
    const size = pick(rng, [1, 1, 2, 2, 2, 3, 3, 4]);
    const twins = size >= 2 && rng() < 0.1;
    const first = dateBetween(rng, '2008-01-01', 6750);
    const names = new Set<string>();
    for (let i = 0; i < size; i++) {
      const dob =
        i === 0 || (twins && i === 1)
          ? first
          : addDaysIso(first, intIn(rng, 300, 1500) * (rng() < 0.5 ? -1 : 1));
      let given: string = pick(rng, GIVEN);
      let tries = 0;
      while ((names.has(given) || triples.has(`${given}|${surname}|${dob}`)) && tries < 50) {
        given = pick(rng, GIVEN);
        tries += 1;
      }
      if (tries >= 50) continue;
      names.add(given);
      triples.add(`${given}|${surname}|${dob}`);
      const approx = rng() < 0.04;
      out.push({
        kind: 'child',
        status: 'born',
        givenNames: given,
        familyName: surname,
        ...(approx ? { approxBirthYear: Number(dob.slice(0, 4)) } : { dateOfBirth: dob }),
        ...(rng() < 0.5 ? { nhsNumber: nhsNumber(rng) } : {}),
        address: { line1: `${String(intIn(rng, 1, 200))} Church Street`, postcode: pc },
      });
    }
  };
  while (out.filter((c) => c.familyName === 'Smith').length < smiths) family('Smith');
  const start = out.length;
  while (out.length - start < others) family(rng() < 0.15 ? 'Smyth' : pick(rng, OTHER_FAMILIES));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Oracle
// ---------------------------------------------------------------------------------------------

type Keys = {
  fk: string;
  fcodes: string[];
  gk: string;
  gcodes: string[];
  dob: string | null;
  year: number | null;
  estimate: boolean;
  nhs: string | null;
  pc: string | null;
  aliases: boolean;
};

function keysOf(p: MatchQuery): Keys {
  const fk = nameKey(p.familyName ?? '');
  const gk = nameKey(p.givenNames ?? '').split(' ')[0] ?? '';
  const dob = p.dateOfBirth ?? null;
  return {
    fk,
    fcodes: phoneticKeys(fk),
    gk,
    gcodes: phoneticKeys(gk),
    dob,
    year: dob !== null ? Number(dob.slice(0, 4)) : (p.approxBirthYear ?? null),
    estimate: dob === null && typeof p.approxBirthYear === 'number',
    nhs: p.nhsNumber ? normaliseNhsNumber(p.nhsNumber) : null,
    pc: p.postcode ? normalisePostcode(p.postcode) : null,
    aliases: !!p.otherNames && p.otherNames.trim() !== '',
  };
}

const overlap = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** The most `c` could score against `q`: every reason whose key could agree, at full weight. */
export function upperBound(c: Keys, q: Keys): number {
  const w = MATCH_WEIGHTS;
  let ub = 0;
  if (c.nhs !== null && c.nhs === q.nhs) ub += w['nhs-number'];
  if (c.fk !== '' && q.fk !== '') {
    if (c.fk === q.fk) ub += w['same-surname'];
    else if (overlap(c.fcodes, q.fcodes)) ub += w['sound-alike-surname'];
  }
  if (c.gk !== '' && q.gk !== '') {
    if (c.gk === q.gk) ub += w['same-given-name'];
    else if (overlap(c.gcodes, q.gcodes)) ub += w['sound-alike-given-name'];
  }
  if (c.aliases) ub += w['other-name'];
  if (c.dob !== null && q.dob !== null) {
    const swapped = `${q.dob.slice(0, 4)}-${q.dob.slice(8, 10)}-${q.dob.slice(5, 7)}`;
    if (c.dob === q.dob) ub += w['dob-exact'];
    else if ([addDaysIso(q.dob, 1), addDaysIso(q.dob, -1), swapped].includes(c.dob))
      ub += w['dob-within-a-day'];
  } else if (
    c.year !== null &&
    q.year !== null &&
    (c.estimate || q.estimate) &&
    Math.abs(c.year - q.year) <= 1
  ) {
    ub += w['dob-about'];
  }
  if (c.pc !== null && c.pc === q.pc) ub += w['same-postcode'];
  return ub;
}

/** How the match service describes a person on record to scoreMatch. */
export function asMatchPerson(p: PersonRecord): MatchQuery {
  return {
    givenNames: p.givenNames,
    familyName: p.familyName,
    otherNames: p.otherNames,
    dateOfBirth: p.dateOfBirth ?? p.expectedDateOfBirth,
    approxBirthYear: p.approxBirthYear,
    nhsNumber: p.nhsNumber,
    postcode: p.postcode,
  };
}

export type Oracle = {
  /** Every standing person who should be shown, best first, with their score. */
  shown(q: MatchQuery): { id: string; result: MatchResult }[];
  bound(p: PersonRecord, q: MatchQuery): number;
};

export function oracle(everyone: readonly PersonRecord[]): Oracle {
  const indexed = everyone
    .filter((p) => p.mergedInto === null)
    .map((p) => ({ p, m: asMatchPerson(p), k: keysOf(asMatchPerson(p)) }));
  return {
    shown(q) {
      const qk = keysOf(q);
      const out: { id: string; result: MatchResult }[] = [];
      for (const x of indexed) {
        if (upperBound(x.k, qk) < MATCH_THRESHOLD) continue;
        const result = scoreMatch(x.m, q);
        if (isShownMatch(result)) out.push({ id: x.p.id, result });
      }
      return out.sort((a, b) => b.result.score - a.result.score);
    },
    bound(p, q) {
      return upperBound(keysOf(asMatchPerson(p)), keysOf(q));
    },
  };
}
