// What the CIN census referral extract reads for a collection year, in a few set-based queries:
// each child on each referral received in the year, the child's record (after merges), the
// referral's decisions and assessment factors. Progress entries come from progressFor.
import { sql } from 'kysely';
import type { ResponseType } from '../../../../shared/domain/types';
import { type Db, fromJson } from './common';

const CHUNK = 500;
const STANDING = ['final', 'awaiting-sign-off'] as const;

/** One child on one referral, with the person record it is linked to (if any). */
export type CensusChildRow = {
  referral_id: string;
  reference: string;
  received_at: string;
  source_code: string;
  immediate_protection: number;
  position: number;
  display_name: string;
  /** The referral's own copy of the child (JSON ChildInput), for a child not linked to a record. */
  child: string;
  person_id: string | null;
};

/** Children on referrals received in [from, to) (instants), drafts left out, in received order. */
export async function censusChildren(
  db: Db,
  range: { from: string; to: string },
): Promise<CensusChildRow[]> {
  return db
    .selectFrom('referrals as r')
    .innerJoin('referral_children as rc', 'rc.referral_id', 'r.id')
    .select([
      'r.id as referral_id',
      'r.reference',
      'r.received_at',
      'r.source_code',
      'r.immediate_protection',
      'rc.position',
      'rc.display_name',
      'rc.child',
      'rc.person_id',
    ])
    .where('r.received_at', '>=', range.from)
    .where('r.received_at', '<', range.to)
    .where('r.status', '!=', 'draft')
    .orderBy('r.received_at')
    .orderBy('r.reference')
    .orderBy('rc.position')
    .execute();
}

export type CensusPersonRow = {
  id: string;
  status: 'born' | 'unborn';
  date_of_birth: string | null;
  expected_date_of_birth: string | null;
  gender: string | null;
};

/**
 * The person record standing for each id: a record merged into another is followed to the one
 * that stands (a merge chain is a few links at most). Ids with no record are left out.
 */
export async function standingPeople(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, CensusPersonRow>> {
  const out = new Map<string, CensusPersonRow>();
  let pending = new Map<string, string[]>(ids.map((id) => [id, [id]]));
  for (let hop = 0; hop < 10 && pending.size > 0; hop++) {
    const next = new Map<string, string[]>();
    const keys = [...pending.keys()];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await db
        .selectFrom('people')
        .select([
          'id',
          'status',
          'date_of_birth',
          'expected_date_of_birth',
          'gender',
          'merged_into',
        ])
        .where('id', 'in', keys.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) {
        const asked = pending.get(row.id) ?? [];
        if (row.merged_into === null) {
          const person: CensusPersonRow = {
            id: row.id,
            status: row.status,
            date_of_birth: row.date_of_birth,
            expected_date_of_birth: row.expected_date_of_birth,
            gender: row.gender,
          };
          for (const a of asked) out.set(a, person);
        } else {
          next.set(row.merged_into, [...(next.get(row.merged_into) ?? []), ...asked]);
        }
      }
    }
    pending = next;
  }
  return out;
}

export type CensusDecisionRow = {
  referral_id: string;
  chosen: ResponseType;
  status: string;
  recorded_at: string;
  open_case: string | null;
};

/** Standing decisions (final or awaiting sign-off) of the referrals, oldest first. */
export async function censusDecisions(
  db: Db,
  referralIds: readonly string[],
): Promise<CensusDecisionRow[]> {
  const out: CensusDecisionRow[] = [];
  for (let i = 0; i < referralIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('decisions')
      .select([
        'referral_id',
        'chosen',
        'status',
        'recorded_at',
        sql<string | null>`json_extract(answers, '$."open-case"')`.as('open_case'),
      ])
      .where('referral_id', 'in', referralIds.slice(i, i + CHUNK))
      .where('status', 'in', STANDING)
      .orderBy('recorded_at')
      .execute();
    out.push(...rows.map((r) => ({ ...r, chosen: r.chosen as ResponseType })));
  }
  return out;
}

/** Assessment factor codes recorded on each referral. */
export async function censusFactors(
  db: Db,
  referralIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < referralIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('assessment_factors')
      .select(['referral_id', 'code'])
      .where('referral_id', 'in', referralIds.slice(i, i + CHUNK))
      .orderBy('referral_id')
      .orderBy('code')
      .execute();
    for (const r of rows) out.set(r.referral_id, [...(out.get(r.referral_id) ?? []), r.code]);
  }
  return out;
}

/** The fields of the referral's own copy of a child the extract can use when no record is linked. */
export function snapshotChild(json: string): {
  status: 'born' | 'unborn';
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  gender: string | null;
} {
  const c = fromJson(json);
  const o = typeof c === 'object' && c !== null ? (c as Record<string, unknown>) : {};
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return {
    status: o.status === 'unborn' ? 'unborn' : 'born',
    dateOfBirth: text(o.dateOfBirth),
    expectedDateOfBirth: text(o.expectedDateOfBirth),
    gender: text(o.gender),
  };
}
