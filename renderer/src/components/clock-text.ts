// Words for a working-day clock (domain §7: "a live working-day clock on every referral").

import type { ClockStatus } from '../../../shared/calendar';
import { formatUkDate, workingDays } from './format';

export type ClockTone = 'overdue' | 'due-today' | 'on-time' | 'done' | 'waiting';

export function clockText(status: ClockStatus): string {
  switch (status.kind) {
    case 'not-started':
      return 'Not started';
    case 'not-required':
      return 'Not required';
    case 'on-time':
      return `On time: ${workingDays(status.workingDaysLeft)} left`;
    case 'due-today':
      return 'Due today';
    case 'overdue':
      return `Overdue by ${workingDays(status.workingDaysOverdue)}`;
    case 'met':
      return status.late
        ? `Done late, ${formatUkDate(status.on)}`
        : `Done ${formatUkDate(status.on)}`;
  }
}

export function clockTone(status: ClockStatus): ClockTone {
  switch (status.kind) {
    case 'not-started':
    case 'not-required':
      return 'waiting';
    case 'on-time':
      return 'on-time';
    case 'due-today':
      return 'due-today';
    case 'overdue':
      return 'overdue';
    case 'met':
      return 'done';
  }
}

/** Sort key: most urgent first (overdue by most, then due today, then least time left). */
export function urgency(status: ClockStatus): number {
  switch (status.kind) {
    case 'overdue':
      return -status.workingDaysOverdue;
    case 'due-today':
      return 0;
    case 'on-time':
      return status.workingDaysLeft;
    case 'not-started':
      return 1_000_000;
    case 'met':
    case 'not-required':
      return 2_000_000;
  }
}
