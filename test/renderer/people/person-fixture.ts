// A child's record as `people:get` returns it, typed from shared/domain/records so it cannot drift.
import type { PersonDetail, PersonRecord } from '../../../shared/domain/records';

export function person(over: Partial<PersonRecord> = {}): PersonRecord {
  return {
    id: 'p1',
    kind: 'child',
    status: 'born',
    givenNames: 'Amy',
    familyName: 'Smith',
    otherNames: 'Amelia Jones',
    dateOfBirth: '2016-04-03',
    expectedDateOfBirth: null,
    gender: 'F',
    nhsNumber: '9434765919',
    postcode: 'HB2 3PD',
    address: { line1: '4 Mill Lane', town: 'Harbourton', postcode: 'HB2 3PD' },
    mergedInto: null,
    approxBirthYear: null,
    legalHold: false,
    version: 1,
    createdAt: '2026-06-01T09:00:00Z',
    updatedAt: '2026-06-01T09:00:00Z',
    ...over,
  };
}

export function personDetail(over: Partial<PersonDetail> = {}): PersonDetail {
  return {
    person: person(),
    previousInvolvement: {
      personId: 'p1',
      asOf: '2026-11-24',
      referralsLast12Months: [],
      totalReferrals: 2,
      reReferral: true,
      siblings: [
        {
          personId: 'p3',
          name: 'Kai Smith',
          relationship: null,
          birthDate: '2014-01-01',
          referralReference: 'FD-2026-000123',
        },
      ],
      householdMembers: [
        {
          personId: null,
          name: 'Kim Smith',
          relationship: 'Mother',
          birthDate: null,
          referralReference: 'FD-2026-000123',
        },
      ],
    },
    referrals: [
      {
        referralId: 'r2',
        reference: 'FD-2026-000123',
        receivedAt: '2026-11-20T10:00:00Z',
        status: 'decided',
        outcome: 'strategy-discussion',
        outcomeLabel: 'Strategy discussion (possible section 47 enquiry)',
        decidedAt: '2026-11-20T15:00:00Z',
      },
      {
        referralId: 'r1',
        reference: 'FD-2026-000050',
        receivedAt: '2026-06-01T09:00:00Z',
        status: 'closed',
        outcome: 'early-help',
        outcomeLabel: 'Early help',
        decidedAt: '2026-06-01T16:00:00Z',
      },
    ],
    merges: [
      {
        id: 'm1',
        keptId: 'p1',
        mergedId: 'p2',
        mergedAt: '2026-11-21T10:00:00Z',
        mergedBy: { id: 'u-mgr', displayName: 'Jo Morgan' },
        reason: 'Same NHS number',
        repointed: { referralChildren: ['rc1'], householdMembers: [], people: [] },
        undoneAt: null,
        undoneBy: null,
        undoReason: null,
      },
    ],
    history: [
      {
        referralId: 'r2',
        reReferral: true,
        progress: [
          {
            id: 'e1',
            event: { kind: 'strategy-discussion', date: '2026-11-21', s47: 'yes' },
            recordedAt: '2026-11-21T12:00:00Z',
            recordedBy: { id: 'u-mgr', displayName: 'Jo Morgan' },
            withdrawn: null,
          },
        ],
        discussions: [
          {
            discussionId: 'sd1',
            sequence: 1,
            status: 'minutes-finalised',
            startsAt: '2026-11-21T10:00:00.000Z',
            endsAt: '2026-11-21T11:00:00.000Z',
            format: 'video',
          },
          {
            discussionId: 'sd2',
            sequence: 2,
            status: 'confirmed',
            startsAt: '2026-12-07T14:30:00.000Z',
            endsAt: '2026-12-07T15:30:00.000Z',
            format: 'in-person',
          },
        ],
      },
      { referralId: 'r1', reReferral: false, progress: [], discussions: [] },
    ],
    mergeNames: { p1: 'Amy Smith', p2: 'Amy Smyth' },
    ...over,
  };
}
