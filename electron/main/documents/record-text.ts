// Plain-text lines shared by the record PDFs: the same wording as the screens (the referral
// page's progress list), so paper and screen agree.
import {
  PROGRESS_KIND_LABELS,
  S47_OUTCOME_LABELS,
  S47_TYPE_LABELS,
  type ProgressEventRecord,
} from '../../../shared/progress/events';
import type { PdfNode } from './pdf/types';
import { londonDate } from '../../../shared/calendar/clocks';
import type { PersonDiscussion } from '../../../shared/domain/records';
import { STRATEGY_FORMAT_LABELS, STRATEGY_STATUS_LABELS } from '../../../shared/strategy/types';
import { NONE_RECORDED, ukDate, ukDateTime, ukTime, type PdfWriter } from './pdf/writer';

/** "Amy Smith"; a part not known says so rather than being left out (forms issue). */
export function personName(
  given: string | null | undefined,
  family: string | null | undefined,
): string {
  const g = given?.trim() ?? '';
  const f = family?.trim() ?? '';
  if (g === '' && f === '') return 'Name not known';
  if (g === '') return `(first name not known) ${f}`;
  if (f === '') return `${g} (last name not known)`;
  return `${g} ${f}`;
}

export function addressLine(
  a:
    | {
        line1?: string | undefined;
        line2?: string | undefined;
        town?: string | undefined;
        postcode?: string | undefined;
      }
    | undefined,
): string {
  if (a === undefined) return NONE_RECORDED;
  const parts = [a.line1, a.line2, a.town, a.postcode].filter(
    (p): p is string => p !== undefined && p.trim() !== '',
  );
  return parts.length > 0 ? parts.join(', ') : NONE_RECORDED;
}

function summary(record: ProgressEventRecord): string {
  const e = record.event;
  const when = ukDate(e.date);
  const note = e.note ? ` ${e.note}` : '';
  switch (e.kind) {
    case 'strategy-discussion':
      return e.s47 === 'yes'
        ? `${when}: strategy discussion. Section 47 enquiry to start${e.s47Type ? ` (${S47_TYPE_LABELS[e.s47Type].toLowerCase()})` : ''}.${note}`
        : `${when}: strategy discussion. No section 47 enquiry.${note}`;
    case 's47-outcome':
      return `${when}: outcome of the section 47 enquiry. ${S47_OUTCOME_LABELS[e.outcome]}.${note}`;
    case 'icpc-not-required':
      return `${when}: initial child protection conference not required. ${e.reason}${note}`;
    default:
      return `${when}: ${PROGRESS_KIND_LABELS[e.kind]}.${note}`;
  }
}

/** One progress entry; a withdrawn one says so and why (it stays on the record). */
export function progressLine(w: PdfWriter, record: ProgressEventRecord): PdfNode {
  const line = summary(record);
  if (record.withdrawn === null) return w.text(line);
  const by = record.withdrawn.by ? ` by ${record.withdrawn.by.displayName}` : '';
  return w.text(
    `WITHDRAWN (recorded in error${by}, ${ukDateTime(record.withdrawn.at)}: ${record.withdrawn.reason}). ${line}`,
    { color: '#555555' },
  );
}

/**
 * A strategy discussion arranged about the child, as the child's record page words it:
 * "Strategy discussion 2: 07/12/2026 14:30–15:30, Meeting in person · Confirmed".
 */
export function discussionLine(d: PersonDiscussion): string {
  const end =
    londonDate(d.endsAt) === londonDate(d.startsAt) ? ukTime(d.endsAt) : ukDateTime(d.endsAt);
  return `Strategy discussion ${String(d.sequence)}: ${ukDateTime(d.startsAt)}–${end}, ${STRATEGY_FORMAT_LABELS[d.format]} · ${STRATEGY_STATUS_LABELS[d.status]}`;
}
