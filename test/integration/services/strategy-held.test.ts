// "Held" before the minutes: the chair records the s47 decision at the end of the meeting, the
// referral's clocks follow at once, and the minutes must agree with what was recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../electron/main/store/errors';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';
import { testEnv, type TestEnv } from '../../helpers/store-fixtures';
import {
  decidedReferral,
  fullMinutes,
  health,
  police,
  scheduleFor,
  socialWorker,
} from './strategy-env';

let env: TestEnv;
let d: StrategyDiscussionRecord;
let referralId: string;
beforeEach(async () => {
  env = await testEnv();
  const rec = await decidedReferral(env);
  referralId = rec.id;
  d = await env.services.strategy.schedule(
    { user: env.admin },
    scheduleFor(env, rec, { invitees: [socialWorker, health, police] }),
  );
});
afterEach(() => {
  env.close();
});

const as = () => ({ user: env.admin });

describe('marking a discussion held', () => {
  it('not before it starts', async () => {
    const err = await env.services.strategy
      .markHeld(as(), { id: d.id, version: d.version })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
  });

  it('records the s47 decision through the progress path once; the minutes must agree', async () => {
    env.clock.set('2026-11-23T15:10:00.000Z');
    const held = await env.services.strategy.markHeld(as(), {
      id: d.id,
      version: d.version,
      decision: { s47: 'no' },
    });
    expect(held.status).toBe('held');
    const page = await env.services.referrals.get(as(), { id: referralId });
    expect(page.progress.map((p) => [p.event.kind, p.event.date])).toEqual([
      ['strategy-discussion', '2026-11-23'],
    ]);
    expect(page.chronology.at(-1)?.text).toBe(
      'Strategy discussion held on 23/11/2026: no section 47 enquiry.',
    );
    const mine = await env.services.strategy.listMine(as());
    expect(mine.toMinute.map((x) => x.id)).toEqual([d.id]);

    const draft = await env.services.strategy.saveMinutes(as(), {
      id: d.id,
      minutesVersion: null,
      minutes: {},
    });
    expect((await env.services.strategy.listMine(as())).toFinalise.map((x) => x.id)).toEqual([
      d.id,
    ]);
    const disagree = await env.services.strategy
      .finaliseMinutes(as(), {
        id: d.id,
        minutesVersion: draft.version,
        minutes: fullMinutes(held),
      })
      .catch((e: unknown) => e);
    expect(disagree).toBeInstanceOf(ValidationError);
    expect((disagree as ValidationError).fieldErrors['minutes.decision.s47']).toMatch(
      /records this discussion's section 47 decision as "no"/,
    );
    const agreed = await env.services.strategy.finaliseMinutes(as(), {
      id: d.id,
      minutesVersion: draft.version,
      minutes: fullMinutes(held, {
        decision: {
          s47: 'no',
          otherResponse: 's17-assessment',
          criminalInvestigation: 'no',
          medicalExamination: 'no',
          legalPlanning: 'no',
          ladoReferral: 'no',
          rationale: 'Concern explained; child in need assessment.',
        },
        next: { step: 'none' },
      }),
    });
    expect(agreed.status).toBe('minutes-finalised');
    const after = await env.services.referrals.get(as(), { id: referralId });
    expect(after.progress).toHaveLength(1);
  });
});
