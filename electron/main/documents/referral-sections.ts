// The sections of a referral on paper (record-pdf.ts): referrer, each child, decisions, consent.
// Same wording as the referral page, so paper and screen agree.
import { RESPONSE_LABELS } from '../../../shared/domain/types';
import type {
  DecisionRecord,
  ReferralChildRecord,
  ReferralRecord,
} from '../../../shared/domain/records';
import { approximateAgeText, childSexLabel } from '../../../shared/validation/child';
import { CONSENT_STATUS_LABELS } from '../../../shared/validation/consent';
import { YES_NO_UNKNOWN_LABELS, type YesNoUnknown } from '../../../shared/validation/fields';
import { formatNhsNumber } from '../../../shared/validation/formats';
import { REFERRAL_CHANNEL_LABELS } from '../../../shared/validation/referral';
import {
  AGENCY_TYPE_LABELS,
  FEEDBACK_METHOD_LABELS,
  PUBLIC_RELATIONSHIP_LABELS,
} from '../../../shared/validation/referrer';
import { addressLine } from './record-text';
import type { PdfNode } from './pdf/types';
import { NONE_RECORDED, strong, ukDate, ukDateTime, type PdfWriter } from './pdf/writer';

export const DECISION_STATUS: Record<DecisionRecord['status'], string> = {
  'awaiting-sign-off': 'Waiting for a manager to sign it off',
  final: 'Final',
  returned: 'Returned by a manager',
  superseded: 'Replaced by a later decision',
};

export function yesNoUnknown(value: YesNoUnknown | undefined): string {
  return value === undefined ? NONE_RECORDED : YES_NO_UNKNOWN_LABELS[value];
}

/** The referrer asked that the family not be told who they are (domain §2.5 Confidentiality). */
function confidentialRow(confidential: boolean | undefined): [string, PdfNode][] {
  return confidential === true
    ? [['Identity', strong('Identity confidential: never share with the family.')]]
    : [];
}

const answered = (v: boolean | undefined): string =>
  v === undefined ? NONE_RECORDED : v ? 'Yes' : 'No';

export function referrerSection(w: PdfWriter, r: ReferralRecord): PdfNode[] {
  const ref = r.referrer;
  const rows: [string, string | PdfNode | null][] = [];
  if (ref.kind === 'anonymous') {
    rows.push(['Referrer', 'Anonymous (told that anonymity cannot be guaranteed)']);
  } else if (ref.kind === 'professional') {
    rows.push(
      ['Referrer', w.text(`${ref.name}, ${ref.role}`)],
      ['Organisation', w.text(`${ref.agencyName} (${AGENCY_TYPE_LABELS[ref.agencyType]})`)],
      ...confidentialRow(ref.confidential),
      ['Phone', ref.phone ?? null],
      ['Email', ref.email ?? null],
    );
  } else {
    rows.push(
      [
        'Referrer',
        {
          stack: [
            w.text(ref.name),
            // A member of the public is often known to the family: their identity is not shared
            // with the family without their agreement (domain §2.5 referrer feedback).
            strong('Member of the public: do not tell the family who made this referral.'),
          ],
        },
      ],
      [
        'Relationship to the child',
        `${PUBLIC_RELATIONSHIP_LABELS[ref.relationship]}${ref.relationshipDetails ? `: ${ref.relationshipDetails}` : ''}`,
      ],
      ...confidentialRow(ref.confidential),
    );
    if (ref.relationship === 'family-member') {
      rows.push(['Parental responsibility', answered(ref.parentalResponsibility)]);
    }
    if (ref.relationship === 'self') {
      rows.push(['How it is safe to contact them', w.text(ref.safeContact ?? NONE_RECORDED)]);
    }
    rows.push(['Phone', ref.phone ?? null], ['Email', ref.email ?? null]);
  }
  rows.push([
    'Feedback',
    ref.wantsFeedback
      ? `Wants to hear what happens (${FEEDBACK_METHOD_LABELS[ref.feedbackMethod]})`
      : 'No feedback wanted',
  ]);
  return [
    w.heading('Received and referrer'),
    w.details([
      ['Received', ukDateTime(r.receivedAt)],
      ['How', REFERRAL_CHANNEL_LABELS[r.channel]],
      ['Clock counted from', ukDate(r.countedFrom)],
      ['Decision due', ukDate(r.decisionDue)],
      ...rows,
      ['Referral source code', r.sourceCode],
      ['Assigned to', r.assignedTo?.displayName ?? 'Unassigned'],
    ]),
  ];
}

export function childSection(w: PdfWriter, c: ReferralChildRecord): PdfNode {
  const ch = c.child;
  const birth =
    ch.status === 'unborn'
      ? `Unborn, expected ${ukDate(ch.expectedDateOfBirth)}`
      : ch.dateOfBirth === undefined
        ? `Not known${ch.approximateAge === undefined ? '' : `: ${approximateAgeText(ch.approximateAge)} when referred`}`
        : ukDate(ch.dateOfBirth);
  const rows: [string, string | PdfNode | null][] = [
    [ch.status === 'unborn' ? 'Expected' : 'Date of birth', birth],
    ['NHS number', ch.status === 'born' && ch.nhsNumber ? formatNhsNumber(ch.nhsNumber) : null],
    ['Address', addressLine(ch.address)],
    ['School or nursery', ch.school ?? null],
    ['GP', ch.gp ?? null],
    [
      'Language',
      `${ch.firstLanguage ?? NONE_RECORDED}${
        ch.interpreterNeeded === 'unknown'
          ? ' (whether an interpreter is needed is not known)'
          : ch.interpreterNeeded
            ? ' (interpreter needed)'
            : ''
      }`,
    ],
  ];
  if (ch.status === 'born') {
    rows.push(
      ['Sex', childSexLabel(ch.gender)],
      ['Ethnicity', ch.ethnicity ?? null],
      [
        'Disability',
        `${YES_NO_UNKNOWN_LABELS[ch.disability]}${ch.disabilityDetails ? `: ${ch.disabilityDetails}` : ''}`,
      ],
    );
  }
  rows.push([
    'Record',
    `${c.personId !== null ? `Linked to the child's record ${c.personId}` : 'Not yet checked against records'}${c.reReferral ? '. Re-referral: referred within 12 months of a previous referral' : ''}`,
  ]);
  return { stack: [w.subheading(c.displayName), w.details(rows)] };
}

export function decisionsSection(w: PdfWriter, r: ReferralRecord): PdfNode[] {
  const nodes: PdfNode[] = [w.heading(r.decisions.length === 1 ? 'Decision' : 'Decisions')];
  if (r.decisions.length === 0) nodes.push(w.text('No decision recorded yet.'));
  for (const d of [...r.decisions].reverse()) {
    nodes.push(
      w.details([
        ['Response', strong(RESPONSE_LABELS[d.chosen])],
        ['Status', DECISION_STATUS[d.status]],
        [
          'Recorded',
          w.text(
            `${d.recordedBy.displayName}${d.decision.onBehalfOf ? ` on behalf of ${d.decision.onBehalfOf}` : ''}, ${ukDateTime(d.recordedAt)}`,
          ),
        ],
        ...(d.recommended !== d.chosen
          ? [['Checklist recommended', RESPONSE_LABELS[d.recommended]] as const]
          : []),
        ['Reasons', d.rationale],
        [
          'Sign-off',
          d.signOffs.length === 0
            ? w.text(d.status === 'awaiting-sign-off' ? 'Not yet signed off' : null)
            : w.list(
                d.signOffs.map((s) =>
                  w.text(
                    `${s.outcome === 'agreed' ? 'Agreed' : 'Returned'} by ${s.by.displayName}, ${ukDateTime(s.at)}${s.comment ? `: ${s.comment}` : ''}`,
                  ),
                ),
              ),
        ],
        [
          'What it sets in motion',
          w.list(d.followUps.map((f) => `${f.title}${f.due ? ` (due ${ukDate(f.due)})` : ''}`)),
        ],
      ]),
    );
  }
  return nodes;
}

export function consentText(r: ReferralRecord): string {
  const input: Partial<ReferralRecord['input']> = r.input;
  const c = input.consent;
  if (c === undefined) return NONE_RECORDED;
  switch (c.status) {
    case 'given':
      return `${CONSENT_STATUS_LABELS.given} by ${c.givenBy} on ${ukDate(c.date)}${c.scope ? ` (${c.scope})` : ''}`;
    case 'refused':
      return `${CONSENT_STATUS_LABELS.refused} by ${c.refusedBy} on ${ukDate(c.date)}: ${c.reason}`;
    case 'not-sought':
      return `${CONSENT_STATUS_LABELS['not-sought']}: ${c.reason}`;
  }
}
