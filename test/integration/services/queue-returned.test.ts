// A decision a manager returned is unmissable in the queue: the row carries who returned it and
// their comment, until the referral is decided again (issue 9).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../shared/domain/records';
import { decisionInput, referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
  const s = await env.services.settings.get({ user: env.admin });
  await env.services.settings.update(
    { user: env.admin },
    { version: s.version, overrides: { managerSignOff: 'required' } },
  );
});
afterEach(() => {
  env.close();
});

const rowFor = (rows: QueueItem[], id: string): QueueItem | undefined =>
  rows.find((q) => q.id === id);

describe('the queue and a returned decision', () => {
  it('says who returned the latest decision and why, until it is decided again', async () => {
    const worker = await env.signIn('kim', ['duty-worker']);
    const manager = await env.signIn('lee', ['manager']);
    const returnedOne = await env.services.referrals.create(
      { user: worker },
      { referral: referralInput(), newChildren: [0] },
    );
    const untouched = await env.services.referrals.create(
      { user: worker },
      { referral: referralInput(), newChildren: [0] },
    );
    const first = await env.services.decisions.record(
      { user: worker },
      { referralId: returnedOne.id, version: returnedOne.version, decision: decisionInput() },
    );
    // Awaiting sign-off: nothing has been returned yet.
    let rows = await env.services.referrals.list({ user: worker }, { filter: 'all' });
    expect(rowFor(rows, returnedOne.id)?.returned).toBeNull();

    env.clock.set('2026-11-23T11:00:00.000Z');
    await env.services.decisions.signOff(
      { user: manager },
      {
        decisionId: first.id,
        version: first.version,
        outcome: 'returned',
        comment: 'Speak to the school nurse first',
      },
    );
    rows = await env.services.referrals.list({ user: worker }, { filter: 'all' });
    expect(rowFor(rows, returnedOne.id)?.returned).toEqual({
      by: 'lee',
      at: '2026-11-23T11:00:00.000Z',
      comment: 'Speak to the school nurse first',
    });
    expect(rowFor(rows, untouched.id)?.returned).toBeNull();
    // The filtered lists and search build their rows the same way.
    const hits = await env.services.referrals.search(
      { user: worker },
      { text: returnedOne.reference },
    );
    expect(rowFor(hits, returnedOne.id)?.returned?.comment).toBe('Speak to the school nurse first');

    // Decided again: waiting for sign-off, so the old return no longer shows.
    env.clock.set('2026-11-23T12:00:00.000Z');
    const latest = await env.services.referrals.get({ user: worker }, { id: returnedOne.id });
    const second = await env.services.decisions.record(
      { user: worker },
      {
        referralId: returnedOne.id,
        version: latest.version,
        decision: decisionInput({ decidedAt: '2026-11-23T12:00:00.000Z' }),
      },
    );
    rows = await env.services.referrals.list({ user: worker }, { filter: 'all' });
    expect(rowFor(rows, returnedOne.id)?.returned).toBeNull();

    // Returned a second time: the row shows the latest comment, not the first.
    env.clock.set('2026-11-23T13:00:00.000Z');
    await env.services.decisions.signOff(
      { user: manager },
      {
        decisionId: second.id,
        version: second.version,
        outcome: 'returned',
        comment: 'Add the police reference',
      },
    );
    rows = await env.services.referrals.list({ user: worker }, { filter: 'all' });
    expect(rowFor(rows, returnedOne.id)?.returned).toEqual({
      by: 'lee',
      at: '2026-11-23T13:00:00.000Z',
      comment: 'Add the police reference',
    });
  });
});
