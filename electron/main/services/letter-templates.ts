// Letter templates: the administrator's versions (each save a new version, never changed), the
// shipped wording for keys never edited, and a preview against a sample referral. Also records
// strategy invites as sent, for the admin work queue.
import { randomUUID } from 'node:crypto';
import type { TemplateRecord } from '../../../shared/domain/letters';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_KEYS,
  checkTemplate,
  fillTemplate,
  toParagraphs,
} from '../../../shared/letters/templates';
import {
  LETTER_OUTCOMES,
  LETTER_OUTCOME_LABELS,
  type LetterFacts,
} from '../../../shared/letters/types';
import { SEND_METHOD_LABELS } from '../../../shared/domain/letters';
import { formatUkDate } from '../../../shared/validation/formats';
import { londonDate } from '../../../shared/calendar/clocks';
import { appendAudit } from '../store/audit';
import { ConflictError, ValidationError } from '../store/errors';
import { userNames, userRef } from '../store/repositories/common';
import {
  insertTemplateVersion,
  latestTemplates,
  recordInviteSent,
} from '../store/repositories/letters';
import { addChronology } from '../store/repositories/referrals';
import { discussionRowOrThrow } from './strategy-load';
import { type ServiceContext, type ServiceDeps, nowIso, requireCall } from './context';

/** A made-up referral the preview fills templates with: no real person's details. */
export const SAMPLE_FACTS: LetterFacts = {
  reference: 'FD-2026-000123',
  receivedDate: '2 November 2026',
  letterDate: '3 November 2026',
  children: [{ name: 'Sam Sample', dateOfBirth: '4 May 2018' }],
  childNames: 'Sam Sample',
  recipient: {
    name: 'Alex Example',
    roleAndOrganisation: 'Designated safeguarding lead, Example Primary School',
    addressLines: ['Example Primary School', '1 Sample Road', 'Exampleton', 'EX1 2AB'],
    email: 'alex.example@example.org',
    salutation: 'Dear Alex Example',
  },
  outcome: 's17-assessment',
  outcomeLabel: 'An assessment (section 17, child in need)',
  contactName: 'Jo Practitioner',
  organisation: {
    name: 'Exampleshire Council Children’s Services',
    addressLines: ['Civic Centre', 'Exampleton', 'EX1 1AA'],
    phone: '0300 123 4567',
    email: 'frontdoor@example.gov.uk',
    contactLine: 'Call 0300 123 4567, 8.30am to 5pm, Monday to Friday',
    signatory: 'Pat Manager',
    signatoryRole: 'Team Manager, Front Door',
  },
  edition: '2023',
};

export type LetterTemplateService = {
  list(ctx: ServiceContext): Promise<TemplateRecord[]>;
  save(ctx: ServiceContext, input: ChannelParsed<'letter-templates:save'>): Promise<TemplateRecord>;
  preview(
    ctx: ServiceContext,
    input: ChannelParsed<'letter-templates:preview'>,
  ): { paragraphs: string[]; errors: string[] };
  inviteSent(
    ctx: ServiceContext,
    input: ChannelParsed<'invites:mark-sent'>,
  ): Promise<{ discussionId: string; sequence: number }>;
};

export function createLetterTemplateService(deps: ServiceDeps): LetterTemplateService {
  const { store, clock } = deps;

  async function list(): Promise<TemplateRecord[]> {
    const rows = await latestTemplates(store.db);
    const names = await userNames(store.db);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return TEMPLATE_KEYS.map((key): TemplateRecord => {
      const r = byKey.get(key);
      if (r === undefined) {
        return {
          key,
          text: DEFAULT_TEMPLATES[key],
          version: 0,
          isDefault: true,
          updatedAt: null,
          updatedBy: null,
        };
      }
      return {
        key,
        text: r.text,
        version: r.version,
        isDefault: r.is_default === 1,
        updatedAt: r.created_at,
        updatedBy: userRef(names, r.created_by),
      };
    });
  }

  return {
    async list(ctx) {
      requireCall(ctx, 'letter-templates:list', 'see the letter templates');
      return list();
    },

    async save(ctx, { key, text, version }) {
      requireCall(ctx, 'letter-templates:save', 'change the letter templates');
      const errors = checkTemplate(text);
      if (errors.length > 0) throw new ValidationError({ text: errors.join(' ') }, errors[0]);
      const at = nowIso(clock);
      await store.transaction(async (trx) => {
        const rows = await latestTemplates(trx);
        const current = rows.find((r) => r.key === key);
        const currentVersion = current?.version ?? 0;
        if (currentVersion !== version) {
          throw new ConflictError(
            'Someone else saved this template while you were editing it. Copy your wording, reopen the template and make your change again.',
          );
        }
        const before = current?.text ?? DEFAULT_TEMPLATES[key];
        const isDefault = text === DEFAULT_TEMPLATES[key];
        await insertTemplateVersion(trx, {
          id: randomUUID(),
          key,
          version: currentVersion + 1,
          text,
          isDefault,
          at,
          by: ctx.user.id,
        });
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'settings',
          entityType: 'letter-template',
          entityId: key,
          summary: isDefault
            ? `Letter template ${key} set back to the standard wording (version ${String(currentVersion + 1)})`
            : `Letter template ${key} changed (version ${String(currentVersion + 1)})`,
          details: { key, version: currentVersion + 1, before, after: text },
        });
      });
      const saved = (await list()).find((t) => t.key === key);
      if (saved === undefined) throw new Error('The template just saved could not be read back');
      return saved;
    },

    preview(ctx, { key, text }) {
      requireCall(ctx, 'letter-templates:preview', 'preview the letter templates');
      const errors = checkTemplate(text);
      // An outcome template previews with its own outcome; the others with the sample's.
      const outcome = LETTER_OUTCOMES.find((o) => key.endsWith(`.${o}`));
      const facts: LetterFacts =
        outcome === undefined
          ? SAMPLE_FACTS
          : { ...SAMPLE_FACTS, outcome, outcomeLabel: LETTER_OUTCOME_LABELS[outcome] };
      const paragraphs = errors.length > 0 ? [] : toParagraphs(fillTemplate(text, facts));
      return { paragraphs, errors };
    },

    async inviteSent(ctx, { discussionId, method, sentAt }) {
      requireCall(ctx, 'invites:mark-sent', 'record invites as sent');
      const at = nowIso(clock);
      if (sentAt > at) {
        const message = 'Invites cannot have been sent in the future: check the date and time';
        throw new ValidationError({ sentAt: message }, message);
      }
      return store.transaction(async (trx) => {
        const row = await discussionRowOrThrow(trx, discussionId);
        await recordInviteSent(trx, {
          id: randomUUID(),
          discussionId,
          icsSequence: row.ics_sequence,
          method,
          sentAt,
          by: ctx.user.id,
          at,
        });
        const what = row.status === 'cancelled' ? 'cancellation' : 'invites';
        await addChronology(trx, row.referral_id, {
          at,
          kind: 'auto',
          text: `Strategy discussion ${String(row.sequence)} ${what} sent: ${SEND_METHOD_LABELS[method]}, ${formatUkDate(londonDate(sentAt))}`,
          userId: ctx.user.id,
        });
        await appendAudit(trx, {
          at,
          userId: ctx.user.id,
          action: 'update',
          entityType: 'strategy-discussion',
          entityId: discussionId,
          summary: `Strategy discussion ${String(row.sequence)} ${what} recorded as sent`,
          details: { method, sentAt, icsSequence: row.ics_sequence },
        });
        return { discussionId, sequence: row.ics_sequence };
      });
    },
  };
}
