// People: children (born or unborn) and adults. Search keys from shared/matching are stored
// beside the names so SQLite can find candidates by index before scoreMatch ranks them
// (domain §5, §7). FTS rows are kept in step in the same transaction.
import { sql } from 'kysely';
import type { AddressRecord, PersonRecord } from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';
import { nameKey, personSearchKeys } from '../../../../shared/matching';
import {
  addDaysIso,
  normaliseNhsNumber,
  normalisePostcode,
} from '../../../../shared/validation/formats';
import { toFtsQuery } from '../fts';
import type { PersonRow } from '../schema';
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

function keysFor(p: NewPerson) {
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

function ftsValues(id: string, p: NewPerson) {
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
      ...keysFor(p),
      approx_birth_year: p.dateOfBirth ? null : (p.approxBirthYear ?? null),
      merged_into: null,
      created_at: stamp.at,
      created_by: stamp.userId,
      updated_at: stamp.at,
      updated_by: stamp.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('people_fts').values(ftsValues(id, p)).execute();
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

/**
 * People who might be the one described: same or sound-alike family name, same NHS number, date
 * of birth exact / ±1 day / day and month swapped, or same postcode with a sound-alike first name.
 * Unranked; the service scores them with shared/matching scoreMatch. Merged records are skipped.
 */
export async function personCandidates(
  db: Db,
  q: CandidateQuery,
  limit = 300,
): Promise<PersonRecord[]> {
  const keys = personSearchKeys({
    givenNames: q.givenNames ?? null,
    familyName: q.familyName ?? null,
    dateOfBirth: q.dateOfBirth ?? null,
  });
  const nhs = q.nhsNumber ? normaliseNhsNumber(q.nhsNumber) : null;
  const postcode = q.postcode ? normalisePostcode(q.postcode) : null;
  const dobs: string[] = [];
  if (keys.dateOfBirth) {
    const d = keys.dateOfBirth;
    dobs.push(d, addDaysIso(d, -1), addDaysIso(d, 1));
    const swapped = `${d.slice(0, 4)}-${d.slice(8, 10)}-${d.slice(5, 7)}`;
    if (swapped !== d && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(swapped))
      dobs.push(swapped);
  }
  const fam = keys.familyNamePhonetic;
  const giv = keys.givenNamePhonetic;
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('merged_into', 'is', null)
    .where((eb) => {
      const ors = [];
      if (keys.familyNameKey !== '') ors.push(eb('family_key', '=', keys.familyNameKey));
      if (fam.length > 0) {
        ors.push(eb('family_phonetic1', 'in', fam));
        ors.push(eb('family_phonetic2', 'in', fam));
      }
      if (nhs !== null) ors.push(eb('nhs_number', '=', nhs));
      if (dobs.length > 0) {
        ors.push(eb('date_of_birth', 'in', dobs));
        ors.push(eb('expected_date_of_birth', 'in', dobs));
      }
      if (postcode !== null && giv.length > 0) {
        ors.push(eb.and([eb('postcode', '=', postcode), eb('given_phonetic1', 'in', giv)]));
      }
      // An approximate age on either side: a first name that sounds alike, born within a year.
      const year =
        q.approxBirthYear ??
        (keys.dateOfBirth === null ? undefined : Number(keys.dateOfBirth.slice(0, 4)));
      if (year !== undefined && giv.length > 0) {
        ors.push(
          eb.and([
            eb('given_phonetic1', 'in', giv),
            eb('approx_birth_year', '>=', year - 1),
            eb('approx_birth_year', '<=', year + 1),
          ]),
        );
        if (q.approxBirthYear !== undefined) {
          ors.push(
            eb.and([
              eb('given_phonetic1', 'in', giv),
              eb('date_of_birth', '>=', `${String(year - 1)}-01-01`),
              eb('date_of_birth', '<=', `${String(year + 1)}-12-31`),
            ]),
          );
        }
      }
      // Aliases live only in FTS; a family name typed may be someone's other name.
      const other = q.familyName ? toFtsQuery(q.familyName) : null;
      if (other !== null) {
        ors.push(
          eb(
            'id',
            'in',
            eb
              .selectFrom('people_fts')
              .select('person_id')
              .where(sql<boolean>`people_fts MATCH ${`other_names : (${other})`}`),
          ),
        );
      }
      // SQLite cannot bind a JS boolean: an empty search is a constant false, not a parameter.
      return ors.length === 0 ? sql<boolean>`0` : eb.or(ors);
    })
    .limit(limit)
    .execute();
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
