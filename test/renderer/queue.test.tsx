import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/app/App';
import { createFakeApi, type FakeApi, type FakeHandlers } from '../helpers/fake-api';
import {
  NOW,
  filterQueue,
  makeReferral,
  makeSession,
  makeSettings,
  makeUser,
  okStatus,
} from './fixtures';

function setup(overrides: FakeHandlers = {}): FakeApi {
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(),
    'settings:get': () => makeSettings(),
    'referrals:list': ({ filter }) => filterQueue(filter),
    'referrals:get': ({ id }) => makeReferral(id),
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

function renderApp() {
  return render(<App now={() => NOW} />);
}

/** The queue rows, top to bottom, as their visible text. */
async function rowTexts(): Promise<string[]> {
  const rows = await screen.findAllByTestId('queue-row');
  return rows.map((r) => r.textContent);
}

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
    expect(within(nav).getByRole('link', { name: 'Rules and clocks' })).toBeVisible();
    expect(screen.getByRole('main')).toBeVisible();
  });

  it('lists referrals most urgent first, each with a working-day clock counted from today', async () => {
    setup();
    renderApp();
    const rows = await rowTexts();
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('Overdue by 2 working days');
    expect(rows[0]).toContain('Ellis FenwickBorn 14/03/2016 (age 10)');
    expect(rows[0]).toContain('Ruby FenwickBorn 30/09/2018 (age 8)');
    expect(rows[0]).toContain('Harbour Police Station');
    expect(rows[0]).toContain('19/11/2026 14:05');
    expect(rows[0]).toContain('May need immediate protection');
    expect(rows[0]).toContain('Unassigned');
    expect(rows[1]).toContain('Due today');
    expect(rows[2]).toContain('On time: 1 working day left');
    expect(rows[2]).toContain('Due Wed 25/11/2026');
    expect(rows[2]).toContain('Dana Wilson');
    expect(rows[3]).toContain('Done 23/11/2026');
    expect(screen.getByText('4 referrals')).toBeVisible();
  });

  it('shows times in London: a summer receipt reads in BST', async () => {
    setup({
      'referrals:list': () => [
        {
          ...first(filterQueue('all')),
          receivedAt: '2026-07-01T08:30:00Z',
          decisionDue: '2026-11-25',
        },
      ],
    });
    renderApp();
    const [row] = await rowTexts();
    expect(row).toContain('01/07/2026 09:30');
  });

  it('says on the row when a manager returned the decision, and what they asked for', async () => {
    const [overdue, today] = [first(filterQueue('overdue')), first(filterQueue('due-today'))];
    setup({
      'referrals:list': () => [
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
    });
    renderApp();
    const rows = await screen.findAllByTestId('queue-row');
    expect(within(first(rows)).getByTestId('queue-returned')).toHaveTextContent(
      'Returned by Jo Morgan: Add the police reference and say who will see Ellis.',
    );
    expect(within(rows[1] as HTMLElement).queryByTestId('queue-returned')).toBeNull();
  });

  it('changes filter: asks the store for that list and shows only it', async () => {
    const fake = setup();
    const user = userEvent.setup();
    renderApp();
    await rowTexts();
    await user.click(screen.getByRole('button', { name: 'Overdue' }));
    expect(await screen.findByRole('heading', { name: 'Decisions overdue' })).toBeVisible();
    expect(await rowTexts()).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Overdue' })).toHaveAttribute('aria-pressed', 'true');
    expect(fake.callsTo('referrals:list')).toContainEqual({ filter: 'overdue' });

    await user.click(screen.getByRole('button', { name: 'Awaiting sign-off' }));
    expect(
      await screen.findByRole('heading', { name: 'Decisions awaiting manager sign-off' }),
    ).toBeVisible();
    const rows = await rowTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Isla Grant');
  });

  it('says so plainly when a filter has nothing in it', async () => {
    setup({ 'referrals:list': () => [] });
    renderApp();
    expect(
      await screen.findByText('There are no referrals waiting. New referrals will appear here.'),
    ).toBeVisible();
  });

  it('opens a referral from the keyboard: Tab to a row, Enter', async () => {
    const fake = setup();
    const user = userEvent.setup();
    renderApp();
    const rows = await screen.findAllByTestId('queue-row');
    first(rows).focus();
    await user.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ellis Fenwick, Ruby Fenwick' }),
    ).toBeVisible();
    expect(fake.callsTo('referrals:get')).toEqual([{ id: 'overdue' }]);
    expect(screen.getByText(/Neighbours heard shouting/)).toBeVisible();
    expect(screen.getByText('Re-referral: referred within the last 12 months')).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'Back to the queue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Referral queue' })).toBeVisible();
  });

  it('shows the error in plain words when the queue cannot be read', async () => {
    const { FakeIpcError } = await import('../helpers/fake-api');
    setup({
      'referrals:list': () => {
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
    expect(fake.callsTo('referrals:list')).toEqual([]);
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
