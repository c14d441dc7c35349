// users:set-active through IPC (issue 14, Users and roles): a leaver is deactivated without
// losing their history, the last administrator and the caller themselves cannot be switched off,
// a stale version is refused and every change is audited with before → after and the reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppUser, AuditEntry, DirectoryEntry } from '../../../shared/domain/records';
import type { IpcResult } from '../../../shared/ipc/contract';
import { fieldErrors, ipcFixture, type IpcFixture } from './ipc-env';

let fx: IpcFixture;

beforeEach(async () => {
  fx = await ipcFixture();
});

afterEach(() => {
  fx.close();
});

/** The data of an answer that must have succeeded (the caller says what the channel returns). */
function data(r: IpcResult<unknown>): unknown {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.message}`);
  return r.data;
}

async function usersList(): Promise<AppUser[]> {
  return data(await fx.call(fx.as('admin.first'), 'users:list', {})) as AppUser[];
}

async function userNamed(osAccount: string): Promise<AppUser> {
  const u = (await usersList()).find((x) => x.osAccount === osAccount);
  if (!u) throw new Error(`no user ${osAccount}`);
  return u;
}

describe('users:set-active', () => {
  it('deactivates a leaver: the row, roles and their name on records stay; access stops', async () => {
    const worker = await fx.userWithRoles('dwilson', ['duty-worker']);
    const entry = data(
      await fx.call(fx.as('dwilson'), 'directory:save', {
        entry: { name: 'Example School', agencyType: 'education' },
      }),
    ) as DirectoryEntry;
    const admin = fx.as('admin.first');

    const off = data(
      await fx.call(admin, 'users:set-active', {
        id: worker.id,
        version: worker.version,
        active: false,
        reason: 'Left the authority on 30/11/2026',
      }),
    ) as AppUser;
    expect(off).toMatchObject({ id: worker.id, active: false, roles: ['duty-worker'] });
    expect(off.version).toBe(worker.version + 1);
    expect((await usersList()).map((u) => u.osAccount)).toContain('dwilson');

    // Their earlier work still names them.
    const history = data(
      await fx.call(admin, 'audit:list', { entityType: 'directory', entityId: entry.id }),
    ) as AuditEntry[];
    expect(history[0]?.user).toEqual({ id: worker.id, displayName: 'dwilson' });

    // And they can no longer use Front Door.
    const refused = await fx.call(fx.as('dwilson'), 'directory:list', { text: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The audit entry: who, before → after, and why.
    const audit = data(
      await fx.call(admin, 'audit:list', { entityType: 'user', entityId: worker.id }),
    ) as AuditEntry[];
    // Each call as dwilson signs in (audited too): the access change is the 'roles' entry.
    expect(audit.filter((a) => a.action === 'roles').at(-1)).toMatchObject({
      action: 'roles',
      user: { displayName: 'admin.first' },
      summary: 'dwilson deactivated: Left the authority on 30/11/2026',
      details: {
        before: { active: true },
        after: { active: false },
        reason: 'Left the authority on 30/11/2026',
      },
    });
  });

  it('reactivates without a reason, and access returns', async () => {
    const worker = await fx.userWithRoles('sokafor', ['duty-worker']);
    const admin = fx.as('admin.first');
    const off = data(
      await fx.call(admin, 'users:set-active', {
        id: worker.id,
        version: worker.version,
        active: false,
        reason: 'Long-term leave',
      }),
    ) as AppUser;
    const on = data(
      await fx.call(admin, 'users:set-active', { id: off.id, version: off.version, active: true }),
    ) as AppUser;
    expect(on).toMatchObject({ active: true, roles: ['duty-worker'], version: off.version + 1 });
    const allowed = await fx.call(fx.as('sokafor'), 'directory:list', { text: '' });
    expect(allowed.ok).toBe(true);
    const audit = data(
      await fx.call(admin, 'audit:list', { entityType: 'user', entityId: worker.id }),
    ) as AuditEntry[];
    expect(audit.filter((a) => a.action === 'roles').at(-1)).toMatchObject({
      summary: 'sokafor reactivated',
      details: { before: { active: false }, after: { active: true }, reason: null },
    });
  });

  it('needs a reason to deactivate, beside the field', async () => {
    const worker = await fx.userWithRoles('rpatel', ['duty-worker']);
    const admin = fx.as('admin.first');
    for (const reason of [undefined, '   ']) {
      const r = await fx.call(admin, 'users:set-active', {
        id: worker.id,
        version: worker.version,
        active: false,
        ...(reason === undefined ? {} : { reason }),
      });
      expect(fieldErrors(r).reason).toBe('Say why this person is being deactivated');
    }
    const long = await fx.call(admin, 'users:set-active', {
      id: worker.id,
      version: worker.version,
      active: false,
      reason: 'x'.repeat(501),
    });
    expect(fieldErrors(long).reason).toBe('Give the reason in 500 characters or fewer');
    expect((await userNamed('rpatel')).active).toBe(true);
  });

  it('refuses deactivating yourself: another administrator must do it', async () => {
    const me = await userNamed('admin.first');
    const self = await fx.call(fx.as('admin.first'), 'users:set-active', {
      id: me.id,
      version: me.version,
      active: false,
      reason: 'Testing',
    });
    expect(self).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!self.ok) expect(self.error.message).toContain('Ask another administrator');
    expect((await userNamed('admin.first')).active).toBe(true);
  });

  it('refuses switching off the last active administrator, even from a stale session', async () => {
    const first = await userNamed('admin.first');
    const second = await fx.userWithRoles('lhughes', ['admin']);
    // Two windows: lhughes is still an administrator in one session while admin.first takes
    // that role away in the other. admin.first is now the only active administrator, so
    // lhughes' old session must not be able to switch them off.
    data(
      await fx.call(fx.as('admin.first'), 'users:set-roles', {
        id: second.id,
        version: second.version,
        roles: ['manager'],
      }),
    ) as AppUser;
    await expect(
      fx.services.users.setActive(
        { user: second },
        { id: first.id, version: first.version, active: false, reason: 'Moved team' },
      ),
    ).rejects.toThrow('This is the only active administrator');
    expect((await userNamed('admin.first')).active).toBe(true);

    // With a second active administrator, the first may be switched off by them.
    const now = await userNamed('lhughes');
    data(
      await fx.call(fx.as('admin.first'), 'users:set-roles', {
        id: now.id,
        version: now.version,
        roles: ['admin'],
      }),
    ) as AppUser;
    const off = await fx.call(fx.as('lhughes'), 'users:set-active', {
      id: first.id,
      version: first.version,
      active: false,
      reason: 'Moved team',
    });
    expect(off.ok).toBe(true);
    // A deactivated administrator cannot act at all.
    const gone = await fx.call(fx.as('admin.first'), 'users:list', {});
    expect(gone.ok ? 'ok' : gone.error.code).toBe('FORBIDDEN');
  });

  it('refuses a stale version, naming who changed it first', async () => {
    const worker = await fx.userWithRoles('jmorgan', ['manager']);
    const admin = fx.as('admin.first');
    const changed = data(
      await fx.call(admin, 'users:set-roles', {
        id: worker.id,
        version: worker.version,
        roles: ['manager', 'chair'],
      }),
    ) as AppUser;
    const stale = await fx.call(admin, 'users:set-active', {
      id: worker.id,
      version: worker.version,
      active: false,
      reason: 'Left',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE' } });
    expect(await userNamed('jmorgan')).toMatchObject({ active: true, version: changed.version });
  });
});
