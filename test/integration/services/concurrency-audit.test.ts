import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaleWriteError } from '../../../electron/main/store/errors';
import { verifyAuditChain } from '../../../electron/main/store/audit';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

describe('optimistic concurrency', () => {
  it('refuses the second of two saves from the same version, naming who and when, and audits both', async () => {
    const kim = await env.signIn('kim', ['duty-worker']);
    const sam = env.admin;
    const created = await env.services.referrals.create(
      { user: sam },
      { referral: referralInput() },
    );
    const a = await env.services.referrals.get({ user: sam }, { id: created.id });
    const b = await env.services.referrals.get({ user: kim }, { id: created.id });

    env.clock.set('2026-11-23T14:02:00.000Z');
    await env.services.referrals.update(
      { user: sam },
      { id: a.id, version: a.version, referral: { ...a.input, currentWhereabouts: 'At home' } },
    );
    env.clock.set('2026-11-23T14:05:00.000Z');
    const second = env.services.referrals.update(
      { user: kim },
      {
        id: b.id,
        version: b.version,
        referral: { ...b.input, currentWhereabouts: 'With grandmother' },
      },
    );
    await expect(second).rejects.toBeInstanceOf(StaleWriteError);
    await expect(second).rejects.toThrow(
      'This record was changed by Sam Patel at 14:02 on 23/11/2026 — reload to see their changes before saving yours.',
    );

    const now = await env.services.referrals.get({ user: sam }, { id: created.id });
    expect(now.input.currentWhereabouts).toBe('At home');
    expect(now.version).toBe(a.version + 1);

    const audit = await env.services.audit.list(
      { user: sam },
      { entityType: 'referral', entityId: created.id },
    );
    const actions = audit.map((e) => `${e.action}:${e.user?.displayName ?? ''}`);
    expect(actions).toContain('update:Sam Patel');
    expect(actions).toContain('update-refused:kim');
    expect(verifyAuditChain(env.store.raw)).toEqual({
      ok: true,
      count: expect.any(Number) as number,
    });
  });

  it('reports London summer time correctly in the message', () => {
    const err = new StaleWriteError('Sam Patel', '2026-06-01T13:02:00.000Z', 3);
    expect(err.message).toContain('at 14:02 on 01/06/2026');
  });
});

describe('audit chain', () => {
  async function seed() {
    const ctx = { user: env.admin };
    for (let i = 0; i < 3; i++) {
      const r = await env.services.referrals.create(ctx, { referral: referralInput() });
      await env.services.referrals.get(ctx, { id: r.id });
    }
    const v = verifyAuditChain(env.store.raw);
    expect(v.ok).toBe(true);
    return v.ok ? v.count : 0;
  }

  it('is append-only through SQLite', async () => {
    await seed();
    expect(() =>
      env.store.raw.prepare("UPDATE audit_log SET summary = 'x' WHERE seq = 2").run(),
    ).toThrow(/append-only/);
    expect(() => env.store.raw.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(
      /append-only/,
    );
  });

  it('names an altered row', async () => {
    await seed();
    const raw = env.store.raw;
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET summary = 'Nothing to see here' WHERE seq = 4").run();
    expect(verifyAuditChain(raw)).toEqual({
      ok: false,
      firstBrokenSeq: 4,
      reason: expect.stringMatching(/altered/) as string,
    });
  });

  it('names a deleted row', async () => {
    await seed();
    const raw = env.store.raw;
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(verifyAuditChain(raw)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('detects a renumbered chain after a deletion', async () => {
    await seed();
    const raw = env.store.raw;
    raw.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update');
    raw.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    raw.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 3').run();
    expect(verifyAuditChain(raw)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('names removed last rows using the head', async () => {
    const count = await seed();
    const raw = env.store.raw;
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = ?').run(count);
    expect(verifyAuditChain(raw)).toMatchObject({ ok: false, firstBrokenSeq: count });
  });

  it('every create and view is audited in the same transaction', async () => {
    const ctx = { user: env.admin };
    const r = await env.services.referrals.create(ctx, { referral: referralInput() });
    await env.services.referrals.get(ctx, { id: r.id });
    const audit = await env.services.audit.list(ctx, { entityType: 'referral', entityId: r.id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'view']);
    await expect(env.services.audit.verify(ctx)).resolves.toMatchObject({ ok: true });
  });
});
