// A strategy discussion's invite as an email draft (issue 13, "Email drafts (.eml)"): one
// message to every invitee with an email address, the calendar file attached (a cancellation
// once cancelled). Pure mapping over a record already loaded and an invite already made, so the
// strategy files service can build, keep and offer it (services/strategy-files.ts).
import type { EmlDraftInput } from '../documents/eml';
import { inviteEmailSubject, inviteEmailText } from '../documents/eml-text';
import type { InviteMeeting } from '../documents/invite-ics';
import type { OrganisationDetails } from '../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';

export type InviteEmailDraft = {
  eml: EmlDraftInput;
  /** Invitees with no email address: the screen lists them as not included. */
  notIncluded: { name: string; agency: string }[];
  fileName: string;
  /** For the documents list and the audit: the case reference, never a child's name. */
  title: string;
};

/**
 * The draft for one discussion. Its recipients are exactly the invite's attendees (the same
 * filter, inviteMeetingFor), so the email and the calendar file never disagree about who is
 * invited. It comes from the team mailbox: users have no mailbox of their own here, and the
 * invite's ORGANIZER is that mailbox, so replies reach the team.
 */
export function inviteEmailFor(
  record: StrategyDiscussionRecord,
  organisation: OrganisationDetails,
  invite: { meeting: InviteMeeting; ics: string; fileName: string },
  at: string,
): InviteEmailDraft {
  const cancelled = invite.meeting.status === 'cancelled';
  const start = new Date(record.startsAt);
  const reference = record.referralReference;
  const to = invite.meeting.attendees.map((a) => ({ name: a.name, address: a.email }));
  const notIncluded = record.invitees
    .filter((i) => i.email === null || i.email.trim() === '')
    .map((i) => ({ name: i.name, agency: i.agency }));
  return {
    eml: {
      from: { name: organisation.name, address: organisation.email },
      to,
      subject: inviteEmailSubject(organisation.marking, reference, start, { cancelled }),
      text: inviteEmailText({
        marking: organisation.marking,
        reference,
        start,
        end: new Date(record.endsAt),
        cancelled,
      }),
      attachments: [
        {
          fileName: invite.fileName,
          contentType: 'text/calendar',
          content: new TextEncoder().encode(invite.ics),
          method: cancelled ? 'CANCEL' : 'REQUEST',
        },
      ],
      date: new Date(at),
    },
    notIncluded,
    fileName: invite.fileName.replace(/\.ics$/, '.eml'),
    title: `Strategy discussion ${String(record.sequence)} ${cancelled ? 'cancellation' : 'invite'} email draft ${reference} (SEQUENCE ${String(record.icsSequence)}, ${String(to.length)} ${to.length === 1 ? 'recipient' : 'recipients'})`,
  };
}
