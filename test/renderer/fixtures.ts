// Plain data for renderer tests, typed from shared/domain/records so it cannot drift.

import { resolvePolicy } from '../../shared/policy';
import type {
  AppUser,
  QueueItem,
  ReferralRecord,
  SessionInfo,
  SettingsRecord,
  StoreStatus,
} from '../../shared/domain/records';
import type { QueueFilter } from '../../shared/ipc/contract';

/** Tuesday 24 November 2026, 10:00 in London (GMT). */
export const NOW = new Date('2026-11-24T10:00:00Z');

export function makeUser(overrides: Partial<AppUser> = {}): AppUser {
  return {
    id: 'u-duty',
    osAccount: 'dwilson',
    displayName: 'Dana Wilson',
    roles: ['duty-worker'],
    active: true,
    version: 1,
    ...overrides,
  };
}

export function makeSettings(): SettingsRecord {
  return {
    edition: 2023,
    overrides: {},
    organisation: {
      name: 'Exampleshire Council Children’s Services',
      address: '1 Civic Way',
      phone: '01234 567890',
      email: 'mash@example.org',
      marking: 'OFFICIAL-SENSITIVE',
    },
    closures: [],
    policy: resolvePolicy(2023),
    version: 1,
    updatedAt: null,
    updatedBy: null,
  };
}

export function makeSession(
  user: AppUser = makeUser(),
  message: string | null = null,
): SessionInfo {
  return { user, isNewUser: false, message, settings: makeSettings() };
}

export function okStatus(): StoreStatus {
  return {
    state: 'ok',
    reason: null,
    dataDir: '/tmp/front-door',
    uncleanShutdown: false,
    quickCheck: null,
    schemaVersion: 2,
    knownSchemaVersion: 2,
    backups: [],
  };
}

function item(partial: Partial<QueueItem> & Pick<QueueItem, 'id' | 'decisionDue'>): QueueItem {
  return {
    reference: `REF-${partial.id}`,
    status: 'awaiting-decision',
    receivedAt: '2026-11-23T09:30:00Z',
    countedFrom: '2026-11-23',
    // Deliberately stale server status: the queue must recount it against "now".
    clock: { kind: 'on-time', workingDaysLeft: 9 },
    children: [],
    referrerLabel: 'Northgate Primary School',
    assignedTo: null,
    immediateProtection: false,
    returned: null,
    version: 1,
    ...partial,
  };
}

export const QUEUE: QueueItem[] = [
  item({
    id: 'on-time',
    decisionDue: '2026-11-25',
    receivedAt: '2026-11-24T09:15:00Z',
    children: [
      {
        position: 0,
        displayName: 'Poppy Marsh',
        personId: null,
        birthDate: '2019-05-02',
        unborn: false,
      },
    ],
    referrerLabel: 'Riverside Medical Practice',
    assignedTo: { id: 'u-duty', displayName: 'Dana Wilson' },
  }),
  item({
    id: 'overdue',
    decisionDue: '2026-11-20',
    receivedAt: '2026-11-19T14:05:00Z',
    children: [
      {
        position: 0,
        displayName: 'Ellis Fenwick',
        personId: null,
        birthDate: '2016-03-14',
        unborn: false,
      },
      {
        position: 1,
        displayName: 'Ruby Fenwick',
        personId: null,
        birthDate: '2018-09-30',
        unborn: false,
      },
    ],
    referrerLabel: 'Harbour Police Station',
    immediateProtection: true,
  }),
  item({
    id: 'today',
    decisionDue: '2026-11-24',
    children: [
      {
        position: 0,
        displayName: 'Noah Birch',
        personId: null,
        birthDate: '2012-01-20',
        unborn: false,
      },
    ],
  }),
  item({
    id: 'signoff',
    status: 'awaiting-sign-off',
    decisionDue: '2026-11-23',
    clock: { kind: 'met', on: '2026-11-23', late: false },
    children: [
      {
        position: 0,
        displayName: 'Isla Grant',
        personId: null,
        birthDate: '2020-07-07',
        unborn: false,
      },
    ],
    assignedTo: { id: 'u-other', displayName: 'Sam Okafor' },
  }),
];

/** The fake server's filter, close enough to the real one for screen tests. */
export function filterQueue(filter: QueueFilter, me = 'u-duty'): QueueItem[] {
  const today = '2026-11-24';
  switch (filter) {
    case 'all':
      return QUEUE;
    case 'mine':
      return QUEUE.filter((q) => q.assignedTo?.id === me);
    case 'unassigned':
      return QUEUE.filter((q) => q.assignedTo === null);
    case 'due-today':
      return QUEUE.filter((q) => q.status === 'awaiting-decision' && q.decisionDue === today);
    case 'overdue':
      return QUEUE.filter((q) => q.status === 'awaiting-decision' && q.decisionDue < today);
    case 'awaiting-sign-off':
      return QUEUE.filter((q) => q.status === 'awaiting-sign-off');
  }
}

export function makeReferral(id: string): ReferralRecord {
  const q = QUEUE.find((x) => x.id === id) ?? QUEUE[0];
  if (!q) throw new Error('no queue fixture');
  return {
    id: q.id,
    reference: q.reference,
    status: q.status,
    receivedAt: q.receivedAt,
    countedFrom: q.countedFrom,
    decisionDue: q.decisionDue,
    clock: { kind: 'overdue', workingDaysOverdue: 2 },
    channel: 'phone',
    referrer: {
      kind: 'professional',
      name: 'Priya Shah',
      role: 'Designated safeguarding lead',
      agencyName: q.referrerLabel,
      agencyType: 'police',
      wantsFeedback: false,
      feedbackMethod: 'none',
    },
    referrerLabel: q.referrerLabel,
    referrerId: null,
    sourceCode: '6',
    input: {
      concern: 'Neighbours heard shouting late at night; the children were seen outside at 23:00.',
      currentWhereabouts: 'At school',
      immediateProtectionMayBeNeeded: q.immediateProtection,
    } as ReferralRecord['input'],
    children: q.children.map((c, i) => ({
      id: `${q.id}-c${i}`,
      position: i,
      personId: null,
      displayName: c.displayName,
      child: {
        status: 'born',
        givenNames: c.displayName.split(' ')[0] ?? '',
        familyName: c.displayName.split(' ')[1] ?? '',
        dateOfBirth: c.birthDate ?? '2015-01-01',
        gender: '0',
        disability: 'unknown',
        interpreterNeeded: false,
      },
      reReferral: i === 0,
    })),
    householdMembers: [],
    assessmentFactors: [],
    assignedTo: q.assignedTo,
    decisions: [],
    progress: [],
    chronology: [],
    legalHold: false,
    version: 1,
    createdAt: q.receivedAt,
    createdBy: null,
    updatedAt: q.receivedAt,
    updatedBy: null,
  };
}
