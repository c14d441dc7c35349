// Identifier and date formats (domain §5). Pure functions: used by the zod schemas, the forms, the
// store and the matching code, so each rule lives in one place.

import { isIsoDateInYears } from '../calendar/dates';
import type { IsoDate } from '../domain/types';

// ---------------------------------------------------------------------------------------------
// NHS number
// ---------------------------------------------------------------------------------------------

/**
 * Strip the separators people type (spaces and dashes) and return the 10 digits, or null if the
 * rest is not exactly 10 digits. Does not check the check digit.
 */
function nhsDigits(s: string): string | null {
  const digits = s.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/**
 * NHS number check (domain §5; NHS Data Dictionary "NHS Number"): 10 digits, the tenth a
 * modulus-11 check digit over the first nine with weights 10..2; check = 11 − (sum mod 11);
 * a result of 11 means 0 and a result of 10 means the number is invalid.
 *
 * Spaces and dashes are ignored; any other character makes the number invalid.
 *
 * Product decision (not an NHS rule we can cite): ten copies of one digit (`0000000000`,
 * `1111111111` …) pass the checksum but are what people type as "unknown", so they are rejected.
 */
export function isValidNhsNumber(s: string): boolean {
  const digits = nhsDigits(s);
  if (digits === null) return false;
  if (/^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    sum += Number(digits[i]) * (10 - i);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  const expected = check === 11 ? 0 : check;
  return expected === Number(digits[9]);
}

/** The 10 digits of a valid NHS number, or null when the number is not valid. */
export function normaliseNhsNumber(s: string): string | null {
  const digits = nhsDigits(s);
  return digits !== null && isValidNhsNumber(digits) ? digits : null;
}

/**
 * Display form `123 456 7890` (3-3-4, domain §5). Anything that is not 10 digits once spaces and
 * dashes are removed is returned trimmed but otherwise as typed, so a bad value is still shown
 * to the person who has to correct it.
 */
export function formatNhsNumber(s: string): string {
  const digits = nhsDigits(s);
  if (digits === null) return s.trim();
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

// ---------------------------------------------------------------------------------------------
// Postcode
// ---------------------------------------------------------------------------------------------

// UK postcode shapes (domain §5; BS 7666 / the ONS "postcode unit" format as used in the
// well-known GOV.UK pattern): outward code A9, A99, AA9, AA99, A9A or AA9A, then the inward code
// 9AA. Letter positions carry the Royal Mail restrictions (no Q, V, X first; no I, J, Z second;
// inward letters never C, I, K, M, O, V) so obvious typos such as `0` for `O` are caught.
const OUTWARD =
  '(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const POSTCODE_RE = new RegExp(`^(?:${OUTWARD}${INWARD}|GIR0AA)$`);

/**
 * Canonical `AA9A 9AA` form (upper case, one space before the 3-character inward code), or null
 * when the text is not shaped like a UK postcode. Whitespace anywhere is ignored, so `sw1a1aa`
 * and ` ec1a  1bb ` are accepted. `GIR 0AA` (Girobank) is allowed.
 */
export function normalisePostcode(s: string): string | null {
  const compact = s.replace(/\s+/g, '').toUpperCase();
  if (compact.length < 5 || compact.length > 7) return null;
  if (!POSTCODE_RE.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

// Checking and arithmetic live in shared/calendar/dates.ts; validation adds its own year rules.
export { addDaysIso, addMonthsIso, daysBetweenIso } from '../calendar/dates';

/** Earliest year accepted by {@link parseUkDate}; earlier years are almost always typos. */
export const MIN_YEAR = 1900;

// Any four-digit year except 0000, which the Gregorian calendar does not have. Stored and
// exchanged dates are checked against this; typed entry is held to MIN_YEAR.
const FIRST_ISO_YEAR = 1;
const LAST_ISO_YEAR = 9999;

// A wrapper rather than a re-export of the calendar's isIsoDate: that one refuses years before
// the bank-holiday rules begin, and this one is handed to zod `refine` as a callback.
/**
 * True when `s` is an ISO calendar date `YYYY-MM-DD` (years 0001–9999) that exists: 2023-02-29
 * and 2025-04-31 are false (domain §5: no silent roll-over).
 */
export function isIsoDate(s: string): s is IsoDate {
  return isIsoDateInYears(s, FIRST_ISO_YEAR, LAST_ISO_YEAR);
}

/**
 * Strict en-GB date entry (domain §5): exactly `DD/MM/YYYY` (two-digit day and month, four-digit
 * year), surrounding whitespace tolerated, years 1900–9999. `1/2/2024` is rejected rather than
 * guessed at, and impossible dates (31/04, 29/02 in a non-leap year, 00/00/0000) are null, never
 * rolled over into the next month.
 */
export function parseUkDate(s: string): IsoDate | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const [, dd = '', mm = '', yyyy = ''] = m;
  const iso = `${yyyy}-${mm}-${dd}`;
  return isIsoDateInYears(iso, MIN_YEAR, LAST_ISO_YEAR) ? iso : null;
}

/**
 * `YYYY-MM-DD` → `DD/MM/YYYY` for display (domain §5). A value that is not a real ISO date is
 * returned unchanged, so a display never throws on bad stored data.
 */
export function formatUkDate(iso: string): string {
  if (!isIsoDate(iso)) return iso;
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
