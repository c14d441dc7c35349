// Where sign-off is optional a final decision opens its follow-up actions at once. A manager who
// returns it closes them, once; the decision made again opens exactly its own. A decision is
// agreed once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../electron/main/store/errors';
import { openActions } from '../../../electron/main/store/repositories/decisions';
import type { AppUser } from '../../../shared/domain/records';
import { decisionInput, referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
let worker: AppUser;
let manager: AppUser;
let other: AppUser;
beforeEach(async () => {
  env = await testEnv();
  const s = await env.services.settings.get({ user: env.admin });
  await env.services.settings.update(
    { user: env.admin },
    { version: s.version, overrides: { managerSignOff: 'optional' } },
  );
  worker = await env.signIn('kim', ['duty-worker']);
  manager = await env.signIn('lee', ['manager']);
  other = await env.signIn('max', ['manager']);
});
afterEach(() => {
  env.close();
});

const open = (referralId: string) => openActions(env.store.db, referralId);

async function decidedFinal() {
  const r = await env.services.referrals.create(
    { user: worker },
    { referral: referralInput(), newChildren: [0] },
  );
  const d = await env.services.decisions.record(
    { user: worker },
    { referralId: r.id, version: r.version, decision: decisionInput() },
  );
  expect(d.status).toBe('final');
  return { referralId: r.id, decision: d };
}

describe('optional sign-off and follow-up actions', () => {
  it('record → return → decide again: the open actions are exactly the new decision’s', async () => {
    const { referralId, decision } = await decidedFinal();
    expect(decision.followUps.length).toBeGreaterThan(0);
    expect(await open(referralId)).toHaveLength(decision.followUps.length);

    env.clock.set('2026-11-23T12:00:00.000Z');
    await env.services.decisions.signOff(
      { user: manager },
      {
        decisionId: decision.id,
        version: decision.version,
        outcome: 'returned',
        comment: 'Talk to the health visitor first',
      },
    );
    expect(await open(referralId)).toEqual([]);
    const afterReturn = await env.services.referrals.get({ user: worker }, { id: referralId });
    expect(afterReturn.chronology.at(-1)?.text).toMatch(/follow-up actions? it had opened closed/);

    env.clock.set('2026-11-23T13:00:00.000Z');
    const again = await env.services.decisions.record(
      { user: worker },
      {
        referralId,
        version: afterReturn.version,
        decision: decisionInput({
          decidedAt: '2026-11-23T13:00:00.000Z',
          chosenResponse: 'early-help',
          differsReason: 'The health visitor is already working with the family',
        }),
      },
    );
    const nowOpen = await open(referralId);
    expect(nowOpen).toHaveLength(again.followUps.length);
    expect(nowOpen.map((a) => a.kind).sort()).toEqual(again.followUps.map((f) => f.kind).sort());

    // Returned again: closed again, and nothing from the first decision reappears.
    env.clock.set('2026-11-23T14:00:00.000Z');
    await env.services.decisions.signOff(
      { user: manager },
      { decisionId: again.id, version: again.version, outcome: 'returned', comment: 'One more' },
    );
    expect(await open(referralId)).toEqual([]);
  });

  it('a decision is agreed once: agreeing (or returning) it again is refused with the reason', async () => {
    const { referralId, decision } = await decidedFinal();
    const before = await open(referralId);
    const agreed = await env.services.decisions.signOff(
      { user: manager },
      { decisionId: decision.id, version: decision.version, outcome: 'agreed' },
    );
    for (const [who, outcome] of [
      [manager, 'agreed'],
      [other, 'agreed'],
      [other, 'returned'],
    ] as const) {
      const refused = env.services.decisions.signOff(
        { user: who },
        { decisionId: decision.id, version: agreed.version, outcome, comment: 'again' },
      );
      await expect(refused).rejects.toBeInstanceOf(ConflictError);
      await expect(refused).rejects.toThrow(
        /already agreed by lee at 10:05 on 23\/11\/2026\. It stands and needs no further sign-off/,
      );
    }
    const rec = await env.services.referrals.get({ user: worker }, { id: referralId });
    expect(rec.decisions[0]?.signOffs.map((s) => s.outcome)).toEqual(['agreed']);
    expect(rec.decisions[0]?.status).toBe('final');
    expect(await open(referralId)).toEqual(before);
  });
});
