// Valid inputs shared by the schema tests. Today is fixed: schemas never read the clock.

export const ctx = { today: '2025-06-15' } as const;

export function bornChild(): Record<string, unknown> {
  return {
    status: 'born',
    givenNames: 'Zoë',
    familyName: "O'Brien",
    dateOfBirth: '2018-04-03',
    gender: 'F',
    nhsNumber: '943 476 5919',
    address: { line1: '1 High Street', town: 'London', postcode: 'sw1a1aa' },
    interpreterNeeded: false,
    disability: 'unknown',
  };
}

export function unbornChild(): Record<string, unknown> {
  return {
    status: 'unborn',
    expectedDateOfBirth: '2025-09-01',
    motherName: 'Sarah Jones',
    interpreterNeeded: false,
  };
}

export function professionalReferrer(): Record<string, unknown> {
  return {
    kind: 'professional',
    name: 'Ann Teacher',
    role: 'Designated safeguarding lead',
    agencyName: 'Hill Primary School',
    agencyType: 'school',
    phone: '01632 960 001',
    email: 'dsl@hill.example.org',
    wantsFeedback: true,
    feedbackMethod: 'email',
  };
}

export function householdMember(): Record<string, unknown> {
  return {
    givenNames: 'Sarah',
    familyName: 'Jones',
    relationship: 'Mother',
    dateOfBirth: '1990-01-01',
    parentalResponsibility: true,
    livesInHousehold: true,
  };
}

export function referral(): Record<string, unknown> {
  return {
    receivedAt: '2025-06-13T09:30:00+01:00',
    channel: 'phone',
    referrer: professionalReferrer(),
    children: [bornChild()],
    householdMembers: [householdMember()],
    concern: 'Child arrived at school with a bruise on her cheek.\r\nSays mum hit her.',
    assessmentFactors: ['18c', '3B'],
    currentWhereabouts: 'At school until 15:15',
    immediateProtectionMayBeNeeded: false,
    parentsAware: 'no',
    parentsAgree: 'unknown',
    parentsReason: 'Telling them may place the child at risk',
    consent: { status: 'not-sought', reason: 'Would place the child at risk of significant harm' },
    informationSharing: [
      {
        decision: 'shared',
        date: '2025-06-13',
        what: 'Referral details',
        withWhom: 'Police (MASH)',
        why: 'Possible assault on a child',
        article6Basis: 'public-task',
        specialCategory: 'art9-2g-safeguarding',
        criminalOffenceData: 'sch1-para18',
        recordedBy: 'duty-1',
      },
    ],
    referralSourceCode: '2A',
  };
}
