// The decision made safe, through the real services and store: the main process works out the
// recommendation itself, refuses a decision with a safety question unanswered, sends a step down
// from a safety recommendation to a manager, records what happened after the decision (the
// clocks follow it), and keeps the queue's stored decision dates in step with the settings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeReferralClocks, createWorkingDayCalendar } from '../../../shared/calendar';
import { toReferralEvents } from '../../../shared/progress';
import { ConflictError, ValidationError } from '../../../electron/main/store/errors';
import type { ReferralRecord } from '../../../shared/domain/records';
import {
  checklistAnswers,
  decisionInput,
  referralInput,
  testEnv,
  type TestEnv,
} from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

async function newReferral(over: Parameters<typeof referralInput>[0] = {}) {
  return env.services.referrals.create(
    { user: env.admin },
    { referral: referralInput(over), newChildren: [0] },
  );
}

const harmYes = {
  answers: checklistAnswers({ 'significant-harm': 'yes' }),
  recommendedResponse: 'strategy-discussion',
  chosenResponse: 'strategy-discussion',
} as const;

describe('the decision fails safe', () => {
  it('refuses a decision while a safety question is unanswered; nothing is saved', async () => {
    const r = await newReferral();
    const { 'needs-protection-now': _drop, ...answers } = checklistAnswers({
      'child-in-need': 'yes',
    });
    const err = await env.services.decisions
      .record(
        { user: env.admin },
        { referralId: r.id, version: r.version, decision: decisionInput({ answers }) },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors['answers.needs-protection-now']).toMatch(
      /^Answer this safety question/,
    );
    expect((await env.services.referrals.get({ user: env.admin }, { id: r.id })).decisions).toEqual(
      [],
    );
  });

  it('refuses a recommendation the answers do not give (a forged "no further action")', async () => {
    const r = await newReferral();
    const err = await env.services.decisions
      .record(
        { user: env.admin },
        {
          referralId: r.id,
          version: r.version,
          decision: decisionInput({
            answers: checklistAnswers({ 'significant-harm': 'unknown' }),
            recommendedResponse: 'nfa',
            chosenResponse: 'nfa',
          }),
        },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fieldErrors)).toContain('recommendedResponse');
  });

  it('a step down from a safety recommendation waits for a manager, even where sign-off is optional', async () => {
    const r = await newReferral();
    const d = await env.services.decisions.record(
      { user: env.admin },
      {
        referralId: r.id,
        version: r.version,
        decision: decisionInput({
          answers: checklistAnswers({ 'significant-harm': 'unknown', 'child-in-need': 'yes' }),
          recommendedResponse: 'strategy-discussion',
          chosenResponse: 's17-assessment',
          differsReason: 'Spoke to the school: the bruise has an explanation the nurse accepts.',
        }),
      },
    );
    // Default settings: WT 2023, sign-off optional. The step down still goes to a manager.
    expect(d.status).toBe('awaiting-sign-off');
    const after = await env.services.referrals.get({ user: env.admin }, { id: r.id });
    expect(after.status).toBe('awaiting-sign-off');
    expect(after.chronology.map((c) => c.text).join('\n')).toMatch(
      /lower response than the safety questions point to; a manager must agree it/,
    );
  });

  it('a safety "not known" puts "consult a manager now" first among the follow-ups', async () => {
    const r = await newReferral();
    const d = await env.services.decisions.record(
      { user: env.admin },
      {
        referralId: r.id,
        version: r.version,
        decision: decisionInput({
          answers: checklistAnswers({ 'immediate-danger': 'unknown' }),
          recommendedResponse: 'strategy-discussion',
          chosenResponse: 'strategy-discussion',
        }),
      },
    );
    expect(d.followUps[0]).toMatchObject({ kind: 'manager-consultation', due: '2026-11-23' });
  });
});

describe('what happened after the decision drives the conference clock', () => {
  async function decidedStrategyDiscussion(): Promise<ReferralRecord> {
    const r = await newReferral();
    await env.services.decisions.record(
      { user: env.admin },
      { referralId: r.id, version: r.version, decision: decisionInput(harmYes) },
    );
    return env.services.referrals.get({ user: env.admin }, { id: r.id });
  }

  async function icpcClock(rec: ReferralRecord) {
    const decision = rec.decisions.at(-1);
    const { policy } = await env.services.settings.get({ user: env.admin });
    return computeReferralClocks({
      receivedAt: rec.receivedAt,
      policy,
      calendar: createWorkingDayCalendar(),
      events: toReferralEvents(
        rec.progress,
        decision ? { at: decision.recordedAt, response: decision.chosen } : null,
      ),
      now: '2027-01-29T12:00:00Z',
    }).clocks.find((c) => c.id === 'icpc');
  }

  it('one discussion that decided no s47: no conference clock, weeks later', async () => {
    const rec = await decidedStrategyDiscussion();
    const after = await env.services.progress.record(
      { user: env.admin },
      { referralId: rec.id, event: { kind: 'strategy-discussion', date: '2026-11-23', s47: 'no' } },
    );
    expect(await icpcClock(after)).toBeUndefined();
    expect(after.chronology.at(-1)?.text).toBe(
      'Strategy discussion held on 23/11/2026: no section 47 enquiry.',
    );
  });

  it('a discussion that starts s47 records the start; the clock waits for the outcome', async () => {
    const rec = await decidedStrategyDiscussion();
    const a = await env.services.progress.record(
      { user: env.admin },
      {
        referralId: rec.id,
        event: {
          kind: 'strategy-discussion',
          date: '2026-11-23',
          s47: 'yes',
          s47Type: 'joint-with-police',
        },
      },
    );
    expect(a.progress.map((p) => p.event.kind)).toEqual(['strategy-discussion', 's47-started']);
    expect(await icpcClock(a)).toMatchObject({
      status: { kind: 'not-started' },
      provisionalDue: '2026-12-14',
    });
    // Recorded on the day it happened: the service refuses dates in the future.
    env.clock.set('2026-11-30T16:00:00.000Z');
    const b = await env.services.progress.record(
      { user: env.admin },
      {
        referralId: rec.id,
        event: { kind: 's47-outcome', date: '2026-11-30', outcome: 'likely-significant-harm' },
      },
    );
    expect(await icpcClock(b)).toMatchObject({ due: '2026-12-14', status: { kind: 'overdue' } });
  });

  it('refuses entries that do not fit what is recorded, with the field named', async () => {
    const rec = await decidedStrategyDiscussion();
    const outcomeFirst = await env.services.progress
      .record(
        { user: env.admin },
        {
          referralId: rec.id,
          event: { kind: 's47-outcome', date: '2026-11-23', outcome: 'not-substantiated' },
        },
      )
      .catch((e: unknown) => e);
    expect(outcomeFirst).toBeInstanceOf(ValidationError);
    expect((outcomeFirst as ValidationError).fieldErrors['event.kind']).toMatch(
      /Record the section 47 enquiry first/,
    );
    const beforeReferral = await env.services.progress
      .record(
        { user: env.admin },
        {
          referralId: rec.id,
          event: { kind: 'strategy-discussion', date: '2026-11-20', s47: 'no' },
        },
      )
      .catch((e: unknown) => e);
    expect((beforeReferral as ValidationError).fieldErrors['event.date']).toMatch(
      /before the referral was received \(23\/11\/2026\)/,
    );
    const noType = await env.services.progress
      .record(
        { user: env.admin },
        {
          referralId: rec.id,
          event: { kind: 'strategy-discussion', date: '2026-11-23', s47: 'yes' },
        },
      )
      .catch((e: unknown) => e);
    expect((noType as ValidationError).fieldErrors['event.s47Type']).toBeDefined();
    expect(
      (await env.services.referrals.get({ user: env.admin }, { id: rec.id })).progress,
    ).toEqual([]);
  });

  it('a withdrawn entry stays visible; one that others depend on cannot be withdrawn first', async () => {
    const rec = await decidedStrategyDiscussion();
    const a = await env.services.progress.record(
      { user: env.admin },
      {
        referralId: rec.id,
        event: {
          kind: 'strategy-discussion',
          date: '2026-11-23',
          s47: 'yes',
          s47Type: 'single-agency',
        },
      },
    );
    env.clock.set('2026-12-10T16:00:00.000Z');
    const b = await env.services.progress.record(
      { user: env.admin },
      { referralId: rec.id, event: { kind: 'icpc-held', date: '2026-12-10' } },
    );
    const start = a.progress.find((p) => p.event.kind === 's47-started');
    const discussion = a.progress.find((p) => p.event.kind === 'strategy-discussion');
    if (!start || !discussion) throw new Error('entries missing');
    // The discussion still starts the enquiry without the separate start entry.
    const c = await env.services.progress.withdraw(
      { user: env.admin },
      { referralId: rec.id, id: start.id, reason: 'Duplicate of the discussion' },
    );
    expect(c.progress.find((p) => p.id === start.id)?.withdrawn?.reason).toBe(
      'Duplicate of the discussion',
    );
    const blocked = await env.services.progress
      .withdraw(
        { user: env.admin },
        { referralId: rec.id, id: discussion.id, reason: 'Wrong child' },
      )
      .catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(ConflictError);
    expect((blocked as ConflictError).message).toMatch(/conference held.*depends on this entry/i);
    expect(b.progress).toHaveLength(3);
  });

  it('a chair can record a discussion; an administrator without casework roles cannot', async () => {
    const rec = await decidedStrategyDiscussion();
    const chair = await env.signIn('cadeyemi', ['chair']);
    await env.services.progress.record(
      { user: chair },
      { referralId: rec.id, event: { kind: 'strategy-discussion', date: '2026-11-23', s47: 'no' } },
    );
    const admin = await env.signIn('lhughes', ['admin']);
    await expect(
      env.services.progress.record(
        { user: admin },
        {
          referralId: rec.id,
          event: { kind: 'strategy-discussion', date: '2026-11-23', s47: 'no' },
        },
      ),
    ).rejects.toThrow(/permission/);
  });
});

describe('the queue and the referral page agree', () => {
  it('after a settings change the stored decision dates move, with a note on each referral', async () => {
    // Monday 23 November 2026 at 10:00: due Tuesday 24th.
    const r = await newReferral();
    expect(r.decisionDue).toBe('2026-11-24');
    const s = await env.services.settings.get({ user: env.admin });
    // An administrator adds Tuesday 24th as a closure day: due moves to Wednesday 25th.
    await env.services.settings.update(
      { user: env.admin },
      { version: s.version, closures: ['2026-11-24'] },
    );
    const [row] = await env.services.referrals.list({ user: env.admin }, { filter: 'all' });
    expect(row?.decisionDue).toBe('2026-11-25');
    const page = await env.services.referrals.get({ user: env.admin }, { id: r.id });
    expect(page.decisionDue).toBe('2026-11-25');
    const clocks = computeReferralClocks({
      receivedAt: page.receivedAt,
      policy: (await env.services.settings.get({ user: env.admin })).policy,
      calendar: createWorkingDayCalendar({ closures: ['2026-11-24'] }),
      now: '2026-11-23T12:00:00Z',
    });
    expect(clocks.clocks.find((c) => c.id === 'decision')?.due).toBe(row?.decisionDue);
    expect(page.chronology.at(-1)?.text).toBe(
      'Decision due date changed from Tuesday 24 November 2026 to Wednesday 25 November 2026: the settings changed.',
    );
  });

  it('a child who may need immediate protection is due the day the referral arrived', async () => {
    // Saturday 21 November 2026, 22:30: out of hours, but not something that can wait.
    const r = await newReferral({
      receivedAt: '2026-11-21T22:30:00.000Z',
      immediateProtectionMayBeNeeded: true,
    });
    expect(r.decisionDue).toBe('2026-11-21');
    const [row] = await env.services.referrals.list({ user: env.admin }, { filter: 'overdue' });
    expect(row?.id).toBe(r.id);
  });

  it('start-up brings stored dates in step (as after a bank-holiday table update)', async () => {
    const r = await newReferral();
    env.store.raw
      .prepare("UPDATE referrals SET decision_due = '2026-12-31' WHERE id = ?")
      .run(r.id);
    const result = await env.services.clocks.refresh();
    expect(result.changed).toEqual([
      { reference: r.reference, from: '2026-12-31', to: '2026-11-24' },
    ]);
    expect((await env.services.clocks.refresh()).changed).toEqual([]);
  });
});
