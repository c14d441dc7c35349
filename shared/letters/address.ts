// Comparing postal addresses for safe contact (issue 13: no letter to an address that matches the
// household of the child or the alleged perpetrator — compare normalised addresses and
// postcodes). Addresses are typed by different people at different times ("Flat 2, 10 High St"
// and "10 high street flat 2"), so the comparison normalises case, accents, punctuation, spacing,
// postcodes (domain §5) and common street abbreviations. It fails safe: where it cannot tell, it
// says "unsure", and an unsure match stops a letter going by post.

import { normalisePostcode } from '../validation/formats';

export type AddressLike = {
  line1?: string | undefined;
  line2?: string | undefined;
  town?: string | undefined;
  postcode?: string | undefined;
};

/** Abbreviations people write either way round; both sides are expanded the same. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'street',
  str: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  avn: 'avenue',
  ln: 'lane',
  dr: 'drive',
  drv: 'drive',
  ct: 'court',
  crt: 'court',
  cl: 'close',
  cres: 'crescent',
  cresc: 'crescent',
  cr: 'crescent',
  gdns: 'gardens',
  gdn: 'garden',
  gr: 'grove',
  gro: 'grove',
  pl: 'place',
  sq: 'square',
  ter: 'terrace',
  terr: 'terrace',
  tce: 'terrace',
  pk: 'park',
  pde: 'parade',
  hse: 'house',
  ho: 'house',
  blk: 'block',
  bldg: 'building',
  bldgs: 'buildings',
  mt: 'mount',
  wk: 'walk',
  hts: 'heights',
  est: 'estate',
  apt: 'flat',
  apartment: 'flat',
  flt: 'flat',
  no: 'number',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
};

/** Words that say what kind of dwelling a number is, not where it is. */
const FILLER = new Set(['flat', 'number', 'unit', 'room', 'the', 'and', 'of', 'at']);

export type NormalisedAddress = {
  /** Canonical postcode (`SW1A 1AA`), or the compacted upper-case text if not UK-shaped. */
  postcode: string | null;
  /** House, flat and building numbers ("10", "2", "10a"). */
  numbers: ReadonlySet<string>;
  /** The other words of the street lines, expanded and lower-cased. */
  words: ReadonlySet<string>;
  /** The town, normalised, if given. */
  town: string | null;
};

function plainWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      // Accents off (é → e), so "Café Row" matches "Cafe Row".
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // "10a" and "10 a" are the same house; join a lone letter to the number before it.
      .replace(/(\d+)\s+([a-z])\b(?!\w)/g, '$1$2')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .filter((w) => w !== '')
  );
}

export function normaliseAddress(a: AddressLike): NormalisedAddress {
  const numbers = new Set<string>();
  const words = new Set<string>();
  for (const raw of plainWords(`${a.line1 ?? ''} ${a.line2 ?? ''}`)) {
    if (/^\d/.test(raw)) {
      numbers.add(raw);
      continue;
    }
    const word = ABBREVIATIONS[raw] ?? raw;
    if (!FILLER.has(word)) words.add(word);
  }
  const postcodeText = (a.postcode ?? '').trim();
  const postcode =
    postcodeText === ''
      ? null
      : (normalisePostcode(postcodeText) ?? postcodeText.replace(/\s+/g, '').toUpperCase());
  const town = plainWords(a.town ?? '').join(' ');
  return { postcode, numbers, words, town: town === '' ? null : town };
}

/** True when the address has nothing to compare. */
export function isEmptyAddress(a: AddressLike | undefined | null): boolean {
  if (a === undefined || a === null) return true;
  return [a.line1, a.line2, a.postcode].every((v) => v === undefined || v.trim() === '');
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function subset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].every((x) => b.has(x));
}

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].some((x) => b.has(x));
}

export type AddressComparison = 'same' | 'different' | 'unsure';

/**
 * Whether two addresses are the same home. "same": the postcode matches and the house numbers
 * agree (one may give only the building, the other the flat too), or, without a postcode, the
 * numbers and street agree. "different": different postcodes, or different house numbers in the
 * same postcode (a neighbour). "unsure" otherwise — including a postcode that differs where every
 * other detail is the same (a typed-wrong postcode is common).
 */
export function compareAddresses(a: AddressLike, b: AddressLike): AddressComparison {
  if (isEmptyAddress(a) || isEmptyAddress(b)) return 'unsure';
  const x = normaliseAddress(a);
  const y = normaliseAddress(b);
  const hasLines = (n: NormalisedAddress) => n.numbers.size > 0 || n.words.size > 0;
  const numbersAgree = subset(x.numbers, y.numbers) || subset(y.numbers, x.numbers);
  if (x.postcode !== null && y.postcode !== null) {
    if (x.postcode === y.postcode) {
      // One house number set inside the other ("10 High St" and "Flat 2, 10 High St") is the
      // same building: treated as the same home (fail safe).
      if (!hasLines(x) || !hasLines(y)) return 'same';
      return numbersAgree ? 'same' : 'different';
    }
    const townsAgree = x.town === null || y.town === null || x.town === y.town;
    if (
      x.numbers.size > 0 &&
      sameSet(x.numbers, y.numbers) &&
      x.words.size > 0 &&
      sameSet(x.words, y.words) &&
      townsAgree
    ) {
      return 'unsure';
    }
    return 'different';
  }
  // At least one postcode missing: judge by the street lines.
  if (!hasLines(x) || !hasLines(y)) return 'unsure';
  if (x.numbers.size > 0 && y.numbers.size > 0) {
    if (!numbersAgree) return 'different';
    return overlaps(x.words, y.words) || x.words.size === 0 || y.words.size === 0
      ? 'same'
      : 'different';
  }
  return overlaps(x.words, y.words) ? 'unsure' : 'different';
}
