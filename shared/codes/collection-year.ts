// CIN census collection years (domain §3; CIN census specification: the collection year runs
// 1 April to 31 March).

import type { IsoDate } from '../domain/types';

/**
 * A collection year is named by the calendar year in which it STARTS: 2023 means the year
 * 1 April 2023 – 31 March 2024 (published by DfE as "2023-24" / "2023 to 2024").
 */
export type CollectionYear = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The collection year a date falls in: 1 April – 31 March.
 * `collectionYearFor('2024-03-31')` → 2023 (2023-24); `collectionYearFor('2024-04-01')` → 2024.
 * @throws RangeError if the date is not a real `YYYY-MM-DD` calendar date.
 */
export function collectionYearFor(isoDate: IsoDate): CollectionYear {
  const m = ISO_DATE.exec(isoDate);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a valid date (YYYY-MM-DD): ${isoDate}`);
  }
  return month >= 4 ? year : year - 1;
}

/** "2023-24" for 2023. */
export function collectionYearLabel(year: CollectionYear): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** First and last dates of a collection year. */
export function collectionYearRange(year: CollectionYear): { start: IsoDate; end: IsoDate } {
  return { start: `${year}-04-01`, end: `${year + 1}-03-31` };
}
