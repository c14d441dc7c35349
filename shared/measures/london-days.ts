// London calendar days of many instants, fast enough for years of referrals in one pass.
import { tzOffset } from '@date-fns/tz';
import { LONDON_TIME_ZONE, londonDate } from '../calendar/clocks';
import type { IsoDate, IsoInstant } from '../domain/types';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * `londonDate` for many instants. The zone's offset is read (from the time-zone data, never
 * assumed) at the start and end of each UTC day; where they agree the clocks did not change that
 * day, so the London date is the UTC date of the instant moved by that offset. On the two days a
 * year the clocks change, each hour is read on its own (UK changes happen on the hour).
 */
export function londonDayCache(): (instant: IsoInstant) => IsoDate {
  const offsets = new Map<number, number | null>();
  const hours = new Map<number, IsoDate>();
  return (instant) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) return londonDate(instant);
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = offsets.get(utcDay);
    if (offset === undefined) {
      const start = tzOffset(LONDON_TIME_ZONE, new Date(utcDay * DAY_MS));
      const end = tzOffset(LONDON_TIME_ZONE, new Date((utcDay + 1) * DAY_MS - 1));
      offset = start === end ? start * 60_000 : null;
      offsets.set(utcDay, offset);
    }
    if (offset !== null) return new Date(ms + offset).toISOString().slice(0, 10);
    const hour = Math.floor(ms / HOUR_MS);
    let day = hours.get(hour);
    if (day === undefined) {
      day = londonDate(new Date(hour * HOUR_MS).toISOString());
      hours.set(hour, day);
    }
    return day;
  };
}
