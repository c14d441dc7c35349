// Referrals' links to people: which person each child and household member on a referral is, and
// the referrals, outcomes, siblings and households a person's record page and matching read.
// Split from ./referrals so each file reads in one sitting; re-exported there for its callers.
import { sql } from 'kysely';
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

export type PeopleReferralRow = PersonReferralRow & {
  person_id: string;
  /** The latest standing decision's response and when it was recorded (null: none stands). */
  chosen: ResponseType | null;
  decided_at: string | null;
};

/**
 * Every referral each of these people is a child on, newest first, with its outcome: the latest
 * standing decision, found newest first through the decisions index on (referral, time), so only
 * a referral's latest decisions are read (and none at all once that index also holds the status
 * and the choice, as the Measures indexes of migration 14 make it).
 */
export async function referralsForPeople(
  db: Db,
  personIds: readonly string[],
): Promise<PeopleReferralRow[]> {
  if (personIds.length === 0) return [];
  const standing = sql.join(STANDING.map((st) => sql.lit(st)));
  const latest = (column: 'chosen' | 'recorded_at') =>
    sql`(SELECT d.${sql.ref(column)} FROM decisions AS d
          WHERE d.referral_id = rc.referral_id AND d.status IN (${standing})
          ORDER BY d.recorded_at DESC LIMIT 1)`;
  const rows = await db
    .selectFrom('referral_children as rc')
    .innerJoin('referrals as r', 'r.id', 'rc.referral_id')
    .select(['rc.person_id', 'rc.referral_id', 'r.reference', 'r.received_at', 'r.status'])
    .select([
      latest('chosen').$castTo<string | null>().as('chosen'),
      latest('recorded_at').$castTo<string | null>().as('decided_at'),
    ])
    .where('rc.person_id', 'in', personIds)
    .groupBy(['rc.person_id', 'rc.referral_id'])
    .orderBy('r.received_at', 'desc')
    .orderBy('rc.referral_id')
    .execute();
  return rows.flatMap((r) =>
    r.person_id === null
      ? []
      : [{ ...r, person_id: r.person_id, chosen: (r.chosen as ResponseType | null) ?? null }],
  );
}

/**
 * The children and household members on these referrals, in their order on each referral, in
 * one read of their own tables: the caller already holds each referral's reference and date.
 */
export async function peopleOnReferrals(db: Db, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  return db
    .selectFrom('referral_children')
    .select([
      sql<'child' | 'household'>`'child'`.as('kind'),
      'referral_id',
      'position',
      'person_id',
      sql<string | null>`display_name`.as('display_name'),
      sql<string>`child`.as('data'),
    ])
    .where('referral_id', 'in', referralIds)
    .unionAll(
      db
        .selectFrom('household_members')
        .select([
          sql<'child' | 'household'>`'household'`.as('kind'),
          'referral_id',
          'position',
          'person_id',
          sql<string | null>`NULL`.as('display_name'),
          'data',
        ])
        .where('referral_id', 'in', referralIds),
    )
    .execute();
}

/**
 * The strategy discussions about this person as a child on these referrals (any status), earliest
 * first. Read from the referrals' discussions (indexed by referral) to the children on them, not
 * the other way: nothing indexes a discussion's children by the referral child.
 */
export async function discussionsAbout(db: Db, personId: string, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  return (
    db
      .selectFrom('strategy_discussions as sd')
      .innerJoin('strategy_children as sc', 'sc.discussion_id', 'sd.id')
      .innerJoin('referral_children as rc', 'rc.id', 'sc.referral_child_id')
      .select([
        'sd.id',
        'sd.referral_id',
        'sd.sequence',
        'sd.status',
        'sd.starts_at',
        'sd.ends_at',
        'sd.format',
      ])
      .where('sd.referral_id', 'in', referralIds)
      // Unary plus: the person index on referral children must not drive the plan (see above).
      .where(sql<boolean>`+rc.person_id = ${personId}`)
      .groupBy('sd.id')
      .orderBy('sd.starts_at')
      .orderBy('sd.sequence')
      .execute()
  );
}
