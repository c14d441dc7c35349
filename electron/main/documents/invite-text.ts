// Cleaning and checking of the values that go into a calendar invite (issue 12, "Calendar
// invites"). ical-generator 10 escapes `\ ; ,` and CR/LF in TEXT values, but it passes control
// characters through, writes a `"` inside a quoted CN as `\"` (which ends the parameter for
// RFC 5545 readers such as ical.js), escapes `, ;` inside URIs, and writes UID unescaped. These
// helpers close those gaps before any value reaches the library.
import { LONDON_TIME_ZONE, londonDate, londonTime } from '../../../shared/calendar/clocks';
import { formatUkDate } from '../../../shared/validation/formats';

/** Thrown for an invite that cannot be built; the message names the field and the fix. */
export class InviteInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InviteInputError';
  }
}

// RFC 5545 §3.3.11: TEXT may not hold control characters other than HTAB (and line breaks, which
// are written as `\n`). C1 controls (U+0080–U+009F) are dropped too: some mail clients treat
// U+0085 (NEL) as a line break. U+0085, U+2028 and U+2029 are read as line breaks first.
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
const CONTROLS = /(?![\t\n])\p{Cc}/gu;
// A lone UTF-16 surrogate cannot be written as UTF-8 (it would become U+FFFD after the fold
// counted it as something else), so it is replaced here, where the line length is still known.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function baseClean(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(LINE_BREAKS, '\n').replace(CONTROLS, '');
}

/** Text kept on several lines (joining details): line breaks kept as `\n`, controls removed. */
export function cleanMultiline(value: string): string {
  return baseClean(value)
    .split('\n')
    .map((line) => line.replace(/[\t ]+/g, ' ').trimEnd())
    .join('\n')
    .trim();
}

/** Text on one line (marking, location, role): every line break or tab becomes one space. */
export function cleanLine(value: string): string {
  return baseClean(value)
    .replace(/[\n\t ]+/g, ' ')
    .trim();
}

/**
 * A CN parameter value. RFC 5545 §3.2 forbids `"` inside a quoted parameter and has no escape for
 * it; RFC 6868 encodes `"` as `^'` and `^` as `^^` (ical.js and other RFC 6868 readers decode them,
 * so the name comes back exactly as cleaned). ical-generator always quotes CN, so `: ; ,` are safe.
 */
export function encodeParamText(value: string): string {
  return value.replace(/\^/g, '^^').replace(/"/g, "^'");
}

/** A required single-line value: cleaned, non-empty, at most `max` characters. */
export function requiredLine(value: unknown, field: string, label: string, max: number): string {
  if (typeof value !== 'string') throw new InviteInputError(field, `Enter ${label}.`);
  const cleaned = cleanLine(value);
  if (cleaned === '') throw new InviteInputError(field, `Enter ${label}.`);
  if (cleaned.length > max) {
    throw new InviteInputError(
      field,
      `${capitalise(label)} is too long: ${cleaned.length} characters, at most ${max}.`,
    );
  }
  return cleaned;
}

/** An optional single-line value: undefined or blank gives null. */
export function optionalLine(
  value: unknown,
  field: string,
  label: string,
  max: number,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && cleanLine(value) === '') return null;
  return requiredLine(value, field, label, max);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// A plain address: no spaces, quotes, `; , : \ < > ( ) [ ]` (which would need escaping or quoting
// in the ATTENDEE value and that some clients mis-read), a dotted domain.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function checkEmail(value: unknown, field: string, who: string): string {
  const email = typeof value === 'string' ? value.trim() : '';
  if (email === '') throw new InviteInputError(field, `Enter an email address for ${who}.`);
  if (email.length > 254 || !EMAIL.test(email) || email.includes('..')) {
    throw new InviteInputError(
      field,
      `The email address for ${who} is not valid ("${cleanLine(email).slice(0, 80)}"): use the form name@example.org.`,
    );
  }
  return email;
}

// RFC 5545 §3.8.4.7: a globally unique identifier; ical-generator writes it without escaping, so
// only characters that can never start a parameter, value or line are allowed.
const UID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,190}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,60}[A-Za-z0-9])?$/;

export function checkUid(value: unknown): string {
  if (typeof value !== 'string' || !UID.test(value)) {
    throw new InviteInputError(
      'uid',
      'The meeting identifier is not valid: use letters, digits, ".", "_" or "-", then "@" and a domain, e.g. 42@front-door.local.',
    );
  }
  return value;
}

// References are allocated as FD-YYYY-NNNNNN (store/repositories/referrals allocateReference).
const REFERENCE = /^FD-\d{4}-\d{6}$/;

export function checkReference(value: unknown): string {
  if (typeof value !== 'string' || !REFERENCE.test(value)) {
    throw new InviteInputError(
      'reference',
      'The case reference is not valid: use the form FD-2026-000123.',
    );
  }
  return value;
}

// Domain §6: calendar entries carry a case reference, not the child's name; a local setting may
// allow initials. Only initials pass (up to four capital letters each, several children separated
// by ", "), so a name given here by mistake is refused rather than sent.
const INITIALS = /^\p{Lu}(?:\.?\p{Lu}){0,3}\.?(?:, \p{Lu}(?:\.?\p{Lu}){0,3}\.?)*$/u;

export function checkInitials(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const cleaned = typeof value === 'string' ? cleanLine(value) : '';
  if (cleaned === '') return null;
  if (cleaned.length > 40 || !INITIALS.test(cleaned)) {
    throw new InviteInputError(
      'childInitials',
      'Children may be shown by initials only (capital letters, e.g. "J.S." or "J.S., A.S."), never by name.',
    );
  }
  return cleaned;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

/** A UTC instant as the caller sends it (already converted from Europe/London). */
export function checkInstant(value: unknown, field: string, label: string): Date {
  const date = typeof value === 'string' && INSTANT.test(value) ? new Date(value) : null;
  // Date accepts 2026-02-30 and rolls it over; the date part must survive the round trip.
  if (
    date === null ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== String(value).slice(0, 10)
  ) {
    throw new InviteInputError(
      field,
      `The ${label} is not a valid UTC time ("${typeof value === 'string' ? cleanLine(value).slice(0, 40) : typeof value}"): use e.g. 2026-03-30T14:05:00Z.`,
    );
  }
  return date;
}

/** The join link: an https address with no spaces or quotes (it is shown and written as a URI). */
export function checkJoinUrl(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const raw = typeof value === 'string' ? value.trim() : '';
  if (raw === '') return null;
  let url: URL | null;
  try {
    url = /[\s"<>\\\p{Cc}]/u.test(raw) ? null : new URL(raw);
  } catch {
    url = null;
  }
  if (url?.protocol !== 'https:' || raw.length > 2000) {
    throw new InviteInputError(
      'joinUrl',
      'The joining link is not valid: paste the full https:// link from the meeting invitation.',
    );
  }
  return url.href;
}

/** "Sunday 29/03/2026, 02:00 to 03:00 BST" — the London wall time, for a forwarded copy. */
export function describeLondonSpan(start: Date, end: Date): string {
  const s = start.toISOString();
  const e = end.toISOString();
  const zone = (iso: string): string =>
    londonTime(iso).slice(0, 5) === iso.slice(11, 16) ? 'GMT' : 'BST';
  const day = (iso: string): string =>
    `${new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: LONDON_TIME_ZONE }).format(new Date(iso))} ${formatUkDate(londonDate(iso))}`;
  const startText = `${day(s)}, ${londonTime(s).slice(0, 5)} ${zone(s)}`;
  const endText =
    londonDate(e) === londonDate(s)
      ? `${londonTime(e).slice(0, 5)} ${zone(e)}`
      : `${day(e)}, ${londonTime(e).slice(0, 5)} ${zone(e)}`;
  return `${startText} to ${endText} (UK time)`;
}

/**
 * Refuses a free-text value that mentions a name of the child or family (domain §6). Whole words
 * only, ignoring case, so "Smith" is found in "the Smith home" but not in "Smithfield Road".
 */
export function checkWithheldNames(
  value: string | null,
  field: string,
  label: string,
  withheldNames: readonly string[],
): void {
  if (value === null) return;
  for (const raw of withheldNames) {
    const name = cleanLine(raw);
    if (name.length < 2) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(value)) {
      throw new InviteInputError(
        field,
        `The ${label} mentions "${name}", a name of the child or family. Invites carry the case reference only: reword the ${label}.`,
      );
    }
  }
}
