// Minutes of a strategy discussion through the real services and store (issue 12): draft →
// finalised by the chair → locked → amended as version 2, both readable; the s47 decision flows
// into the referral's clocks (ICPC from the edition's anchor); text kept exactly as entered; the
// documents' views carry no child's name in the invite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  StaleWriteError,
  ValidationError,
} from '../../../electron/main/store/errors';
import {
  inviteMeetingFor,
  minutesViewFor,
} from '../../../electron/main/services/strategy-documents';
import { computeReferralClocks, createWorkingDayCalendar } from '../../../shared/calendar';
import type { ReferralRecord } from '../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../shared/domain/strategy';
import { toReferralEvents } from '../../../shared/progress';
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
let rec: ReferralRecord;
let d: StrategyDiscussionRecord;
beforeEach(async () => {
  env = await testEnv();
  rec = await decidedReferral(env);
  d = await env.services.strategy.schedule(
    { user: env.admin },
    scheduleFor(env, rec, { invitees: [socialWorker, health, police] }),
  );
  d = await env.services.strategy.confirm({ user: env.admin }, { id: d.id, version: d.version });
});
afterEach(() => {
  env.close();
});

const as = () => ({ user: env.admin });
const HOSTILE = 'Line one;\nBEGIN:VEVENT\nSUMMARY:x, y \\ z — Zoë Öztürk, محمد, 李小龙 😀';

describe('minutes: draft, finalise, lock, amend', () => {
  it('autosaves a draft under its own version; a stale save is refused', async () => {
    const v1 = await env.services.strategy.saveMinutes(as(), {
      id: d.id,
      minutesVersion: null,
      minutes: { reason: 'Bruising' },
    });
    expect(v1).toMatchObject({ number: 1, status: 'draft', version: 1, amendment: null });
    const v2 = await env.services.strategy.saveMinutes(as(), {
      id: d.id,
      minutesVersion: 1,
      minutes: { reason: 'Bruising to the arm' },
    });
    expect(v2.version).toBe(2);
    const stale = await env.services.strategy
      .saveMinutes(as(), { id: d.id, minutesVersion: 1, minutes: { reason: 'Older copy' } })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleWriteError);
    const second = await env.services.strategy
      .saveMinutes(as(), { id: d.id, minutesVersion: null, minutes: { reason: 'Other desk' } })
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(StaleWriteError);
    const now = await env.services.strategy.get(as(), { id: d.id });
    expect(now.minutes.map((m) => m.minutes.reason)).toEqual(['Bruising to the arm']);
  });

  it('finalised by the chair: locked, progress recorded, ICPC target from the clocks; then amended as version 2', async () => {
    const draft = await env.services.strategy.saveMinutes(as(), {
      id: d.id,
      minutesVersion: null,
      minutes: { reason: 'Bruising' },
    });
    // Not before the discussion has started.
    const early = await env.services.strategy
      .finaliseMinutes(as(), { id: d.id, minutesVersion: draft.version, minutes: fullMinutes(d) })
      .catch((e: unknown) => e);
    expect(early).toBeInstanceOf(ConflictError);
    env.clock.set('2026-11-23T16:00:00.000Z');

    // Incomplete minutes: every problem beside its field, nothing changes.
    const incomplete = await env.services.strategy
      .finaliseMinutes(as(), {
        id: d.id,
        minutesVersion: draft.version,
        minutes: fullMinutes(d, {
          attendance: [],
          actions: [{ what: 'Visit', owner: 'Sam', agency: 'LA', due: '2026-11-28' }],
        }),
      })
      .catch((e: unknown) => e);
    expect(incomplete).toBeInstanceOf(ValidationError);
    const problems = (incomplete as ValidationError).fieldErrors;
    expect(problems['minutes.attendance']).toMatch(
      /^Record whether each invitee attended: Sam Patel/,
    );
    expect(problems['minutes.actions.0.due']).toBe(
      '28/11/2026 is not a working day: choose a working day',
    );
    expect((await env.services.strategy.get(as(), { id: d.id })).status).toBe('confirmed');

    const fin = await env.services.strategy.finaliseMinutes(as(), {
      id: d.id,
      minutesVersion: draft.version,
      minutes: fullMinutes(d),
    });
    expect(fin.status).toBe('minutes-finalised');
    expect(fin.minutes).toHaveLength(1);
    expect(fin.minutes[0]).toMatchObject({
      status: 'finalised',
      finalisedBy: { id: env.admin.id },
    });
    // WT 2023 ch.3: ICPC within 15 working days of the (last) strategy discussion: 23/11 → 14/12.
    expect(fin.minutes[0]?.minutes.next).toMatchObject({ step: 'icpc', date: '2026-12-14' });

    // The referral's clocks: discussion held, s47 started on the day (census S47ActualStartDate).
    const page = await env.services.referrals.get(as(), { id: rec.id });
    expect(page.progress.map((p) => [p.event.kind, p.event.date])).toEqual([
      ['strategy-discussion', '2026-11-23'],
      ['s47-started', '2026-11-23'],
    ]);
    const decision = page.decisions.at(-1);
    const clocks = computeReferralClocks({
      receivedAt: page.receivedAt,
      policy: (await env.services.settings.get(as())).policy,
      calendar: createWorkingDayCalendar(),
      events: toReferralEvents(
        page.progress,
        decision ? { at: decision.recordedAt, response: decision.chosen } : null,
      ),
      now: '2026-11-23T16:00:00.000Z',
    }).clocks;
    expect(clocks.find((c) => c.id === 'icpc')).toMatchObject({ provisionalDue: '2026-12-14' });
    expect(clocks.find((c) => c.id === 'strategy-discussion')?.status).toMatchObject({
      kind: 'met',
    });

    // Locked: no more drafts, and the database itself refuses a change to a finalised row.
    const locked = await env.services.strategy
      .saveMinutes(as(), { id: d.id, minutesVersion: 2, minutes: { reason: 'Changed' } })
      .catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(ConflictError);
    expect(() => env.store.raw.prepare("UPDATE strategy_minutes SET data = '{}'").run()).toThrow(
      /Finalised minutes are locked/,
    );

    // Amendment: version 2, saying what changed and why; version 1 stays readable.
    const amended = await env.services.strategy.amendMinutes(as(), {
      id: d.id,
      version: fin.version,
      amendment: { whatChanged: 'Police attendance corrected', why: 'DS Grant left early' },
    });
    expect(amended.minutes.map((m) => [m.number, m.status])).toEqual([
      [1, 'finalised'],
      [2, 'draft'],
    ]);
    const v2 = amended.minutes[1];
    expect(v2?.amendment).toEqual({
      whatChanged: 'Police attendance corrected',
      why: 'DS Grant left early',
    });
    const edited = await env.services.strategy.saveMinutes(as(), {
      id: d.id,
      minutesVersion: v2?.version ?? 0,
      minutes: { ...fullMinutes(d), risks: 'Injury unexplained; DS Grant left at 14:40.' },
    });
    const fin2 = await env.services.strategy.finaliseMinutes(as(), {
      id: d.id,
      minutesVersion: edited.version,
      minutes: { ...fullMinutes(d), risks: 'Injury unexplained; DS Grant left at 14:40.' },
    });
    expect(fin2.minutes.map((m) => [m.number, m.status, m.minutes.risks])).toEqual([
      [1, 'finalised', 'Injury unexplained.'],
      [2, 'finalised', 'Injury unexplained; DS Grant left at 14:40.'],
    ]);
    // Recorded once: the amendment did not add a second discussion to the referral.
    const after = await env.services.referrals.get(as(), { id: rec.id });
    expect(after.progress.filter((p) => p.event.kind === 'strategy-discussion')).toHaveLength(1);
  });

  it('only the chair of the meeting (or a manager) finalises and amends', async () => {
    env.clock.set('2026-11-23T16:00:00.000Z');
    const duty = await env.signIn('dana', ['duty-worker']);
    const draft = await env.services.strategy.saveMinutes(
      { user: duty },
      {
        id: d.id,
        minutesVersion: null,
        minutes: { reason: 'Minute-taker draft' },
      },
    );
    const refused = await env.services.strategy
      .finaliseMinutes(
        { user: duty },
        { id: d.id, minutesVersion: draft.version, minutes: fullMinutes(d) },
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    const manager = await env.signIn('mo', ['manager']);
    const fin = await env.services.strategy.finaliseMinutes(
      { user: manager },
      {
        id: d.id,
        minutesVersion: draft.version,
        minutes: fullMinutes(d),
      },
    );
    expect(fin.minutes[0]?.finalisedBy?.id).toBe(manager.id);
  });

  it('a required agency that did not attend needs the reason recorded', async () => {
    env.clock.set('2026-11-23T16:00:00.000Z');
    const draft = await env.services.strategy.saveMinutes(as(), {
      id: d.id,
      minutesVersion: null,
      minutes: {},
    });
    const policeId = d.invitees.find((i) => i.covers === 'police')?.id ?? '';
    const attendance = d.invitees.map((i) =>
      i.id === policeId
        ? { inviteeId: i.id, status: 'apologies' as const, informationSent: 'yes' as const }
        : { inviteeId: i.id, status: 'attended' as const },
    );
    const err = await env.services.strategy
      .finaliseMinutes(as(), {
        id: d.id,
        minutesVersion: draft.version,
        minutes: fullMinutes(d, { attendance }),
      })
      .catch((e: unknown) => e);
    const index = attendance.findIndex((a) => a.inviteeId === policeId);
    expect(
      (err as ValidationError).fieldErrors[`minutes.attendance.${String(index)}.absenceNote`],
    ).toBe('DS Lee Grant covers a required role and did not attend: record why');
  });
});

describe('text and documents', () => {
  it('hostile and non-Latin text is kept exactly, in the meeting and in the minutes', async () => {
    const moved = await env.services.strategy.update(as(), {
      id: d.id,
      version: d.version,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      format: 'in-person',
      location: HOSTILE,
      chairId: env.admin.id,
      children: d.children.map((c) => ({
        referralChildId: c.referralChildId ?? undefined,
        lookedAfter: false,
      })),
      reason: HOSTILE,
    });
    expect(moved.location).toBe(HOSTILE);
    expect(moved.history.at(-1)?.reason).toBe(HOSTILE);
    const saved = await env.services.strategy.saveMinutes(as(), {
      id: d.id,
      minutesVersion: null,
      minutes: { reason: HOSTILE, information: [{ agency: HOSTILE, text: HOSTILE }] },
    });
    const read = await env.services.strategy.get(as(), { id: d.id });
    expect(read.minutes[0]?.minutes).toEqual(saved.minutes);
    expect(read.minutes[0]?.minutes.information?.[0]).toEqual({ agency: HOSTILE, text: HOSTILE });
  });

  it("the invite carries the case reference, never the child's name; initials only when the setting allows", async () => {
    const settings = await env.services.settings.get(as());
    const org = { ...settings.organisation, email: 'mash@council.example' };
    const invite = inviteMeetingFor(d, org, '2026-11-23T10:05:00.000Z');
    expect(invite).toMatchObject({
      uid: d.icsUid,
      sequence: 0,
      status: 'scheduled',
      reference: rec.reference,
      joinUrl: 'https://teams.example/meet/123',
      organiser: { name: 'Sam Patel', email: 'mash@council.example' },
    });
    expect(invite.attendees.map((a) => [a.name, a.required])).toEqual([
      ['Sam Patel', true],
      ['Dr Ana Costa', true],
      ['DS Lee Grant', true],
    ]);
    const text = JSON.stringify(invite);
    expect(text).not.toMatch(/Amy|Smith/);
    expect(invite.childInitials).toBeUndefined();
    expect(
      inviteMeetingFor(d, { ...org, inviteInitials: true }, '2026-11-23T10:05:00.000Z')
        .childInitials,
    ).toBe('A. S.');
  });

  it('the minutes view maps a finalised version: attendance, decision, actions, distribution', async () => {
    env.clock.set('2026-11-23T16:00:00.000Z');
    const draft = await env.services.strategy.saveMinutes(as(), {
      id: d.id,
      minutesVersion: null,
      minutes: {},
    });
    const fin = await env.services.strategy.finaliseMinutes(as(), {
      id: d.id,
      minutesVersion: draft.version,
      minutes: fullMinutes(d),
    });
    const page = await env.services.referrals.get(as(), { id: rec.id });
    const version = fin.minutes[0];
    if (!version) throw new Error('no minutes');
    const view = minutesViewFor(
      fin,
      page,
      version,
      (await env.services.settings.get(as())).organisation,
    );
    expect(view).toMatchObject({
      caseReference: rec.reference,
      sequenceNumber: 1,
      trigger: { kind: 'referral' },
      children: [
        {
          name: 'Amy Smith',
          dateOfBirth: '2016-04-03',
          viewsAndLivedExperience: 'Says she is scared of Kim.',
        },
      ],
      decision: {
        section47: true,
        section47StartDate: '2026-11-23',
        enquiryType: 'joint-with-police',
      },
      nextStep: { kind: 'icpc', targetDate: '2026-12-14' },
      familyInformed: { told: true, byWhom: 'Sam Patel', when: '24/11/2026' },
      version: { version: 1, status: 'final', finalisedBy: 'Sam Patel' },
    });
    expect(view.attendees.map((a) => a.attendance)).toEqual(['attended', 'attended', 'attended']);
    expect(view.distribution.map((p) => p.name)).toEqual([
      'Sam Patel',
      'Sam Patel',
      'Dr Ana Costa',
      'DS Lee Grant',
    ]);
    expect(view.missingRequiredRoles).toEqual([]);
  });
});
