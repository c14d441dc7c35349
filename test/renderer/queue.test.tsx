import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueItem, QueuePage } from '../../shared/domain/records';
import type { ChannelInput } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/app/App';
import { createFakeApi, type FakeApi, type FakeHandlers } from '../helpers/fake-api';
import {
  NOW,
  QUEUE,
  filterQueue,
  makeReferral,
  makeSession,
  makeSettings,
  makeUser,
  okStatus,
} from './fixtures';

/**
 * The fake store's page: the fixture queue in the store's order (immediate protection first, then
 * running clocks by due date, then sign-offs), sliced to the page asked for.
 */
function pageOf(items: readonly QueueItem[], input: ChannelInput<'referrals:queue'>): QueuePage {
  const rank = (q: QueueItem) => (q.status === 'awaiting-decision' ? 0 : 1);
  const sorted = [...items].sort(
    (a, b) =>
      Number(b.immediateProtection) - Number(a.immediateProtection) ||
      rank(a) - rank(b) ||
      a.decisionDue.localeCompare(b.decisionDue),
  );
  const from = input.page * input.pageSize;
  return { rows: sorted.slice(from, from + input.pageSize), total: sorted.length };
}

function setup(overrides: FakeHandlers = {}): FakeApi {
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(),
    'settings:get': () => makeSettings(),
    'referrals:queue': (input) => pageOf(filterQueue(input.filter), input),
    'referrals:get': ({ id }) => makeReferral(id),
    'users:list': () => [
      makeUser(),
      makeUser({ id: 'u-other', displayName: 'Sam Okafor', osAccount: 'sokafor' }),
      makeUser({ id: 'u-chair', displayName: 'Chris Chair', roles: ['chair'] }),
      makeUser({ id: 'u-gone', displayName: 'Gone Worker', active: false }),
    ],
    ...overrides,
  });
  window.api = fake.api;
  return fake;
}

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

function renderApp(now: () => Date = () => NOW) {
  return render(<App now={now} />);
}

/** The queue rows, top to bottom, as their visible text. */
async function rowTexts(): Promise<string[]> {
  const rows = await screen.findAllByTestId('queue-row');
  return rows.map((r) => r.textContent);
}

const rowFor = (id: string): HTMLElement => {
  const row = screen.getAllByTestId('queue-row').find((r) => r.dataset.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('the referral queue', () => {
  it('shows the shell: who is signed in, the marking, and the navigation', async () => {
    setup();
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral queue' })).toBeVisible();
    expect(screen.getByRole('banner')).toHaveTextContent('Dana Wilson');
    expect(screen.getByRole('banner')).toHaveTextContent('Duty worker');
    expect(screen.getByRole('banner')).toHaveTextContent('OFFICIAL-SENSITIVE');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Queue' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('main')).toBeVisible();
  });

  it('shows the store’s order: immediate protection first, flag in words, then the clocks', async () => {
    const fake = setup();
    renderApp();
    const rows = await rowTexts();
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('May need immediate protection');
    expect(rows[0]).toContain('Overdue by 2 working days');
    // Name and date of birth on screen; the age too for a screen reader (and the tooltip).
    expect(rows[0]).toContain('Ellis Fenwick 14/03/2016');
    expect(rows[0]).toContain('Born 14/03/2016 (age 10)');
    expect(rows[0]).toContain('Ruby Fenwick 30/09/2018');
    expect(rows[0]).toContain('Born 30/09/2018 (age 8)');
    expect(rows[0]).toContain('Harbour Police Station');
    expect(rows[0]).toContain('19/11/2026 14:05');
    expect(rows[0]).toContain('Unassigned');
    expect(rows[1]).toContain('Due today');
    expect(rows[1]).not.toContain('May need immediate protection');
    expect(rows[2]).toContain('On time: 1 working day left');
    expect(rows[2]).toContain('Due Wed 25/11/2026');
    expect(rows[2]).toContain('Dana Wilson (you)');
    expect(rows[3]).toContain('Done 23/11/2026');
    expect(screen.getByTestId('queue-showing')).toHaveTextContent('Showing 1–4 of 4');
    // The store was asked for the first page, most urgent first.
    expect(fake.callsTo('referrals:queue')).toContainEqual({
      filter: 'all',
      page: 0,
      pageSize: 50,
      sort: { field: 'urgency', direction: 'asc' },
    });
  });

  it('links each reference to its referral and a known child to their record', async () => {
    setup({
      'referrals:queue': (input) =>
        pageOf(
          [
            {
              ...first(QUEUE),
              children: [{ ...first(first(QUEUE).children), personId: 'p-poppy' }],
            },
          ],
          input,
        ),
    });
    renderApp();
    const row = first(await screen.findAllByTestId('queue-row'));
    expect(within(row).getByRole('link', { name: 'REF-on-time' })).toHaveAttribute(
      'href',
      '#/referrals/on-time',
    );
    expect(within(row).getByRole('link', { name: 'Poppy Marsh' })).toHaveAttribute(
      'href',
      '#/people/p-poppy',
    );
  });

  it('shows times in London: a summer receipt reads in BST', async () => {
    setup({
      'referrals:queue': (input) =>
        pageOf(
          [
            {
              ...first(filterQueue('all')),
              receivedAt: '2026-07-01T08:30:00Z',
              decisionDue: '2026-11-25',
            },
          ],
          input,
        ),
    });
    renderApp();
    const [row] = await rowTexts();
    expect(row).toContain('01/07/2026 09:30');
  });

  it('says on the row when a manager returned the decision, and what they asked for', async () => {
    const [overdue, today] = [first(filterQueue('overdue')), first(filterQueue('due-today'))];
    setup({
      'referrals:queue': (input) =>
        pageOf(
          [
            {
              ...overdue,
              returned: {
                by: 'Jo Morgan',
                at: '2026-11-23T15:10:00Z',
                comment: 'Add the police reference and say who will see Ellis',
              },
            },
            { ...today, returned: null },
          ],
          input,
        ),
    });
    renderApp();
    const rows = await screen.findAllByTestId('queue-row');
    expect(within(first(rows)).getByTestId('queue-returned')).toHaveTextContent(
      'Returned by Jo Morgan: Add the police reference and say who will see Ellis.',
    );
    expect(within(rows[1] as HTMLElement).queryByTestId('queue-returned')).toBeNull();
  });

  it('pages in the store with the total in words: nothing is cut off', async () => {
    const many = Array.from({ length: 4_812 }, (_, i) => ({
      ...first(QUEUE),
      id: `r${String(i)}`,
      reference: `FD-2026-${String(i).padStart(6, '0')}`,
    }));
    const fake = setup({ 'referrals:queue': (input) => pageOf(many, input) });
    const user = userEvent.setup();
    renderApp();
    await rowTexts();
    expect(screen.getByTestId('queue-showing')).toHaveTextContent('Showing 1–50 of 4,812');
    expect(screen.getAllByTestId('queue-row')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(await screen.findByText('Showing 51–100 of 4,812')).toBeVisible();
    expect(fake.callsTo('referrals:queue')).toContainEqual(
      expect.objectContaining({ page: 1, pageSize: 50 }),
    );
    expect(first(screen.getAllByTestId('queue-row')).dataset.id).toBe('r50');
  });

  it('sorts in the store: a header click asks for that order from the first page', async () => {
    const fake = setup();
    const user = userEvent.setup();
    renderApp();
    await rowTexts();
    await user.click(screen.getByRole('columnheader', { name: /Received/ }));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(fake.callsTo('referrals:queue')).toContainEqual(
      expect.objectContaining({ page: 0, sort: { field: 'receivedAt', direction: 'asc' } }),
    );
  });

  it('changes filter and searches: asks the store, shows only that list', async () => {
    const fake = setup();
    const user = userEvent.setup();
    renderApp();
    await rowTexts();
    await user.click(screen.getByRole('button', { name: 'Overdue' }));
    expect(await screen.findByRole('heading', { name: 'Decisions overdue' })).toBeVisible();
    expect(await rowTexts()).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Overdue' })).toHaveAttribute('aria-pressed', 'true');
    expect(fake.callsTo('referrals:queue')).toContainEqual(
      expect.objectContaining({ filter: 'overdue', page: 0 }),
    );
    await user.click(screen.getByRole('button', { name: 'All' }));
    await user.type(screen.getByLabelText('Find in the queue'), 'Fenwick');
    expect(await screen.findByRole('heading', { name: /matching “Fenwick”/ })).toBeVisible();
    expect(fake.callsTo('referrals:queue')).toContainEqual(
      expect.objectContaining({ filter: 'all', text: 'Fenwick' }),
    );
  });

  it('says so plainly when a filter has nothing in it', async () => {
    setup({ 'referrals:queue': () => ({ rows: [], total: 0 }) });
    renderApp();
    expect(
      await screen.findByText('There are no referrals waiting. New referrals will appear here.'),
    ).toBeVisible();
  });

  it('opens a referral from the keyboard: Enter on a row', async () => {
    const fake = setup();
    const user = userEvent.setup();
    renderApp();
    const rows = await screen.findAllByTestId('queue-row');
    first(rows).focus();
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ellis Fenwick, Ruby Fenwick' }),
    ).toBeVisible();
    expect(fake.callsTo('referrals:get')).toEqual([{ id: 'overdue' }]);
    await user.click(screen.getByRole('link', { name: 'Back to the queue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral queue' })).toBeVisible();
  });

  it('moves the clocks on at midnight, in place: the rows keep the store’s order', async () => {
    // Fake timers that still run with real time, so the queries resolve; the minute tick is
    // then moved on by hand.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let now = NOW;
      setup();
      renderApp(() => now);
      await rowTexts();
      const order = screen.getAllByTestId('queue-row').map((r) => r.dataset.id);
      const chip = () => within(rowFor('today')).getByTestId('clock-chip');
      expect(chip()).toHaveTextContent('Due today');
      now = new Date('2026-11-25T09:00:00Z'); // Wednesday
      await act(async () => {
        await vi.advanceTimersByTimeAsync(60_000);
      });
      expect(chip()).toHaveTextContent('Overdue by 1 working day');
      expect(screen.getByText(/Today is Wed 25\/11\/2026/)).toBeVisible();
      expect(screen.getAllByTestId('queue-row').map((r) => r.dataset.id)).toEqual(order);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a tick changes only the clocks: the same row elements, nothing else in them touched', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let now = NOW;
      setup();
      renderApp(() => now);
      await rowTexts();
      const rows = screen.getAllByTestId('queue-row');
      const grid = first(rows).closest('[role="grid"]');
      if (!(grid instanceof HTMLElement)) throw new Error('no grid');
      const changed = new Set<Node>();
      const observer = new MutationObserver((records) => {
        for (const r of records) changed.add(r.target);
      });
      observer.observe(grid, { subtree: true, childList: true, characterData: true });

      // A minute later, the same day: nothing in the grid changes at all.
      now = new Date(NOW.getTime() + 60_000);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(60_000);
      });
      expect(changed.size).toBe(0);

      // The next day: only text inside the clock chips changes, in the same row elements.
      now = new Date('2026-11-25T09:00:00Z');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(60_000);
      });
      observer.disconnect();
      expect(changed.size).toBeGreaterThan(0);
      for (const node of changed) {
        const el = node instanceof Element ? node : node.parentElement;
        expect(el?.closest('[data-testid="clock-chip"]')).not.toBeNull();
      }
      const after = screen.getAllByTestId('queue-row');
      expect(after).toHaveLength(rows.length);
      after.forEach((row, i) => {
        expect(row).toBe(rows[i]);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a duty worker takes an unassigned referral at once, and is asked before taking one held by a colleague', async () => {
    const fake = setup({
      'referrals:assign': ({ id }) => makeReferral(id),
    });
    const user = userEvent.setup();
    renderApp();
    await rowTexts();
    // Their own referral has nothing to take.
    expect(within(rowFor('on-time')).queryByRole('button')).toBeNull();
    await user.click(within(rowFor('overdue')).getByRole('button', { name: 'Take REF-overdue' }));
    expect(fake.callsTo('referrals:assign')).toEqual([
      { id: 'overdue', version: 1, userId: 'u-duty' },
    ]);
    await user.click(within(rowFor('signoff')).getByRole('button', { name: 'Take REF-signoff' }));
    const ask = await screen.findByRole('dialog', { name: 'Take over from Sam Okafor?' });
    expect(ask).toHaveTextContent('Sam Okafor holds REF-signoff now.');
    expect(fake.callsTo('referrals:assign')).toHaveLength(1);
    await user.click(within(ask).getByRole('button', { name: 'Take over from Sam Okafor' }));
    expect(fake.callsTo('referrals:assign')).toContainEqual({
      id: 'signoff',
      version: 1,
      userId: 'u-duty',
    });
  });

  it('a manager assigns to a colleague from the grid; moving it from its holder asks first', async () => {
    const manager = makeUser({ id: 'u-mgr', displayName: 'Jo Morgan', roles: ['manager'] });
    const fake = setup({
      'session:current': () => makeSession(manager),
      'users:list': () => [
        manager,
        makeUser(),
        makeUser({ id: 'u-other', displayName: 'Sam Okafor', osAccount: 'sokafor' }),
        makeUser({ id: 'u-chair', displayName: 'Chris Chair', roles: ['chair'] }),
        makeUser({ id: 'u-gone', displayName: 'Gone Worker', active: false }),
      ],
      'referrals:assign': ({ id }) => makeReferral(id),
    });
    const user = userEvent.setup();
    renderApp();
    await rowTexts();
    await user.click(within(rowFor('on-time')).getByRole('button', { name: 'Assign REF-on-time' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign REF-on-time' });
    const select = within(dialog).getByLabelText('Assign to');
    // Only active duty workers and managers can hold a referral.
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual([
      'Nobody (unassigned)',
      'Dana Wilson',
      'Jo Morgan (you)',
      'Sam Okafor',
    ]);
    await user.selectOptions(select, 'Sam Okafor');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
    const ask = await screen.findByRole('dialog', { name: 'Take over from Dana Wilson?' });
    expect(ask).toHaveTextContent('it moves to Sam Okafor');
    expect(fake.callsTo('referrals:assign')).toEqual([]);
    await user.click(within(ask).getByRole('button', { name: 'Move from Dana Wilson' }));
    expect(fake.callsTo('referrals:assign')).toEqual([
      { id: 'on-time', version: 1, userId: 'u-other' },
    ]);
  });

  it('shows the error in plain words when the queue cannot be read', async () => {
    const { FakeIpcError } = await import('../helpers/fake-api');
    setup({
      'referrals:queue': () => {
        throw new FakeIpcError({ code: 'FORBIDDEN', message: 'Your role does not allow this.' });
      },
    });
    renderApp();
    expect(await screen.findByText('The queue could not be loaded')).toBeVisible();
    expect(screen.getByText('Your role does not allow this.')).toBeVisible();
  });
});

describe('before the queue', () => {
  it('tells a user with no role what to do, and shows no case data', async () => {
    const fake = setup({
      'session:current': () =>
        makeSession(makeUser({ roles: [], displayName: 'New Starter', osAccount: 'nstarter' })),
    });
    renderApp();
    expect(
      await screen.findByRole('heading', { name: 'You do not have a role in Front Door yet' }),
    ).toBeVisible();
    expect(screen.getByText(/computer account nstarter/)).toBeVisible();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(fake.callsTo('referrals:queue')).toEqual([]);
  });

  it('shows the recovery screen with backups, restores the chosen one, then opens the app', async () => {
    let recovered = false;
    const damaged = {
      ...okStatus(),
      state: 'recovery-needed' as const,
      reason: 'The database file is damaged.',
      uncleanShutdown: true,
      backups: [
        {
          file: 'front-door-20261122-180000.db',
          createdAt: '2026-11-22T18:00:00Z',
          sizeBytes: 3_400_000,
          verified: true,
        },
        {
          file: 'front-door-20261123-180000.db',
          createdAt: '2026-11-23T18:00:00Z',
          sizeBytes: 3_500_000,
          verified: true,
        },
      ],
    };
    const fake = setup({
      'system:status': () => (recovered ? okStatus() : damaged),
      'system:recover': ({ file }) => {
        recovered = true;
        return {
          file: file ?? '',
          createdAt: '2026-11-23T18:00:00Z',
          sizeBytes: 3_500_000,
          verified: true,
        };
      },
    });
    const user = userEvent.setup();
    renderApp();
    expect(
      await screen.findByRole('heading', { name: 'Front Door needs to be restored from a backup' }),
    ).toBeVisible();
    expect(screen.getByText(/The database file is damaged\./)).toBeVisible();
    expect(screen.getByText('23/11/2026 18:00 (newest)')).toBeVisible();
    // Nothing about people is asked for while the store is damaged.
    expect(fake.callsTo('session:current')).toEqual([]);
    await user.click(
      screen.getByRole('button', { name: 'Restore the backup from 23/11/2026 18:00' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral queue' })).toBeVisible();
    expect(fake.callsTo('system:recover')).toEqual([{ file: 'front-door-20261123-180000.db' }]);
  });
});
