// Full-text rows keyed by rowid (issue 11, migration 6): saving a referral replaces its own index
// row by key. Before, `DELETE FROM referrals_fts WHERE referral_id = ?` read the whole index on
// every save (referral_id is UNINDEXED), 95–142 ms at 200,000 referrals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferralRecord } from '../../../shared/domain/records';
import { searchPeople } from '../../../electron/main/store/repositories/people';
import { statementsRun } from '../../helpers/statements';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

const WORDS =
  'child school bruising mother father home police nursery scared hungry late absent injury report concern visit health neighbour'.split(
    ' ',
  );

/** Fills the referral index with `n` rows of other referrals, each a paragraph long. */
function bulkIndex(n: number): void {
  const ins = env.store.raw.prepare(
    'INSERT INTO referrals_fts (rowid, referral_id, reference, narrative, referrer, children) VALUES (?, ?, ?, ?, ?, ?)',
  );
  env.store.raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const narrative = Array.from(
        { length: 60 },
        (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length],
      ).join(' ');
      ins.run(
        1_000_000 + i,
        `other-${String(i)}`,
        `FD-2020-${String(i).padStart(6, '0')}`,
        narrative,
        'Jo Teacher Oak Primary School',
        'Amy Smith Tom Smith',
      );
    }
  })();
  // Out of the WAL now, so the saves timed next do not pay for checkpointing these pages.
  env.store.raw.pragma('wal_checkpoint(TRUNCATE)');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function create(): Promise<ReferralRecord> {
  return env.services.referrals.create(
    { user: env.admin },
    { referral: referralInput(), newChildren: [0] },
  );
}

async function update(r: ReferralRecord, concern: string): Promise<ReferralRecord> {
  return env.services.referrals.update(
    { user: env.admin },
    { id: r.id, version: r.version, referral: referralInput({ concern }) },
  );
}

describe('full-text rows keyed by rowid', () => {
  it('writes each row with its record’s rowid, one row per record, found by the new words only', async () => {
    let r = await create();
    const personId = r.children[0]?.personId ?? '';
    r = await update(r, 'Seen with a burn on the hand at breakfast club.');
    const rowid = (table: string, id: string) =>
      (
        env.store.raw.prepare(`SELECT rowid AS n FROM ${table} WHERE id = ?`).get(id) as {
          n: number;
        }
      ).n;
    expect(
      env.store.raw
        .prepare('SELECT rowid AS n, narrative FROM referrals_fts WHERE referral_id = ?')
        .all(r.id),
    ).toEqual([
      { n: rowid('referrals', r.id), narrative: 'Seen with a burn on the hand at breakfast club.' },
    ]);
    const hits = await env.services.referrals.search({ user: env.admin }, { text: 'breakfast' });
    expect(hits.map((h) => h.id)).toEqual([r.id]);
    expect(await env.services.referrals.search({ user: env.admin }, { text: 'bruising' })).toEqual(
      [],
    );
    expect(
      env.store.raw.prepare('SELECT rowid AS n FROM people_fts WHERE person_id = ?').all(personId),
    ).toEqual([{ n: rowid('people', personId) }]);
    expect((await searchPeople(env.store.db, 'Amy Smith')).map((p) => p.id)).toEqual([personId]);
  });

  it('a save touches the index by rowid: no statement the writer runs scans it', async () => {
    const r = await create();
    const raw = env.store.raw;
    const { statements } = await statementsRun(raw, () =>
      update(r, 'A second account of the same concern.'),
    );
    const seen = statements.filter((s) => s.includes('referrals_fts'));
    const deletes = seen.filter((s) => /^delete/i.test(s));
    expect(deletes).toHaveLength(1);
    for (const s of seen) {
      const params = Array.from(s.matchAll(/\?/g), () => null);
      const details = (
        raw.prepare(`EXPLAIN QUERY PLAN ${s}`).all(...params) as { detail: string }[]
      ).map((d) => d.detail);
      // FTS5 reports a rowid lookup as `INDEX 0:=`; a full scan of the index as `INDEX 0:`.
      for (const d of details) expect(d, s).not.toMatch(/VIRTUAL TABLE INDEX 0:$/);
    }
    const plan = (sql: string) =>
      (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((d) => d.detail);
    expect(plan(deletes[0]?.replace(/\?/g, '1') ?? '')).toEqual([
      'SCAN referrals_fts VIRTUAL TABLE INDEX 0:=',
    ]);
    // What the old writer ran, for contrast.
    expect(plan("DELETE FROM referrals_fts WHERE referral_id = 'x'")).toEqual([
      'SCAN referrals_fts VIRTUAL TABLE INDEX 0:',
    ]);
  });

  it('with 30,000 other referrals indexed, a save spends a fraction of one index scan on it', async () => {
    let r = await create();
    bulkIndex(30_000);
    // Time only the statements that touch the index, so disk syncs and the rest of the save do
    // not blur the figure.
    const perSave: number[] = [];
    for (let i = 0; i < 15; i++) {
      const { result, timings } = await statementsRun(env.store.raw, () =>
        update(r, `Concern, version ${String(i)}: bruising on the arm.`),
      );
      r = result;
      const fts = timings.filter((t) => t.source.includes('referrals_fts'));
      expect(fts.length).toBeGreaterThanOrEqual(2);
      perSave.push(fts.reduce((sum, t) => sum + t.ms, 0));
    }
    const scan = env.store.raw.prepare("DELETE FROM referrals_fts WHERE referral_id = 'none'");
    const scans: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      scan.run();
      scans.push(performance.now() - t0);
    }
    const ftsMs = median(perSave);
    const scanMs = median(scans);
    console.log(
      `referral save with 30,001 indexed: ${ftsMs.toFixed(2)} ms on the index ` +
        `(one scan of the index: ${scanMs.toFixed(1)} ms)`,
    );
    expect(scanMs).toBeGreaterThan(2);
    expect(ftsMs).toBeLessThan(scanMs / 4);
  }, 30_000);
});
