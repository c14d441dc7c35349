// Once per Vitest process, before any browser test file starts: build the renderer the harness
// serves if it is missing or older than its sources. With two browser test files running at once
// (test/run-lanes.mjs), each file's own ensureRendererBuilt() then finds it fresh instead of two
// builds writing into out/renderer together.
import { ensureRendererBuilt } from '../harness/build-renderer';

export default async function setup(): Promise<void> {
  await ensureRendererBuilt();
}
