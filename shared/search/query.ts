// Reading what a worker typed into the search box. Shaped input goes straight to its own index
// (a reference FD-2026-000123, a 10-digit NHS number, a date of birth as DD/MM/YYYY or 21 May
// 2017, a full UK postcode); anything else is a words search, which needs at least 3 letters or digits because
// a 1- or 2-character prefix matches a large part of the file and says nothing about the child.
import type { IsoDate } from '../domain/types';
import { normalisePostcode, parseUkDate } from '../validation/formats';

/** The fewest letters or digits a words (prefix) search runs on. */
export const MIN_SEARCH_CHARACTERS = 3;

export const TOO_SHORT_HINT = `Type at least ${String(MIN_SEARCH_CHARACTERS)} letters or numbers to search`;

export type ParsedSearch =
  | { kind: 'reference'; exact: string; prefix: string }
  | { kind: 'nhs-number'; digits: string }
  | { kind: 'date-of-birth'; date: IsoDate }
  | { kind: 'postcode'; postcode: string }
  | { kind: 'text'; text: string }
  | { kind: null; hint: string | null };

// References are allocated as FD-YYYY-NNNNNN (store/repositories/referrals allocateReference).
// Typed with or without dashes or spaces, and with the number short of its leading zeros.
const REFERENCE_RE = /^FD[\s-]*(\d{4})(?:[\s-]*(\d{1,6}))?$/i;
const NHS_RE = /^\d{3}[\s-]?\d{3}[\s-]?\d{4}$/;
const DATE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
// 21/05/17: a date with the year cut short. Searched as words it would match stray numbers, and
// the century cannot be assumed (household members are adults), so the worker is asked for it.
const SHORT_YEAR_DATE_RE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/;
// A date as letters and reports write it: 21 May 2017, 21st May 2017, 3 Sept 2019, 21-May-2017.
const WORDED_DATE_RE = /^(\d{1,2})(?:st|nd|rd|th)?[\s.-]+([a-z]{3,9})\.?[\s.,-]+(\d{2}|\d{4})$/i;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The month a word names (its full name or a shortening of 3 letters or more: Sep, Sept). */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

const NOT_REAL_DATE = (text: string) =>
  `${text} is not a real date. Type a date of birth as DD/MM/YYYY, for example 27/03/2015.`;
const SHORT_YEAR_HINT =
  'Type the year in full: a date of birth is DD/MM/YYYY, for example 27/03/2015.';

export function parseSearch(raw: string): ParsedSearch {
  const text = raw.trim();
  if (text === '') return { kind: null, hint: null };

  const ref = REFERENCE_RE.exec(text);
  if (ref) {
    const [, year = '', digits = ''] = ref;
    const base = `FD-${year}-`;
    return {
      kind: 'reference',
      exact: digits === '' ? base : `${base}${digits.padStart(6, '0')}`,
      prefix: `${base}${digits}`,
    };
  }
  if (NHS_RE.test(text)) return { kind: 'nhs-number', digits: text.replace(/[\s-]/g, '') };

  const d = DATE_RE.exec(text);
  const worded = d === null ? WORDED_DATE_RE.exec(text) : null;
  const month = worded === null ? null : monthNumber(worded[2] ?? '');
  if (d !== null || (worded !== null && month !== null)) {
    const [, dd = '', mm = '', yyyy = ''] = d ?? ['', worded?.[1], String(month), worded?.[3]];
    if (yyyy.length === 2) return { kind: null, hint: SHORT_YEAR_HINT };
    // Typed dates are en-GB (domain §5): day first. 1/2/2015 is 1 February 2015.
    const date = parseUkDate(`${dd.padStart(2, '0')}/${mm.padStart(2, '0')}/${yyyy}`);
    if (date === null) return { kind: null, hint: NOT_REAL_DATE(text) };
    return { kind: 'date-of-birth', date };
  }
  if (SHORT_YEAR_DATE_RE.test(text)) return { kind: null, hint: SHORT_YEAR_HINT };

  const postcode = normalisePostcode(text);
  if (postcode !== null && /\d/.test(text)) return { kind: 'postcode', postcode };

  const searchable = text.replace(/[^\p{L}\p{N}]/gu, '');
  if (searchable.length < MIN_SEARCH_CHARACTERS) return { kind: null, hint: TOO_SHORT_HINT };
  return { kind: 'text', text };
}
