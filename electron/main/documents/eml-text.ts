// The words of an email draft: subject and short body for a referrer letter and for a strategy
// discussion invite (issue 13, "Email drafts (.eml)"). Neutral on purpose: the case reference and
// the protective marking only, never a child's or family's name (domain §6: names stay out of
// anything that travels outside the record), so a draft misaddressed or read over a shoulder
// gives nothing away. The detail is in the attachment, which carries the marking on every page.
import { LONDON_TIME_ZONE, londonDate, londonTime } from '../../../shared/calendar/clocks';
import { formatUkDate } from '../../../shared/validation/formats';
import { describeLondonSpan } from './invite-text';
import { cleanLine, EmlInputError } from './eml-check';

// References are allocated as FD-YYYY-NNNNNN (store/repositories/referrals allocateReference).
const REFERENCE = /^FD-\d{4}-\d{6}$/;

function checkReference(reference: string): string {
  if (!REFERENCE.test(reference)) {
    throw new EmlInputError(
      'reference',
      'The case reference is not valid: use the form FD-2026-000123.',
    );
  }
  return reference;
}

/** The protective marking from settings (domain §6), e.g. OFFICIAL-SENSITIVE. */
function checkMarking(marking: string): string {
  const cleaned = cleanLine(marking);
  if (cleaned === '' || cleaned.length > 60) {
    throw new EmlInputError(
      'marking',
      'The protective marking is missing or too long: an administrator sets it in Settings (Organisation), e.g. OFFICIAL-SENSITIVE.',
    );
  }
  return cleaned;
}

function checkWhen(when: Date, field: string): Date {
  if (Number.isNaN(when.getTime())) {
    throw new EmlInputError(field, 'The meeting time is not a valid date and time.');
  }
  return when;
}

/** The closing line of every draft: what the email is and how it may travel. */
export function handlingLine(marking: string): string {
  return `This email and its attachment are ${checkMarking(marking)}. Send it only through the council's secure email.`;
}

/** "[OFFICIAL-SENSITIVE] Your referral FD-2026-000123" */
export function letterEmailSubject(marking: string, reference: string): string {
  return `[${checkMarking(marking)}] Your referral ${checkReference(reference)}`;
}

/** "Monday 23/11/2026, 14:00 GMT": the London wall time, with the zone in force that day. */
function londonStart(when: Date): string {
  const iso = when.toISOString();
  const weekday = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    timeZone: LONDON_TIME_ZONE,
  }).format(when);
  const time = londonTime(iso).slice(0, 5);
  const zone = time === iso.slice(11, 16) ? 'GMT' : 'BST';
  return `${weekday} ${formatUkDate(londonDate(iso))}, ${time} ${zone}`;
}

/**
 * "[OFFICIAL-SENSITIVE] Strategy discussion FD-2026-000123, Monday 23/11/2026, 14:00 GMT", or
 * "… Cancelled: strategy discussion …" for a cancellation, so the two never look alike in an
 * inbox.
 */
export function inviteEmailSubject(
  marking: string,
  reference: string,
  when: Date,
  options: { cancelled?: boolean } = {},
): string {
  const what =
    options.cancelled === true ? 'Cancelled: strategy discussion' : 'Strategy discussion';
  return `[${checkMarking(marking)}] ${what} ${checkReference(reference)}, ${londonStart(checkWhen(when, 'when'))}`;
}

/** The body of a referrer letter's email: the reference, where the letter is, who sent it. */
export function letterEmailText(input: {
  marking: string;
  reference: string;
  /** The organisation's name from settings, signed at the foot. */
  organisation: string;
}): string {
  const marking = checkMarking(input.marking);
  const reference = checkReference(input.reference);
  const organisation = cleanLine(input.organisation);
  return [
    marking,
    '',
    `Your referral, case reference ${reference}.`,
    '',
    'Our letter about your referral is attached. Please quote the case reference if you contact us about it.',
    ...(organisation === '' ? [] : ['', organisation]),
    '',
    handlingLine(marking),
  ].join('\n');
}

/** The body of a strategy discussion invite (or cancellation) email. */
export function inviteEmailText(input: {
  marking: string;
  reference: string;
  start: Date;
  end: Date;
  cancelled: boolean;
}): string {
  const marking = checkMarking(input.marking);
  const reference = checkReference(input.reference);
  const span = describeLondonSpan(checkWhen(input.start, 'start'), checkWhen(input.end, 'end'));
  return [
    marking,
    '',
    input.cancelled
      ? `The strategy discussion for case reference ${reference} has been cancelled.`
      : `You are invited to a strategy discussion, case reference ${reference}.`,
    `When: ${span}`,
    '',
    input.cancelled
      ? 'The cancellation is attached: open it to remove the meeting from your calendar.'
      : 'The invitation is attached: open it to add the meeting to your calendar and reply.',
    '',
    'The family is not named in this email. Do not add names of the child or family when forwarding or replying.',
    '',
    handlingLine(marking),
  ].join('\n');
}
