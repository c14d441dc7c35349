import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join(import.meta.dirname, '..', '..', 'node_modules', 'electron');

/**
 * The Electron executable if it has been downloaded, else null. Deliberately does not
 * `require('electron')`: from Electron 45 that starts a download on first use, which cannot
 * succeed where the release host is unreachable (architecture §4).
 */
export function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_MISSING_REASON =
  'the Electron binary is not downloaded here (run `npm start` once on an online machine to fetch it); ' +
  'the same checks run in plain Node and in Chromium through the browser harness';
