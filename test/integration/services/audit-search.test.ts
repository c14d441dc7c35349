// The audit screen's search (issue 14 "Audit viewer") against a real store: a few hundred entries
// with known users, actions and times, filtered and paged newest first and counted by hand;
// London days at the BST edge; a child's entries include their referral's; the search is itself
// audited; only managers and administrators may search.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppUser, ReferralRecord } from '../../../shared/domain/records';
import type { AuditAction } from '../../../shared/domain/audit';
import { contract } from '../../../shared/ipc/contract';
import { appendAudit } from '../../../electron/main/store/audit';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
let manager: AppUser;
let worker: AppUser;
let r1: ReferralRecord;
let r2: ReferralRecord;
let personA: string;
const seeded: { at: string; userId: string; action: AuditAction; entity: string }[] = [];

const ACTIONS: AuditAction[] = ['view', 'update', 'export', 'document'];
const search = (over: Partial<Parameters<TestEnv['services']['auditSearch']['search']>[1]> = {}) =>
  env.services.auditSearch.search({ user: manager }, { page: 0, pageSize: 100, ...over });

beforeEach(async () => {
  env = await testEnv();
  manager = await env.signIn('morgan', ['manager']);
  worker = await env.signIn('dee', ['duty-worker']);
  r1 = await env.services.referrals.create(
    { user: env.admin },
    { referral: referralInput(), newChildren: [0] },
  );
  r2 = await env.services.referrals.create(
    { user: env.admin },
    { referral: referralInput(), newChildren: [0] },
  );
  const a = r1.children[0]?.personId;
  if (a === undefined || a === null) throw new Error('no person');
  personA = a;
  seeded.length = 0;
  // 300 entries, one every 37 minutes from 30 June 2026 20:00 UTC (BST): crosses London midnight.
  const start = Date.parse('2026-06-30T20:00:00.000Z');
  await env.store.transaction(async (trx) => {
    for (let i = 0; i < 300; i++) {
      const at = new Date(start + i * 37 * 60_000).toISOString();
      const userId = i % 3 === 0 ? worker.id : manager.id;
      const action = ACTIONS[i % ACTIONS.length] ?? 'view';
      const entity = i % 5 === 0 ? 'person:A' : i % 7 === 0 ? 'referral:1' : 'referral:2';
      const [entityType, which] = entity.split(':');
      const entityId = which === 'A' ? personA : which === '1' ? r1.id : r2.id;
      await appendAudit(trx, {
        at,
        userId,
        action,
        entityType: entityType ?? 'referral',
        entityId,
        summary: `Seeded ${String(i)}`,
        details: { before: { a: String(i) }, after: { a: String(i + 1) } },
      });
      seeded.push({ at, userId, action, entity });
    }
  });
});
afterEach(() => {
  env.close();
});

describe('audit search', () => {
  it('pages every entry newest first with the total, without gaps or repeats', async () => {
    const first = await search({ action: 'update', pageSize: 25 });
    const expected = seeded.filter((s) => s.action === 'update').length;
    expect(first.total).toBe(expected);
    const seqs: number[] = [];
    for (let page = 0; page * 25 < first.total; page++) {
      const out = await search({ action: 'update', pageSize: 25, page });
      expect(out.rows.length).toBe(Math.min(25, expected - page * 25));
      seqs.push(...out.rows.map((r) => r.seq));
      expect(out.rows.every((r) => r.action === 'update')).toBe(true);
    }
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    expect(new Set(seqs).size).toBe(expected);
    const beyond = await search({ action: 'update', pageSize: 25, page: 100 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(expected);
  });

  it('filters by user, and by London day at the BST edge', async () => {
    // Signing in wrote entries too (23 November); the seeded ones are all in summer.
    const byWorker = await search({ userId: worker.id, to: '2026-09-30' });
    expect(byWorker.total).toBe(seeded.filter((s) => s.userId === worker.id).length);
    expect(byWorker.rows.every((r) => r.user?.id === worker.id)).toBe(true);
    // 1 July 2026 in London (BST) runs from 30 June 23:00 UTC to 1 July 23:00 UTC.
    const july1 = seeded.filter(
      (s) => s.at >= '2026-06-30T23:00:00.000Z' && s.at < '2026-07-01T23:00:00.000Z',
    );
    const out = await search({ from: '2026-07-01', to: '2026-07-01' });
    expect(out.total).toBe(july1.length);
    expect(out.rows.at(-1)?.at).toBe(july1[0]?.at);
    const both = await search({
      from: '2026-07-01',
      to: '2026-07-02',
      action: 'view',
      userId: manager.id,
    });
    expect(both.total).toBe(
      seeded.filter(
        (s) =>
          s.at >= '2026-06-30T23:00:00.000Z' &&
          s.at < '2026-07-02T23:00:00.000Z' &&
          s.action === 'view' &&
          s.userId === manager.id,
      ).length,
    );
  });

  it("finds a child's entries: their record and their referral, not another child's", async () => {
    const out = await search({ personId: personA, pageSize: 100 });
    const rows = [...out.rows];
    for (let page = 1; page * 100 < out.total; page++)
      rows.push(...(await search({ personId: personA, page })).rows);
    const ids = new Set(rows.map((r) => r.entityId));
    expect(ids.has(personA)).toBe(true);
    expect(ids.has(r1.id)).toBe(true);
    expect(ids.has(r2.id)).toBe(false);
    // Seeded ones plus what creating the referral and the person wrote.
    const seededAboutA = seeded.filter((s) => s.entity !== 'referral:2').length;
    expect(out.total).toBeGreaterThan(seededAboutA);
    expect(out.references[r1.id]).toBe(r1.reference);
  });

  it('finds a referral by its reference, and names an unknown one', async () => {
    const out = await search({ referral: r2.reference, action: 'export' });
    expect(out.total).toBe(
      seeded.filter((s) => s.entity === 'referral:2' && s.action === 'export').length,
    );
    await expect(search({ referral: 'FD-2026-999999' })).rejects.toThrow(/referral/i);
  });

  it('audits the search as a view, and refuses duty workers', async () => {
    await search({ action: 'update', page: 1, pageSize: 10 });
    const last = await search({ action: 'view', pageSize: 1 });
    expect(last.rows[0]).toMatchObject({
      action: 'view',
      entityType: 'audit',
      user: { id: manager.id },
      details: { filters: { action: 'update' }, page: 1, pageSize: 10, shown: 10 },
    });
    await expect(
      env.services.auditSearch.search({ user: worker }, { page: 0, pageSize: 10 }),
    ).rejects.toThrow(/permission/);
  });

  it('refuses a page over 100 and an end before the start', () => {
    const schema = contract['audit:search'].input;
    expect(schema.safeParse({ page: 0, pageSize: 101 }).success).toBe(false);
    expect(schema.safeParse({ page: 0, pageSize: 100 }).success).toBe(true);
    expect(
      schema.safeParse({ page: 0, pageSize: 10, from: '2026-07-02', to: '2026-07-01' }).success,
    ).toBe(false);
    expect(schema.safeParse({ page: 0, pageSize: 10, action: 'tamper' }).success).toBe(false);
  });
});
