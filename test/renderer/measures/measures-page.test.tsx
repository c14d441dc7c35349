// The "Measures" screen against a fake API (issue 14 "Measures"): in the navigation for managers
// and administrators only; the last complete month by default; every figure with its numbers
// ("8 of 12, 66.7%"); the table view of the same numbers; a count opening its referrals a page
// at a time, each linked to the referral; a quick pick; an empty period said in words.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { DrillPage, Measures } from '../../../shared/measures/types';
import { App } from '../../../renderer/src/app/App';
import { createFakeApi, type FakeApi, type FakeHandlers } from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, makeUser, okStatus } from '../fixtures';
import { fakeAppEvents } from '../letters/work-queue-fixture';

const manager = makeUser({ id: 'u-man', displayName: 'Morgan Manager', roles: ['manager'] });
const worker = makeUser({ id: 'u-dee', displayName: 'Dee Worker', roles: ['duty-worker'] });

const rate = (count: number, of: number) => ({
  count,
  of,
  percent: of === 0 ? null : Math.round((count / of) * 1000) / 10,
});

function measures(from: string, to: string, over: Partial<Measures> = {}): Measures {
  return {
    from,
    to,
    empty: false,
    volume: { contacts: 13, referrals: 12, openCase: 1, undecided: 1 },
    decisions: {
      onTime: rate(8, 12),
      late: 4,
      undecided: 1,
      rule: 'The day something happens is day 0.',
    },
    reReferrals: rate(1, 12),
    outcomes: {
      decided: 12,
      rows: [
        { response: 'nfa', label: 'No further action', count: 3, percent: 25 },
        {
          response: 's17-assessment',
          label: 'Section 17 assessment (child in need)',
          count: 9,
          percent: 75,
        },
      ],
    },
    strategy: { called: rate(3, 12), held: rate(2, 3) },
    attendance: {
      held: 2,
      recorded: 2,
      police: rate(1, 2),
      health: rate(2, 2),
      manager: null,
      allPresent: rate(1, 2),
    },
    icpc: {
      inTime: rate(1, 2),
      late: 1,
      noAnchor: 0,
      anchor: '15 working days from the last strategy discussion',
    },
    told: { rate: rate(3, 11), medianWorkingDays: 2 },
    bySource: [
      { code: '2A', label: 'Schools', contacts: 11, decided: 10, onTime: 6 },
      { code: '6', label: 'Police', contacts: 2, decided: 2, onTime: 2 },
    ],
    byMember: [{ userId: 'u-dee', name: 'Dee Worker', decided: 12, onTime: 8, assigned: 5 }],
    ...over,
  };
}

function drillPage(input: ChannelInput<'measures:drill'>): DrillPage {
  const all = Array.from({ length: 30 }, (_, i) => ({
    id: `r-${String(i + 1)}`,
    reference: `FD-2026-${String(i + 1).padStart(6, '0')}`,
    receivedAt: '2026-10-05T10:00:00.000Z',
    referrer: 'Oak Primary School',
    sourceCode: '2A',
    outcome: 'No further action',
    decidedAt: '2026-10-07T10:00:00.000Z',
    decisionDue: '2026-10-06',
    decidedBy: 'Dee Worker',
    assignedTo: null,
  }));
  const start = input.page * input.pageSize;
  return {
    total: all.length,
    rows: all.slice(start, start + input.pageSize),
    title: 'Decided after the decision clock ran out',
  };
}

function setup(user = manager, overrides: FakeHandlers = {}): FakeApi {
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(user),
    'settings:get': () => makeSettings(),
    'measures:get': (input) => measures(input.from, input.to),
    'measures:drill': (input) => drillPage(input),
    ...overrides,
  });
  window.api = fake.api;
  return fake;
}
function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App now={() => NOW} />);
}

beforeEach(() => {
  window.appEvents = fakeAppEvents();
});
afterEach(() => {
  cleanup();
  delete window.api;
  delete window.appEvents;
  window.location.hash = '';
});

describe('measures screen', () => {
  it('is in the navigation for managers and administrators only', async () => {
    setup(worker);
    renderAt('#/');
    await screen.findByRole('navigation');
    expect(screen.queryByRole('link', { name: 'Measures' })).toBeNull();
    cleanup();
    setup(manager);
    renderAt('#/');
    expect(await screen.findByRole('link', { name: 'Measures' })).toBeVisible();
  });

  it('shows last month by default, and the same numbers as tables', async () => {
    const fake = setup();
    renderAt('#/measures');
    expect(await screen.findByRole('heading', { level: 1, name: 'Measures' })).toBeVisible();
    // Today is 24/11/2026: the last complete month is October.
    expect(fake.callsTo('measures:get')[0]).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(await screen.findByText('Referrals received 01/10/2026 to 31/10/2026')).toBeVisible();
    expect(screen.getByLabelText('From')).toHaveValue('01/10/2026');
    expect(screen.getByRole('button', { name: 'Last month' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const decided = screen.getByRole('region', { name: 'Decided within one working day' });
    expect(within(decided).getByText('66.7%')).toBeVisible();
    expect(within(decided).getByText('8 of 12 decided in time')).toBeVisible();
    expect(screen.getByText('3 of 11 referrers told')).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Tables' }));
    const outcomes = screen.getByRole('table', { name: 'Type of response decided' });
    const nfa = within(outcomes).getByRole('row', { name: /No further action/ });
    expect(within(nfa).getByRole('rowheader')).toHaveTextContent('No further action');
    expect(
      within(nfa)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '25%']);
    const attendance = screen.getByRole('table', {
      name: 'Who was present at strategy discussions',
    });
    expect(within(attendance).getByRole('row', { name: /Police/ })).toHaveTextContent(
      '1 of 2, 50%',
    );
    expect(within(attendance).queryByRole('row', { name: /A manager/ })).toBeNull();
    const members = screen.getByRole('table', { name: 'Decisions by team member' });
    expect(within(members).getByRole('row', { name: /Dee Worker/ })).toHaveTextContent(
      'Dee Worker128 of 12, 66.7%5',
    );
  });

  it('opens the referrals behind a figure, a page at a time, each linked', async () => {
    const fake = setup();
    renderAt('#/measures');
    await userEvent.click(await screen.findByRole('button', { name: 'See the 4 late' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Decided after the decision clock ran out',
    });
    expect(await within(dialog).findByText('Showing 1–25 of 30')).toBeVisible();
    expect(fake.callsTo('measures:drill')[0]).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      drill: 'decided-late',
      page: 0,
      pageSize: 25,
    });
    expect(within(dialog).getByRole('link', { name: 'FD-2026-000001' })).toHaveAttribute(
      'href',
      '#/referrals/r-1',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: /next page/i }));
    expect(await within(dialog).findByText('Showing 26–30 of 30')).toBeVisible();
    expect(fake.callsTo('measures:drill').at(-1)).toMatchObject({ page: 1, pageSize: 25 });
  });

  it('a keyed row of a table opens its own list', async () => {
    const fake = setup();
    renderAt('#/measures');
    await userEvent.click(await screen.findByRole('button', { name: 'Tables' }));
    const sources = screen.getByRole('table', { name: 'Contacts by referral source' });
    await userEvent.click(within(sources).getByRole('button', { name: /^2: see the referrals/ }));
    await screen.findByRole('dialog');
    expect(fake.callsTo('measures:drill').at(-1)).toMatchObject({ drill: 'source', key: '6' });
  });

  it('quick picks change the period; a wrong date is said beside the field', async () => {
    const fake = setup();
    renderAt('#/measures');
    await screen.findByText('Referrals received 01/10/2026 to 31/10/2026');
    await userEvent.click(screen.getByRole('button', { name: 'This quarter' }));
    expect(await screen.findByText('Referrals received 01/10/2026 to 24/11/2026')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Last 12 months' }));
    expect(fake.callsTo('measures:get').at(-1)).toEqual({ from: '2025-11-25', to: '2026-11-24' });
    const to = screen.getByLabelText('To');
    await userEvent.clear(to);
    await userEvent.type(to, '01/01/2025');
    await userEvent.tab();
    expect(
      await screen.findByText('The end date must be on or after the start date'),
    ).toBeVisible();
    // The figures are not asked for a period that cannot be.
    expect(fake.callsTo('measures:get')).toHaveLength(3);
    await userEvent.clear(to);
    await userEvent.type(to, '31/2/2026{Enter}');
    expect(await screen.findByText('February 2026 has no day 31')).toBeVisible();
  });

  it('says an empty period is empty', async () => {
    setup(manager, {
      'measures:get': (input) => measures(input.from, input.to, { empty: true }),
    });
    renderAt('#/measures');
    expect(
      await screen.findByText(
        /Nothing was received in this period \(01\/10\/2026 to 31\/10\/2026\)/,
      ),
    ).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Decided within one working day' })).toBeNull();
  });
});
