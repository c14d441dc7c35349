import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The better-sqlite3 build for Electron's ABI during development (`npm start` / `npm run dev`),
 * prepared by build/prepare-electron-native.mjs beside the Node build that tests use
 * (architecture §4). Packaged apps return undefined: electron-builder rebuilds the module for
 * Electron inside the package.
 */
export function devNativeBinding(appRoot: string, electronVersion: string): string | undefined {
  try {
    const pkg = JSON.parse(
      readFileSync(join(appRoot, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
    ) as { version?: string };
    const file = join(
      appRoot,
      'node_modules',
      '.front-door-electron-native',
      `better-sqlite3-${pkg.version ?? 'unknown'}-electron-${electronVersion}-${process.platform}-${process.arch}`,
      'better_sqlite3.node',
    );
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}
