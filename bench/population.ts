// Who lives in the benchmark's town: ten years of a front door's children, with the surname
// frequencies of England and Wales (a few very common surnames, Smith about 1 in 100; ONS 2000s
// surname counts, rounded), common first names with their sound-alike spellings, schools,
// postcodes, NHS numbers and the professionals who refer. Deterministic from one seed, so two
// runs describe the same town. Names of the tail are invented (syllables), never looked up.
import type { Random } from '../test/harness/seed-data';

/** Surname weights per 10,000 children: the head of the distribution (about 16% of everyone). */
const COMMON_SURNAMES: readonly (readonly [string, number])[] = [
  ['Smith', 100],
  ['Jones', 65],
  ['Williams', 50],
  ['Taylor', 45],
  ['Brown', 42],
  ['Davies', 38],
  ['Evans', 30],
  ['Wilson', 30],
  ['Thomas', 28],
  ['Johnson', 28],
  ['Roberts', 27],
  ['Robinson', 24],
  ['Thompson', 24],
  ['Wright', 23],
  ['Walker', 22],
  ['White', 21],
  ['Edwards', 20],
  ['Hughes', 20],
  ['Green', 20],
  ['Hall', 20],
  ['Lewis', 19],
  ['Harris', 19],
  ['Clarke', 18],
  ['Patel', 18],
  ['Jackson', 18],
  ['Wood', 17],
  ['Turner', 16],
  ['Martin', 16],
  ['Cooper', 16],
  ['Hill', 16],
  ['Ward', 15],
  ['Morris', 15],
  ['Moore', 15],
  ['Clark', 15],
  ['Lee', 14],
  ['King', 14],
  ['Baker', 14],
  ['Harrison', 13],
  ['Morgan', 13],
  ['Allen', 13],
  ['James', 13],
  ['Scott', 12],
  ['Phillips', 12],
  ['Watson', 12],
  ['Davis', 12],
  ['Parker', 11],
  ['Price', 11],
  ['Bennett', 11],
  ['Young', 11],
  ['Griffiths', 11],
  ['Mitchell', 11],
  ['Kelly', 11],
  ['Khan', 10],
  ['Murphy', 10],
  ['Miller', 10],
  ['Cook', 10],
  ['Carter', 10],
  ['Bailey', 10],
  ['Collins', 10],
  ['Ali', 9],
  ['Hussain', 9],
  ['Ahmed', 8],
  ['Begum', 8],
  ['Singh', 8],
  ['Kaur', 6],
  ['Nowak', 4],
  ['Kowalski', 4],
  ['Smyth', 3],
  ['Thomson', 3],
  ['Philips', 2],
];
const COMMON_TOTAL = COMMON_SURNAMES.reduce((s, [, w]) => s + w, 0);

// prettier-ignore
const PREFIXES = [
  'Ash', 'Bar', 'Brad', 'Chat', 'Dun', 'Ell', 'Fair', 'Gold', 'Hart', 'Hol', 'Kirk', 'Lang',
  'Mar', 'Nor', 'Oak', 'Pen', 'Rad', 'Shel', 'Stan', 'Thorn', 'War', 'Whit', 'Wood', 'Ack',
  'Bly', 'Cres', 'Dray', 'Fen', 'Gar', 'Hay', 'Ing', 'Lind', 'Mel', 'Ned', 'Orm', 'Pad',
  'Quen', 'Ros', 'Sal', 'Tat', 'Ul', 'Ver', 'Wes', 'Yat', 'Brom', 'Carl', 'Dal', 'Ever',
  'Farn', 'Grims',
] as const;
const MIDDLES = ['', 'e', 'ing', 'er'] as const;
// prettier-ignore
const SUFFIXES = [
  'ley', 'ton', 'worth', 'by', 'ford', 'field', 'wood', 'ham', 'well', 'more', 'ridge', 'combe',
  'stead', 'hurst', 'den', 'brook', 'dale', 'wick', 'thorpe', 'cliffe', 'gate', 'land', 'shaw',
  'cott', 'low', 'bury', 'mere', 'side', 'holm', 'ing',
] as const;

/** The invented tail: 6,000 surnames, each a few dozen children in a town of 300,000. */
const TAIL: readonly string[] = PREFIXES.flatMap((p) =>
  MIDDLES.flatMap((m) => SUFFIXES.map((s) => `${p}${m}${s}`)),
);

export function pickSurname(r: Random): string {
  if (r.next() < COMMON_TOTAL / 10_000) return r.weighted(COMMON_SURNAMES);
  // Skewed towards the front of the tail (r²), so tail names are not all equally common.
  const x = r.next();
  return TAIL[Math.floor(x * x * TAIL.length)] ?? 'Ashley';
}

// ONS baby names 2008–2023 (England and Wales), with sound-alike spellings kept as separate names.
// prettier-ignore
const GIRLS = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Rosie', 'Sophia',
  'Grace', 'Freya', 'Willow', 'Florence', 'Emily', 'Ella', 'Poppy', 'Evie', 'Elsie', 'Charlotte',
  'Evelyn', 'Sienna', 'Sofia', 'Daisy', 'Phoebe', 'Sophie', 'Chloe', 'Jessica', 'Ruby', 'Lucy',
  'Katie', 'Leah', 'Lea', 'Zoe', 'Zoey', 'Isabel', 'Isobel', 'Katherine', 'Catherine', 'Aisha',
  'Ayesha', 'Maja', 'Zara', 'Amara', 'Layla', 'Nia', 'Hannah', 'Megan', 'Holly', 'Ellie',
] as const;
// prettier-ignore
const BOYS = [
  'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Muhammad', 'Mohammed',
  'Thomas', 'Oscar', 'William', 'James', 'Leo', 'Alfie', 'Henry', 'Joshua', 'Freddie', 'Archie',
  'Ethan', 'Isaac', 'Alexander', 'Joseph', 'Edward', 'Samuel', 'Max', 'Daniel', 'Arthur',
  'Lucas', 'Mason', 'Logan', 'Theo', 'Aiden', 'Aidan', 'Sean', 'Shaun', 'Jon', 'John', 'Tyler',
  'Kacper', 'Dylan', 'Callum', 'Kai', 'Riley', 'Reuben', 'Ibrahim', 'Elijah', 'Finley', 'Ryan',
  'Lewis',
] as const;
const WOMEN = ['Kelly', 'Sarah', 'Gemma', 'Amina', 'Joanne', 'Leanne', 'Natalia', 'Claire'];
const MEN = ['Darren', 'Lee', 'Craig', 'Marek', 'Jason', 'Tariq', 'Wayne', 'Paul', 'Dean'];

/** First names by popularity: the first of the list is picked most often (r^1.6). */
export function pickGiven(r: Random, girl: boolean): string {
  const list = girl ? GIRLS : BOYS;
  return list[Math.floor(r.next() ** 1.6 * list.length)] ?? list[0];
}
export const pickWoman = (r: Random): string => r.pick(WOMEN);
export const pickMan = (r: Random): string => r.pick(MEN);

/**
 * Spellings that sound alike (Double Metaphone agrees), for probes typed "as heard". Checked
 * against shared/matching phoneticKeys by the probes that use them.
 */
// prettier-ignore
export const SOUND_ALIKE: Readonly<Record<string, string>> = {
  Smith: 'Smyth', Smyth: 'Smith', Thompson: 'Thomson', Thomson: 'Thompson', Phillips: 'Philips',
  Philips: 'Phillips', Clarke: 'Clark', Clark: 'Clarke', Aiden: 'Aidan', Aidan: 'Aiden',
  Mohammed: 'Muhammad', Muhammad: 'Mohammed', Sean: 'Shaun', Shaun: 'Sean', Jon: 'John',
  John: 'Jon', Katherine: 'Catherine', Catherine: 'Katherine', Zoe: 'Zoey', Zoey: 'Zoe',
  Isobel: 'Isabel', Isabel: 'Isobel', Leah: 'Lea', Lea: 'Leah', Aisha: 'Ayesha', Ayesha: 'Aisha',
  Davies: 'Davis', Davis: 'Davies',
};

const STREETS = ['Harbour Road', 'Mill Lane', 'Beacon Close', 'Orchard Way', 'Station Road'];
export const street = (r: Random): string => `${String(r.int(1, 180))} ${r.pick(STREETS)}`;

/** A pool of fictional postcodes (HB = "Harbourton"), about 15 households each over ten years. */
export function postcodePool(r: Random, size: number): string[] {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  const out = new Set<string>();
  while (out.size < size) {
    const a = letters[r.int(0, letters.length - 1)] ?? 'A';
    const b = letters[r.int(0, letters.length - 1)] ?? 'B';
    out.add(`HB${String(r.int(1, 40))} ${String(r.int(0, 9))}${a}${b}`);
  }
  return [...out];
}

const SCHOOL_KINDS = ['Primary School', 'Academy', 'Infant School', 'Nursery', 'CE Primary'];
/** Fictional schools and nurseries, named from the invented places. */
export function schoolPool(r: Random, size: number): string[] {
  const out = new Set<string>();
  while (out.size < size) out.add(`${r.pick(TAIL)} ${r.pick(SCHOOL_KINDS)}`);
  return [...out];
}

/** A valid NHS number (modulus 11 check digit), never the same twice in one town. */
export function nhsNumber(r: Random, used: Set<string>): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, (_, i) => (i === 0 ? r.int(4, 9) : r.int(0, 9)));
    const sum = digits.reduce((s, d, i) => s + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    const n = `${digits.join('')}${String(check === 11 ? 0 : check)}`;
    if (used.has(n)) continue;
    used.add(n);
    return n;
  }
}

export type Agency = {
  agency: string;
  agencyType: 'school' | 'gp' | 'health-visitor' | 'police' | 'housing' | 'early-help';
  sourceCode: string;
  role: string;
};

/** Referring agencies: the schools in the pool and the other services (census source codes). */
export function agencies(schools: readonly string[]): Agency[] {
  // prettier-ignore
  return [
    ...schools.map(
      (s): Agency => ({
        agency: s,
        agencyType: 'school',
        sourceCode: '2A',
        role: 'Designated safeguarding lead',
      }),
    ),
    ...['Riverside', 'Quayside', 'Northgate', 'Beacon'].map(
      (p): Agency => ({ agency: `${p} Medical Practice`, agencyType: 'gp', sourceCode: '3A', role: 'GP' }),
    ),
    { agency: 'Harbour Health Visiting', agencyType: 'health-visitor', sourceCode: '3B', role: 'Health visitor' },
    { agency: 'Harbour Police Station', agencyType: 'police', sourceCode: '6', role: 'Police constable' },
    { agency: 'Exampleshire Housing', agencyType: 'housing', sourceCode: '4', role: 'Housing officer' },
    { agency: 'Beacon Family Hub', agencyType: 'early-help', sourceCode: '5D', role: 'Family support worker' },
  ];
}

const CONCERNS: readonly ((names: string) => string)[] = [
  (n) =>
    `School reports that ${n} arrived hungry and in the same clothes for several days this week. Attendance has fallen to 82% this term.`,
  (n) =>
    `Police attended a domestic incident at the family home at 01:20. Mother had a cut to her lip; her partner was arrested. ${n} present and distressed.`,
  (n) =>
    `GP saw ${n} for a chest infection and noticed fingertip-pattern bruising to the upper arm. The explanation given did not fit the pattern.`,
  (n) =>
    `Health visitor reports mother's low mood has worsened and home conditions have deteriorated. ${n} seen to be clean and appropriately dressed.`,
  (n) =>
    `${n} told a teaching assistant that an older boy has been giving them money to carry packages after school and has threatened them.`,
  (n) =>
    `Neighbour reports that ${n} are often left alone in the flat in the evenings; heard crying on two nights this week until after 22:00.`,
];
export const concern = (r: Random, names: string): string => r.pick(CONCERNS)(names);
