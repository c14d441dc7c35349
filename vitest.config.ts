import { defineConfig } from 'vitest/config';

// One config, four projects: `npm test` runs them all (the browser tests beside the rest, in two
// Vitest processes: test/run-lanes.mjs); `vitest run --project unit` runs one.
export default defineConfig({
  test: {
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
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
          // Whole screens render in jsdom with user-event typing: seconds each on a busy 2-core CI
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
          // Generous: the other lane's tests share the 2 CPU cores with Chromium.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
