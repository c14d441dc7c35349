// A referral or a child's record on paper: an A4 PDF with the protective marking on every page
// (not the browser's print of the screen). Made from the record as it is now, kept exactly as
// made and handed over through the files port; the PDF is built outside the transaction so a
// second or so of layout never holds up anyone else's save.
import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { documentFileName } from '../documents/file-name';
import { loadRecordPdf } from '../documents/lazy';
import { type ServiceContext, type ServiceDeps, nowIso, policyContext } from './context';
import { createDocumentService } from './documents';
import { loadPersonDetail } from './people';
import { loadReferralOrThrow } from './referrals';

export type RecordFilesService = {
  referralPdf(
    ctx: ServiceContext,
    input: ChannelParsed<'referrals:export-pdf'>,
  ): Promise<DocumentDownloadRecord>;
  childPdf(
    ctx: ServiceContext,
    input: ChannelParsed<'people:export-pdf'>,
  ): Promise<DocumentDownloadRecord>;
};

export function createRecordFilesService(deps: ServiceDeps): RecordFilesService {
  const { store, clock } = deps;
  const documents = createDocumentService(deps);

  return {
    async referralPdf(ctx, { id }) {
      const { referral, organisation } = await store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        return {
          referral: await loadReferralOrThrow(trx, pc, deps, id),
          organisation: pc.settings.organisation,
        };
      });
      const { buildReferralPdf } = await loadRecordPdf();
      const bytes = await buildReferralPdf(referral, organisation.name, {
        marking: organisation.marking,
        generatedAt: new Date(nowIso(clock)),
      });
      return documents.keepAndOffer(ctx, {
        kind: 'referral-record',
        subject: { type: 'referral', id, version: referral.version },
        title: `Referral record ${referral.reference} (version ${String(referral.version)})`,
        fileName: documentFileName(referral.reference, 'referral-record'),
        mime: 'application/pdf',
        bytes,
      });
    },

    async childPdf(ctx, { id }) {
      const { detail, organisation } = await store.transaction(async (trx) => {
        const pc = await policyContext(trx);
        return {
          detail: await loadPersonDetail(trx, id, clock),
          organisation: pc.settings.organisation,
        };
      });
      const { buildChildRecordPdf } = await loadRecordPdf();
      const bytes = await buildChildRecordPdf(detail, organisation.name, {
        marking: organisation.marking,
        generatedAt: new Date(nowIso(clock)),
      });
      return documents.keepAndOffer(ctx, {
        kind: 'child-record',
        subject: { type: 'person', id, version: detail.person.version },
        // The person's id, never their name: titles reach lists, the audit and file names.
        title: `Child record ${id} (version ${String(detail.person.version)})`,
        fileName: documentFileName(id, 'child-record'),
        mime: 'application/pdf',
        bytes,
      });
    },
  };
}
