// A child's audit for a subject access request (issue 14; UK GDPR art.15): every entry about the
// child's record and the referrals they are on, oldest first, each change field by field. The
// same A4 frame as the records: marking top and bottom, page N of M; the record id (never a
// name) in the metadata and file name, the child's name only in the body.
import { auditActionLabel, auditEntityLabel } from '../../../shared/domain/audit';
import { fieldChanges, otherDetails } from '../../../shared/domain/audit-details';
import type { AuditEntry } from '../../../shared/domain/records';
import { createWriter, renderPdf, type DocumentFrame, type PdfOptions } from './pdf/render';
import type { PdfNode } from './pdf/types';
import { ukDateTime } from './pdf/writer';

export type SubjectAudit = {
  personId: string;
  /** The child's name as recorded, for the body only. */
  childName: string;
  /** Referral id → reference, for every referral the child is on. */
  references: Record<string, string>;
  /** Oldest first. */
  entries: readonly AuditEntry[];
};

export function subjectAuditFrame(s: SubjectAudit, organisation: string): DocumentFrame {
  return {
    title: `Audit of child record ${s.personId}`,
    subject: 'Audit for a subject access request',
    keywords: [s.personId, 'audit', 'subject access request'],
    organisation,
    draft: false,
  };
}

export async function buildSubjectAuditPdf(
  s: SubjectAudit,
  organisation: string,
  options: PdfOptions = {},
): Promise<Uint8Array> {
  const w = createWriter(options);
  const what = (e: AuditEntry): string => {
    const ref =
      e.entityType === 'referral' && e.entityId !== null ? s.references[e.entityId] : undefined;
    return ref === undefined
      ? auditEntityLabel(e.entityType)
      : `${auditEntityLabel(e.entityType)} ${ref}`;
  };
  const summaryCell = (e: AuditEntry): PdfNode => {
    const changes = fieldChanges(e.details) ?? [];
    const others = otherDetails(e.details).filter((o) => o.text !== '(blank)');
    return {
      stack: [
        w.text(e.summary),
        ...changes.map((c) =>
          // The shipped fonts have no arrow: "was … now …" reads the same.
          w.text(`${c.field} was: ${c.before}; now: ${c.after}`, { fontSize: 8.5 }),
        ),
        ...others.map((o) => w.text(`${o.label}: ${o.text}`, { fontSize: 8.5 })),
      ],
    };
  };
  const content: PdfNode[] = [
    { text: "Audit of a child's record", style: 'title' },
    { text: `Child record ${s.personId}`, style: 'subtitle' },
    w.details([
      ['Child', s.childName],
      ['Record id', s.personId],
      [
        'Referrals',
        Object.values(s.references).length === 0
          ? null
          : Object.values(s.references).sort().join(', '),
      ],
      ['Entries', String(s.entries.length)],
      [
        'What is included',
        "Every audit entry about the child's record and the referrals they are on, and the " +
          'decisions, progress and strategy discussions recorded on those referrals, oldest first.',
      ],
    ]),
    w.heading('Audit entries'),
    w.table(
      [
        { header: 'Entry', width: 34 },
        { header: 'When', width: 70 },
        { header: 'Who', width: 70 },
        { header: 'Action', width: 62 },
        { header: 'What', width: 78 },
        { header: 'Summary and details', width: '*' },
      ],
      s.entries.map((e) => [
        String(e.seq),
        ukDateTime(e.at),
        e.user?.displayName ?? 'The system',
        auditActionLabel(e.action),
        what(e),
        summaryCell(e),
      ]),
    ),
  ];
  return renderPdf(subjectAuditFrame(s, organisation), w, content, options);
}
