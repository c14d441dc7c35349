import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  blockedText,
  planSelection,
  progressPercent,
  progressText,
  selectedRows,
  stateLabel,
  workQueueInput,
  workShowingText,
  workSortFromModel,
} from '../../../renderer/src/features/letters/work-queue-model';
import { WORK, workItem } from './work-queue-fixture';

describe('the work queue model', () => {
  it('asks the store only for the filters set, soonest due first by default', () => {
    const paging = { page: 2, pageSize: 50 };
    expect(workQueueInput(NO_FILTERS, workSortFromModel([]), paging)).toEqual({
      sort: 'due',
      direction: 'asc',
      page: 2,
      pageSize: 50,
    });
    expect(
      workQueueInput(
        { kinds: ['outcome', 'invite'], variant: 'family', overdueOnly: true, dueBy: '2026-12-01' },
        workSortFromModel([{ field: 'reference', sort: 'desc' }]),
        paging,
      ),
    ).toEqual({
      kinds: ['outcome', 'invite'],
      variants: ['family'],
      overdueOnly: true,
      dueBy: '2026-12-01',
      sort: 'reference',
      direction: 'desc',
      page: 2,
      pageSize: 50,
    });
    // A column the store cannot sort by, or no direction, falls back to due date.
    expect(workSortFromModel([{ field: 'recipient', sort: 'asc' }])).toEqual({
      sort: 'due',
      direction: 'asc',
    });
    expect(workSortFromModel([{ field: 'kind', sort: null }])).toEqual({
      sort: 'due',
      direction: 'asc',
    });
  });

  it('sorts a selection into made in one go, blocked, ready to send and invites', () => {
    const blockedInvite = workItem({
      key: '000106',
      kind: 'invite',
      discussionId: 'd-106',
      blocked: 'Nobody is invited yet',
    });
    const plan = planSelection([...WORK, blockedInvite]);
    expect(plan.makeable.map((m) => [m.item.key, m.kind])).toEqual([
      ['000101', 'acknowledgement'],
      ['000102', 'outcome'],
    ]);
    expect(plan.blocked.map((b) => b.key)).toEqual(['000103', '000106']);
    expect(plan.ready.map((r) => r.letterId)).toEqual(['l-104']);
    expect(plan.invites.map((i) => i.discussionId)).toEqual(['d-105']);
    expect(blockedText(blockedInvite)).toBe('Cannot be sent yet: Nobody is invited yet');
    expect(stateLabel(blockedInvite)).toBe('To send');
    expect(stateLabel(WORK[3] ?? blockedInvite)).toBe('Ready to send');
  });

  it('reads the grid’s selection whether it lists the rows chosen or the rows left out', () => {
    expect(
      selectedRows({ type: 'include', ids: new Set(['000102']) }, WORK).map((r) => r.key),
    ).toEqual(['000102']);
    expect(
      selectedRows({ type: 'exclude', ids: new Set(['000102']) }, WORK).map((r) => r.key),
    ).toEqual(['000101', '000103', '000104', '000105']);
  });

  it('says the totals and the progress in words', () => {
    expect(workShowingText(1, 25, 25, 312)).toBe('Showing 26–50 of 312');
    expect(workShowingText(0, 25, 0, 0)).toBe('Nothing to show');
    expect(progressText({ label: 'Making letters', done: 3, total: 10 })).toBe(
      'Making letters: 3 of 10',
    );
    expect(progressPercent({ done: 3, total: 10 })).toBe(30);
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
  });
});
