// The "Audit log" screen against a fake API (issue 14 "Audit viewer"): the nav entry only for
// managers and administrators, filters sent to audit:search, paging from the store, an entry's
// change read field by field, and "Verify integrity" with its progress and both outcomes.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditSearchResult } from '../../../shared/domain/audit';
import type { AuditEntry, AuditVerification } from '../../../shared/domain/records';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { App } from '../../../renderer/src/app/App';
import { createFakeApi, type FakeApi, type FakeHandlers } from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, makeUser, okStatus } from '../fixtures';
import { fakeAppEvents } from '../letters/work-queue-fixture';

const admin = makeUser({ id: 'u-admin', displayName: 'Ada Admin', roles: ['admin'] });
const manager = makeUser({ id: 'u-man', displayName: 'Morgan Manager', roles: ['manager'] });
const worker = makeUser({ id: 'u-dee', displayName: 'Dee Worker', roles: ['duty-worker'] });

function entry(seq: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    // One a minute back from 24/11/2026 10:00 London (GMT).
    at: new Date(Date.parse('2026-11-24T10:00:00Z') - (60 - seq) * 60_000).toISOString(),
    user: { id: 'u-dee', displayName: 'Dee Worker' },
    action: seq % 2 === 0 ? 'view' : 'update',
    entityType: 'referral',
    entityId: 'r-1',
    summary: `Entry ${String(seq)}`,
    details: {},
    ...over,
  };
}
const ENTRIES: AuditEntry[] = Array.from({ length: 60 }, (_, i) => entry(60 - i));

function page(input: ChannelInput<'audit:search'>): AuditSearchResult {
  const kept = ENTRIES.filter((e) => input.action === undefined || e.action === input.action);
  const start = input.page * input.pageSize;
  return {
    rows: kept.slice(start, start + input.pageSize),
    total: kept.length,
    references: { 'r-1': 'FD-2026-000101' },
  };
}

function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let events: ReturnType<typeof fakeAppEvents>;
function setup(user = admin, overrides: FakeHandlers = {}): FakeApi {
  const fake = createFakeApi({
    'system:status': () => okStatus(),
    'session:current': () => makeSession(user),
    'settings:get': () => makeSettings(),
    'users:list': () => [admin, manager, worker],
    'audit:search': (input) => page(input),
    ...overrides,
  });
  window.api = fake.api;
  return fake;
}
function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App now={() => NOW} />);
}
const searches = (fake: FakeApi) => fake.callsTo('audit:search') as ChannelInput<'audit:search'>[];

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

describe('audit log screen', () => {
  it('is in the navigation for managers and administrators only', async () => {
    setup(worker);
    renderAt('#/');
    await screen.findByRole('navigation');
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
    cleanup();
    setup(manager);
    renderAt('#/');
    expect(await screen.findByRole('link', { name: 'Audit log' })).toBeVisible();
  });

  it('shows a page newest first, filters by action, and pages through the store', async () => {
    const fake = setup(manager);
    renderAt('#/admin/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    expect(await screen.findByText('Showing 1–25 of 60 entries, newest first')).toBeVisible();
    expect(searches(fake)[0]).toEqual({ page: 0, pageSize: 25 });
    const grid = screen.getByRole('grid');
    expect(within(grid).getByText('Entry 60')).toBeVisible();
    expect(within(grid).getAllByText('24/11/2026 09:59')[0]).toBeVisible();
    expect(within(grid).getAllByRole('link', { name: 'FD-2026-000101' }).length).toBeGreaterThan(0);
    // Managers do not verify the chain ('audit:verify' is for administrators).
    expect(screen.queryByRole('button', { name: 'Verify integrity' })).toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Action'), 'Changed');
    expect(await screen.findByText('Showing 1–25 of 30 entries, newest first')).toBeVisible();
    expect(searches(fake).at(-1)).toEqual({ page: 0, pageSize: 25, action: 'update' });
    expect(within(grid).getAllByText('Changed').length).toBeGreaterThan(0);
    expect(within(grid).queryByText('Viewed')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    expect(await screen.findByText('Showing 26–30 of 30 entries, newest first')).toBeVisible();
    expect(searches(fake).at(-1)).toEqual({ page: 1, pageSize: 25, action: 'update' });
  });

  it('opens an entry and reads a change field by field', async () => {
    setup(manager, {
      'audit:search': () => ({
        rows: [
          entry(7, {
            summary: 'Referral details updated',
            details: {
              reason: 'Wrong phone number',
              before: { referrer: { phone: '01632 960001' }, whereabouts: 'At school' },
              after: { referrer: { phone: '01632 960999' }, whereabouts: 'At school' },
            },
          }),
        ],
        total: 1,
        references: { 'r-1': 'FD-2026-000101' },
      }),
    });
    renderAt('#/admin/audit');
    await userEvent.click(await screen.findByText('Referral details updated'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Audit entry 7')).toBeVisible();
    const changes = within(dialog).getAllByTestId('audit-change');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toHaveTextContent('Referrer › Phone01632 960001→01632 960999');
    expect(within(dialog).getByText('Wrong phone number')).toBeVisible();
  });

  it("filters by a child from the address and exports the child's audit", async () => {
    const fake = setup(manager, {
      'audit:export-subject': ({ personId }) => ({
        document: {
          id: 'doc-1',
          kind: 'audit-export',
          subjectType: 'person',
          subjectId: personId,
          subjectVersion: 1,
          title: `Audit of child record ${personId} for a subject access request`,
          fileName: `${personId} audit for subject access request.pdf`,
          mime: 'application/pdf',
          size: 1000,
          sha256: 'a'.repeat(64),
          createdAt: '2026-11-24T10:00:00.000Z',
          createdBy: null,
        },
        outcome: { kind: 'saved', location: '/tmp/p-1 audit.pdf' },
      }),
    });
    renderAt('#/admin/audit?person=p-1');
    expect(await screen.findByTestId('audit-child-filter')).toBeVisible();
    await waitFor(() => {
      expect(searches(fake)[0]).toEqual({ page: 0, pageSize: 25, personId: 'p-1' });
    });
    await userEvent.click(screen.getByRole('button', { name: /Export this child's audit/ }));
    expect(await screen.findByText('Saved to /tmp/p-1 audit.pdf')).toBeVisible();
    expect(fake.callsTo('audit:export-subject')).toEqual([{ personId: 'p-1' }]);
    // Clearing the child filter searches everything again and hides the export.
    await userEvent.click(
      within(screen.getByTestId('audit-child-filter')).getByTestId('CancelIcon'),
    );
    await waitFor(() => {
      expect(searches(fake).at(-1)).toEqual({ page: 0, pageSize: 25 });
    });
    expect(screen.queryByRole('button', { name: /Export this child's audit/ })).toBeNull();
  });

  it('verifies integrity with progress, then says every entry is sound', async () => {
    const answer = deferred<AuditVerification>();
    const fake = setup(admin, { 'audit:verify': () => answer.promise });
    renderAt('#/admin/audit');
    await userEvent.click(await screen.findByLabelText('Check from the start'));
    await userEvent.click(screen.getByRole('button', { name: 'Verify integrity' }));
    const [sent] = fake.callsTo('audit:verify') as ChannelInput<'audit:verify'>[];
    expect(sent?.fromStart).toBe(true);
    const taskId = sent?.taskId ?? '';
    expect(taskId).not.toBe('');
    act(() => {
      events.progress({
        taskId: 'someone-else',
        label: 'Other',
        done: 9,
        total: 10,
        state: 'running',
      });
      events.progress({
        taskId,
        label: 'Checking the audit log',
        done: 300,
        total: 1200,
        state: 'running',
      });
    });
    expect(await screen.findByText('Checking the audit log: 300 of 1,200')).toBeVisible();
    expect(screen.getByTestId('audit-verify-progress')).toHaveAttribute('aria-valuenow', '25');
    await act(async () => {
      answer.resolve({ ok: true, count: 1200, checkedFrom: 0 });
      await answer.promise;
    });
    expect(await screen.findByTestId('audit-verify-result')).toHaveTextContent(
      'All 1,200 entries are sound (checked from entry 1)',
    );
  });

  it('names the first broken entry and the reason', async () => {
    setup(admin, {
      'audit:verify': () => ({
        ok: false,
        firstBrokenSeq: 42,
        reason: 'Entry 42 does not match its hash.',
      }),
    });
    renderAt('#/admin/audit');
    await userEvent.click(await screen.findByRole('button', { name: 'Verify integrity' }));
    const alert = await screen.findByTestId('audit-verify-result');
    expect(alert).toHaveTextContent('The audit log has been altered at entry 42');
    expect(alert).toHaveTextContent('Entry 42 does not match its hash.');
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Verify integrity' })).toBeEnabled();
    });
  });
});
