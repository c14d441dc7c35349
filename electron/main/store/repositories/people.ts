// People: children (born or unborn) and adults. Search keys from shared/matching are stored
// beside the names so SQLite can find candidates by index before scoreMatch ranks them
// (domain §5, §7). FTS rows are kept in step in the same transaction.
import { type ExpressionBuilder, sql } from 'kysely';
import type { AddressRecord, PersonRecord } from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';
import { nameKey, personSearchKeys } from '../../../../shared/matching';
import {
  addDaysIso,
  isIsoDate,
  normaliseNhsNumber,
  normalisePostcode,
} from '../../../../shared/validation/formats';
import { toFtsQuery } from '../fts';
import type { Database, PersonRow } from '../schema';
import { type Db, bool, fromJson, toJson, versionedUpdate } from './common';

export type NewPerson = {
  kind: 'child' | 'adult';
  status: 'born' | 'unborn';
  givenNames?: string | undefined;
  familyName?: string | undefined;
  otherNames?: string | undefined;
  dateOfBirth?: IsoDate | undefined;
  expectedDateOfBirth?: IsoDate | undefined;
  gender?: string | undefined;
  nhsNumber?: string | undefined;
  address?: AddressRecord | undefined;
  /** Where the date of birth is not known: the year "about N" points to. */
  approxBirthYear?: number | undefined;
};

export function toPersonRecord(r: PersonRow): PersonRecord {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    givenNames: r.given_names,
    familyName: r.family_name,
    otherNames: r.other_names,
    dateOfBirth: r.date_of_birth,
    expectedDateOfBirth: r.expected_date_of_birth,
    gender: r.gender,
    nhsNumber: r.nhs_number,
    postcode: r.postcode,
    address: fromJson(r.address) as AddressRecord | null,
    mergedInto: r.merged_into,
    approxBirthYear: r.approx_birth_year,
    legalHold: bool(r.legal_hold),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const blankToNull = (s: string | undefined | null): string | null =>
  s === undefined || s === null || s.trim() === '' ? null : s;

/** The search-key columns stored beside a person's names (shared/matching). */
export function personKeyColumns(p: NewPerson) {
  const k = personSearchKeys({
    givenNames: p.givenNames ?? null,
    familyName: p.familyName ?? null,
    dateOfBirth: p.dateOfBirth ?? p.expectedDateOfBirth ?? null,
  });
  return {
    name_key: [k.givenNameKey, k.familyNameKey].filter((s) => s !== '').join(' '),
    family_key: k.familyNameKey,
    given_key: k.firstGivenNameKey,
    family_phonetic1: k.familyNamePhonetic[0] ?? null,
    family_phonetic2: k.familyNamePhonetic[1] ?? null,
    given_phonetic1: k.givenNamePhonetic[0] ?? null,
    given_phonetic2: k.givenNamePhonetic[1] ?? null,
  };
}

/** The person's full-text row (names as typed and folded, other names, address, postcode). */
export function personFtsValues(id: string, p: NewPerson) {
  const a = p.address;
  return {
    person_id: id,
    // As typed, plus the folded key (`O'Brien` → `obrien`) so both spellings are found.
    names: [
      p.givenNames,
      p.familyName,
      nameKey([p.givenNames, p.familyName].filter(Boolean).join(' ')),
    ]
      .filter(Boolean)
      .join(' '),
    other_names: p.otherNames ?? '',
    address: a ? [a.line1, a.line2, a.town].filter(Boolean).join(' ') : '',
    postcode: a?.postcode ?? '',
  };
}

export async function insertPerson(
  db: Db,
  p: NewPerson,
  stamp: { at: string; userId: string },
): Promise<PersonRecord> {
  const id = crypto.randomUUID();
  const postcode = p.address?.postcode ? normalisePostcode(p.address.postcode) : null;
  const nhs = p.nhsNumber ? normaliseNhsNumber(p.nhsNumber) : null;
  const row = await db
    .insertInto('people')
    .values({
      id,
      kind: p.kind,
      status: p.status,
      given_names: blankToNull(p.givenNames),
      family_name: blankToNull(p.familyName),
      other_names: blankToNull(p.otherNames),
      date_of_birth: p.dateOfBirth ?? null,
      expected_date_of_birth: p.expectedDateOfBirth ?? null,
      gender: p.gender ?? null,
      nhs_number: nhs,
      postcode,
      address: p.address ? toJson(p.address) : null,
      ...personKeyColumns(p),
      approx_birth_year: p.dateOfBirth ? null : (p.approxBirthYear ?? null),
      merged_into: null,
      created_at: stamp.at,
      created_by: stamp.userId,
      updated_at: stamp.at,
      updated_by: stamp.userId,
    })
    .returningAll()
    .returning(sql<number>`rowid`.as('rowid'))
    .executeTakeFirstOrThrow();
  // The index row takes the person's rowid (migration 6), so it is found by key, never by a
  // scan of the whole index.
  await db
    .insertInto('people_fts')
    .values({ rowid: row.rowid, ...personFtsValues(id, p) })
    .execute();
  return toPersonRecord(row);
}

export async function getPerson(db: Db, id: string): Promise<PersonRecord | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPersonRecord(row) : null;
}

/** Follows merged_into to the record that stands (a merge chain is at most a few links). */
export async function resolvePersonId(db: Db, id: string): Promise<string | null> {
  let current = id;
  for (let i = 0; i < 10; i++) {
    const row = await db
      .selectFrom('people')
      .select(['id', 'merged_into'])
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) return null;
    if (row.merged_into === null) return row.id;
    current = row.merged_into;
  }
  return null;
}

export type CandidateQuery = {
  givenNames?: string | undefined;
  familyName?: string | undefined;
  dateOfBirth?: IsoDate | undefined;
  nhsNumber?: string | undefined;
  postcode?: string | undefined;
  approxBirthYear?: number | undefined;
};

type FamilyColumn = 'family_phonetic1' | 'family_phonetic2';
type GivenColumn = 'given_phonetic1' | 'given_phonetic2';

/**
 * People who might be the one described, found per blocking key: every way a record can reach
 * shared/matching MATCH_THRESHOLD (35) needs at least one of these keys to agree, so a union of
 * them loses nobody, and each is answered by its own index over standing (unmerged) records:
 *
 * - NHS number (60 on its own);
 * - family and first given name: exactly, or both sounding alike (Double Metaphone, either side's
 *   primary code among the other's codes: four index pairs of primary/alternate codes);
 * - date of birth exact (25, with a postcode or an alias 35);
 * - date of birth a day out or with day and month swapped (12), with some name evidence (the
 *   most such a date can reach without a name is 12 + postcode + alias = 32);
 * - postcode with some name evidence (a postcode with neither name agreeing reaches at most 10 +
 *   alias + an approximate age = 30; with an exact date of birth it is found by date);
 * - an approximate age ("about 6", either side) with the same first given name, on records with
 *   other names, within two years (scored within one): the one way an estimate reaches 35
 *   without the keys above is same first name + alias + estimate.
 *
 * With a date of birth typed, the name and postcode keys skip records whose date of birth is
 * clearly different (at most 30 points: see below).
 *
 * A family name on its own is not a key: it reaches 20 (exact), and with a postcode or estimate
 * it is found by those keys. So 3,000 Smiths yield only the few who also share a first name,
 * date or address. Unranked and uncapped: the service scores every candidate and caps after.
 */
export function personCandidateQuery(db: Db, q: CandidateQuery) {
  const keys = personSearchKeys({
    givenNames: q.givenNames ?? null,
    familyName: q.familyName ?? null,
    dateOfBirth: q.dateOfBirth ?? null,
  });
  const nhs = q.nhsNumber ? normaliseNhsNumber(q.nhsNumber) : null;
  const postcode = q.postcode ? normalisePostcode(q.postcode) : null;
  const fk = keys.familyNameKey;
  const gk = keys.firstGivenNameKey;
  const [fam0] = keys.familyNamePhonetic;
  const [giv0] = keys.givenNamePhonetic;
  const fam = keys.familyNamePhonetic;
  const giv = keys.givenNamePhonetic;
  const dob = keys.dateOfBirth;

  // `merged_into IS NULL` in every arm: it lets the partial indexes of migration 6 answer the
  // arm alone, and no index serves it on its own, so it can never drive the plan.
  const live = () =>
    db
      .selectFrom('people')
      .select(sql<number>`rowid`.as('rid'))
      .where('merged_into', 'is', null);
  type Arm = ReturnType<typeof live>;
  const arms: Arm[] = [];

  // Some name evidence (exact or sound-alike, family or given), for the weaker keys.
  const named = (eb: ExpressionBuilder<Database, 'people'>) => {
    const ors = [];
    if (fk !== '') ors.push(eb('family_key', '=', fk));
    if (gk !== '') ors.push(eb('given_key', '=', gk));
    if (fam0 !== undefined) {
      ors.push(eb('family_phonetic1', 'in', fam));
      ors.push(eb('family_phonetic2', '=', fam0));
    }
    if (giv0 !== undefined) {
      ors.push(eb('given_phonetic1', 'in', giv));
      ors.push(eb('given_phonetic2', '=', giv0));
    }
    return eb.or(ors);
  };
  const hasName = fk !== '' || gk !== '';

  // With a date of birth typed, a record with a clearly different one loses 15 points, which no
  // name and postcode can make up without an NHS number (35 + 10 - 15 = 30): such records are
  // left out of the name and postcode keys, leaving those with no date, or a near one.
  const near: IsoDate[] = [];
  if (dob !== null) {
    near.push(dob, addDaysIso(dob, -1), addDaysIso(dob, 1));
    const swapped = `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}`;
    if (swapped !== dob && isIsoDate(swapped)) near.push(swapped);
  }
  const dobCompatible = (eb: ExpressionBuilder<Database, 'people'>) =>
    eb.or([
      eb('date_of_birth', 'in', near),
      eb.and([
        eb('date_of_birth', 'is', null),
        eb.or([eb('expected_date_of_birth', 'is', null), eb('expected_date_of_birth', 'in', near)]),
      ]),
    ]);
  const byName = (arm: Arm): Arm => (dob === null ? arm : arm.where(dobCompatible));

  if (nhs !== null) arms.push(live().where('nhs_number', '=', nhs));
  if (fk !== '' && gk !== '') {
    arms.push(byName(live().where('family_key', '=', fk).where('given_key', '=', gk)));
  }
  if (fam0 !== undefined && giv0 !== undefined) {
    // Equalities only, one arm per pair of codes: with `IN` on the second column the planner
    // may take the one-column index on the first and read every Smith.
    const pairs: [FamilyColumn, string, GivenColumn, string][] = [];
    for (const f of fam)
      for (const g of giv) pairs.push(['family_phonetic1', f, 'given_phonetic1', g]);
    for (const f of fam) pairs.push(['family_phonetic1', f, 'given_phonetic2', giv0]);
    for (const g of giv) pairs.push(['family_phonetic2', fam0, 'given_phonetic1', g]);
    pairs.push(['family_phonetic2', fam0, 'given_phonetic2', giv0]);
    for (const [fc, f, gc, g] of pairs)
      arms.push(byName(live().where(fc, '=', f).where(gc, '=', g)));
  }
  if (dob !== null) {
    arms.push(live().where('date_of_birth', '=', dob));
    arms.push(live().where('expected_date_of_birth', '=', dob));
    if (hasName) {
      const slips = near.slice(1);
      arms.push(live().where('date_of_birth', 'in', slips).where(named));
      arms.push(live().where('expected_date_of_birth', 'in', slips).where(named));
    }
  }
  if (postcode !== null && hasName)
    arms.push(byName(live().where('postcode', '=', postcode).where(named)));

  // Approximate ages: the query's estimate, or the year of its date of birth against records
  // that hold only an estimate. With the names found above (same family name and first name,
  // or both sounding alike) and the postcode key, the one way left for an estimate to reach the
  // threshold is the same first name + another name on record + the estimate (15 + 10 + 10), so
  // only records with other names are read here (index partial on them: few rows).
  const year = dob !== null ? Number(dob.slice(0, 4)) : q.approxBirthYear;
  if (year !== undefined && gk !== '') {
    const from = year - APPROX_YEAR_TOLERANCE;
    const to = year + APPROX_YEAR_TOLERANCE;
    const aliased = () => live().where('other_names', 'is not', null).where('given_key', '=', gk);
    arms.push(
      aliased().where('approx_birth_year', '>=', from).where('approx_birth_year', '<=', to),
    );
    if (dob === null) {
      arms.push(
        aliased()
          .where('date_of_birth', '>=', `${String(from)}-01-01`)
          .where('date_of_birth', '<=', `${String(to)}-12-31`),
      );
    }
  }

  const [first, ...rest] = arms;
  if (first === undefined) return null;
  const ids = rest.reduce<Arm>((all, arm) => all.union(arm), first);
  return db
    .selectFrom('people')
    .selectAll()
    .where(sql<number>`rowid`, 'in', ids);
}

/**
 * Years either side of an approximate age searched for candidates. Scoring counts agreement
 * within one year (shared/matching scoreApproximateBirth); searching two catches an estimate
 * made late in a year against one made early in the next without costing much.
 */
export const APPROX_YEAR_TOLERANCE = 2;

/** See {@link personCandidateQuery}. */
export async function personCandidates(db: Db, q: CandidateQuery): Promise<PersonRecord[]> {
  const query = personCandidateQuery(db, q);
  if (query === null) return [];
  const rows = await query.execute();
  return rows.map(toPersonRecord);
}

/** Full-text search over names, other names, address and postcode. */
export async function searchPeople(db: Db, text: string, limit = 50): Promise<PersonRecord[]> {
  const q = toFtsQuery(text);
  if (q === null) return [];
  const rows = await db
    .selectFrom('people_fts')
    .innerJoin('people', 'people.id', 'people_fts.person_id')
    .selectAll('people')
    .where(sql<boolean>`people_fts MATCH ${q}`)
    .where('people.merged_into', 'is', null)
    .orderBy(sql`bm25(people_fts)`)
    .limit(limit)
    .execute();
  return rows.map(toPersonRecord);
}

/** Marks `id` as merged into `into` (or clears it), checking the version. */
export async function setMergedInto(
  db: Db,
  id: string,
  into: string | null,
  expectedVersion: number,
  stamp: { at: string; userId: string },
): Promise<void> {
  await versionedUpdate(
    db,
    { table: 'people', id, expectedVersion, what: 'The person record' },
    { merged_into: into },
    stamp,
  );
}
