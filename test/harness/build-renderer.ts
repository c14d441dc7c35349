// Build the renderer (only) with the renderer section of electron.vite.config.ts, so the harness
// serves exactly what the app ships without also building main and preload.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_OUT = join(PROJECT_ROOT, 'out/renderer');
const SOURCE_DIRS = ['renderer', 'shared'].map((d) => join(PROJECT_ROOT, d));
const CONFIG_FILE = join(PROJECT_ROOT, 'electron.vite.config.ts');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when out/renderer is missing or older than any renderer/shared source or the config. */
export function rendererBuildIsStale(outDir = RENDERER_OUT): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(CONFIG_FILE), ...SOURCE_DIRS.map(newestMtime));
  return sources > built;
}

let building: Promise<void> | null = null;

/** Build the renderer into out/renderer. Concurrent callers share one build. */
export function buildRenderer(): Promise<void> {
  building ??= (async () => {
    const { loadConfigFromFile } = await import('electron-vite');
    const { build } = await import('vite');
    const loaded = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      CONFIG_FILE,
      PROJECT_ROOT,
      'warn',
    );
    const renderer = loaded.config.renderer;
    if (!renderer || typeof renderer === 'function') {
      throw new Error('electron.vite.config.ts has no renderer section the harness can build.');
    }
    await build({ ...renderer, configFile: false, logLevel: 'warn', mode: 'production' });
  })().finally(() => {
    building = null;
  });
  return building;
}

/** Build only when needed (missing or stale); `force` always builds. */
export async function ensureRendererBuilt(options: { force?: boolean } = {}): Promise<void> {
  if (options.force === true || rendererBuildIsStale()) await buildRenderer();
}
