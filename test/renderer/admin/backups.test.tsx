// The Backups page (issue 14) with the fake API: the folder, the list in London time with sizes in
// MB and each backup's check in words, "Back up now" with its result, "Check this backup", the
// warning banner for administrators only, and restore through its deliberate confirmation.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupListItem, BackupStatus } from '../../../shared/domain/backups';
import type { AppUser } from '../../../shared/domain/records';
import { App } from '../../../renderer/src/app/App';
import { createQueryClient } from '../../../renderer/src/api/queries';
import { BackupStatusLine } from '../../../renderer/src/features/backups';
import { reloadFrontDoor } from '../../../renderer/src/features/backups/backups-model';
import { createFakeApi, FakeIpcError, type FakeHandlers } from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, makeUser, okStatus } from '../fixtures';

vi.mock('../../../renderer/src/features/backups/backups-model', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  reloadFrontDoor: vi.fn(),
}));

const ada = makeUser({ id: 'u-admin', displayName: 'Ada Admin', roles: ['admin'] });
const FOLDER = '/home/ada/.local/share/front-door/backups';

// 09:30 UTC on 1 July is 10:30 in London (BST); 23/11 is GMT.
const SUMMER: BackupListItem = {
  file: 'front-door-20260701-093000.db',
  createdAt: '2026-07-01T09:30:00.000Z',
  sizeBytes: 12_845_056, // 12.25 MB
  verified: true,
  verifiedAt: '2026-07-01T09:30:00.000Z',
  problem: null,
};
const NOVEMBER: BackupListItem = {
  file: 'front-door-20261123-100500.db',
  createdAt: '2026-11-23T10:05:00.000Z',
  sizeBytes: 13_631_488, // 13 MB
  verified: false,
  verifiedAt: null,
  problem: 'integrity check: database disk image is malformed',
};

function status(over: Partial<BackupStatus> = {}): BackupStatus {
  return {
    folder: FOLDER,
    keep: 14,
    safetyCopiesKept: 3,
    lastBackup: NOVEMBER,
    lastVerified: SUMMER,
    warning:
      'The last checked backup was made on 01/07/2026 at 10:30, more than a day ago. Make one now on the Backups page.',
    ...over,
  };
}

function setup(overrides: FakeHandlers = {}, me: AppUser = ada) {
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(me),
    'settings:get': () => makeSettings(),
    'session:lock-setting': () => ({ minutes: 10, version: 0, updatedAt: null, updatedBy: null }),
    'backups:status': () => status(),
    'backups:list': () => [NOVEMBER, SUMMER],
    ...overrides,
  });
  window.api = fake.api;
  return fake;
}

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App now={() => NOW} />);
}

afterEach(() => {
  cleanup();
  delete window.api;
  window.location.hash = '';
  vi.mocked(reloadFrontDoor).mockClear();
});

const rowOf = (file: string): HTMLElement => {
  const row = document.querySelector(`[data-id="${file}"]`);
  if (!(row instanceof HTMLElement)) throw new Error(`no row ${file}`);
  return row;
};

describe('Backups page', () => {
  it('says where backups are kept and lists them in London time, in MB, checked or not', async () => {
    setup();
    renderAt('#/admin/backups');
    expect(await screen.findByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
    expect(await screen.findByTestId('backup-folder')).toHaveTextContent(FOLDER);
    expect(screen.getByText(/The newest 14 are kept/)).toBeVisible();
    expect(screen.getByTestId('backup-status-line')).toHaveTextContent(
      'Last checked backup: 01/07/2026 at 10:30 (more than a day ago)',
    );
    await waitFor(() => {
      expect(rowOf(SUMMER.file)).toHaveTextContent('01/07/2026 at 10:30');
    });
    expect(rowOf(SUMMER.file)).toHaveTextContent('12.3 MB');
    expect(rowOf(SUMMER.file)).toHaveTextContent('Yes, 01/07/2026 at 10:30');
    expect(rowOf(NOVEMBER.file)).toHaveTextContent('23/11/2026 at 10:05');
    expect(rowOf(NOVEMBER.file)).toHaveTextContent('13.0 MB');
    expect(rowOf(NOVEMBER.file)).toHaveTextContent(
      'No: damaged (integrity check: database disk image is malformed)',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Backups' })).toBeVisible();
    // The administrators' banner, on this page without the link to itself.
    const banner = screen.getByTestId('backup-warning');
    expect(banner).toHaveTextContent('more than a day ago');
    expect(within(banner).queryByRole('link', { name: 'Go to Backups' })).toBeNull();
  });

  it('warns administrators on other screens too, and says so when there is no backup at all', async () => {
    setup({
      'backups:status': () =>
        status({
          lastBackup: null,
          lastVerified: null,
          warning: 'There is no checked backup of the records. Make one now on the Backups page.',
        }),
      'users:list': () => [ada],
    });
    renderAt('#/admin/users');
    const banner = await screen.findByTestId('backup-warning');
    expect(banner).toHaveTextContent('There is no checked backup of the records.');
    expect(within(banner).getByRole('link', { name: 'Go to Backups' })).toHaveAttribute(
      'href',
      '#/admin/backups',
    );
  });

  it('shows no banner when the newest checked backup is from the last day', async () => {
    setup({ 'backups:status': () => status({ warning: null }), 'users:list': () => [ada] });
    renderAt('#/admin/users');
    await screen.findByRole('heading', { level: 1, name: 'Users and roles' });
    await waitFor(() => {
      expect(screen.queryByText('Looking for backups…')).toBeNull();
    });
    expect(screen.queryByTestId('backup-warning')).toBeNull();
  });

  it('neither the page nor the banner is offered to someone who is not an administrator', async () => {
    const dana = makeUser();
    const fake = setup({}, dana);
    renderAt('#/rules');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Backups' })).toBeNull();
    expect(screen.queryByTestId('backup-warning')).toBeNull();
    expect(fake.callsTo('backups:status')).toEqual([]);
  });

  it('"Back up now" makes a backup with a task id and says it is made and complete', async () => {
    const made: BackupListItem = {
      ...SUMMER,
      file: 'front-door-20261124-100000.db',
      createdAt: '2026-11-24T10:00:00.000Z',
      verifiedAt: '2026-11-24T10:00:00.000Z',
    };
    const fake = setup({ 'backups:create': () => made });
    renderAt('#/admin/backups');
    await screen.findByTestId('backup-folder');
    await userEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(
      await screen.findByText(
        'Backup made on 24/11/2026 at 10:00 (12.3 MB) and checked: it is complete.',
      ),
    ).toBeVisible();
    const [input] = fake.callsTo('backups:create') as { taskId: string }[];
    expect(input?.taskId).toMatch(/^backup-/);
  });

  it('"Check this backup" checks it and says the result', async () => {
    const fake = setup({ 'backups:check': () => SUMMER });
    renderAt('#/admin/backups');
    await waitFor(() => {
      rowOf(SUMMER.file);
    });
    await userEvent.click(
      within(rowOf(SUMMER.file)).getByRole('button', {
        name: 'Check this backup, from 01/07/2026 at 10:30',
      }),
    );
    expect(
      await screen.findByText('The backup from 01/07/2026 at 10:30 is complete.'),
    ).toBeVisible();
    expect(fake.callsTo('backups:check')).toEqual([{ file: SUMMER.file }]);
  });
});

describe('Restoring a backup', () => {
  it('asks for RESTORE, names the time and the folder, then says what happens next', async () => {
    const fake = setup({
      'backups:restore': ({ file }) => ({
        ...SUMMER,
        file,
        safetyCopy: 'pre-restore-20261124-100000.db',
        safetyCopyPath: `${FOLDER}/pre-restore-20261124-100000.db`,
      }),
    });
    const user = userEvent.setup();
    renderAt('#/admin/backups');
    await waitFor(() => {
      rowOf(SUMMER.file);
    });
    await user.click(
      within(rowOf(SUMMER.file)).getByRole('button', {
        name: 'Restore the backup from 01/07/2026 at 10:30',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Restore the backup from 01/07/2026 at 10:30?',
    });
    expect(dialog).toHaveTextContent(
      'Everything saved in Front Door after 01/07/2026 at 10:30 will be replaced',
    );
    expect(dialog).toHaveTextContent(`First, a copy of the current records is kept in ${FOLDER}`);
    expect(dialog).toHaveTextContent('Then Front Door reloads with the restored records.');
    const confirm = within(dialog).getByLabelText('Type RESTORE to confirm');
    expect(confirm).toHaveFocus();

    // Not without the word, and not in the wrong case.
    const go = within(dialog).getByRole('button', { name: 'Restore this backup' });
    await user.click(go);
    expect(
      within(dialog).getByText('Type RESTORE in capital letters to restore this backup'),
    ).toBeVisible();
    expect(confirm).toHaveAttribute('aria-invalid', 'true');
    await user.type(confirm, 'restore');
    await user.click(go);
    expect(fake.callsTo('backups:restore')).toEqual([]);

    await user.clear(confirm);
    await user.type(confirm, 'RESTORE{Enter}');
    const done = await screen.findByRole('dialog', { name: 'Backup restored' });
    expect(fake.callsTo('backups:restore')).toEqual([{ file: SUMMER.file }]);
    expect(done).toHaveTextContent('The records are now as they were on 01/07/2026 at 10:30.');
    expect(done).toHaveTextContent(
      `The records it replaced are kept in ${FOLDER}/pre-restore-20261124-100000.db.`,
    );
    expect(done).toHaveTextContent(
      'What happens next: Front Door reloads to show the restored records.',
    );
    const reload = within(done).getByRole('button', { name: 'Reload Front Door' });
    await waitFor(() => {
      expect(reload).toHaveFocus();
    });
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Backup restored' })).toBeVisible();
    await user.click(reload);
    expect(reloadFrontDoor).toHaveBeenCalledTimes(1);
  });

  it('a refused restore (damaged backup) is explained in the dialog, which stays open', async () => {
    setup({
      'backups:restore': () => {
        throw new FakeIpcError({
          code: 'CONFLICT',
          message: `The backup ${NOVEMBER.file} is damaged and cannot be restored (integrity check: malformed). Choose another backup.`,
        });
      },
    });
    const user = userEvent.setup();
    renderAt('#/admin/backups');
    await waitFor(() => {
      rowOf(NOVEMBER.file);
    });
    await user.click(
      within(rowOf(NOVEMBER.file)).getByRole('button', { name: /^Restore the backup from/ }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: /^Restore the backup from 23\/11\/2026 at 10:05/,
    });
    await user.type(within(dialog).getByLabelText('Type RESTORE to confirm'), 'RESTORE');
    await user.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'is damaged and cannot be restored',
    );
    expect(reloadFrontDoor).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
  });
});

describe('BackupStatusLine on its own', () => {
  it('says when the newest checked backup was made, or that there is none', async () => {
    let answer = status({ warning: null });
    window.api = createFakeApi({ 'backups:status': () => answer }).api;
    const first = render(
      <QueryClientProvider client={createQueryClient()}>
        <BackupStatusLine />
      </QueryClientProvider>,
    );
    await waitFor(() => {
      expect(screen.getByTestId('backup-status-line')).toHaveTextContent(
        'Last checked backup: 01/07/2026 at 10:30',
      );
    });
    expect(screen.getByTestId('backup-status-line')).not.toHaveTextContent('more than a day');
    first.unmount();
    answer = status({ lastVerified: null, warning: 'There is no checked backup of the records.' });
    render(
      <QueryClientProvider client={createQueryClient()}>
        <BackupStatusLine />
      </QueryClientProvider>,
    );
    await waitFor(() => {
      expect(screen.getByTestId('backup-status-line')).toHaveTextContent(
        'Last checked backup: none yet',
      );
    });
  });
});
