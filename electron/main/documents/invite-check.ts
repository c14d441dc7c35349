// Checks and cleans an InviteMeeting before anything is written (issue 12: "Validate input ...
// throw a clear Error naming the problem"). Every value that reaches ical-generator has passed
// through here, so the builder in invite-ics.ts never sees raw input.
import type { InviteAttendee, InviteFormat, InviteMeeting, InviteOptions } from './invite-ics';
import {
  checkEmail,
  checkInitials,
  checkInstant,
  checkJoinUrl,
  checkReference,
  checkUid,
  checkWithheldNames,
  cleanMultiline,
  InviteInputError,
  optionalLine,
  requiredLine,
} from './invite-text';

const DEFAULT_REMINDER_MINUTES = 15;
// A strategy discussion is a meeting, not a day: a longer span is almost always a wrong date.
const MAX_MEETING_HOURS = 12;
export const FORMAT_LABEL: Record<InviteFormat, string> = {
  'in-person': 'In person',
  video: 'Video call',
  phone: 'Phone call',
};

export type CleanAttendee = {
  name: string;
  email: string;
  required: boolean;
  roles: string[];
};

export type CleanMeeting = {
  uid: string;
  sequence: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  stamp: Date;
  reference: string;
  initials: string | null;
  format: InviteFormat;
  location: string | null;
  joinUrl: string | null;
  joinDetails: string | null;
  organiser: { name: string; email: string };
  attendees: CleanAttendee[];
  marking: string;
  reminderMinutes: number;
};

export function checkMeeting(meeting: InviteMeeting, options: InviteOptions): CleanMeeting {
  const uid = checkUid(meeting.uid);
  if (!Number.isSafeInteger(meeting.sequence) || meeting.sequence < 0) {
    throw new InviteInputError(
      'sequence',
      'The invite sequence must be a whole number, 0 or more.',
    );
  }
  // The record may come from an older database or a bad mapping: check at run time too.
  if (!(['scheduled', 'cancelled'] as string[]).includes(meeting.status)) {
    throw new InviteInputError('status', 'The meeting status must be scheduled or cancelled.');
  }
  if (!Object.hasOwn(FORMAT_LABEL, meeting.format)) {
    throw new InviteInputError('format', 'The meeting format must be in person, video or phone.');
  }
  const start = checkInstant(meeting.start, 'start', 'start time');
  const end = checkInstant(meeting.end, 'end', 'end time');
  if (end.getTime() <= start.getTime()) {
    throw new InviteInputError('end', 'The meeting must end after it starts.');
  }
  if (end.getTime() - start.getTime() > MAX_MEETING_HOURS * 3_600_000) {
    throw new InviteInputError(
      'end',
      `The meeting lasts more than ${MAX_MEETING_HOURS} hours: check the end date and time.`,
    );
  }
  const stamp = checkInstant(meeting.createdAt, 'createdAt', 'time the invite was made');
  const reminder = meeting.reminderMinutes ?? DEFAULT_REMINDER_MINUTES;
  if (!Number.isSafeInteger(reminder) || reminder < 0 || reminder > 10_080) {
    throw new InviteInputError(
      'reminderMinutes',
      'The reminder must be a whole number of minutes from 0 to 10080 (one week).',
    );
  }

  const location = optionalLine(meeting.location, 'location', 'the location', 500);
  const joinUrl = checkJoinUrl(meeting.joinUrl);
  const joinDetailsRaw = typeof meeting.joinDetails === 'string' ? meeting.joinDetails : '';
  const joinDetails = cleanMultiline(joinDetailsRaw) === '' ? null : cleanMultiline(joinDetailsRaw);
  if (joinDetails !== null && joinDetails.length > 2000) {
    throw new InviteInputError(
      'joinDetails',
      'The joining details are too long: at most 2000 characters.',
    );
  }
  if (meeting.format === 'in-person' && location === null) {
    throw new InviteInputError('location', 'Enter where the meeting is held.');
  }
  if (meeting.format === 'video' && joinUrl === null) {
    throw new InviteInputError('joinUrl', 'Enter the joining link for the video call.');
  }
  if (meeting.format === 'phone' && joinDetails === null) {
    throw new InviteInputError(
      'joinDetails',
      'Enter the dial-in number or how people join the call.',
    );
  }

  const withheld = options.withheldNames ?? [];
  checkWithheldNames(location, 'location', 'location', withheld);
  checkWithheldNames(joinDetails, 'joinDetails', 'joining details', withheld);
  checkWithheldNames(joinUrl, 'joinUrl', 'joining link', withheld);
  const initials = checkInitials(meeting.childInitials);

  return {
    uid,
    sequence: meeting.sequence,
    cancelled: meeting.status === 'cancelled',
    start,
    end,
    stamp,
    reference: checkReference(meeting.reference),
    initials,
    format: meeting.format,
    location,
    joinUrl,
    joinDetails,
    organiser: {
      name: requiredLine(meeting.organiser.name, 'organiser.name', "the organiser's name", 200),
      email: checkEmail(meeting.organiser.email, 'organiser.email', 'the organiser'),
    },
    attendees: checkAttendees(meeting.attendees),
    marking: requiredLine(meeting.marking, 'marking', 'the protective marking', 100),
    reminderMinutes: reminder,
  };
}

/** One ATTENDEE per address (RFC 5545 §3.8.4.1): a shared mailbox invited for two roles is merged. */
function checkAttendees(attendees: readonly InviteAttendee[]): CleanAttendee[] {
  if (attendees.length === 0) {
    throw new InviteInputError('attendees', 'Add at least one invitee.');
  }
  const byEmail = new Map<string, CleanAttendee>();
  attendees.forEach((a, i) => {
    const who = `invitee ${i + 1}`;
    const name = requiredLine(a.name, `attendees.${i}.name`, `the name of ${who}`, 200);
    const email = checkEmail(a.email, `attendees.${i}.email`, `${name} (${who})`);
    const role = optionalLine(a.role, `attendees.${i}.role`, `the role of ${who}`, 200);
    const agency = optionalLine(a.agency, `attendees.${i}.agency`, `the agency of ${who}`, 200);
    const described = [role, agency].filter((s): s is string => s !== null).join(', ');
    const key = email.toLowerCase();
    const seen = byEmail.get(key);
    if (seen) {
      seen.required ||= a.required;
      if (described !== '' && !seen.roles.includes(described)) seen.roles.push(described);
    } else {
      byEmail.set(key, { name, email, required: a.required, roles: described ? [described] : [] });
    }
  });
  return [...byEmail.values()];
}
