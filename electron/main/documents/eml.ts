// Email drafts (.eml) for the council's secure email (issue 13, "Email drafts (.eml)";
// architecture §2 "Mail drafts"). Pure: the message's parts in, the RFC 5322 bytes out. The app
// never sends mail itself: the worker opens the draft in Outlook, checks it and sends it through
// the council's secure email, so what leaves is what a person saw.
//
// - `X-Unsent: 1` makes Outlook open the file as an unsent message, ready to send, rather than as
//   a received one (Outlook maps it to the mfUnsent flag of PidTagMessageFlags in [MS-OXCMSG]:
//   "still being composed and is treated as a Draft Message object").
// - A calendar attachment (`method` set) goes twice, as nodemailer's icalEvent option does
//   (nodemailer.com/message/calendar-events): a `text/calendar; method=…` alternative beside the
//   text, which Outlook reads as the invitation, and the same bytes as a named `.ics` attachment
//   for other clients. Unlike icalEvent, the attachment is labelled text/calendar with the method
//   (not application/ics), as RFC 6047 §2.4 describes an iMIP part.
// - Every name, address, subject and file name is checked or cleaned first (eml-check.ts).
import MailComposer from 'nodemailer/lib/mail-composer';
import {
  calendarMethod,
  checkAddress,
  checkContentType,
  checkFileName,
  cleanBody,
  cleanLine,
  cleanName,
  EmlInputError,
  whoIs,
} from './eml-check';

export { EmlInputError } from './eml-check';
export {
  handlingLine,
  inviteEmailSubject,
  inviteEmailText,
  letterEmailSubject,
  letterEmailText,
} from './eml-text';

export type EmlAddress = { name: string; address: string };

export type EmlAttachment = {
  /** As the recipient will see and save it, e.g. "FD-2026-000123 letter.pdf". */
  fileName: string;
  /** type/subtype only, e.g. application/pdf or text/calendar. */
  contentType: string;
  /** The exact bytes kept as the document: they travel unchanged (base64). */
  content: Uint8Array;
  /** An iCalendar invitation or cancellation: must match the file's own METHOD. */
  method?: 'REQUEST' | 'CANCEL';
};

export type EmlDraftInput = {
  /** The team mailbox (app users have no mailbox of their own). */
  from: EmlAddress;
  to: EmlAddress[];
  subject: string;
  /** Plain text; line breaks kept. */
  text: string;
  attachments: EmlAttachment[];
  /** When the draft was made (the Date header). */
  date: Date;
};

const MAX_RECIPIENTS = 100;
const SUBJECT_MAX = 250;

type CleanAddress = { name: string; address: string };

function checkParty(a: EmlAddress, field: string, fallback: string): CleanAddress {
  const name = cleanName(a.name, `${field}.name`);
  return { name, address: checkAddress(a.address, `${field}.address`, whoIs(name, fallback)) };
}

type Part = { fileName: string; contentType: string; content: Buffer; method: string | null };

function checkAttachments(attachments: readonly EmlAttachment[]): Part[] {
  let calendars = 0;
  return attachments.map((a, i) => {
    const field = `attachments.${String(i)}`;
    const fileName = checkFileName(a.fileName, `${field}.fileName`);
    const type = checkContentType(a.contentType, `${field}.contentType`);
    if (a.content.byteLength === 0) {
      throw new EmlInputError(`${field}.content`, `The attachment ${fileName} is empty.`);
    }
    if (a.method === undefined) {
      return { fileName, contentType: type, content: Buffer.from(a.content), method: null };
    }
    if (type !== 'text/calendar') {
      throw new EmlInputError(
        `${field}.method`,
        `Only a calendar file (text/calendar) can be an invitation; ${fileName} is ${type}.`,
      );
    }
    const own = calendarMethod(a.content);
    if (own !== a.method) {
      throw new EmlInputError(
        `${field}.method`,
        `The calendar file ${fileName} says METHOD:${own ?? '(none)'}, not ${a.method}: make the file again.`,
      );
    }
    calendars += 1;
    // One message, one invitation: Outlook reads a single text/calendar alternative.
    if (calendars > 1) {
      throw new EmlInputError(
        `${field}.method`,
        'An email can carry one invitation: send each meeting in its own email.',
      );
    }
    return {
      fileName,
      contentType: `text/calendar; charset=utf-8; method=${a.method}`,
      content: Buffer.from(a.content),
      method: a.method,
    };
  });
}

/** The draft as RFC 5322 bytes (CRLF line ends), for keeping as a document and saving as .eml. */
export async function buildEmlDraft(input: EmlDraftInput): Promise<Uint8Array> {
  const from = checkParty(input.from, 'from', 'the sender');
  if (input.to.length === 0) throw new EmlInputError('to', 'Add at least one recipient.');
  if (input.to.length > MAX_RECIPIENTS) {
    throw new EmlInputError(
      'to',
      `An email draft can have at most ${String(MAX_RECIPIENTS)} recipients (there are ${String(input.to.length)}).`,
    );
  }
  const to = input.to.map((r, i) => checkParty(r, `to.${String(i)}`, `recipient ${String(i + 1)}`));
  const subject = cleanLine(input.subject);
  if (subject === '' || subject.length > SUBJECT_MAX) {
    throw new EmlInputError(
      'subject',
      `The subject must be 1 to ${String(SUBJECT_MAX)} characters (it has ${String(subject.length)}).`,
    );
  }
  if (Number.isNaN(input.date.getTime())) {
    throw new EmlInputError('date', 'The date of the draft is not a valid date and time.');
  }
  const parts = checkAttachments(input.attachments);
  const calendar = parts.find((p) => p.method !== null);

  const composer = new MailComposer({
    from,
    to,
    subject,
    date: input.date,
    text: cleanBody(input.text),
    alternatives: calendar
      ? [
          {
            contentType: calendar.contentType,
            content: calendar.content,
            contentTransferEncoding: 'base64',
          },
        ]
      : [],
    attachments: parts.map((p) => ({
      filename: p.fileName,
      contentType: p.contentType,
      content: p.content,
      contentDisposition: 'attachment',
      contentTransferEncoding: 'base64',
    })),
    headers: { 'X-Unsent': '1' },
    // Nothing is fetched or read from disk: every part is the bytes given here.
    disableFileAccess: true,
    disableUrlAccess: true,
    // RFC 5322 §2.1: lines end in CRLF.
    newline: 'windows',
  });
  const bytes = await composer.compile().build();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
