// Referrer letters: which apply, their wording, finalising (one or a batch with progress that
// can be cancelled), handing them over (PDF, email draft), and recording each send. Domain:
// WT 2018 ch.1 para 60 / WT 2023 ch.2 (tell the referrer the outcome; telephone first, then the
// letter; record the date and method of each).
import { formatUkDate } from '../../../shared/validation/formats';
import { londonDate } from '../../../shared/calendar/clocks';
import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import {
  SEND_METHOD_LABELS,
  type BatchResult,
  type LetterPreview,
  type LetterRecord,
  type ReferralLetters,
  type WorkQueuePage,
} from '../../../shared/domain/letters';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { LETTER_KIND_LABELS, type LetterKind } from '../../../shared/letters/types';
import { EmlInputError } from '../documents/eml-check';
import { documentFileName } from '../documents/file-name';
import { loadEmlBuilder } from '../documents/lazy';
import { appendAudit } from '../store/audit';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../store/errors';
import { fromJson } from '../store/repositories/common';
import { getDocument } from '../store/repositories/documents';
import { getLetterRow, markLetterSent, setLetterEmailDraft } from '../store/repositories/letters';
import { addChronology } from '../store/repositories/referrals';
import { getReferralRow } from '../store/repositories/referral-read';
import {
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  policyContext,
  requireCall,
  todayLondon,
} from './context';
import { createDocumentService, keepDocument } from './documents';
import { eligibilityFor, finaliseLetter, letterPreview, letterSituation } from './letters-make';
import type { ReferrerInput } from '../../../shared/validation/referrer';
import { workQueue } from './letters-queue';
import { letterRecordsOf } from './letters-records';

export type LetterService = {
  queue(ctx: ServiceContext, input: ChannelParsed<'letters:queue'>): Promise<WorkQueuePage>;
  forReferral(
    ctx: ServiceContext,
    input: ChannelParsed<'letters:for-referral'>,
  ): Promise<ReferralLetters>;
  preview(ctx: ServiceContext, input: ChannelParsed<'letters:preview'>): Promise<LetterPreview>;
  finalise(ctx: ServiceContext, input: ChannelParsed<'letters:finalise'>): Promise<LetterRecord>;
  generate(
    ctx: ServiceContext,
    input: ChannelParsed<'letters:generate'>,
  ): Promise<{ results: BatchResult[]; cancelled: boolean }>;
  cancel(ctx: ServiceContext, input: ChannelParsed<'letters:cancel'>): { cancelled: boolean };
  download(
    ctx: ServiceContext,
    input: ChannelParsed<'letters:download'>,
  ): Promise<DocumentDownloadRecord>;
  emailDraft(
    ctx: ServiceContext,
    input: ChannelParsed<'letters:email-draft'>,
  ): Promise<DocumentDownloadRecord>;
  markSent(ctx: ServiceContext, input: ChannelParsed<'letters:mark-sent'>): Promise<LetterRecord[]>;
};

/** A refusal a user can act on, for a batch's per-letter result. */
function reasonOf(error: unknown): string {
  if (error instanceof ValidationError) {
    return Object.values(error.fieldErrors)[0] ?? error.message;
  }
  if (error instanceof AppError) return error.message;
  return 'The letter could not be made. Try it on its own from the referral page.';
}

export function createLetterService(deps: ServiceDeps): LetterService {
  const { store, clock, events } = deps;
  const documents = createDocumentService(deps);
  /** Batches running now, by task id: set to true to stop after the letter being made. */
  const running = new Map<string, { cancel: boolean; userId: string }>();

  async function loadLetter(letterId: string) {
    const row = await getLetterRow(store.db, letterId);
    if (!row) throw new NotFoundError('The letter');
    const referral = await getReferralRow(store.db, row.referral_id);
    if (!referral) throw new NotFoundError('The referral');
    return { row, reference: referral.reference, referrerJson: referral.referrer };
  }

  return {
    async queue(ctx, input) {
      requireCall(ctx, 'letters:queue', 'see the letters and invites to send');
      const pc = await policyContext(store.db);
      return workQueue(store.db, pc, clock.now(), input);
    },

    async forReferral(ctx, { referralId }) {
      requireCall(ctx, 'letters:for-referral', 'see the letters to a referrer');
      const pc = await policyContext(store.db);
      const situation = await letterSituation(store.db, pc, deps, referralId, 'outcome');
      const letters = await letterRecordsOf(store.db, referralId, situation.referral.reference);
      const today = todayLondon(clock);
      const told = letters
        .filter((l) => l.sent !== null)
        .sort((a, b) => (a.sent?.at ?? '').localeCompare(b.sent?.at ?? ''))
        .at(-1);
      // The outcome letter's rules are the stricter (the family may not be told the outcome
      // yet): where they allow no letter but an acknowledgement is allowed, only that is due.
      let eligibility = situation.eligibility;
      let kinds: readonly LetterKind[] = ['acknowledgement', 'outcome'];
      if (eligibility.kind === 'none') {
        const ack = eligibilityFor(situation.referral, 'acknowledgement');
        if (ack.kind === 'letter') {
          eligibility = ack;
          kinds = ['acknowledgement'];
        } else {
          kinds = [];
        }
      }
      return {
        eligibility,
        due: situation.steps
          .filter((s) => s.state !== 'sent' && kinds.includes(s.kind))
          .map((s) => ({
            kind: s.kind,
            dueOn: s.dueOn,
            outcome: s.outcome,
            overdue: s.state === 'due' && s.dueOn < today,
          })),
        letters,
        told:
          told?.sent === undefined || told.sent === null
            ? null
            : { at: told.sent.at, method: told.sent.method, kind: told.kind },
      };
    },

    async preview(ctx, { referralId, kind }) {
      requireCall(ctx, 'letters:preview', 'prepare letters to a referrer');
      const pc = await policyContext(store.db);
      const { eligibility, content, templates } = await letterPreview(
        store.db,
        pc,
        deps,
        referralId,
        kind,
      );
      return { eligibility, content, templates };
    },

    async finalise(ctx, input) {
      requireCall(ctx, 'letters:finalise', 'make letters to a referrer');
      const at = nowIso(clock);
      return store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        return finaliseLetter(trx, pc, deps, input, { userId: ctx.user.id, at });
      });
    },

    async generate(ctx, { taskId, items }) {
      requireCall(ctx, 'letters:generate', 'make letters to referrers');
      if (running.has(taskId)) throw new ConflictError('That batch of letters is already running');
      const task = { cancel: false, userId: ctx.user.id };
      // The same letter selected twice is made once.
      const unique = items.filter(
        (it, i) =>
          items.findIndex((o) => o.kind === it.kind && o.referralId === it.referralId) === i,
      );
      running.set(taskId, task);
      const label = 'Making letters';
      const results: BatchResult[] = [];
      const progress = (state: 'running' | 'finished' | 'cancelled'): void => {
        events.emit('task:progress', {
          taskId,
          label,
          done: results.length,
          total: unique.length,
          state,
        });
      };
      try {
        progress('running');
        for (const item of unique) {
          if (task.cancel) break;
          const reference =
            (await getReferralRow(store.db, item.referralId))?.reference ?? item.referralId;
          const key = `${item.kind}:${item.referralId}`;
          try {
            // Each letter is its own transaction: one that fails leaves the others made.
            const letter = await store.transaction(async (trx) => {
              const pc = await policyContext(trx);
              return finaliseLetter(
                trx,
                pc,
                deps,
                { ...item, onlyIfDue: true },
                {
                  userId: ctx.user.id,
                  at: nowIso(clock),
                },
              );
            });
            results.push({ key, reference, kind: item.kind, outcome: { ok: true, letter } });
          } catch (error) {
            results.push({
              key,
              reference,
              kind: item.kind,
              outcome: { ok: false, reason: reasonOf(error) },
            });
          }
          progress('running');
        }
        progress(task.cancel ? 'cancelled' : 'finished');
        return { results, cancelled: task.cancel };
      } finally {
        running.delete(taskId);
      }
    },

    cancel(ctx, { taskId }) {
      requireCall(ctx, 'letters:cancel', 'stop making letters');
      const task = running.get(taskId);
      if (task === undefined) return { cancelled: false };
      task.cancel = true;
      return { cancelled: true };
    },

    async download(ctx, { letterId }) {
      requireCall(ctx, 'letters:download', 'save letters to referrers');
      const { row } = await loadLetter(letterId);
      if (row.document_id === null) throw new NotFoundError('The letter’s document');
      return documents.download(ctx, { id: row.document_id });
    },

    async emailDraft(ctx, { letterId }) {
      requireCall(ctx, 'letters:email-draft', 'make email drafts of letters');
      const { row, reference, referrerJson } = await loadLetter(letterId);
      const pc = await policyContext(store.db);
      const org = pc.settings.organisation;
      const referrer = fromJson(referrerJson) as ReferrerInput;
      const email = referrer.kind === 'anonymous' ? '' : (referrer.email ?? '').trim();
      if (email === '') {
        const message =
          'The referrer has no email address recorded. Send the letter by post or by hand, or add their email address to the referral.';
        throw new ValidationError({ _form: message }, message);
      }
      if (org.email.trim() === '') {
        const message =
          "Email drafts are sent from the team mailbox, and none is set. Ask an administrator to add the team's email address in Settings (Organisation).";
        throw new ValidationError({ _form: message }, message);
      }
      if (row.document_id === null) throw new NotFoundError('The letter’s document');
      const pdf = await getDocument(store.db, row.document_id);
      if (!pdf) throw new NotFoundError('The letter’s document');
      const { buildEmlDraft, letterEmailSubject, letterEmailText } = await loadEmlBuilder();
      const at = nowIso(clock);
      let bytes: Uint8Array;
      try {
        bytes = await buildEmlDraft({
          from: { name: org.name, address: org.email },
          to: [{ name: referrer.kind === 'anonymous' ? '' : referrer.name, address: email }],
          subject: letterEmailSubject(org.marking, reference),
          text: letterEmailText({ marking: org.marking, reference, organisation: org.name }),
          attachments: [
            { fileName: pdf.record.fileName, contentType: 'application/pdf', content: pdf.bytes },
          ],
          date: new Date(at),
        });
      } catch (error) {
        if (error instanceof EmlInputError) {
          throw new ValidationError({ _form: error.message }, error.message);
        }
        throw error;
      }
      const label =
        LETTER_KIND_LABELS[row.kind === 'acknowledgement' ? 'acknowledgement' : 'outcome'];
      const kept = await store.transaction(async (trx) => {
        const doc = await keepDocument(
          trx,
          {
            kind: 'email-draft',
            subject: { type: 'referral', id: row.referral_id, version: 1 },
            title: `Email draft: ${label} ${String(row.sequence)} ${reference}`,
            fileName: documentFileName(reference, 'email-draft', { version: row.sequence }),
            mime: 'message/rfc822',
            bytes,
          },
          { userId: ctx.user.id, at },
        );
        await setLetterEmailDraft(trx, row.id, doc.id, { userId: ctx.user.id, at });
        return doc;
      });
      return documents.download(ctx, { id: kept.id });
    },

    async markSent(ctx, { letterIds, method, sentAt }) {
      requireCall(ctx, 'letters:mark-sent', 'record letters as sent');
      const at = nowIso(clock);
      if (sentAt > at) {
        const message = 'A letter cannot have been sent in the future: check the date and time';
        throw new ValidationError({ sentAt: message }, message);
      }
      return store.transaction(async (trx) => {
        const out: LetterRecord[] = [];
        for (const letterId of [...new Set(letterIds)]) {
          const row = await getLetterRow(trx, letterId);
          if (!row) throw new NotFoundError('A selected letter');
          const referral = await getReferralRow(trx, row.referral_id);
          if (!referral) throw new NotFoundError('The referral');
          if (row.sent_at !== null) {
            throw new ConflictError(
              `${referral.reference}: this letter is already recorded as sent. To send it again, make a new letter from the referral page.`,
            );
          }
          if (method === 'post') {
            const data = fromJson(row.data) as { postalAllowed?: unknown } | null;
            if (data?.postalAllowed === false) {
              const message = `${referral.reference}: this letter must not go by post — the referrer's address matches the child's household or an alleged perpetrator's, or could not be checked against them. Send it by secure email or by hand.`;
              throw new ValidationError({ method: message }, message);
            }
          }
          const changed = await markLetterSent(trx, row.id, {
            method,
            sentAt,
            by: ctx.user.id,
            at,
          });
          if (!changed) {
            throw new ConflictError(
              `${referral.reference}: this letter is already recorded as sent. To send it again, make a new letter from the referral page.`,
            );
          }
          const label =
            LETTER_KIND_LABELS[row.kind === 'acknowledgement' ? 'acknowledgement' : 'outcome'];
          const when = formatUkDate(londonDate(sentAt));
          await addChronology(trx, row.referral_id, {
            at,
            kind: 'significant',
            text: `${label} ${String(row.sequence)} sent to the referrer: ${SEND_METHOD_LABELS[method]}, ${when}`,
            userId: ctx.user.id,
          });
          await appendAudit(trx, {
            at,
            userId: ctx.user.id,
            action: 'update',
            entityType: 'referral',
            entityId: row.referral_id,
            summary: `${label} ${String(row.sequence)} recorded as sent for ${referral.reference}`,
            details: { letterId: row.id, method, sentAt, documentId: row.document_id },
          });
          const records = await letterRecordsOf(trx, row.referral_id, referral.reference);
          const rec = records.find((r) => r.id === row.id);
          if (rec) out.push(rec);
        }
        return out;
      });
    },
  };
}
