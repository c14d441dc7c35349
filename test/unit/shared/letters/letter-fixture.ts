// A decided referral whose every withheld field holds its own marker string, so a test can prove
// none of them reaches any letter (issue 13: "Seed tests with unique marker strings in every
// withheld field and assert their absence from every variant").
import type {
  DecisionRecord,
  OrganisationDetails,
  ReferralRecord,
} from '../../../../shared/domain/records';
import type { ReferrerInput } from '../../../../shared/validation/referrer';
import type { Decision } from '../../../../shared/validation/decision';

export const MARKERS = {
  rationale: 'MARKER-RATIONALE-7f3a',
  differsReason: 'MARKER-DIFFERS-91c2',
  familyWithheld: 'MARKER-FAMILY-WITHHELD-44de',
  policeOfficer: 'MARKER-POLICE-OFFICER-0b17',
  policeReference: 'MARKER-POLICE-REF-5e80',
  policeForce: 'MARKER-POLICE-FORCE-c3a9',
  concern: 'MARKER-CONCERN-2d61',
  whereabouts: 'MARKER-WHEREABOUTS-8a0f',
  parentsReason: 'MARKER-PARENTS-REASON-6b3e',
  consent: 'MARKER-CONSENT-1f9d',
  householdName: 'MARKER-HOUSEHOLD-NAME-73aa',
  householdNotes: 'MARKER-HOUSEHOLD-NOTES-e5c4',
  seeingChild: 'MARKER-SEEING-CHILD-3c7b',
  familyToBeToldBy: 'MARKER-TOLD-BY-9e12',
  chronology: 'MARKER-CHRONOLOGY-0d4f',
  minutes: 'MARKER-MINUTES-b8e6',
  otherAgency: 'MARKER-OTHER-AGENCY-57f0',
  childAlias: 'MARKER-ALIAS-a2d9',
  childSchool: 'MARKER-SCHOOL-4b1c',
  childGp: 'MARKER-GP-8f3e',
  childNhs: '9434765919',
  signOff: 'MARKER-SIGN-OFF-c61a',
  assignedTo: 'MARKER-ASSIGNED-ed02',
} as const;

export const ORGANISATION: OrganisationDetails = {
  name: 'Northshire County Council Children’s Services',
  address: 'County Hall\nMarket Street\nNorthtown\nNT1 1AA',
  phone: '0300 123 4567',
  email: 'frontdoor@northshire.gov.uk',
  marking: 'OFFICIAL-SENSITIVE',
  contactLine: 'Front Door: call 0300 123 4567, 8.30am to 5pm, Monday to Friday',
  signatory: 'Jo Bloggs',
  signatoryRole: 'Team Manager, Front Door',
};

export const PROFESSIONAL: ReferrerInput = {
  kind: 'professional',
  name: 'Priya Shah',
  role: 'Designated safeguarding lead',
  agencyName: 'Oak Primary School',
  agencyType: 'school',
  email: 'p.shah@oak.sch.uk',
  address: {
    line1: 'Oak Primary School',
    line2: 'Oak Lane',
    town: 'Northtown',
    postcode: 'NT2 3BB',
  },
  wantsFeedback: true,
  feedbackMethod: 'letter',
};

export const PUBLIC: ReferrerInput = {
  kind: 'public',
  name: 'Pat Neighbour',
  relationship: 'acquaintance',
  address: { line1: '12 High Street', town: 'Northtown', postcode: 'NT1 4CC' },
  wantsFeedback: true,
  feedbackMethod: 'letter',
};

export function decision(over: Partial<Decision> = {}): Decision {
  return {
    answers: { 'crime-suspected': 'yes' },
    recommendedResponse: 'strategy-discussion',
    chosenResponse: 'strategy-discussion',
    differsReason: MARKERS.differsReason,
    rationale: `${MARKERS.rationale}: the referral describes injuries to the child.`,
    crimeSuspected: true,
    policeNotification: {
      notified: true,
      officerName: MARKERS.policeOfficer,
      forceOrTeam: MARKERS.policeForce,
      notifiedAt: '2026-11-30T11:00:00.000Z',
      reference: MARKERS.policeReference,
    },
    familyInformed: 'not-yet',
    familyWithheldExplanation: MARKERS.familyWithheld,
    familyToBeToldBy: MARKERS.familyToBeToldBy,
    familyToBeToldOn: '2026-12-01',
    seeingChildPlan: MARKERS.seeingChild,
    leadPractitioner: 'Sam Okafor',
    decidedBy: 'Dana Wilson',
    decidedAt: '2026-11-30T12:00:00.000Z',
    ...over,
  };
}

function decisionRecord(d: Decision): DecisionRecord {
  return {
    id: 'd1',
    referralId: 'r1',
    status: 'final',
    recommended: d.recommendedResponse,
    chosen: d.chosenResponse,
    rationale: d.rationale,
    decision: d,
    recordedBy: { id: 'u1', displayName: 'Dana Wilson' },
    recordedAt: d.decidedAt,
    signOffs: [
      {
        id: 's1',
        by: { id: 'u2', displayName: 'Manager' },
        at: d.decidedAt,
        outcome: 'agreed',
        comment: MARKERS.signOff,
      },
    ],
    followUps: [],
    version: 1,
  };
}

/** The referral, about the given children (names as typed), from the given referrer. */
export function referralFixture(
  names: readonly { givenNames: string; familyName: string; dateOfBirth?: string }[],
  referrer: ReferrerInput = PROFESSIONAL,
  d: Decision = decision(),
): ReferralRecord {
  const input = {
    receivedAt: '2026-11-30T09:15:00.000Z',
    channel: 'phone',
    referrer,
    children: [],
    householdMembers: [],
    concern: MARKERS.concern,
    assessmentFactors: [],
    currentWhereabouts: MARKERS.whereabouts,
    immediateProtectionMayBeNeeded: false,
    parentsAware: 'no',
    parentsAgree: 'no',
    parentsReason: MARKERS.parentsReason,
    consent: { status: 'not-sought', reason: MARKERS.consent },
    informationSharing: [],
    referralSourceCode: '2A',
  } as unknown as ReferralRecord['input'];
  return {
    id: 'r1',
    reference: 'FD-2026-000123',
    status: 'decided',
    receivedAt: '2026-11-30T09:15:00.000Z',
    countedFrom: '2026-11-30',
    decisionDue: '2026-12-01',
    clock: { kind: 'not-started' },
    channel: 'phone',
    referrer,
    referrerLabel: referrer.kind === 'anonymous' ? 'Anonymous' : referrer.name,
    referrerId: null,
    sourceCode: '2A',
    input,
    children: names.map((n, i) => ({
      id: `c${i}`,
      position: i,
      personId: null,
      displayName: `${n.givenNames} ${n.familyName}`,
      child: {
        status: 'born',
        givenNames: n.givenNames,
        familyName: n.familyName,
        dateOfBirth: n.dateOfBirth ?? '2016-04-03',
        otherNames: MARKERS.childAlias,
        school: MARKERS.childSchool,
        gp: MARKERS.childGp,
        nhsNumber: MARKERS.childNhs,
        gender: 'F',
        disability: 'unknown',
        interpreterNeeded: false,
        address: { line1: '10 High Street', town: 'Northtown', postcode: 'NT1 4CC' },
      },
      reReferral: false,
    })),
    householdMembers: [
      {
        id: 'h1',
        position: 0,
        personId: null,
        member: {
          givenNames: MARKERS.householdName,
          familyName: 'Adult',
          relationship: 'Stepfather',
          parentalResponsibility: false,
          livesInHousehold: true,
          notes: MARKERS.householdNotes,
        },
      },
    ],
    assessmentFactors: ['3A'],
    assignedTo: { id: 'u1', displayName: MARKERS.assignedTo },
    decisions: [decisionRecord(d)],
    progress: [],
    chronology: [
      {
        id: 'ch1',
        at: '2026-11-30T13:00:00.000Z',
        kind: 'significant',
        text: `${MARKERS.chronology} ${MARKERS.minutes} ${MARKERS.otherAgency}`,
        by: null,
      },
    ],
    legalHold: false,
    version: 3,
    createdAt: '2026-11-30T09:20:00.000Z',
    createdBy: null,
    updatedAt: '2026-11-30T12:00:00.000Z',
    updatedBy: null,
  };
}
