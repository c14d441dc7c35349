import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchResult } from '../../../shared/domain/letters';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { App } from '../../../renderer/src/app/App';
import {
  createFakeApi,
  FakeIpcError,
  type FakeApi,
  type FakeHandlers,
} from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, makeUser, okStatus } from '../fixtures';
import { WORK, deferred, fakeAppEvents, madeResult, workPage } from './work-queue-fixture';

const admin = makeUser({ id: 'u-admin', displayName: 'Ada Admin', roles: ['admin'] });

function setup(overrides: FakeHandlers = {}, user = admin): FakeApi {
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(user),
    'settings:get': () => makeSettings(),
    'letters:queue': (input) => workPage(WORK, input),
    ...overrides,
  });
  window.api = fake.api;
  return fake;
}

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App now={() => NOW} />);
}

const rows = (): HTMLElement[] => screen.getAllByTestId('work-row');
function rowOf(reference: string): HTMLElement {
  const row = rows().find((r) => r.textContent.includes(reference));
  if (!row) throw new Error(`no row ${reference}`);
  return row;
}
async function tick(reference: string): Promise<void> {
  await userEvent.click(within(rowOf(reference)).getByRole('checkbox'));
}
const lastQuery = (fake: FakeApi): ChannelInput<'letters:queue'> => {
  const all = fake.callsTo('letters:queue') as ChannelInput<'letters:queue'>[];
  const last = all.at(-1);
  if (!last) throw new Error('the queue was never asked');
  return last;
};

let events: ReturnType<typeof fakeAppEvents>;
beforeEach(() => {
  events = fakeAppEvents();
  window.appEvents = events;
});
afterEach(() => {
  cleanup();
  delete window.api;
  delete window.appEvents;
  window.location.hash = '';
});

describe('letters and invites (admin work queue)', () => {
  it('lists what is due, overdue first, with the window, the total and each row in words', async () => {
    const fake = setup();
    renderAt('#/letters');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Letters and invites' }),
    ).toBeVisible();
    await screen.findAllByTestId('work-row');
    expect(screen.getByText(/Letters for referrals received since 01\/06\/2026/)).toBeVisible();
    expect(screen.getByTestId('work-showing')).toHaveTextContent('Showing 1–5 of 5');
    expect(lastQuery(fake)).toEqual({ sort: 'due', direction: 'asc', page: 0, pageSize: 25 });
    const [first, second, third, fourth, fifth] = rows();
    expect(first).toHaveTextContent('Acknowledgement letter');
    expect(first).toHaveTextContent('Overdue by 2 working days');
    expect(first).toHaveTextContent('Due Fri 20/11/2026');
    expect(first).toHaveTextContent('To make');
    expect(second).toHaveTextContent('Due today');
    expect(second).toHaveTextContent('Member of the public · No further action');
    expect(third).toHaveTextContent(
      'Cannot be made yet: The child referred themselves: record how it is safe to contact them',
    );
    expect(fourth).toHaveTextContent('Ready to send');
    expect(within(fourth as HTMLElement).getByRole('button', { name: /Save PDF/ })).toBeVisible();
    expect(fifth).toHaveTextContent('Strategy discussion invite');
    expect(
      within(fifth as HTMLElement).getByRole('link', { name: /Open the discussion/ }),
    ).toHaveAttribute('href', '#/strategy/d-105');
    expect(
      within(first as HTMLElement).getByRole('link', { name: 'FD-2026-000101' }),
    ).toHaveAttribute('href', '#/referrals/r-000101');
    // The navigation entry is there for an administrator, and marked as the current page.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Letters and invites' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('offers the navigation entry to duty workers, managers and admin only', async () => {
    setup({}, makeUser({ id: 'u-chair', displayName: 'Chris Chair', roles: ['chair'] }));
    renderAt('');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Letters and invites' })).toBeNull();
    cleanup();
    setup({}, makeUser());
    renderAt('');
    const nav2 = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav2).getByRole('link', { name: 'Letters and invites' })).toBeVisible();
  });

  it('sends each filter and sort to the store and shows what it answers', async () => {
    const fake = setup();
    renderAt('#/letters');
    await screen.findAllByTestId('work-row');
    await userEvent.click(screen.getByRole('button', { name: 'Outcome letters' }));
    await waitFor(() => {
      expect(lastQuery(fake)).toMatchObject({ kinds: ['outcome'] });
    });
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });
    await userEvent.selectOptions(screen.getByLabelText('Letter for'), 'Member of the public');
    await waitFor(() => {
      expect(lastQuery(fake)).toMatchObject({ kinds: ['outcome'], variants: ['public'] });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await userEvent.click(screen.getByLabelText('Overdue only'));
    await waitFor(() => {
      expect(lastQuery(fake)).toEqual({
        overdueOnly: true,
        sort: 'due',
        direction: 'asc',
        page: 0,
        pageSize: 25,
      });
    });
    await waitFor(() => {
      expect(rows()).toHaveLength(1);
    });
    await userEvent.click(screen.getByLabelText('Overdue only'));

    // A date that does not exist is refused beside the field and never sent.
    const dueBy = screen.getByRole('textbox', { name: 'Due by' });
    // One change per value (as a paste arrives): typing key by key re-renders the grid per key.
    fireEvent.change(dueBy, { target: { value: '31/02/2026' } });
    fireEvent.blur(dueBy);
    expect(await screen.findByText('February 2026 has no day 31')).toBeVisible();
    expect(fake.callsTo('letters:queue').some((i) => 'dueBy' in (i as object))).toBe(false);
    fireEvent.change(dueBy, { target: { value: '25/11/2026' } });
    await waitFor(() => {
      expect(lastQuery(fake)).toMatchObject({ dueBy: '2026-11-25' });
    });
    expect(screen.queryByText('February 2026 has no day 31')).toBeNull();
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });

    await userEvent.click(screen.getByRole('columnheader', { name: /Reference/ }));
    await waitFor(() => {
      expect(lastQuery(fake)).toMatchObject({ sort: 'reference', direction: 'asc' });
    });
  });

  it('makes the selection with progress, skips blocked rows, and shows each failure’s reason', async () => {
    const answer = deferred<ChannelOutput<'letters:generate'>>();
    const fake = setup({ 'letters:generate': () => answer.promise });
    renderAt('#/letters');
    await screen.findAllByTestId('work-row');
    await tick('FD-2026-000101');
    await tick('FD-2026-000102');
    await tick('FD-2026-000103');
    expect(screen.getByTestId('work-selected')).toHaveTextContent('3 selected');
    expect(screen.getByTestId('work-blocked-selected')).toHaveTextContent(
      'FD-2026-000103: The child referred themselves',
    );
    const queriesBefore = fake.callsTo('letters:queue').length;
    await userEvent.click(screen.getByRole('button', { name: 'Make selected letters (2)' }));

    const [sent] = fake.callsTo('letters:generate') as ChannelInput<'letters:generate'>[];
    expect(sent?.items).toEqual([
      { referralId: 'r-000101', kind: 'acknowledgement' },
      { referralId: 'r-000102', kind: 'outcome' },
    ]);
    const taskId = sent?.taskId ?? '';
    expect(taskId).not.toBe('');
    expect(screen.getByTestId('batch-progress')).toHaveTextContent('Making letters: 0 of 2');

    // Another window's task is not ours: it does not move the bar.
    act(() => {
      events.progress({
        taskId: 'someone-else',
        label: 'Making letters',
        done: 7,
        total: 9,
        state: 'running',
      });
      events.progress({ taskId, label: 'Making letters', done: 1, total: 2, state: 'running' });
    });
    expect(screen.getByTestId('batch-progress')).toHaveTextContent('Making letters: 1 of 2');
    expect(screen.getByRole('progressbar', { name: 'Making letters: 1 of 2' })).toHaveAttribute(
      'aria-valuenow',
      '50',
    );

    const failed: BatchResult = {
      key: 'outcome:r-000102',
      reference: 'FD-2026-000102',
      kind: 'outcome',
      outcome: { ok: false, reason: 'The decision was changed after the letter was asked for' },
    };
    const first = WORK[0];
    if (!first) throw new Error('fixture');
    await act(async () => {
      answer.resolve({ results: [madeResult(first), failed], cancelled: false });
      await answer.promise;
    });
    const results = await screen.findByTestId('batch-results');
    expect(
      within(results).getByRole('heading', { name: '1 letter made, 1 not made' }),
    ).toBeVisible();
    expect(within(results).getByTestId('batch-failed')).toHaveTextContent(
      'FD-2026-000102, outcome letter: The decision was changed after the letter was asked for',
    );
    expect(within(results).getByTestId('batch-made')).toHaveTextContent(
      'FD-2026-000101, acknowledgement of receipt to Jo Teacher, Oak Primary School',
    );
    // The grid asks again, so made letters show as ready.
    await waitFor(() => {
      expect(fake.callsTo('letters:queue').length).toBeGreaterThan(queriesBefore);
    });
  });

  it('cancels the batch with its own task id and says what was not started', async () => {
    const answer = deferred<ChannelOutput<'letters:generate'>>();
    const fake = setup({
      'letters:generate': () => answer.promise,
      'letters:cancel': () => ({ cancelled: true }),
    });
    renderAt('#/letters');
    await screen.findAllByTestId('work-row');
    await tick('FD-2026-000101');
    await tick('FD-2026-000102');
    await userEvent.click(screen.getByRole('button', { name: 'Make selected letters (2)' }));
    const [sent] = fake.callsTo('letters:generate') as ChannelInput<'letters:generate'>[];
    await userEvent.click(
      within(screen.getByTestId('batch-progress')).getByRole('button', { name: 'Cancel' }),
    );
    expect(fake.callsTo('letters:cancel')).toEqual([{ taskId: sent?.taskId }]);
    expect(screen.getByTestId('batch-progress')).toHaveTextContent('Stopping after the letter');
    const first = WORK[0];
    if (!first) throw new Error('fixture');
    await act(async () => {
      answer.resolve({ results: [madeResult(first)], cancelled: true });
      await answer.promise;
    });
    const results = await screen.findByTestId('batch-results');
    expect(results).toHaveTextContent('Stopped: 1 letter made');
    expect(results).toHaveTextContent('You cancelled: 1 letter was not started');
  });

  it('marks ready letters and invites sent, with errors beside the fields first', async () => {
    let sent = false;
    const fake = setup({
      'letters:queue': (input) =>
        workPage(
          sent ? WORK.filter((w) => w.state !== 'ready' && w.kind !== 'invite') : WORK,
          input,
        ),
      'letters:mark-sent': ({ letterIds }) => {
        sent = true;
        return WORK.filter((w) => w.letterId !== null && letterIds.includes(w.letterId)).map(
          (w) => {
            const made = madeResult(w).outcome;
            if (!made.ok) throw new Error('fixture');
            return { ...made.letter, sent: { method: 'phone-then-letter', at: '', by: null } };
          },
        );
      },
      'invites:mark-sent': ({ discussionId }) => ({ discussionId, sequence: 0 }),
    });
    renderAt('#/letters');
    await screen.findAllByTestId('work-row');
    await tick('FD-2026-000104');
    await tick('FD-2026-000105');
    await userEvent.click(screen.getByRole('button', { name: 'Mark selected sent (2)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark as sent' });
    expect(dialog).toHaveTextContent(
      '1 letter and 1 strategy invite: FD-2026-000104, FD-2026-000105',
    );
    // The time defaults to now, in London.
    expect(within(dialog).getByRole('textbox', { name: 'Date' })).toHaveValue('24/11/2026');
    expect(within(dialog).getByRole('textbox', { name: 'Time (24-hour)' })).toHaveValue('10:00');

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Time (24-hour)' }), {
      target: { value: '23:30' },
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record as sent' }));
    const summary = await within(dialog).findByRole('alert');
    expect(summary).toHaveTextContent('Select how they were sent');
    expect(summary).toHaveTextContent('The time they were sent cannot be in the future');
    expect(fake.callsTo('letters:mark-sent')).toHaveLength(0);

    // Keyboard only: the method by its radio, the time typed, Enter submits.
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Phoned first, then the letter' }),
    );
    const time = within(dialog).getByRole('textbox', { name: 'Time (24-hour)' });
    fireEvent.change(time, { target: { value: '09:15' } });
    await userEvent.type(time, '{Enter}');
    await waitFor(() => {
      expect(fake.callsTo('letters:mark-sent')).toEqual([
        { letterIds: ['l-104'], method: 'phone-then-letter', sentAt: '2026-11-24T09:15:00.000Z' },
      ]);
    });
    expect(fake.callsTo('invites:mark-sent')).toEqual([
      { discussionId: 'd-105', method: 'phone-then-letter', sentAt: '2026-11-24T09:15:00.000Z' },
    ]);
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(
      await screen.findByText(
        'Recorded as sent: 1 letter and 1 invite (Phoned first, then the letter, 24/11/2026 09:15).',
      ),
    ).toBeVisible();
    // The sent rows leave the queue.
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });
  });

  it('shows the service’s refusal beside the field when it refuses the method', async () => {
    const fake = setup({
      'letters:mark-sent': () => {
        throw new FakeIpcError({
          code: 'VALIDATION',
          message: 'Check the details',
          fieldErrors: { method: 'This letter cannot go by post: the address is the child’s home' },
        });
      },
    });
    renderAt('#/letters');
    await screen.findAllByTestId('work-row');
    await tick('FD-2026-000104');
    await userEvent.click(screen.getByRole('button', { name: 'Mark selected sent (1)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark as sent' });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Post' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record as sent' }));
    await waitFor(() => {
      expect(fake.callsTo('letters:mark-sent')).toHaveLength(1);
    });
    const radios = within(dialog).getByRole('radio', { name: 'Post' }).closest('fieldset');
    expect(radios).toHaveTextContent(
      'This letter cannot go by post: the address is the child’s home',
    );
    expect(screen.getByRole('dialog', { name: 'Mark as sent' })).toBeVisible();
  });

  it('saves a ready letter and says when the email draft is refused', async () => {
    const fake = setup({
      'letters:download': () => ({
        document: {} as ChannelOutput<'letters:download'>['document'],
        outcome: { kind: 'saved', location: '/home/ada/FD-2026-000104 outcome letter.pdf' },
      }),
      'letters:email-draft': () => {
        throw new FakeIpcError({
          code: 'VALIDATION',
          message: 'The referrer has no email address: send the letter by post or by hand.',
        });
      },
    });
    renderAt('#/letters');
    await screen.findAllByTestId('work-row');
    await userEvent.click(
      within(rowOf('FD-2026-000104')).getByRole('button', { name: /Save PDF/ }),
    );
    expect(
      await screen.findByText('Saved to /home/ada/FD-2026-000104 outcome letter.pdf'),
    ).toBeVisible();
    expect(fake.callsTo('letters:download')).toEqual([{ letterId: 'l-104' }]);
    fireEvent.click(within(rowOf('FD-2026-000104')).getByRole('button', { name: /Email draft/ }));
    expect(
      await screen.findByText(
        'The email draft for FD-2026-000104 could not be saved: The referrer has no email address: send the letter by post or by hand.',
      ),
    ).toBeVisible();
  });
});
