// Channels for referrer letters, their templates, and the admin work queue of letters and
// invites to send. Documents made here are kept exactly as made (documents table) and handed
// over through the files port, like every other document.
import * as z from 'zod';
import type { DocumentDownloadRecord } from '../../domain/documents';
import {
  SEND_METHODS,
  WORK_ITEM_KINDS,
  type BatchResult,
  type LetterPreview,
  type LetterRecord,
  type ReferralLetters,
  type TemplateRecord,
  type WorkQueuePage,
} from '../../domain/letters';
import type { UserRole } from '../../domain/types';
import { TEMPLATE_KEYS } from '../../letters/templates';
import { LETTER_KINDS, LETTER_VARIANTS, type TemplateKey } from '../../letters/types';
import { isoInstant } from '../../validation/fields';
import { channel, result } from '../define';

const id = z.string().trim().min(1, 'Missing record id').max(100, 'Record id is too long');
/**
 * Duty workers and managers write letters; admin staff send them and run the work queue. The
 * one list: the services and the screens read it from here.
 */
const LETTER_ROLES: readonly UserRole[] = ['duty-worker', 'manager', 'admin'];
const TEMPLATE_EDITORS: readonly UserRole[] = ['admin'];

export const LETTER_PARAGRAPHS_MAX = 40;
export const LETTER_PARAGRAPH_MAX = 3_000;
export const BATCH_MAX = 200;
export const WORK_QUEUE_SORTS = ['due', 'reference', 'kind'] as const;

const kind = z.enum(LETTER_KINDS, { error: 'Select the kind of letter' });
const paragraph = z
  .string()
  .max(LETTER_PARAGRAPH_MAX, `Keep each paragraph to ${LETTER_PARAGRAPH_MAX} characters or fewer`)
  // Control characters other than line breaks would print as boxes or break the PDF text.
  // eslint-disable-next-line no-control-regex
  .refine((v) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v), 'Remove the invisible characters');
const templateKey = z.custom<TemplateKey>(
  (v) => typeof v === 'string' && (TEMPLATE_KEYS as readonly string[]).includes(v),
  'Unknown letter template',
);

export const letterChannels = {
  'letters:queue': channel({
    summary:
      'The admin work queue: letters due or made and not yet sent, and strategy invites to send',
    access: LETTER_ROLES,
    input: z
      .object({
        kinds: z.array(z.enum(WORK_ITEM_KINDS)).max(WORK_ITEM_KINDS.length).optional(),
        variants: z.array(z.enum(LETTER_VARIANTS)).max(LETTER_VARIANTS.length).optional(),
        overdueOnly: z.boolean().optional(),
        /** Only items due on or before this date. */
        dueBy: z.iso.date({ error: 'Enter a real date, for example 01/12/2026' }).optional(),
        sort: z.enum(WORK_QUEUE_SORTS).optional(),
        direction: z.enum(['asc', 'desc']).optional(),
        page: z.number().int().min(0).max(100_000),
        pageSize: z.number().int().min(1).max(100),
      })
      .strict(),
    result: result<WorkQueuePage>(),
  }),
  'letters:for-referral': channel({
    summary: 'Which letters a referral needs, the letters made and sent, and who was told when',
    access: LETTER_ROLES,
    input: z.object({ referralId: id }).strict(),
    result: result<ReferralLetters>(),
  }),
  'letters:preview': channel({
    summary: 'The wording a letter would have, which kind of letter applies and why',
    access: LETTER_ROLES,
    input: z.object({ referralId: id, kind }).strict(),
    result: result<LetterPreview>(),
  }),
  'letters:finalise': channel({
    summary: 'Make the letter as worded (a PDF kept exactly as made), ready to send',
    access: LETTER_ROLES,
    input: z
      .object({
        referralId: id,
        kind,
        paragraphs: z
          .array(paragraph)
          .min(1, 'A letter needs at least one paragraph')
          .max(
            LETTER_PARAGRAPHS_MAX,
            `A letter can have at most ${LETTER_PARAGRAPHS_MAX} paragraphs`,
          ),
        /** For a child who referred themselves: how it is safe to contact them. */
        safeContact: z.string().trim().max(500).optional(),
      })
      .strict(),
    result: result<LetterRecord>(),
  }),
  'letters:generate': channel({
    summary:
      'Make the selected letters in one go with their standard wording; progress is reported and it can be cancelled',
    access: LETTER_ROLES,
    input: z
      .object({
        taskId: z.string().min(1).max(100),
        items: z
          .array(z.object({ referralId: id, kind }).strict())
          .min(1, 'Select at least one letter')
          .max(BATCH_MAX, `Make at most ${BATCH_MAX} letters at a time`),
      })
      .strict(),
    result: result<{ results: BatchResult[]; cancelled: boolean }>(),
  }),
  'letters:cancel': channel({
    summary: 'Stop making letters after the one being made',
    access: LETTER_ROLES,
    input: z.object({ taskId: z.string().min(1).max(100) }).strict(),
    result: result<{ cancelled: boolean }>(),
  }),
  'letters:download': channel({
    summary: 'Save a letter exactly as it was made',
    access: LETTER_ROLES,
    input: z.object({ letterId: id }).strict(),
    result: result<DocumentDownloadRecord>(),
  }),
  'letters:email-draft': channel({
    summary: 'Save an email draft (.eml) with the letter attached, for the referrer',
    access: LETTER_ROLES,
    input: z.object({ letterId: id }).strict(),
    result: result<DocumentDownloadRecord>(),
  }),
  'letters:mark-sent': channel({
    summary: 'Record how and when letters were sent',
    access: LETTER_ROLES,
    input: z
      .object({
        letterIds: z.array(id).min(1, 'Select at least one letter').max(BATCH_MAX),
        method: z.enum(SEND_METHODS, { error: 'Select how it was sent' }),
        sentAt: isoInstant('Enter when it was sent'),
      })
      .strict(),
    result: result<LetterRecord[]>(),
  }),
  'invites:mark-sent': channel({
    summary: "Record that a strategy discussion's invites were sent, how and when",
    access: LETTER_ROLES,
    input: z
      .object({
        discussionId: id,
        method: z.enum(SEND_METHODS, { error: 'Select how it was sent' }),
        sentAt: isoInstant('Enter when it was sent'),
      })
      .strict(),
    result: result<{ discussionId: string; sequence: number }>(),
  }),
  'letter-templates:list': channel({
    summary: 'The letter templates in use, each with its version',
    access: LETTER_ROLES,
    input: z.object({}).strict(),
    result: result<TemplateRecord[]>(),
  }),
  'letter-templates:save': channel({
    summary: 'Save a new version of a letter template',
    access: TEMPLATE_EDITORS,
    input: z
      .object({
        key: templateKey,
        text: z.string().max(20_000, 'Keep a template to 20,000 characters or fewer'),
        /** The version being replaced, so two administrators cannot overwrite each other. */
        version: z.number().int().min(0),
      })
      .strict(),
    result: result<TemplateRecord>(),
  }),
  'letter-templates:preview': channel({
    summary: 'Show a template as it would read for a sample referral',
    access: LETTER_ROLES,
    input: z.object({ key: templateKey, text: z.string().max(20_000) }).strict(),
    result: result<{ paragraphs: string[]; errors: string[] }>(),
  }),
};
