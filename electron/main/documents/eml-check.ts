// Checks and cleaning for email drafts (issue 13, "Email drafts (.eml)"). Everything a caller
// hands to buildEmlDraft passes through here before it reaches MailComposer, so a value can never
// end a header early or add one (header injection), and a bad address is refused with the
// recipient named rather than silently mangled into something else.
//
// RFC 5322 §2.2: a header field is one logical line; CR and LF may appear only as the fold before
// whitespace. nodemailer already encodes what it is given, but it "repairs" an address with a
// line break or angle bracket by turning it into spaces (mime-node _normalizeAddress), which would
// send the draft somewhere nobody typed: addresses are checked, names are cleaned.

/** Thrown for a draft that cannot be built; the message names the field and the fix. */
export class EmlInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'EmlInputError';
  }
}

// Line breaks of every kind (U+0085 NEL and U+2028/9 are read as breaks by some mail clients).
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// C0 and C1 controls and DEL, except TAB and LF (turned into spaces or kept, as the field needs).
const CONTROLS = /(?![\t\n])\p{Cc}/gu;
// A lone UTF-16 surrogate cannot be written as UTF-8: replaced so the byte count stays honest.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Unicode format characters that reorder or hide text (bidi overrides, zero-width joiners are
// kept: Arabic and Indic names need ZWJ/ZWNJ). U+202A–U+202E and U+2066–U+2069 can make a name
// display as something else in the recipient list (CVE-2021-42574 "Trojan Source" class).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

function baseClean(value: string): string {
  return value
    .normalize('NFC')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '');
}

/** One line: every line break or tab becomes one space, controls are removed. */
export function cleanLine(value: string): string {
  return baseClean(value)
    .replace(/[\n\t ]+/g, ' ')
    .trim();
}

/** The body: line breaks kept (written as CRLF), controls removed, trailing spaces trimmed. */
export function cleanBody(value: string): string {
  return baseClean(value)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

const NAME_MAX = 200;

/**
 * A display name as it will be shown: on one line, without control characters. Quotes, commas,
 * angle brackets, semicolons and non-Latin letters are kept exactly; MailComposer quotes or
 * RFC 2047-encodes them, so they stay inside the display name.
 */
export function cleanName(value: string, field: string): string {
  const name = cleanLine(value);
  if (name.length > NAME_MAX) {
    throw new EmlInputError(
      field,
      `The name "${name.slice(0, 40)}…" is too long: ${String(name.length)} characters, at most ${String(NAME_MAX)}.`,
    );
  }
  return name;
}

// A plain address (RFC 5322 §3.4.1 dot-atom local part, a dotted DNS domain): no spaces, quotes,
// `( ) < > [ ] : ; , \ @` in the local part, which would need quoting some clients mis-read.
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** `who` names the person in the message ("Dr Ana Costa", "the sender"). */
export function checkAddress(value: string, field: string, who: string): string {
  const shown = JSON.stringify(cleanLine(value).slice(0, 80));
  if (/[\r\n\u0085\u2028\u2029]/.test(value)) {
    throw new EmlInputError(
      field,
      `The email address for ${who} contains a line break (${shown}). Correct the address: it must be on one line, like name@example.org.`,
    );
  }
  const address = value.trim();
  if (address === '') throw new EmlInputError(field, `Enter an email address for ${who}.`);
  if (/\s/.test(address)) {
    throw new EmlInputError(
      field,
      `The email address for ${who} contains a space (${shown}). Correct the address: it has no spaces, like name@example.org.`,
    );
  }
  // RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address at most 254.
  if (address.length > 254 || !EMAIL.test(address)) {
    throw new EmlInputError(
      field,
      `The email address for ${who} is not valid (${shown}): use the form name@example.org.`,
    );
  }
  return address;
}

/** A name for messages: the cleaned display name, or "recipient N" when there is none. */
export function whoIs(name: string, fallback: string): string {
  const cleaned = cleanLine(name);
  return cleaned === '' ? fallback : cleaned.slice(0, 80);
}

// A file name as mail clients save it: no path separators or characters Windows refuses
// (`< > : " / \ | ? *`), so a recipient's "Save attachment" writes what the sender saw.
const FILE_NAME_FORBIDDEN = /[<>:"/\\|?*]/;

export function checkFileName(value: string, field: string): string {
  const name = cleanLine(value);
  if (name === '' || name.length > 150 || FILE_NAME_FORBIDDEN.test(name) || /^\.|\.$/.test(name)) {
    throw new EmlInputError(
      field,
      `The attachment's file name is not valid (${JSON.stringify(name.slice(0, 60))}): use letters, digits, spaces, "-" and "." only, e.g. FD-2026-000123 letter.pdf.`,
    );
  }
  return name;
}

// type/subtype only (RFC 2045 §5.1 tokens); parameters such as charset and method are ours to add.
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

export function checkContentType(value: string, field: string): string {
  const type = value.trim().toLowerCase();
  if (!CONTENT_TYPE.test(type)) {
    throw new EmlInputError(
      field,
      `The attachment's type is not valid (${JSON.stringify(cleanLine(value).slice(0, 60))}): give type/subtype only, e.g. application/pdf.`,
    );
  }
  return type;
}

/**
 * The calendar file's own METHOD (RFC 5545 §3.7.2), read from its unfolded lines. RFC 6047 §2.4:
 * the Content-Type `method` parameter must be the same as the METHOD in the iCalendar object, or
 * Outlook and other clients show a plain attachment (or the wrong kind of message).
 */
export function calendarMethod(content: Uint8Array): string | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(content);
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  let depth = 0;
  for (const line of lines) {
    const upper = line.toUpperCase();
    if (upper.startsWith('BEGIN:')) depth += 1;
    else if (upper.startsWith('END:')) depth -= 1;
    // Only the VCALENDAR's own property counts, not one inside a component.
    else if (depth === 1 && /^METHOD[:;]/i.test(line)) {
      return line
        .slice(line.indexOf(':') + 1)
        .trim()
        .toUpperCase();
    }
  }
  return null;
}
