// A strategy discussion as strategy:get returns it, for the minutes tests: chair Sam Patel, two
// children, a police officer (a required role), a health visitor (required) and a teacher.
import type {
  MinutesVersionRecord,
  StrategyDiscussionRecord,
} from '../../../shared/domain/strategy';
import type { MinutesDraft } from '../../../shared/strategy/minutes';

export const CHAIR = { id: 'u-chair', displayName: 'Sam Patel' };

export function discussion(
  overrides: Partial<StrategyDiscussionRecord> = {},
): StrategyDiscussionRecord {
  const at = '2026-11-24T09:00:00.000Z';
  const invitees = [
    {
      id: 'inv-police',
      directoryId: null,
      name: 'DC Amira Haddad',
      jobTitle: 'Detective Constable',
      agency: 'Exampleshire Police',
      email: null,
      seniority: 'decision-maker' as const,
      covers: 'police' as const,
      addedAt: at,
      addedBy: CHAIR,
    },
    {
      id: 'inv-health',
      directoryId: null,
      name: 'Jo Brennan',
      jobTitle: 'Health visitor',
      agency: 'Community Health Trust',
      email: null,
      seniority: 'practitioner' as const,
      covers: 'health' as const,
      addedAt: at,
      addedBy: CHAIR,
    },
    {
      id: 'inv-school',
      directoryId: null,
      name: 'Mr Ólafsson',
      jobTitle: 'Designated safeguarding lead',
      agency: 'Northgate Primary School',
      email: null,
      seniority: 'decision-maker' as const,
      covers: 'education' as const,
      addedAt: at,
      addedBy: CHAIR,
    },
  ];
  return {
    id: 'sd1',
    referralId: 'r1',
    referralReference: 'FD-2026-000123',
    sequence: 1,
    trigger: { kind: 'decision', decisionId: 'd1' },
    status: 'held',
    startsAt: '2026-11-24T09:00:00.000Z',
    endsAt: '2026-11-24T10:00:00.000Z',
    format: 'video',
    location: null,
    joinLink: 'Teams',
    chair: CHAIR,
    minuteTaker: 'Priya Shah',
    icsUid: 'uid-1',
    icsSequence: 0,
    children: [
      {
        id: 'ch1',
        referralChildId: 'rc1',
        name: 'Noah Birch',
        initials: 'N. B.',
        lookedAfter: false,
      },
      {
        id: 'ch2',
        referralChildId: 'rc2',
        name: 'Zoë Birch',
        initials: 'Z. B.',
        lookedAfter: false,
      },
    ],
    invitees,
    roleCheck: {
      roles: [
        {
          key: 'police',
          anyOf: ['police'],
          label: 'Police',
          source: 'WT 2023 ch.3',
          basis: 'edition',
          invitees: [{ id: 'inv-police', name: 'DC Amira Haddad', agency: 'Exampleshire Police' }],
          covered: true,
        },
        {
          key: 'health',
          anyOf: ['health'],
          label: 'Health practitioner',
          source: 'WT 2023 ch.3',
          basis: 'edition',
          invitees: [{ id: 'inv-health', name: 'Jo Brennan', agency: 'Community Health Trust' }],
          covered: true,
        },
      ],
      missing: [],
    },
    suggestions: [],
    missingRolesReason: null,
    cancelledReason: null,
    history: [],
    minutes: [],
    version: 3,
    createdAt: at,
    createdBy: CHAIR,
    updatedAt: at,
    updatedBy: CHAIR,
    ...overrides,
  };
}

export function minutesVersion(
  number: number,
  minutes: MinutesDraft,
  overrides: Partial<MinutesVersionRecord> = {},
): MinutesVersionRecord {
  return {
    id: `m${String(number)}`,
    number,
    status: 'draft',
    minutes,
    amendment: null,
    version: 1,
    savedAt: '2026-11-24T10:05:00.000Z',
    savedBy: CHAIR,
    finalisedAt: null,
    finalisedBy: null,
    ...overrides,
  };
}

/** Minutes complete enough to finalise against discussion(). */
export function completeMinutes(): MinutesDraft {
  return {
    reason: 'Bruising seen at school.',
    attendance: [
      { inviteeId: 'inv-police', status: 'attended' },
      { inviteeId: 'inv-health', status: 'attended' },
      { inviteeId: 'inv-school', status: 'apologies', informationSent: 'yes' },
    ],
    information: [
      { agency: 'Northgate Primary School', text: 'Bruise on the forearm.', shareWithFamily: true },
    ],
    childViews: [
      { childId: 'ch1', views: 'Noah said he was scared at home.' },
      { childId: 'ch2', views: 'Zoë is 2 and was not spoken to.' },
    ],
    risks: 'Unexplained injury.',
    strengths: 'Grandmother nearby.',
    decision: {
      s47: 'yes',
      s47Type: 'joint-with-police',
      criminalInvestigation: 'yes',
      criminalInvestigationTiming: 'ABE interview on Thursday',
      medicalExamination: 'no',
      legalPlanning: 'no',
      ladoReferral: 'no',
      rationale: 'Reasonable cause to suspect significant harm.',
    },
    family: { told: 'to-be-told', what: 'The enquiry', by: 'Priya Shah', when: '2026-11-25' },
    safetyPlan: 'Noah stays with his grandmother.',
    actions: [{ what: 'Visit', owner: 'Priya Shah', agency: 'Social care', due: '2026-11-26' }],
    next: { step: 'icpc' },
  };
}
