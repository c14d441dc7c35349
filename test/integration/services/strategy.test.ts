// Strategy discussions through the real services and store (issue 12): scheduling from a
// decision, the required-role check on confirmation, rescheduling with history and a growing
// calendar SEQUENCE, cancelling, invitees, access, stale versions and bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  StaleWriteError,
  ValidationError,
} from '../../../electron/main/store/errors';
import type { ReferralRecord } from '../../../shared/domain/records';
import {
  checklistAnswers,
  decisionInput,
  referralInput,
  testEnv,
  type TestEnv,
} from '../../helpers/store-fixtures';
import {
  decidedReferral,
  health,
  police,
  scheduleFor,
  socialWorker,
  updateOf,
} from './strategy-env';

let env: TestEnv;
let rec: ReferralRecord;
beforeEach(async () => {
  env = await testEnv();
  rec = await decidedReferral(env);
});
afterEach(() => {
  env.close();
});

const as = () => ({ user: env.admin });

describe('scheduling', () => {
  it('schedules from the decision: numbered, scheduled, SEQUENCE 0, required roles all missing', async () => {
    const d = await env.services.strategy.schedule(as(), scheduleFor(env, rec));
    expect(d).toMatchObject({
      sequence: 1,
      status: 'scheduled',
      icsSequence: 0,
      referralReference: rec.reference,
      trigger: { kind: 'decision' },
      chair: { id: env.admin.id },
      minuteTaker: 'Pat Notes',
    });
    expect(d.icsUid).toBe(`${d.id}@front-door`);
    expect(d.children).toEqual([
      expect.objectContaining({ name: 'Amy Smith', initials: 'A. S.', lookedAfter: false }),
    ]);
    // Default edition 2023: social worker, health practitioners and police (WT 2023 ch.3).
    expect(d.roleCheck.missing).toEqual(['social-worker', 'health', 'police']);
    expect(d.suggestions[0]).toMatchObject({ covers: 'referrer', name: 'Jo Teacher' });
    const page = await env.services.referrals.get(as(), { id: rec.id });
    expect(page.chronology.at(-1)?.text).toBe(
      'Strategy discussion 1 arranged for 14:00 on 23/11/2026.',
    );
    const audit = await env.services.audit.list(as(), {
      entityType: 'strategy-discussion',
      entityId: d.id,
    });
    expect(audit.map((a) => a.action)).toContain('create');
  });

  it('numbers later discussions on new information: 1, 2', async () => {
    await env.services.strategy.schedule(as(), scheduleFor(env, rec));
    const second = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, {
        trigger: { kind: 'new-information', summary: 'Police report a new disclosure.' },
        startsAt: '2026-11-25T10:00:00.000Z',
        endsAt: '2026-11-25T11:00:00.000Z',
      }),
    );
    expect(second.sequence).toBe(2);
    const list = await env.services.strategy.listForReferral(as(), { referralId: rec.id });
    expect(list.map((l) => l.sequence)).toEqual([1, 2]);
  });

  it('schedules after emergency action, keeping the measure and when the child was protected', async () => {
    const r = await env.services.referrals.create(as(), {
      referral: referralInput(),
      newChildren: [0],
    });
    await env.services.decisions.record(as(), {
      referralId: r.id,
      version: r.version,
      decision: decisionInput({
        answers: checklistAnswers({ 'needs-protection-now': 'yes' }),
        recommendedResponse: 'emergency-action',
        chosenResponse: 'emergency-action',
      }),
    });
    const decided = await env.services.referrals.get(as(), { id: r.id });
    // Police protection (Children Act 1989 s46) taken at 08:40, before the referral was received.
    const trigger = {
      kind: 'emergency-action' as const,
      decisionId: decided.decisions.at(-1)?.id ?? '',
      measure: 'police-protection' as const,
      takenAt: '2026-11-23T08:40:00.000Z',
    };
    const d = await env.services.strategy.schedule(as(), scheduleFor(env, decided, { trigger }));
    expect(d.trigger).toEqual(trigger);
    const future = await env.services.strategy
      .schedule(
        as(),
        scheduleFor(env, decided, { trigger: { ...trigger, takenAt: '2026-11-23T12:00:00.000Z' } }),
      )
      .catch((e: unknown) => e);
    expect((future as ValidationError).fieldErrors['trigger.takenAt']).toBe(
      'The time the child was protected cannot be in the future',
    );
  });

  it('refuses a trigger that does not fit the referral, beside the field; nothing is saved', async () => {
    const err = await env.services.strategy
      .schedule(
        as(),
        scheduleFor(env, rec, {
          trigger: {
            kind: 'emergency-action',
            decisionId: rec.decisions[0]?.id ?? '',
            measure: 'police-protection',
            takenAt: '2026-11-23T09:00:00.000Z',
          },
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors['trigger.kind']).toMatch(/not emergency action/);
    expect(await env.services.strategy.listForReferral(as(), { referralId: rec.id })).toEqual([]);
  });

  it('bad input is refused with field errors and nothing changes', async () => {
    const err = await env.services.strategy
      .schedule(as(), {
        ...scheduleFor(env, rec),
        endsAt: '2026-11-23T13:00:00.000Z',
        format: 'in-person',
        joinLink: undefined,
      })
      .catch((e: unknown) => e);
    expect((err as ValidationError).fieldErrors).toMatchObject({
      endsAt: 'End the discussion after it starts',
      location: 'Enter where the meeting is',
    });
    expect(await env.services.strategy.listForReferral(as(), { referralId: rec.id })).toEqual([]);
  });

  it('the chair must be able to chair; a child must be on the referral', async () => {
    const duty = await env.signIn('dana', ['duty-worker']);
    const err = await env.services.strategy
      .schedule(
        as(),
        scheduleFor(env, rec, {
          chairId: duty.id,
          children: [{ referralChildId: 'not-a-child', lookedAfter: false }],
        }),
      )
      .catch((e: unknown) => e);
    expect((err as ValidationError).fieldErrors).toMatchObject({
      chairId: 'Choose a chair: someone with the chair or manager role',
      'children.0.referralChildId': 'Choose a child on this referral',
    });
  });
});

describe('required roles and confirmation', () => {
  it('confirmation is refused while a required role has no invitee; recording why unblocks it', async () => {
    let d = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, { invitees: [socialWorker, health] }),
    );
    expect(d.roleCheck.missing).toEqual(['police']);
    const err = await env.services.strategy
      .confirm(as(), { id: d.id, version: d.version })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.missingRolesReason).toMatch(
      /^Nobody is invited for: Police\./,
    );
    d = await env.services.strategy.get(as(), { id: d.id });
    expect(d.status).toBe('scheduled');
    const why = 'Police joining by phone; officer not yet named by the duty inspector.';
    d = await env.services.strategy.confirm(as(), {
      id: d.id,
      version: d.version,
      missingRolesReason: why,
    });
    expect(d).toMatchObject({ status: 'confirmed', missingRolesReason: why });
    expect(d.history.at(-1)).toMatchObject({
      kind: 'confirmed',
      reason: why,
      by: { id: env.admin.id },
    });
  });

  it('with police invited (added on the spot, and to the directory) it confirms without a reason', async () => {
    let d = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, { invitees: [socialWorker, health] }),
    );
    d = await env.services.strategy.addInvitee(as(), {
      id: d.id,
      version: d.version,
      invitee: { ...police, addToDirectory: true },
    });
    expect(d.roleCheck.missing).toEqual([]);
    const inDirectory = await env.services.directory.list(as(), { text: 'Lee Grant' });
    expect(inDirectory).toEqual([
      expect.objectContaining({ name: 'DS Lee Grant', agency: 'Northshire Police' }),
    ]);
    expect(d.invitees.find((i) => i.covers === 'police')?.directoryId).toBe(inDirectory[0]?.id);
    d = await env.services.strategy.confirm(as(), { id: d.id, version: d.version });
    expect(d).toMatchObject({ status: 'confirmed', missingRolesReason: null });
  });

  it('a looked-after child makes the fostering service required', async () => {
    const child = rec.children[0];
    const d = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, {
        children: [{ referralChildId: child?.id, lookedAfter: true }],
        invitees: [socialWorker, health, police],
      }),
    );
    expect(d.roleCheck.missing).toEqual(['looked-after:fostering-service|residential-service']);
  });

  it('removing an invitee keeps the record and reopens the gap', async () => {
    let d = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, { invitees: [police] }),
    );
    const inviteeId = d.invitees[0]?.id ?? '';
    d = await env.services.strategy.removeInvitee(as(), {
      id: d.id,
      version: d.version,
      inviteeId,
      reason: 'Wrong officer',
    });
    expect(d.invitees).toEqual([]);
    expect(d.roleCheck.missing).toContain('police');
  });
});

describe('rescheduling and cancelling', () => {
  it('a change of time bumps SEQUENCE and keeps the history (old → new, why, who, when)', async () => {
    const d = await env.services.strategy.schedule(as(), scheduleFor(env, rec));
    const moved = await env.services.strategy.update(
      as(),
      updateOf(d, {
        startsAt: '2026-11-24T09:30:00.000Z',
        endsAt: '2026-11-24T10:30:00.000Z',
        reason: 'Police unavailable at 14:00',
      }),
    );
    expect(moved.icsSequence).toBe(1);
    expect(moved.history).toHaveLength(1);
    expect(moved.history[0]).toMatchObject({
      kind: 'rescheduled',
      from: { startsAt: '2026-11-23T14:00:00.000Z', format: 'video' },
      to: { startsAt: '2026-11-24T09:30:00.000Z', endsAt: '2026-11-24T10:30:00.000Z' },
      reason: 'Police unavailable at 14:00',
      at: '2026-11-23T10:05:00.000Z',
      by: { id: env.admin.id, displayName: 'Sam Patel' },
    });
    // A change of place only: SEQUENCE grows again; the minute-taker alone does not move it.
    const place = await env.services.strategy.update(
      as(),
      updateOf(moved, {
        format: 'in-person',
        location: 'Room 4, Civic Centre',
        joinLink: undefined,
        reason: 'Family room booked',
      }),
    );
    expect(place.icsSequence).toBe(2);
    expect(place.history.at(-1)?.kind).toBe('moved');
    const taker = await env.services.strategy.update(
      as(),
      updateOf(place, { minuteTaker: 'Alex Minutes' }),
    );
    expect(taker.icsSequence).toBe(2);
    expect(taker.minuteTaker).toBe('Alex Minutes');
  });

  it('a change of time needs a reason; a stale version is refused', async () => {
    const d = await env.services.strategy.schedule(as(), scheduleFor(env, rec));
    const input = updateOf(d, {
      startsAt: '2026-11-24T09:30:00.000Z',
      endsAt: '2026-11-24T10:30:00.000Z',
    });
    const noReason = await env.services.strategy.update(as(), input).catch((e: unknown) => e);
    expect((noReason as ValidationError).fieldErrors.reason).toMatch(/^Say why the time or place/);
    await env.services.strategy.update(as(), { ...input, reason: 'Police asked' });
    const stale = await env.services.strategy
      .update(as(), { ...input, reason: 'Another change' })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleWriteError);
    const now = await env.services.strategy.get(as(), { id: d.id });
    expect(now.history).toHaveLength(1);
  });

  it('cancel keeps the reason and history, bumps SEQUENCE, and nothing more can change', async () => {
    const d = await env.services.strategy.schedule(as(), scheduleFor(env, rec));
    const c = await env.services.strategy.cancel(as(), {
      id: d.id,
      version: d.version,
      reason: 'Child moved out of area; discussion held by the new authority',
    });
    expect(c).toMatchObject({ status: 'cancelled', icsSequence: 1 });
    expect(c.history.at(-1)).toMatchObject({ kind: 'cancelled', to: null });
    const again = await env.services.strategy
      .update(
        as(),
        updateOf(c, {
          startsAt: '2026-11-24T09:30:00.000Z',
          endsAt: '2026-11-24T10:30:00.000Z',
          reason: 'x',
        }),
      )
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
  });
});

describe('access', () => {
  it('an administrator without casework roles cannot schedule or read', async () => {
    const admin = await env.signIn('ada', ['admin']);
    const err = await env.services.strategy
      .schedule({ user: admin }, scheduleFor(env, rec))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    await expect(env.services.strategy.listMine({ user: admin })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('a duty worker can schedule; the chair sees it in "My strategy discussions"', async () => {
    const duty = await env.signIn('dana', ['duty-worker']);
    const d = await env.services.strategy.schedule({ user: duty }, scheduleFor(env, rec));
    const mine = await env.services.strategy.listMine(as());
    expect(mine.upcoming.map((x) => x.id)).toEqual([d.id]);
    expect((await env.services.strategy.listMine({ user: duty })).upcoming).toEqual([]);
    env.clock.set('2026-11-23T15:30:00.000Z');
    expect((await env.services.strategy.listMine(as())).toMinute.map((x) => x.id)).toEqual([d.id]);
  });
});
