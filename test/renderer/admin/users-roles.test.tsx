// Users and roles (issue 14) with the fake API: who is listed first, roles in words, the roles
// dialog (descriptions, the last-administrator lock and refusal beside the field), deactivating
// with a required reason, reactivating, and focus after each change.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppUser } from '../../../shared/domain/records';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { App } from '../../../renderer/src/app/App';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, makeUser, okStatus } from '../fixtures';

const ada = makeUser({
  id: 'u-admin',
  osAccount: 'aadmin',
  displayName: 'Ada Admin',
  roles: ['admin'],
  updatedAt: '2026-06-30T23:30:00Z',
});
const dana = makeUser({ updatedAt: '2026-11-20T09:05:00Z' });
const newStarter = makeUser({
  id: 'u-new',
  osAccount: 'nstarter',
  displayName: 'Nia Starter',
  roles: [],
  updatedAt: '2026-11-24T08:00:00Z',
});
const leaver = makeUser({
  id: 'u-left',
  osAccount: 'bleft',
  displayName: 'Ben Left',
  roles: ['manager'],
  active: false,
  version: 3,
  updatedAt: '2026-10-01T12:00:00Z',
});

function setup(
  people: AppUser[] = [ada, dana, newStarter, leaver],
  overrides: FakeHandlers = {},
  me: AppUser = ada,
): { fake: FakeApi; people: Map<string, AppUser> } {
  const state = new Map(people.map((u) => [u.id, u]));
  const change = (id: string, patch: Partial<AppUser>): AppUser => {
    const u = state.get(id);
    if (!u) throw new Error(`no user ${id}`);
    const next = { ...u, ...patch, version: u.version + 1, updatedAt: NOW.toISOString() };
    state.set(id, next);
    return next;
  };
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(me),
    'settings:get': () => makeSettings(),
    'users:list': () => [...state.values()],
    'users:set-roles': ({ id, roles }) => change(id, { roles }),
    'users:set-active': ({ id, active }) => change(id, { active }),
    ...overrides,
  });
  window.api = fake.api;
  return { fake, people: state };
}

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App now={() => NOW} />);
}

const rows = (): HTMLElement[] => screen.getAllByTestId('user-row');
function rowOf(name: string): HTMLElement {
  const row = rows().find((r) => r.textContent.includes(name));
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

afterEach(() => {
  cleanup();
  delete window.api;
  window.location.hash = '';
});

describe('Users and roles', () => {
  it('lists new users first with a hint, roles in words, access and en-GB dates', async () => {
    setup();
    renderAt('#/admin/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Users and roles' })).toBeVisible();
    await screen.findAllByTestId('user-row');
    const [first, second, third, fourth] = rows();
    if (!first || !second || !third || !fourth) throw new Error('expected four rows');
    expect(first).toHaveTextContent('Nia Starter');
    expect(first).toHaveTextContent('Waiting for a role');
    expect(first).toHaveTextContent('nstarter');
    expect(second).toHaveTextContent('Ada Admin (you)');
    expect(second).toHaveTextContent('Administrator');
    // 30/06/2026 23:30 UTC is 01/07/2026 00:30 in London (BST).
    expect(second).toHaveTextContent('01/07/2026 00:30');
    expect(third).toHaveTextContent('Dana Wilson');
    expect(third).toHaveTextContent('Duty worker');
    expect(fourth).toHaveTextContent('Ben Left');
    expect(within(fourth).getByTestId('user-status')).toHaveTextContent('Deactivated');
    expect(screen.getByTestId('waiting-summary')).toHaveTextContent(
      '1 person is waiting for a role',
    );
    // You cannot deactivate yourself; a leaver can only be reactivated.
    expect(within(second).queryByRole('button', { name: /Deactivate/ })).toBeNull();
    expect(within(fourth).getByRole('button', { name: /^Reactivate/ })).toBeVisible();
    expect(within(fourth).queryByRole('button', { name: /Change roles/ })).toBeNull();
    const nav = screen.getByRole('navigation');
    expect(within(nav).getByRole('link', { name: 'Users and roles' })).toBeVisible();
  });

  it('is not offered to someone who is not an administrator', async () => {
    setup(undefined, {}, dana);
    renderAt('#/');
    const nav = await screen.findByRole('navigation');
    expect(within(nav).queryByRole('link', { name: 'Users and roles' })).toBeNull();
  });

  it('gives a waiting user a role, each role described, and says what changed', async () => {
    const { fake } = setup();
    renderAt('#/admin/users');
    await screen.findAllByTestId('user-row');
    await userEvent.click(
      within(rowOf('Nia Starter')).getByRole('button', { name: /^Change roles/ }),
    );
    const dialog = await screen.findByRole('dialog', { name: /^Change roles/ });
    const duty = within(dialog).getByRole('checkbox', { name: /Duty worker/ });
    expect(duty).toHaveAccessibleDescription(/makes the front door decision/);
    expect(within(dialog).getByRole('checkbox', { name: /Meeting chair/ })).not.toBeChecked();
    await userEvent.click(duty);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    const done = await screen.findByText('Nia Starter now has the roles: Duty worker.');
    await waitFor(() => {
      expect(done.closest('[role="status"]')).toHaveFocus();
    });
    expect(fake.callsTo('users:set-roles')).toEqual([
      { id: 'u-new', version: 1, roles: ['duty-worker'] },
    ]);
    await waitFor(() => {
      expect(rowOf('Nia Starter')).toHaveTextContent('Duty worker');
    });
    expect(screen.queryByTestId('waiting-summary')).toBeNull();
  });

  it('locks your own administrator role when you are the only one, and says why', async () => {
    setup();
    renderAt('#/admin/users');
    await screen.findAllByTestId('user-row');
    await userEvent.click(
      within(rowOf('Ada Admin')).getByRole('button', { name: /^Change roles/ }),
    );
    const dialog = await screen.findByRole('dialog');
    const adminBox = within(dialog).getByRole('checkbox', { name: /Administrator/ });
    expect(adminBox).toBeChecked();
    expect(adminBox).toBeDisabled();
    expect(adminBox).toHaveAccessibleDescription(
      /You are the only administrator, so you cannot remove your own administrator role/,
    );
  });

  it('shows the main process refusal beside the roles', async () => {
    const lhughes = makeUser({
      id: 'u-lh',
      osAccount: 'lhughes',
      displayName: 'Lee Hughes',
      roles: ['admin'],
    });
    setup([ada, lhughes], {
      'users:set-roles': () => {
        throw new FakeIpcError({
          code: 'CONFLICT',
          message: 'This is the only administrator. Make someone else an administrator first.',
        });
      },
    });
    renderAt('#/admin/users');
    await screen.findAllByTestId('user-row');
    await userEvent.click(
      within(rowOf('Lee Hughes')).getByRole('button', { name: /^Change roles/ }),
    );
    const dialog = await screen.findByRole('dialog');
    const adminBox = within(dialog).getByRole('checkbox', { name: /Administrator/ });
    // Two administrators on screen: the box is free (the main process has the last word).
    expect(adminBox).toBeEnabled();
    await userEvent.click(adminBox);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('This is the only administrator');
    expect(within(dialog).getByRole('checkbox', { name: /Manager/ })).toHaveAccessibleDescription(
      /This is the only administrator/,
    );
  });

  it('deactivates with a required reason, then reactivates', async () => {
    const { fake } = setup();
    renderAt('#/admin/users');
    await screen.findAllByTestId('user-row');
    await userEvent.click(
      within(rowOf('Dana Wilson')).getByRole('button', { name: /^Deactivate/ }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Dana Wilson' });
    expect(dialog).toHaveTextContent(
      'Their records and history stay; they can no longer use Front Door',
    );
    const reason = within(dialog).getByRole('textbox', { name: /Why are they being deactivated/ });
    await waitFor(() => {
      expect(reason).toHaveFocus();
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate Dana Wilson' }));
    expect(reason).toHaveAccessibleDescription('Say why this person is being deactivated');
    expect(reason).toHaveFocus();
    expect(fake.callsTo('users:set-active')).toEqual([]);
    await userEvent.type(reason, 'Left the authority');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate Dana Wilson' }));
    await screen.findByText('Dana Wilson has been deactivated. Their records and history stay.');
    expect(fake.callsTo('users:set-active')).toEqual([
      { id: 'u-duty', version: 1, active: false, reason: 'Left the authority' },
    ]);
    await waitFor(() => {
      expect(within(rowOf('Dana Wilson')).getByTestId('user-status')).toHaveTextContent(
        'Deactivated',
      );
    });

    await userEvent.click(
      within(rowOf('Dana Wilson')).getByRole('button', { name: /^Reactivate/ }),
    );
    const again = await screen.findByRole('dialog', { name: 'Reactivate Dana Wilson' });
    expect(again).toHaveTextContent('with the roles they had: Duty worker');
    await userEvent.click(within(again).getByRole('button', { name: 'Reactivate Dana Wilson' }));
    await screen.findByText('Dana Wilson can use Front Door again.');
    const calls = fake.callsTo('users:set-active') as ChannelInput<'users:set-active'>[];
    expect(calls.at(-1)).toEqual({ id: 'u-duty', version: 2, active: true });
  });

  it('tells a user with no role where an administrator gives one', async () => {
    setup(undefined, {}, newStarter);
    renderAt('#/');
    expect(
      await screen.findByText(/An administrator can give you a role in Users and roles/),
    ).toBeVisible();
  });
});
