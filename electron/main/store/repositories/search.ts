// Search over children and referrals (contract `search:all`). Each shape of query reads its own
// index: the reference (UNIQUE), NHS number, date of birth and postcode indexes on people, the
// phonetic keys for "sounds like", and the FTS5 tables for words. Full-text matches are ranked
// first, inside a subquery (`ORDER BY bm25(…), rowid DESC LIMIT n`: best first, newest first
// among equals), then joined to their records. SQLite's top-n sort works out the other columns
// only for rows that enter the top n, so highlight() and snippet() run for a few hundred of a
// school's thousand matches at most, not for all (https://sqlite.org/fts5.html §5.1).
// `ORDER BY rank` returns the same order but FTS5 then sorts in a statement of its own and seeks
// each row again: at 200,000 referrals a school's name (about 1,000 matches) took 13.5 / 30 ms
// p50 / p95 that way and 9.5 / 17 ms this way. Highlighting in an outer query instead (MATCH
// again, `rowid IN (…)`) re-runs the match per row: measured 9 ms against 0.5 ms for 50 of 389
// matches on a 3,000-referral file.
// FTS rows are joined to their records by their person_id / referral_id columns, never by rowid.
import { sql } from 'kysely';
import type { ReferralStatus } from '../../../../shared/domain/records';
import type { PersonRow } from '../schema';
import type { Db } from './common';

/** The most rows any one source contributes: the search page shows up to 50 of each group. */
export const SEARCH_SOURCE_LIMIT = 50;
/**
 * What each source reads: one more than it contributes, so the search can say there are more
 * (51 children born on one day must not look like a complete list of 50).
 */
const SOURCE_ROWS = SEARCH_SOURCE_LIMIT + 1;

// Marks a highlighted (matched) token. A control character cannot be typed into a name field,
// so it never appears in the indexed text itself.
const MARK = '\u0001';

export type PersonFtsHit = {
  person: PersonRow;
  names: boolean;
  otherNames: boolean;
  address: boolean;
  postcode: boolean;
};

/** People whose names, other names, address or postcode match an FTS5 query (best first). */
export async function peopleByText(db: Db, ftsQuery: string): Promise<PersonFtsHit[]> {
  const { rows } = await sql<
    PersonRow & { h_names: string; h_other: string; h_address: string; h_postcode: string }
  >`
    SELECT p.*, hit.h_names, hit.h_other, hit.h_address, hit.h_postcode
      FROM (SELECT person_id, bm25(people_fts) AS rnk, rowid AS fts_rowid,
                   highlight(people_fts, 1, ${MARK}, '') AS h_names,
                   highlight(people_fts, 2, ${MARK}, '') AS h_other,
                   highlight(people_fts, 3, ${MARK}, '') AS h_address,
                   highlight(people_fts, 4, ${MARK}, '') AS h_postcode
              FROM people_fts
             WHERE people_fts MATCH ${ftsQuery}
             ORDER BY rnk, fts_rowid DESC LIMIT ${SOURCE_ROWS}) AS hit
      JOIN people AS p ON p.id = hit.person_id
     WHERE p.merged_into IS NULL
     ORDER BY hit.rnk, hit.fts_rowid DESC`.execute(db);
  return rows.map(({ h_names, h_other, h_address, h_postcode, ...person }) => ({
    person,
    names: h_names.includes(MARK),
    otherNames: h_other.includes(MARK),
    address: h_address.includes(MARK),
    postcode: h_postcode.includes(MARK),
  }));
}

/**
 * People whose names sound like the typed ones (Double Metaphone keys stored beside each
 * person): family codes, and given codes when a first name was typed too. One typed word is
 * tried as a family name or a given name.
 */
export async function peopleSoundingLike(
  db: Db,
  keys: { family: readonly string[]; given: readonly string[]; either: boolean },
): Promise<PersonRow[]> {
  if (keys.family.length === 0) return [];
  const family = sql`(p.family_phonetic1 IN (${sql.join(keys.family)}) OR p.family_phonetic2 IN (${sql.join(keys.family)}))`;
  const given =
    keys.given.length === 0
      ? null
      : sql`(p.given_phonetic1 IN (${sql.join(keys.given)}) OR p.given_phonetic2 IN (${sql.join(keys.given)}))`;
  const where = keys.either
    ? sql`(${family} OR p.given_phonetic1 IN (${sql.join(keys.family)}))`
    : given === null
      ? family
      : sql`${family} AND ${given}`;
  // `+p.merged_into`: the unary plus keeps SQLite from planning on the merged_into index, which
  // would walk every person that was never merged instead of the phonetic keys' few rows.
  const { rows } = await sql<PersonRow>`
    SELECT p.* FROM people AS p
     WHERE ${where} AND +p.merged_into IS NULL
     ORDER BY p.family_key, p.given_key
     LIMIT ${SOURCE_ROWS}`.execute(db);
  return rows;
}

export async function peopleByNhsNumber(db: Db, digits: string): Promise<PersonRow[]> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('nhs_number', '=', digits)
    .where(sql<boolean>`+merged_into IS NULL`)
    .orderBy('family_key')
    .limit(SOURCE_ROWS)
    .execute();
}

/** Born on, or expected on, the date. */
export async function peopleByBirthDate(db: Db, date: string): Promise<PersonRow[]> {
  return db
    .selectFrom('people')
    .selectAll()
    .where((eb) => eb.or([eb('date_of_birth', '=', date), eb('expected_date_of_birth', '=', date)]))
    .where(sql<boolean>`+merged_into IS NULL`)
    .orderBy('family_key')
    .orderBy('given_key')
    .limit(SOURCE_ROWS)
    .execute();
}

/** `postcode` is in the canonical form the people table stores (normalisePostcode). */
export async function peopleByPostcode(db: Db, postcode: string): Promise<PersonRow[]> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('postcode', '=', postcode)
    .where(sql<boolean>`+merged_into IS NULL`)
    .orderBy('family_key')
    .orderBy('given_key')
    .limit(SOURCE_ROWS)
    .execute();
}

export async function peopleByIds(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', ids)
    .where('merged_into', 'is', null)
    .execute();
}

export type ReferralHitRow = {
  id: string;
  reference: string;
  status: ReferralStatus;
  received_at: string;
  referrer_label: string;
  immediate_protection: number;
};

export type ReferralFtsHit = ReferralHitRow & {
  matched: {
    reference: boolean;
    concern: boolean;
    referrer: boolean;
    children: boolean;
    schools: boolean;
  };
  snippet: string;
};

/** Referrals whose reference, concern, referrer or children's names match (best first). */
export async function referralsByText(db: Db, ftsQuery: string): Promise<ReferralFtsHit[]> {
  const { rows } = await sql<
    ReferralHitRow & {
      h_reference: string;
      h_narrative: string;
      h_referrer: string;
      h_children: string;
      h_schools: string;
    }
  >`
    SELECT r.id, r.reference, r.status, r.received_at, r.referrer_label, r.immediate_protection,
           hit.h_reference, hit.h_narrative, hit.h_referrer, hit.h_children, hit.h_schools
      FROM (SELECT referral_id, bm25(referrals_fts) AS rnk, rowid AS fts_rowid,
                   highlight(referrals_fts, 1, ${MARK}, '') AS h_reference,
                   snippet(referrals_fts, 2, ${MARK}, '', ' … ', 12) AS h_narrative,
                   highlight(referrals_fts, 3, ${MARK}, '') AS h_referrer,
                   highlight(referrals_fts, 4, ${MARK}, '') AS h_children,
                   highlight(referrals_fts, 5, ${MARK}, '') AS h_schools
              FROM referrals_fts
             WHERE referrals_fts MATCH ${ftsQuery}
             ORDER BY rnk, fts_rowid DESC LIMIT ${SOURCE_ROWS}) AS hit
      JOIN referrals AS r ON r.id = hit.referral_id
     ORDER BY hit.rnk, hit.fts_rowid DESC`.execute(db);
  return rows.map(({ h_reference, h_narrative, h_referrer, h_children, h_schools, ...r }) => ({
    ...r,
    matched: {
      reference: h_reference.includes(MARK),
      concern: h_narrative.includes(MARK),
      referrer: h_referrer.includes(MARK),
      children: h_children.includes(MARK),
      schools: h_schools.includes(MARK),
    },
    snippet: h_narrative.replaceAll(MARK, ''),
  }));
}

const REFERRAL_HIT_COLUMNS = [
  'r.id',
  'r.reference',
  'r.status',
  'r.received_at',
  'r.referrer_label',
  'r.immediate_protection',
] as const;

/**
 * Referrals by reference through its UNIQUE index: the exact reference, or every reference that
 * starts with what was typed (a range on the index, not LIKE, which SQLite only indexes under
 * case_sensitive_like).
 */
export async function referralsByReference(
  db: Db,
  exact: string,
  prefix: string,
): Promise<ReferralHitRow[]> {
  return db
    .selectFrom('referrals as r')
    .select(REFERRAL_HIT_COLUMNS)
    .where((eb) =>
      eb.or([
        eb('r.reference', '=', exact),
        // References are ASCII letters, digits and dashes, all of which sort before '~'.
        eb.and([eb('r.reference', '>=', prefix), eb('r.reference', '<', `${prefix}~`)]),
      ]),
    )
    .orderBy('r.reference', 'desc')
    .limit(SOURCE_ROWS)
    .execute();
}

/** Referrals any of these people is a child on, newest first. */
export async function referralsForPeople(
  db: Db,
  personIds: readonly string[],
): Promise<(ReferralHitRow & { person_id: string })[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('referral_children as rc')
    .innerJoin('referrals as r', 'r.id', 'rc.referral_id')
    .select([...REFERRAL_HIT_COLUMNS, 'rc.person_id'])
    .where('rc.person_id', 'in', personIds)
    .orderBy('r.received_at', 'desc')
    .limit(SOURCE_ROWS)
    .execute();
  return rows.flatMap((r) => (r.person_id === null ? [] : [{ ...r, person_id: r.person_id }]));
}

/**
 * The newest referrals whose `schools` column (migration 6) holds every word of the query:
 * newest by rowid, not by rank, because every hit names the school once, so bm25 would only
 * reorder near-equals, and ranking a school's thousand referrals a second time (the text search
 * has already ranked them once) doubled the time of a school search.
 */
export async function referralsBySchool(db: Db, ftsQuery: string): Promise<string[]> {
  const { rows } = await sql<{ referral_id: string }>`
    SELECT referral_id FROM referrals_fts
     WHERE referrals_fts MATCH ${`schools : (${ftsQuery})`}
     ORDER BY rowid DESC LIMIT ${SOURCE_ROWS}`.execute(db);
  return rows.map((r) => r.referral_id);
}

export type SchoolChildRow = ReferralHitRow & { person_id: string | null };

/**
 * The children at a school or nursery on referrals already found (by the text search, or by
 * {@link referralsBySchool}): the children whose school holds the words typed, folded as names
 * are, so the child's record can be offered too.
 */
export async function childrenAtSchoolOn(
  db: Db,
  referralIds: readonly string[],
  text: string,
): Promise<SchoolChildRow[]> {
  if (referralIds.length === 0) return [];
  return db
    .selectFrom(
      sql<{
        referral_id: string;
      }>`(SELECT value AS referral_id FROM json_each(${JSON.stringify(referralIds)}))`.as('hit'),
    )
    .innerJoin('referral_children as rc', 'rc.referral_id', 'hit.referral_id')
    .innerJoin('referrals as r', 'r.id', 'rc.referral_id')
    .select([...REFERRAL_HIT_COLUMNS, 'rc.person_id'])
    .where(
      sql<boolean>`instr(fold_search(json_extract(rc.child, '$.school')), fold_search(${text})) > 0`,
    )
    .orderBy('r.received_at', 'desc')
    .execute();
}

/** The children named on each referral, in their order on it. */
export async function childrenOnReferrals(
  db: Db,
  referralIds: readonly string[],
): Promise<Map<string, { name: string; personId: string | null }[]>> {
  const out = new Map<string, { name: string; personId: string | null }[]>();
  if (referralIds.length === 0) return out;
  const rows = await db
    .selectFrom('referral_children')
    .select(['referral_id', 'display_name', 'person_id'])
    .where('referral_id', 'in', referralIds)
    .orderBy('referral_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.referral_id) ?? [];
    list.push({ name: r.display_name, personId: r.person_id });
    out.set(r.referral_id, list);
  }
  return out;
}
