// Documents: kept exactly as generated, then handed to the user through the files port. Every
// generation and every download is audited with the document's hash, so the record shows what
// was circulated, by whom and when (UK GDPR art.5(2) accountability; WT 2018 ch.1 para 24: the
// reasons for sharing or not sharing information are recorded).
import { createHash, randomUUID } from 'node:crypto';
import type {
  DocumentDownloadRecord,
  DocumentKind,
  DocumentRecord,
  DocumentSubjectType,
} from '../../../shared/domain/documents';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { appendAudit } from '../store/audit';
import { NotFoundError } from '../store/errors';
import type { Db } from '../store/repositories/common';
import { getDocument, insertDocument, listDocuments } from '../store/repositories/documents';
import { type ServiceContext, type ServiceDeps, nowIso } from './context';

export type NewDocument = {
  kind: DocumentKind;
  subject: { type: DocumentSubjectType; id: string; version: number };
  /** For lists and the audit: the case reference and what it is, never a child's name. */
  title: string;
  fileName: string;
  mime: string;
  bytes: Uint8Array;
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Keeps a generated document inside the caller's transaction and audits it. */
export async function keepDocument(
  trx: Db,
  input: NewDocument,
  by: { userId: string; at: string },
): Promise<DocumentRecord> {
  const sha256 = sha256Hex(input.bytes);
  const record = await insertDocument(trx, {
    id: randomUUID(),
    kind: input.kind,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    subjectVersion: input.subject.version,
    title: input.title,
    fileName: input.fileName,
    mime: input.mime,
    bytes: input.bytes,
    sha256,
    createdAt: by.at,
    createdBy: by.userId,
  });
  await appendAudit(trx, {
    at: by.at,
    userId: by.userId,
    action: 'document',
    entityType: input.subject.type,
    entityId: input.subject.id,
    summary: `Document made: ${input.title}`,
    details: {
      documentId: record.id,
      kind: input.kind,
      fileName: input.fileName,
      sha256,
      size: record.size,
      subjectVersion: input.subject.version,
    },
  });
  return record;
}

export type DocumentDownload = DocumentDownloadRecord;

export type DocumentService = {
  list(ctx: ServiceContext, input: ChannelParsed<'documents:list'>): Promise<DocumentRecord[]>;
  /** The exact bytes kept, handed over through the files port; audited unless cancelled. */
  download(
    ctx: ServiceContext,
    input: ChannelParsed<'documents:download'>,
  ): Promise<DocumentDownload>;
  /** Keep a freshly made document and hand it over at once (the "Download PDF" buttons). */
  keepAndOffer(ctx: ServiceContext, input: NewDocument): Promise<DocumentDownload>;
};

export function createDocumentService(deps: ServiceDeps): DocumentService {
  const { store, clock, files } = deps;

  async function offer(ctx: ServiceContext, id: string): Promise<DocumentDownload> {
    const found = await getDocument(store.db, id);
    if (!found) throw new NotFoundError('The document');
    const outcome = await files.offer({
      suggestedName: found.record.fileName,
      mime: found.record.mime,
      bytes: found.bytes,
    });
    if (outcome.kind !== 'cancelled') {
      await store.transaction((trx) =>
        appendAudit(trx, {
          at: nowIso(clock),
          userId: ctx.user.id,
          action: 'export',
          entityType: found.record.subjectType,
          entityId: found.record.subjectId,
          summary: `Document downloaded: ${found.record.title}`,
          details: {
            documentId: found.record.id,
            sha256: found.record.sha256,
            fileName: found.record.fileName,
            to: outcome.kind === 'saved' ? 'file' : 'browser download',
          },
        }),
      );
    }
    return { document: found.record, outcome };
  }

  return {
    list: (_ctx, input) => listDocuments(store.db, input.subjectType, input.subjectId),
    download: (ctx, input) => offer(ctx, input.id),
    async keepAndOffer(ctx, input) {
      const kept = await store.transaction((trx) =>
        keepDocument(trx, input, { userId: ctx.user.id, at: nowIso(clock) }),
      );
      return offer(ctx, kept.id);
    },
  };
}
