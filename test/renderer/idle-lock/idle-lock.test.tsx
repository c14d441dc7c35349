// The idle lock (issue 14; reliability "Idle lock after a configurable time → the screen hides
// case data until the user returns") with fake timers: it locks after the set minutes without
// use and not before, activity puts it off, the content underneath is hidden from sight, the
// keyboard and screen readers, Continue (or Enter) unlocks, each is audited, and what was typed
// before the lock is still there after it. Also the administrator's "Lock after (minutes)".
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdleLockSetting as Setting } from '../../../shared/domain/idle-lock';
import { createQueryClient } from '../../../renderer/src/api/queries';
import { IdleLock, IdleLockSetting } from '../../../renderer/src/features/idle-lock';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { makeUser } from '../fixtures';

const MINUTE = 60_000;

function setting(minutes: number, version = 1): Setting {
  return { minutes, version, updatedAt: null, updatedBy: null };
}

function fakeApi(handlers: FakeHandlers): FakeApi {
  const fake = createFakeApi({
    'session:lock': () => ({ lockedAt: '2026-11-24T10:02:00.000Z' }),
    'session:unlock': () => ({ unlockedAt: '2026-11-24T10:30:00.000Z' }),
    ...handlers,
  });
  window.api = fake.api;
  return fake;
}

/** A screen with case data and a half-filled form, under the lock. */
function renderLocked() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <IdleLock displayName="Dana Wilson">
        <main>
          <h1>Ruby Fenwick</h1>
          <label htmlFor="concern">The concern</label>
          <textarea id="concern" />
        </main>
      </IdleLock>
    </QueryClientProvider>,
  );
}

async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  // Timers that also move with real time, so the queries resolve; minutes are moved on by hand.
  vi.useFakeTimers({ shouldAdvanceTime: true });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete window.api;
});

describe('idle lock', () => {
  it('locks after the set minutes, hides everything, keeps the typing, and Continue unlocks', async () => {
    const fake = fakeApi({ 'session:lock-setting': () => setting(2) });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderLocked();
    await waitFor(() => {
      expect(fake.callsTo('session:lock-setting')).toHaveLength(1);
    });
    const concern = screen.getByRole('textbox', { name: 'The concern' });
    await user.type(concern, 'Bruise on the left arm');
    // Typing counts as use: the two minutes start again after the last key.
    await advance(2 * MINUTE - 1_000);
    expect(screen.queryByTestId('idle-lock')).toBeNull();
    expect(fake.callsTo('session:lock')).toEqual([]);
    await advance(1_000);

    const lock = await screen.findByRole('dialog', { name: 'Front Door is locked — Dana Wilson' });
    expect(lock).toHaveTextContent('has not been used for 2 minutes');
    expect(fake.callsTo('session:lock')).toEqual([{ idleMinutes: 2 }]);
    // Out of reach: inert and hidden from screen readers (Testing Library's role queries skip
    // aria-hidden content, as assistive technology does).
    const app = concern.closest('body > div');
    expect(app).toHaveAttribute('inert');
    expect(app).toHaveAttribute('aria-hidden', 'true');
    expect(screen.queryByRole('heading', { name: 'Ruby Fenwick' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'The concern' })).toBeNull();
    // Still mounted underneath, as typed.
    expect(concern).toBeInTheDocument();
    expect(concern).toHaveValue('Bruise on the left arm');
    // Covered by an opaque layer above everything.
    expect(getComputedStyle(lock).position).toBe('fixed');

    const go = within(lock).getByRole('button', { name: 'Continue' });
    await waitFor(() => {
      expect(go).toHaveFocus();
    });
    // Moving the mouse does not unlock.
    fireEvent.mouseMove(document.body);
    expect(screen.getByTestId('idle-lock')).toBeInTheDocument();
    await user.click(go);

    await waitFor(() => {
      expect(screen.queryByTestId('idle-lock')).toBeNull();
    });
    expect(fake.callsTo('session:unlock')).toEqual([{}]);
    expect(app).not.toHaveAttribute('inert');
    expect(app).not.toHaveAttribute('aria-hidden');
    expect(screen.getByRole('textbox', { name: 'The concern' })).toHaveValue(
      'Bruise on the left arm',
    );
    // Back where the person was typing.
    await waitFor(() => {
      expect(concern).toHaveFocus();
    });
  });

  it('Enter unlocks; the mouse or keys put the lock off; it locks again after another spell', async () => {
    const fake = fakeApi({ 'session:lock-setting': () => setting(3) });
    renderLocked();
    await waitFor(() => {
      expect(fake.callsTo('session:lock-setting')).toHaveLength(1);
    });
    await advance(2 * MINUTE);
    fireEvent.mouseMove(window);
    await advance(2 * MINUTE);
    fireEvent.keyDown(window, { key: 'Shift' });
    await advance(2 * MINUTE + 59_000);
    expect(screen.queryByTestId('idle-lock')).toBeNull();
    await advance(1_000);
    const go = await screen.findByRole('button', { name: 'Continue' });
    await waitFor(() => {
      expect(go).toHaveFocus();
    });
    fireEvent.keyDown(go, { key: 'Enter' });
    await waitFor(() => {
      expect(screen.queryByTestId('idle-lock')).toBeNull();
    });
    expect(fake.callsTo('session:unlock')).toHaveLength(1);
    await advance(3 * MINUTE);
    expect(await screen.findByTestId('idle-lock')).toBeInTheDocument();
    expect(fake.callsTo('session:lock')).toEqual([{ idleMinutes: 3 }, { idleMinutes: 3 }]);
  });

  it('locks after 10 minutes when the setting cannot be read, and even if the audit call fails', async () => {
    const fake = fakeApi({
      'session:lock': () => {
        throw new FakeIpcError({ code: 'DISK_FULL', message: 'The disk is full' });
      },
    });
    renderLocked();
    await waitFor(() => {
      expect(fake.callsTo('session:lock-setting')).not.toHaveLength(0);
    });
    await advance(10 * MINUTE - 1_000);
    expect(screen.queryByTestId('idle-lock')).toBeNull();
    await advance(1_000);
    expect(
      await screen.findByRole('dialog', { name: 'Front Door is locked — Dana Wilson' }),
    ).toHaveTextContent('10 minutes');
    expect(fake.callsTo('session:lock')).toEqual([{ idleMinutes: 10 }]);
  });

  it('hides an open dialog (rendered outside the app) as well', async () => {
    fakeApi({ 'session:lock-setting': () => setting(1) });
    const portal = document.createElement('div');
    portal.setAttribute('role', 'dialog');
    portal.setAttribute('aria-label', 'Assign referral');
    document.body.appendChild(portal);
    try {
      renderLocked();
      await advance(MINUTE);
      await screen.findByTestId('idle-lock');
      expect(portal).toHaveAttribute('inert');
      expect(screen.queryByRole('dialog', { name: 'Assign referral' })).toBeNull();
      await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
      await waitFor(() => {
        expect(portal).not.toHaveAttribute('inert');
      });
    } finally {
      portal.remove();
    }
  });
});

describe('IdleLockSetting', () => {
  const admin = makeUser({ roles: ['admin'] });

  function renderSetting(user = admin) {
    return render(
      <QueryClientProvider client={createQueryClient()}>
        <IdleLockSetting user={user} />
      </QueryClientProvider>,
    );
  }

  it('shows the time, refuses a time out of range beside the field, and saves a good one', async () => {
    let current = setting(10, 0);
    const fake = fakeApi({
      'session:lock-setting': () => current,
      'session:set-lock-setting': ({ minutes, version }) => {
        current = setting(minutes, version + 1);
        return current;
      },
    });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderSetting();
    const field = await screen.findByLabelText('Lock after (minutes)');
    expect(field).toHaveValue('10');
    for (const bad of ['0', '121', '2.5', 'ten', '']) {
      await user.clear(field);
      if (bad !== '') await user.type(field, bad);
      await user.click(screen.getByRole('button', { name: 'Save lock time' }));
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription('Enter a whole number of minutes from 1 to 120');
      expect(field).toHaveFocus();
    }
    expect(fake.callsTo('session:set-lock-setting')).toEqual([]);
    await user.clear(field);
    await user.type(field, '5{Enter}');
    expect(
      await screen.findByText('Front Door now locks after 5 minutes without use.'),
    ).toBeVisible();
    expect(fake.callsTo('session:set-lock-setting')).toEqual([{ minutes: 5, version: 0 }]);
    expect(field).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('says why a save was refused (changed by someone else)', async () => {
    fakeApi({
      'session:lock-setting': () => setting(10, 2),
      'session:set-lock-setting': () => {
        throw new FakeIpcError({
          code: 'STALE',
          message: 'Sam Okafor changed this at 10:01. Reload to see their change.',
        });
      },
    });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderSetting();
    const field = await screen.findByLabelText('Lock after (minutes)');
    await user.clear(field);
    await user.type(field, '15');
    await user.click(screen.getByRole('button', { name: 'Save lock time' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sam Okafor changed this at 10:01.');
  });

  it('is read-only for someone who is not an administrator', async () => {
    fakeApi({ 'session:lock-setting': () => setting(15) });
    renderSetting(makeUser());
    expect(await screen.findByTestId('idle-lock-setting')).toHaveTextContent(
      'Front Door locks after 15 minutes without use.',
    );
    expect(screen.queryByLabelText('Lock after (minutes)')).toBeNull();
  });
});
