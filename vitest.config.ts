import { readFileSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/slow-first-sequencer';

/**
 * Unit and integration files that replace a module (vi.mock). The unit and integration projects
 * share one module graph across files (isolate: false), where a module an earlier file imported
 * would keep the real one, so these run in a project of their own, each with a fresh graph.
 * Found by reading the files, so a new one cannot be missed.
 */
const WITH_MODULE_MOCKS = ['test/unit', 'test/integration'].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f.replaceAll('\\', '/')}`)
    .filter((f) => /\bvi\.mock\(/.test(readFileSync(f, 'utf8'))),
);

/**
 * The kill tests (a child process killed hundreds of times mid-save): a project of their own so
 * `npm test` runs them in their own lane beside the rest (test/run-lanes.mjs).
 */
const KILL_TESTS = [
  'test/integration/store/kill-loop.test.ts',
  'test/integration/store/kill-during.test.ts',
  'test/integration/store/folder-lock.test.ts',
];

// One config, six projects: `npm test` runs them all (the browser tests beside the rest, in
// separate Vitest processes: test/run-lanes.mjs); `vitest run --project unit` runs one.
export default defineConfig({
  test: {
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: WITH_MODULE_MOCKS,
          environment: 'node',
          // Pure rules, no module mocks: the files share one module graph instead of importing
          // it again each (the unit project alone: 30 s isolated, 14 s shared).
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: [...WITH_MODULE_MOCKS, ...KILL_TESTS],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One module graph for every file in a worker rather than a fresh import of the app
          // per file: the integration files alone took 136 s isolated and 79 s shared, on one
          // core. Every file opens its own store in its own folder; spies are put back after
          // each test so one file's cannot reach the next.
          isolate: false,
          restoreMocks: true,
        },
      },
      {
        test: {
          name: 'kill',
          include: KILL_TESTS,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Unit and integration files that replace a module (WITH_MODULE_MOCKS), isolated.
          name: 'mocked',
          include: WITH_MODULE_MOCKS,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          // happy-dom: whole MUI screens render several times faster than in jsdom (a decision
          // screen test measured alone: 7.4 s against 26.6 s), and the renderer tests were the
          // longest part of the CI run. A file that needs jsdom says so in a
          // `@vitest-environment jsdom` docblock, with the reason.
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts'],
          // Whole screens render with user-event typing: seconds each on a busy 2-core CI
          // that runs the browser tests at the same time (test/run-lanes.mjs). The decision
          // screen's longest tests took 46-76 s on a CI machine also running other work.
          testTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/electron/**/*.test.ts'],
          environment: 'node',
          // Generous: the other lanes' tests share the 2 CPU cores with Chromium.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Each file has its own data folder, harness and Chromium, so files may run side by
          // side (test/run-lanes.mjs runs two); the renderer they serve is built once, first.
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
