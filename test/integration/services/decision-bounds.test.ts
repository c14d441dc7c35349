// Reliability "Bad input": dates typed with the wrong year (0001, 2099) on a decision, a
// significant event or a progress entry get a field error and save nothing; who decided is the
// signed-in user, whatever the screen sends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../electron/main/store/errors';
import type { AppUser, ReferralRecord } from '../../../shared/domain/records';
import type { Decision } from '../../../shared/validation/decision';
import { decisionInput, referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
let worker: AppUser;
let referral: ReferralRecord;
beforeEach(async () => {
  env = await testEnv();
  worker = await env.signIn('kim', ['duty-worker']);
  referral = await env.services.referrals.create(
    { user: worker },
    { referral: referralInput(), newChildren: [0] },
  );
});
afterEach(() => {
  env.close();
});

async function refusedOn(over: Partial<Decision>, field: string, message: RegExp) {
  const attempt = env.services.decisions.record(
    { user: worker },
    { referralId: referral.id, version: referral.version, decision: decisionInput(over) },
  );
  await expect(attempt).rejects.toBeInstanceOf(ValidationError);
  await expect(attempt).rejects.toMatchObject({
    fieldErrors: { [field]: expect.stringMatching(message) as unknown },
  });
  const after = await env.services.referrals.get({ user: worker }, { id: referral.id });
  expect(after.decisions).toEqual([]);
  expect(after.status).toBe('awaiting-decision');
  expect(after.version).toBe(referral.version);
}

describe('decision dates', () => {
  it('refuses a decision dated in year 1 or 2099, or before the referral came in', async () => {
    await refusedOn(
      { decidedAt: '0001-01-01T00:00:00.000Z' },
      'decidedAt',
      /cannot be before the referral was received \(10:00 on 23\/11\/2026\)/,
    );
    await refusedOn({ decidedAt: '2026-11-23T09:00:00.000Z' }, 'decidedAt', /before the referral/);
    await refusedOn(
      { decidedAt: '2099-11-23T11:00:00.000Z', seeChildBy: '2099-11-24T11:00:00.000Z' },
      'decidedAt',
      /cannot be in the future/,
    );
  });

  it('refuses plans more than a year ahead and telling the family before the decision', async () => {
    await refusedOn(
      { seeChildBy: '2099-01-01T10:00:00.000Z' },
      'seeChildBy',
      /more than a year ahead: check the year/,
    );
    await refusedOn(
      { familyInformed: 'not-yet', familyToBeToldBy: 'Sam Patel', familyToBeToldOn: '2099-01-01' },
      'familyToBeToldOn',
      /more than a year ahead/,
    );
    await refusedOn(
      { familyInformed: 'not-yet', familyToBeToldBy: 'Sam Patel', familyToBeToldOn: '0001-01-01' },
      'familyToBeToldOn',
      /cannot be before the decision \(23\/11\/2026\)/,
    );
  });

  it('accepts sensible dates; who decided is the signed-in user, with anyone it is recorded for', async () => {
    env.clock.set('2026-11-23T11:02:00.000Z');
    const d = await env.services.decisions.record(
      { user: worker },
      {
        referralId: referral.id,
        version: referral.version,
        decision: decisionInput({
          decidedBy: 'Chief Executive',
          onBehalfOf: 'Jo Morgan',
          seeChildBy: '2026-11-24T11:00:00.000Z',
          familyInformed: 'not-yet',
          familyToBeToldBy: 'Sam Patel',
          familyToBeToldOn: '2026-11-24',
        }),
      },
    );
    expect(d.decision.decidedBy).toBe('kim');
    expect(d.decision.onBehalfOf).toBe('Jo Morgan');
    const rec = await env.services.referrals.get({ user: worker }, { id: referral.id });
    expect(rec.chronology.map((c) => c.text)).toContainEqual(
      expect.stringMatching(/^Decision recorded by kim on behalf of Jo Morgan: /),
    );
  });
});

describe('significant events and progress', () => {
  it('refuses a significant event in 2099 or year 1, and saves one from years back', async () => {
    const ctx = { user: worker };
    for (const at of ['2099-06-01T10:00:00.000Z', '0001-06-01T10:00:00.000Z']) {
      await expect(
        env.services.referrals.addEvent(ctx, { id: referral.id, at, text: 'Typed wrong' }),
      ).rejects.toMatchObject({ fieldErrors: { at: expect.any(String) as unknown } });
    }
    await expect(
      env.services.referrals.addEvent(ctx, {
        id: referral.id,
        at: '1901-06-01T10:00:00.000Z',
        text: 'Typed wrong',
      }),
    ).rejects.toMatchObject({
      fieldErrors: { at: expect.stringMatching(/cannot be before 23\/11\/2001/) as unknown },
    });
    const saved = await env.services.referrals.addEvent(ctx, {
      id: referral.id,
      at: '2019-03-01T10:00:00.000Z',
      text: 'Police called to the home',
    });
    const texts = saved.chronology.map((c) => c.text);
    expect(texts.filter((t) => t === 'Typed wrong')).toEqual([]);
    expect(texts).toContain('Police called to the home');
  });

  it('refuses a strategy discussion dated 2099 or year 1', async () => {
    for (const date of ['2099-01-01', '0001-01-01']) {
      await expect(
        env.services.progress.record(
          { user: worker },
          { referralId: referral.id, event: { kind: 'strategy-discussion', date, s47: 'no' } },
        ),
      ).rejects.toMatchObject({ fieldErrors: { 'event.date': expect.any(String) as unknown } });
    }
    const after = await env.services.referrals.get({ user: worker }, { id: referral.id });
    expect(after.progress).toEqual([]);
  });
});
