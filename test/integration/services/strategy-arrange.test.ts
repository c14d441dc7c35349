// "Strategy discussions to arrange" (issue 12: the queue shows referrals whose discussion is not
// yet booked or is overdue): listed from the decision until the discussion is held, with the
// local deadline, whether one is booked and whether that booking is late.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionInput, referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';
import { decidedReferral, police, scheduleFor } from './strategy-env';

let env: TestEnv;
const as = () => ({ user: env.admin });
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

describe('strategy discussions to arrange', () => {
  it('lists a referral from its decision until the discussion is held', async () => {
    const rec = await decidedReferral(env);
    let list = await env.services.strategyArrange.toArrange(as());
    expect(list).toHaveLength(1);
    // Decided Monday 23/11/2026; the local default is 1 working day.
    expect(list[0]).toMatchObject({
      reference: rec.reference,
      response: 'strategy-discussion',
      due: '2026-11-24',
      clock: { kind: 'on-time', workingDaysLeft: 1 },
      booked: null,
    });

    // Booked after the deadline: shown as booked, and late.
    const late = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, {
        startsAt: '2026-11-26T10:00:00.000Z',
        endsAt: '2026-11-26T11:00:00.000Z',
        invitees: [police],
      }),
    );
    list = await env.services.strategyArrange.toArrange(as());
    expect(list[0]?.booked).toEqual({ id: late.id, startsAt: late.startsAt, late: true });

    // A day later nothing has been held: overdue.
    env.clock.set('2026-11-25T09:00:00.000Z');
    list = await env.services.strategyArrange.toArrange(as());
    expect(list[0]?.clock).toEqual({ kind: 'overdue', workingDaysOverdue: 1 });

    // Held: off the list.
    env.clock.set('2026-11-26T11:30:00.000Z');
    await env.services.strategy.markHeld(as(), { id: late.id, version: late.version });
    expect(await env.services.strategyArrange.toArrange(as())).toEqual([]);
  });

  it('leaves out referrals whose decision does not call for one, and a returned decision', async () => {
    const r = await env.services.referrals.create(as(), {
      referral: referralInput(),
      newChildren: [0],
    });
    await env.services.decisions.record(as(), {
      referralId: r.id,
      version: r.version,
      decision: decisionInput(),
    });
    expect(await env.services.strategyArrange.toArrange(as())).toEqual([]);
  });

  it('is for case workers and chairs only', async () => {
    const admin = await env.signIn('only.admin', ['admin']);
    await expect(env.services.strategyArrange.toArrange({ user: admin })).rejects.toThrow(
      /permission/,
    );
  });
});
