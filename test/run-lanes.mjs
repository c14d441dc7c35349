// `npm test`'s last step: every Vitest project, in two lanes at once. The browser tests (e2e) run
// in one Vitest process, one file at a time; unit, integration and renderer tests in another.
// On the 2-core CI machine one Vitest process runs one file at a time, and much of each lane's
// time is spent waiting on another process (Chromium, the kill-loop child, disk syncs), so two
// lanes finish in about two-thirds of the time of one. Output is prefixed by lane; the exit code
// is non-zero if either lane failed. Extra arguments go to both lanes (e.g. a file filter).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
// A filter given to both lanes usually matches files in only one of them.
const extra = process.argv.length > 2 ? [...process.argv.slice(2), '--passWithNoTests'] : [];
const lanes = [
  { name: 'browser', projects: ['e2e'] },
  { name: 'main   ', projects: ['unit', 'integration', 'renderer'] },
];

function run(lane) {
  return new Promise((resolve) => {
    const args = [vitest, 'run', ...lane.projects.flatMap((p) => ['--project', p]), ...extra];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        process.stdout.write(`[${lane.name}] ${line}\n`);
      });
    }
    child.on('exit', (code, signal) => {
      resolve({ lane: lane.name.trim(), code: code ?? (signal ? 1 : 0) });
    });
  });
}

const started = Date.now();
const results = await Promise.all(lanes.map(run));
const seconds = Math.round((Date.now() - started) / 1000);
for (const r of results) {
  process.stdout.write(
    `${r.lane} lane: ${r.code === 0 ? 'passed' : `FAILED (exit ${String(r.code)})`}\n`,
  );
}
process.stdout.write(`All test lanes finished in ${String(seconds)} s\n`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
