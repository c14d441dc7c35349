// Search first at scale (issue 11; domain §7): with 3,000 children called Smith, siblings, twins
// and sound-alike spellings, the child a practitioner is describing comes back first every time,
// whichever way they describe them, and matching stays quick. Every answer is also checked
// against a brute-force oracle that scores every person on record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../../shared/domain/records';
import type { MatchQueryInput } from '../../../shared/ipc/contract';
import { phoneticKeys, scoreMatch } from '../../../shared/matching';
import { addDaysIso, formatNhsNumber } from '../../../shared/validation/formats';
import { insertPerson, toPersonRecord } from '../../../electron/main/store/repositories/people';
import type { PersonRow } from '../../../electron/main/store/schema';
import {
  SOUND_ALIKE,
  type Oracle,
  asMatchPerson,
  oracle,
  pick,
  seeded,
  town,
} from '../../helpers/matching-population';
import { testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
let everyone: PersonRecord[];
let truth: Oracle;

beforeAll(async () => {
  env = await testEnv();
  const children = town(11, 3000, 1800);
  const stamp = { at: '2026-01-01T00:00:00.000Z', userId: env.admin.id };
  await env.store.transaction(async (trx) => {
    for (const c of children) await insertPerson(trx, c, stamp);
  });
  everyone = (env.store.raw.prepare('SELECT * FROM people').all() as PersonRow[]).map(
    toPersonRecord,
  );
  truth = oracle(everyone);
}, 60_000);

afterAll(() => {
  env.close();
});

type Kind = 'exact' | 'sound-alike' | 'swapped' | 'day-out' | 'nhs' | 'postcode' | 'about';
const KINDS: readonly Kind[] = [
  'exact',
  'sound-alike',
  'swapped',
  'day-out',
  'nhs',
  'postcode',
  'about',
];

/** The reason each kind of probe must show on the right child. */
const EXPECTED_REASON: Record<Kind, string> = {
  exact: 'exact-name',
  'sound-alike': 'dob-exact',
  swapped: 'dob-day-month-swapped',
  'day-out': 'dob-within-a-day',
  nhs: 'nhs-number',
  postcode: 'same-postcode',
  about: 'dob-about',
};

const soundAlike = (name: string): string | null => {
  const other = SOUND_ALIKE[name];
  if (other === undefined) return null;
  const [a] = phoneticKeys(name);
  return a !== undefined && phoneticKeys(other).includes(a) ? other : null;
};

/** How a caller might describe `p`, or null when this kind does not fit them. */
function probeFor(kind: Kind, p: PersonRecord, rng: () => number): MatchQueryInput | null {
  const given = p.givenNames ?? '';
  const family = p.familyName ?? '';
  const dob = p.dateOfBirth;
  const named = { givenNames: given, familyName: family };
  switch (kind) {
    case 'exact':
      return dob === null ? null : { ...named, dateOfBirth: dob };
    case 'sound-alike': {
      const g = soundAlike(given);
      const f = soundAlike(family);
      if (dob === null || (g === null && f === null)) return null;
      return { givenNames: g ?? given, familyName: f ?? family, dateOfBirth: dob };
    }
    case 'swapped': {
      if (dob === null || Number(dob.slice(8, 10)) > 12 || dob.slice(5, 7) === dob.slice(8, 10))
        return null;
      const swapped = `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}`;
      return { ...named, dateOfBirth: swapped };
    }
    case 'day-out':
      return dob === null ? null : { ...named, dateOfBirth: addDaysIso(dob, rng() < 0.5 ? -1 : 1) };
    case 'nhs':
      // Typed with spaces, as read off a letter.
      return p.nhsNumber === null ? null : { nhsNumber: formatNhsNumber(p.nhsNumber) };
    case 'postcode':
      return p.postcode === null ? null : { ...named, postcode: p.postcode.toLowerCase() };
    case 'about': {
      if (p.postcode === null) return null;
      // "About 6": the year the caller's estimate points to, up to a year out.
      if (dob !== null) {
        const year = Number(dob.slice(0, 4)) + pick(rng, [-1, 0, 1]);
        return { ...named, approxBirthYear: year, postcode: p.postcode };
      }
      // Known only by an estimate; now the caller knows the date of birth.
      const year = (p.approxBirthYear ?? 2015) + pick(rng, [-1, 0, 1]);
      return { ...named, dateOfBirth: `${String(year)}-06-15`, postcode: p.postcode };
    }
  }
}

type Probe = { kind: Kind; target: PersonRecord; query: MatchQueryInput };

/**
 * 200 probes over seven kinds, mostly for Smiths and Smyths. A probe is kept only when the oracle
 * says its child is the single best match (a description that fits two children equally well,
 * such as a date one day out that is another same-named child's birthday, has no right answer).
 */
function probes(n: number): { kept: Probe[]; ambiguous: number } {
  const rng = seeded(2026);
  const smiths = everyone.filter((p) => p.familyName === 'Smith' || p.familyName === 'Smyth');
  const kept: Probe[] = [];
  let ambiguous = 0;
  for (let i = 0; kept.length < n; i++) {
    const kind = KINDS[kept.length % KINDS.length] ?? 'exact';
    const target = pick(rng, rng() < 0.8 ? smiths : everyone);
    const query = probeFor(kind, target, rng);
    if (query === null) continue;
    const [first, second] = truth.shown(query);
    if (first?.id !== target.id || (second && second.result.score === first.result.score)) {
      ambiguous += 1;
      continue;
    }
    kept.push({ kind, target, query });
  }
  return { kept, ambiguous };
}

describe('search first with thousands of same-surname children', () => {
  it('the oracle never skips a person who could be shown (its bound is never below the score)', () => {
    const rng = seeded(7);
    for (let i = 0; i < 3000; i++) {
      const a = pick(rng, everyone);
      const b = pick(rng, everyone);
      const kind = pick(rng, KINDS);
      const q = probeFor(kind, b, rng) ?? asMatchPerson(b);
      expect(truth.bound(a, q)).toBeGreaterThanOrEqual(scoreMatch(asMatchPerson(a), q).score);
    }
  });

  it('returns the right child first for 200 probes, and exactly what scoring everyone would show', async () => {
    expect(everyone.filter((p) => p.familyName === 'Smith').length).toBeGreaterThanOrEqual(3000);
    const { kept, ambiguous } = probes(200);
    const ctx = { user: env.admin };
    const misses: string[] = [];
    const times: number[] = [];
    const wrongReason: string[] = [];
    const lost: string[] = [];
    for (const [i, p] of kept.entries()) {
      const t0 = performance.now();
      const matches = await env.services.people.match(ctx, p.query);
      times.push(performance.now() - t0);
      const ids = matches.map((m) => m.person.id);
      if (ids[0] !== p.target.id) {
        misses.push(
          `${String(i)} ${p.kind} ${JSON.stringify(p.query)}: at ${String(ids.indexOf(p.target.id))}`,
        );
        continue;
      }
      const codes = matches[0]?.reasons.map((r) => r.code) ?? [];
      if (!codes.includes(EXPECTED_REASON[p.kind] as (typeof codes)[number]))
        wrongReason.push(`${String(i)} ${p.kind}: ${codes.join(', ')}`);
      // Nothing the oracle would show is lost: as many matches (up to 20), none weaker than any
      // left out.
      const shown = truth.shown(p.query);
      const returned = new Set(ids);
      const bestLeftOut = Math.max(
        0,
        ...shown.filter((s) => !returned.has(s.id)).map((s) => s.result.score),
      );
      if (
        matches.length !== Math.min(20, shown.length) ||
        Math.min(...matches.map((m) => m.score)) < bestLeftOut
      )
        lost.push(`${String(i)} ${p.kind}: ${String(matches.length)} of ${String(shown.length)}`);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)] ?? 0;
    const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
    console.log(
      `matching: ${String(kept.length - misses.length)}/${String(kept.length)} right child first ` +
        `(${String(ambiguous)} ambiguous probes skipped); p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms ` +
        `over ${String(everyone.length)} people; ${String(lost.length)} lost a shown match`,
    );
    expect(misses).toEqual([]);
    expect(lost).toEqual([]);
    expect(wrongReason).toEqual([]);
    expect(ambiguous).toBeLessThan(40);
    // Target 30 ms on the 2-core machine; fail only well beyond it so a busy CI box passes.
    expect(p95).toBeLessThan(150);
  }, 60_000);
});
