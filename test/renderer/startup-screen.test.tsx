// The start-up error screen: each typed problem is named in plain words with "Copy details", and
// a backup is offered only for damaged or missing records (never a full disk or read-only file).
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StartupProblem, StoreStatus } from '../../shared/domain/records';
import { App } from '../../renderer/src/app/App';
import { createFakeApi } from '../helpers/fake-api';
import { NOW, okStatus } from './fixtures';

const BACKUP = {
  file: 'front-door-20261123-100500.db',
  createdAt: '2026-11-23T10:05:00.000Z',
  sizeBytes: 400_000,
  verified: true,
};

function status(problem: StartupProblem): StoreStatus {
  return {
    ...okStatus(),
    state: problem.restoreOffered ? 'recovery-needed' : 'refused',
    reason: problem.message,
    backups: [BACKUP],
    problem,
  };
}

function show(s: StoreStatus) {
  window.api = createFakeApi({ 'system:status': () => s }).api;
  return render(<App now={() => NOW} />);
}

afterEach(() => {
  cleanup();
});

describe('start-up error screen', () => {
  it('a full disk: plain cause, copy details, and no restore offered', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    show(
      status({
        kind: 'disk-full',
        message: "The disk that holds Front Door's records is full. Free some space.",
        restoreOffered: false,
        details: 'Problem: disk-full\nError: SQLITE_FULL database or disk is full',
      }),
    );
    expect(await screen.findByRole('heading', { name: 'The disk is full' })).toBeInTheDocument();
    expect(screen.getByText(/records is full/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Restore/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Backups' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(writeText).toHaveBeenCalledWith(
      'Problem: disk-full\nError: SQLITE_FULL database or disk is full',
    );
    expect(await screen.findByText(/Details copied/)).toBeInTheDocument();
  });

  it('missing records offer the newest backup', async () => {
    show(
      status({
        kind: 'missing',
        message: 'The records file is missing or empty. Restore the newest backup.',
        restoreOffered: true,
        details: 'Problem: missing',
      }),
    );
    expect(
      await screen.findByRole('heading', { name: "Front Door's records are missing" }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Restore/ })).toBeInTheDocument();
  });

  it('a folder in use by another process says so and offers no restore', async () => {
    show(
      status({
        kind: 'in-use',
        message: 'Front Door is already open on this data folder.',
        restoreOffered: false,
        details: 'Problem: in-use',
      }),
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Front Door is already open on this data folder',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Restore/ })).not.toBeInTheDocument();
  });
});
