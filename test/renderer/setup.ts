// Renderer tests run whole screens in happy-dom (a few files in jsdom). On a busy 2-core CI a
// save's round trip through the fake main process and the query cache can take more than
// testing-library's default 1 s, so the find*/waitFor queries wait up to 15 s (the screens share
// the CPU with Chromium and the kill-loop child: test/run-lanes.mjs): a missing result still
// fails, only later.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 15_000 });
