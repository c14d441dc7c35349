// The order test files start in: the known long files first, then Vitest's own order. On a fresh
// CI clone Vitest has no timings cached, so it starts the largest files first, and the kill loop
// (a small file that runs four minutes) started last and ran on alone while the other worker
// sat idle. Figures: seconds each took in a full run on the 2-core machine; a file missing
// here only starts later, it still runs.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SLOW_FIRST: readonly string[] = [
  'test/e2e/morning.test.ts', // 218-249 s
  'test/e2e/intake.test.ts', // 193-240 s
  'test/integration/store/kill-loop.test.ts', // 236 s
  'test/e2e/decision.test.ts', // 148-164 s
  'test/e2e/harness-queue.test.ts', // 61-124 s
  'test/integration/store/kill-during.test.ts', // 110 s
  'test/integration/ipc/fuzz.test.ts', // 101-212 s
  'test/renderer/decisions/decision-page.test.tsx', // 89 s alone
  'test/renderer/intake/new-referral.test.tsx', // 81 s alone (jsdom)
  'test/renderer/queue.test.tsx',
  'test/renderer/intake/correct-referral.test.tsx',
  'test/renderer/letters/work-queue.test.tsx',
  'test/renderer/intake/letter-safety-facts.test.tsx',
];

function rank(spec: TestSpecification): number {
  const path = spec.moduleId.replaceAll('\\', '/');
  const i = SLOW_FIRST.findIndex((s) => path.endsWith(s));
  return i === -1 ? SLOW_FIRST.length : i;
}

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: files not listed keep Vitest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
