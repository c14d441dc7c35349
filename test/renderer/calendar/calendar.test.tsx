// "Closure days and bank holidays" (issue 14) over a fake window.api: the whole app at
// #/admin/calendar. Closure days are added (refused, with the reason, for a weekend, a bank
// holiday or a repeat) and removed after confirming, with undo; the GOV.UK file is imported (or
// refused with the reason); later years are marked provisional; administrators are warned three
// months before the known bank holidays run out; a hostile title is shown as text.
import '@testing-library/jest-dom/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { fieldId } from '../../../renderer/src/components/ErrorSummary';
import { bankHolidaysFor, type ImportedBankHolidays } from '../../../shared/calendar';
import type { AppUser, SettingsRecord } from '../../../shared/domain/records';
import type { BankHolidayStatus } from '../../../shared/ipc/channels/calendar';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, makeUser, okStatus } from '../fixtures';

const GOOD = readFileSync(join(__dirname, '../../fixtures/bank-holidays.json'), 'utf8');

const ADMIN = makeUser({ id: 'u-admin', displayName: 'Alex Admin', roles: ['admin'] });

function status(over: Partial<BankHolidayStatus> = {}): BankHolidayStatus {
  return {
    imported: null,
    shipped: { from: 2010, to: 2027 },
    today: '2026-11-24',
    knownTo: 2027,
    warn: false,
    ...over,
  };
}

/** The imported table 2023–2027, as the main process hands it over in the settings. */
function importedTable(titleFor?: (date: string, title: string) => string): ImportedBankHolidays {
  const dates = [2023, 2024, 2025, 2026, 2027].flatMap((y) =>
    bankHolidaysFor(y, null).map((h) => ({
      date: h.date,
      title: titleFor ? titleFor(h.date, h.name) : h.name,
    })),
  );
  return { id: 'import-1', covers: { from: 2023, to: 2027 }, dates };
}

function setup(
  handlers: FakeHandlers = {},
  options: { user?: AppUser; settings?: SettingsRecord; now?: Date; hash?: string } = {},
): { fake: FakeApi; settings: () => SettingsRecord } {
  let settings: SettingsRecord = options.settings ?? {
    ...makeSettings(),
    closures: ['2026-12-24', '2026-12-29', '2026-01-02'],
  };
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => ({ ...makeSession(options.user ?? ADMIN), settings }),
    'settings:get': () => settings,
    'settings:update': (input) => {
      settings = {
        ...settings,
        version: settings.version + 1,
        closures: input.closures ?? settings.closures,
      };
      return settings;
    },
    'bank-holidays:status': () => status(),
    ...handlers,
  });
  window.api = fake.api;
  window.location.hash = options.hash ?? '#/admin/calendar';
  const now = options.now ?? NOW;
  render(<App now={() => now} />);
  return { fake, settings: () => settings };
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});

const dateBox = () => {
  const el = document.getElementById(fieldId('closureDate'));
  if (!el) throw new Error('no closure date box');
  return el;
};

async function add(text: string): Promise<void> {
  fireEvent.change(dateBox(), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add closure day' }));
  await Promise.resolve();
}

describe('closure days', () => {
  it('lists them with the weekday, coming up first, then past', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Closure days' });
    const rows = within(table).getAllByTestId('closure-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'Thu 24/12/2026Coming upRemove',
      'Tue 29/12/2026Coming upRemove',
      'Fri 02/01/2026PastRemove',
    ]);
  });

  it('refuses a weekend, a bank holiday and a repeat, saying why beside the field', async () => {
    const { fake } = setup();
    await screen.findByRole('table', { name: 'Closure days' });
    await add('');
    expect(dateBox()).toHaveAccessibleDescription(/Enter the date of the closure day/);
    await add('26/12/2026');
    expect(dateBox()).toHaveAccessibleDescription(
      /Saturday 26 December 2026 is a Saturday, which is never a working day/,
    );
    await add('28/12/2026');
    expect(dateBox()).toHaveAccessibleDescription(
      /Monday 28 December 2026 is a bank holiday \(Boxing Day \(substitute day\)\), so it is already not a working day/,
    );
    await add('24/12/2026');
    expect(dateBox()).toHaveAccessibleDescription(
      /Thursday 24 December 2026 is already a closure day/,
    );
    await add('30/02/2027');
    expect(dateBox()).toHaveAccessibleDescription(/February 2027 has no day 30/);
    // A bank holiday in a provisional year says so.
    await add('25/12/2028');
    expect(dateBox()).toHaveAccessibleDescription(/\(provisional: worked out by rule\)/);
    expect(fake.callsTo('settings:update')).toEqual([]);
  });

  it('adds a weekday, sorted into the list', async () => {
    const { fake } = setup();
    await screen.findByRole('table', { name: 'Closure days' });
    await add('30/12/26');
    await screen.findByText(
      'Wednesday 30 December 2026 added as a closure day. Clocks that count over it move on a working day.',
    );
    expect(fake.callsTo('settings:update')).toEqual([
      { version: 1, closures: ['2026-01-02', '2026-12-24', '2026-12-29', '2026-12-30'] },
    ]);
    expect(dateBox()).toHaveValue('');
  });

  it('removes one only after confirming, and undoes the removal', async () => {
    const { fake } = setup();
    await screen.findByRole('table', { name: 'Closure days' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Tue 29/12/2026' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Remove Tuesday 29 December 2026 as a closure day?',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(fake.callsTo('settings:update')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Tue 29/12/2026' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Remove closure day',
      }),
    );
    const notice = await screen.findByTestId('closure-notice');
    expect(notice).toHaveTextContent(
      'Tuesday 29 December 2026 is no longer a closure day: it counts as a working day again.',
    );
    expect(fake.callsTo('settings:update')).toEqual([
      { version: 1, closures: ['2026-12-24', '2026-01-02'] },
    ]);
    fireEvent.click(within(notice).getByRole('button', { name: 'Undo' }));
    await screen.findByText('Tuesday 29 December 2026 is a closure day again.');
    expect(fake.callsTo('settings:update')[1]).toEqual({
      version: 2,
      closures: ['2026-01-02', '2026-12-24', '2026-12-29'],
    });
  });
});

describe('bank holidays', () => {
  it('shows where they come from, the last year known, and later years as provisional', async () => {
    setup();
    const state = await screen.findByTestId('bank-holiday-status');
    expect(state).toHaveTextContent('Bank holidays are known to 31/12/2027.');
    expect(state).toHaveTextContent(
      'No GOV.UK file has been imported yet. Front Door uses its own table of bank holidays for 2010 to 2027.',
    );
    expect(
      within(screen.getByTestId('holidays-2026')).getByText('From Front Door’s own table'),
    ).toBeVisible();
    const later = screen.getByTestId('holidays-2028');
    expect(within(later).getByText('Provisional: worked out by rule')).toBeVisible();
    expect(within(later).getByText('Christmas Day (provisional)')).toBeVisible();
  });

  it('imports the chosen GOV.UK file and says what it covers and changed', async () => {
    const { fake } = setup({
      'bank-holidays:import': () => ({
        status: status({
          imported: {
            covers: { from: 2023, to: 2027 },
            events: 41,
            fileName: 'bank-holidays.json',
            importedAt: '2026-11-24T10:00:00.000Z',
            importedBy: { id: 'u-admin', displayName: 'Alex Admin' },
          },
        }),
        added: [{ date: '2026-12-04', title: 'State occasion' }],
        removed: [],
        decisionDatesChanged: 2,
      }),
    });
    await screen.findByTestId('bank-holiday-status');
    fireEvent.change(screen.getByTestId('bank-holiday-file'), {
      target: { files: [new File([GOOD], 'bank-holidays.json', { type: 'application/json' })] },
    });
    const done = await screen.findByTestId('bank-holiday-imported');
    expect(done).toHaveTextContent('Imported: England and Wales bank holidays 2023 to 2027');
    expect(done).toHaveTextContent('Now bank holidays: Fri 04/12/2026 (State occasion).');
    expect(done).toHaveTextContent('Decision due dates moved on 2 open referrals');
    expect(fake.callsTo('bank-holidays:import')).toEqual([
      { text: GOOD, fileName: 'bank-holidays.json' },
    ]);
    expect(screen.getByTestId('bank-holiday-status')).toHaveTextContent(
      'Imported from GOV.UK (bank-holidays.json) on 24/11/2026 10:00 by Alex Admin: England and Wales 2023 to 2027, 41 bank holidays.',
    );
  });

  it('shows the reason a file was refused beside the button and in the summary', async () => {
    const reason =
      'The file is not complete JSON: it may have been cut short while downloading, or it is not the GOV.UK bank holidays file.';
    setup({
      'bank-holidays:import': () => {
        throw new FakeIpcError({
          code: 'VALIDATION',
          message: reason,
          fieldErrors: { text: reason },
        });
      },
    });
    await screen.findByTestId('bank-holiday-status');
    fireEvent.change(screen.getByTestId('bank-holiday-file'), {
      target: { files: [new File(['{"england-and-wa'], 'cut.json', { type: 'application/json' })] },
    });
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent(
      `cut.json was not imported, and nothing was changed. ${reason}`,
    );
    expect(
      screen.getByRole('button', { name: 'Choose the GOV.UK file…' }),
    ).toHaveAccessibleDescription(`cut.json was not imported, and nothing was changed. ${reason}`);
  });

  it('refuses a file over 1 MB without sending it', async () => {
    const { fake } = setup();
    await screen.findByTestId('bank-holiday-status');
    fireEvent.change(screen.getByTestId('bank-holiday-file'), {
      target: {
        files: [new File(['x'.repeat(1_200_000)], 'huge.json', { type: 'application/json' })],
      },
    });
    expect(await screen.findByRole('alert', { name: 'There is a problem' })).toHaveTextContent(
      'huge.json is 1.2 MB. The GOV.UK bank holidays file is about 20 KB',
    );
    expect(fake.callsTo('bank-holidays:import')).toEqual([]);
  });

  it('shows an imported title that looks like markup as text, never as HTML', async () => {
    const settings: SettingsRecord = {
      ...makeSettings(),
      bankHolidays: importedTable((date, title) =>
        date === '2026-08-31' ? '<script>window.pwned = 1</script><b>Summer</b>' : title,
      ),
    };
    setup({}, { settings });
    const year = await screen.findByTestId('holidays-2026');
    expect(within(year).getByText('<script>window.pwned = 1</script><b>Summer</b>')).toBeVisible();
    expect(within(year).getByText('From the GOV.UK file')).toBeVisible();
    expect(document.querySelector('script')).toBeNull();
    expect(year.querySelector('b')).toBeNull();
  });
});

describe('the warning before the bank holidays run out', () => {
  it('warns administrators from 1 October of the last known year, on every screen', async () => {
    setup({}, { now: new Date('2027-10-01T09:00:00Z') });
    const banner = await screen.findByTestId('bank-holiday-banner');
    expect(banner).toHaveTextContent(
      'Bank holidays are known only to 31/12/2027. Import the GOV.UK file before then.',
    );
    expect(
      within(banner).getByRole('link', { name: 'Go to closure days and bank holidays' }),
    ).toHaveAttribute('href', '#/admin/calendar');
  });

  it('does not warn before October, nor anyone who cannot import', async () => {
    setup({}, { now: new Date('2027-09-30T22:30:00Z') });
    await screen.findByTestId('bank-holiday-status');
    // 23:30 in London on 30 September (BST): not yet October.
    expect(screen.queryByTestId('bank-holiday-banner')).toBeNull();
    cleanup();
    setup({}, { user: makeUser(), now: new Date('2027-10-02T09:00:00Z'), hash: '#/rules' });
    await screen.findByRole('heading', { level: 1, name: 'Rules and clocks' });
    expect(screen.queryByTestId('bank-holiday-banner')).toBeNull();
  });
});
