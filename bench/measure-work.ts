// The work list and the work: queue pages (first and deep, sorted), a referral's and a child's
// page, recording a decision against a raw durable insert, creating a referral, and the long
// jobs (audit verification, backup).
import type BetterSqlite3 from 'better-sqlite3';
import type { Edition } from '../shared/domain/types';
import type { ReferralInput } from '../shared/validation/referral';
import type { Services } from '../electron/main/services';
import type { Random } from '../test/harness/seed-data';
import { decisionInput } from './decisions';
import type { DurableFloor } from './durable';
import type { LoadResult } from './load';
import { type Figure, figure, paired, single } from './stats';

type Sort = {
  field: 'urgency' | 'receivedAt' | 'referrer' | 'assignedTo';
  direction: 'asc' | 'desc';
};

const ORDER: Record<Sort['field'], string> = {
  urgency: "CASE status WHEN 'awaiting-decision' THEN 0 ELSE 1 END, decision_due",
  receivedAt: 'received_at DESC',
  referrer: 'referrer_label COLLATE NOCASE',
  assignedTo: 'assigned_to',
};

/** The queue page by hand: the count, the page through the same index, and its children. */
function queueFloor(raw: BetterSqlite3.Database, sort: Sort) {
  const open = "status IN ('awaiting-decision', 'awaiting-sign-off')";
  const count = raw.prepare(`SELECT count(*) AS n FROM referrals WHERE ${open}`);
  const page = raw.prepare(`SELECT id, reference, status, received_at, decision_due, referrer_label,
      assigned_to, immediate_protection, version FROM referrals WHERE ${open}
      ORDER BY immediate_protection DESC, ${ORDER[sort.field]}, received_at, id LIMIT 50 OFFSET ?`);
  const children =
    raw.prepare(`SELECT referral_id, display_name, person_id, child FROM referral_children
      WHERE referral_id IN (SELECT value FROM json_each(?)) ORDER BY referral_id, position`);
  return (offset: number) => {
    count.get();
    const rows = page.all(offset) as { id: string }[];
    return children.all(JSON.stringify(rows.map((r) => r.id)));
  };
}

export async function measureQueue(
  services: Services,
  raw: BetterSqlite3.Database,
  loaded: LoadResult,
  samples: number,
): Promise<Figure[]> {
  const ctx = { user: loaded.admin };
  const first = await services.referrals.queue(ctx, { filter: 'all', page: 0, pageSize: 50 });
  const lastPage = Math.max(0, Math.ceil(first.total / 50) - 1);
  const cases: { name: string; page: number; sort: Sort }[] = [
    { name: `first page of ${String(first.total)} (urgency)`, page: 0, sort: { field: 'urgency', direction: 'asc' } },
    { name: 'first page, newest first', page: 0, sort: { field: 'receivedAt', direction: 'desc' } },
    { name: `deep page ${String(lastPage + 1)} by referrer`, page: lastPage, sort: { field: 'referrer', direction: 'asc' } },
    { name: `middle page ${String(Math.floor(lastPage / 2) + 1)} by holder`, page: Math.floor(lastPage / 2), sort: { field: 'assignedTo', direction: 'asc' } },
  ]; // prettier-ignore
  const figures: Figure[] = [];
  for (const c of cases) {
    const floor = queueFloor(raw, c.sort);
    const t = await paired(
      Math.max(50, Math.ceil(samples / cases.length)),
      5,
      () =>
        services.referrals.queue(ctx, { filter: 'all', page: c.page, pageSize: 50, sort: c.sort }),
      () => floor(c.page * 50),
    );
    figures.push(figure('queue', c.name, t, { p95Below: 20 }));
  }
  return figures;
}

export async function measurePages(
  services: Services,
  raw: BetterSqlite3.Database,
  loaded: LoadResult,
  durable: DurableFloor,
  r: Random,
  samples: number,
): Promise<Figure[]> {
  const ctx = { user: loaded.admin };
  const referralIds = (
    raw.prepare('SELECT id FROM referrals ORDER BY random() LIMIT ?').all(samples + 10) as {
      id: string;
    }[]
  ).map((x) => x.id);
  const byId = raw.prepare('SELECT * FROM referrals WHERE id = ?');
  const parts = raw.prepare('SELECT * FROM referral_children WHERE referral_id = ?');
  const referral = await paired(
    samples,
    5,
    (i) => services.referrals.get(ctx, { id: referralIds[i % referralIds.length] ?? '' }),
    (i) => {
      durable.write(true);
      return [
        byId.get(referralIds[i % referralIds.length]),
        parts.all(referralIds[i % referralIds.length]),
      ];
    },
  );
  const people = Array.from(
    { length: samples + 10 },
    () => loaded.personIds[r.int(0, loaded.personIds.length - 1)] ?? '',
  );
  const person = raw.prepare('SELECT * FROM people WHERE id = ?');
  const history =
    raw.prepare(`SELECT r.* FROM referral_children AS rc JOIN referrals AS r ON r.id = rc.referral_id
      WHERE rc.person_id = ? ORDER BY r.received_at DESC`);
  const child = await paired(
    samples,
    5,
    (i) => services.people.get(ctx, { id: people[i % people.length] ?? '' }),
    (i) => {
      durable.write(true);
      return [person.get(people[i % people.length]), history.all(people[i % people.length])];
    },
  );
  return [
    figure('pages', 'referral page', referral, null, '(floor: its rows + a durable audited view)'),
    figure('pages', "child's record", child, null, '(floor: its rows + a durable audited view)'),
  ];
}

/**
 * Recording a decision (one service transaction: checks, decision, chronology, follow-up
 * actions, audit entry, COMMIT with synchronous=FULL, then the audit anchor's own fsync) against
 * the floor: one row inserted and committed with the same pragmas on the same disk. A second
 * floor adds the anchor's fsync'd append.
 */
export async function measureDecisions(
  services: Services,
  raw: BetterSqlite3.Database,
  loaded: LoadResult,
  durable: DurableFloor,
  edition: Edition,
  samples: number,
): Promise<Figure[]> {
  const open = raw
    .prepare(
      `SELECT id, version FROM referrals WHERE status = 'awaiting-decision' ORDER BY received_at LIMIT ?`,
    )
    .all(samples) as { id: string; version: number }[];
  const ctx = { user: loaded.workers[1] ?? loaded.admin };
  const record = (i: number) => {
    const ref = open[i];
    if (ref === undefined) throw new Error('no open referral left');
    const decision = decisionInput(
      edition,
      's17-assessment',
      new Date().toISOString(),
      ctx.user.displayName,
    );
    return services.decisions.record(ctx, { referralId: ref.id, version: ref.version, decision });
  };
  // No warm-up: each open referral can be decided once (the queue and pages warmed the cache).
  const times = await paired(open.length, 0, record, () => {
    durable.write(false);
  });
  const anchored = await paired(
    open.length,
    0,
    () => Promise.resolve(),
    () => {
      durable.write(true);
    },
  );
  return [
    figure('decision', 'record a decision', times, { p95Below: 10, ratioBelow: 1.5, either: true }),
    figure(
      'decision',
      'floor with the anchor’s fsync too',
      { app: anchored.floor, floor: [] },
      null,
      '(WAL commit + anchor append, both fsync’d)',
    ),
  ];
}

export async function measureCreate(
  services: Services,
  loaded: LoadResult,
  r: Random,
  samples: number,
): Promise<Figure> {
  const ctx = { user: loaded.workers[1] ?? loaded.admin };
  const input = (): ReferralInput => {
    const c = r.pick(loaded.children);
    return {
      receivedAt: new Date(Date.now() - 3600_000).toISOString(),
      channel: 'phone',
      referrer: { kind: 'anonymous', toldAnonymityCannotBeGuaranteed: true, wantsFeedback: false, feedbackMethod: 'none' },
      children: [{ status: 'born', givenNames: c.givenNames, familyName: c.familyName, dateOfBirth: '2016-05-04', gender: c.gender, disability: 'unknown', interpreterNeeded: false }],
      householdMembers: [],
      concern: `Caller worried about ${c.givenNames}, seen alone in the park late at night.`,
      assessmentFactors: ['16A'],
      currentWhereabouts: 'Not known',
      immediateProtectionMayBeNeeded: false,
      parentsAware: 'unknown',
      parentsAgree: 'unknown',
      consent: { status: 'not-sought', reason: 'Anonymous caller.' },
      informationSharing: [],
      referralSourceCode: '9',
    }; // prettier-ignore
  };
  const t = await paired(
    samples,
    3,
    () => services.referrals.create(ctx, { referral: input() }),
    null,
  );
  return figure('referral', 'create a referral', t, null);
}

export async function measureLongJobs(
  services: Services,
  loaded: LoadResult,
  backup: boolean,
): Promise<Figure[]> {
  const ctx = { user: loaded.admin };
  const verify: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const v = await services.audit.verify(ctx);
    verify.push(performance.now() - t0);
    if (!v.ok) throw new Error(`Audit verification failed: ${v.reason}`);
  }
  const out = [
    single(
      'long jobs',
      'audit verification',
      verify,
      null,
      '(a short chain: the loader writes no audit entries)',
    ),
  ];
  if (backup) {
    const t0 = performance.now();
    await services.backups.create(ctx);
    out.push(single('long jobs', 'backup (online backup + check)', [performance.now() - t0], null));
  }
  return out;
}
