// Referrals' links to people: which person each child and household member on a referral is, and
// the referrals, outcomes, siblings and households a person's record page and matching read.
// Split from ./referrals so each file reads in one sitting; re-exported there for its callers.
import type { ReferralStatus } from '../../../../shared/domain/records';
import type { ResponseType } from '../../../../shared/domain/types';
import type { DecisionRow } from '../schema';
import type { Db } from './common';

export async function childRowAt(db: Db, referralId: string, position: number) {
  return db
    .selectFrom('referral_children')
    .selectAll()
    .where('referral_id', '=', referralId)
    .where('position', '=', position)
    .executeTakeFirst();
}

/** Each child row's position and person link, in order (to compare a correction against). */
export async function childLinks(
  db: Db,
  referralId: string,
): Promise<{ id: string; position: number; person_id: string | null; display_name: string }[]> {
  return db
    .selectFrom('referral_children')
    .select(['id', 'position', 'person_id', 'display_name'])
    .where('referral_id', '=', referralId)
    .orderBy('position')
    .execute();
}

export async function setChildPerson(
  db: Db,
  rowId: string,
  personId: string | null,
): Promise<void> {
  await db
    .updateTable('referral_children')
    .set({ person_id: personId })
    .where('id', '=', rowId)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Previous involvement (domain §3, §7)
// ---------------------------------------------------------------------------------------------

/** Decision rows that stand: not returned by a manager and not superseded. */
export const STANDING: readonly DecisionRow['status'][] = ['final', 'awaiting-sign-off'];

export type PersonReferralRow = {
  referral_id: string;
  reference: string;
  received_at: string;
  status: ReferralStatus;
};

/** Every referral a person is a child on, newest first. */
export async function referralsForPerson(db: Db, personId: string): Promise<PersonReferralRow[]> {
  return db
    .selectFrom('referral_children as rc')
    .innerJoin('referrals as r', 'r.id', 'rc.referral_id')
    .select(['rc.referral_id', 'r.reference', 'r.received_at', 'r.status'])
    .where('rc.person_id', '=', personId)
    .groupBy(['rc.referral_id', 'r.reference', 'r.received_at', 'r.status'])
    .orderBy('r.received_at', 'desc')
    .execute();
}

/** The latest standing decision per referral (outcome for "previous involvement"). */
export async function outcomesFor(
  db: Db,
  referralIds: readonly string[],
): Promise<Map<string, { chosen: ResponseType; at: string }>> {
  const out = new Map<string, { chosen: ResponseType; at: string }>();
  if (referralIds.length === 0) return out;
  const rows = await db
    .selectFrom('decisions')
    .select(['referral_id', 'chosen', 'recorded_at'])
    .where('referral_id', 'in', referralIds)
    .where('status', 'in', STANDING)
    .orderBy('recorded_at', 'asc')
    .execute();
  for (const r of rows)
    out.set(r.referral_id, { chosen: r.chosen as ResponseType, at: r.recorded_at });
  return out;
}

export async function otherChildrenOn(db: Db, referralIds: readonly string[], personId: string) {
  if (referralIds.length === 0) return [];
  return db
    .selectFrom('referral_children as rc')
    .innerJoin('referrals as r', 'r.id', 'rc.referral_id')
    .select(['rc.person_id', 'rc.display_name', 'rc.child', 'r.reference', 'r.received_at'])
    .where('rc.referral_id', 'in', referralIds)
    .where((eb) => eb.or([eb('rc.person_id', 'is', null), eb('rc.person_id', '!=', personId)]))
    .orderBy('r.received_at', 'desc')
    .execute();
}

export async function householdOn(db: Db, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  return db
    .selectFrom('household_members as h')
    .innerJoin('referrals as r', 'r.id', 'h.referral_id')
    .select(['h.person_id', 'h.data', 'r.reference', 'r.received_at'])
    .where('h.referral_id', 'in', referralIds)
    .orderBy('r.received_at', 'desc')
    .execute();
}

// Previous involvement for many people at once (the match panel shows up to 20): a constant
// number of queries, however many people are shown.

export type PeopleReferralRow = PersonReferralRow & { person_id: string };

/** Every referral each of these people is a child on, newest first. */
export async function referralsForPeople(
  db: Db,
  personIds: readonly string[],
): Promise<PeopleReferralRow[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('referral_children as rc')
    .innerJoin('referrals as r', 'r.id', 'rc.referral_id')
    .select(['rc.person_id', 'rc.referral_id', 'r.reference', 'r.received_at', 'r.status'])
    .where('rc.person_id', 'in', personIds)
    .groupBy(['rc.person_id', 'rc.referral_id', 'r.reference', 'r.received_at', 'r.status'])
    .orderBy('r.received_at', 'desc')
    .orderBy('rc.referral_id')
    .execute();
  return rows.flatMap((r) => (r.person_id === null ? [] : [{ ...r, person_id: r.person_id }]));
}

/** Every child on these referrals, newest referral first, in their order on the referral. */
export async function childrenOnReferrals(db: Db, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  return db
    .selectFrom('referral_children as rc')
    .innerJoin('referrals as r', 'r.id', 'rc.referral_id')
    .select([
      'rc.referral_id',
      'rc.person_id',
      'rc.display_name',
      'rc.child',
      'r.reference',
      'r.received_at',
    ])
    .where('rc.referral_id', 'in', referralIds)
    .orderBy('r.received_at', 'desc')
    .orderBy('rc.referral_id')
    .orderBy('rc.position')
    .execute();
}

/** Every household member on these referrals, newest referral first. */
export async function householdOnReferrals(db: Db, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  return db
    .selectFrom('household_members as h')
    .innerJoin('referrals as r', 'r.id', 'h.referral_id')
    .select(['h.referral_id', 'h.person_id', 'h.data', 'r.reference', 'r.received_at'])
    .where('h.referral_id', 'in', referralIds)
    .orderBy('r.received_at', 'desc')
    .orderBy('h.referral_id')
    .orderBy('h.position')
    .execute();
}
