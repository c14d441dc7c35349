// How SQLite chooses a queue page (issue 11: the queue page at p95 < 20 ms): from the queue's
// own index over open referrals (migration 9) without reading whole rows to sort them, for every
// filter and sort the grid offers. Checked on the statements the service really runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_FILTERS, QUEUE_SORT_FIELDS } from '../../../shared/ipc/contract';
import { statementsRun } from '../../helpers/statements';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
  for (let i = 0; i < 6; i++) {
    await env.services.referrals.create({ user: env.admin }, { referral: referralInput() });
  }
  env.store.raw.exec('ANALYZE');
});
afterAll(() => {
  env.close();
});

async function pagePlan(
  filter: (typeof QUEUE_FILTERS)[number],
  field: (typeof QUEUE_SORT_FIELDS)[number],
): Promise<string> {
  const { calls, result } = await statementsRun(env.store.raw, () =>
    env.services.referrals.queue(
      { user: env.admin },
      { filter, page: 0, pageSize: 50, sort: { field, direction: 'asc' } },
    ),
  );
  const page = calls.find((c) => c.source.includes('page_rowid'));
  if (!page) {
    // Nothing matched this filter: the page query is never run (only the count).
    expect(result.total).toBe(0);
    return 'no page';
  }
  const plan = env.store.raw.prepare(`EXPLAIN QUERY PLAN ${page.source}`).all(...page.args) as {
    detail: string;
  }[];
  return plan.map((p) => p.detail).join('\n');
}

describe('queue page plan', () => {
  it.each(QUEUE_SORT_FIELDS.map((f) => [f]))(
    'sorted by %s: chosen from the queue index',
    async (field) => {
      const plan = await pagePlan('all', field);
      expect(plan).toMatch(/USING COVERING INDEX referrals_open_queue/);
      // The outer read is by rowid: only the page's own rows are read.
      expect(plan).toMatch(/SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(plan).not.toMatch(/SCAN r\b/);
    },
  );

  it.each(QUEUE_FILTERS.map((f) => [f]))('filter %s: the partial index applies', async (filter) => {
    const plan = await pagePlan(filter, 'urgency');
    if (plan !== 'no page') expect(plan).toMatch(/referrals_open_queue/);
  });
});
