// `npm test`'s last step: every Vitest project, in three lanes at once: the browser tests (e2e);
// the kill tests (a child process killed hundreds of times); and unit, integration (with the
// `mocked` project's files) and renderer tests (vitest.config.ts). One file at a time in each,
// the long files first (test/slow-first-sequencer.ts). Much of each lane's time is spent waiting
// on another process (Chromium, the killed child), so three share the 2-core CI machine. Output
// is prefixed by lane; the exit code is non-zero if any lane failed. Extra arguments (e.g. a
// file filter) go to two lanes, browser and everything else.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
// A filter given to both lanes usually matches files in only one of them.
const filtered = process.argv.length > 2;
const extra = filtered ? [...process.argv.slice(2), '--passWithNoTests'] : [];
// One worker each. Two browser files at a time (four workers in all) loaded the two cores to 9
// and a browser test's page then took over 30 s to show (measures.test.ts, twice in three runs).
const MAIN_PROJECTS = ['unit', 'integration', 'mocked', 'renderer'].flatMap((p) => [
  '--project',
  p,
]);
const lanes = filtered
  ? [
      { name: 'browser', args: ['--project', 'e2e', '--maxWorkers', '1'] },
      { name: 'main   ', args: [...MAIN_PROJECTS, '--project', 'kill'] },
    ]
  : [
      { name: 'browser', args: ['--project', 'e2e', '--maxWorkers', '1'] },
      { name: 'kill   ', args: ['--project', 'kill', '--maxWorkers', '1'] },
      { name: 'main   ', args: [...MAIN_PROJECTS, '--maxWorkers', '1'] },
    ];

/**
 * Where the tests make their temporary data folders. Every durable write in a test waits for the
 * disk (SQLite synchronous=FULL: an fsync per commit), and three lanes of thousands of commits
 * queued behind one virtual disk's syncs were the CI run's limit, not the CPUs. In memory
 * (/dev/shm, when it is a writable tmpfs with room) the same code runs the same checks: the kill
 * tests kill processes, and what a killed process had written survives in tmpfs exactly as on a
 * disk. Power loss cannot be tested either way. FRONT_DOOR_TEST_TMPDIR overrides (e.g. /tmp to
 * run on disk).
 */
function testTmpDir() {
  if (process.env.FRONT_DOOR_TEST_TMPDIR)
    return { dir: process.env.FRONT_DOOR_TEST_TMPDIR, owned: false };
  const shm = '/dev/shm';
  try {
    accessSync(shm, constants.W_OK);
    const fs = statfsSync(shm);
    if (fs.bavail * fs.bsize < 2 * 1024 ** 3) return null;
    return { dir: mkdtempSync(path.join(shm, 'front-door-tests-')), owned: true };
  } catch {
    return null;
  }
}

const tmp = testTmpDir();
const env = tmp ? { ...process.env, TMPDIR: tmp.dir } : process.env;
process.stdout.write(`Temporary test data in ${tmp ? tmp.dir : 'the system temp folder'}\n`);

function run(lane) {
  return new Promise((resolve) => {
    const args = [vitest, 'run', ...lane.args, ...extra];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
if (tmp?.owned) rmSync(tmp.dir, { recursive: true, force: true });
const seconds = Math.round((Date.now() - started) / 1000);
for (const r of results) {
  process.stdout.write(
    `${r.lane} lane: ${r.code === 0 ? 'passed' : `FAILED (exit ${String(r.code)})`}\n`,
  );
}
process.stdout.write(`All test lanes finished in ${String(seconds)} s\n`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
