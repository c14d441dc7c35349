// The app's first open checks the file after the window shows (checkInBackground): at ten years
// of referrals quick_check reads about 2 GB, 10–33 s that used to pass before anything showed.
// What must hold while it runs and after:
// - start-up (store, sign-in) finishes without waiting for the check, and records can be read;
// - every save waits for the check, then goes ahead; nothing is written to the file before then;
// - a check that finds damage ends in recovery, the waiting save fails, the file is unchanged;
// - the last run's crash marker stays until the check has passed;
// - pending migrations (which write) still check first, before the window.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionEnv } from '../../../electron/main/ipc/env';
import { createServices } from '../../../electron/main/services/index';
import { startUp } from '../../../electron/main/startup';
import { CHECK_TIMING_FILE } from '../../../electron/main/store/check-worker';
import { MIGRATIONS, type Migration } from '../../../electron/main/store/migrations/index';
import { SESSION_LOCK_FILE } from '../../../electron/main/store/recovery';
import { DB_FILE, type OpenStoreOptions, openStore } from '../../../electron/main/store/store';
import {
  closedDataFolder,
  fixedClock,
  referralInput,
  removeDir,
} from '../../helpers/store-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

/** A data folder with some referrals, closed cleanly; the admin is "sam". */
const populated = (referrals = 3) => closedDataFolder(dirs, referrals);

/** A check the test ends when it chooses. */
function heldCheck(): { runCheck: OpenStoreOptions['runCheck']; finish(result: string): void } {
  let finish: (result: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => {
    finish = resolve;
  });
  return {
    runCheck: () => done,
    finish: (result) => {
      finish(result);
    },
  };
}

function auditCount(dataDir: string, action: string): number {
  const store = openStore({ dataDir });
  try {
    return (
      store.raw.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as {
        n: number;
      }
    ).n;
  } finally {
    store.close();
  }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the start-up check after the window opens', () => {
  it('starts, signs in and reads without waiting; saves wait for the check, then go ahead', async () => {
    const dir = await populated();
    const loginsBefore = auditCount(dir, 'login');
    const check = heldCheck();
    const clock = fixedClock();
    const started = await startUp({
      storeOptions: { dataDir: dir, checkInBackground: true, runCheck: check.runCheck },
      createEnv: (store) =>
        createSessionEnv({
          store,
          services: createServices(store, clock, { osAccount: () => 'sam' }),
          clock,
          osAccount: 'sam',
        }),
    });
    const { store, env } = started;
    expect(started.status).toMatchObject({
      state: 'ok',
      quickCheck: null,
      startupCheck: { state: 'running', finishedAt: null },
    });
    const user = await env.currentUser();
    expect(user).toMatchObject({ osAccount: 'sam', active: true });
    if (user === null) throw new Error('not signed in');
    const services = createServices(store, clock, { osAccount: () => 'sam' });
    expect(await services.referrals.list({ user }, { filter: 'all' })).toHaveLength(3);
    // Nothing of this run is in the file yet: no marker, and the sign-in is not yet recorded.
    expect(existsSync(path.join(dir, SESSION_LOCK_FILE))).toBe(false);
    expect(store.writesHeld).toBe(true);

    let saved = false;
    const save = services.referrals.create({ user }, { referral: referralInput() }).then((r) => {
      saved = true;
      return r;
    });
    await tick(100);
    expect(saved).toBe(false);

    check.finish('ok');
    const referral = await save;
    expect(referral.reference).toMatch(/\S/);
    expect(store.status()).toMatchObject({
      state: 'ok',
      quickCheck: 'ok',
      startupCheck: { state: 'passed' },
    });
    expect(store.writesHeld).toBe(false);
    expect(existsSync(path.join(dir, SESSION_LOCK_FILE))).toBe(true);
    expect(await services.referrals.list({ user }, { filter: 'all' })).toHaveLength(4);
    // The sign-in held back is recorded once saves are allowed.
    for (let i = 0; i < 50 && auditCountOpen(store, 'login') === loginsBefore; i++) await tick();
    expect(auditCountOpen(store, 'login')).toBe(loginsBefore + 1);
    store.close();
    expect(existsSync(path.join(dir, SESSION_LOCK_FILE))).toBe(false);
    expect(auditCount(dir, 'login')).toBe(loginsBefore + 1);
  });

  it('a stranger waits for the check, so the rules for new users still apply', async () => {
    const dir = await populated(1);
    const check = heldCheck();
    const store = openStore({ dataDir: dir, checkInBackground: true, runCheck: check.runCheck });
    const clock = fixedClock();
    const services = createServices(store, clock, { osAccount: () => 'newcomer' });
    const env = createSessionEnv({ store, services, clock, osAccount: 'newcomer' });
    let signedIn = false;
    const pending = env.signIn().then((u) => {
      signedIn = true;
      return u;
    });
    await tick(100);
    expect(signedIn).toBe(false);
    check.finish('ok');
    // Not the first user: added with no roles, never made administrator.
    expect(await pending).toMatchObject({ osAccount: 'newcomer', roles: [] });
    store.close();
  });

  it('damage found by the worker: recovery, the waiting save fails, the file unchanged', async () => {
    const dir = await populated(40);
    const db = path.join(dir, DB_FILE);
    const probe = openStore({ dataDir: dir });
    const pageSize = probe.raw.pragma('page_size', { simple: true }) as number;
    const { rootpage } = probe.raw
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'referrals'")
      .get() as { rootpage: number };
    probe.close();
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(48, 0xa5), 0, 48, (rootpage - 1) * pageSize);
    closeSync(fd);
    const before = sha256(db);

    // The real check, in a worker thread.
    const store = openStore({ dataDir: dir, checkInBackground: true });
    expect(store.status()).toMatchObject({ state: 'ok', startupCheck: { state: 'running' } });
    const services = createServices(store, fixedClock(), { osAccount: () => 'intruder' });
    const save = services.users.signIn('intruder');
    await expect(save).rejects.toThrow(/damage/);
    await expect(store.whenWritable()).rejects.toThrow(/damage/);
    const status = store.status();
    expect(status.state).toBe('recovery-needed');
    expect(status.quickCheck).not.toBe('ok');
    expect(status.problem).toMatchObject({ kind: 'damaged', restoreOffered: true });
    expect(status.startupCheck).toBeNull();
    expect(() => store.db).toThrow(/recovery screen/);
    store.close();
    expect(sha256(db)).toBe(before);
    expect(existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0).toBe(0);
    expect(existsSync(path.join(dir, SESSION_LOCK_FILE))).toBe(false);
  });

  it("after a crash the last run's marker stays until the check passes, even if closed first", async () => {
    const dir = await populated(1);
    const marker = path.join(dir, SESSION_LOCK_FILE);
    writeFileSync(marker, JSON.stringify({ pid: 1, openedAt: '2026-11-23T09:00:00.000Z' }));
    const check = heldCheck();
    const store = openStore({ dataDir: dir, checkInBackground: true, runCheck: check.runCheck });
    expect(store.status()).toMatchObject({
      uncleanShutdown: true,
      startupCheck: { state: 'running' },
    });
    const held = store.whenWritable();
    store.close();
    expect(readFileSync(marker, 'utf8')).toContain('2026-11-23T09:00:00.000Z');
    check.finish('ok');
    await expect(held).rejects.toThrow(/closed/);
    expect(readFileSync(marker, 'utf8')).toContain('2026-11-23T09:00:00.000Z');
  });

  it('the real worker times the check, and the next start says how long it should take', async () => {
    const dir = await populated(5);
    const first = openStore({ dataDir: dir, checkInBackground: true });
    expect(first.status().startupCheck).toMatchObject({ state: 'running', expectedMs: null });
    await first.whenWritable();
    expect(first.status().quickCheck).toBe('ok');
    first.close();
    expect(existsSync(path.join(dir, CHECK_TIMING_FILE))).toBe(true);
    const second = openStore({ dataDir: dir, checkInBackground: true });
    const expected = second.status().startupCheck?.expectedMs;
    expect(typeof expected).toBe('number');
    await second.whenWritable();
    second.close();
  });

  it('pending migrations check first, before anything shows (they write)', async () => {
    const dir = await populated(1);
    const extra: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test: one more table',
      up(d) {
        d.exec('CREATE TABLE test_extra (x INTEGER) STRICT');
      },
    };
    let ran = 0;
    const store = openStore({
      dataDir: dir,
      checkInBackground: true,
      migrations: [...MIGRATIONS, extra],
      runCheck: () => {
        ran++;
        return Promise.resolve('ok');
      },
    });
    expect(ran).toBe(0);
    expect(store.status()).toMatchObject({
      state: 'ok',
      quickCheck: 'ok',
      schemaVersion: MIGRATIONS.length + 1,
    });
    expect(store.status().startupCheck ?? null).toBeNull();
    expect(store.writesHeld).toBe(false);
    store.close();
  });
});

function auditCountOpen(store: ReturnType<typeof openStore>, action: string): number {
  return (
    store.raw.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as {
      n: number;
    }
  ).n;
}
