// Person matching for "search first" (domain §7): as soon as a name and date of birth are typed,
// show children already known, with the reason for each match. Names are stored as entered (NFC)
// and searched on a normalised key plus phonetic keys (domain §5), because SQLite's LIKE/lower()
// only fold ASCII.
//
// The score is a transparent sum of documented weights, not a probability: a practitioner must be
// able to see why a record was offered, and a tester must be able to predict the result.

import { doubleMetaphone } from 'double-metaphone';
import type { IsoDate } from '../domain/types';
import {
  addDaysIso,
  formatUkDate,
  isIsoDate,
  normaliseNhsNumber,
  normalisePostcode,
} from '../validation/formats';

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

// Latin letters that Unicode does not decompose into base letter + combining mark, so NFD alone
// leaves them; folded by hand to what an English keyboard user would type.
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/**
 * Normalised search key for a name: NFKD with combining marks removed (accents), lower case,
 * special letters folded (ß → ss, ø → o …), apostrophes dropped (`O'Brien` → `obrien`), hyphens
 * and other punctuation turned into spaces, spaces collapsed. `Zoë O'Brien` → `zoe obrien`.
 * Non-Latin letters are kept (lower-cased) so such names can still be found exactly.
 */
export function nameKey(s: string): string {
  return remembered(nameKeys, s, foldName);
}

function foldName(s: string): string {
  // NFKD: compatibility decomposition as well as accents, so full-width letters typed with an
  // East Asian input method (`Ｐａｒｋ`) and ligatures (`ﬁ`) key like the letters they stand for
  // (https://unicode.org/reports/tr15/#Norm_Forms).
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/['’‘`´ʼʻ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Both keys are pure functions of a name, and matching asks for the same few names again and
// again (one query scored against 80 Smiths folds "Smith" 160 times, and Double Metaphone is
// the costliest step of scoring), so recent answers are kept. Bounded: emptied when full.
const REMEMBERED = 4096;
const nameKeys = new Map<string, string>();
const phoneticCodes = new Map<string, readonly string[]>();
function remembered<T>(cache: Map<string, T>, s: string, make: (s: string) => T): T {
  const had = cache.get(s);
  if (had !== undefined) return had;
  if (cache.size >= REMEMBERED) cache.clear();
  const made = make(s);
  cache.set(s, made);
  return made;
}

/**
 * Double Metaphone codes (primary and alternate, de-duplicated, blanks removed) for one name,
 * computed on its {@link nameKey} with spaces removed so `O Brien`, `O'Brien` and `OBrien` agree.
 * `Smith`/`Smyth`, `Mohammed`/`Muhammad`, `Katherine`/`Catherine` and `Jon`/`John` share codes.
 * Names in scripts Double Metaphone does not know give no codes (and so only match exactly).
 */
export function phoneticKeys(s: string): string[] {
  // A copy: callers may change the list they are given; the remembered one must not change.
  return [...remembered(phoneticCodes, s, codesOf)];
}

function codesOf(s: string): readonly string[] {
  const compact = nameKey(s).replace(/ /g, '');
  if (compact === '') return [];
  const [primary, alternate] = doubleMetaphone(compact);
  return [...new Set([primary, alternate])].filter((k) => k !== '');
}

/** The first given name: "Amy Louise" → "amy", for comparing given names. */
function firstToken(key: string): string {
  return key.split(' ')[0] ?? '';
}

/**
 * Do two names sound alike? True when either's primary code equals the other's primary or
 * alternate (Double Metaphone "strong" and "normal" matches; alternate-only agreement is too
 * loose to show a practitioner).
 */
function soundsAlike(a: readonly string[], b: readonly string[]): boolean {
  const [pa] = a;
  const [pb] = b;
  return (pa !== undefined && b.includes(pa)) || (pb !== undefined && a.includes(pb));
}

// ---------------------------------------------------------------------------------------------
// Persisted search keys
// ---------------------------------------------------------------------------------------------

export type PersonSearchKeys = {
  /** nameKey(family name). */
  familyNameKey: string;
  /** nameKey(given names). */
  givenNameKey: string;
  /** First token of givenNameKey, for "Amy" finding "Amy Louise". */
  firstGivenNameKey: string;
  /** Double Metaphone codes of the family name (1 or 2). */
  familyNamePhonetic: string[];
  /** Double Metaphone codes of the first given name (1 or 2). */
  givenNamePhonetic: string[];
  dateOfBirth: IsoDate | null;
};

/**
 * What the store persists beside each person so SQLite can search indexed columns (for example
 * `family_name_phonetic IN (...)` or `date_of_birth BETWEEN ...`) before {@link scoreMatch}
 * ranks the few candidates in memory.
 */
export function personSearchKeys(person: {
  givenNames?: string | null | undefined;
  familyName?: string | null | undefined;
  dateOfBirth?: IsoDate | null | undefined;
}): PersonSearchKeys {
  const familyNameKey = nameKey(person.familyName ?? '');
  const givenNameKey = nameKey(person.givenNames ?? '');
  const firstGivenNameKey = firstToken(givenNameKey);
  const dob = person.dateOfBirth;
  return {
    familyNameKey,
    givenNameKey,
    firstGivenNameKey,
    familyNamePhonetic: phoneticKeys(familyNameKey),
    givenNamePhonetic: phoneticKeys(firstGivenNameKey),
    dateOfBirth: dob !== undefined && dob !== null && isIsoDate(dob) ? dob : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/** A person already on record. */
export type MatchPerson = {
  givenNames?: string | null;
  familyName?: string | null;
  /** Other names or aliases, as typed. Compared as extra family/given name candidates. */
  otherNames?: string | null;
  dateOfBirth?: IsoDate | null;
  /** Where the date of birth is not known: the year an approximate age points to. */
  approxBirthYear?: number | null;
  nhsNumber?: string | null;
  postcode?: string | null;
};

/** What has been typed so far; every part may be missing. */
export type MatchQuery = MatchPerson;

export type MatchReasonCode =
  | 'nhs-number'
  | 'nhs-number-conflict'
  | 'exact-name'
  | 'same-surname'
  | 'sound-alike-surname'
  | 'same-given-name'
  | 'sound-alike-given-name'
  | 'other-name'
  | 'dob-exact'
  | 'dob-within-a-day'
  | 'dob-day-month-swapped'
  | 'dob-about'
  | 'dob-different'
  | 'same-postcode';

export type MatchReason = {
  code: MatchReasonCode;
  /** Plain English for the match panel: "Surname sounds like Smyth". */
  text: string;
  /** Points this reason added (negative for evidence against). */
  weight: number;
};

export type MatchResult = { score: number; reasons: MatchReason[] };

/**
 * Points per reason. Rationale:
 * - NHS number is a unique identifier: on its own it must clear the threshold; two different
 *   valid NHS numbers mean two different people, whatever the names say.
 * - A full name (surname + given name) plus an exact date of birth is the usual strong match.
 * - Sound-alike names earn a bit over half the exact weight: they are the misspellings we want
 *   to catch, but also catch different people.
 * - Date-of-birth near-misses (a day out, day and month swapped as in US order) are typing errors
 *   worth showing; a clearly different date of birth is evidence against.
 * - An approximate age ("about 6") agreeing within a year with a date of birth or another
 *   approximate age is weak support; an estimate that disagrees is no evidence against (estimates
 *   are often wrong), so the right child is never pushed out by a poor guess.
 * - Same postcode supports other evidence but is weak alone (neighbours, flats).
 */
export const MATCH_WEIGHTS = {
  'nhs-number': 60,
  'nhs-number-conflict': -50,
  'same-surname': 20,
  'sound-alike-surname': 12,
  'same-given-name': 15,
  'sound-alike-given-name': 9,
  'other-name': 10,
  'dob-exact': 25,
  'dob-within-a-day': 12,
  'dob-day-month-swapped': 12,
  'dob-about': 10,
  'dob-different': -15,
  'same-postcode': 10,
} as const;

/**
 * Show a candidate in the match panel at or above this score. Clears: full name alone (35, so
 * matches appear while the date of birth is still being typed); surname + date of birth (45);
 * sound-alike names + date of birth (46); NHS number alone (60). Does not clear: date of birth
 * alone (25); full name with a clearly different date of birth (20); anything with a conflicting
 * NHS number unless nearly everything else agrees.
 */
export const MATCH_THRESHOLD = 35;

function present(s: string | null | undefined): s is string {
  return s !== undefined && s !== null && s.trim() !== '';
}

function reason(code: Exclude<MatchReasonCode, 'exact-name'>, text: string): MatchReason {
  return { code, text, weight: MATCH_WEIGHTS[code] };
}

type NameResult = { exact: boolean; soundAlike: boolean };

function compareFamily(c: string, q: string): NameResult {
  const ck = nameKey(c);
  const qk = nameKey(q);
  if (ck === '' || qk === '') return { exact: false, soundAlike: false };
  if (ck === qk) return { exact: true, soundAlike: false };
  return { exact: false, soundAlike: soundsAlike(phoneticKeys(ck), phoneticKeys(qk)) };
}

function compareGiven(c: string, q: string): NameResult {
  const ck = nameKey(c);
  const qk = nameKey(q);
  if (ck === '' || qk === '') return { exact: false, soundAlike: false };
  const cf = firstToken(ck);
  const qf = firstToken(qk);
  if (ck === qk || cf === qf) return { exact: true, soundAlike: false };
  // A single initial has no useful sound.
  if (cf.length < 2 || qf.length < 2) return { exact: false, soundAlike: false };
  return { exact: false, soundAlike: soundsAlike(phoneticKeys(cf), phoneticKeys(qf)) };
}

function scoreNames(candidate: MatchPerson, query: MatchQuery, reasons: MatchReason[]): void {
  const cFamily = candidate.familyName ?? '';
  const cGiven = candidate.givenNames ?? '';
  const family = present(query.familyName) ? compareFamily(cFamily, query.familyName) : null;
  const given = present(query.givenNames) ? compareGiven(cGiven, query.givenNames) : null;

  if (family?.exact && given?.exact) {
    // One reason for the pair so the panel reads "Same name", worth both weights.
    reasons.push({
      code: 'exact-name',
      text: 'Same name',
      weight: MATCH_WEIGHTS['same-surname'] + MATCH_WEIGHTS['same-given-name'],
    });
  } else {
    if (family?.exact) reasons.push(reason('same-surname', 'Same surname'));
    if (family?.soundAlike) {
      reasons.push(reason('sound-alike-surname', `Surname sounds like ${cFamily.trim()}`));
    }
    if (given?.exact) reasons.push(reason('same-given-name', 'Same first name'));
    if (given?.soundAlike) {
      reasons.push(reason('sound-alike-given-name', `First name sounds like ${cGiven.trim()}`));
    }
  }

  // Aliases: a query name that matches one of the candidate's other names (exactly or by sound)
  // when the main names did not match. Counted once.
  if (present(candidate.otherNames) && !(family?.exact || family?.soundAlike)) {
    const aliasKeys = nameKey(candidate.otherNames).split(' ');
    const queryKeys = [query.familyName, query.givenNames]
      .filter(present)
      .flatMap((n) => nameKey(n).split(' '))
      .filter((k) => k.length >= 2);
    const hit = queryKeys.some((qk) =>
      aliasKeys.some((ak) => ak === qk || soundsAlike(phoneticKeys(ak), phoneticKeys(qk))),
    );
    if (hit) {
      reasons.push(reason('other-name', `Also known as ${candidate.otherNames.trim()}`));
    }
  }
}

function scoreDob(c: IsoDate, q: IsoDate, reasons: MatchReason[]): void {
  if (c === q) {
    reasons.push(reason('dob-exact', 'Same date of birth'));
    return;
  }
  if (addDaysIso(q, 1) === c || addDaysIso(q, -1) === c) {
    reasons.push(reason('dob-within-a-day', `Date of birth one day apart (${formatUkDate(c)})`));
    return;
  }
  // Same year, day and month transposed (e.g. 04/03 typed as 03/04, US order).
  const swapped = `${q.slice(0, 4)}-${q.slice(8, 10)}-${q.slice(5, 7)}`;
  if (swapped === c) {
    reasons.push(
      reason('dob-day-month-swapped', `Day and month of birth swapped (${formatUkDate(c)})`),
    );
    return;
  }
  reasons.push(reason('dob-different', `Different date of birth (${formatUkDate(c)})`));
}

/** Birth years within one of each other, where at least one side is only an estimate. */
function scoreApproximateBirth(
  candidate: MatchPerson,
  query: MatchQuery,
  reasons: MatchReason[],
): void {
  const yearOf = (p: MatchPerson): { year: number; estimate: boolean } | null => {
    if (present(p.dateOfBirth) && isIsoDate(p.dateOfBirth)) {
      return { year: Number(p.dateOfBirth.slice(0, 4)), estimate: false };
    }
    if (typeof p.approxBirthYear === 'number') return { year: p.approxBirthYear, estimate: true };
    return null;
  };
  const c = yearOf(candidate);
  const q = yearOf(query);
  if (c === null || q === null || !(c.estimate || q.estimate)) return;
  if (Math.abs(c.year - q.year) > 1) return;
  const text =
    !c.estimate && present(candidate.dateOfBirth)
      ? `Born ${formatUkDate(candidate.dateOfBirth)}: about the age given`
      : `Born around ${String(c.year)} (age given as approximate)`;
  reasons.push(reason('dob-about', text));
}

/**
 * Score how likely `candidate` is the person described by `query`, 0–100, with the reasons.
 * Only parts present on both sides count. See {@link MATCH_WEIGHTS} and {@link MATCH_THRESHOLD}.
 */
export function scoreMatch(candidate: MatchPerson, query: MatchQuery): MatchResult {
  const reasons: MatchReason[] = [];

  const cNhs = present(candidate.nhsNumber) ? normaliseNhsNumber(candidate.nhsNumber) : null;
  const qNhs = present(query.nhsNumber) ? normaliseNhsNumber(query.nhsNumber) : null;
  if (cNhs !== null && qNhs !== null) {
    if (cNhs === qNhs) reasons.push(reason('nhs-number', 'Same NHS number'));
    else reasons.push(reason('nhs-number-conflict', 'Different NHS number'));
  }

  scoreNames(candidate, query, reasons);

  const cDob = candidate.dateOfBirth;
  const qDob = query.dateOfBirth;
  if (present(cDob) && present(qDob) && isIsoDate(cDob) && isIsoDate(qDob)) {
    scoreDob(cDob, qDob, reasons);
  } else {
    scoreApproximateBirth(candidate, query, reasons);
  }

  const cPc = present(candidate.postcode) ? normalisePostcode(candidate.postcode) : null;
  const qPc = present(query.postcode) ? normalisePostcode(query.postcode) : null;
  if (cPc !== null && cPc === qPc) reasons.push(reason('same-postcode', `Same postcode (${cPc})`));

  const raw = reasons.reduce((sum, r) => sum + r.weight, 0);
  return { score: Math.max(0, Math.min(100, raw)), reasons };
}

/**
 * Adults in earlier households ("is the expectant mother known?") are a prompt to check, not a
 * link: the same first name with a sound-alike surname (27) is enough to show, so Leanne Smith
 * finds Leanne Smyth even before a date of birth is known.
 */
export const KNOWN_ADULT_THRESHOLD =
  MATCH_WEIGHTS['same-given-name'] + MATCH_WEIGHTS['sound-alike-surname'];

/** True when a scored candidate should be shown in the match panel. */
export function isShownMatch(result: MatchResult): boolean {
  return result.score >= MATCH_THRESHOLD;
}
