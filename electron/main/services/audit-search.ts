// The audit screen's search (issue 14 "Audit viewer"): filters by child, referral, user, action
// and London days, a page at a time, newest first. Searching the audit is itself audited as a
// view (architecture §3: every view of personal data is recorded), in the same transaction.
import { londonInstant } from '../../../shared/calendar/london-instant';
import type { AuditSearchResult } from '../../../shared/domain/audit';
import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import type { IsoDate } from '../../../shared/domain/types';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { documentFileName } from '../documents/file-name';
import { loadAuditPdf } from '../documents/lazy';
import { personName } from '../documents/record-text';
import { appendAudit } from '../store/audit';
import { getPerson } from '../store/repositories/people';
import { NotFoundError } from '../store/errors';
import {
  type AuditSearchFilter,
  type AuditSubject,
  countAudit,
  personExists,
  referralIdFor,
  referralIdsForPerson,
  referralReferences,
  searchAudit,
} from '../store/repositories/audit-search';
import type { Db } from '../store/repositories/common';
import {
  type ServiceContext,
  type ServiceDeps,
  nowIso,
  policyContext,
  requireCall,
} from './context';
import { createDocumentService } from './documents';

export type AuditSearchInput = ChannelParsed<'audit:search'>;

export type AuditSearchService = {
  search(ctx: ServiceContext, input: AuditSearchInput): Promise<AuditSearchResult>;
  /** A child's audit as an A4 PDF for a subject access request, kept and offered. */
  exportSubject(
    ctx: ServiceContext,
    input: ChannelParsed<'audit:export-subject'>,
  ): Promise<DocumentDownloadRecord>;
};

/**
 * The first instant of a London day. Midnight always exists in the UK (the clocks change at
 * 01:00 and 02:00), so the answer is never ambiguous.
 */
export function londonDayStart(date: IsoDate): string {
  const start = londonInstant(date, '00:00');
  if (start.kind !== 'ok') throw new Error(`No London midnight on ${date}`);
  return start.instant;
}

function nextDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Everything recorded about a child: their person record and every referral they are on. */
export async function childSubject(db: Db, personId: string): Promise<AuditSubject> {
  if (!(await personExists(db, personId))) throw new NotFoundError('The child record');
  return { personIds: [personId], referralIds: await referralIdsForPerson(db, personId) };
}

async function filterFor(db: Db, input: AuditSearchInput): Promise<AuditSearchFilter> {
  const filter: AuditSearchFilter = {};
  let about: AuditSubject | undefined;
  if (input.personId !== undefined) about = await childSubject(db, input.personId);
  if (input.referral !== undefined) {
    const referralId = await referralIdFor(db, input.referral);
    if (referralId === null) throw new NotFoundError('The referral');
    // Both given: the child's entries on that referral only.
    about =
      about === undefined
        ? { personIds: [], referralIds: [referralId] }
        : {
            personIds: [],
            referralIds: about.referralIds.filter((r) => r === referralId),
          };
  }
  if (about !== undefined) filter.about = about;
  if (input.userId !== undefined) filter.userId = input.userId;
  if (input.action !== undefined) filter.action = input.action;
  if (input.from !== undefined) filter.fromAt = londonDayStart(input.from);
  if (input.to !== undefined) filter.toAt = londonDayStart(nextDay(input.to));
  return filter;
}

export function createAuditSearchService(deps: ServiceDeps): AuditSearchService {
  const { store, clock } = deps;
  const documents = createDocumentService(deps);
  return {
    async exportSubject(ctx, { personId }) {
      requireCall(ctx, 'audit:export-subject', "export a child's audit");
      const gathered = await store.transaction(async (trx) => {
        const person = await getPerson(trx, personId);
        if (person === null) throw new NotFoundError('The child record');
        const about = await childSubject(trx, personId);
        // Oldest first: a subject access reply reads as a history.
        const entries = (await searchAudit(trx, { about }, { offset: 0, limit: null })).reverse();
        const references = Object.fromEntries(await referralReferences(trx, about.referralIds));
        const pc = await policyContext(trx);
        return { person, entries, references, organisation: pc.settings.organisation };
      });
      // Laid out outside the transaction: a long history never holds up anyone else's save.
      const { buildSubjectAuditPdf } = await loadAuditPdf();
      const bytes = await buildSubjectAuditPdf(
        {
          personId,
          childName: personName(gathered.person.givenNames, gathered.person.familyName),
          references: gathered.references,
          entries: gathered.entries,
        },
        gathered.organisation.name,
        { marking: gathered.organisation.marking, generatedAt: new Date(nowIso(clock)) },
      );
      // keepAndOffer audits the document made and, once saved, its download (an export).
      return documents.keepAndOffer(ctx, {
        kind: 'audit-export',
        subject: { type: 'person', id: personId, version: gathered.person.version },
        // The record id, never the child's name: titles reach lists, the audit and file names.
        title: `Audit of child record ${personId} for a subject access request`,
        fileName: documentFileName(personId, 'audit-export'),
        mime: 'application/pdf',
        bytes,
      });
    },
    search: (ctx, input) =>
      store.transaction(async (trx) => {
        requireCall(ctx, 'audit:search', 'search the audit log');
        const filter = await filterFor(trx, input);
        const total = await countAudit(trx, filter);
        const rows = await searchAudit(trx, filter, {
          offset: input.page * input.pageSize,
          limit: input.pageSize,
        });
        const referralIds = [
          ...new Set(
            rows.flatMap((r) =>
              r.entityType === 'referral' && r.entityId !== null ? [r.entityId] : [],
            ),
          ),
        ];
        const references = Object.fromEntries(await referralReferences(trx, referralIds));
        const { page, pageSize, ...filters } = input;
        await appendAudit(trx, {
          at: nowIso(clock),
          userId: ctx.user.id,
          action: 'view',
          entityType: 'audit',
          entityId: input.personId ?? null,
          summary: `Audit log searched: ${String(total)} entr${total === 1 ? 'y' : 'ies'} matched`,
          details: { filters, page, pageSize, shown: rows.length },
        });
        return { rows, total, references };
      }),
  };
}
