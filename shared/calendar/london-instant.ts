import { TZDate } from '@date-fns/tz';
import type { IsoDate, IsoInstant } from '../domain/types';
import { LONDON_TIME_ZONE, londonDate, londonTime } from './clocks';

/**
 * A wall-clock time in London turned into an instant, without silent shifts (reliability promise 2,
 * domain §4): on the spring-forward day 01:00–01:59 does not exist; on the autumn day 01:00–01:59
 * happens twice. Both are reported so the user can be asked, never guessed.
 */
export type LondonInstant =
  | { kind: 'ok'; instant: IsoInstant }
  | { kind: 'nonexistent'; message: string }
  | { kind: 'ambiguous'; earlier: IsoInstant; later: IsoInstant; message: string };

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function londonInstant(date: IsoDate, time: string): LondonInstant {
  const m = HH_MM.exec(time);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !d) throw new Error(`Not a London date and 24-hour time: ${date} ${time}`);
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  // Candidates: the wall time read as GMT (UTC+0) and as BST (UTC+1). Keep those that really
  // show this wall time in London.
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const candidates = [utc - 3_600_000, utc]
    .map((ms) => new Date(ms).toISOString())
    .filter((iso) => londonDate(iso) === date && londonTime(iso).slice(0, 5) === time);
  const [first, second] = candidates;
  if (first === undefined) {
    return {
      kind: 'nonexistent',
      message: `${time} on this day does not exist in the UK: the clocks go forward an hour at 01:00. Choose another time.`,
    };
  }
  if (second !== undefined) {
    return {
      kind: 'ambiguous',
      earlier: first,
      later: second,
      message: `${time} on this day happens twice in the UK: the clocks go back an hour at 02:00. Choose the first (BST) or the second (GMT).`,
    };
  }
  return { kind: 'ok', instant: first };
}

/** The current London date/time parts for defaults in forms. */
export function londonNow(now: Date): { date: IsoDate; time: string } {
  const z = new TZDate(now, LONDON_TIME_ZONE);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return {
    date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
    time: `${pad(z.getHours())}:${pad(z.getMinutes())}`,
  };
}
