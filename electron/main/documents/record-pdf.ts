// A referral, or a child's record, on A4 paper (issue 11: "Print or export a referral or a child's
// record as an A4 PDF with the marking", instead of the browser's print of the screen). The same
// frame as the minutes: marking top and bottom, page N of M, the reference or record id (never a
// name) in the metadata and file name.
import { RESPONSE_LABELS } from '../../../shared/domain/types';
import {
  REFERRAL_STATUS_LABELS,
  type PersonDetail,
  type ReferralRecord,
} from '../../../shared/domain/records';
import { assessmentFactor } from '../../../shared/codes/assessment-factors';
import { childSexLabel } from '../../../shared/validation/child';
import { formatNhsNumber } from '../../../shared/validation/formats';
import { addressLine, discussionLine, personName, progressLine } from './record-text';
import {
  DECISION_STATUS,
  childSection,
  consentText,
  decisionsSection,
  referrerSection,
  yesNoUnknown,
} from './referral-sections';
import { createWriter, renderPdf, type DocumentFrame, type PdfOptions } from './pdf/render';
import type { PdfNode } from './pdf/types';
import { NONE_RECORDED, strong, ukDate, ukDateTime, yesNo } from './pdf/writer';

export function referralFrame(r: ReferralRecord, organisation: string): DocumentFrame {
  return {
    title: `Referral record ${r.reference}`,
    subject: 'Referral record',
    keywords: [r.reference, 'referral', `version ${r.version}`],
    organisation,
    draft: false,
  };
}

export function childRecordFrame(d: PersonDetail, organisation: string): DocumentFrame {
  return {
    title: `Child record ${d.person.id}`,
    subject: "Child's record",
    keywords: [d.person.id, 'child record', `version ${d.person.version}`],
    organisation,
    draft: false,
  };
}

/** The referral as an A4 PDF: what a worker needs on paper. */
export async function buildReferralPdf(
  r: ReferralRecord,
  organisation: string,
  options: PdfOptions = {},
): Promise<Uint8Array> {
  const w = createWriter(options);
  // Read defensively: a record saved before a field existed must still print.
  const input: Partial<ReferralRecord['input']> = r.input;
  const latest = r.decisions.at(-1);
  const content: PdfNode[] = [
    { text: 'Referral record', style: 'title' },
    { text: `Reference ${r.reference} · Version ${r.version}`, style: 'subtitle' },
    w.details([
      ['Children', w.text(r.children.map((c) => c.displayName).join('; '), { bold: true })],
      ['Received', ukDateTime(r.receivedAt)],
      ['Status', REFERRAL_STATUS_LABELS[r.status]],
      ['Decision due', ukDate(r.decisionDue)],
      [
        'Latest decision',
        latest === undefined
          ? 'No decision recorded yet'
          : `${RESPONSE_LABELS[latest.chosen]} (${DECISION_STATUS[latest.status].toLowerCase()})`,
      ],
      ['Assigned to', r.assignedTo?.displayName ?? 'Unassigned'],
    ]),
    ...(r.input.immediateProtectionMayBeNeeded
      ? [
          w.details([
            ['Warning', strong('The referrer said the child may need immediate protection.')],
          ]),
        ]
      : []),
    w.heading('The concern'),
    w.paragraph(null, r.input.concern),
    w.details([
      ["Child's whereabouts now", r.input.currentWhereabouts],
      ['Immediate protection may be needed', yesNo(r.input.immediateProtectionMayBeNeeded)],
      [
        'Assessment factors',
        w.list(
          r.assessmentFactors.map((f) => {
            const factor = assessmentFactor(f);
            return factor ? `${f}: ${factor.label}` : `${f} (code not recognised)`;
          }),
        ),
      ],
      ['Parents know about the referral', yesNoUnknown(input.parentsAware)],
      ['Parents agree with the referral', yesNoUnknown(input.parentsAgree)],
      ...(input.parentsReason ? [['Why', input.parentsReason] as const] : []),
      ['Consent', consentText(r)],
    ]),
    w.heading(r.children.length === 1 ? 'Child' : 'Children'),
    ...r.children.map((c) => childSection(w, c)),
    w.heading('Household and parental responsibility'),
    w.table(
      [
        { header: 'Name', width: '*' },
        { header: 'Relationship', width: 90 },
        { header: 'Date of birth', width: 62 },
        { header: 'Parental responsibility', width: 72 },
        { header: 'Lives in the household', width: 72 },
      ],
      r.householdMembers.map((h) => [
        {
          stack: [
            w.text(personName(h.member.givenNames, h.member.familyName)),
            ...(h.member.allegedHarm === true
              ? [w.text('Alleged to have caused harm', { fontSize: 8.5, bold: true })]
              : []),
            ...(h.member.address
              ? [w.text(`Address: ${addressLine(h.member.address)}`, { fontSize: 8.5 })]
              : []),
            ...(h.member.notes ? [w.text(h.member.notes, { fontSize: 8.5 })] : []),
          ],
        },
        w.text(h.member.relationship),
        ukDate(h.member.dateOfBirth),
        yesNo(h.member.parentalResponsibility),
        yesNo(h.member.livesInHousehold),
      ]),
    ),
    ...referrerSection(w, r),
    ...decisionsSection(w, r),
    w.heading('Progress since the decision'),
    w.list(r.progress.map((p) => progressLine(w, p))),
    w.heading('Chronology'),
    w.table(
      [
        { header: 'When', width: 80 },
        { header: 'What happened', width: '*' },
        { header: 'By', width: 100 },
      ],
      r.chronology.map((c) => [
        ukDateTime(c.at),
        w.text(c.text),
        w.text(c.by?.displayName ?? 'Front Door'),
      ]),
    ),
  ];
  return renderPdf(referralFrame(r, organisation), w, content, options);
}

/** A child's record as an A4 PDF: identity, household and siblings, every referral and outcome. */
export async function buildChildRecordPdf(
  d: PersonDetail,
  organisation: string,
  options: PdfOptions = {},
): Promise<Uint8Array> {
  const w = createWriter(options);
  const p = d.person;
  const history = new Map((d.history ?? []).map((h) => [h.referralId, h]));
  const birth =
    p.status === 'unborn'
      ? `Unborn, expected ${ukDate(p.expectedDateOfBirth)}`
      : p.dateOfBirth !== null
        ? ukDate(p.dateOfBirth)
        : p.approxBirthYear !== null
          ? `Not known: born about ${p.approxBirthYear}`
          : 'Not known';
  const inv = d.previousInvolvement;
  const content: PdfNode[] = [
    { text: "Child's record", style: 'title' },
    { text: `Record ${p.id} · Version ${p.version}`, style: 'subtitle' },
    w.heading('Who the child is'),
    w.details([
      ['Name', w.text(personName(p.givenNames, p.familyName), { bold: true })],
      ['Other names and aliases', p.otherNames],
      [p.status === 'unborn' ? 'Expected' : 'Date of birth', birth],
      ['Sex', p.gender !== null ? childSexLabel(p.gender) : null],
      ['NHS number', p.nhsNumber !== null ? formatNhsNumber(p.nhsNumber) : null],
      ['Address', addressLine(p.address ?? undefined)],
      [
        'Re-referral',
        inv.reReferral
          ? 'A new referral now would be a re-referral (within 12 months)'
          : 'No referral in the last 12 months',
      ],
    ]),
    w.heading('Siblings'),
    w.table(
      [
        { header: 'Name', width: '*' },
        { header: 'Date of birth', width: 80 },
        { header: 'On referral', width: 110 },
      ],
      inv.siblings.map((s) => [w.text(s.name), ukDate(s.birthDate), s.referralReference]),
    ),
    w.heading('Household'),
    w.table(
      [
        { header: 'Name', width: '*' },
        { header: 'Relationship', width: 120 },
        { header: 'Date of birth', width: 80 },
        { header: 'On referral', width: 110 },
      ],
      inv.householdMembers.map((h) => [
        w.text(h.name),
        w.text(h.relationship),
        ukDate(h.birthDate),
        h.referralReference,
      ]),
    ),
    w.heading('Referrals'),
    w.table(
      [
        { header: 'Reference', width: 95 },
        { header: 'Received', width: 80 },
        { header: 'Decision and outcome', width: '*' },
        { header: 'Strategy discussions and what has happened since', width: 170 },
      ],
      d.referrals.map((r) => {
        const h = history.get(r.referralId);
        return [
          { stack: [r.reference, ...(h?.reReferral ? [strong('Re-referral')] : [])] },
          ukDateTime(r.receivedAt),
          w.text(
            r.outcomeLabel === null
              ? 'No decision yet'
              : `${r.outcomeLabel}${r.decidedAt !== null ? ` (decided ${ukDateTime(r.decidedAt)})` : ''}`,
          ),
          w.list([
            ...(h?.discussions ?? []).map((x) => w.text(discussionLine(x))),
            ...(h?.progress ?? []).map((e) => progressLine(w, e)),
          ]),
        ];
      }),
    ),
    w.heading('Merged records'),
    w.list(
      d.merges.map((m) =>
        w.text(
          `Merged ${d.mergeNames?.[m.mergedId] ?? m.mergedId} into ${m.keptId === p.id ? 'this record' : m.keptId} on ${ukDateTime(m.mergedAt)} by ${m.mergedBy.displayName}. Reason: ${m.reason ?? NONE_RECORDED}.${
            m.undoneAt !== null
              ? ` Undone on ${ukDateTime(m.undoneAt)}${m.undoneBy ? ` by ${m.undoneBy.displayName}` : ''}: ${m.undoReason ?? NONE_RECORDED}.`
              : ''
          }`,
        ),
      ),
    ),
  ];
  return renderPdf(childRecordFrame(d, organisation), w, content, options);
}
