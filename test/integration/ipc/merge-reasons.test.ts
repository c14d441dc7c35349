// A merge, and the undo of one, says why (issue: "children's links change only through the
// merge/unmerge path, with the reason audited"). Without a reason the channel refuses beside the
// field and nothing changes; the stored reasons are checked in services/workflow.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEnv } from '../../../electron/main/ipc/env';
import { fieldErrors, ipcFixture, type IpcFixture } from './ipc-env';

describe('merges need a reason', () => {
  let fx: IpcFixture;
  let admin: SessionEnv;

  beforeAll(async () => {
    fx = await ipcFixture();
    admin = fx.as('admin.first');
  });
  afterAll(() => {
    fx.close();
  });

  it.each([
    ['missing', {}, 'Say why these are the same child (for example, the NHS numbers match)'],
    [
      'blank',
      { reason: '   ' },
      'Say why these are the same child (for example, the NHS numbers match)',
    ],
    ['too long', { reason: 'x'.repeat(2_001) }, 'Give the reason in 2,000 characters or fewer'],
  ])('a merge with its reason %s is refused beside the reason', async (_label, extra, message) => {
    const r = await fx.call(admin, 'people:merge', { keepId: 'p-1', mergeId: 'p-2', ...extra });
    expect(fieldErrors(r).reason).toBe(message);
  });

  it('an undo without a reason is refused beside the reason', async () => {
    const r = await fx.call(admin, 'people:unmerge', { mergeId: 'm-1', reason: '' });
    expect(fieldErrors(r).reason).toBe('Say why the merge is being undone');
  });
});
