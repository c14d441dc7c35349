// Bundles test/helpers/kill-loop-child.ts into one ESM file for the tests that start it as a
// child process many times (kill loop, kill during migration/backup, folder lock).
//
// Everything is bundled except the native better-sqlite3: importing kysely, zod and date-fns from
// node_modules file by file cost about 0.6 s of every child's start on the 2-core CI machine,
// which was most of the kill loop's time. Each test names its own output file so files running
// in parallel never overwrite one another's bundle.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Builds the child as `node_modules/.cache/front-door/<name>.mjs` and returns its path. */
export async function bundleChild(name: string): Promise<string> {
  // Inside the project so the bundle's one bare import (better-sqlite3) resolves.
  const outfile = path.join(ROOT, 'node_modules/.cache/front-door', `${name}.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.join(ROOT, 'test/helpers/kill-loop-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  return outfile;
}
