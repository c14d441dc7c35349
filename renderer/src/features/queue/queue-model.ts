// The queue as a duty worker reads it: pure functions, tested without a DOM.

import {
  clockStatus,
  type ClockStatus,
  type WorkingDayCalendar,
} from '../../../../shared/calendar';
import type { QueueChild, QueueItem } from '../../../../shared/domain/records';
import { canCall, type Caller } from '../../../../shared/ipc/access';
import {
  QUEUE_SORT_FIELDS,
  type QueueFilter,
  type QueueSortField,
} from '../../../../shared/ipc/contract';
import { urgency } from '../../components/clock-text';
import { formatUkDate } from '../../components/format';
import { returnedText } from '../decisions/returned';
import { approximateAgeText } from '../../../../shared/validation/child';

export const FILTER_LABELS: Record<QueueFilter, string> = {
  all: 'All',
  mine: 'Mine',
  unassigned: 'Unassigned',
  'due-today': 'Due today',
  overdue: 'Overdue',
  'awaiting-sign-off': 'Awaiting sign-off',
};

export const FILTER_HEADINGS: Record<QueueFilter, string> = {
  all: 'All referrals awaiting a decision or sign-off',
  mine: 'Referrals assigned to you',
  unassigned: 'Referrals not yet assigned',
  'due-today': 'Decisions due today',
  overdue: 'Decisions overdue',
  'awaiting-sign-off': 'Decisions awaiting manager sign-off',
};

export const EMPTY_TEXT: Record<QueueFilter, string> = {
  all: 'There are no referrals waiting. New referrals will appear here.',
  mine: 'No referrals are assigned to you.',
  unassigned: 'Every referral has a worker.',
  'due-today': 'No decisions are due today.',
  overdue: 'No decisions are overdue.',
  'awaiting-sign-off': 'No decisions are waiting for sign-off.',
};

export function isQueueFilter(
  value: string | null,
  filters: readonly string[],
): value is QueueFilter {
  return value !== null && filters.includes(value);
}

/**
 * The decision clock as it stands now. The server's status is as of the moment it was read; this
 * recounts it against today so a screen left open overnight is still right. A met clock (decision
 * recorded, waiting for sign-off) stays as the server said.
 */
export function liveStatus(
  item: QueueItem,
  today: string,
  calendar: WorkingDayCalendar,
): ClockStatus {
  if (item.clock.kind === 'met' || item.clock.kind === 'not-started') return item.clock;
  try {
    return clockStatus(item.decisionDue, today, calendar);
  } catch {
    return item.clock;
  }
}

export type QueueRow = { item: QueueItem; status: ClockStatus };

/** Most urgent first; ties by the time received, oldest first. */
export function sortQueue(
  items: readonly QueueItem[],
  today: string,
  calendar: WorkingDayCalendar,
): QueueRow[] {
  return items
    .map((item) => ({ item, status: liveStatus(item, today, calendar) }))
    .sort(
      (a, b) =>
        urgency(a.status) - urgency(b.status) ||
        a.item.decisionDue.localeCompare(b.item.decisionDue) ||
        a.item.receivedAt.localeCompare(b.item.receivedAt),
    );
}

/** Whole years from `birth` to `today` (ISO dates). */
export function ageInYears(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** `Born 14/03/2016 (age 10)`, `Expected 20/01/2027`, or null when not known. */
export function birthLine(child: QueueChild, today: string): string | null {
  if (child.birthDate === null) {
    return child.approximateAge === undefined || child.approximateAge === null
      ? null
      : `Date of birth not known (${approximateAgeText(child.approximateAge)})`;
  }
  if (child.unborn) return `Unborn, expected ${formatUkDate(child.birthDate)}`;
  const age = ageInYears(child.birthDate, today);
  const ageText = age < 1 ? 'under 1' : `age ${String(age)}`;
  return `Born ${formatUkDate(child.birthDate)} (${ageText})`;
}

/** The queue row's short form: `14/03/2016`, `unborn`, `about 6`, or '' when not known. */
export function shortBirth(child: QueueChild): string {
  if (child.birthDate === null)
    return child.approximateAge === undefined || child.approximateAge === null
      ? ''
      : approximateAgeText(child.approximateAge);
  return child.unborn
    ? `unborn, due ${formatUkDate(child.birthDate)}`
    : formatUkDate(child.birthDate);
}

/**
 * "Returned by Jo Morgan: Add the police reference." for a referral whose last decision a manager
 * returned (local sign-off policy); null otherwise.
 */
export function returnedLine(item: QueueItem): string | null {
  return item.returned ? returnedText(item.returned, { withDate: false }) : null;
}

export function childrenSummary(children: readonly QueueChild[]): string {
  return children.map((c) => c.displayName).join(', ');
}

/** Rows a page may show; the store refuses more than 100 (contract QUEUE_PAGE_SIZE_MAX). */
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** A manager picks who holds a referral; a duty worker takes it themselves. */
export type AssignMode = 'choose' | 'take';

/** No assign control unless 'referrals:assign' would be allowed; then how it is offered. */
export function assignModeFor(user: Caller): AssignMode | null {
  if (!canCall('referrals:assign', user)) return null;
  return user.roles.includes('manager') ? 'choose' : 'take';
}

const count = (n: number) => n.toLocaleString('en-GB');

/** The grid footer: "1–50 of 4,812". */
export function displayedRows(p: { from: number; to: number; count: number }): string {
  return p.count === 0 ? '0 of 0' : `${count(p.from)}–${count(p.to)} of ${count(p.count)}`;
}

/** Above the grid, so the size of the queue is never a surprise: "Showing 1–50 of 4,812". */
export function showingText(page: number, pageSize: number, onPage: number, total: number): string {
  if (total === 0) return 'No referrals';
  if (onPage === 0) return `None on this page of ${count(total)}`;
  const from = page * pageSize + 1;
  return `Showing ${count(from)}–${count(from + onPage - 1)} of ${count(total)}`;
}

type GridSort = { field: string; sort?: 'asc' | 'desc' | null | undefined };

/** The grid's sort model as the store's sort; nothing chosen means most urgent first. */
export function sortFromModel(model: readonly GridSort[]): {
  field: QueueSortField;
  direction: 'asc' | 'desc';
} {
  const first = model[0];
  const field = QUEUE_SORT_FIELDS.find((f) => f === first?.field);
  if (first === undefined || field === undefined || !first.sort)
    return { field: 'urgency', direction: 'asc' };
  return { field, direction: first.sort };
}
