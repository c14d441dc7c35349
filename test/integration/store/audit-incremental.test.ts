// Checking the audit log in slices from the last good check (issue 11: a long log is checked
// without freezing other calls, with progress, incrementally from a checkpoint kept outside the
// database). Tampering after the checkpoint, or with the checkpoint's own entry, is still named;
// a damaged checkpoint means a check from the start; "from the start" re-checks everything.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../shared/ipc/events';
import { checkpointPath, readAuditCheckpoint } from '../../../electron/main/store/audit-checkpoint';
import { appendAudit } from '../../../electron/main/store/audit';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

async function addEntries(n: number): Promise<void> {
  const ctx = { user: env.admin };
  for (let i = 0; i < n; i++) {
    const r = await env.services.referrals.create(ctx, { referral: referralInput() });
    await env.services.referrals.get(ctx, { id: r.id });
  }
}

function maxSeq(): number {
  return (
    (env.store.raw.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number | null })
      .n ?? 0
  );
}

const ctx = () => ({ user: env.admin });

describe('checking the audit log from the last good check', () => {
  it('starts after the checkpoint, reports progress, and moves the checkpoint on', async () => {
    await addEntries(3);
    const first = await env.services.audit.verify(ctx(), { taskId: 't1' });
    expect(first).toMatchObject({ ok: true, count: maxSeq(), checkedFrom: 0 });
    expect(readAuditCheckpoint(env.dir)?.seq).toBe(maxSeq());
    const before = maxSeq();

    await addEntries(2);
    const seen: TaskProgress[] = [];
    const stop = env.services.events.listen((_name, p) => {
      seen.push(p);
    });
    const second = await env.services.audit.verify(ctx(), { taskId: 't2' });
    stop();
    expect(second).toMatchObject({ ok: true, count: maxSeq(), checkedFrom: before });
    expect(seen.at(-1)).toMatchObject({ taskId: 't2', state: 'finished', done: maxSeq() });
    expect(seen[0]).toMatchObject({ taskId: 't2', done: before, total: maxSeq() });
  });

  it('names an entry altered after the checkpoint, and the checkpoint entry itself', async () => {
    await addEntries(3);
    await env.services.audit.verify(ctx(), {});
    const checkpoint = maxSeq();
    await addEntries(2);
    const raw = env.store.raw;
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw
      .prepare("UPDATE audit_log SET summary = 'Nothing to see here' WHERE seq = ?")
      .run(checkpoint + 2);
    await expect(env.services.audit.verify(ctx(), {})).resolves.toMatchObject({
      ok: false,
      firstBrokenSeq: checkpoint + 2,
    });
    raw.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run('f'.repeat(64), checkpoint);
    const v = await env.services.audit.verify(ctx(), {});
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: checkpoint });
    expect(v.ok ? '' : v.reason).toMatch(/found sound by the last check/);
  });

  it('checks from the start when asked, or when the checkpoint is damaged', async () => {
    await addEntries(3);
    await env.services.audit.verify(ctx(), {});
    const raw = env.store.raw;
    raw.exec('DROP TRIGGER audit_log_no_update');
    // An old entry altered (its stored hash left as it was): before the checkpoint, so only a
    // check from the start recomputes it.
    raw.prepare("UPDATE audit_log SET summary = 'Nothing to see here' WHERE seq = 2").run();
    await expect(env.services.audit.verify(ctx(), {})).resolves.toMatchObject({ ok: true });
    await expect(env.services.audit.verify(ctx(), { fromStart: true })).resolves.toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
    });
    writeFileSync(checkpointPath(env.dir), '{"seq": "nine", ');
    expect(readAuditCheckpoint(env.dir)).toBeNull();
    await expect(env.services.audit.verify(ctx(), {})).resolves.toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
    });
  });

  it('answers other calls while a long log is being checked', async () => {
    // 6,000 entries: three slices of checking, with a yield after each.
    await env.store.transaction(async (trx) => {
      for (let i = 0; i < 6_000; i++) {
        await appendAudit(trx, {
          at: '2026-11-23T10:05:00.000Z',
          userId: env.admin.id,
          action: 'view',
          entityType: 'referral',
          entityId: `r-${String(i)}`,
          summary: `Viewed referral ${String(i)}`,
        });
      }
    });
    const order: string[] = [];
    const check = env.services.audit.verify(ctx(), { fromStart: true }).then((v) => {
      order.push('check');
      return v;
    });
    const session = env.services.users.session(ctx()).then(() => {
      order.push('session');
    });
    await Promise.all([check, session]);
    await expect(check).resolves.toMatchObject({ ok: true, count: maxSeq() });
    expect(order).toEqual(['session', 'check']);
  });
});
