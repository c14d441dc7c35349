// The minute-taker through the real dispatch (issue 14): lists the team's discussions whose
// minutes are open, opens one, saves the draft minutes and downloads them as a PDF; is refused the
// referral, its decision, letters, the arranging and finalising, and the administration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEnv } from '../../../electron/main/ipc/env';
import type { AppUser, ReferralRecord } from '../../../shared/domain/records';
import type {
  MinutesVersionRecord,
  MyStrategyDiscussions,
  StrategyDiscussionRecord,
} from '../../../shared/domain/strategy';
import { checklistAnswers, decisionInput, referralInput } from '../../helpers/store-fixtures';
import { ipcFixture, type IpcFixture } from './ipc-env';

let fx: IpcFixture;
let minutes: SessionEnv;
let chair: SessionEnv;
let otherChair: SessionEnv;
let dutyUser: AppUser;
let rec: ReferralRecord;
let discussion: StrategyDiscussionRecord;

beforeAll(async () => {
  fx = await ipcFixture();
  dutyUser = await fx.userWithRoles('dana.duty', ['duty-worker']);
  const chairUser = await fx.userWithRoles('chris.chair', ['chair']);
  await fx.userWithRoles('olu.chair', ['chair']);
  await fx.userWithRoles('mina.minutes', ['minute-taker']);
  minutes = fx.as('mina.minutes');
  chair = fx.as('chris.chair');
  otherChair = fx.as('olu.chair');
  const r = await fx.services.referrals.create(
    { user: dutyUser },
    { referral: referralInput(), newChildren: [0] },
  );
  await fx.services.decisions.record(
    { user: dutyUser },
    {
      referralId: r.id,
      version: r.version,
      decision: decisionInput({
        answers: checklistAnswers({ 'significant-harm': 'yes' }),
        recommendedResponse: 'strategy-discussion',
        chosenResponse: 'strategy-discussion',
      }),
    },
  );
  rec = await fx.services.referrals.get({ user: dutyUser }, { id: r.id });
  discussion = await fx.services.strategy.schedule(
    { user: dutyUser },
    {
      referralId: rec.id,
      trigger: { kind: 'decision', decisionId: rec.decisions.at(-1)?.id ?? '' },
      startsAt: '2026-11-24T10:00:00.000Z',
      endsAt: '2026-11-24T11:00:00.000Z',
      format: 'in-person',
      location: 'Room 2',
      chairId: chairUser.id,
      children: [{ referralChildId: rec.children[0]?.id ?? '', lookedAfter: false }],
    },
  );
});
afterAll(() => {
  fx.close();
});

async function listMine(env: SessionEnv): Promise<MyStrategyDiscussions> {
  const r = await fx.call(env, 'strategy:list-mine', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.data as MyStrategyDiscussions;
}

describe('minute-taker', () => {
  it("lists the team's discussions with open minutes, not only ones they chair", async () => {
    const team = await listMine(minutes);
    expect(team.scope).toBe('team');
    expect(team.upcoming.map((d) => d.id)).toEqual([discussion.id]);
    // A chair sees only their own: this one is Chris's, not Olu's.
    const olu = await listMine(otherChair);
    expect(olu.scope).toBe('chair');
    expect([...olu.upcoming, ...olu.toMinute, ...olu.toFinalise]).toEqual([]);
  });

  it('opens the discussion, saves the draft minutes and downloads them', async () => {
    const got = await fx.call(minutes, 'strategy:get', { id: discussion.id });
    expect(got).toMatchObject({ ok: true, data: { id: discussion.id, minutes: [] } });

    const saved = await fx.call(minutes, 'strategy:save-minutes', {
      id: discussion.id,
      minutesVersion: null,
      minutes: { reason: 'Bruising seen at school; police and health present.' },
    });
    expect(saved).toMatchObject({
      ok: true,
      data: {
        number: 1,
        status: 'draft',
        minutes: { reason: 'Bruising seen at school; police and health present.' },
      },
    });
    const draft = (saved.ok ? saved.data : null) as MinutesVersionRecord;
    const again = await fx.call(minutes, 'strategy:save-minutes', {
      id: discussion.id,
      minutesVersion: draft.version,
      minutes: { reason: 'Bruising seen at school.', risks: 'Unexplained injury to a baby.' },
    });
    expect(again).toMatchObject({ ok: true, data: { number: 1, version: draft.version + 1 } });

    const pdf = await fx.call(minutes, 'strategy:minutes-pdf', { id: discussion.id });
    expect(pdf).toMatchObject({ ok: true, data: { outcome: { kind: 'saved' } } });

    // Now a draft: it waits for the chair to finalise, in the minute-taker's list and the chair's.
    expect((await listMine(minutes)).toFinalise.map((d) => d.id)).toEqual([discussion.id]);
    expect((await listMine(chair)).toFinalise.map((d) => d.id)).toEqual([discussion.id]);
  });

  it('is refused the referral, its decision, letters, arranging, finalising and administration', async () => {
    const refused: [string, unknown][] = [
      ['referrals:get', { id: rec.id }],
      ['referrals:queue', { filter: 'all', page: 0, pageSize: 25 }],
      ['search:all', { text: 'Smith' }],
      ['decisions:record', { referralId: rec.id, version: rec.version, decision: decisionInput() }],
      ['decisions:sign-off', { decisionId: 'x', version: 1, outcome: 'agreed' }],
      ['letters:for-referral', { referralId: rec.id }],
      ['letters:queue', {}],
      ['strategy:list-for-referral', { referralId: rec.id }],
      ['strategy:confirm', { id: discussion.id, version: discussion.version }],
      ['strategy:invite', { id: discussion.id }],
      [
        'strategy:finalise-minutes',
        { id: discussion.id, minutesVersion: 2, minutes: { reason: 'x' } },
      ],
      ['documents:list', { subjectType: 'strategy-discussion', subjectId: discussion.id }],
      ['referrals:export-pdf', { id: rec.id }],
      ['users:set-roles', { id: dutyUser.id, version: dutyUser.version, roles: [] }],
      ['audit:search', {}],
    ];
    for (const [channel, input] of refused) {
      const r = await fx.call(minutes, channel, input);
      expect({ channel, r }).toMatchObject({
        channel,
        r: { ok: false, error: { code: 'FORBIDDEN' } },
      });
    }
    // Nothing the refusals touched changed: the referral still has its one decision.
    const after = await fx.services.referrals.get({ user: dutyUser }, { id: rec.id });
    expect(after.decisions).toHaveLength(1);
    expect(after.version).toBe(rec.version);
  });
});
