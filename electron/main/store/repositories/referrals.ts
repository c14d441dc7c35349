// Referrals and their parts: children (several per referral, each a snapshot plus an optional
// link to a person), household members, assessment factors, consent and information-sharing
// decisions, chronology, and the FTS row. The full validated input is kept in `data` so nothing
// typed is lost; the columns beside it are what the queue, search and reports need.
import { sql } from 'kysely';
import type { ReferralSearchHit, ReferralStatus } from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';
import { displayChildName } from '../../../../shared/validation/child';
import type { HouseholdMemberInput } from '../../../../shared/validation/household';
import type { ReferralInput } from '../../../../shared/validation/referral';
import type { ReferrerInput } from '../../../../shared/validation/referrer';
import { PUBLIC_RELATIONSHIP_LABELS } from '../../../../shared/validation/referrer';
import { toFtsQuery } from '../fts';
import { QUEUE_COLUMNS, toQueueItems } from './queue';
import { getReferralRow, withLinks, type ReadHelpers, type Stamp } from './referral-read';
import { personSearchKeys } from '../../../../shared/matching';
import { type Db, fromJson, int, toJson, versionedUpdate } from './common';

/** "Jo Bloggs (Designated safeguarding lead, Oak Primary)"; never more than the referrer gave. */
export function referrerLabel(r: ReferrerInput): string {
  switch (r.kind) {
    case 'professional':
      return `${r.name} (${r.role}, ${r.agencyName})`;
    case 'public':
      return `${r.name} (${PUBLIC_RELATIONSHIP_LABELS[r.relationship]})`;
    case 'anonymous':
      return 'Anonymous referrer';
  }
}

/** Human reference FD-YYYY-NNNNNN, numbered per year, allocated inside the caller's transaction. */
export async function allocateReference(db: Db, year: number): Promise<string> {
  const row = await db
    .insertInto('reference_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `FD-${String(year)}-${String(row.last).padStart(6, '0')}`;
}

export type ReferralWrite = {
  input: ReferralInput;
  countedFrom: IsoDate;
  decisionDue: IsoDate;
  /** Person ids to link, by child position (already resolved past merges). */
  childPersonIds: (string | null)[];
  householdPersonIds: (string | null)[];
};

/** The referral row's columns (everything but id, reference, status, assignment and stamps). */
export function referralColumns(w: ReferralWrite) {
  const i = w.input;
  return {
    received_at: new Date(i.receivedAt).toISOString(),
    counted_from: w.countedFrom,
    decision_due: w.decisionDue,
    channel: i.channel,
    referrer_id: i.referrer.kind === 'professional' ? (i.referrer.directoryId ?? null) : null,
    referrer: toJson(i.referrer),
    referrer_label: referrerLabel(i.referrer),
    source_code: i.referralSourceCode,
    narrative: i.concern,
    whereabouts: i.currentWhereabouts,
    immediate_protection: int(i.immediateProtectionMayBeNeeded),
    parents_aware: i.parentsAware,
    parents_agree: i.parentsAgree,
    reason: i.parentsReason ?? null,
    data: toJson(withLinks(i, w.childPersonIds, w.householdPersonIds)),
  };
}

/** Children, household, factors, consent, information sharing and FTS, replaced by position. */
async function writeParts(
  db: Db,
  referralId: string,
  reference: string,
  w: ReferralWrite,
  stamp: Stamp,
) {
  const i = w.input;
  // Children: update in place by position so row ids stay stable (person merges record them).
  const existing = await db
    .selectFrom('referral_children')
    .select(['id', 'position'])
    .where('referral_id', '=', referralId)
    .execute();
  const byPos = new Map(existing.map((r) => [r.position, r.id]));
  for (const [pos, child] of i.children.entries()) {
    const values = {
      person_id: w.childPersonIds[pos] ?? null,
      display_name: displayChildName(child),
      child: toJson(child),
    };
    const id = byPos.get(pos);
    if (id !== undefined) {
      await db.updateTable('referral_children').set(values).where('id', '=', id).execute();
    } else {
      await db
        .insertInto('referral_children')
        .values({ id: crypto.randomUUID(), referral_id: referralId, position: pos, ...values })
        .execute();
    }
  }
  await db
    .deleteFrom('referral_children')
    .where('referral_id', '=', referralId)
    .where('position', '>=', i.children.length)
    .execute();

  const hExisting = await db
    .selectFrom('household_members')
    .select(['id', 'position'])
    .where('referral_id', '=', referralId)
    .execute();
  const hByPos = new Map(hExisting.map((r) => [r.position, r.id]));
  for (const [pos, m] of i.householdMembers.entries()) {
    const values = {
      person_id: w.householdPersonIds[pos] ?? null,
      parental_responsibility: int(m.parentalResponsibility),
      data: toJson(m),
      ...householdKeyColumns(m),
    };
    const id = hByPos.get(pos);
    if (id !== undefined) {
      await db.updateTable('household_members').set(values).where('id', '=', id).execute();
    } else {
      await db
        .insertInto('household_members')
        .values({ id: crypto.randomUUID(), referral_id: referralId, position: pos, ...values })
        .execute();
    }
  }
  await db
    .deleteFrom('household_members')
    .where('referral_id', '=', referralId)
    .where('position', '>=', i.householdMembers.length)
    .execute();

  await db.deleteFrom('assessment_factors').where('referral_id', '=', referralId).execute();
  const codes = [...new Set(i.assessmentFactors)];
  if (codes.length > 0) {
    await db
      .insertInto('assessment_factors')
      .values(codes.map((code) => ({ referral_id: referralId, code })))
      .execute();
  }

  // Consent and information sharing (domain §2.6) as rows for reporting; the history of changes
  // is in the audit log.
  await db.deleteFrom('consent_decisions').where('referral_id', '=', referralId).execute();
  await db
    .insertInto('consent_decisions')
    .values({
      id: crypto.randomUUID(),
      referral_id: referralId,
      status: i.consent.status,
      data: toJson(i.consent),
      recorded_by: stamp.userId,
      recorded_at: stamp.at,
    })
    .execute();
  await db.deleteFrom('info_sharing_log').where('referral_id', '=', referralId).execute();
  if (i.informationSharing.length > 0) {
    await db
      .insertInto('info_sharing_log')
      .values(
        i.informationSharing.map((e) => ({
          id: crypto.randomUUID(),
          referral_id: referralId,
          decision: e.decision,
          date: e.date,
          what: e.what,
          with_whom: e.withWhom,
          why: e.why,
          // The UK GDPR Art 6 basis; entries recorded before it was split keep their old value.
          lawful_basis: e.article6Basis ?? e.lawfulBasis ?? null,
          data: toJson(e),
          recorded_by: stamp.userId,
          recorded_at: stamp.at,
        })),
      )
      .execute();
  }

  // The index row has the referral's rowid (migration 6): replaced by key, not found by a scan
  // of the whole index (referral_id is UNINDEXED, so `WHERE referral_id = ?` read every row).
  const { rowid } = await db
    .selectFrom('referrals')
    .select(sql<number>`rowid`.as('rowid'))
    .where('id', '=', referralId)
    .executeTakeFirstOrThrow();
  // referral_id as well: should rowids ever diverge (a VACUUM renumbers them), the old row is
  // left and the insert below fails on its rowid, rather than deleting another referral's row.
  await db
    .deleteFrom('referrals_fts')
    .where('rowid', '=', rowid)
    .where('referral_id', '=', referralId)
    .execute();
  await db
    .insertInto('referrals_fts')
    .values({ rowid, ...referralFtsValues(referralId, reference, i) })
    .execute();
}

/** A household member's name search keys (shared/matching), as on people. */
export function householdKeyColumns(m: HouseholdMemberInput) {
  const keys = personSearchKeys({ givenNames: m.givenNames, familyName: m.familyName });
  return {
    // Searched for "is this adult already known?" (an expectant mother, a parent).
    family_key: keys.familyNameKey,
    given_key: keys.givenNameKey,
    family_phonetic1: keys.familyNamePhonetic[0] ?? null,
    family_phonetic2: keys.familyNamePhonetic[1] ?? null,
  };
}

/** The referral's full-text row (without its rowid, which is the referral's own). */
export function referralFtsValues(referralId: string, reference: string, i: ReferralInput) {
  return {
    referral_id: referralId,
    reference,
    narrative: i.concern,
    referrer:
      i.referrer.kind === 'anonymous'
        ? ''
        : [i.referrer.name, i.referrer.kind === 'professional' ? i.referrer.agencyName : ''].join(
            ' ',
          ),
    children: i.children
      .map((c) =>
        [c.givenNames, c.familyName, c.status === 'born' ? c.otherNames : '']
          .filter(Boolean)
          .join(' '),
      )
      .join(' '),
    schools: i.children
      .map((c) => c.school ?? '')
      .filter((school) => school !== '')
      .join(' '),
  };
}

export async function insertReferral(
  db: Db,
  args: ReferralWrite & { reference: string; status: ReferralStatus },
  stamp: Stamp,
): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('referrals')
    .values({
      id,
      reference: args.reference,
      status: args.status,
      ...referralColumns(args),
      assigned_to: null,
      created_at: stamp.at,
      created_by: stamp.userId,
      updated_at: stamp.at,
      updated_by: stamp.userId,
    })
    .execute();
  await writeParts(db, id, args.reference, args, stamp);
  return id;
}

/** Versioned update of the whole referral; StaleWriteError if someone saved first. */
export async function updateReferral(
  db: Db,
  id: string,
  expectedVersion: number,
  args: ReferralWrite,
  stamp: Stamp,
): Promise<void> {
  await versionedUpdate(
    db,
    { table: 'referrals', id, expectedVersion, what: 'The referral' },
    referralColumns(args),
    stamp,
  );
  const row = await getReferralRow(db, id);
  await writeParts(db, id, row?.reference ?? '', args, stamp);
}

/** Versioned update of a few columns (status, assignment). */
export async function patchReferral(
  db: Db,
  id: string,
  expectedVersion: number,
  set: { status?: ReferralStatus; assigned_to?: string | null },
  stamp: Stamp,
): Promise<void> {
  await versionedUpdate(
    db,
    { table: 'referrals', id, expectedVersion, what: 'The referral' },
    set,
    stamp,
  );
}

export async function addChronology(
  db: Db,
  referralId: string,
  entry: { at: string; kind: 'auto' | 'significant'; text: string; userId: string | null },
): Promise<void> {
  await db
    .insertInto('chronology')
    .values({
      id: crypto.randomUUID(),
      referral_id: referralId,
      at: entry.at,
      kind: entry.kind,
      text: entry.text,
      by_user: entry.userId,
    })
    .execute();
}

/** Full-text search over reference, concern, referrer and children's names. */
export async function searchReferrals(
  db: Db,
  text: string,
  limit: number,
  helpers: Pick<ReadHelpers, 'clock' | 'londonDate'>,
): Promise<ReferralSearchHit[]> {
  const q = toFtsQuery(text);
  if (q === null) return [];
  const rows = await db
    .selectFrom('referrals_fts')
    .innerJoin('referrals', 'referrals.id', 'referrals_fts.referral_id')
    .select([
      ...QUEUE_COLUMNS,
      sql<string>`snippet(referrals_fts, -1, '', '', ' … ', 12)`.as('snippet'),
    ])
    .where(sql<boolean>`referrals_fts MATCH ${q}`)
    .orderBy(sql`bm25(referrals_fts)`)
    .limit(limit)
    .execute();
  const items = await toQueueItems(db, rows, helpers);
  const snippets = new Map(rows.map((r) => [r.id, r.snippet]));
  return items.map((i) => ({ ...i, snippet: snippets.get(i.id) ?? '' }));
}

/** Rewrites the stored input so its personIds match the link rows (after a link or merge). */
export async function syncInputLinks(db: Db, referralId: string): Promise<void> {
  const row = await getReferralRow(db, referralId);
  if (!row) return;
  const children = await db
    .selectFrom('referral_children')
    .select(['position', 'person_id'])
    .where('referral_id', '=', referralId)
    .orderBy('position')
    .execute();
  const household = await db
    .selectFrom('household_members')
    .select(['position', 'person_id'])
    .where('referral_id', '=', referralId)
    .orderBy('position')
    .execute();
  const input = withLinks(
    fromJson(row.data) as ReferralInput,
    children.map((c) => c.person_id),
    household.map((h) => h.person_id),
  );
  await db
    .updateTable('referrals')
    .set({ data: toJson(input) })
    .where('id', '=', referralId)
    .execute();
}
