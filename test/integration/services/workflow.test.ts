import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  ValidationError,
} from '../../../electron/main/store/errors';
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

describe('users', () => {
  it('makes the first user admin with every role; later users get no roles and a message', async () => {
    expect(env.admin.roles.sort()).toEqual(['admin', 'chair', 'duty-worker', 'manager']);
    const later = await env.services.users.signIn('alex');
    expect(later.isNewUser).toBe(true);
    expect(later.user.roles).toEqual([]);
    expect(later.message).toMatch(/no role yet/);
    const again = await env.services.users.signIn('sam');
    expect(again.isNewUser).toBe(false);
    expect(again.user.id).toBe(env.admin.id);
  });

  it('only an admin sets roles, and the last admin cannot remove their own admin role', async () => {
    const alex = (await env.services.users.signIn('alex')).user;
    await expect(
      env.services.users.setRoles(
        { user: alex },
        { id: alex.id, version: alex.version, roles: ['admin'] },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      env.services.users.setRoles(
        { user: env.admin },
        { id: env.admin.id, version: env.admin.version, roles: ['manager'] },
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    const updated = await env.services.users.setRoles(
      { user: env.admin },
      { id: alex.id, version: alex.version, roles: ['duty-worker'] },
    );
    expect(updated.roles).toEqual(['duty-worker']);
  });
});

describe('referrals', () => {
  it('computes reference, day 0 and the decision due date; out-of-hours counts from the next working day', async () => {
    const ctx = { user: env.admin };
    const a = await env.services.referrals.create(ctx, { referral: referralInput() });
    expect(a.reference).toBe('FD-2026-000001');
    expect(a).toMatchObject({
      countedFrom: '2026-11-23',
      decisionDue: '2026-11-24',
      status: 'awaiting-decision',
    });
    // Friday 27 November 2026 at 18:30 → day 0 Monday 30th → due Tuesday 1 December.
    env.clock.set('2026-11-27T19:00:00.000Z');
    const b = await env.services.referrals.create(ctx, {
      referral: referralInput({ receivedAt: '2026-11-27T18:30:00.000Z' }),
    });
    expect(b.reference).toBe('FD-2026-000002');
    expect(b).toMatchObject({ countedFrom: '2026-11-30', decisionDue: '2026-12-01' });
  });

  it('refuses bad input with field errors and saves nothing', async () => {
    const ctx = { user: env.admin };
    const bad = referralInput({ assessmentFactors: ['21', '16A'], referralSourceCode: '99' });
    const err = await env.services.referrals
      .create(ctx, { referral: bad })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toMatchObject({
      assessmentFactors: expect.stringMatching(/cannot be combined/) as string,
      referralSourceCode: expect.any(String) as string,
    });
    const worse = referralInput({ children: [] });
    await expect(env.services.referrals.create(ctx, { referral: worse })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await env.services.referrals.list(ctx, { filter: 'all' })).toEqual([]);
  });

  it('keeps what was typed exactly, including awkward text', async () => {
    const ctx = { user: env.admin };
    const concern =
      'RTL ‮evil‬ — emoji 👶🏽 — quotes "\' — <script>alert(1)</script> — ' + 'x'.repeat(40_000);
    const r = await env.services.referrals.create(ctx, { referral: referralInput({ concern }) });
    const back = await env.services.referrals.get(ctx, { id: r.id });
    expect(back.input.concern).toBe(concern);
  });

  it('adds significant events to the chronology, refusing ones in the future', async () => {
    const ctx = { user: env.admin };
    const r = await env.services.referrals.create(ctx, { referral: referralInput() });
    const after = await env.services.referrals.addEvent(ctx, {
      id: r.id,
      at: '2026-11-23T09:30:00.000Z',
      text: 'Head teacher phoned: Amy went home with her aunt.',
    });
    const added = after.chronology.find((e) => e.kind === 'significant');
    expect(added).toMatchObject({
      at: '2026-11-23T09:30:00.000Z',
      text: 'Head teacher phoned: Amy went home with her aunt.',
    });
    await expect(
      env.services.referrals.addEvent(ctx, {
        id: r.id,
        at: '2026-12-01T09:00:00.000Z',
        text: 'Later',
      }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const again = await env.services.referrals.get(ctx, { id: r.id });
    expect(again.chronology.filter((e) => e.kind === 'significant')).toHaveLength(1);
  });

  it('queues by due date with filters, and assigns', async () => {
    const ctx = { user: env.admin };
    env.clock.set('2026-11-20T10:00:00.000Z'); // Friday
    const overdue = await env.services.referrals.create(ctx, {
      referral: referralInput({ receivedAt: '2026-11-19T10:00:00.000Z' }),
    });
    env.clock.set('2026-11-23T10:05:00.000Z'); // Monday
    const dueToday = await env.services.referrals.create(ctx, {
      referral: referralInput({ receivedAt: '2026-11-20T11:00:00.000Z' }),
    });
    const later = await env.services.referrals.create(ctx, { referral: referralInput() });

    const all = await env.services.referrals.list(ctx, { filter: 'all' });
    expect(all.map((q) => q.id)).toEqual([overdue.id, dueToday.id, later.id]);
    expect(all.map((q) => q.clock.kind)).toEqual(['overdue', 'due-today', 'on-time']);
    expect(all[0]?.children[0]?.displayName).toBe('Amy Smith');
    expect(all[0]?.referrerLabel).toBe(
      'Jo Teacher (Designated safeguarding lead, Oak Primary School)',
    );
    expect(
      (await env.services.referrals.list(ctx, { filter: 'overdue' })).map((q) => q.id),
    ).toEqual([overdue.id]);
    expect(
      (await env.services.referrals.list(ctx, { filter: 'due-today' })).map((q) => q.id),
    ).toEqual([dueToday.id]);

    await env.services.referrals.assign(ctx, {
      id: later.id,
      version: later.version,
      userId: env.admin.id,
    });
    expect((await env.services.referrals.list(ctx, { filter: 'mine' })).map((q) => q.id)).toEqual([
      later.id,
    ]);
    expect(
      (await env.services.referrals.list(ctx, { filter: 'unassigned' })).map((q) => q.id),
    ).toEqual([overdue.id, dueToday.id]);
  });
});

describe('decisions and sign-off', () => {
  async function requireSignOff() {
    const s = await env.services.settings.get({ user: env.admin });
    await env.services.settings.update(
      { user: env.admin },
      { version: s.version, overrides: { managerSignOff: 'required' } },
    );
  }

  it('with sign-off required: awaiting sign-off; own decision cannot be signed; another manager agrees; follow-ups made', async () => {
    await requireSignOff();
    const worker = await env.signIn('kim', ['duty-worker']);
    const manager = await env.signIn('lee', ['manager']);
    const r = await env.services.referrals.create(
      { user: worker },
      { referral: referralInput(), newChildren: [0] },
    );
    const d = await env.services.decisions.record(
      { user: worker },
      { referralId: r.id, version: r.version, decision: decisionInput() },
    );
    expect(d.status).toBe('awaiting-sign-off');
    expect(
      (await env.services.referrals.list({ user: manager }, { filter: 'awaiting-sign-off' })).map(
        (q) => q.id,
      ),
    ).toEqual([r.id]);

    await expect(
      env.services.decisions.signOff(
        { user: worker },
        { decisionId: d.id, version: d.version, outcome: 'agreed' },
      ),
    ).rejects.toThrow('Only a manager can sign off a decision.');

    const selfDecided = await env.services.referrals.create(
      { user: manager },
      { referral: referralInput(), newChildren: [0] },
    );
    const own = await env.services.decisions.record(
      { user: manager },
      { referralId: selfDecided.id, version: selfDecided.version, decision: decisionInput() },
    );
    await expect(
      env.services.decisions.signOff(
        { user: manager },
        { decisionId: own.id, version: own.version, outcome: 'agreed' },
      ),
    ).rejects.toThrow(/cannot sign off a decision you recorded/);

    const signed = await env.services.decisions.signOff(
      { user: manager },
      { decisionId: d.id, version: d.version, outcome: 'agreed', comment: 'Agreed' },
    );
    expect(signed.status).toBe('final');
    expect(signed.signOffs.map((s) => s.by.displayName)).toEqual(['lee']);
    const after = await env.services.referrals.get({ user: manager }, { id: r.id });
    expect(after.status).toBe('decided');
    expect(after.clock.kind).toBe('met');
    expect(after.chronology.map((c) => c.text)).toContain('Manager signed off the decision.');
    const actions = env.store.raw
      .prepare('SELECT kind FROM actions WHERE referral_id = ?')
      .all(r.id) as { kind: string }[];
    expect(actions.map((a) => a.kind)).toContain('assessment');
  });

  it('a returned decision goes back to the queue and needs a reason', async () => {
    await requireSignOff();
    const worker = await env.signIn('kim', ['duty-worker']);
    const manager = await env.signIn('lee', ['manager']);
    const r = await env.services.referrals.create(
      { user: worker },
      { referral: referralInput(), newChildren: [0] },
    );
    const d = await env.services.decisions.record(
      { user: worker },
      { referralId: r.id, version: r.version, decision: decisionInput() },
    );
    await expect(
      env.services.decisions.signOff(
        { user: manager },
        { decisionId: d.id, version: d.version, outcome: 'returned' },
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    const back = await env.services.decisions.signOff(
      { user: manager },
      {
        decisionId: d.id,
        version: d.version,
        outcome: 'returned',
        comment: 'Speak to the school nurse first',
      },
    );
    expect(back.status).toBe('returned');
    const rec = await env.services.referrals.get({ user: worker }, { id: r.id });
    expect(rec.status).toBe('awaiting-decision');
    // A new decision can now be recorded.
    const again = await env.services.decisions.record(
      { user: worker },
      { referralId: r.id, version: rec.version, decision: decisionInput() },
    );
    expect(again.status).toBe('awaiting-sign-off');
  });

  it('checks completeness against policy (police told where a crime is suspected)', async () => {
    const ctx = { user: env.admin };
    const r = await env.services.referrals.create(ctx, {
      referral: referralInput(),
      newChildren: [0],
    });
    const err = await env.services.decisions
      .record(ctx, {
        referralId: r.id,
        version: r.version,
        decision: decisionInput({
          answers: checklistAnswers({ 'child-in-need': 'yes', 'crime-suspected': 'yes' }),
          crimeSuspected: true,
        }),
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fieldErrors)).toContain('policeNotification');
    // Nothing was saved.
    expect((await env.services.referrals.get(ctx, { id: r.id })).decisions).toEqual([]);
  });

  it('waits until each child is linked or confirmed new, then records', async () => {
    const ctx = { user: env.admin };
    const two = referralInput();
    const first = two.children[0];
    if (!first) throw new Error('fixture has a child');
    two.children = [first, { ...first, givenNames: 'Second' }];
    const r = await env.services.referrals.create(ctx, { referral: two });
    const err = await env.services.decisions
      .record(ctx, { referralId: r.id, version: r.version, decision: decisionInput() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.children).toMatch(
      /link children 1 and 2 to an existing record or confirm each as new/,
    );
    expect((await env.services.referrals.get(ctx, { id: r.id })).decisions).toEqual([]);
    const l1 = await env.services.people.link(ctx, {
      referralId: r.id,
      version: r.version,
      childIndex: 0,
      personId: null,
    });
    const half = await env.services.decisions
      .record(ctx, { referralId: r.id, version: l1.version, decision: decisionInput() })
      .catch((e: unknown) => e);
    expect((half as ValidationError).fieldErrors.children).toMatch(/link child 2 to/);
    const l2 = await env.services.people.link(ctx, {
      referralId: r.id,
      version: l1.version,
      childIndex: 1,
      personId: null,
    });
    const d = await env.services.decisions.record(ctx, {
      referralId: r.id,
      version: l2.version,
      decision: decisionInput(),
    });
    expect(d.referralId).toBe(r.id);
  });
});

describe('people: link, merge and unmerge', () => {
  it('merge repoints links and unmerge restores them exactly', async () => {
    const ctx = { user: env.admin };
    const r1 = await env.services.referrals.create(ctx, { referral: referralInput() });
    const r2 = await env.services.referrals.create(ctx, { referral: referralInput() });
    const l1 = await env.services.people.link(ctx, {
      referralId: r1.id,
      version: r1.version,
      childIndex: 0,
      personId: null,
    });
    const l2 = await env.services.people.link(ctx, {
      referralId: r2.id,
      version: r2.version,
      childIndex: 0,
      personId: null,
    });
    const keep = l1.children[0]?.personId ?? '';
    const dup = l2.children[0]?.personId ?? '';
    expect(keep).not.toBe(dup);

    const merge = await env.services.people.merge(ctx, {
      keepId: keep,
      mergeId: dup,
      reason: 'Same NHS number',
    });
    expect(merge.repointed.referralChildren).toHaveLength(1);
    expect(merge.reason).toBe('Same NHS number');
    const r2After = await env.services.referrals.get(ctx, { id: r2.id });
    expect(r2After.children[0]?.personId).toBe(keep);
    expect(r2After.input.children[0]?.personId).toBe(keep);
    expect((await env.services.people.get(ctx, { id: dup })).person.mergedInto).toBe(keep);
    // A merged record no longer appears as a match.
    const matches = await env.services.people.match(ctx, {
      givenNames: 'Amy',
      familyName: 'Smith',
      dateOfBirth: '2016-04-03',
    });
    expect(matches.map((m) => m.person.id)).toEqual([keep]);

    const undone = await env.services.people.unmerge(ctx, {
      mergeId: merge.id,
      reason: 'Recorded in error',
    });
    expect(undone.undoneAt).not.toBeNull();
    expect(undone.undoReason).toBe('Recorded in error');
    // Both reasons are in the audit, in words and in the details.
    const audited = env.store.raw
      .prepare(
        "SELECT action, summary, details FROM audit_log WHERE action IN ('merge', 'unmerge') ORDER BY seq",
      )
      .all() as { action: string; summary: string; details: string }[];
    expect(audited.map((a) => [a.action, a.summary])).toEqual([
      ['merge', 'Duplicate person record merged into this one. Reason: Same NHS number'],
      ['unmerge', 'Merge undone: the duplicate record was restored. Reason: Recorded in error'],
    ]);
    expect(JSON.parse(audited[1]?.details ?? '{}')).toMatchObject({ reason: 'Recorded in error' });
    expect((await env.services.referrals.get(ctx, { id: r2.id })).children[0]?.personId).toBe(dup);
    expect((await env.services.referrals.get(ctx, { id: r1.id })).children[0]?.personId).toBe(keep);
    expect((await env.services.people.get(ctx, { id: dup })).person.mergedInto).toBeNull();
    await expect(
      env.services.people.unmerge(ctx, { mergeId: merge.id, reason: 'Recorded in error' }),
    ).rejects.toBeInstanceOf(ConflictError);

    const worker = await env.signIn('kim', ['duty-worker']);
    await expect(
      env.services.people.merge(
        { user: worker },
        { keepId: keep, mergeId: dup, reason: 'Same NHS number' },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('drafts, directory and settings', () => {
  it('drafts upsert per user and are discarded when the referral is created from them', async () => {
    const ctx = { user: env.admin };
    const one = await env.services.drafts.save(ctx, {
      kind: 'referral',
      key: 'new-1',
      data: { concern: 'Amy' },
    });
    const two = await env.services.drafts.save(ctx, {
      kind: 'referral',
      key: 'new-1',
      data: { concern: 'Amy has bruises' },
    });
    expect(two.id).toBe(one.id);
    expect(two.version).toBe(2);
    expect((await env.services.drafts.get(ctx, { kind: 'referral', key: 'new-1' }))?.data).toEqual({
      concern: 'Amy has bruises',
    });
    const kim = await env.signIn('kim', ['duty-worker']);
    expect(
      await env.services.drafts.get({ user: kim }, { kind: 'referral', key: 'new-1' }),
    ).toBeNull();
    await env.services.referrals.create(ctx, { referral: referralInput(), draftKey: 'new-1' });
    expect(await env.services.drafts.list(ctx)).toEqual([]);
  });

  it('directory entries are versioned', async () => {
    const ctx = { user: env.admin };
    const e = await env.services.directory.save(ctx, {
      entry: { name: 'Oak Primary School', agencyType: 'school' },
    });
    expect(e.kind).toBe('agency');
    const e2 = await env.services.directory.save(ctx, {
      id: e.id,
      version: e.version,
      entry: { name: 'Oak Primary Academy', agencyType: 'school' },
    });
    expect(e2.version).toBe(2);
    await expect(
      env.services.directory.save(ctx, {
        id: e.id,
        version: e.version,
        entry: { name: 'Stale', agencyType: 'school' },
      }),
    ).rejects.toThrow(/changed by Sam Patel/);
    expect((await env.services.directory.list(ctx, { text: 'academy' })).map((d) => d.id)).toEqual([
      e.id,
    ]);
    expect(await env.services.directory.list(ctx, { text: '%' })).toEqual([]);
  });

  it('settings: default marking, validated overrides, closure days change due dates', async () => {
    const ctx = { user: env.admin };
    const s = await env.services.settings.get(ctx);
    expect(s.organisation.marking).toBe('OFFICIAL-SENSITIVE');
    expect(s.edition).toBe(2023);
    await expect(
      env.services.settings.update(ctx, {
        version: s.version,
        overrides: { assessmentWorkingDays: 60 },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    const s2 = await env.services.settings.update(ctx, {
      version: s.version,
      closures: ['2026-11-24'],
    });
    expect(s2.closures).toEqual(['2026-11-24']);
    const r = await env.services.referrals.create(ctx, { referral: referralInput() });
    expect(r.decisionDue).toBe('2026-11-25');
    await expect(
      env.services.settings.update(ctx, { version: s.version, closures: [] }),
    ).rejects.toThrow(/changed by/);
    const worker = await env.signIn('kim', ['duty-worker']);
    await expect(
      env.services.settings.update({ user: worker }, { version: s2.version, closures: [] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('saving a referral with the search-first decisions made on the form', () => {
  it('links and confirms new in the same save, and a bad choice saves nothing', async () => {
    const ctx = { user: env.admin };
    const known = await env.services.referrals.create(ctx, {
      referral: referralInput(),
      newChildren: [0],
    });
    const knownId = known.children[0]?.personId ?? '';
    expect(knownId).not.toBe('');
    const input = referralInput();
    const first = input.children[0];
    if (!first) throw new Error('fixture has a child');
    input.children = [
      { ...first, personId: knownId },
      { ...first, givenNames: 'Sibling' },
    ];
    const before = (await env.services.referrals.list(ctx, { filter: 'all' })).length;
    for (const newChildren of [[0], [2], [1, 1]]) {
      await expect(
        env.services.referrals.create(ctx, { referral: input, newChildren }),
      ).rejects.toBeInstanceOf(ValidationError);
    }
    expect((await env.services.referrals.list(ctx, { filter: 'all' })).length).toBe(before);
    const r = await env.services.referrals.create(ctx, { referral: input, newChildren: [1] });
    expect(r.children[0]?.personId).toBe(knownId);
    const sibling = r.children[1]?.personId ?? '';
    expect(sibling).not.toBe('');
    expect(sibling).not.toBe(knownId);
    const person = await env.services.people.get(ctx, { id: sibling });
    expect(person.person.givenNames).toBe('Sibling');
  });

  it('a correction keeps the links and can add a child confirmed new', async () => {
    const ctx = { user: env.admin };
    const r = await env.services.referrals.create(ctx, {
      referral: referralInput(),
      newChildren: [0],
    });
    const first = r.input.children[0];
    if (!first) throw new Error('fixture has a child');
    const corrected = {
      ...r.input,
      concern: `${r.input.concern} Corrected: bruising on the left arm.`,
      children: [first, { ...first, personId: undefined, givenNames: 'Added' }],
    };
    const before = r.children[0]?.personId;
    const u = await env.services.referrals.update(ctx, {
      id: r.id,
      version: r.version,
      referral: corrected,
      newChildren: [1],
    });
    expect(u.children[0]?.personId).toBe(before);
    expect(u.children[1]?.personId).not.toBeNull();
    expect(u.children[1]?.personId).not.toBe(before);
    expect(u.input.concern).toMatch(/Corrected/);
    expect(u.chronology.map((c) => c.text)).toContain('Referral details updated.');
    // The same correction again, on the version it was made from, is refused: nothing changes.
    await expect(
      env.services.referrals.update(ctx, { id: r.id, version: r.version, referral: corrected }),
    ).rejects.toThrow(/changed by/);
  });
});
