// What opening a data folder may and may not do:
// - a folder that has held records (marker, backups, pre-restore copies, anchor) never opens as a
//   brand-new database when the database is emptied or removed: recovery, and no new administrator;
// - damage is looked for at every open (not only after a crash), and a file that fails its check
//   is never written to;
// - the folder and its files are private to the account (Linux and macOS modes).
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionEnv } from '../../../electron/main/ipc/env';
import { createServices } from '../../../electron/main/services/index';
import { createBackup } from '../../../electron/main/store/backup';
import { restoreBackup } from '../../../electron/main/store/restore';
import { SESSION_LOCK_FILE } from '../../../electron/main/store/recovery';
import { CREATED_MARKER_FILE } from '../../../electron/main/store/prior-records';
import { BACKUP_DIR, DB_FILE, openStore } from '../../../electron/main/store/store';
import {
  closedDataFolder,
  fixedClock,
  referralInput,
  removeDir,
  tempDir,
  testEnv,
} from '../../helpers/store-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

/** A data folder with 3 referrals and a verified backup, closed cleanly. */
const populated = (referrals = 3) =>
  closedDataFolder(dirs, referrals, (env) => createBackup(env.store, { now: env.clock.now() }));

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Signs in as a stranger the way the app does at start; null when no one can sign in. */
async function signInAs(dataDir: string, account: string) {
  const store = openStore({ dataDir });
  const services = createServices(store, fixedClock(), { osAccount: () => account });
  const env = createSessionEnv({ store, services, clock: fixedClock(), osAccount: account });
  const user = await env.signIn();
  return { store, services, user };
}

describe('an emptied or missing database in a folder that has held records', () => {
  it('a database truncated to 0 bytes opens to recovery, creates nothing, and the backup restores', async () => {
    const dir = await populated();
    const db = path.join(dir, DB_FILE);
    truncateSync(db, 0);
    const { store, services, user } = await signInAs(dir, 'intruder');
    const status = store.status();
    expect(status.state).toBe('recovery-needed');
    expect(status.problem?.kind).toBe('missing');
    expect(status.problem?.restoreOffered).toBe(true);
    expect(status.backups).toHaveLength(1);
    expect(user).toBeNull(); // no new administrator
    expect(statSync(db).size).toBe(0); // no fresh database was written
    const restored = await services.status.restoreNewestGoodBackup();
    expect(restored.file).toBe(status.backups[0]?.file);
    expect(store.status().state).toBe('ok');
    expect(
      await services.referrals.list(
        { user: await services.users.signIn('sam').then((s) => s.user) },
        { filter: 'all' },
      ),
    ).toHaveLength(3);
    // The intruder account is not an administrator in the restored records either.
    const intruder = (await services.users.signIn('intruder')).user;
    expect(intruder.roles).toEqual([]);
    store.close();
  });

  it('a deleted database (with its -wal and -shm) opens to recovery and is not recreated', async () => {
    const dir = await populated();
    const db = path.join(dir, DB_FILE);
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
    const { store, user } = await signInAs(dir, 'intruder');
    expect(store.status()).toMatchObject({ state: 'recovery-needed' });
    expect(store.status().problem?.kind).toBe('missing');
    expect(store.status().reason).toMatch(/will not start a new, empty set of records/);
    expect(user).toBeNull();
    expect(existsSync(db)).toBe(false);
    store.close();
  });

  it('the marker alone (backups deleted too) still refuses a fresh start', async () => {
    const dir = await populated();
    rmSync(path.join(dir, DB_FILE));
    rmSync(path.join(dir, BACKUP_DIR), { recursive: true });
    const store = openStore({ dataDir: dir });
    expect(store.status().problem?.kind).toBe('missing');
    expect(existsSync(path.join(dir, DB_FILE))).toBe(false);
    store.close();
  });

  it('backups alone (an older install without the marker) are evidence too', async () => {
    const dir = await populated();
    rmSync(path.join(dir, DB_FILE));
    rmSync(path.join(dir, CREATED_MARKER_FILE));
    const store = openStore({ dataDir: dir });
    expect(store.status().problem?.kind).toBe('missing');
    store.close();
  });

  it('a genuinely first start in an empty folder creates the database and the marker; the first user is admin', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { store, user } = await signInAs(dir, 'first');
    expect(store.status().state).toBe('ok');
    expect(user?.roles).toContain('admin');
    expect(existsSync(path.join(dir, CREATED_MARKER_FILE))).toBe(true);
    store.close();
  });

  it('a folder named by the override that does not exist yet is a first start too', () => {
    const dir = path.join(tempDir(), 'not', 'there');
    dirs.push(path.dirname(path.dirname(dir)));
    const store = openStore({ dataDir: dir });
    expect(store.status().state).toBe('ok');
    store.close();
  });
});

function corruptPage(file: string, page: number, pageSize: number): void {
  const fd = openSync(file, 'r+');
  try {
    // Overwrite the b-tree page header and cell pointers (not the file header on page 1).
    writeSync(fd, Buffer.alloc(48, 0xa5), 0, 48, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('damage is found at every open, and a damaged file is never written', () => {
  it('a flipped b-tree page after a clean close opens to recovery with no write to the file', async () => {
    const dir = await populated(40);
    const db = path.join(dir, DB_FILE);
    // Find a table's root page to damage (any b-tree page but the header's page 1).
    const probe = openStore({ dataDir: dir });
    const pageSize = probe.raw.pragma('page_size', { simple: true }) as number;
    const { rootpage } = probe.raw
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'referrals'")
      .get() as { rootpage: number };
    probe.close();
    expect(existsSync(path.join(dir, SESSION_LOCK_FILE))).toBe(false); // a clean close
    expect(rootpage).toBeGreaterThan(1);
    corruptPage(db, rootpage, pageSize);
    const before = sha256(db);
    const filesBefore = readdirSync(dir).sort();

    for (let i = 0; i < 2; i++) {
      const store = openStore({ dataDir: dir });
      const status = store.status();
      expect(status.state).toBe('recovery-needed');
      expect(status.uncleanShutdown).toBe(false);
      expect(status.quickCheck).not.toBe('ok');
      expect(status.problem).toMatchObject({ kind: 'damaged', restoreOffered: true });
      expect(status.backups).toHaveLength(1);
      // Creates cannot reach the damaged file.
      const services = createServices(store, fixedClock(), { osAccount: () => 'sam' });
      await expect(services.users.signIn('sam')).rejects.toThrow(/recovery screen/);
      store.close();
    }
    expect(sha256(db)).toBe(before);
    // The read-only check may leave SQLite's empty log and shared-memory index, nothing more.
    expect(existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0).toBe(0);
    const extra = ['-wal', '-shm'].map((s) => DB_FILE + s);
    expect(
      readdirSync(dir)
        .filter((f) => !extra.includes(f))
        .sort(),
    ).toEqual(filesBefore.filter((f) => !extra.includes(f)));
  });

  it('the restore after a failed check brings the records back', async () => {
    const dir = await populated(40);
    const db = path.join(dir, DB_FILE);
    const probe = openStore({ dataDir: dir });
    const pageSize = probe.raw.pragma('page_size', { simple: true }) as number;
    const pages = probe.raw.pragma('page_count', { simple: true }) as number;
    probe.close();
    corruptPage(db, Math.floor(pages / 2), pageSize);
    const store = openStore({ dataDir: dir });
    expect(store.status().state).toBe('recovery-needed');
    const services = createServices(store, fixedClock(), { osAccount: () => 'sam' });
    await services.status.restoreNewestGoodBackup();
    expect(store.status().state).toBe('ok');
    const sam = (await services.users.signIn('sam')).user;
    expect(await services.referrals.list({ user: sam }, { filter: 'all' })).toHaveLength(40);
    store.close();
  });
});

const posixOnly = process.platform === 'win32';
const mode = (file: string) => statSync(file).mode & 0o777;

describe.skipIf(posixOnly)('files are private to the account (Linux and macOS)', () => {
  // Skipped on Windows: POSIX modes do not apply there; the folder's place in the user's own
  // %LOCALAPPDATA% (an ACL for that user, SYSTEM and Administrators) is what protects it.
  it('the folder is 0700 and the database, WAL, markers, backups and restore copies 0600', async () => {
    const parent = tempDir();
    dirs.push(parent);
    const dir = path.join(parent, 'data');
    mkdirSync(dir, { mode: 0o755 }); // an existing, too-open folder is tightened
    const store = openStore({ dataDir: dir });
    const clock = fixedClock();
    const services = createServices(store, clock, { osAccount: () => 'sam' });
    const sam = (await services.users.signIn('sam')).user;
    await services.referrals.create({ user: sam }, { referral: referralInput() });
    const backup = await createBackup(store, { now: clock.now() });
    await restoreBackup(store, backup.file, { now: clock.now(), userId: sam.id });

    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, BACKUP_DIR))).toBe(0o700);
    const files = [
      ...readdirSync(dir).filter((f) => !statSync(path.join(dir, f)).isDirectory()),
    ].map((f) => path.join(dir, f));
    const backups = readdirSync(path.join(dir, BACKUP_DIR)).map((f) =>
      path.join(dir, BACKUP_DIR, f),
    );
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining([DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, SESSION_LOCK_FILE]),
    );
    expect(backups.some((f) => path.basename(f).startsWith('pre-restore-'))).toBe(true);
    // The audit anchor's files are written by audit-anchor.ts; the 0700 folders cover them.
    const open = [...files, ...backups].filter((f) => mode(f) !== 0o600 && !/anchor/.test(f));
    expect(open.map((f) => `${path.basename(f)} ${mode(f).toString(8)}`)).toEqual([]);
    store.close();
  });

  it('an existing database made with looser modes is tightened at open', async () => {
    const dir = await populated(1);
    const { chmodSync } = await import('node:fs');
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, DB_FILE), 0o644);
    const store = openStore({ dataDir: dir });
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, DB_FILE))).toBe(0o600);
    store.close();
  });
});

describe('left-overs and rotation', () => {
  it('pre-restore copies are rotated (the newest 3 kept)', async () => {
    const env = await testEnv();
    dirs.push(env.dir);
    const backup = await createBackup(env.store, { now: env.clock.now() });
    for (let i = 0; i < 5; i++) {
      env.clock.set(`2026-11-23T11:0${String(i)}:00.000Z`);
      await restoreBackup(env.store, backup.file, { now: env.clock.now(), userId: null });
    }
    const copies = readdirSync(env.store.backupDir)
      .filter((f) => /^pre-restore-.*\.db$/.test(f))
      .sort();
    expect(copies).toEqual([
      'pre-restore-20261123-110200.db',
      'pre-restore-20261123-110300.db',
      'pre-restore-20261123-110400.db',
    ]);
    env.close();
  });

  it('partial files of a killed backup or restore are removed at open', async () => {
    const dir = await populated(1);
    const orphans = [
      path.join(dir, `${DB_FILE}.restoring`),
      path.join(dir, BACKUP_DIR, 'front-door-20261123-100500.db.partial'),
      path.join(dir, BACKUP_DIR, 'pre-restore-20261123-100500.db.partial'),
    ];
    for (const f of orphans) writeFileSync(f, 'half written');
    const store = openStore({ dataDir: dir });
    expect(store.status().state).toBe('ok');
    expect(orphans.filter((f) => existsSync(f))).toEqual([]);
    store.close();
  });
});
