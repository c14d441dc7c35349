import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/slow-first-sequencer';

// One config, four projects: `npm test` runs them all (the browser tests beside the rest, in two
// Vitest processes: test/run-lanes.mjs); `vitest run --project unit` runs one.
export default defineConfig({
  test: {
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
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
