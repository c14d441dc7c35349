// A complete referral record for the referral page and decision screen tests.

import { resolvePolicy } from '../../../shared/policy';
import type {
  DecisionRecord,
  ReferralRecord,
  SettingsRecord,
} from '../../../shared/domain/records';
import type { Edition } from '../../../shared/domain/types';
import { makeReferral, makeSettings } from '../fixtures';

export function settingsFor(edition: Edition): SettingsRecord {
  return { ...makeSettings(), edition, policy: resolvePolicy(edition) };
}

export function fullReferral(overrides: Partial<ReferralRecord> = {}): ReferralRecord {
  const base = makeReferral('today');
  return {
    ...base,
    id: 'r1',
    reference: 'REF-0001',
    status: 'awaiting-decision',
    // Monday 23/11/2026 18:30 London: after the office closed, but the child may need immediate
    // protection, so the decision cannot wait for the next working day: due that day.
    receivedAt: '2026-11-23T18:30:00Z',
    countedFrom: '2026-11-23',
    decisionDue: '2026-11-23',
    input: {
      receivedAt: '2026-11-23T18:30:00Z',
      channel: 'phone',
      referrer: base.referrer,
      children: base.children.map((c) => c.child),
      householdMembers: [],
      concern: 'Noah said his stepfather hit him with a belt last night; bruising seen on his arm.',
      assessmentFactors: ['3A'],
      currentWhereabouts: 'At Northgate Primary School until 15:15',
      immediateProtectionMayBeNeeded: true,
      parentsAware: 'no',
      parentsAgree: 'unknown',
      parentsReason: 'School worried telling the stepfather would put Noah at risk.',
      consent: {
        status: 'not-sought',
        reason: 'Asking would place the child at risk',
      },
      informationSharing: [
        {
          decision: 'shared',
          date: '2026-11-24',
          what: 'The referral and body map',
          withWhom: 'Harbour Police CAIT',
          why: 'Possible assault on a child',
          recordedBy: 'Dana Wilson',
          lawfulBasis: 'safeguarding-without-consent',
        },
      ],
      referralSourceCode: '2A',
    },
    children: [
      {
        id: 'c1',
        position: 0,
        personId: 'p1',
        displayName: 'Noah Birch',
        child: {
          status: 'born',
          givenNames: 'Noah',
          familyName: 'Birch',
          dateOfBirth: '2012-01-20',
          gender: '1',
          nhsNumber: '9434765919',
          address: { line1: '4 Quay Street', town: 'Harbourton', postcode: 'HB2 3CD' },
          school: 'Northgate Primary School',
          disability: 'no',
          interpreterNeeded: false,
        },
        reReferral: true,
      },
    ],
    householdMembers: [
      {
        id: 'h1',
        position: 0,
        personId: null,
        member: {
          givenNames: 'Kelly',
          familyName: 'Birch',
          relationship: 'Mother',
          parentalResponsibility: true,
          livesInHousehold: true,
        },
      },
      {
        id: 'h2',
        position: 1,
        personId: null,
        member: {
          givenNames: 'Mark',
          familyName: 'Dunn',
          relationship: 'Stepfather',
          parentalResponsibility: false,
          livesInHousehold: true,
        },
      },
    ],
    assessmentFactors: ['3A'],
    chronology: [
      {
        id: 'e1',
        at: '2026-11-23T18:30:00Z',
        kind: 'auto',
        text: 'Referral received by phone.',
        by: { id: 'u-duty', displayName: 'Dana Wilson' },
      },
    ],
    ...overrides,
  };
}

export function decidedRecord(status: DecisionRecord['status']): DecisionRecord {
  return {
    id: 'd1',
    referralId: 'r1',
    status,
    recommended: 'strategy-discussion',
    chosen: 'strategy-discussion',
    rationale: 'Injury disclosed by the child; reasonable cause to suspect significant harm.',
    decision: {
      answers: { 'significant-harm': 'yes' },
      recommendedResponse: 'strategy-discussion',
      chosenResponse: 'strategy-discussion',
      rationale: 'Injury disclosed by the child; reasonable cause to suspect significant harm.',
      crimeSuspected: true,
      policeNotification: {
        notified: true,
        officerName: 'DC Amy Hale',
        forceOrTeam: 'Harbour Police CAIT',
        notifiedAt: '2026-11-24T09:40:00Z',
        reference: 'HP-24-1187',
      },
      familyInformed: 'no-withheld',
      familyWithheldReason: 'jeopardise-police-investigation',
      familyWithheldExplanation: 'Police to speak to the stepfather first.',
      seeingChildPlan: 'Social worker and police to see Noah at school today.',
      decidedBy: 'Sam Okafor',
      decidedAt: '2026-11-24T09:45:00Z',
    },
    recordedBy: { id: 'u-other', displayName: 'Sam Okafor' },
    recordedAt: '2026-11-24T09:45:00Z',
    signOffs: [],
    followUps: [
      {
        kind: 'strategy-discussion',
        title: 'Hold a strategy discussion',
        detail: 'Convene a strategy discussion with the required agencies.',
        workingDays: 1,
        due: '2026-11-25',
      },
      {
        kind: 'acknowledgement-letter',
        title: 'Acknowledge the referral',
        detail: 'Let the referrer know the referral was received.',
        workingDays: 1,
        due: '2026-11-25',
      },
      {
        kind: 'outcome-letter',
        title: 'Tell the referrer the outcome',
        detail: 'Tell the referrer the decision and next steps.',
        workingDays: 1,
        due: '2026-11-25',
      },
    ],
    version: 1,
  };
}
