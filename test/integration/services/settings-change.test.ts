// Settings changes through the real services and store (issue 14): the preview says what a change
// does in plain words with today's counts and saves nothing; a save keeps only what changed in
// the audit log, before → after; a bad value is refused and changes nothing; and the settings
// flow into behaviour: who must attend a strategy discussion (WT 2013 ch.1 requires the social
// worker's manager, WT 2018 ch.1 does not), manager sign-off of decisions, and the clocks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsUpdateInput } from '../../../electron/main/services/settings-change';
import { listAuditForEntity } from '../../../electron/main/store/audit';
import {
  ConflictError,
  ForbiddenError,
  StaleWriteError,
  ValidationError,
} from '../../../electron/main/store/errors';
import { decisionInput, referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';
import { decidedReferral, health, police, scheduleFor, socialWorker } from './strategy-env';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

const as = () => ({ user: env.admin });

async function change(input: Omit<SettingsUpdateInput, 'version'>) {
  const s = await env.services.settings.get(as());
  return env.services.settings.update(as(), { version: s.version, ...input });
}

const settingsAudit = async () =>
  (await listAuditForEntity(env.store.db, 'settings', 'app')).filter(
    (e) => e.action === 'settings',
  );

/** Received Monday 23/11/2026 at 17:30 London (GMT): after the default office hours. */
const lateReferral = () => {
  env.clock.set('2026-11-23T17:45:00.000Z');
  return env.services.referrals.create(as(), {
    referral: referralInput({ receivedAt: '2026-11-23T17:30:00.000Z' }),
    newChildren: [0],
  });
};

describe('the preview of a change', () => {
  it('says what longer office hours do to an open referral, and saves nothing', async () => {
    const r = await lateReferral();
    // Out of hours: counted from Tuesday 24/11, due Wednesday 25/11.
    expect(r).toMatchObject({ countedFrom: '2026-11-24', decisionDue: '2026-11-25' });
    const before = await env.services.settings.get(as());
    const preview = await env.services.settings.preview(as(), {
      overrides: { officeHoursEnd: '18:00' },
    });
    expect(preview.sentences).toEqual([
      'Office hours will be 09:00–18:00 instead of 09:00–17:00 (UK time).',
      "1 open referral's decision clock counts differently: its decision due date is recalculated when you save, and each change is noted in the referral's history.",
    ]);
    const after = await env.services.settings.get(as());
    expect(after.version).toBe(before.version);
    expect(after.policy.officeHoursEnd).toBe('17:00');
    expect(await settingsAudit()).toEqual([]);
    const same = await env.services.referrals.get(as(), { id: r.id });
    expect(same.decisionDue).toBe('2026-11-25');
  });

  it('counts decisions waiting for sign-off and discussions booked without a manager', async () => {
    await change({ overrides: { managerSignOff: 'required' } });
    const r = await env.services.referrals.create(as(), {
      referral: referralInput(),
      newChildren: [0],
    });
    const d = await env.services.decisions.record(as(), {
      referralId: r.id,
      version: r.version,
      decision: decisionInput(),
    });
    expect(d.status).toBe('awaiting-sign-off');
    const off = await env.services.settings.preview(as(), { overrides: { managerSignOff: 'off' } });
    expect(off.sentences).toContain(
      'The 1 decision already waiting for sign-off will still wait for a manager: changing this setting does not make it final.',
    );

    const rec = await decidedReferral(env);
    await env.services.strategy.schedule(as(), scheduleFor(env, rec, { invitees: [police] }));
    const manager = await env.services.settings.preview(as(), {
      overrides: {
        managerSignOff: 'required',
        requiredRoles: ['social-worker', 'health', 'police', 'sw-manager'],
      },
    });
    expect(manager.sentences).toEqual([
      "Strategy discussions will need a manager invited: a discussion cannot be confirmed without the social worker's manager unless the chair records why.",
      '1 strategy discussion booked but not yet held has no manager invited: it will show the manager as missing until one is invited.',
    ]);
  });

  it('says nothing changes when nothing does, and a new marking in words', async () => {
    const s = await env.services.settings.get(as());
    expect((await env.services.settings.preview(as(), { overrides: {} })).sentences).toEqual([]);
    const marking = await env.services.settings.preview(as(), {
      organisation: {
        ...s.organisation,
        name: 'Exampleshire',
        marking: 'OFFICIAL-SENSITIVE: PERSONAL',
      },
    });
    expect(marking.sentences).toEqual([
      'Documents and calendar invites made from now on will be marked “OFFICIAL-SENSITIVE: PERSONAL” instead of “OFFICIAL-SENSITIVE”; documents already made keep the marking they were made with.',
    ]);
  });

  it('names an attendee added to or taken off the required list by its label', async () => {
    const s = await env.services.settings.get(as());
    const required = s.policy.requiredRoles;
    const optional = s.policy.optionalRoles.filter((r) => r !== 'domestic-abuse-specialist');
    const withSpecialist = {
      requiredRoles: [...required, 'domestic-abuse-specialist' as const],
      optionalRoles: optional,
    };
    const added = await env.services.settings.preview(as(), { overrides: withSpecialist });
    expect(added.sentences).toContain(
      'Strategy discussions will need this attendee: Domestic abuse specialist.',
    );
    await change({ overrides: withSpecialist });
    const removed = await env.services.settings.preview(as(), {
      overrides: { requiredRoles: required, optionalRoles: optional },
    });
    expect(removed.sentences).toContain(
      'Strategy discussions will no longer need this attendee: Domestic abuse specialist.',
    );
  });

  it('is for administrators only', async () => {
    const worker = await env.signIn('kim', ['duty-worker', 'manager']);
    await expect(
      env.services.settings.preview({ user: worker }, { overrides: {} }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('saving a change', () => {
  it('keeps only what changed in the audit log, before → after', async () => {
    await change({
      edition: 2023,
      overrides: {
        officeHoursEnd: '18:00',
        notes: { officeHoursEnd: 'Duty line staffed to 6pm' },
      },
    });
    const [entry, ...more] = await settingsAudit();
    expect(more).toEqual([]);
    expect(entry?.summary).toBe(
      'Settings changed: Office closes, Local policy note: Office closes',
    );
    expect(entry?.details.before).toEqual({
      policy: { officeHoursEnd: '17:00' },
      localPolicy: { notes: {} },
    });
    expect(entry?.details.after).toEqual({
      policy: { officeHoursEnd: '18:00' },
      localPolicy: {
        officeHoursEnd: '18:00',
        notes: { officeHoursEnd: 'Duty line staffed to 6pm' },
      },
    });

    // The edition alone: the edition and the rules it moves, nothing else.
    await change({ edition: 2013 });
    const second = (await settingsAudit())[1];
    expect(Object.keys(second?.details.before as object).sort()).toEqual(['edition', 'policy']);
    expect(second?.details.before).toMatchObject({ edition: 2023 });
    expect(second?.details.after).toMatchObject({
      edition: 2013,
      policy: { managerSignOff: 'required', caseHolderTerm: 'social worker' },
    });
  });

  it('refuses a bad value and changes nothing', async () => {
    const before = await env.services.settings.get(as());
    for (const overrides of [
      { officeHoursEnd: '08:00' },
      { officeHoursStart: '9am' },
      { icpcWorkingDays: 20 },
      { managerSignOff: 'sometimes' },
      { requiredRoles: ['social-worker', 'police'] },
    ]) {
      const err = await env.services.settings
        .update(as(), { version: before.version, overrides })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      const [path] = Object.keys((err as ValidationError).fieldErrors);
      expect(path).toMatch(/^overrides\./);
      await expect(env.services.settings.preview(as(), { overrides })).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
    const err = await env.services.settings
      .update(as(), { version: before.version, overrides: { icpcWorkingDays: 20 } })
      .catch((e: unknown) => e);
    expect((err as ValidationError).fieldErrors['overrides.icpcWorkingDays']).toMatch(
      /Local policy can set a shorter time but not a longer one/,
    );
    const after = await env.services.settings.get(as());
    expect(after).toEqual(before);
    expect(await settingsAudit()).toEqual([]);
  });

  it('refuses a save made over someone else’s, changing nothing', async () => {
    const s = await env.services.settings.get(as());
    await env.services.settings.update(as(), {
      version: s.version,
      overrides: { seeChildWithinHours: 12 },
    });
    await expect(
      env.services.settings.update(as(), {
        version: s.version,
        overrides: { seeChildWithinHours: 6 },
      }),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect((await env.services.settings.get(as())).policy.seeChildWithinHours).toBe(12);
  });
});

describe('settings flowing into behaviour', () => {
  const everyoneButTheManager = [socialWorker, health, police];

  it('a 2013 authority needs the manager at a strategy discussion; a 2018 one does not', async () => {
    await change({ edition: 2013 });
    const rec = await decidedReferral(env);
    let d = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, { invitees: everyoneButTheManager }),
    );
    expect(d.roleCheck.missing).toEqual(['sw-manager']);
    const refused = await env.services.strategy
      .confirm(as(), { id: d.id, version: d.version })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.missingRolesReason).toMatch(
      /Social worker's manager/,
    );

    await change({ edition: 2018 });
    d = await env.services.strategy.get(as(), { id: d.id });
    expect(d.roleCheck.missing).toEqual([]);
    d = await env.services.strategy.confirm(as(), { id: d.id, version: d.version });
    expect(d.status).toBe('confirmed');

    // A 2018 authority keeping managers by local policy is back to needing one.
    await change({
      overrides: { requiredRoles: ['social-worker', 'health', 'police', 'sw-manager'] },
    });
    const again = await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, {
        invitees: everyoneButTheManager,
        startsAt: '2026-11-24T14:00:00.000Z',
        endsAt: '2026-11-24T15:00:00.000Z',
      }),
    );
    expect(again.roleCheck.missing).toEqual(['sw-manager']);
  });

  it('sign-off required makes a decision wait for a manager; off makes it final with no sign-off', async () => {
    const manager = await env.signIn('lee', ['manager']);
    const decide = async () => {
      const r = await env.services.referrals.create(as(), {
        referral: referralInput(),
        newChildren: [0],
      });
      return env.services.decisions.record(as(), {
        referralId: r.id,
        version: r.version,
        decision: decisionInput(),
      });
    };
    await change({ overrides: { managerSignOff: 'required' } });
    const waiting = await decide();
    expect(waiting.status).toBe('awaiting-sign-off');

    await change({ overrides: { managerSignOff: 'off' } });
    const final = await decide();
    expect(final.status).toBe('final');
    await expect(
      env.services.decisions.signOff(
        { user: manager },
        { decisionId: final.id, version: final.version, outcome: 'agreed' },
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    // The decision already waiting still waits, and a manager can still sign it off.
    const agreed = await env.services.decisions.signOff(
      { user: manager },
      { decisionId: waiting.id, version: waiting.version, outcome: 'agreed' },
    );
    expect(agreed.status).toBe('final');
  });

  it('office hours move the decision clock; the strategy discussion due time moves its deadline', async () => {
    const r = await lateReferral();
    expect(r.decisionDue).toBe('2026-11-25');
    await change({ overrides: { officeHoursEnd: '18:00' } });
    // Now received in office hours: counted from Monday 23/11, due Tuesday 24/11.
    const moved = await env.services.referrals.get(as(), { id: r.id });
    expect(moved).toMatchObject({ countedFrom: '2026-11-23', decisionDue: '2026-11-24' });

    // Decided Monday 23/11: due within 1 working day (Tuesday), then 3 (Thursday 26/11).
    const rec = await decidedReferral(env);
    const due = async () =>
      (await env.services.strategyArrange.toArrange(as())).find((a) => a.referralId === rec.id)
        ?.due;
    expect(await due()).toBe('2026-11-24');
    const preview = await env.services.settings.preview(as(), {
      overrides: { officeHoursEnd: '18:00', strategyDiscussionWorkingDays: 3 },
    });
    expect(preview.sentences).toContain(
      '1 referral waiting for a strategy discussion gets a new due date; follow-up actions already opened keep the date they were given.',
    );
    await change({ overrides: { officeHoursEnd: '18:00', strategyDiscussionWorkingDays: 3 } });
    expect(await due()).toBe('2026-11-26');
  });
});
