// Display formats for people (domain §5): DD/MM/YYYY, 24-hour times, always Europe/London.

import { LONDON_TIME_ZONE, londonDate, londonTime } from '../../../shared/calendar';
import { formatUkDate } from '../../../shared/validation/formats';
import type { UserRole } from '../../../shared/domain/types';

export { LONDON_TIME_ZONE, formatUkDate };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** `Tue 24/11/2026` — the weekday helps when counting working days by eye. */
export function formatDayDate(iso: string): string {
  const ms = Date.parse(`${iso}T12:00:00Z`);
  if (Number.isNaN(ms)) return formatUkDate(iso);
  const weekday = WEEKDAYS[new Date(ms).getUTCDay()] ?? '';
  return `${weekday} ${formatUkDate(iso)}`;
}

/** An instant as `DD/MM/YYYY HH:mm` in London; the raw text if it cannot be read. */
export function formatDateTime(instant: string): string {
  try {
    return `${formatUkDate(londonDate(instant))} ${londonTime(instant).slice(0, 5)}`;
  } catch {
    return instant;
  }
}

/** The London calendar date of an instant, `YYYY-MM-DD`. */
export function londonDay(now: Date): string {
  return londonDate(now.toISOString());
}

export const ROLE_LABELS: Record<UserRole, string> = {
  'duty-worker': 'Duty worker',
  manager: 'Manager',
  chair: 'Meeting chair',
  'minute-taker': 'Minute-taker',
  admin: 'Administrator',
};

export function formatRoles(roles: readonly UserRole[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join(', ');
}

/** `1 working day`, `3 working days`. */
export function workingDays(n: number): string {
  return n === 1 ? '1 working day' : `${n} working days`;
}
