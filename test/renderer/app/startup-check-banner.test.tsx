// The banner shown while the start-up check runs after the window has opened: what can be done
// now and what waits, how long is left (from the last check's speed), and gone once it passes.
import '@testing-library/jest-dom/vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StartupCheck, StoreStatus } from '../../../shared/domain/records';
import { createQueryClient } from '../../../renderer/src/api/queries';
import { NowProvider } from '../../../renderer/src/components/now';
import { StartupCheckBanner, checkProgress } from '../../../renderer/src/app/StartupCheckBanner';
import { createFakeApi } from '../../helpers/fake-api';
import { NOW, okStatus } from '../fixtures';

const running = (over: Partial<StartupCheck> = {}): StartupCheck => ({
  state: 'running',
  startedAt: new Date(NOW.getTime() - 6_000).toISOString(),
  expectedMs: 20_000,
  finishedAt: null,
  ...over,
});

afterEach(() => {
  cleanup();
});

describe('checkProgress', () => {
  it('counts towards the expected length in London time, never reaching 100% by itself', () => {
    expect(checkProgress(running(), NOW)).toEqual({
      percent: 30,
      text: 'Started at 09:59:54. About 14 seconds left.',
    });
    expect(checkProgress(running({ expectedMs: 2_000 }), NOW)).toEqual({
      percent: 95,
      text: 'Started at 09:59:54. Nearly finished: it is taking longer than last time.',
    });
  });

  it('the first check has no estimate: no percentage, only when it started', () => {
    expect(checkProgress(running({ expectedMs: null }), NOW)).toEqual({
      percent: null,
      text: 'Started at 09:59:54.',
    });
  });
});

describe('StartupCheckBanner', () => {
  it('says what waits while the check runs, then goes when the status says it passed', async () => {
    let status: StoreStatus = { ...okStatus(), startupCheck: running() };
    window.api = createFakeApi({ 'system:status': () => status }).api;
    render(
      <QueryClientProvider client={createQueryClient()}>
        <NowProvider now={() => NOW}>
          <StartupCheckBanner />
        </NowProvider>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Checking the records file')).toBeInTheDocument();
    expect(screen.getByText(/Anything you save waits too, then saves by itself/)).toBeVisible();
    expect(screen.getByText('Started at 09:59:54. About 14 seconds left.')).toBeVisible();
    expect(screen.getByRole('progressbar', { name: 'Check of the records file' })).toHaveAttribute(
      'aria-valuenow',
      '30',
    );
    status = {
      ...okStatus(),
      quickCheck: 'ok',
      startupCheck: { ...running(), state: 'passed', finishedAt: NOW.toISOString() },
    };
    // Polled every second while running.
    await waitFor(
      () => {
        expect(screen.queryByText('Checking the records file')).not.toBeInTheDocument();
      },
      { timeout: 3_000 },
    );
  });

  it('shows nothing when the check ran before the window (no startupCheck)', async () => {
    let calls = 0;
    window.api = createFakeApi({
      'system:status': () => {
        calls++;
        return okStatus();
      },
    }).api;
    const { container } = render(
      <QueryClientProvider client={createQueryClient()}>
        <StartupCheckBanner />
      </QueryClientProvider>,
    );
    await waitFor(() => {
      expect(calls).toBe(1);
    });
    expect(container).toBeEmptyDOMElement();
  });
});
