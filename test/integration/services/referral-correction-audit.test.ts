// A correction to a referral is audited field by field, before → after (issue 14: "today a
// correction says only 'Referral details updated'"), and only with what changed.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { entryChanges } from '../../../shared/domain/audit-details';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

it('records each corrected field before and after, and nothing that stayed the same', async () => {
  const ctx = { user: env.admin };
  const created = await env.services.referrals.create(ctx, { referral: referralInput() });
  const r = await env.services.referrals.get(ctx, { id: created.id });
  const [child] = r.input.children;
  if (!child) throw new Error('no child');
  await env.services.referrals.update(ctx, {
    id: r.id,
    version: r.version,
    referral: {
      ...r.input,
      currentWhereabouts: 'With grandmother, 4 Elm Road',
      children: [{ ...child, givenNames: 'Aimee' }],
    },
  });
  const audit = await env.services.audit.list(ctx, { entityType: 'referral', entityId: r.id });
  const update = audit.find((e) => e.action === 'update');
  if (!update) throw new Error('no update entry');
  expect(entryChanges(update)).toEqual([
    { field: 'Children › 1 › Given names', before: child.givenNames, after: 'Aimee' },
    {
      field: 'Current whereabouts',
      before: 'At school until 15:15',
      after: 'With grandmother, 4 Elm Road',
    },
  ]);
  // The concern and everything else unchanged is not copied into the entry.
  expect(JSON.stringify(update.details)).not.toContain('bruising');
});
