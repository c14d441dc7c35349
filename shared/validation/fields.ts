// Reusable field schemas. Every schema here is used twice: by the React forms (through
// react-hook-form's zodResolver) and by the IPC layer in the main process, which must never trust
// the renderer. So messages are written for practitioners (GOV.UK error-message style: say what is
// wrong and how to fix it, architecture §5) and limits are hard.
//
// Dates at this layer are ISO `YYYY-MM-DD` strings; forms convert the `DD/MM/YYYY` people type
// with `parseUkDate` (domain §5). Rules that depend on "today" take it as a parameter so the main
// process and the form can both pass today's Europe/London date: shared/ never reads the clock.

import * as z from 'zod';
import type { IsoDate } from '../domain/types';
import {
  MIN_YEAR,
  isIsoDate,
  isValidNhsNumber,
  normaliseNhsNumber,
  normalisePostcode,
} from './formats';

/** What a today-dependent schema needs to know. `today` is the Europe/London calendar date. */
export type ValidationContext = { readonly today: IsoDate };

/** Throws on a programming error (a bad `today`), so a schema is never built on a wrong clock. */
export function checkContext(ctx: ValidationContext): IsoDate {
  if (!isIsoDate(ctx.today)) {
    throw new RangeError(
      `ValidationContext.today must be an ISO date, got ${JSON.stringify(ctx.today)}`,
    );
  }
  return ctx.today;
}

/**
 * Wrap a today-dependent schema factory so it builds once per `today` (a referral schema takes a
 * few milliseconds to build; the form resolver and every IPC call ask for it). Zod schemas are
 * immutable, so sharing one instance is safe.
 */
export function memoByToday<S>(
  build: (ctx: ValidationContext) => S,
): (ctx: ValidationContext) => S {
  let lastToday: IsoDate | undefined;
  let last: S | undefined;
  return (ctx) => {
    if (last === undefined || lastToday !== ctx.today) {
      last = build(ctx);
      lastToday = ctx.today;
    }
    return last;
  };
}

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

/** Longest name, role or agency name accepted. */
export const NAME_MAX = 200;
/** Longest short free-text answer (a reason, a relationship, an address line). */
export const SHORT_TEXT_MAX = 2_000;
/** Longest notes field. */
export const NOTES_MAX = 10_000;
/** Longest narrative (the concern itself). */
export const NARRATIVE_MAX = 50_000;

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/**
 * True when `s` holds a control character a person cannot have meant to type: C0 controls, DEL,
 * C1 controls and the Unicode line/paragraph separators. They arrive by copy-and-paste from other
 * systems and break letters, PDFs and CSV exports. Tab and newline are allowed only in multi-line
 * text. Checked by code point rather than a regex literal so the rule is readable.
 */
export function hasControlCharacters(s: string, allowTabAndNewline: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (allowTabAndNewline && (c === 0x09 || c === 0x0a)) continue;
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * True when `s` holds half of a UTF-16 surrogate pair on its own (a "lone surrogate"): what is
 * left when an emoji or a rare character is cut in two, e.g. by a system that truncates text.
 * It is not a character and cannot be stored as UTF-8: SQLite would keep U+FFFD (�) in its
 * place, so the text would not come back as entered (https://unicode.org/glossary/#surrogate_code_point).
 */
export function hasLoneSurrogate(s: string): boolean {
  // Native (ES2024 String.prototype.isWellFormed): every IPC input's strings pass through here,
  // and a character-by-character loop in JavaScript cost about 1 ms per megabyte.
  return !s.isWellFormed();
}

export const BROKEN_CHARACTER_MESSAGE =
  'This text has a broken character in it (half of an emoji or symbol, often from copying and pasting): delete it and type it again';

const CONTROL_MESSAGE =
  'Remove hidden control characters from this text (they can come from copying and pasting)';

type TextOptions = {
  /** Maximum length in characters, after trimming. */
  readonly max: number;
  /** Allow tabs and line breaks (free text); single-line fields reject them. */
  readonly multiline?: boolean;
  /** What the thing is, for the length message: "Family name must be 200 characters or fewer". */
  readonly label: string;
};

function baseText(opts: TextOptions, requiredMessage: string): z.ZodString {
  const multiline = opts.multiline ?? false;
  let s = z
    .string({
      error: (iss) => (iss.input === undefined ? requiredMessage : `${opts.label}: enter text`),
    })
    .trim()
    // Store as entered but in NFC (domain §5), so the same name typed on two keyboards compares
    // equal byte for byte.
    .overwrite((v) => v.normalize('NFC'));
  if (multiline) {
    // Windows line endings become plain newlines: only tab and newline are allowed below.
    s = s.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  }
  return s
    .max(opts.max, {
      error: `${opts.label} must be ${opts.max.toLocaleString('en-GB')} characters or fewer`,
    })
    .refine((v) => !hasControlCharacters(v, multiline), { error: CONTROL_MESSAGE })
    .refine((v) => !hasLoneSurrogate(v), { error: BROKEN_CHARACTER_MESSAGE });
}

/** Required text: blank (after trimming) fails with `required`, e.g. "Enter the child's family name". */
export function requiredText(opts: TextOptions & { readonly required: string }): z.ZodString {
  return baseText(opts, opts.required).min(1, { error: opts.required });
}

/** Optional text: may be missing or blank. */
export function optionalText(opts: TextOptions): z.ZodOptional<z.ZodString> {
  return baseText(opts, `${opts.label}: enter text`).optional();
}

// ---------------------------------------------------------------------------------------------
// Choices
// ---------------------------------------------------------------------------------------------

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];
export const YES_NO_UNKNOWN_LABELS: Record<YesNoUnknown, string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not known',
};

export function yesNoUnknown(message: string) {
  return z.enum(YES_NO_UNKNOWN, { error: message });
}

export function requiredBoolean(message: string): z.ZodBoolean {
  return z.boolean({ error: message });
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

export const REAL_DATE_MESSAGE = 'Enter a real date, for example 27/03/2024';
const MIN_DATE: IsoDate = `${MIN_YEAR}-01-01`;

type DateMessages = {
  /** Missing value, e.g. "Enter the child's date of birth". */
  readonly required: string;
  /** Shown for a non-date; defaults to {@link REAL_DATE_MESSAGE}. */
  readonly invalid?: string;
};

/** A real ISO calendar date from 1900 onward (domain §5: no silent roll-over). */
export function isoDate(messages: DateMessages) {
  const invalid = messages.invalid ?? REAL_DATE_MESSAGE;
  return z
    .string({ error: (iss) => (iss.input === undefined ? messages.required : invalid) })
    .trim()
    .min(1, { error: messages.required, abort: true })
    .refine(isIsoDate, { error: invalid, abort: true })
    .refine((v) => v >= MIN_DATE, {
      error: `Enter a date after 01/01/${MIN_YEAR} – check the year`,
      abort: true,
    });
}

/**
 * A date that is today or earlier (a date of birth, the date consent was given). Today is
 * allowed: a baby can be born, and consent given, on the day of the referral.
 */
export function pastOrTodayDate(
  ctx: ValidationContext,
  messages: DateMessages & { readonly future: string },
) {
  const today = checkContext(ctx);
  return isoDate(messages).refine((v) => v <= today, { error: messages.future });
}

/** An instant with an explicit offset or `Z` (IsoInstant), e.g. `2026-03-29T00:30:00.000Z`. */
export function isoInstant(required: string) {
  return z.iso.datetime({ offset: true, error: required });
}

// ---------------------------------------------------------------------------------------------
// Identifiers and contact details
// ---------------------------------------------------------------------------------------------

export const NHS_NUMBER_MESSAGE =
  'NHS number must be 10 digits and pass the check-digit test – check it against the letter or GP record';

/**
 * Optional NHS number (domain §5). Blank is allowed (most referrers do not know it); anything else
 * must be valid and is stored as 10 digits without spaces.
 */
export function optionalNhsNumber() {
  return z
    .string({ error: NHS_NUMBER_MESSAGE })
    .trim()
    .max(20, { error: NHS_NUMBER_MESSAGE })
    .refine((v) => v === '' || isValidNhsNumber(v), { error: NHS_NUMBER_MESSAGE })
    .overwrite((v) => normaliseNhsNumber(v) ?? v)
    .optional();
}

export const POSTCODE_MESSAGE = 'Enter a real postcode, like SW1A 1AA';

/** Optional UK postcode, stored in canonical `AA9A 9AA` form (domain §5). */
export function optionalPostcode() {
  return z
    .string({ error: POSTCODE_MESSAGE })
    .trim()
    .max(20, { error: POSTCODE_MESSAGE })
    .refine((v) => v === '' || normalisePostcode(v) !== null, { error: POSTCODE_MESSAGE })
    .overwrite((v) => normalisePostcode(v) ?? v)
    .optional();
}

export const EMAIL_MESSAGE = 'Enter an email address in the correct format, like name@example.com';

/** Optional email address; blank allowed. Uses zod's own (deliberately conservative) pattern. */
export function optionalEmail() {
  return z
    .string({ error: EMAIL_MESSAGE })
    .trim()
    .max(254, { error: 'Email address must be 254 characters or fewer' })
    .refine((v) => v === '' || z.regexes.email.test(v), { error: EMAIL_MESSAGE })
    .optional();
}

export const PHONE_MESSAGE = 'Enter a phone number, like 01632 960 001 or +44 7700 900 982';

/**
 * Optional phone number. Loose on purpose (extensions, international numbers, brackets): digits,
 * spaces, `+ ( ) -` and an optional `ext`/`x` part, with 7 to 15 digits in the main number
 * (ITU-T E.164 allows at most 15).
 */
export function optionalPhone() {
  return z
    .string({ error: PHONE_MESSAGE })
    .trim()
    .max(40, { error: PHONE_MESSAGE })
    .refine((v) => v === '' || isPlausiblePhone(v), { error: PHONE_MESSAGE })
    .optional();
}

function isPlausiblePhone(v: string): boolean {
  const m = /^(\+?[\d\s()-]+?)(?:\s*(?:ext\.?|x)\s*\d{1,6})?$/i.exec(v);
  if (!m?.[1]) return false;
  const digits = m[1].replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/**
 * Optional id of an existing record (a matched child, a directory entry). Opaque to validation,
 * but limited to a safe alphabet so it can be put in a URL or a log line.
 */
export function optionalId(label: string) {
  return z
    .string({ error: `${label} is not a valid reference` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label} is not a valid reference` })
    .optional();
}

/** A postal address; every part optional because a front door often only has part of it. */
export const addressSchema = z.strictObject({
  line1: optionalText({ max: NAME_MAX, label: 'Address line 1' }),
  line2: optionalText({ max: NAME_MAX, label: 'Address line 2' }),
  town: optionalText({ max: NAME_MAX, label: 'Town or city' }),
  postcode: optionalPostcode(),
});
export type AddressInput = z.infer<typeof addressSchema>;

/**
 * A cross-field check that runs even when other fields already failed, so a form shows every
 * problem in one round (GOV.UK error summary), not a second round after the first is fixed. Zod
 * skips ordinary refinements once any issue is found; this runs whenever the value is an object.
 */
export function everyTime<T>(check: (value: T, ctx: z.RefinementCtx<T>) => void) {
  return z.superRefine<T>(check, {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });
}
