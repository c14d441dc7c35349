import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DATA_DIR_ENV,
  NETWORK_PATH_MESSAGE,
  checkNotNetworkPath,
  mountFor,
  parseProcMounts,
  resolveDataDir,
} from '../../../electron/main/store/data-dir';
import { DataDirError } from '../../../electron/main/store/errors';
import { openStore } from '../../../electron/main/store/store';
import { removeDir, tempDir } from '../../helpers/store-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

describe('connection pragmas', () => {
  it('sets WAL, synchronous=FULL, foreign keys and busy timeout, and tables are STRICT', () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openStore({ dataDir: dir });
    expect(store.status().state).toBe('ok');
    const raw = store.raw;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = raw
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    // A wrong type is refused, not coerced (STRICT).
    expect(() =>
      raw.prepare("INSERT INTO reference_counters (year, last) VALUES ('x', 1)").run(),
    ).toThrow();
    store.close();
  });
});

describe('resolveDataDir', () => {
  it('uses the override when set', () => {
    expect(
      resolveDataDir({
        env: { [DATA_DIR_ENV]: '/tmp/fd' },
        platform: 'win32',
        homedir: 'C:\\Users\\sam',
      }),
    ).toBe('/tmp/fd');
  });
  it('uses %LOCALAPPDATA% on Windows, never the roaming profile', () => {
    const dir = resolveDataDir({
      env: {
        APPDATA: 'C:\\Users\\sam\\AppData\\Roaming',
        LOCALAPPDATA: 'C:\\Users\\sam\\AppData\\Local',
      },
      platform: 'win32',
      homedir: 'C:\\Users\\sam',
    });
    expect(dir).toBe('C:\\Users\\sam\\AppData\\Local\\Front Door');
    expect(
      resolveDataDir({
        env: {},
        platform: 'win32',
        homedir: 'C:\\Users\\sam',
        localAppData: 'D:\\Local',
      }),
    ).toBe('D:\\Local\\Front Door');
    expect(resolveDataDir({ env: {}, platform: 'win32', homedir: 'C:\\Users\\sam' })).toBe(
      'C:\\Users\\sam\\AppData\\Local\\Front Door',
    );
  });
  it('uses XDG_DATA_HOME on Linux, else ~/.local/share', () => {
    expect(
      resolveDataDir({
        env: { XDG_DATA_HOME: '/data/xdg' },
        platform: 'linux',
        homedir: '/home/sam',
      }),
    ).toBe('/data/xdg/front-door');
    expect(resolveDataDir({ env: {}, platform: 'linux', homedir: '/home/sam' })).toBe(
      '/home/sam/.local/share/front-door',
    );
    // A relative XDG_DATA_HOME is invalid by the spec and ignored.
    expect(
      resolveDataDir({ env: { XDG_DATA_HOME: 'rel' }, platform: 'linux', homedir: '/home/sam' }),
    ).toBe('/home/sam/.local/share/front-door');
  });
  it('uses Application Support on macOS', () => {
    expect(resolveDataDir({ env: {}, platform: 'darwin', homedir: '/Users/sam' })).toBe(
      '/Users/sam/Library/Application Support/Front Door',
    );
  });
});

describe('network paths are refused', () => {
  const mounts = [
    '/dev/sda1 / ext4 rw 0 0',
    'server:/export /mnt/nfs nfs4 rw 0 0',
    '//server/share /mnt/smb cifs rw 0 0',
    'sam@host:/x /home/sam/remote fuse.sshfs rw 0 0',
    '/dev/sdb1 /mnt/nfs/local ext4 rw 0 0',
    'tmpfs /mnt/with\\040space tmpfs rw 0 0',
  ].join('\n');

  it('refuses UNC paths with a message that says why', () => {
    for (const p of ['\\\\server\\share\\Front Door', '//server/share/front-door']) {
      expect(() => {
        checkNotNetworkPath(p, { platform: 'win32' });
      }).toThrow(DataDirError);
      expect(() => {
        checkNotNetworkPath(p, { platform: 'win32' });
      }).toThrow(NETWORK_PATH_MESSAGE);
    }
  });
  it('refuses a Linux folder on an NFS, CIFS or SSHFS mount (longest prefix wins)', () => {
    expect(() => {
      checkNotNetworkPath('/mnt/nfs/data', { platform: 'linux', procMounts: mounts });
    }).toThrow(DataDirError);
    expect(() => {
      checkNotNetworkPath('/mnt/smb', { platform: 'linux', procMounts: mounts });
    }).toThrow(DataDirError);
    expect(() => {
      checkNotNetworkPath('/home/sam/remote/x', { platform: 'linux', procMounts: mounts });
    }).toThrow(DataDirError);
    expect(() => {
      checkNotNetworkPath('/mnt/nfs/local/data', { platform: 'linux', procMounts: mounts });
    }).not.toThrow();
    expect(() => {
      checkNotNetworkPath('/home/sam/.local/share/front-door', {
        platform: 'linux',
        procMounts: mounts,
      });
    }).not.toThrow();
    expect(() => {
      checkNotNetworkPath('/mnt/nfsx', { platform: 'linux', procMounts: mounts });
    }).not.toThrow();
  });
  it('parses octal escapes in mount points', () => {
    expect(mountFor('/mnt/with space/a', parseProcMounts(mounts))?.fsType).toBe('tmpfs');
  });
  it('openStore reports a refused status instead of throwing', () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = openStore({
      dataDir: dir,
      platform: 'linux',
      procMounts: `nas:/x ${path.dirname(dir)} nfs rw 0 0`,
    });
    const status = store.status();
    expect(status.state).toBe('refused');
    expect(status.reason).toBe(NETWORK_PATH_MESSAGE);
  });
});
