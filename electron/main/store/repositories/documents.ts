// Documents kept exactly as generated (migration 7). Insert and read only: the table's trigger
// refuses any change, so what was circulated can always be downloaded again unchanged.
import type {
  DocumentKind,
  DocumentRecord,
  DocumentSubjectType,
} from '../../../../shared/domain/documents';
import type { DocumentRow } from '../schema';
import { type Db, userNames, userRef } from './common';

export type NewDocumentRow = {
  id: string;
  kind: DocumentKind;
  subjectType: DocumentSubjectType;
  subjectId: string;
  subjectVersion: number;
  title: string;
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  sha256: string;
  createdAt: string;
  createdBy: string | null;
};

type ListedRow = Omit<DocumentRow, 'bytes'>;

function toRecord(r: ListedRow, names: Map<string, string>): DocumentRecord {
  return {
    id: r.id,
    kind: r.kind as DocumentKind,
    subjectType: r.subject_type as DocumentSubjectType,
    subjectId: r.subject_id,
    subjectVersion: r.subject_version,
    title: r.title,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.created_at,
    createdBy: userRef(names, r.created_by),
  };
}

const LISTED = [
  'id',
  'kind',
  'subject_type',
  'subject_id',
  'subject_version',
  'title',
  'file_name',
  'mime',
  'size',
  'sha256',
  'created_at',
  'created_by',
] as const;

export async function insertDocument(db: Db, d: NewDocumentRow): Promise<DocumentRecord> {
  await db
    .insertInto('documents')
    .values({
      id: d.id,
      kind: d.kind,
      subject_type: d.subjectType,
      subject_id: d.subjectId,
      subject_version: d.subjectVersion,
      title: d.title,
      file_name: d.fileName,
      mime: d.mime,
      bytes: d.bytes,
      size: d.bytes.byteLength,
      sha256: d.sha256,
      created_at: d.createdAt,
      created_by: d.createdBy,
    })
    .execute();
  const saved = await getDocument(db, d.id);
  if (!saved) throw new Error('The document was not kept');
  return saved.record;
}

export async function getDocument(
  db: Db,
  id: string,
): Promise<{ record: DocumentRecord; bytes: Uint8Array } | null> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return { record: toRecord(row, await userNames(db)), bytes: row.bytes };
}

/** Newest first: the list a chair or worker downloads from. */
export async function listDocuments(
  db: Db,
  subjectType: DocumentSubjectType,
  subjectId: string,
): Promise<DocumentRecord[]> {
  const rows = await db
    .selectFrom('documents')
    .select(LISTED)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const names = await userNames(db);
  return rows.map((r) => toRecord(r, names));
}
