// How SQLite finds match candidates (issue 11): each blocking key through its own index, never
// by walking every standing person (`merged_into IS NULL`) and never through an index on the
// family name alone (which reads every Smith). Checked on an empty file, and again on a town of
// 3,000 Smiths after ANALYZE, because statistics change what the planner prefers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchQueryInput } from '../../../shared/ipc/contract';
import {
  insertPerson,
  personCandidateQuery,
  personCandidates,
} from '../../../electron/main/store/repositories/people';
import { town } from '../../helpers/matching-population';
import { testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => {
  env.close();
});

const QUERIES: Record<string, MatchQueryInput> = {
  'everything typed': {
    givenNames: 'Jon',
    familyName: 'Smyth',
    dateOfBirth: '2016-04-03',
    nhsNumber: '943 476 5919',
    postcode: 'ls1 4ab',
  },
  'name and date of birth': {
    givenNames: 'Oliver',
    familyName: 'Smith',
    dateOfBirth: '2012-11-05',
  },
  'name only': { givenNames: 'Katherine', familyName: 'Smith' },
  'about 6': { givenNames: 'Tyler', familyName: 'Smith', approxBirthYear: 2020 },
  'NHS number only': { nhsNumber: '9434765919' },
  'postcode and name': { givenNames: 'Amy', familyName: 'Smith', postcode: 'LS1 4AB' },
  'date of birth only': { dateOfBirth: '2016-04-03' },
};

function plan(q: MatchQueryInput): string[] {
  const query = personCandidateQuery(env.store.db, q);
  if (query === null) throw new Error('expected a candidate query');
  const { sql, parameters } = query.compile();
  return (
    env.store.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]
  ).map((r) => r.detail);
}

function expectIndexedPlan(name: string, lines: string[]): void {
  const reads = lines.filter((l) => / people\b/.test(l) && /^(SCAN|SEARCH)/.test(l));
  expect(reads.length, name).toBeGreaterThan(0);
  for (const l of reads) {
    // Every read of people is an index search: no full scan.
    expect(l, name).toMatch(/^SEARCH people USING (INDEX|COVERING INDEX|INTEGER PRIMARY KEY)/);
    // "Not merged" never drives the plan.
    expect(l, name).not.toContain('people_merged_into');
    // A family name alone is not a key: 3,000 Smiths would be read.
    expect(l, name).not.toMatch(/people_family_(key|phonetic1|phonetic2) /);
  }
}

describe('person candidate plans', () => {
  it('uses one index per blocking key on an empty file', () => {
    for (const [name, q] of Object.entries(QUERIES)) expectIndexedPlan(name, plan(q));
    expect(plan(QUERIES['name and date of birth'] ?? {})).toEqual(
      expect.arrayContaining([
        'SEARCH people USING INDEX people_live_names (family_key=? AND given_key=?)',
        'SEARCH people USING INDEX people_live_sound_ff (family_phonetic1=? AND given_phonetic1=?)',
        'SEARCH people USING INDEX people_dob (date_of_birth=?)',
      ]),
    );
  });

  it('asks for nothing when nothing that could match has been typed', () => {
    expect(personCandidateQuery(env.store.db, {})).toBeNull();
    // A family name alone cannot reach the threshold, so it finds no candidates by itself.
    expect(personCandidateQuery(env.store.db, { familyName: 'Smith' })).toBeNull();
  });

  it('keeps the same plans with 3,000 Smiths and statistics, and reads few rows', async () => {
    const stamp = { at: '2026-01-01T00:00:00.000Z', userId: env.admin.id };
    const children = town(5, 3000, 300);
    await env.store.transaction(async (trx) => {
      for (const c of children) await insertPerson(trx, c, stamp);
    });
    env.store.raw.exec('ANALYZE');
    for (const [name, q] of Object.entries(QUERIES)) expectIndexedPlan(name, plan(q));
    // Few candidates for the commonest name: the ones sharing a first name, date or address,
    // not every Smith.
    const oliver = children.find((c) => c.familyName === 'Smith' && c.dateOfBirth !== undefined);
    const found = await personCandidates(env.store.db, {
      givenNames: oliver?.givenNames,
      familyName: 'Smith',
      dateOfBirth: oliver?.dateOfBirth,
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(300);
  }, 30_000);
});
