// The admin work queue of letters and invites as the screen reads it: pure functions, tested
// without a DOM. Issue 13 ("Admin work queue"): letters due and invites to send, overdue first,
// filtered, sorted and paged by the store; the selection made in one go or marked sent.

import type { ChannelInput } from '../../../../shared/ipc/contract';
import { WORK_QUEUE_SORTS } from '../../../../shared/ipc/channels/letters';
import {
  WORK_ITEM_KIND_LABELS,
  type WorkItem,
  type WorkItemKind,
} from '../../../../shared/domain/letters';
import {
  LETTER_OUTCOME_LABELS,
  type LetterKind,
  type LetterVariant,
} from '../../../../shared/letters/types';
import type { TaskProgress } from '../../../../shared/ipc/events';

export type WorkQueueInput = ChannelInput<'letters:queue'>;
export type WorkQueueSort = (typeof WORK_QUEUE_SORTS)[number];

/** Rows a page may show; the store refuses more than 100 (letters:queue pageSize). */
export const WORK_PAGE_SIZES = [25, 50, 100] as const;
export const WORK_DEFAULT_PAGE_SIZE = 25;

/** What the filters above the grid hold; nothing chosen means everything. */
export type WorkFilters = {
  kinds: readonly WorkItemKind[];
  variant: LetterVariant | '';
  overdueOnly: boolean;
  /** A valid due-by date (`YYYY-MM-DD`), or null for none. */
  dueBy: string | null;
};

export const NO_FILTERS: WorkFilters = { kinds: [], variant: '', overdueOnly: false, dueBy: null };

type GridSort = { field: string; sort?: 'asc' | 'desc' | null | undefined };

/** The grid's sort as the store's; nothing chosen is soonest due first (overdue first). */
export function workSortFromModel(model: readonly GridSort[]): {
  sort: WorkQueueSort;
  direction: 'asc' | 'desc';
} {
  const first = model[0];
  const field = WORK_QUEUE_SORTS.find((f) => f === first?.field);
  if (first === undefined || field === undefined || !first.sort) {
    return { sort: 'due', direction: 'asc' };
  }
  return { sort: field, direction: first.sort };
}

/** The letters:queue input for the filters, sort and page: only the filters actually set. */
export function workQueueInput(
  filters: WorkFilters,
  sort: { sort: WorkQueueSort; direction: 'asc' | 'desc' },
  paging: { page: number; pageSize: number },
): WorkQueueInput {
  return {
    ...(filters.kinds.length > 0 ? { kinds: [...filters.kinds] } : {}),
    ...(filters.variant !== '' ? { variants: [filters.variant] } : {}),
    ...(filters.overdueOnly ? { overdueOnly: true } : {}),
    ...(filters.dueBy !== null ? { dueBy: filters.dueBy } : {}),
    sort: sort.sort,
    direction: sort.direction,
    page: paging.page,
    pageSize: paging.pageSize,
  };
}

export function filtersActive(filters: WorkFilters): boolean {
  return (
    filters.kinds.length > 0 ||
    filters.variant !== '' ||
    filters.overdueOnly ||
    filters.dueBy !== null
  );
}

const count = (n: number): string => n.toLocaleString('en-GB');

/** Above the grid, so the size of the queue is never a surprise: "Showing 1–25 of 312". */
export function workShowingText(
  page: number,
  pageSize: number,
  onPage: number,
  total: number,
): string {
  if (total === 0) return 'Nothing to show';
  if (onPage === 0) return `None on this page of ${count(total)}`;
  const from = page * pageSize + 1;
  return `Showing ${count(from)}–${count(from + onPage - 1)} of ${count(total)}`;
}

/** The grid footer: "1–25 of 312". */
export function workDisplayedRows(p: { from: number; to: number; count: number }): string {
  return p.count === 0 ? '0 of 0' : `${count(p.from)}–${count(p.to)} of ${count(p.count)}`;
}

/** Short names for the grid (the full label is in the cell's tooltip and on the letter page). */
export const VARIANT_SHORT_LABELS: Record<LetterVariant, string> = {
  professional: 'Professional',
  public: 'Member of the public',
  family: 'The family',
};

export function kindLabel(kind: WorkItemKind): string {
  return WORK_ITEM_KIND_LABELS[kind];
}

/** "Professional · Early help", "The family", or "3 invitees" style text for an invite. */
export function letterForText(item: WorkItem): string {
  if (item.kind === 'invite') return 'Invitees to the strategy discussion';
  const parts: string[] = [];
  if (item.variant !== null) parts.push(VARIANT_SHORT_LABELS[item.variant]);
  if (item.outcome !== null) parts.push(LETTER_OUTCOME_LABELS[item.outcome]);
  return parts.join(' · ');
}

/** "To make" / "Ready to send" for a letter; an invite's files are made on the strategy page. */
export function stateLabel(item: WorkItem): string {
  if (item.kind === 'invite') return 'To send';
  return item.state === 'ready' ? 'Ready to send' : 'To make';
}

/** Why a row cannot go in a batch yet, in words; null when it can. */
export function blockedText(item: WorkItem): string | null {
  if (item.blocked === null) return null;
  if (item.kind === 'invite') return `Cannot be sent yet: ${item.blocked}`;
  return item.state === 'due' ? `Cannot be made yet: ${item.blocked}` : null;
}

/** The kinds of work item that are letters (an invite is made on the strategy page). */
export function letterKindOf(item: WorkItem): LetterKind | null {
  return item.kind === 'invite' ? null : item.kind;
}

/**
 * The selected rows sorted by what can be done with them: made in one go (a letter due and not
 * blocked), blocked (needs the worker first, with the reason), ready to send (a letter made), and
 * invites to send.
 */
export type SelectionPlan = {
  makeable: { item: WorkItem; kind: LetterKind }[];
  blocked: WorkItem[];
  ready: (WorkItem & { letterId: string })[];
  invites: (WorkItem & { discussionId: string })[];
};

export function planSelection(items: readonly WorkItem[]): SelectionPlan {
  const plan: SelectionPlan = { makeable: [], blocked: [], ready: [], invites: [] };
  for (const item of items) {
    if (item.kind === 'invite') {
      // An invite nobody is on yet cannot have been sent: the reason is shown instead.
      if (item.blocked !== null) plan.blocked.push(item);
      else if (item.discussionId !== null) {
        plan.invites.push({ ...item, discussionId: item.discussionId });
      }
      continue;
    }
    if (item.state === 'ready' && item.letterId !== null) {
      plan.ready.push({ ...item, letterId: item.letterId });
      continue;
    }
    if (item.blocked !== null) {
      plan.blocked.push(item);
      continue;
    }
    plan.makeable.push({ item, kind: item.kind });
  }
  return plan;
}

/** The rows whose keys the grid has selected (its model may include or exclude the ids). */
export function selectedRows(
  model: { type: 'include' | 'exclude'; ids: ReadonlySet<string | number> },
  rows: readonly WorkItem[],
): WorkItem[] {
  return rows.filter((r) => (model.type === 'include') === model.ids.has(r.key));
}

/** A new task id for one batch, so this window knows its own progress events. */
export function newTaskId(): string {
  return typeof crypto.randomUUID === 'function'
    ? `letters-${crypto.randomUUID()}`
    : `letters-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** "Making letters: 3 of 10". */
export function progressText(progress: Pick<TaskProgress, 'label' | 'done' | 'total'>): string {
  const label = progress.label.trim() === '' ? 'Making letters' : progress.label;
  return `${label}: ${count(progress.done)} of ${count(progress.total)}`;
}

/** 0–100 for the progress bar; 0 before anything is counted. */
export function progressPercent(progress: Pick<TaskProgress, 'done' | 'total'>): number {
  if (progress.total <= 0) return 0;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}

export { plural } from '../../../../shared/text/plural';
