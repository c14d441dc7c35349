// One writer per data folder, across processes (the app, the browser harness, another account):
// real child processes hold and contend for the lock, kill -9 of the holder clears it, and a
// restore refuses while another process holds the folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../../harness/harness';
import { createBackup } from '../../../electron/main/store/backup';
import { restoreBackup } from '../../../electron/main/store/restore';
import { BackupError } from '../../../electron/main/store/errors';
import { openStore } from '../../../electron/main/store/store';
import { bundleChild } from '../../helpers/bundle-child';
import { removeDir, tempDir, testEnv } from '../../helpers/store-fixtures';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// The kill loop's child: opens the store, saves referrals, prints each id, then idles; exits 3
// with the store's status on stderr when it cannot open. Bundled under its own name so this
// file and the kill loop can build in parallel.
let CHILD = '';

beforeAll(async () => {
  CHILD = await bundleChild('folder-lock-child');
});

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) removeDir(d);
});

type Started = { child: ChildProcess; exited: Promise<{ code: number | null; err: string }> };

/** Starts a child on `dataDir`; resolves once it has saved (so it holds the folder) or exited. */
function startChild(dataDir: string): Promise<Started & { holding: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let err = '';
    let settled = false;
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const exited = new Promise<{ code: number | null; err: string }>((res) => {
      child.on('exit', (code) => {
        res({ code, err });
      });
    });
    child.on('error', reject);
    child.stdout.on('data', () => {
      if (settled) return;
      settled = true;
      resolve({ child, exited, holding: true });
    });
    void exited.then(() => {
      if (settled) return;
      settled = true;
      resolve({ child, exited, holding: false });
    });
  });
}

async function killHard(s: Started): Promise<void> {
  s.child.kill('SIGKILL');
  await s.exited;
}

describe('the data folder lock', () => {
  it('a second process is refused while the first holds the folder; kill -9 clears it', async () => {
    const env = await testEnv();
    dirs.push(env.dir);
    const backup = await createBackup(env.store, { now: env.clock.now() });
    env.store.close();

    const a = await startChild(env.dir);
    expect(a.holding).toBe(true);
    const b = await startChild(env.dir);
    expect(b.holding).toBe(false);
    const bEnd = await b.exited;
    expect(bEnd.code).toBe(3);
    expect(bEnd.err).toMatch(/already open on this data folder/);

    // This process too: refused with a typed cause, and a restore here is refused.
    const here = openStore({ dataDir: env.dir });
    expect(here.status().state).toBe('refused');
    expect(here.status().problem).toMatchObject({ kind: 'in-use', restoreOffered: false });
    expect(here.status().problem?.message).toMatch(/process \d+/);
    await expect(
      restoreBackup(here, backup.file, { now: new Date(), userId: null }),
    ).rejects.toThrow(BackupError);
    await expect(
      restoreBackup(here, backup.file, { now: new Date(), userId: null }),
    ).rejects.toThrow(/Another copy of Front Door is using this data folder/);
    here.close();

    await killHard(a); // the OS drops the lock of a killed process
    expect(existsSync(path.join(env.dir, 'folder.lock-journal'))).toBe(false);
    const c = await startChild(env.dir);
    expect(c.holding).toBe(true);
    await killHard(c);

    const after = openStore({ dataDir: env.dir });
    expect(after.status().state).toBe('ok');
    after.close();
  });

  it('two stores in one process: the second is refused until the first closes', () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = openStore({ dataDir: dir });
    expect(first.status().state).toBe('ok');
    const second = openStore({ dataDir: dir });
    expect(second.status().problem?.kind).toBe('in-use');
    second.close();
    first.close();
    const third = openStore({ dataDir: dir });
    expect(third.status().state).toBe('ok');
    third.close();
  });

  it('the browser harness takes the same lock: a process started beside it is refused', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const harness = await startHarness({
      dataDir: dir,
      build: false,
      user: 'harness-user',
      log: () => undefined,
    });
    try {
      const other = await startChild(dir);
      expect(other.holding).toBe(false);
      expect((await other.exited).err).toMatch(/already open on this data folder/);
    } finally {
      await harness.close();
    }
    const after = await startChild(dir);
    expect(after.holding).toBe(true);
    await killHard(after);
  });
});
