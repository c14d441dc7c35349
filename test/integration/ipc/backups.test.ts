// The Backups page's channels through IPC (issue 14, Backups): where backups are kept and the
// "older than a day" warning, a backup made with progress and recorded as checked, restore while
// running (a record made after the backup is gone; the copy kept first still holds it), names
// that are not a listed backup refused before any path is built, and a damaged backup refused
// with the reason and nothing changed. Also the idle lock's audit and its setting.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import type * as NodeFs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupListItem, BackupStatus, RestoreResult } from '../../../shared/domain/backups';
import type { IdleLockSetting } from '../../../shared/domain/idle-lock';
import type { ReferralRecord } from '../../../shared/domain/records';
import type { IpcResult } from '../../../shared/ipc/contract';
import type { TaskProgress } from '../../../shared/ipc/events';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { createSessionEnv, type SessionEnv } from '../../../electron/main/ipc/env';
import { createServices, type Services } from '../../../electron/main/services';
import { openStore, type Store } from '../../../electron/main/store/store';
import { fixedClock, referralInput, removeDir, tempDir } from '../../helpers/store-fixtures';

// A full disk, on request: copies to a matching path fail as the system would (ENOSPC).
const failCopies = vi.hoisted(() => ({ to: null as RegExp | null }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const copyFileSync: typeof fs.copyFileSync = (src, dest, mode) => {
    if (failCopies.to?.test(String(dest))) {
      throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), {
        code: 'ENOSPC',
      });
    }
    fs.copyFileSync(src, dest, mode);
  };
  return { ...fs, default: { ...fs, copyFileSync }, copyFileSync };
});

let dir: string;
let store: Store;
let services: Services;
let clock: ReturnType<typeof fixedClock>;
let admin: SessionEnv;

beforeEach(async () => {
  dir = tempDir('front-door-backups-');
  store = openStore({ dataDir: dir });
  clock = fixedClock('2026-11-23T10:05:00.000Z');
  services = createServices(store, clock);
  admin = env('admin.first');
  await admin.signIn(); // first user: administrator (with every role)
});

afterEach(() => {
  store.close();
  removeDir(dir);
});

function env(osAccount: string): SessionEnv {
  return createSessionEnv({ store, services, clock, osAccount, logError: () => {} });
}

function call(channel: string, input: unknown, as = admin): Promise<IpcResult<unknown>> {
  return dispatch(as, channel, input);
}

async function ok<T>(channel: string, input: unknown, as = admin): Promise<T> {
  const r = await call(channel, input, as);
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

async function newReferral(): Promise<ReferralRecord> {
  return ok<ReferralRecord>('referrals:create', { referral: referralInput() });
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backups:status', () => {
  it('with no backup: the folder, how many are kept, and a warning', async () => {
    const status = await ok<BackupStatus>('backups:status', {});
    expect(status).toMatchObject({
      folder: store.backupDir,
      keep: 14,
      safetyCopiesKept: 3,
      lastBackup: null,
      lastVerified: null,
    });
    expect(status.warning).toBe(
      'There is no checked backup of the records. Make one now on the Backups page.',
    );
  });

  it('after a backup: no warning for 24 hours, then one naming its London date and time', async () => {
    await ok('backups:create', {});
    const fresh = await ok<BackupStatus>('backups:status', {});
    expect(fresh.warning).toBeNull();
    expect(fresh.lastVerified?.createdAt).toBe('2026-11-23T10:05:00.000Z');
    clock.set('2026-11-24T10:05:00.000Z'); // exactly a day: still within it
    expect((await ok<BackupStatus>('backups:status', {})).warning).toBeNull();
    clock.set('2026-11-24T10:05:01.000Z');
    expect((await ok<BackupStatus>('backups:status', {})).warning).toBe(
      'The last checked backup was made on 23/11/2026 at 10:05, more than a day ago. Make one now on the Backups page.',
    );
  });
});

describe('backups:create and backups:list', () => {
  it('reports progress, then lists the backup newest first, checked at the time it was made', async () => {
    const events: TaskProgress[] = [];
    services.events.listen((_name, payload) => {
      events.push(payload);
    });
    await newReferral();
    const first = await ok<BackupListItem>('backups:create', { taskId: 'b-1' });
    clock.set('2026-11-23T11:00:00.000Z');
    const second = await ok<BackupListItem>('backups:create', {});
    expect(first).toMatchObject({ verified: true, verifiedAt: '2026-11-23T10:05:00.000Z' });

    const running = events.filter((e) => e.taskId === 'b-1' && e.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    expect(running.at(-1)?.done).toBe(running.at(-1)?.total);
    expect(events.filter((e) => e.taskId === 'b-1').at(-1)?.state).toBe('finished');

    const list = await ok<BackupListItem[]>('backups:list', {});
    expect(list.map((b) => b.file)).toEqual([second.file, first.file]);
    expect(list.every((b) => b.verified && b.problem === null && b.sizeBytes > 0)).toBe(true);
  });

  it('a duty worker may not make, list or restore backups', async () => {
    const me = await admin.currentUser();
    const worker = await env('dwilson').signIn();
    if (!me || !worker) throw new Error('could not sign in');
    await services.users.setRoles(
      { user: me },
      { id: worker.id, version: worker.version, roles: ['duty-worker'] },
    );
    for (const channel of ['backups:create', 'backups:list', 'backups:status']) {
      expect(await call(channel, {}, env('dwilson'))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });
});

describe('backups:restore', () => {
  it('puts the backup back: a record made after it is gone, and the safety copy still holds it', async () => {
    const before = await newReferral();
    const backup = await ok<BackupListItem>('backups:create', {});
    clock.set('2026-11-23T10:30:00.000Z');
    const after = await newReferral();

    const restored = await ok<RestoreResult>('backups:restore', { file: backup.file });
    expect(restored.file).toBe(backup.file);
    expect(restored.safetyCopy).toBe('pre-restore-20261123-103000.db');
    expect(restored.safetyCopyPath).toBe(path.join(store.backupDir, restored.safetyCopy));

    // The running app reads the restored records at once.
    expect(await ok<ReferralRecord>('referrals:get', { id: before.id })).toMatchObject({
      id: before.id,
    });
    expect(await call('referrals:get', { id: after.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // The copy kept first holds the referral the restore replaced.
    const copy = new Database(restored.safetyCopyPath, { readonly: true, fileMustExist: true });
    try {
      const row = copy.prepare('SELECT id FROM referrals WHERE id = ?').get(after.id);
      expect(row).toEqual({ id: after.id });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }

    const restoreRows = store.raw
      .prepare("SELECT summary, details FROM audit_log WHERE action = 'restore'")
      .all() as { summary: string; details: string }[];
    expect(restoreRows).toEqual([
      {
        summary: `Database restored from backup ${backup.file}`,
        details: JSON.stringify({ file: backup.file, keptAs: restored.safetyCopy }),
      },
    ]);
  });

  it.each([
    ['../../x.db'],
    ['../front-door.db'],
    ['checks.json'],
    ['pre-restore-20261123-100500.db'],
    ['front-door-20261123-100500.db/../../../x.db'],
    [`front-door-20261123-100500.db${path.sep}x`],
  ])('refuses %s (not a listed backup) and changes nothing', async (file) => {
    await ok('backups:create', {});
    const record = await newReferral();
    const filesBefore = readdirSync(store.backupDir).sort();
    const r = await call('backups:restore', { file });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Choose one of the listed backups.' },
    });
    expect(readdirSync(store.backupDir).sort()).toEqual(filesBefore);
    expect(await ok<ReferralRecord>('referrals:get', { id: record.id })).toMatchObject({
      id: record.id,
    });
  });

  it('refuses a damaged backup with the reason; the records and the folder are unchanged', async () => {
    const backup = await ok<BackupListItem>('backups:create', {});
    const later = await newReferral();
    const file = path.join(store.backupDir, backup.file);
    // Damage the first b-tree page after the header (the schema table).
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, Buffer.alloc(2_000, 0xa5), 0, 2_000, 120);
    } finally {
      closeSync(fd);
    }
    store.raw.pragma('wal_checkpoint(TRUNCATE)');
    const dbBefore = sha(store.dbPath);

    const r = await call('backups:restore', { file: backup.file });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toMatch(
      new RegExp(
        `^The backup ${backup.file} is damaged and cannot be restored \\(.+\\)\\. Choose another backup\\.$`,
      ),
    );
    expect(sha(store.dbPath)).toBe(dbBefore);
    expect(readdirSync(store.backupDir).some((f) => f.startsWith('pre-restore-'))).toBe(false);
    expect(await ok<ReferralRecord>('referrals:get', { id: later.id })).toMatchObject({
      id: later.id,
    });
    // The list now says so, instead of "checked".
    const [listed] = await ok<BackupListItem[]>('backups:list', {});
    expect(listed).toMatchObject({ file: backup.file, verified: false, verifiedAt: null });
    expect(listed?.problem).toBeTruthy();
    const status = await ok<BackupStatus>('backups:status', {});
    expect(status.lastVerified).toBeNull();
    expect(status.warning).toMatch(/^There is no checked backup/);
  });
});

describe('backups:restore when the safety copy cannot be made', () => {
  it('reopens the records unchanged and says nothing was changed', async () => {
    const backup = await ok<BackupListItem>('backups:create', {});
    clock.set('2026-11-23T10:30:00.000Z');
    const later = await newReferral();
    // The disk fills up while the copy of the current records is being written.
    failCopies.to = /pre-restore-.*\.partial$/;
    const r = await call('backups:restore', { file: backup.file }).finally(() => {
      failCopies.to = null;
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (r.ok) return;
    expect(r.error.message).toMatch(
      /^The backup was not restored, and nothing was changed: a copy of the current records could not be kept first \(.+\)\. Free some disk space and try again\.$/,
    );
    expect(store.isOpen).toBe(true);
    expect(await ok<ReferralRecord>('referrals:get', { id: later.id })).toMatchObject({
      id: later.id,
    });
    expect(existsSync(`${store.dbPath}.restoring`)).toBe(false);
    expect(readdirSync(store.backupDir).filter((f) => f.startsWith('pre-restore-'))).toEqual([]);
  });
});

describe('backups:check', () => {
  it('checks a good backup and a damaged one, records and audits each result', async () => {
    const good = await ok<BackupListItem>('backups:create', {});
    clock.set('2026-11-23T10:06:00.000Z');
    const bad = await ok<BackupListItem>('backups:create', {});
    const file = path.join(store.backupDir, bad.file);
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, Buffer.alloc(64, 0), 0, 64, 0); // the header: no longer an SQLite file
    } finally {
      closeSync(fd);
    }
    clock.set('2026-11-25T09:00:00.000Z');
    const checkedGood = await ok<BackupListItem>('backups:check', { file: good.file });
    expect(checkedGood).toMatchObject({ verified: true, verifiedAt: '2026-11-25T09:00:00.000Z' });
    const checkedBad = await ok<BackupListItem>('backups:check', { file: bad.file });
    expect(checkedBad).toMatchObject({ verified: false, verifiedAt: null });
    expect(checkedBad.problem).toBeTruthy();
    // The newest good backup is the older one now.
    const status = await ok<BackupStatus>('backups:status', {});
    expect(status.lastBackup?.file).toBe(bad.file);
    expect(status.lastVerified?.file).toBe(good.file);
    expect(existsSync(path.join(store.backupDir, 'checks.json'))).toBe(true);
    const audited = store.raw
      .prepare("SELECT summary FROM audit_log WHERE action = 'backup-check' ORDER BY seq")
      .all();
    expect(audited).toEqual([
      { summary: `Backup checked: ${good.file} is complete` },
      { summary: `Backup checked: ${bad.file} is damaged` },
    ]);
    expect(await call('backups:check', { file: '../../x.db' })).toMatchObject({
      ok: false,
      error: { message: 'Choose one of the listed backups.' },
    });
  });
});

describe('idle lock', () => {
  it('audits each lock and unlock against the person, for any signed-in user', async () => {
    const noRole = env('nrole');
    const user = await noRole.signIn();
    expect(await ok('session:lock', { idleMinutes: 10 }, noRole)).toEqual({
      lockedAt: '2026-11-23T10:05:00.000Z',
    });
    clock.set('2026-11-23T10:40:00.000Z');
    await ok('session:unlock', {}, noRole);
    const rows = store.raw
      .prepare(
        "SELECT action, user_id AS userId, summary, at FROM audit_log WHERE action IN ('lock', 'unlock') ORDER BY seq",
      )
      .all();
    expect(rows).toEqual([
      {
        action: 'lock',
        userId: user?.id,
        summary: 'Screen locked after 10 minutes without use',
        at: '2026-11-23T10:05:00.000Z',
      },
      {
        action: 'unlock',
        userId: user?.id,
        summary: 'Screen unlocked',
        at: '2026-11-23T10:40:00.000Z',
      },
    ]);
  });

  it('the time is 10 minutes until an administrator changes it; stale and out-of-range refused', async () => {
    const initial = await ok<IdleLockSetting>('session:lock-setting', {});
    expect(initial).toEqual({ minutes: 10, version: 0, updatedAt: null, updatedBy: null });
    const changed = await ok<IdleLockSetting>('session:set-lock-setting', {
      minutes: 5,
      version: 0,
    });
    expect(changed).toMatchObject({ minutes: 5, version: 1 });
    expect(changed.updatedBy?.displayName).toBe('admin.first');
    expect(await ok<IdleLockSetting>('session:lock-setting', {})).toMatchObject({ minutes: 5 });

    expect(await call('session:set-lock-setting', { minutes: 7, version: 0 })).toMatchObject({
      ok: false,
      error: { code: 'STALE' },
    });
    for (const minutes of [0, 121, 2.5]) {
      const r = await call('session:set-lock-setting', { minutes, version: 1 });
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          fieldErrors: { minutes: 'Enter a whole number of minutes from 1 to 120' },
        },
      });
    }
    const audited = store.raw
      .prepare("SELECT summary FROM audit_log WHERE entity_id = 'idle-lock'")
      .all();
    expect(audited).toEqual([{ summary: 'Screen lock time changed from 10 to 5 minutes' }]);
  });
});
