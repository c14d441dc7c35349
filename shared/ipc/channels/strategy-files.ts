// Channels for a strategy discussion's documents: the calendar invite, a week's invites, and
// the minutes as a PDF. Each makes the document from the record as it is now, keeps it exactly
// as made, and hands it over (save dialog in the app, a download in the browser harness).
import * as z from 'zod';
import type { DocumentDownloadRecord } from '../../domain/documents';
import type { StrategyToArrange } from '../../domain/strategy-arrange';
import type { UserRole } from '../../domain/types';
import { isIsoDate } from '../../validation/formats';
import { channel, result } from '../define';

const id = z.string().trim().min(1, 'Missing record id').max(100, 'Record id is too long');
const STRATEGY: readonly UserRole[] = ['duty-worker', 'manager', 'chair'];

export const strategyFileChannels = {
  'strategy:to-arrange': channel({
    summary:
      'Referrals decided in the last 90 days whose strategy discussion is not yet held: not booked, booked late or overdue',
    access: STRATEGY,
    input: z.object({}).strict(),
    result: result<StrategyToArrange[]>(),
  }),
  'strategy:invite': channel({
    summary:
      'Download the calendar invite (.ics) for a strategy discussion; a cancellation once it is cancelled',
    access: STRATEGY,
    input: z.object({ id }).strict(),
    result: result<DocumentDownloadRecord>(),
  }),
  'strategy:invite-email': channel({
    summary:
      'Save an email draft (.eml) to every invitee with an email address, the invite (or cancellation) attached',
    access: STRATEGY,
    input: z.object({ id }).strict(),
    result: result<
      DocumentDownloadRecord & {
        /** How many invitees the draft is addressed to. */
        recipients: number;
        /** Invitees left out because no email address is recorded for them. */
        notIncluded: { name: string; agency: string }[];
      }
    >(),
  }),
  'strategy:week-invites': channel({
    summary: "Download one calendar file with all of a week's strategy discussions",
    access: STRATEGY,
    input: z
      .object({
        /** Any day of the week wanted (Monday to Sunday, London). */
        weekOf: z.string().refine(isIsoDate, 'Enter a real date, for example 23/11/2026'),
      })
      .strict(),
    result: result<DocumentDownloadRecord & { leftOut: { reference: string; why: string }[] }>(),
  }),
  'strategy:minutes-pdf': channel({
    summary:
      'Download the minutes of a strategy discussion as a PDF (the current version, or a chosen one)',
    // The minute-taker checks what they wrote as the participants will read it.
    access: [...STRATEGY, 'minute-taker'],
    input: z.object({ id, number: z.number().int().min(1).max(1_000).optional() }).strict(),
    result: result<DocumentDownloadRecord>(),
  }),
};
