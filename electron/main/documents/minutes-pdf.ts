// The minutes of a strategy discussion as a PDF a chair can sign and circulate (issue 12; the
// contents follow domain §2.4 "What the discussion does (and the minutes record)").
import { describeDate } from '../../../shared/calendar/dates';
import { londonDate } from '../../../shared/calendar/clocks';
import type { MinutesFamilyInformed, MinutesPerson, MinutesView } from './minutes-view';
import { createWriter, renderPdf, type DocumentFrame, type PdfOptions } from './pdf/render';
import type { PdfCell, PdfNode } from './pdf/types';
import {
  NONE_RECORDED,
  strong,
  ukDate,
  ukDateTime,
  ukTime,
  yesNo,
  type PdfWriter,
} from './pdf/writer';

const FORMAT_LABELS: Record<MinutesView['meeting']['format'], string> = {
  'in-person': 'In person',
  video: 'Video call (Teams or other)',
  phone: 'Telephone',
};

const ATTENDANCE_LABELS = {
  attended: 'Attended',
  apologies: 'Apologies',
  'did-not-attend': 'Did not attend',
} as const;

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function statusWords(view: MinutesView): string {
  return view.version.status === 'final' ? 'final' : 'draft';
}

/** Metadata and running title: reference, kind and version only (domain §6: no names). */
export function minutesFrame(view: MinutesView): DocumentFrame {
  return {
    title: `Strategy discussion minutes ${view.caseReference}`,
    subject: `Strategy discussion ${view.sequenceNumber} minutes, version ${view.version.version} (${statusWords(view)})`,
    keywords: [
      view.caseReference,
      'strategy discussion',
      'minutes',
      `version ${view.version.version}`,
      statusWords(view),
    ],
    organisation: view.organisation,
    draft: view.version.status !== 'final',
  };
}

function person(w: PdfWriter, p: MinutesPerson): PdfNode {
  return w.text([p.name, p.role, p.agency].filter((s) => s.trim() !== '').join(', '));
}

function trigger(view: MinutesView): string {
  const t = view.trigger;
  switch (t.kind) {
    case 'referral':
      return `The referral ${view.caseReference}`;
    case 'emergency-action':
      return `Emergency action: ${
        t.action === 'police-protection'
          ? 'police protection (Children Act 1989 s46)'
          : 'emergency protection order (Children Act 1989 s44)'
      } from ${ukDateTime(t.at)}`;
    case 'new-information':
      return `New information: ${t.summary}`;
  }
}

function header(w: PdfWriter, view: MinutesView): PdfNode[] {
  const v = view.version;
  const nodes: PdfNode[] = [
    { text: 'Strategy discussion minutes', style: 'title' },
    {
      text: `Case reference ${view.caseReference} · ${ordinal(view.sequenceNumber)} strategy discussion for this referral · Version ${v.version} (${v.status === 'final' ? 'final' : 'draft, not yet finalised by the chair'})`,
      style: 'subtitle',
    },
  ];
  if (v.amendment !== null) {
    const a = v.amendment;
    nodes.push(
      w.details([
        [
          'Amendment',
          {
            stack: [
              w.text(`Version ${v.version} — amended on ${ukDateTime(a.at)} by ${a.by}`, {
                bold: true,
              }),
              { text: [strong('What changed: '), w.text(a.whatChanged)] },
              { text: [strong('Why: '), w.text(a.why)] },
            ],
          },
        ],
      ]),
    );
  }
  return nodes;
}

function meetingDetails(w: PdfWriter, view: MinutesView): PdfNode[] {
  const m = view.meeting;
  const day = londonDate(m.start);
  return [
    w.heading('Meeting details'),
    w.details([
      ['Date', `${ukDate(day)} (${describeDate(day).split(' ')[0] ?? ''})`],
      ['Time (UK time)', `${ukTime(m.start)} to ${ukTime(m.end)}`],
      ['Format', FORMAT_LABELS[m.format]],
      [m.format === 'in-person' ? 'Location' : 'Joining details', m.location],
      ['Discussion number', `${view.sequenceNumber} (for referral ${view.caseReference})`],
      ['What led to it', w.text(trigger(view))],
      ['Reason and action already taken', view.reason],
      ['Chair', person(w, view.chair)],
      ['Minute-taker', person(w, view.minuteTaker)],
    ]),
  ];
}

function children(w: PdfWriter, view: MinutesView): PdfNode[] {
  return [
    w.heading('Children discussed'),
    w.table(
      [
        { header: 'Name', width: '*' },
        { header: 'Date of birth or age', width: 150 },
      ],
      view.children.map((c) => [
        w.text(c.name),
        w.text(c.dateOfBirth !== null ? ukDate(c.dateOfBirth) : c.ageNote),
      ]),
    ),
  ];
}

function attendance(w: PdfWriter, view: MinutesView): PdfNode[] {
  const absent = view.missingRequiredRoles;
  return [
    w.heading('Attendance'),
    w.table(
      [
        { header: 'Name', width: '*' },
        { header: 'Role', width: 90 },
        { header: 'Agency', width: 90 },
        { header: 'Attendance', width: 62 },
        { header: 'Information sent', width: 66 },
      ],
      view.attendees.map((a) => [
        w.text(a.name),
        w.text(a.role),
        w.text(a.agency),
        ATTENDANCE_LABELS[a.attendance],
        yesNo(a.informationSent),
      ]),
    ),
    w.subheading('Required roles not present'),
    absent.length === 0
      ? w.text('Every role the guidance requires was present.', { margin: [0, 0, 0, 6] })
      : w.table(
          [
            { header: 'Role', width: 150 },
            { header: 'Reason recorded by the chair', width: '*' },
          ],
          absent.map((r) => [w.text(r.role), w.text(r.reason)]),
        ),
  ];
}

function information(w: PdfWriter, view: MinutesView): PdfNode[] {
  const nodes: PdfNode[] = [w.heading('Information shared, by agency')];
  if (view.informationShared.length === 0) nodes.push(w.text(null));
  for (const agency of view.informationShared) {
    nodes.push(
      w.subheading(
        agency.sharedBy === null || agency.sharedBy.trim() === ''
          ? agency.agency
          : `${agency.agency} (shared by ${agency.sharedBy})`,
      ),
      w.table(
        [
          { header: 'Information', width: '*' },
          { header: 'May be shared with the family', width: 90 },
        ],
        agency.items.map((i): PdfCell[] => [
          w.text(i.text),
          i.mayShareWithFamily ? 'Yes' : strong('No: not to be shared with the family'),
        ]),
      ),
    );
  }
  return nodes;
}

function childrensViews(w: PdfWriter, view: MinutesView): PdfNode[] {
  return [
    w.heading("The child's views and lived experience"),
    ...(view.children.length === 0
      ? [w.text(null)]
      : view.children.map((c) => ({
          stack: [w.text(c.name, { style: 'label' }), w.paragraph(null, c.viewsAndLivedExperience)],
        }))),
    w.heading('Risks'),
    w.paragraph(null, view.risks),
    w.heading('Strengths and protective factors'),
    w.paragraph(null, view.strengths),
  ];
}

function withDetails(answer: boolean, details: string | null): string {
  return details === null || details.trim() === '' ? yesNo(answer) : `${yesNo(answer)}: ${details}`;
}

function decision(w: PdfWriter, view: MinutesView): PdfNode[] {
  const d = view.decision;
  const s47 = d.section47
    ? `Yes: a section 47 enquiry (Children Act 1989 s47)${d.section47StartDate !== null ? `, starting ${ukDate(d.section47StartDate)}` : ''}`
    : `No${d.otherResponse !== null && d.otherResponse.trim() !== '' ? `: ${d.otherResponse}` : ''}`;
  const enquiry =
    d.enquiryType === null
      ? NONE_RECORDED
      : d.enquiryType === 'joint-with-police'
        ? 'Joint with the police'
        : "Single-agency (children's social care)";
  return [
    w.heading('Decision'),
    w.details([
      ['Section 47 enquiry', strong(s47)],
      ...(d.section47 ? [['Type of enquiry', enquiry] as const] : []),
      [
        'Criminal investigation',
        withDetails(d.criminalInvestigation, d.criminalInvestigationTiming),
      ],
      ['Medical examination', withDetails(d.medicalExamination, d.medicalExaminationDetails)],
      ['Legal planning', withDetails(d.legalPlanning, d.legalPlanningDetails)],
      ['Referral to the LADO', withDetails(d.ladoReferral, d.ladoDetails)],
      ['Reasons for the decision', d.rationale],
    ]),
  ];
}

function family(w: PdfWriter, told: MinutesFamilyInformed): PdfNode[] {
  return [
    w.heading('What the family is told'),
    told.told
      ? w.details([
          ['What they are told', told.what],
          ['By whom', told.byWhom],
          ['When', told.when],
        ])
      : w.details([
          ['Family told', 'No, not at this stage'],
          ['Ground for withholding', told.groundForWithholding],
        ]),
  ];
}

function actions(w: PdfWriter, view: MinutesView): PdfNode[] {
  return [
    w.heading('Immediate safety plan'),
    w.paragraph(null, view.immediateSafetyPlan),
    w.heading('Actions'),
    w.table(
      [
        { header: 'No.', width: 22 },
        { header: 'Action', width: '*' },
        { header: 'Owner', width: 90 },
        { header: 'Agency', width: 90 },
        { header: 'Due', width: 55 },
      ],
      view.actions.map((a, i) => [
        String(i + 1),
        w.text(a.what),
        w.text(a.owner),
        w.text(a.agency),
        ukDate(a.due),
      ]),
    ),
  ];
}

function nextStep(w: PdfWriter, view: MinutesView): PdfNode[] {
  const n = view.nextStep;
  const rows: [string, string | null][] =
    n.kind === 'next-discussion'
      ? [['Next strategy discussion', ukDate(n.date)]]
      : n.kind === 'icpc'
        ? [['Initial child protection conference by', ukDate(n.targetDate)]]
        : [['Next step', 'No further strategy discussion or conference planned']];
  if (n.note !== null && n.note.trim() !== '') rows.push(['Note', n.note]);
  return [w.heading('Next discussion or conference'), w.details(rows)];
}

function dissentAndDistribution(w: PdfWriter, view: MinutesView): PdfNode[] {
  return [
    w.heading('Dissent and professional disagreement'),
    w.table(
      [
        { header: 'Agency', width: 100 },
        { header: 'View recorded', width: '*' },
        { header: 'Escalation route', width: 150 },
      ],
      view.dissent.map((d) => [w.text(d.agency), w.text(d.view), w.text(d.escalationRoute)]),
    ),
    w.heading('Distribution (participants only)'),
    w.table(
      [
        { header: 'Name', width: '*' },
        { header: 'Role', width: 140 },
        { header: 'Agency', width: 140 },
      ],
      view.distribution.map((p) => [w.text(p.name), w.text(p.role), w.text(p.agency)]),
    ),
  ];
}

function signOff(w: PdfWriter, view: MinutesView): PdfNode[] {
  const v = view.version;
  const rows: [string, string | PdfNode | null][] = [
    ['Version', String(v.version)],
    ['Status', v.status === 'final' ? 'Final' : 'Draft: not yet finalised by the chair'],
  ];
  if (v.status === 'final') {
    rows.push([
      'Finalised',
      w.text(
        `${v.finalisedBy ?? NONE_RECORDED}${v.finalisedAt !== null ? `, ${ukDateTime(v.finalisedAt)}` : ''}`,
      ),
    ]);
  }
  // Space for the chair's signature and date on the printed copy.
  const blank: PdfNode = { text: ' ', margin: [0, 10, 0, 10] };
  rows.push(['Chair', person(w, view.chair)], ['Signed', blank], ['Date', blank]);
  // One block, so the chair's signature box never sits on a page apart from its heading.
  return [{ stack: [w.heading('Version and sign-off'), w.details(rows)], unbreakable: true }];
}

/** The minutes as an A4 PDF (bytes). Names appear in the body, never in the metadata. */
export async function buildMinutesPdf(
  view: MinutesView,
  options: PdfOptions = {},
): Promise<Uint8Array> {
  const w = createWriter(options);
  const content: PdfNode[] = [
    ...header(w, view),
    ...meetingDetails(w, view),
    ...children(w, view),
    ...attendance(w, view),
    ...information(w, view),
    ...childrensViews(w, view),
    ...decision(w, view),
    ...family(w, view.familyInformed),
    ...actions(w, view),
    ...nextStep(w, view),
    ...dissentAndDistribution(w, view),
    ...signOff(w, view),
  ];
  return renderPdf(minutesFrame(view), w, content, options);
}
