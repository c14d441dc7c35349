// Reading what a worker typed into the search box. Shaped input goes straight to its own index
// (a reference FD-2026-000123, a 10-digit NHS number, a date of birth typed as any date field
// takes one, a full UK postcode); anything else is a words search, which needs at least 3
// letters or digits because a 1- or 2-character prefix matches a large part of the file and says
// nothing about the child.
import type { IsoDate } from '../domain/types';
import { normalisePostcode } from '../validation/formats';
import { looksLikeTypedDate, parseTypedDate } from '../validation/typed-dates';

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

/** `today` (London) decides a two-digit year, as in the app's date fields. */
export function parseSearch(raw: string, today: IsoDate): ParsedSearch {
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

  if (looksLikeTypedDate(text)) {
    // Read as every date field reads a date of birth (en-GB, day first; a two-digit year is the
    // latest such year not after this one): 1/2/15, 01.02.2015 and 1 Feb 2015 are the same day.
    const typed = parseTypedDate(text, { today, twoDigitYears: 'past' });
    if (!typed.ok) {
      return {
        kind: null,
        hint: `${text} is not a real date (${typed.error}). Type a date of birth as DD/MM/YYYY, for example 27/03/2015.`,
      };
    }
    return { kind: 'date-of-birth', date: typed.date };
  }

  const postcode = normalisePostcode(text);
  if (postcode !== null && /\d/.test(text)) return { kind: 'postcode', postcode };

  const searchable = text.replace(/[^\p{L}\p{N}]/gu, '');
  if (searchable.length < MIN_SEARCH_CHARACTERS) return { kind: null, hint: TOO_SHORT_HINT };
  return { kind: 'text', text };
}
