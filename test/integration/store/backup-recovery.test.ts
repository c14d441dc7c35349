import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/main/services/index';
import {
  createBackup,
  listBackups,
  rotateBackups,
  verifyDatabaseFile,
} from '../../../electron/main/store/backup';
import { restoreBackup, restoreNewestGoodBackup } from '../../../electron/main/store/restore';
import { BackupError } from '../../../electron/main/store/errors';
import { SESSION_LOCK_FILE } from '../../../electron/main/store/recovery';
import { DB_FILE, openStore } from '../../../electron/main/store/store';
import {
  fixedClock,
  referralInput,
  removeDir,
  tempDir,
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

function corrupt(file: string, offset: number, bytes: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(bytes, 0xa5), 0, bytes, offset);
  } finally {
    closeSync(fd);
  }
}

describe('backups', () => {
  it('round trip: back up, change, restore → the backed-up state, audited, current file kept aside', async () => {
    const ctx = { user: env.admin };
    const a = await env.services.referrals.create(ctx, { referral: referralInput() });
    const backup = await env.services.backups.create(ctx);
    expect(backup.file).toMatch(/^front-door-\d{8}-\d{6}\.db$/);
    expect(verifyDatabaseFile(path.join(env.store.backupDir, backup.file))).toMatchObject({
      ok: true,
    });

    const b = await env.services.referrals.create(ctx, { referral: referralInput() });
    expect(
      (await env.services.referrals.list(ctx, { filter: 'all' })).map((q) => q.id).sort(),
    ).toEqual([a.id, b.id].sort());

    await env.services.backups.restore(ctx, { file: backup.file });
    expect(env.store.status().state).toBe('ok');
    const after = await env.services.referrals.list(ctx, { filter: 'all' });
    expect(after.map((q) => q.id)).toEqual([a.id]);
    const audit = await env.services.audit.list(ctx, { entityType: 'database', entityId: '' });
    expect(audit).toEqual([]); // entity id is null for database-wide events
    expect(
      env.store.raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'restore'").get(),
    ).toEqual({ n: 1 });
    expect(readdirSync(env.store.backupDir).some((f) => f.startsWith('pre-restore-'))).toBe(true);
    await expect(env.services.audit.verify(ctx)).resolves.toMatchObject({ ok: true });
  });

  it('rotation keeps the newest N', async () => {
    for (let i = 0; i < 5; i++) {
      env.clock.set(`2026-11-23T10:0${String(i)}:00.000Z`);
      await createBackup(env.store, { now: env.clock.now(), keep: 3 });
    }
    const files = listBackups(env.store.backupDir).map((b) => b.file);
    expect(files).toEqual([
      'front-door-20261123-100400.db',
      'front-door-20261123-100300.db',
      'front-door-20261123-100200.db',
    ]);
    expect(rotateBackups(env.store.backupDir, 1)).toHaveLength(2);
  });

  it('two backups in the same second get distinct names', async () => {
    const one = await createBackup(env.store, { now: env.clock.now() });
    const two = await createBackup(env.store, { now: env.clock.now() });
    expect(one.file).not.toBe(two.file);
    expect(listBackups(env.store.backupDir)[0]?.file).toBe(two.file);
  });

  it('refuses to restore a corrupted backup and leaves the database untouched', async () => {
    const ctx = { user: env.admin };
    await env.services.referrals.create(ctx, { referral: referralInput() });
    const backup = await env.services.backups.create(ctx);
    const file = path.join(env.store.backupDir, backup.file);
    corrupt(file, 0, 100); // header
    await expect(env.services.backups.restore(ctx, { file: backup.file })).rejects.toBeInstanceOf(
      BackupError,
    );
    await expect(env.services.backups.restore(ctx, { file: backup.file })).rejects.toThrow(
      /damaged/,
    );
    expect(env.store.status().state).toBe('ok');
    expect(await env.services.referrals.list(ctx, { filter: 'all' })).toHaveLength(1);
  });

  it('refuses names that are not listed backups (no path traversal)', async () => {
    await expect(
      restoreBackup(env.store, '../front-door.db', { now: new Date(), userId: null }),
    ).rejects.toThrow('Choose one of the listed backups.');
  });

  it('detects a damaged b-tree page in a backup copy', async () => {
    const ctx = { user: env.admin };
    for (let i = 0; i < 30; i++)
      await env.services.referrals.create(ctx, { referral: referralInput() });
    const backup = await env.services.backups.create(ctx);
    const file = path.join(env.store.backupDir, backup.file);
    corrupt(file, 4096 * 3 + 8, 64);
    expect(verifyDatabaseFile(file).ok).toBe(false);
  });
});

describe('start-up checks and recovery', () => {
  it('after an unclean shutdown runs quick_check and opens normally', async () => {
    const ctx = { user: env.admin };
    const r = await env.services.referrals.create(ctx, { referral: referralInput() });
    // Simulate a crash: drop the connection without the clean close (the marker stays).
    env.store.raw.close();
    env.store.folderLock?.release(); // the OS drops the folder lock of a dead process
    expect(existsSync(path.join(env.dir, SESSION_LOCK_FILE))).toBe(true);
    const again = openStore({ dataDir: env.dir });
    const status = again.status();
    expect(status).toMatchObject({ state: 'ok', uncleanShutdown: true, quickCheck: 'ok' });
    const services = createServices(again, fixedClock());
    expect((await services.referrals.list(ctx, { filter: 'all' })).map((q) => q.id)).toEqual([
      r.id,
    ]);
    again.close();
    const clean = openStore({ dataDir: env.dir });
    // The check runs at every open now, clean or not.
    expect(clean.status()).toMatchObject({ state: 'ok', uncleanShutdown: false, quickCheck: 'ok' });
    clean.close();
  });

  it('a corrupt header gives recovery-needed with backups, and restoreNewestGoodBackup brings it back', async () => {
    const ctx = { user: env.admin };
    const r = await env.services.referrals.create(ctx, { referral: referralInput() });
    env.clock.set('2026-11-23T11:00:00.000Z');
    const good = await env.services.backups.create(ctx);
    env.clock.set('2026-11-23T12:00:00.000Z');
    const damaged = await env.services.backups.create(ctx);
    corrupt(path.join(env.store.backupDir, damaged.file), 0, 32);
    env.store.close();

    // Work on a copy of the data folder whose database header is damaged.
    const dir = tempDir();
    try {
      copyFileSync(path.join(env.dir, DB_FILE), path.join(dir, DB_FILE));
      const backups = path.join(dir, 'backups');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(backups);
      for (const f of readdirSync(env.store.backupDir))
        copyFileSync(path.join(env.store.backupDir, f), path.join(backups, f));
      corrupt(path.join(dir, DB_FILE), 0, 16);
      writeFileSync(path.join(dir, SESSION_LOCK_FILE), '{}');

      const store = openStore({ dataDir: dir });
      const status = store.status();
      expect(status.state).toBe('recovery-needed');
      expect(status.reason).toMatch(/damaged/);
      expect(status.backups.map((b) => b.file)).toEqual([damaged.file, good.file]);
      expect(() => store.db).toThrow(/recovery screen/);

      const services = createServices(store, fixedClock());
      const restored = await services.status.restoreNewestGoodBackup();
      expect(restored.file).toBe(good.file); // the damaged newer one is skipped
      expect(store.status().state).toBe('ok');
      expect((await services.referrals.list(ctx, { filter: 'all' })).map((q) => q.id)).toEqual([
        r.id,
      ]);
      await expect(services.status.restoreNewestGoodBackup()).rejects.toThrow(/working/);
      store.close();
    } finally {
      removeDir(dir);
    }
  });

  it('never crash-loops: a file that is not a database is a status, every time', () => {
    const dir = tempDir();
    try {
      writeFileSync(path.join(dir, DB_FILE), 'this is not a database, just text '.repeat(200));
      for (let i = 0; i < 3; i++) {
        const store = openStore({ dataDir: dir });
        expect(store.status().state).toBe('recovery-needed');
        store.close();
      }
    } finally {
      removeDir(dir);
    }
  });

  it('with no good backup, the recovery path says so plainly', async () => {
    const dir = tempDir();
    try {
      writeFileSync(path.join(dir, DB_FILE), 'x'.repeat(8192));
      const store = openStore({ dataDir: dir });
      await expect(
        restoreNewestGoodBackup(store, { now: new Date(), userId: null }),
      ).rejects.toThrow(/no backups/);
    } finally {
      removeDir(dir);
    }
  });
});
