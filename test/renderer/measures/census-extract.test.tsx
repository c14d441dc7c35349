// The "CIN census extract" section of the Measures screen against a fake API (issue 14
// "Measures"): shown exactly when census:export may be called; the collection years from 2013-14
// to the current one; "Check" lists each failing row with what to put right; "Export CSV" says
// what was saved, or shows the rows that stopped it.
import '@testing-library/jest-dom/vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppUser } from '../../../shared/domain/records';
import type { CensusCheck } from '../../../shared/ipc/channels/census';
import { createQueryClient } from '../../../renderer/src/api/queries';
import { NowProvider } from '../../../renderer/src/components/now';
import { CensusExtract } from '../../../renderer/src/features/measures/CensusExtract';
import { createFakeApi, type FakeApi, type FakeHandlers } from '../../helpers/fake-api';
import { NOW, makeSession, makeUser } from '../fixtures';

const manager = makeUser({ id: 'u-man', displayName: 'Morgan Manager', roles: ['manager'] });

const failing: CensusCheck = {
  year: 2025,
  label: '2025-26',
  fields: ['LAchildID', 'Sex', 'CINreferralDate'],
  rows: 7,
  failures: [
    {
      referralId: 'r-2',
      reference: 'FD-2025-000002',
      childName: 'Ben Smith',
      personId: 'p-2',
      problems: ['The child\'s sex "X" is not a census code for 2025-26 (Sex)'],
    },
    {
      referralId: 'r-7',
      reference: 'FD-2025-000007',
      childName: 'Una Smith',
      personId: null,
      problems: [
        'The child is not linked to a child record, so there is no child id (LAchildID): link the child on the referral',
        "The child's sex is not recorded (Sex is required)",
      ],
    },
  ],
  source: 'CIN census 2024-25 specification',
  options: { earlyHelpIsNfa: true, booleans: 'true-false' },
};
const DEFAULTS = { earlyHelpIsNfa: true, booleans: 'true-false' };

function setup(user: AppUser, handlers: FakeHandlers = {}): FakeApi {
  const fake = createFakeApi({ 'session:current': () => makeSession(user), ...handlers });
  window.api = fake.api;
  render(
    <QueryClientProvider client={createQueryClient()}>
      <NowProvider now={() => NOW}>
        <MemoryRouter>
          <CensusExtract />
        </MemoryRouter>
      </NowProvider>
    </QueryClientProvider>,
  );
  return fake;
}

afterEach(() => {
  cleanup();
  delete window.api;
});

describe('CIN census extract', () => {
  it('is shown exactly to those who may export it', async () => {
    /** Absent once the session has answered and React has rendered with it. */
    const expectHidden = async (fake: FakeApi) => {
      await waitFor(() => {
        expect(fake.callsTo('session:current')).toHaveLength(1);
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(screen.queryByRole('heading', { name: 'CIN census extract' })).toBeNull();
      cleanup();
    };
    await expectHidden(setup(makeUser({ roles: ['duty-worker'] })));
    await expectHidden(setup(makeUser({ roles: ['chair'] })));
    // A leaver keeps their roles on record but can no longer act.
    await expectHidden(setup({ ...manager, active: false }));
    setup(manager);
    expect(await screen.findByRole('heading', { name: 'CIN census extract' })).toBeVisible();
    cleanup();
    setup(makeUser({ roles: ['admin'] }));
    expect(await screen.findByRole('heading', { name: 'CIN census extract' })).toBeVisible();
  });

  it('offers 2013-14 to the current collection year, newest first', async () => {
    setup(manager);
    const select = await screen.findByLabelText('Collection year');
    const options = within(select).getAllByRole('option');
    // Today is 24/11/2026: the current year is 2026-27.
    expect(options[0]).toHaveTextContent('2026-27 (01/04/2026 to 31/03/2027)');
    expect(options.at(-1)).toHaveTextContent('2013-14 (01/04/2013 to 31/03/2014)');
    expect(options).toHaveLength(14);
    expect(select).toHaveValue('2026');
  });

  it('checks the chosen year and lists each failing row with what to put right', async () => {
    const fake = setup(manager, { 'census:check': () => failing });
    await userEvent.selectOptions(await screen.findByLabelText('Collection year'), '2025');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(fake.callsTo('census:check')).toEqual([{ year: 2025, ...DEFAULTS }]);
    expect(await screen.findByText(/2 of 7 rows for 2025-26 need putting right/)).toBeVisible();
    const grid = screen.getByRole('grid', { name: 'Rows that fail the 2025-26 checks' });
    const ben = within(grid).getByRole('row', { name: /FD-2025-000002/ });
    expect(within(ben).getByRole('link', { name: 'FD-2025-000002' })).toHaveAttribute(
      'href',
      '/referrals/r-2',
    );
    expect(within(ben).getByText('Ben Smith')).toBeVisible();
    expect(within(ben).getByText(/"X" is not a census code/)).toBeVisible();
    const una = within(grid).getByRole('row', { name: /FD-2025-000007/ });
    expect(within(una).getByText('Not linked')).toBeVisible();
    expect(within(una).getAllByRole('listitem')).toHaveLength(2);
    expect(fake.callsTo('census:export')).toHaveLength(0);
  });

  it('says when every row passes', async () => {
    setup(manager, {
      'census:check': () => ({ ...failing, year: 2026, label: '2026-27', rows: 6, failures: [] }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Check' }));
    expect(await screen.findByText(/2026-27: 6 rows, all pass the year's checks/)).toBeVisible();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('shows the rows that stopped an export, and that nothing was written', async () => {
    setup(manager, { 'census:export': () => ({ kind: 'refused', check: failing }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText(/Not exported: nothing was written/)).toBeVisible();
    expect(screen.getByRole('grid')).toBeVisible();
    expect(screen.queryByText(/^Exported/)).toBeNull();
  });

  it('says what was saved', async () => {
    const fake = setup(manager, {
      'census:export': () => ({
        kind: 'exported',
        rows: 6,
        fileName: 'CIN census referrals 2026-27.csv',
        outcome: { kind: 'saved', location: '/home/mo/CIN census referrals 2026-27.csv' },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText(
        'Exported 6 rows. Saved to /home/mo/CIN census referrals 2026-27.csv',
      ),
    ).toBeVisible();
    expect(fake.callsTo('census:export')).toEqual([{ year: 2026, ...DEFAULTS }]);
  });

  it('offers the two local readings with their defaults, and sends the ones chosen', async () => {
    const fake = setup(manager, { 'census:check': () => failing });
    const earlyHelp = await screen.findByRole('checkbox', {
      name: 'Count a step down to early help as no further action (ReferralNFA)',
    });
    expect(earlyHelp).toBeChecked();
    expect(earlyHelp).toHaveAccessibleDescription(
      /Local reading.*CIN census guide.*Default: counted/,
    );
    const booleans = screen.getByLabelText('Yes/no items written as');
    expect(booleans).toHaveValue('true-false');
    await userEvent.click(earlyHelp);
    await userEvent.selectOptions(booleans, '1-0');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(fake.callsTo('census:check')).toEqual([
      { year: 2026, earlyHelpIsNfa: false, booleans: '1-0' },
    ]);
    expect(screen.getByTestId('census-readings-source')).toHaveTextContent(
      'Changed here; the export keeps them for the next extract.',
    );
  });

  it('starts from the readings of the last export, saying whose and when', async () => {
    const fake = setup(manager, {
      'census:last-options': () => ({
        options: { earlyHelpIsNfa: false, booleans: '1-0' },
        exportedAt: '2026-11-20T14:02:00.000Z',
        exportedBy: 'Morgan Manager',
      }),
      'census:check': () => failing,
    });
    expect(await screen.findByTestId('census-readings-source')).toHaveTextContent(
      'As at the last export (Morgan Manager, 20/11/2026 14:02); change them for this extract if needed.',
    );
    expect(
      screen.getByRole('checkbox', {
        name: 'Count a step down to early help as no further action (ReferralNFA)',
      }),
    ).not.toBeChecked();
    expect(screen.getByLabelText('Yes/no items written as')).toHaveValue('1-0');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(fake.callsTo('census:check')).toEqual([
      { year: 2026, earlyHelpIsNfa: false, booleans: '1-0' },
    ]);
  });

  it('before any export: the defaults, and says an export keeps its choices', async () => {
    setup(manager, {
      'census:last-options': () => ({
        options: { earlyHelpIsNfa: true, booleans: 'true-false' },
        exportedAt: null,
        exportedBy: null,
      }),
    });
    expect(await screen.findByTestId('census-readings-source')).toHaveTextContent(
      'No export yet: the defaults. An export keeps its choices.',
    );
    expect(screen.getByLabelText('Yes/no items written as')).toHaveValue('true-false');
  });
});
