// Where the database lives (architecture §3): the per-machine local app-data folder, never the
// roaming profile (councils redirect roaming profiles to network shares), overridable for tests
// and the browser harness. A network path is refused: SQLite's locking and WAL shared memory are
// not reliable over network file systems (https://www.sqlite.org/useovernet.html).
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
} from 'node:fs';
import path from 'node:path';
import { DataDirError } from './errors';

export const DATA_DIR_ENV = 'FRONT_DOOR_DATA_DIR';

export type DataDirInputs = {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homedir: string;
  /** %LOCALAPPDATA% on Windows (defaults to env.LOCALAPPDATA). */
  localAppData?: string | undefined;
  /** $XDG_DATA_HOME on Linux (defaults to env.XDG_DATA_HOME). */
  xdgDataHome?: string | undefined;
};

const nonEmpty = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/** Pure: the data folder for this platform, or the FRONT_DOOR_DATA_DIR override. */
export function resolveDataDir(inputs: DataDirInputs): string {
  const override = inputs.env[DATA_DIR_ENV];
  if (nonEmpty(override)) return override;
  switch (inputs.platform) {
    case 'win32': {
      // %LOCALAPPDATA%, never %APPDATA% (Roaming): roaming profiles are often on a share.
      const local = inputs.localAppData ?? inputs.env.LOCALAPPDATA;
      const base = nonEmpty(local) ? local : path.win32.join(inputs.homedir, 'AppData', 'Local');
      return path.win32.join(base, 'Front Door');
    }
    case 'darwin':
      return path.posix.join(inputs.homedir, 'Library', 'Application Support', 'Front Door');
    default: {
      // XDG Base Directory Specification: $XDG_DATA_HOME, default ~/.local/share; a relative
      // value is invalid and must be ignored.
      const xdg = inputs.xdgDataHome ?? inputs.env.XDG_DATA_HOME;
      const base =
        nonEmpty(xdg) && path.posix.isAbsolute(xdg)
          ? xdg
          : path.posix.join(inputs.homedir, '.local', 'share');
      return path.posix.join(base, 'front-door');
    }
  }
}

export const NETWORK_PATH_MESSAGE =
  "The database must be on this computer's own disk: SQLite on a network share can corrupt records when the connection drops. Choose a local folder.";

/** File systems that reach over the network (or a VM boundary with the same failure modes). */
export const NETWORK_FS_TYPES: ReadonlySet<string> = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'sshfs',
  'fuse.sshfs',
  '9p',
  'afs',
]);

export type MountEntry = { mountPoint: string; fsType: string };

/** Parses /proc/mounts (fstab format; octal escapes such as `\040` for a space). */
export function parseProcMounts(text: string): MountEntry[] {
  const unescape = (s: string) =>
    s.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    const mountPoint = parts[1];
    const fsType = parts[2];
    if (mountPoint === undefined || fsType === undefined) continue;
    out.push({ mountPoint: unescape(mountPoint), fsType });
  }
  return out;
}

/** The mount holding `target`: the longest mount point that is a path prefix of it. */
export function mountFor(target: string, mounts: readonly MountEntry[]): MountEntry | null {
  let best: MountEntry | null = null;
  for (const m of mounts) {
    const mp = m.mountPoint === '/' ? '/' : m.mountPoint.replace(/\/+$/, '');
    const inside = mp === '/' || target === mp || target.startsWith(`${mp}/`);
    if (inside && (best === null || mp.length > best.mountPoint.length))
      best = { ...m, mountPoint: mp };
  }
  return best;
}

export type NetworkCheckOptions = {
  platform?: NodeJS.Platform;
  /** Contents of /proc/mounts; read from disk when not given (Linux only). */
  procMounts?: string;
};

/**
 * Throws DataDirError when `target` is on a network share: a UNC path (`\\server\share`,
 * `//server/share`) anywhere, or on Linux a folder whose mount is a network file system.
 */
export function checkNotNetworkPath(target: string, options: NetworkCheckOptions = {}): void {
  const platform = options.platform ?? process.platform;
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(target) || /^\\\\\?\\UNC\\/i.test(target)) {
    throw new DataDirError(target, NETWORK_PATH_MESSAGE);
  }
  if (platform !== 'linux') return;
  let text = options.procMounts;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/mounts', 'utf8');
    } catch {
      return; // No /proc (a container without it): nothing more we can tell.
    }
  }
  const mount = mountFor(path.posix.resolve(target), parseProcMounts(text));
  if (mount !== null && NETWORK_FS_TYPES.has(mount.fsType)) {
    throw new DataDirError(target, NETWORK_PATH_MESSAGE);
  }
}

// Who may read the files. The records are children's safeguarding referrals, so on Linux and
// macOS the data folder is 0700 and every file in it 0600: no other local account can read them
// (POSIX permission bits; mkdir/open modes are also masked by the umask, hence the chmod after).
// On Windows these modes do nothing; there the folder lives in the user's own %LOCALAPPDATA%,
// whose inherited ACL grants access only to that user, SYSTEM and Administrators.
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

const posix = (platform: NodeJS.Platform = process.platform) => platform !== 'win32';

/** Creates the folder (and parents) and makes the folder itself private to this account. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  if (posix()) chmodSync(dir, DIR_MODE);
}

/** Makes an existing file private to this account (no-op when absent or on Windows). */
export function makePrivate(file: string): void {
  if (!posix() || !existsSync(file)) return;
  chmodSync(file, FILE_MODE);
}

/**
 * Creates `file` empty and private if it does not exist yet. SQLite then keeps the mode: it
 * gives a database's -wal, -shm and -journal files the permissions of the database file
 * (os_unix.c, findCreateFileMode).
 */
export function createPrivateFile(file: string): void {
  if (existsSync(file)) {
    makePrivate(file);
    return;
  }
  closeSync(openSync(file, 'a', FILE_MODE));
  makePrivate(file);
}

/** Makes a rename or a new file durable where the platform allows syncing a directory (not Windows). */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: some file systems refuse fsync on a directory.
  }
}
