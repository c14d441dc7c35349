// A referral is assigned only to someone who can work it: an active duty worker or manager.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../electron/main/store/errors';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

describe('assigning a referral', () => {
  it('refuses someone with no role or only a chair’s role, and someone deactivated', async () => {
    const ctx = { user: env.admin };
    const r = await env.services.referrals.create(ctx, { referral: referralInput() });
    const noRole = await env.signIn('newstarter');
    const chair = await env.signIn('cadeyemi', ['chair']);
    for (const u of [noRole, chair]) {
      const attempt = env.services.referrals.assign(ctx, {
        id: r.id,
        version: r.version,
        userId: u.id,
      });
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({
        fieldErrors: {
          userId: expect.stringMatching(
            new RegExp(`^${u.displayName} is not a duty worker or manager`),
          ) as unknown,
        },
      });
    }
    const leaver = await env.signIn('leaver', ['duty-worker']);
    await env.store.db
      .updateTable('users')
      .set({ active: 0 })
      .where('id', '=', leaver.id)
      .execute();
    await expect(
      env.services.referrals.assign(ctx, { id: r.id, version: r.version, userId: leaver.id }),
    ).rejects.toBeInstanceOf(ConflictError);
    const after = await env.services.referrals.get(ctx, { id: r.id });
    expect(after.assignedTo).toBeNull();
    expect(after.version).toBe(r.version);

    const worker = await env.signIn('dwilson', ['duty-worker']);
    const assigned = await env.services.referrals.assign(ctx, {
      id: r.id,
      version: r.version,
      userId: worker.id,
    });
    expect(assigned.assignedTo?.id).toBe(worker.id);
  });
});
