// Strategy discussion channels through the real dispatch (sender → role → schema → handler):
// field errors beside each field and nothing changed, roles enforced, STALE on an old version,
// hostile text kept exactly, and the chair-only finalisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEnv } from '../../../electron/main/ipc/env';
import type { AppUser, ReferralRecord } from '../../../shared/domain/records';
import type { StrategyDiscussionRecord, StrategyListItem } from '../../../shared/domain/strategy';
import { checklistAnswers, decisionInput, referralInput } from '../../helpers/store-fixtures';
import { fieldErrors, ipcFixture, type IpcFixture } from './ipc-env';

let fx: IpcFixture;
let duty: SessionEnv;
let chair: SessionEnv;
let chairUser: AppUser;
let admin: SessionEnv;
let rec: ReferralRecord;

const HOSTILE = 'Room 2;\nBEGIN:VEVENT\nSUMMARY:a, b \\ c — Zoë محمد 李 😀';

beforeAll(async () => {
  fx = await ipcFixture();
  const dutyUser = await fx.userWithRoles('dana.duty', ['duty-worker']);
  chairUser = await fx.userWithRoles('chris.chair', ['chair']);
  duty = fx.as('dana.duty');
  chair = fx.as('chris.chair');
  await fx.userWithRoles('ada.admin', ['admin']);
  admin = fx.as('ada.admin');
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
});
afterAll(() => {
  fx.close();
});

function scheduleInput(over: Record<string, unknown> = {}) {
  return {
    referralId: rec.id,
    trigger: { kind: 'decision', decisionId: rec.decisions.at(-1)?.id },
    startsAt: '2026-11-24T10:00:00.000Z',
    endsAt: '2026-11-24T11:00:00.000Z',
    format: 'in-person',
    location: HOSTILE,
    chairId: chairUser.id,
    children: [{ referralChildId: rec.children[0]?.id, lookedAfter: false }],
    ...over,
  };
}

async function list(): Promise<StrategyListItem[]> {
  const r = await fx.call(duty, 'strategy:list-for-referral', { referralId: rec.id });
  if (!r.ok) throw new Error(r.error.message);
  return r.data as StrategyListItem[];
}

describe('strategy channels', () => {
  it('refuses bad input with field errors beside the fields; nothing is saved', async () => {
    const r = await fx.call(
      duty,
      'strategy:schedule',
      scheduleInput({ endsAt: '2026-11-24T09:00:00.000Z', location: '', format: 'in-person' }),
    );
    expect(fieldErrors(r)).toMatchObject({
      endsAt: 'End the discussion after it starts',
      location: 'Enter where the meeting is',
    });
    expect(await list()).toEqual([]);
  });

  it('an administrator (no casework role) is refused', async () => {
    const r = await fx.call(admin, 'strategy:schedule', scheduleInput());
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('schedules, keeps hostile text exactly, refuses a stale version, and only the chair finalises', async () => {
    const r = await fx.call(duty, 'strategy:schedule', scheduleInput());
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const d = r.data as StrategyDiscussionRecord;
    const got = await fx.call(chair, 'strategy:get', { id: d.id });
    expect(got.ok && (got.data as StrategyDiscussionRecord).location).toBe(HOSTILE);

    const cancelFirst = await fx.call(duty, 'strategy:confirm', {
      id: d.id,
      version: d.version,
      missingRolesReason: 'Agencies being contacted by phone',
    });
    expect(cancelFirst.ok).toBe(true);
    const stale = await fx.call(duty, 'strategy:cancel', {
      id: d.id,
      version: d.version,
      reason: 'Duplicate',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE' } });

    const draft = await fx.call(duty, 'strategy:save-minutes', {
      id: d.id,
      minutesVersion: null,
      minutes: { reason: HOSTILE },
    });
    expect(draft).toMatchObject({
      ok: true,
      data: { number: 1, version: 1, minutes: { reason: HOSTILE } },
    });
    // Incomplete minutes are refused at the schema, beside each field.
    const incomplete = await fx.call(chair, 'strategy:finalise-minutes', {
      id: d.id,
      minutesVersion: 1,
      minutes: { reason: 'x' },
    });
    expect(fieldErrors(incomplete)).toMatchObject({
      'minutes.risks': 'Enter the risks identified',
    });
    // A duty worker who is not the chair cannot finalise (checked before the meeting time).
    const notChair = await fx.call(duty, 'strategy:finalise-minutes', {
      id: d.id,
      minutesVersion: 1,
      minutes: {
        reason: 'x',
        childViews: [],
        risks: 'r',
        strengths: 's',
        decision: {
          s47: 'no',
          otherResponse: 's17-assessment',
          criminalInvestigation: 'no',
          medicalExamination: 'no',
          legalPlanning: 'no',
          ladoReferral: 'no',
          rationale: 'r',
        },
        family: { told: 'told' },
        safetyPlan: 'p',
        next: { step: 'none' },
      },
    });
    expect(notChair).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const mine = await fx.call(chair, 'strategy:list-mine', {});
    expect(mine).toMatchObject({ ok: true, data: { toFinalise: [{ id: d.id }] } });
  });
});
