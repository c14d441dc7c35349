// Minutes as a chair would record them, with names in several scripts, for the PDF tests.
import type { MinutesAction, MinutesView } from '../../../electron/main/documents/minutes-view';

export const ACCENTED = 'Zoë Łukasz-Ñúñez Şahin';
/** Arabic without a lam-alef ligature: pdf.js extracts it exactly (see minutes-pdf.test.ts). */
export const ARABIC = 'فاطمة حسين';
/** Arabic with lam + alef, which every Arabic font joins into one ligature glyph. */
export const ARABIC_LIGATURE = 'محمد الأحمد';
export const CHINESE = '王小明';

export function minutesView(over: Partial<MinutesView> = {}): MinutesView {
  return {
    organisation: 'Northshire County Council Children’s Services',
    caseReference: 'FD-2026-000123',
    meeting: {
      start: '2026-03-30T09:00:00.000Z',
      end: '2026-03-30T10:15:00.000Z',
      format: 'video',
      location: 'Teams meeting: join from the link in the invite (meeting ID 123 456 789)',
    },
    sequenceNumber: 1,
    trigger: { kind: 'referral' },
    reason:
      'School reported bruising to Amy’s upper arm and her saying she was scared to go home. ' +
      'No immediate action taken before the discussion; Amy remained at school.',
    chair: { name: 'Dana Wilson', role: 'Team manager (chair)', agency: 'Children’s social care' },
    minuteTaker: { name: 'Sam Okafor', role: 'Business support', agency: 'Children’s social care' },
    children: [
      {
        name: ACCENTED,
        dateOfBirth: '2016-04-03',
        ageNote: null,
        viewsAndLivedExperience:
          'Told her teacher she does not want to go home when her mother’s partner is there.',
      },
      {
        name: ARABIC,
        dateOfBirth: null,
        ageNote: 'about 6',
        viewsAndLivedExperience: '',
      },
      {
        name: CHINESE,
        dateOfBirth: '2019-11-30',
        ageNote: null,
        viewsAndLivedExperience: 'Too young to give views; nursery describe him as quiet.',
      },
    ],
    attendees: [
      {
        name: 'Dana Wilson',
        role: 'Team manager (chair)',
        agency: 'Children’s social care',
        attendance: 'attended',
        informationSent: true,
      },
      {
        name: 'DC Priya Sharma',
        role: 'Police',
        agency: 'Northshire Police',
        attendance: 'attended',
        informationSent: true,
      },
      {
        name: ARABIC_LIGATURE,
        role: 'Health practitioner',
        agency: 'Northshire Community Health',
        attendance: 'apologies',
        informationSent: true,
      },
      {
        name: 'Jo Teacher',
        role: 'Referrer',
        agency: 'Oak Primary School',
        attendance: 'did-not-attend',
        informationSent: false,
      },
    ],
    missingRequiredRoles: [
      { role: 'Health practitioner', reason: 'On leave; health information sent beforehand.' },
    ],
    informationShared: [
      {
        agency: 'Northshire Police',
        sharedBy: 'DC Priya Sharma',
        items: [
          {
            text: 'Two domestic abuse call-outs to the address in 2025.',
            mayShareWithFamily: false,
          },
          { text: 'No current bail conditions.', mayShareWithFamily: true },
        ],
      },
      { agency: 'Oak Primary School', sharedBy: null, items: [] },
    ],
    risks: 'Unexplained bruising; the child’s fear of going home; history of domestic abuse.',
    strengths: 'Grandmother nearby and willing to help; good school attendance.',
    decision: {
      section47: true,
      section47StartDate: '2026-03-30',
      otherResponse: null,
      enquiryType: 'joint-with-police',
      criminalInvestigation: true,
      criminalInvestigationTiming: 'ABE interview planned for 31/03/2026 at the suite.',
      medicalExamination: true,
      medicalExaminationDetails: 'Child protection medical today with the paediatrician.',
      legalPlanning: false,
      legalPlanningDetails: null,
      ladoReferral: false,
      ladoDetails: null,
      rationale: 'Reasonable cause to suspect significant harm (Children Act 1989 s47).',
    },
    familyInformed: {
      told: false,
      groundForWithholding: 'Telling the family now would jeopardise the police investigation.',
    },
    immediateSafetyPlan: 'Children to stay with grandmother tonight; police to visit the address.',
    actions: [
      {
        what: 'Arrange the child protection medical',
        owner: 'Dana Wilson',
        agency: 'Children’s social care',
        due: '2026-03-30',
      },
      {
        what: 'ABE interview',
        owner: 'DC Priya Sharma',
        agency: 'Northshire Police',
        due: '2026-03-31',
      },
    ],
    nextStep: { kind: 'icpc', targetDate: '2026-04-21', note: null },
    dissent: [],
    distribution: [
      { name: 'Dana Wilson', role: 'Team manager (chair)', agency: 'Children’s social care' },
      { name: 'DC Priya Sharma', role: 'Police', agency: 'Northshire Police' },
      { name: ARABIC_LIGATURE, role: 'Health practitioner', agency: 'Northshire Community Health' },
    ],
    version: { version: 1, status: 'draft', finalisedBy: null, finalisedAt: null, amendment: null },
    ...over,
  };
}

/** `n` actions, each with a long description, for a meeting that runs over several pages. */
export function manyActions(n: number): MinutesAction[] {
  return Array.from({ length: n }, (_, i) => ({
    what:
      `Action ${i + 1}: ` +
      'contact the family’s GP, the health visitor and the school nurse to gather what is known ' +
      'about the children’s health, development and attendance, and report back to the chair.',
    owner: i % 2 === 0 ? 'Dana Wilson' : CHINESE,
    agency: i % 2 === 0 ? 'Children’s social care' : 'Northshire Community Health',
    due: `2026-04-${String((i % 28) + 1).padStart(2, '0')}`,
  }));
}
