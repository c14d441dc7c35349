// Reliability "Kill -9 loop": a child process saves referrals in a loop and reports each
// confirmed id; the parent kills it (SIGKILL) at random moments, KILL_LOOP_ITERATIONS times
// (default 200). After every kill: every confirmed id is present and complete, the integrity
// check is ok, the audit chain still verifies, and the audit anchor outside the database agrees
// with it and witnesses every confirmed save.
//
// The child is bundled once with esbuild (test/helpers/bundle-child.ts), and each next child is
// started while the last one is checked (test/helpers/warm-child.ts), so a kill costs the run and
// the check, not a whole process start.
import type BetterSqlite3 from 'better-sqlite3';
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/main/store/audit';
import { anchorPath, readAnchorPoints } from '../../../electron/main/store/audit-anchor';
import { openStore } from '../../../electron/main/store/store';
import { bundleChild } from '../../helpers/bundle-child';
import { type WarmChild, goAndKill, startWarm } from '../../helpers/warm-child';
import { removeDir, tempDir } from '../../helpers/store-fixtures';

const ITERATIONS = Number(process.env.KILL_LOOP_ITERATIONS ?? 200);
// One lane by default: with two, one lane's synchronous checks delay the other lane's kill timer,
// its child writes far longer than intended and the database (and every later check) balloons.
const LANES = Math.max(1, Number(process.env.KILL_LOOP_LANES ?? 1));
let CHILD = '';

beforeAll(async () => {
  CHILD = await bundleChild('kill-loop-child');
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) removeDir(d);
});

/** Lets a warm child run until a random 20–250 ms after its first confirmed save, then kills it. */
async function runAndKill(warm: WarmChild): Promise<string[]> {
  const out = await goAndKill(
    warm,
    (o) => o.includes('\n'),
    () => 20 + Math.floor(Math.random() * 231),
  );
  // Only whole lines: a line cut off by the kill was never fully reported.
  const lines = out.split('\n');
  lines.pop();
  return lines.filter((l) => l !== '');
}

type Check = {
  missing: string[];
  incomplete: string[];
  integrity: string;
  audit: boolean;
  anchor: string;
};

/**
 * The anchor file against the database: every point it holds names an entry the log still has,
 * with the same hash, and every confirmed save's audit entry is at or below its newest point
 * (the line is written before the save is confirmed). Returns 'ok' or what disagrees.
 */
function anchorCheck(
  raw: BetterSqlite3.Database,
  dataDir: string,
  confirmed: ReadonlySet<string>,
): string {
  const points = readAnchorPoints(anchorPath(dataDir));
  if (points.length === 0) return 'no anchor points';
  const hashOf = raw.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  for (const p of points) {
    const hash = hashOf.get(p.seq) as string | undefined;
    if (hash !== p.hash) return `anchor point ${String(p.seq)} does not match the log`;
  }
  const newest = points[points.length - 1]?.seq ?? 0;
  const seqs = raw
    .prepare(
      "SELECT entity_id AS id, seq FROM audit_log WHERE entity_type = 'referral' AND action = 'create'",
    )
    .all() as { id: string; seq: number }[];
  const seqById = new Map(seqs.map((r) => [r.id, r.seq]));
  for (const id of confirmed) {
    const seq = seqById.get(id);
    if (seq !== undefined && seq > newest)
      return `confirmed save ${id} (audit ${String(seq)}) is not witnessed (anchor at ${String(newest)})`;
  }
  return 'ok';
}

function checkAfterKill(dataDir: string, confirmed: ReadonlySet<string>): Check {
  const store = openStore({ dataDir });
  const status = store.status();
  if (status.state !== 'ok') throw new Error(`store not ok after kill: ${status.reason ?? ''}`);
  try {
    const raw = store.raw;
    const rows = raw
      .prepare(
        // One pass per table (not a correlated subquery per referral), so the check stays linear
        // as the kills add thousands of referrals.
        `WITH c AS (SELECT referral_id, count(*) AS n FROM referral_children GROUP BY referral_id),
              h AS (SELECT referral_id, count(*) AS n FROM household_members GROUP BY referral_id),
              f AS (SELECT referral_id, count(*) AS n FROM referrals_fts GROUP BY referral_id),
              a AS (SELECT entity_id, count(*) AS n FROM audit_log
                    WHERE entity_type = 'referral' AND action = 'create' GROUP BY entity_id)
         SELECT r.id, coalesce(c.n, 0) AS children, coalesce(h.n, 0) AS household,
                coalesce(f.n, 0) AS fts, coalesce(a.n, 0) AS audited
         FROM referrals r
         LEFT JOIN c ON c.referral_id = r.id
         LEFT JOIN h ON h.referral_id = r.id
         LEFT JOIN f ON f.referral_id = r.id
         LEFT JOIN a ON a.entity_id = r.id`,
      )
      .all() as { id: string; children: number; household: number; fts: number; audited: number }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing: string[] = [];
    const incomplete: string[] = [];
    for (const id of confirmed) {
      const r = byId.get(id);
      if (!r) missing.push(id);
      else if (r.children !== 2 || r.household !== 1 || r.fts !== 1 || r.audited !== 1)
        incomplete.push(id);
    }
    // A half-written referral must not exist either, confirmed or not.
    for (const r of rows) {
      if (r.children !== 2 || r.household !== 1 || r.fts !== 1 || r.audited !== 1)
        incomplete.push(r.id);
    }
    const integrity = (raw.pragma('integrity_check') as { integrity_check: string }[])
      .map((x) => x.integrity_check)
      .join('; ');
    return {
      missing,
      incomplete,
      integrity,
      audit: verifyAuditChain(raw).ok,
      anchor: anchorCheck(raw, dataDir, confirmed),
    };
  } finally {
    store.close();
  }
}

async function lane(iterations: number): Promise<{ kills: number; confirmed: number }> {
  const dataDir = tempDir('front-door-kill-');
  dirs.push(dataDir);
  const confirmed = new Set<string>();
  let next = startWarm(CHILD, [dataDir]);
  for (let i = 0; i < iterations; i++) {
    const t0 = Date.now();
    const current = next;
    const ran = runAndKill(current);
    // The next child loads while this one runs and is checked; it waits before opening anything.
    next = startWarm(CHILD, [dataDir]);
    for (const id of await ran) confirmed.add(id);
    const t1 = Date.now();
    const check = checkAfterKill(dataDir, confirmed);
    if (process.env.KILL_LOOP_DEBUG)
      appendFileSync(
        process.env.KILL_LOOP_DEBUG,
        `${String(i)} run=${String(t1 - t0)} check=${String(Date.now() - t1)} confirmed=${String(confirmed.size)}\n`,
      );
    expect(check, `after kill ${String(i + 1)}`).toEqual({
      missing: [],
      incomplete: [],
      integrity: 'ok',
      audit: true,
      anchor: 'ok',
    });
  }
  next.child.kill('SIGKILL');
  return { kills: iterations, confirmed: confirmed.size };
}

describe('kill -9 loop', () => {
  it(`every confirmed save survives ${String(ITERATIONS)} kills`, async () => {
    const per = Math.ceil(ITERATIONS / LANES);
    const counts = Array.from({ length: LANES }, (_, i) =>
      Math.max(0, Math.min(per, ITERATIONS - i * per)),
    );
    const results = await Promise.all(counts.filter((n) => n > 0).map((n) => lane(n)));
    const kills = results.reduce((s, r) => s + r.kills, 0);
    expect(kills).toBe(ITERATIONS);
    // Each run confirmed at least one save before it was killed.
    expect(results.every((r) => r.confirmed >= r.kills)).toBe(true);
  }, 900_000);
});
