// Referrals and their parts: children (several per referral, each a snapshot plus an optional
// link to a person), household members, assessment factors, consent and information-sharing
// decisions, chronology, and the FTS row. The full validated input is kept in `data` so nothing
// typed is lost; the columns beside it are what the queue, search and reports need.
import { sql } from 'kysely';
import type { ClockStatus } from '../../../../shared/calendar/clocks';
import type { FollowUp } from '../../../../shared/checklist/follow-ups';
import type {
  ChronologyEntry,
  DecisionRecord,
  HouseholdMemberRecord,
  ReferralChildRecord,
  ReferralRecord,
  ReferralSearchHit,
  ReferralStatus,
  SignOffRecord,
} from '../../../../shared/domain/records';
import type { IsoDate, ResponseType } from '../../../../shared/domain/types';
import type { ChildInput } from '../../../../shared/validation/child';
import { displayChildName } from '../../../../shared/validation/child';
import type { Decision } from '../../../../shared/validation/decision';
import type { HouseholdMemberInput } from '../../../../shared/validation/household';
import type { ReferralInput } from '../../../../shared/validation/referral';
import type { ReferrerInput } from '../../../../shared/validation/referrer';
import { PUBLIC_RELATIONSHIP_LABELS } from '../../../../shared/validation/referrer';
import { toFtsQuery } from '../fts';
import type { DecisionRow, ReferralRow } from '../schema';
import { progressFor } from './progress';
import { QUEUE_COLUMNS, toQueueItems } from './queue';
import { personSearchKeys } from '../../../../shared/matching';
import {
  type Db,
  bool,
  fromJson,
  int,
  toJson,
  userNames,
  userRef,
  versionedUpdate,
} from './common';

export type Stamp = { at: string; userId: string };

// The queue's rows and statuses live in ./queue; re-exported for the callers that import them here.
export { OPEN_STATUSES, childBirthDate, listQueue, type QueueFilterName } from './queue';

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

/** The stored input carries the links too, so an edit form refilled from it keeps them. */
function withLinks(
  input: ReferralInput,
  children: (string | null)[],
  household: (string | null)[],
): ReferralInput {
  return {
    ...input,
    children: input.children.map((c, i) => {
      const { personId: _old, ...rest } = c;
      const id = children[i] ?? null;
      return id === null ? rest : { ...rest, personId: id };
    }),
    householdMembers: input.householdMembers.map((m, i) => {
      const { personId: _old, ...rest } = m;
      const id = household[i] ?? null;
      return id === null ? rest : { ...rest, personId: id };
    }),
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

export async function getReferralRow(db: Db, id: string): Promise<ReferralRow | undefined> {
  return db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
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

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** What follow-ups need to know about the referral a decision is on. */
export type FollowUpReferral = {
  countedFrom: IsoDate;
  /** The London date it was received (census CINreferralDate): day 0 of the assessment. */
  referralDate: IsoDate;
  referrer: ReferrerInput;
};

export type ReadHelpers = {
  /** Where a decision clock stands (shared/calendar clockStatus with the current calendar). */
  clock(due: IsoDate, metOn: IsoDate | null): ClockStatus;
  /** The London calendar date of an instant. */
  londonDate(instant: string): IsoDate;
  /** Follow-ups a recorded decision sets in motion. */
  followUps(decision: Decision, referral: FollowUpReferral, recordedAt: string): FollowUp[];
  /** Earlier referral for the same person within 12 months before `receivedAt` (domain §3). */
  reReferral(personId: string, referralId: string, receivedAt: string): Promise<boolean>;
};

/** Decision rows that stand: not returned by a manager and not superseded. */
const STANDING: readonly DecisionRow['status'][] = ['final', 'awaiting-sign-off'];

export async function decisionRecords(
  db: Db,
  referralIds: readonly string[],
  names: Map<string, string>,
  helpers: Pick<ReadHelpers, 'followUps'>,
  referralFor: (id: string) => FollowUpReferral,
): Promise<DecisionRecord[]> {
  if (referralIds.length === 0) return [];
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where('referral_id', 'in', referralIds)
    .orderBy('recorded_at', 'asc')
    .execute();
  const ids = rows.map((r) => r.id);
  const signoffs =
    ids.length === 0
      ? []
      : await db
          .selectFrom('manager_signoffs')
          .selectAll()
          .where('decision_id', 'in', ids)
          .orderBy('signed_at')
          .execute();
  return rows.map((r) => {
    const decision = fromJson(r.data) as Decision;
    const so: SignOffRecord[] = signoffs
      .filter((s) => s.decision_id === r.id)
      .map((s) => ({
        id: s.id,
        by: userRef(names, s.signed_by) ?? { id: s.signed_by, displayName: 'Unknown user' },
        at: s.signed_at,
        outcome: s.outcome,
        comment: s.comment,
      }));
    return {
      id: r.id,
      referralId: r.referral_id,
      status: r.status,
      recommended: r.recommended as ResponseType,
      chosen: r.chosen as ResponseType,
      rationale: r.rationale,
      decision,
      recordedBy: userRef(names, r.recorded_by) ?? {
        id: r.recorded_by,
        displayName: 'Unknown user',
      },
      recordedAt: r.recorded_at,
      signOffs: so,
      followUps: STANDING.includes(r.status)
        ? helpers.followUps(decision, referralFor(r.referral_id), r.recorded_at)
        : [],
      version: r.version,
    };
  });
}

export async function loadReferral(
  db: Db,
  id: string,
  helpers: ReadHelpers,
): Promise<ReferralRecord | null> {
  const row = await getReferralRow(db, id);
  if (!row) return null;
  const names = await userNames(db);
  const children = await db
    .selectFrom('referral_children')
    .selectAll()
    .where('referral_id', '=', id)
    .orderBy('position')
    .execute();
  const household = await db
    .selectFrom('household_members')
    .selectAll()
    .where('referral_id', '=', id)
    .orderBy('position')
    .execute();
  const factors = await db
    .selectFrom('assessment_factors')
    .select('code')
    .where('referral_id', '=', id)
    .orderBy('code')
    .execute();
  const chronology = await db
    .selectFrom('chronology')
    .selectAll()
    .where('referral_id', '=', id)
    .orderBy('at')
    // Entries written in one transaction share a time: keep the order they were written in.
    .orderBy(sql`rowid`)
    .execute();
  const referrer = fromJson(row.referrer) as ReferrerInput;
  const decisions = await decisionRecords(db, [id], names, helpers, () => ({
    countedFrom: row.counted_from,
    referralDate: helpers.londonDate(row.received_at),
    referrer,
  }));
  const progress = (await progressFor(db, [id], names)).get(id) ?? [];
  const childRecords: ReferralChildRecord[] = [];
  for (const c of children) {
    childRecords.push({
      id: c.id,
      position: c.position,
      personId: c.person_id,
      displayName: c.display_name,
      child: fromJson(c.child) as ChildInput,
      reReferral:
        c.person_id === null ? false : await helpers.reReferral(c.person_id, id, row.received_at),
    });
  }
  const householdRecords: HouseholdMemberRecord[] = household.map((h) => ({
    id: h.id,
    position: h.position,
    personId: h.person_id,
    member: fromJson(h.data) as HouseholdMemberInput,
  }));
  const input = withLinks(
    fromJson(row.data) as ReferralInput,
    childRecords.map((c) => c.personId),
    householdRecords.map((h) => h.personId),
  );
  const standing = decisions.filter(
    (d) => d.status === 'final' || d.status === 'awaiting-sign-off',
  );
  const lastDecision = standing.at(-1);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    receivedAt: row.received_at,
    countedFrom: row.counted_from,
    decisionDue: row.decision_due,
    clock: helpers.clock(
      row.decision_due,
      lastDecision ? helpers.londonDate(lastDecision.recordedAt) : null,
    ),
    channel: input.channel,
    referrer,
    referrerLabel: row.referrer_label,
    referrerId: row.referrer_id,
    sourceCode: row.source_code,
    input,
    children: childRecords,
    householdMembers: householdRecords,
    assessmentFactors: factors.map((f) => f.code),
    assignedTo: userRef(names, row.assigned_to),
    decisions,
    progress,
    chronology: chronology.map((c): ChronologyEntry => ({
      id: c.id,
      at: c.at,
      kind: c.kind,
      text: c.text,
      by: userRef(names, c.by_user),
    })),
    legalHold: bool(row.legal_hold),
    version: row.version,
    createdAt: row.created_at,
    createdBy: userRef(names, row.created_by),
    updatedAt: row.updated_at,
    updatedBy: userRef(names, row.updated_by),
  };
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

// ---------------------------------------------------------------------------------------------
// Links to people
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Previous involvement (domain §3, §7)
// ---------------------------------------------------------------------------------------------

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
