// Prepares a copy of better-sqlite3's native module built for Electron's ABI, beside (not over)
// the Node build the tests use (architecture §4: the two must never fight over one binary).
// Runs before `npm start` / `npm run dev`; the main process loads it through better-sqlite3's
// `nativeBinding` option. Packaged builds get theirs from electron-builder's rebuild instead.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const electronVersion = read('node_modules/electron/package.json').version;
const sqliteVersion = read('node_modules/better-sqlite3/package.json').version;
const { platform, arch } = process;

export const target = join(
  root,
  'node_modules',
  '.front-door-electron-native',
  `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}`,
  'better_sqlite3.node',
);

if (existsSync(target)) {
  console.log(`Electron build of better-sqlite3 ready: ${target}`);
} else {
  const work = mkdtempSync(join(tmpdir(), 'front-door-native-'));
  const pkg = join(work, 'better-sqlite3');
  cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const bin = (name) =>
    join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const run = (cmd, args) =>
    execFileSync(cmd, args, { cwd: pkg, stdio: 'inherit', shell: process.platform === 'win32' });
  try {
    // A prebuilt binary for this Electron version where one is published…
    run(bin('prebuild-install'), [
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--platform=${platform}`,
    ]);
  } catch {
    // …otherwise compile against Electron's headers (needs the C++ toolchain from the README).
    run(bin('node-gyp'), [
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
  console.log(`Built better-sqlite3 for Electron ${electronVersion}: ${target}`);
}
