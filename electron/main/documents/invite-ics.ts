// Calendar invites for strategy discussions (issue 12, "Calendar invites (.ics)"; architecture §2
// "Calendar"). Pure: a view model in, the exact file text out — no database, no Electron. The
// strategy-discussion service maps its records to InviteMeeting and stores the bytes it gets back.
//
// What Outlook needs to treat a file as an invitation: METHOD:REQUEST with ORGANIZER and ATTENDEE;
// a cancellation needs METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE
// (RFC 5546 §3.2.2, §3.2.5). Times are written in UTC ("Z") so no VTIMEZONE can disagree with the
// reader's zone data across the clock changes.
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventClass,
  ICalEventStatus,
  type ICalCalendar,
} from 'ical-generator';
import { checkMeeting, FORMAT_LABEL, type CleanMeeting } from './invite-check';
import {
  checkReference,
  cleanMultiline,
  describeLondonSpan,
  encodeParamText,
  InviteInputError,
} from './invite-text';

export { InviteInputError } from './invite-text';

export type InviteAttendee = {
  name: string;
  email: string;
  /** The policy's required roles (edition + local policy) are REQ-PARTICIPANT; others OPT. */
  required: boolean;
  role?: string;
  agency?: string;
};

export type InviteFormat = 'in-person' | 'video' | 'phone';

export type InviteMeeting = {
  /** Stable per meeting, e.g. `${meetingId}@front-door.local`; a cancellation reuses it. */
  uid: string;
  /** Grows on every change of time or place, and on cancellation (see nextInviteSequence). */
  sequence: number;
  status: 'scheduled' | 'cancelled';
  /** ISO instants in UTC, already converted from Europe/London by the caller. */
  start: string;
  end: string;
  /** Case reference, FD-YYYY-NNNNNN. */
  reference: string;
  /** Optional initials when the local setting allows them; otherwise never any name of the child/family. */
  childInitials?: string;
  format: InviteFormat;
  location?: string;
  joinUrl?: string;
  /** Dial-in number, meeting id, passcode: several lines allowed. */
  joinDetails?: string;
  /** The chair, or the team mailbox from settings. */
  organiser: { name: string; email: string };
  attendees: InviteAttendee[];
  /** Protective marking from settings, e.g. 'OFFICIAL-SENSITIVE' (domain §6). */
  marking: string;
  /** Minutes before the start; default 15. */
  reminderMinutes?: number;
  /** When this version of the invite was made (DTSTAMP). */
  createdAt: string;
};

export type InviteOptions = {
  /**
   * Names of the child and family that must not appear in free text (location, joining details).
   * Used only for this check; never written.
   */
  withheldNames?: readonly string[];
};

function summaryOf(m: CleanMeeting): string {
  const who = m.initials === null ? '' : ` (${m.initials})`;
  return `[${m.marking}] ${m.cancelled ? 'Cancelled: ' : ''}Strategy discussion ${m.reference}${who}`;
}

function locationOf(m: CleanMeeting): string {
  if (m.location !== null) return m.location;
  // Outlook shows LOCATION in the calendar grid: say how to join when there is no room.
  return m.format === 'video'
    ? 'Video call (joining link in the invitation)'
    : 'Phone call (dial-in details in the invitation)';
}

function descriptionOf(m: CleanMeeting): string {
  const lines = [
    m.marking,
    m.cancelled
      ? `This strategy discussion has been cancelled. Case reference ${m.reference}.`
      : `Strategy discussion, case reference ${m.reference}.`,
  ];
  if (m.initials !== null) lines.push(`Child: ${m.initials}`);
  lines.push(`When: ${describeLondonSpan(m.start, m.end)}`, `Format: ${FORMAT_LABEL[m.format]}`);
  if (m.location !== null) lines.push(`Location: ${m.location}`);
  if (m.joinUrl !== null) lines.push(`Join: ${m.joinUrl}`);
  if (m.joinDetails !== null) lines.push('Joining details:', m.joinDetails);
  lines.push(`Organiser: ${m.organiser.name} <${m.organiser.email}>`, 'Invited:');
  for (const a of m.attendees) {
    const roles = a.roles.length > 0 ? `, ${a.roles.join('; ')}` : '';
    lines.push(`- ${a.name}${roles} (${a.required ? 'required' : 'optional'})`);
  }
  lines.push(
    'The family is not named in this invitation. Do not add names of the child or family when forwarding or replying.',
    m.marking,
  );
  return lines.join('\n');
}

function newCalendar(method: ICalCalendarMethod): ICalCalendar {
  return ical({
    prodId: { company: 'Front Door', product: 'Strategy discussions', language: 'EN' },
    method,
  });
}

function addEvent(cal: ICalCalendar, m: CleanMeeting): void {
  const event = cal.createEvent({
    id: m.uid,
    sequence: m.sequence,
    stamp: m.stamp,
    start: m.start,
    end: m.end,
    summary: summaryOf(m),
    description: descriptionOf(m),
    location: locationOf(m),
    // RFC 5545 §3.8.1.3: CONFIDENTIAL asks shared calendars to hide the details from others.
    class: ICalEventClass.CONFIDENTIAL,
    status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: encodeParamText(m.organiser.name), email: m.organiser.email },
  });
  // ical-generator escapes `, ;` in URL (a TEXT rule, wrong for a URI); such a link stays in the
  // description only.
  if (m.joinUrl !== null && !/[,;]/.test(m.joinUrl)) event.url(m.joinUrl);
  for (const a of m.attendees) {
    event.createAttendee({
      name: encodeParamText(a.name),
      email: a.email,
      role: a.required ? ICalAttendeeRole.REQ : ICalAttendeeRole.OPT,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: true,
    });
  }
  // A cancelled meeting needs no reminder.
  if (!m.cancelled) {
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: m.reminderMinutes * 60,
      description: `Reminder: strategy discussion ${m.reference}`,
    });
  }
}

// RFC 5545 §3.1: every content line, the last included, ends with CRLF. ical-generator leaves
// the final END:VCALENDAR without one and folds at 75 octets on whole code points.
function finish(cal: ICalCalendar): string {
  return `${cal.toString()}\r\n`;
}

/** The invitation (METHOD:REQUEST) or, for a cancelled meeting, the cancellation (METHOD:CANCEL). */
export function buildInviteIcs(meeting: InviteMeeting, options: InviteOptions = {}): string {
  const m = checkMeeting(meeting, options);
  const cal = newCalendar(m.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  addEvent(cal, m);
  return finish(cal);
}

/** Meetings a batch file will carry, and the cancelled ones it leaves out (to tell the user). */
export function splitInviteBatch(meetings: readonly InviteMeeting[]): {
  included: InviteMeeting[];
  leftOut: InviteMeeting[];
} {
  return {
    included: meetings.filter((m) => m.status === 'scheduled'),
    leftOut: meetings.filter((m) => m.status !== 'scheduled'),
  };
}

/**
 * All of this week's meetings in one file: one VCALENDAR, METHOD:REQUEST, a VEVENT per scheduled
 * meeting. Cancelled meetings are left out (a REQUEST cannot carry a cancellation; each has its own
 * METHOD:CANCEL file), see splitInviteBatch.
 */
export function buildInviteBatchIcs(
  meetings: readonly InviteMeeting[],
  options: InviteOptions = {},
): string {
  const { included } = splitInviteBatch(meetings);
  if (included.length === 0) {
    throw new InviteInputError('meetings', 'There are no scheduled meetings to put in the file.');
  }
  const uids = new Set<string>();
  const cal = newCalendar(ICalCalendarMethod.REQUEST);
  for (const meeting of included) {
    const m = checkMeeting(meeting, options);
    if (uids.has(m.uid)) {
      throw new InviteInputError('meetings', `Meeting ${m.reference} appears twice in the batch.`);
    }
    uids.add(m.uid);
    addEvent(cal, m);
  }
  return finish(cal);
}

/**
 * File name from the case reference only (domain §6: never a child's name in a default file
 * name). A referral may have several discussions: the number keeps their files apart.
 */
export function inviteFileName(
  reference: string,
  options: { discussionNumber?: number; cancelled?: boolean } = {},
): string {
  const ref = checkReference(reference);
  const n = options.discussionNumber;
  if (n !== undefined && (!Number.isSafeInteger(n) || n < 1)) {
    throw new InviteInputError('discussionNumber', 'The discussion number must be 1 or more.');
  }
  const number = n !== undefined && n > 1 ? `-${n}` : '';
  return `${ref}-strategy-discussion${number}${options.cancelled ? '-cancelled' : ''}.ics`;
}

/** The batch file's name from the Monday (ISO date) of the week it covers. */
export function inviteBatchFileName(weekStart: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(weekStart)) {
    throw new InviteInputError('weekStart', 'The week must start on an ISO date, e.g. 2026-03-23.');
  }
  return `strategy-discussions-week-of-${weekStart}.ics`;
}

export type InviteSnapshot = Pick<
  InviteMeeting,
  'start' | 'end' | 'format' | 'location' | 'joinUrl' | 'joinDetails' | 'status'
>;

/**
 * SEQUENCE for the next version of an invite (issue 12; RFC 5545 §3.8.7.4): 0 for the first,
 * one more than before when the time or place changes or the meeting is cancelled, unchanged
 * otherwise (a new invitee gets the same version of the meeting).
 */
export function nextInviteSequence(
  previous: (InviteSnapshot & { sequence: number }) | null,
  next: InviteSnapshot,
): number {
  if (previous === null) return 0;
  const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);
  const text = (s: string | undefined): string => (s === undefined ? '' : cleanMultiline(s));
  const changed =
    !sameInstant(previous.start, next.start) ||
    !sameInstant(previous.end, next.end) ||
    previous.format !== next.format ||
    text(previous.location) !== text(next.location) ||
    text(previous.joinUrl) !== text(next.joinUrl) ||
    text(previous.joinDetails) !== text(next.joinDetails) ||
    previous.status !== next.status;
  return changed ? previous.sequence + 1 : previous.sequence;
}
