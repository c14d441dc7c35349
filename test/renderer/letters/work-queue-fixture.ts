// Plain data and a fake store for the admin work queue's renderer tests, typed from the contract.
import type { BatchResult, WorkItem, WorkQueuePage } from '../../../shared/domain/letters';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type {
  AppEventName,
  AppEventPayload,
  AppEventsApi,
  TaskProgress,
} from '../../../shared/ipc/events';

export function workItem(partial: Partial<WorkItem> & Pick<WorkItem, 'key'>): WorkItem {
  return {
    kind: 'outcome',
    referralId: `r-${partial.key}`,
    reference: `FD-2026-${partial.key}`,
    discussionId: null,
    recipient: 'Jo Teacher, Oak Primary School',
    hasEmail: true,
    variant: 'professional',
    outcome: 'early-help',
    dueOn: '2026-11-24',
    overdue: false,
    state: 'due',
    letterId: null,
    blocked: null,
    ...partial,
  };
}

/** Tuesday 24 November 2026 is "today" (fixtures NOW). */
export const WORK: WorkItem[] = [
  workItem({
    key: '000101',
    kind: 'acknowledgement',
    outcome: null,
    dueOn: '2026-11-20',
    overdue: true,
  }),
  workItem({
    key: '000102',
    variant: 'public',
    recipient: 'Alex Neighbour',
    outcome: 'nfa',
    dueOn: '2026-11-24',
  }),
  workItem({
    key: '000103',
    variant: 'family',
    recipient: 'Kim Smith',
    outcome: 's17-assessment',
    dueOn: '2026-11-25',
    blocked: 'The child referred themselves: record how it is safe to contact them',
  }),
  workItem({
    key: '000104',
    state: 'ready',
    letterId: 'l-104',
    outcome: 's17-assessment',
    dueOn: '2026-11-26',
  }),
  workItem({
    key: '000105',
    kind: 'invite',
    discussionId: 'd-105',
    variant: null,
    outcome: null,
    recipient: '4 invitees',
    dueOn: '2026-11-27',
  }),
];

/** The fake store's answer: filtered, sorted by due date (or reference), one page. */
export function workPage(
  items: readonly WorkItem[],
  input: ChannelInput<'letters:queue'>,
): WorkQueuePage {
  const kept = items.filter(
    (i) =>
      (input.kinds === undefined || input.kinds.includes(i.kind)) &&
      (input.variants === undefined ||
        (i.variant !== null && input.variants.includes(i.variant))) &&
      (input.overdueOnly !== true || i.overdue) &&
      (input.dueBy === undefined || i.dueOn <= input.dueBy),
  );
  const key = (i: WorkItem): string =>
    input.sort === 'reference' ? i.reference : input.sort === 'kind' ? i.kind : i.dueOn;
  const sorted = [...kept].sort((a, b) => key(a).localeCompare(key(b)));
  if (input.direction === 'desc') sorted.reverse();
  const from = input.page * input.pageSize;
  return {
    rows: sorted.slice(from, from + input.pageSize),
    total: sorted.length,
    windowStart: '2026-06-01',
  };
}

/** The events map as the preload gives it, with a way for the test to send an event. */
export function fakeAppEvents(): AppEventsApi & { progress(p: TaskProgress): void } {
  const listeners = new Set<(payload: TaskProgress) => void>();
  return {
    on<E extends AppEventName>(_name: E, listener: (payload: AppEventPayload<E>) => void) {
      // task:progress is the only event in the map today.
      const l = listener as (payload: TaskProgress) => void;
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
    progress(p) {
      for (const l of listeners) l(p);
    },
  };
}

export function madeResult(item: WorkItem): BatchResult {
  const kind = item.kind === 'invite' ? 'outcome' : item.kind;
  return {
    key: item.key,
    reference: item.reference,
    kind,
    outcome: {
      ok: true,
      letter: {
        id: `l-${item.key}`,
        referralId: item.referralId,
        reference: item.reference,
        kind,
        variant: item.variant ?? 'professional',
        outcome: item.outcome,
        sequence: 1,
        recipient: item.recipient,
        documentId: `doc-${item.key}`,
        emailDocumentId: null,
        sent: null,
        createdAt: '2026-11-24T10:00:00Z',
        createdBy: null,
      },
    },
  };
}

export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
} {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
