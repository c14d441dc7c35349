// Realistic, clearly fictional front-door data (issue 3: names, agencies, outcomes, dates spread
// over years, re-referrals, siblings). Pure and deterministic: the same seed and "now" give the
// same plan; seed.ts saves it through the real services.

import { createWorkingDayCalendar, londonDate } from '../../shared/calendar';
import { londonInstant } from '../../shared/calendar/london-instant';
import type { ResponseType } from '../../shared/domain/types';
import type { ChannelInput } from '../../shared/ipc/contract';
import { addDaysIso, addMonthsIso } from '../../shared/validation/formats';
import type { AgencyType } from '../../shared/validation/referrer';
import { OPEN_REFERRALS, SOUND_ALIKE_CHILD } from './seed-facts';

export type ReferralInputData = ChannelInput<'referrals:create'>['referral'];
type ChildData = ReferralInputData['children'][number];

/** A small fast PRNG (mulberry32): deterministic demo data without a dependency. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const chance = (p: number): boolean => next() < p;
  /** Pick by weight: [[value, weight], ...]. */
  const weighted = <T>(options: readonly (readonly [T, number])[]): T => {
    const total = options.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [value, w] of options) {
      r -= w;
      if (r < 0) return value;
    }
    const last = options[options.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  };
  return { next, int, pick, chance, weighted };
}
export type Random = ReturnType<typeof createRandom>;

const GIRLS = [
  'Olivia',
  'Amelia',
  'Isla',
  'Ava',
  'Freya',
  'Lily',
  'Ivy',
  'Sofia',
  'Mia',
  'Poppy',
  'Evie',
  'Aisha',
  'Zara',
  'Maja',
  'Ruby',
  'Willow',
  'Daisy',
  'Hana',
  'Esme',
  'Nia',
  'Layla',
  'Grace',
  'Keira',
  'Chloe',
  'Maisie',
  'Amara',
  'Oliwia',
  'Phoebe',
] as const;
const BOYS = [
  'Noah',
  'Oliver',
  'George',
  'Leo',
  'Arthur',
  'Muhammad',
  'Harry',
  'Jack',
  'Theo',
  'Alfie',
  'Oscar',
  'Jayden',
  'Tyler',
  'Kacper',
  'Ellis',
  'Reuben',
  'Finley',
  'Ibrahim',
  'Mason',
  'Kai',
  'Rhys',
  'Tomasz',
  'Callum',
  'Elijah',
  'Ezra',
  'Dylan',
  'Aiden',
  'Ronan',
] as const;
const ADULT_WOMEN = [
  'Kelly',
  'Sarah',
  'Gemma',
  'Amina',
  'Joanne',
  'Leanne',
  'Natalia',
  'Claire',
  'Shanice',
  'Rebecca',
] as const;
const ADULT_MEN = [
  'Darren',
  'Lee',
  'Craig',
  'Marek',
  'Jason',
  'Tariq',
  'Wayne',
  'Paul',
  'Dean',
  'Kwame',
] as const;
// Surnames chosen to read as plausible but invented (no famous or common-real-case combinations).
const FAMILY_NAMES = [
  'Fenwick',
  'Marsh',
  'Birch',
  'Grant',
  'Ashdown',
  'Thistlewood',
  'Pembleton',
  'Brackley',
  'Quarrington',
  'Marchbank',
  'Dunmore',
  'Pellow',
  'Okonkwo-Hale',
  'Castellan',
  'Wrenfield',
  'Harrowby',
  'Oakridge',
  'Kowalczyk',
  'Mirza',
  'Delacourt',
  'Farrant',
  'Lyle',
  'Nettleford',
  'Ambrose',
  'Chaudhry',
  'Mbeki-Rowe',
  'Stonebridge',
  'Tregarthen',
  'Vance',
  'Yardley',
  'Ellery',
  'Gallagher-Price',
  'Hollins',
  'Iqbal',
  'Jessop',
  'Kettering',
  'Linwood',
  'Moreau',
] as const;
const STREETS = [
  'Harbour Road',
  'Mill Lane',
  'Beacon Close',
  'Orchard Way',
  'Quayside',
  'Station Road',
  'Kestrel Drive',
  'Tannery Row',
] as const;

export type DirectorySeed = {
  name: string;
  role: string;
  agency: string;
  agencyType: AgencyType;
  phone: string;
  email: string;
  sourceCode: string;
};

const AGENCIES: {
  agency: string;
  agencyType: AgencyType;
  sourceCode: string;
  roles: string[];
  weight: number;
}[] = [
  {
    agency: 'Northgate Primary School',
    agencyType: 'school',
    sourceCode: '2A',
    roles: ['Designated safeguarding lead', 'Headteacher'],
    weight: 14,
  },
  {
    agency: 'Harbourton Academy',
    agencyType: 'school',
    sourceCode: '2A',
    roles: ['Designated safeguarding lead', 'Head of year 9'],
    weight: 10,
  },
  {
    agency: 'St Aldhelm’s CE Infant School',
    agencyType: 'school',
    sourceCode: '2A',
    roles: ['Designated safeguarding lead'],
    weight: 5,
  },
  {
    agency: 'Riverside Medical Practice',
    agencyType: 'gp',
    sourceCode: '3A',
    roles: ['GP', 'Practice safeguarding lead'],
    weight: 8,
  },
  {
    agency: 'Quayside Health Visiting Team',
    agencyType: 'health-visitor',
    sourceCode: '3B',
    roles: ['Health visitor'],
    weight: 7,
  },
  {
    agency: 'Harbourton General Hospital Emergency Department',
    agencyType: 'hospital-ae',
    sourceCode: '3E',
    roles: ['Paediatric liaison nurse', 'Emergency department consultant'],
    weight: 6,
  },
  {
    agency: 'Harbour Police Station',
    agencyType: 'police',
    sourceCode: '6',
    roles: ['Police constable', 'Detective sergeant'],
    weight: 18,
  },
  {
    agency: 'Exampleshire Housing Options',
    agencyType: 'housing',
    sourceCode: '4',
    roles: ['Housing officer'],
    weight: 3,
  },
  {
    agency: 'Exampleshire Adult Social Care',
    agencyType: 'la-social-care',
    sourceCode: '5A',
    roles: ['Social worker'],
    weight: 3,
  },
  {
    agency: 'Beacon Family Hub',
    agencyType: 'early-help',
    sourceCode: '5D',
    roles: ['Family support worker'],
    weight: 4,
  },
  {
    agency: 'Harbourton Youth Justice Service',
    agencyType: 'legal-agency',
    sourceCode: '7',
    roles: ['Youth justice officer'],
    weight: 2,
  },
  {
    agency: 'Lighthouse Children’s Centre',
    agencyType: 'voluntary',
    sourceCode: '8',
    roles: ['Centre manager'],
    weight: 3,
  },
];

/** Ofcom drama numbers (01632 960xxx) and example.org addresses: never a real contact. */
function phone(r: Random): string {
  return `01632 960 ${String(r.int(100, 999))}`;
}

export function buildDirectory(r: Random): DirectorySeed[] {
  const out: DirectorySeed[] = [];
  for (const a of AGENCIES) {
    for (const role of a.roles) {
      const given = r.pick([...ADULT_WOMEN, ...ADULT_MEN]);
      const family = r.pick(FAMILY_NAMES);
      const slug = a.agency
        .toLowerCase()
        .replace(/[^a-z]+/g, '-')
        .replace(/^-|-$/g, '');
      out.push({
        name: `${given} ${family}`,
        role,
        agency: a.agency,
        agencyType: a.agencyType,
        phone: phone(r),
        email: `${given.toLowerCase()}.${family.toLowerCase().replace(/[^a-z]/g, '')}@${slug}.example.org`,
        sourceCode: a.sourceCode,
      });
    }
  }
  return out;
}

type Theme = {
  text: (names: string) => string;
  factors: string[];
  outcomes: readonly (readonly [ResponseType, number])[];
  crime: boolean;
};

const THEMES: Theme[] = [
  {
    text: (n) =>
      `School reports that ${n} arrived hungry and in the same clothes for several days this week. Asked about breakfast, said "there wasn't any food". Attendance has fallen to 82% this term.`,
    factors: ['16A'],
    outcomes: [
      ['early-help', 5],
      ['s17-assessment', 3],
      ['information-advice', 2],
    ],
    crime: false,
  },
  {
    text: (n) =>
      `Police attended a domestic incident at the family home at 01:20. Mother had a cut to her lip; her partner was arrested and later released under investigation. ${n} present and distressed; the younger child was asleep upstairs.`,
    factors: ['3A', '3B'],
    outcomes: [
      ['strategy-discussion', 4],
      ['s17-assessment', 4],
      ['early-help', 1],
    ],
    crime: true,
  },
  {
    text: (n) =>
      `GP saw ${n} for a chest infection and noticed fingertip-pattern bruising to the upper arm. Parent's explanation (rough play with a cousin) did not fit the pattern.`,
    factors: ['18C'],
    outcomes: [
      ['strategy-discussion', 6],
      ['s17-assessment', 3],
    ],
    crime: true,
  },
  {
    text: (n) =>
      `Health visitor reports mother's low mood has worsened since the baby was born; she is not always getting up, and home conditions have deteriorated. ${n} seen to be clean and appropriately dressed.`,
    factors: ['4B'],
    outcomes: [
      ['early-help', 5],
      ['s17-assessment', 3],
      ['information-advice', 1],
    ],
    crime: false,
  },
  {
    text: (n) =>
      `${n} told a teaching assistant that an older boy has been giving them money to carry packages after school and has threatened them if they stop.`,
    factors: ['24A', '13A'],
    outcomes: [
      ['strategy-discussion', 5],
      ['s17-assessment', 3],
    ],
    crime: true,
  },
  {
    text: (n) =>
      `Neighbour reports that ${n} are often left alone in the flat in the evenings; heard crying on two nights this week until after 22:00. No adult was seen arriving.`,
    factors: ['16A'],
    outcomes: [
      ['s17-assessment', 4],
      ['early-help', 3],
      ['nfa', 2],
    ],
    crime: false,
  },
  {
    text: (n) =>
      `Father called to say he is worried about ${n} because mother's new partner drinks heavily. He has a contact dispute with mother; no specific incident described.`,
    factors: ['1C'],
    outcomes: [
      ['nfa', 4],
      ['information-advice', 4],
      ['early-help', 2],
    ],
    crime: false,
  },
  {
    text: (n) =>
      `Housing officer visited for a repairs inspection and found ${n} sleeping on a mattress in a room with black mould; no working heating. Mother says she has reported it repeatedly.`,
    factors: ['16A', '20'],
    outcomes: [
      ['early-help', 4],
      ['information-advice', 4],
      ['s17-assessment', 1],
    ],
    crime: false,
  },
  {
    text: (n) =>
      `${n} self-harmed at school (superficial cuts to the forearm) and says things at home are "really bad" since dad left. Parents informed and collected from school.`,
    factors: ['15A', '4A'],
    outcomes: [
      ['s17-assessment', 4],
      ['early-help', 4],
    ],
    crime: false,
  },
];

const RATIONALES: Record<ResponseType, string> = {
  nfa: 'No indication that the child is in need or at risk of harm. Information passed to the referrer; no further action by children’s social care.',
  'information-advice':
    'Concerns are low level and the family is engaging with universal services. Advice given to the referrer and signposting to the family; no further action.',
  'early-help':
    'Needs can be met by early help with the family’s agreement. Parents consent to a referral to the family hub; step down to early help.',
  's17-assessment':
    'The child is likely to be a child in need: the concerns are cumulative and parents are struggling to meet the child’s needs. Section 17 assessment to start.',
  'strategy-discussion':
    'There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm. Strategy discussion with police and health needed.',
  'emergency-action':
    'Immediate risk of significant harm: the child cannot safely remain at home tonight. Police protection used; strategy discussion to follow as soon as possible.',
};

export type SeedChild = {
  key: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  gender: 'M' | 'F';
};

type Family = {
  familyName: string;
  children: SeedChild[];
  postcode: string;
  street: string;
  mother: string;
  partner: string | null;
};

export type PlannedReferral = {
  receivedAt: string;
  input: ReferralInputData;
  /** Stable keys of the children, to link a re-referral to the same person. */
  childKeys: string[];
  /** null: leave awaiting a decision. */
  decision: {
    response: ResponseType;
    recommended: ResponseType;
    at: string;
    rationale: string;
    crime: boolean;
  } | null;
  /** Index into the duty workers list, or null for unassigned. */
  assignee: number | null;
};

function dobFor(r: Random, received: string, minAge: number, maxAge: number): string {
  const base = addMonthsIso(received.slice(0, 10), -12 * r.int(minAge, maxAge));
  return addDaysIso(base, -r.int(0, 364));
}

function makeFamily(r: Random, received: string, idx: number): Family {
  const familyName = r.pick(FAMILY_NAMES);
  const size = r.weighted([
    [1, 70],
    [2, 22],
    [3, 8],
  ] as const);
  const children: SeedChild[] = [];
  const used = new Set<string>();
  for (let i = 0; i < size; i++) {
    const girl = r.chance(0.5);
    let given = r.pick(girl ? GIRLS : BOYS);
    while (used.has(given)) given = r.pick(girl ? GIRLS : BOYS);
    used.add(given);
    children.push({
      key: `f${idx}c${i}`,
      givenNames: given,
      familyName,
      dateOfBirth: dobFor(r, received, 0, 16),
      gender: girl ? 'F' : 'M',
    });
  }
  return {
    familyName,
    children,
    postcode: `HB${r.int(1, 9)} ${r.int(1, 9)}${r.pick(['AB', 'DE', 'FG', 'HJ', 'LN', 'PQ', 'RT', 'UW'])}`,
    street: `${r.int(1, 140)} ${r.pick(STREETS)}`,
    mother: r.pick(ADULT_WOMEN),
    partner: r.chance(0.6) ? r.pick(ADULT_MEN) : null,
  };
}

function childInput(c: SeedChild, f: Family, school: string | undefined): ChildData {
  return {
    status: 'born',
    givenNames: c.givenNames,
    familyName: c.familyName,
    dateOfBirth: c.dateOfBirth,
    gender: c.gender,
    disability: 'unknown',
    interpreterNeeded: false,
    address: { line1: f.street, town: 'Harbourton', postcode: f.postcode },
    ...(school ? { school } : {}),
  };
}

function names(children: readonly { givenNames: string }[]): string {
  const given = children.map((c) => c.givenNames);
  if (given.length <= 1) return given[0] ?? 'the child';
  return `${given.slice(0, -1).join(', ')} and ${given[given.length - 1] ?? ''}`;
}

function referralInput(
  r: Random,
  f: Family,
  children: SeedChild[],
  receivedAt: string,
  directory: DirectorySeed[],
  theme: Theme,
): ReferralInputData {
  const kind = r.weighted([
    ['professional', 85],
    ['public', 10],
    ['anonymous', 5],
  ] as const);
  let referrer: ReferralInputData['referrer'];
  let sourceCode: string;
  let school: string | undefined;
  if (kind === 'professional') {
    const d = r.pick(directory);
    referrer = {
      kind: 'professional',
      name: d.name,
      role: d.role,
      agencyName: d.agency,
      agencyType: d.agencyType,
      phone: d.phone,
      email: d.email,
      wantsFeedback: true,
      feedbackMethod: 'email',
    };
    sourceCode = d.sourceCode;
    if (d.agencyType === 'school') school = d.agency;
  } else if (kind === 'public') {
    referrer = {
      kind: 'public',
      name: `${r.pick(ADULT_WOMEN)} ${r.pick(FAMILY_NAMES)}`,
      relationship: r.pick(['family-member', 'acquaintance'] as const),
      phone: `07700 900 ${String(r.int(100, 999))}`,
      wantsFeedback: true,
      feedbackMethod: 'phone',
    };
    sourceCode = referrer.relationship === 'family-member' ? '1A' : '1B';
  } else {
    referrer = {
      kind: 'anonymous',
      toldAnonymityCannotBeGuaranteed: true,
      wantsFeedback: false,
      feedbackMethod: 'none',
    };
    sourceCode = '9';
  }
  const parentsAware = r.weighted([
    ['yes', 6],
    ['no', 2],
    ['unknown', 2],
  ] as const);
  const household: ReferralInputData['householdMembers'] = [
    {
      givenNames: f.mother,
      familyName: f.familyName,
      relationship: `Mother of ${names(children)}`,
      parentalResponsibility: true,
      livesInHousehold: true,
    },
  ];
  if (f.partner) {
    household.push({
      givenNames: f.partner,
      familyName: r.pick(FAMILY_NAMES),
      relationship: "Mother's partner",
      parentalResponsibility: false,
      livesInHousehold: r.chance(0.7),
    });
  }
  return {
    receivedAt,
    channel: kind === 'professional' ? r.pick(['phone', 'email', 'portal'] as const) : 'phone',
    referrer,
    children: children.map((c) => childInput(c, f, school)),
    householdMembers: household,
    concern: theme.text(names(children)),
    assessmentFactors: theme.factors,
    currentWhereabouts: r.pick([
      'At school',
      'At home with mother',
      'At nursery',
      'At home with grandmother',
      'Not known',
    ]),
    immediateProtectionMayBeNeeded: theme.crime && r.chance(0.15),
    parentsAware,
    parentsAgree: parentsAware === 'yes' ? r.pick(['yes', 'unknown'] as const) : 'unknown',
    ...(parentsAware === 'no'
      ? { parentsReason: 'Referrer worried that telling the parents could put the child at risk.' }
      : {}),
    consent:
      parentsAware === 'yes'
        ? { status: 'given', givenBy: 'Mother', date: receivedAt.slice(0, 10) }
        : { status: 'not-sought', reason: 'Asking could place the child at risk of harm.' },
    informationSharing: [],
    referralSourceCode: sourceCode,
  };
}

/** A London wall time on `date` as an instant (ambiguous times take the first). */
function at(date: string, time: string): string {
  const li = londonInstant(date, time);
  if (li.kind === 'ok') return li.instant;
  if (li.kind === 'ambiguous') return li.earlier;
  return at(date, '09:00');
}

export type SeedPlan = { directory: DirectorySeed[]; referrals: PlannedReferral[] };

/**
 * Plan `count` referrals over about four years up to `now`, oldest first. Every referral older
 * than the last few working days is decided; the newest few are left open with due dates overdue,
 * today and later, so the queue shows every clock state.
 */
export function planSeed(options: {
  count: number;
  now: Date;
  seed?: number;
  dutyWorkers: number;
}): SeedPlan {
  const r = createRandom(options.seed ?? 20261124);
  const directory = buildDirectory(r);
  const calendar = createWorkingDayCalendar();
  const nowIso = options.now.toISOString();
  const today = londonDate(nowIso);
  const lastWorking = calendar.isWorkingDay(today) ? today : calendar.previousWorkingDay(today);
  const open = OPEN_REFERRALS.overdue + OPEN_REFERRALS.dueToday + OPEN_REFERRALS.onTime;
  const historic = Math.max(0, options.count - open - 1);
  const start = addMonthsIso(today, -48);
  const span = Math.max(1, (Date.parse(today) - Date.parse(start)) / 86_400_000 - 7);

  const families: { family: Family; lastAt: string }[] = [];
  const out: PlannedReferral[] = [];
  const worker = (): number | null =>
    r.chance(0.85) ? r.int(0, Math.max(0, options.dutyWorkers - 1)) : null;

  const decide = (receivedAt: string, theme: Theme): NonNullable<PlannedReferral['decision']> => {
    const response = r.weighted(theme.outcomes);
    const recommended = r.chance(0.9) ? response : r.weighted(theme.outcomes);
    // Decided the same day or the next morning, mostly within the working day.
    const decidedDate = calendar.addWorkingDays(receivedAt.slice(0, 10), r.chance(0.8) ? 0 : 1);
    let decidedAt = at(
      decidedDate,
      `${String(r.int(14, 17)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`,
    );
    if (decidedAt <= receivedAt)
      decidedAt = new Date(Date.parse(receivedAt) + 90 * 60_000).toISOString();
    return {
      response,
      recommended,
      at: decidedAt,
      rationale: RATIONALES[response],
      crime: theme.crime,
    };
  };

  // Historic referrals, spread evenly with jitter, on working days mostly in office hours.
  const plannedDates: string[] = [];
  for (let i = 0; i < historic; i++) {
    let d = addDaysIso(start, Math.floor((i / Math.max(1, historic)) * span) + r.int(0, 2));
    if (!calendar.isWorkingDay(d) && r.chance(0.85)) d = calendar.nextWorkingDay(d);
    // Keep history clear of the open referrals' days.
    if (d >= calendar.addWorkingDays(lastWorking, -5)) d = calendar.addWorkingDays(lastWorking, -6);
    plannedDates.push(d);
  }
  plannedDates.sort();

  // The sound-alike child: referred once about five months ago (early help), with his sister.
  const smythDate = calendar.nextWorkingDay(
    addMonthsIso(today, -SOUND_ALIKE_CHILD.lastReferredMonthsAgo),
  );
  const smyth = { done: false };

  const addSmyth = () => {
    const receivedAt = at(smythDate, '10:40');
    const fam: Family = {
      familyName: SOUND_ALIKE_CHILD.familyName,
      children: [
        {
          key: 'smyth-aiden',
          givenNames: SOUND_ALIKE_CHILD.givenNames,
          familyName: SOUND_ALIKE_CHILD.familyName,
          dateOfBirth: SOUND_ALIKE_CHILD.dateOfBirth,
          gender: 'M',
        },
        {
          key: 'smyth-keira',
          givenNames: SOUND_ALIKE_CHILD.sibling.givenNames,
          familyName: SOUND_ALIKE_CHILD.sibling.familyName,
          dateOfBirth: SOUND_ALIKE_CHILD.sibling.dateOfBirth,
          gender: 'F',
        },
      ],
      postcode: 'HB3 4PQ',
      street: '27 Kestrel Drive',
      mother: 'Leanne',
      partner: null,
    };
    const theme = THEMES[0];
    if (!theme) throw new Error('no themes');
    const school = directory.find((d) => d.agency === SOUND_ALIKE_CHILD.referrer);
    const input = referralInput(
      r,
      fam,
      fam.children,
      receivedAt,
      school ? [school] : directory,
      theme,
    );
    const decision = decide(receivedAt, theme);
    out.push({
      receivedAt,
      input,
      childKeys: fam.children.map((c) => c.key),
      decision: {
        ...decision,
        response: SOUND_ALIKE_CHILD.lastOutcome,
        recommended: SOUND_ALIKE_CHILD.lastOutcome,
        rationale: RATIONALES[SOUND_ALIKE_CHILD.lastOutcome],
      },
      assignee: 0,
    });
    smyth.done = true;
  };

  plannedDates.forEach((date, i) => {
    if (!smyth.done && date >= smythDate) addSmyth();
    const time = r.chance(0.9)
      ? `${String(r.int(9, 16)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`
      : r.pick(['07:40', '18:15', '21:05', '23:30']);
    const receivedAt = at(date, time);
    // Re-referral: a family referred in the last 12 months comes back (about 1 in 5, as nationally).
    const recent = families.filter((f) => f.lastAt >= addMonthsIso(date, -12));
    let family: Family;
    if (recent.length > 0 && r.chance(0.2)) {
      const f = r.pick(recent);
      f.lastAt = date;
      family = f.family;
    } else {
      family = makeFamily(r, receivedAt, i);
      families.push({ family, lastAt: date });
    }
    const theme = r.pick(THEMES);
    out.push({
      receivedAt,
      input: referralInput(r, family, family.children, receivedAt, directory, theme),
      childKeys: family.children.map((c) => c.key),
      decision: decide(receivedAt, theme),
      assignee: worker(),
    });
  });
  if (!smyth.done) addSmyth();

  // Open referrals. Due date = 1 working day after the day counted from (received in hours).
  const openDays: { date: string; time: string }[] = [];
  for (let i = 0; i < OPEN_REFERRALS.overdue; i++) {
    openDays.push({ date: calendar.addWorkingDays(lastWorking, -(2 + i)), time: `1${i}:20` });
  }
  for (let i = 0; i < OPEN_REFERRALS.dueToday; i++) {
    openDays.push({
      date: calendar.addWorkingDays(lastWorking, -1),
      time: `${String(9 + 3 * i).padStart(2, '0')}:45`,
    });
  }
  for (let i = 0; i < OPEN_REFERRALS.onTime; i++) {
    // Earlier today if possible; otherwise after hours yesterday (counted from today).
    openDays.push({ date: lastWorking, time: `0${7 + i}:${String(10 + 15 * i)}` });
  }
  openDays.forEach((slot, i) => {
    let receivedAt = at(slot.date, slot.time);
    if (receivedAt > nowIso)
      receivedAt = new Date(options.now.getTime() - (i + 1) * 7 * 60_000).toISOString();
    const family = makeFamily(r, receivedAt, 100_000 + i);
    const theme = THEMES[i % THEMES.length];
    if (!theme) throw new Error('no themes');
    out.push({
      receivedAt,
      input: referralInput(r, family, family.children, receivedAt, directory, theme),
      childKeys: family.children.map((c) => c.key),
      decision: null,
      assignee: i % 3 === 0 ? null : i % options.dutyWorkers,
    });
  });

  out.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return { directory, referrals: out };
}
