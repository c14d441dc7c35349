// Whether two records could be the same child at all, before they are linked or merged: an
// unborn baby and a child already born are one child only if the birth came near the expected
// date. Matching (shared/matching) scores likeness; this only refuses the impossible, so a
// hurried click cannot put a teenager's history on an unborn baby's record or the other way.
import { londonDate } from '../../../shared/calendar/clocks';
import type { PersonRecord } from '../../../shared/domain/records';
import type { IsoDate } from '../../../shared/domain/types';
import { estimatedBirthYear, type ChildInput } from '../../../shared/validation/child';

export type BirthFacts = Pick<
  PersonRecord,
  'status' | 'dateOfBirth' | 'expectedDateOfBirth' | 'approxBirthYear'
>;

/**
 * How far a birth may fall from the expected date and still be that pregnancy. Babies may
 * survive from 22 weeks (BAPM framework on extreme preterm birth, 2019), 18 weeks before a
 * 40-week due date, and labour is induced by 42 weeks (NICE NG207, Inducing labour, 2021); a due
 * date given by a referrer may itself be rough.
 * Four months either side covers all of that and still refuses a school-age child.
 */
export const BIRTH_NEAR_EXPECTED_DAYS = 122;

const DAY_MS = 86_400_000;

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;
}

function ukDate(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** The reason the two cannot be one child, or null where they could be. */
export function cannotBeSameChild(a: BirthFacts, b: BirthFacts): string | null {
  if (a.status === b.status) return null;
  const born = a.status === 'born' ? a : b;
  const unborn = a.status === 'born' ? b : a;
  const expected = unborn.expectedDateOfBirth;
  if (expected === null) return null;
  if (born.dateOfBirth !== null) {
    if (daysBetween(born.dateOfBirth, expected) <= BIRTH_NEAR_EXPECTED_DAYS) return null;
    return `A child born on ${ukDate(born.dateOfBirth)} cannot be the unborn baby expected on ${ukDate(expected)}: the dates are more than four months apart. Check you have the right records.`;
  }
  if (born.approxBirthYear !== null) {
    if (Math.abs(born.approxBirthYear - Number(expected.slice(0, 4))) <= 1) return null;
    return `A child born about ${String(born.approxBirthYear)} cannot be the unborn baby expected on ${ukDate(expected)}. Check you have the right records.`;
  }
  return null;
}

/** What a child typed on a referral says about their birth (an approximate age at `receivedAt`). */
export function birthFactsOfChild(child: ChildInput, receivedAt: string): BirthFacts {
  if (child.status === 'unborn') {
    return {
      status: 'unborn',
      dateOfBirth: null,
      expectedDateOfBirth: child.expectedDateOfBirth,
      approxBirthYear: null,
    };
  }
  return {
    status: 'born',
    dateOfBirth: child.dateOfBirth ?? null,
    expectedDateOfBirth: null,
    approxBirthYear:
      child.approximateAge === undefined
        ? null
        : estimatedBirthYear(child.approximateAge, londonDate(receivedAt)),
  };
}
