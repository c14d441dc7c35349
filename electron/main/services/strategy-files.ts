// The strategy discussion's documents: its calendar invite (a cancellation once cancelled), a
// week's invites in one file, and its minutes as a PDF. Each is made from the record as it is
// now, kept exactly as made (services/documents.ts) and handed over through the files port.
// Minutes already made for a version that can no longer change (finalised) are handed over
// again from the kept bytes, so what was circulated is what is downloaded.
import { addDays } from 'date-fns';
import { londonInstant } from '../../../shared/calendar/london-instant';
import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import type { InviteMeeting } from '../documents/invite-ics';
import { InviteInputError } from '../documents/invite-text';
import { EmlInputError } from '../documents/eml-check';
import { documentFileName } from '../documents/file-name';
import { loadEmlBuilder, loadInviteBuilder, loadMinutesPdf } from '../documents/lazy';
import type { MinutesView } from '../documents/minutes-view';
import { NotFoundError, ValidationError } from '../store/errors';
import { listDocuments } from '../store/repositories/documents';
import { discussionIdsStarting } from '../store/repositories/strategy-week';
import { type ServiceContext, type ServiceDeps, nowIso, policyContext } from './context';
import { createDocumentService, type NewDocument } from './documents';
import { inviteMeetingFor, minutesViewFor, withheldNamesFor } from './strategy-documents';
import { inviteEmailFor } from './strategy-invite-email';
import { loadDiscussion, strategyHelpers } from './strategy-load';

export type WeekInvitesDownload = DocumentDownloadRecord & {
  /** Case references left out, each with why (cancelled, or nobody to invite by email). */
  leftOut: { reference: string; why: string }[];
};

export type InviteEmailDownload = DocumentDownloadRecord & {
  recipients: number;
  notIncluded: { name: string; agency: string }[];
};

export type StrategyFilesService = {
  invite(
    ctx: ServiceContext,
    input: ChannelParsed<'strategy:invite'>,
  ): Promise<DocumentDownloadRecord>;
  inviteEmail(
    ctx: ServiceContext,
    input: ChannelParsed<'strategy:invite-email'>,
  ): Promise<InviteEmailDownload>;
  weekInvites(
    ctx: ServiceContext,
    input: ChannelParsed<'strategy:week-invites'>,
  ): Promise<WeekInvitesDownload>;
  minutesPdf(
    ctx: ServiceContext,
    input: ChannelParsed<'strategy:minutes-pdf'>,
  ): Promise<DocumentDownloadRecord>;
};

type MinutesToHand =
  | { kind: 'kept'; id: string }
  | { kind: 'new'; view: MinutesView; marking: string; doc: Omit<NewDocument, 'bytes'> };

/** A builder's refusal, said beside the whole form: nothing is kept or handed over. */
function refused(error: unknown): never {
  if (error instanceof InviteInputError || error instanceof EmlInputError)
    throw new ValidationError({ _form: error.message }, error.message);
  throw error;
}

/**
 * Invites come from the team mailbox (app users have no mailbox of their own): until an
 * administrator has set it, say so plainly rather than making an invite nobody can reply to.
 */
function requireTeamMailbox(organisation: { email: string }): void {
  if (organisation.email.trim() === '') {
    const message =
      "Invites are sent from the team mailbox, and none is set. Ask an administrator to add the team's email address in Settings (Organisation).";
    throw new ValidationError({ _form: message }, message);
  }
}

/** Monday of the week holding `date` (ISO), and the Monday after. */
function weekOf(date: string): { monday: string; next: string } {
  const d = new Date(`${date}T12:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  const monday = addDays(d, -back).toISOString().slice(0, 10);
  return {
    monday,
    next: addDays(new Date(`${monday}T12:00:00Z`), 7)
      .toISOString()
      .slice(0, 10),
  };
}

export function createStrategyFilesService(deps: ServiceDeps): StrategyFilesService {
  const { store, clock } = deps;
  const documents = createDocumentService(deps);
  const { may } = strategyHelpers(deps);

  return {
    async invite(ctx, { id }) {
      may(ctx, 'strategy:invite', 'download strategy discussion invites');
      const { buildInviteIcs, inviteFileName } = await loadInviteBuilder();
      const at = nowIso(clock);
      const made = await store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        requireTeamMailbox(pc.settings.organisation);
        const { record, referral } = await loadDiscussion(trx, pc, deps, id);
        const cancelled = record.status === 'cancelled';
        let ics: string;
        try {
          ics = buildInviteIcs(inviteMeetingFor(record, pc.settings.organisation, at), {
            withheldNames: withheldNamesFor(record, referral),
          });
        } catch (error) {
          refused(error);
        }
        const doc: NewDocument = {
          kind: 'invite',
          subject: { type: 'strategy-discussion', id, version: record.version },
          title: `Strategy discussion ${String(record.sequence)} ${cancelled ? 'cancellation' : 'invite'} ${record.referralReference} (SEQUENCE ${String(record.icsSequence)})`,
          fileName: inviteFileName(record.referralReference, {
            discussionNumber: record.sequence,
            cancelled,
          }),
          mime: 'text/calendar; charset=utf-8; method=' + (cancelled ? 'CANCEL' : 'REQUEST'),
          bytes: new TextEncoder().encode(ics),
        };
        return doc;
      });
      return documents.keepAndOffer(ctx, made);
    },

    async inviteEmail(ctx, { id }) {
      may(ctx, 'strategy:invite-email', 'save strategy discussion invite emails');
      const { buildInviteIcs, inviteFileName } = await loadInviteBuilder();
      const { buildEmlDraft } = await loadEmlBuilder();
      const at = nowIso(clock);
      const made = await store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        requireTeamMailbox(pc.settings.organisation);
        const { record, referral } = await loadDiscussion(trx, pc, deps, id);
        const meeting = inviteMeetingFor(record, pc.settings.organisation, at);
        if (meeting.attendees.length === 0) {
          const message =
            'Nobody invited has an email address, so there is no one to email. Add an email address for an invitee, or download the invite (.ics) and send it another way.';
          throw new ValidationError({ _form: message }, message);
        }
        try {
          const ics = buildInviteIcs(meeting, {
            withheldNames: withheldNamesFor(record, referral),
          });
          const fileName = inviteFileName(record.referralReference, {
            discussionNumber: record.sequence,
            cancelled: meeting.status === 'cancelled',
          });
          const draft = inviteEmailFor(
            record,
            pc.settings.organisation,
            { meeting, ics, fileName },
            at,
          );
          return { record, draft };
        } catch (error) {
          refused(error);
        }
      });
      // Composed after the read, outside the transaction, as the minutes PDF is.
      let bytes: Uint8Array;
      try {
        bytes = await buildEmlDraft(made.draft.eml);
      } catch (error) {
        refused(error);
      }
      const out = await documents.keepAndOffer(ctx, {
        kind: 'email-draft',
        subject: { type: 'strategy-discussion', id, version: made.record.version },
        title: made.draft.title,
        fileName: made.draft.fileName,
        mime: 'message/rfc822',
        bytes,
      });
      return {
        ...out,
        recipients: made.draft.eml.to.length,
        notIncluded: made.draft.notIncluded,
      };
    },

    async weekInvites(ctx, input) {
      may(ctx, 'strategy:week-invites', 'download strategy discussion invites');
      const { buildInviteIcs, buildInviteBatchIcs, inviteBatchFileName, splitInviteBatch } =
        await loadInviteBuilder();
      const at = nowIso(clock);
      const { monday, next } = weekOf(input.weekOf);
      const made = await store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        requireTeamMailbox(pc.settings.organisation);
        // Midnight always exists once in London (the clocks change at 01:00 and 02:00).
        const start = londonInstant(monday, '00:00');
        const end = londonInstant(next, '00:00');
        if (start.kind !== 'ok' || end.kind !== 'ok') throw new Error('Midnight is a London time');
        const [from, to] = [start.instant, end.instant];
        const ids = await discussionIdsStarting(trx, from, to);
        const meetings: InviteMeeting[] = [];
        const leftOut: WeekInvitesDownload['leftOut'] = [];
        for (const id of ids) {
          const { record, referral } = await loadDiscussion(trx, pc, deps, id);
          const meeting = inviteMeetingFor(record, pc.settings.organisation, at);
          if (meeting.attendees.length === 0) {
            leftOut.push({
              reference: record.referralReference,
              why: 'nobody invited has an email address',
            });
            continue;
          }
          try {
            // Each meeting checked on its own, so one bad meeting is named, not the whole week.
            buildInviteIcs(meeting, { withheldNames: withheldNamesFor(record, referral) });
            meetings.push(meeting);
          } catch (error) {
            if (!(error instanceof InviteInputError)) throw error;
            leftOut.push({ reference: record.referralReference, why: error.message });
          }
        }
        const split = splitInviteBatch(meetings);
        for (const m of split.leftOut)
          leftOut.push({
            reference: m.reference,
            why: 'cancelled (its cancellation has its own file)',
          });
        if (split.included.length === 0) {
          throw new ValidationError(
            { weekOf: 'There are no strategy discussions to invite to in that week.' },
            'There are no strategy discussions to invite to in that week.',
          );
        }
        const doc: NewDocument = {
          kind: 'invite-batch',
          // The batch belongs to no one discussion: it is kept against the first of the week.
          subject: { type: 'strategy-discussion', id: ids[0] ?? '', version: 1 },
          title: `Strategy discussion invites for the week of ${monday} (${String(split.included.length)})`,
          fileName: inviteBatchFileName(monday),
          mime: 'text/calendar; charset=utf-8; method=REQUEST',
          bytes: new TextEncoder().encode(buildInviteBatchIcs(split.included)),
        };
        return { doc, leftOut };
      });
      const out = await documents.keepAndOffer(ctx, made.doc);
      return { ...out, leftOut: made.leftOut };
    },

    async minutesPdf(ctx, { id, number }) {
      may(ctx, 'strategy:minutes-pdf', 'download strategy discussion minutes');
      const made = await store.transaction(async (trx): Promise<MinutesToHand> => {
        const pc = await policyContext(trx);
        const { record, referral } = await loadDiscussion(trx, pc, deps, id);
        const version =
          number === undefined
            ? record.minutes[record.minutes.length - 1]
            : record.minutes.find((m) => m.number === number);
        if (!version)
          throw new NotFoundError(
            number === undefined
              ? 'Minutes for this discussion'
              : `Version ${String(number)} of the minutes`,
          );
        const fileName = documentFileName(record.referralReference, 'minutes', {
          version: version.number,
        });
        const title = `Strategy discussion ${String(record.sequence)} minutes ${record.referralReference} v${String(version.number)}${version.status === 'finalised' ? '' : ' (draft)'}`;
        if (version.status === 'finalised') {
          // Finalised minutes never change: hand over the copy already made, if there is one.
          const kept = (await listDocuments(trx, 'strategy-discussion', id)).find(
            (d) => d.kind === 'minutes' && d.title === title,
          );
          if (kept) return { kind: 'kept', id: kept.id };
        }
        return {
          kind: 'new',
          view: minutesViewFor(record, referral, version, pc.settings.organisation),
          marking: pc.settings.organisation.marking,
          doc: {
            kind: 'minutes',
            subject: { type: 'strategy-discussion', id, version: record.version },
            title,
            fileName,
            mime: 'application/pdf',
          },
        };
      });
      if (made.kind === 'kept') return documents.download(ctx, { id: made.id });
      // Laid out after the read, outside any transaction: a second of layout holds up no save.
      const { buildMinutesPdf } = await loadMinutesPdf();
      const bytes = await buildMinutesPdf(made.view, {
        marking: made.marking,
        generatedAt: new Date(nowIso(clock)),
      });
      return documents.keepAndOffer(ctx, { ...made.doc, bytes });
    },
  };
}
