// Strategy discussions (migration 8): the discussion row, the children discussed, invitees and
// the history of changes. Rows map to the shared/domain/strategy types here and nowhere else.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type {
  DiscussedChild,
  HistoryEntry,
  InviteeRecord,
  StrategyListItem,
  StrategyTrigger,
} from '../../../../shared/domain/strategy';
import type { RoleId } from '../../../../shared/domain/types';
import type { HistoryKind, Slot, StrategyStatus } from '../../../../shared/strategy/types';
import type { InviteeInput } from '../../../../shared/strategy/schemas';
import type { StrategyDiscussionRow, StrategyHistoryRow, StrategyInviteeRow } from '../schema';
import { type Db, fromJson, int, toJson, userRef, versionedUpdate } from './common';

type Stamp = { at: string; userId: string };

export type DiscussionWrite = {
  startsAt: string;
  endsAt: string;
  format: Slot['format'];
  location: string | null;
  joinLink: string | null;
  chairId: string;
  minuteTaker: string | null;
};

export type ChildWrite = {
  referralChildId: string | null;
  name: string | null;
  lookedAfter: boolean;
};

export function slotOf(row: StrategyDiscussionRow): Slot {
  return {
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    format: row.format,
    location: row.location,
    joinLink: row.join_link,
  };
}

/** The next number in the referral's sequence of discussions (inside the caller's transaction). */
export async function nextSequence(db: Db, referralId: string): Promise<number> {
  const row = await db
    .selectFrom('strategy_discussions')
    .select((eb) => eb.fn.max('sequence').as('last'))
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
  return (row?.last ?? 0) + 1;
}

export async function insertDiscussion(
  db: Db,
  input: DiscussionWrite & { referralId: string; sequence: number; trigger: StrategyTrigger },
  stamp: Stamp,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('strategy_discussions')
    .values({
      id,
      referral_id: input.referralId,
      sequence: input.sequence,
      trigger_kind: input.trigger.kind,
      trigger: toJson(input.trigger),
      status: 'scheduled',
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      format: input.format,
      location: input.location,
      join_link: input.joinLink,
      chair_id: input.chairId,
      minute_taker: input.minuteTaker,
      // RFC 5545 UID: stable for the life of the meeting, so a reschedule or cancel replaces it.
      ics_uid: `${id}@front-door`,
      ics_sequence: 0,
      missing_roles_reason: null,
      cancelled_reason: null,
      progress_event_id: null,
      created_at: stamp.at,
      created_by: stamp.userId,
      updated_at: stamp.at,
      updated_by: stamp.userId,
    })
    .execute();
  return id;
}

export async function getDiscussionRow(
  db: Db,
  id: string,
): Promise<StrategyDiscussionRow | undefined> {
  return db.selectFrom('strategy_discussions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A versioned change to the discussion row (STALE on an out-of-date version). */
export async function updateDiscussion(
  db: Db,
  id: string,
  expectedVersion: number,
  set: Partial<{
    status: StrategyStatus;
    starts_at: string;
    ends_at: string;
    format: Slot['format'];
    location: string | null;
    join_link: string | null;
    chair_id: string;
    minute_taker: string | null;
    ics_sequence: number;
    missing_roles_reason: string | null;
    cancelled_reason: string | null;
    progress_event_id: string | null;
  }>,
  stamp: Stamp,
): Promise<void> {
  await versionedUpdate(
    db,
    { table: 'strategy_discussions', id, expectedVersion, what: 'The strategy discussion' },
    set,
    stamp,
  );
}

export async function replaceChildren(
  db: Db,
  discussionId: string,
  children: readonly ChildWrite[],
): Promise<void> {
  await db.deleteFrom('strategy_children').where('discussion_id', '=', discussionId).execute();
  if (children.length === 0) return;
  await db
    .insertInto('strategy_children')
    .values(
      children.map((c, position) => ({
        id: randomUUID(),
        discussion_id: discussionId,
        position,
        referral_child_id: c.referralChildId,
        name: c.name,
        looked_after: int(c.lookedAfter),
      })),
    )
    .execute();
}

/** Row ids of the children on a referral (the children a discussion may be about). */
export async function referralChildIds(db: Db, referralId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('referral_children')
    .select('id')
    .where('referral_id', '=', referralId)
    .execute();
  return rows.map((r) => r.id);
}

/** The children discussed, with each name resolved from the referral where linked. */
export async function childrenOf(
  db: Db,
  discussionId: string,
  nameOfReferralChild: (referralChildId: string) => string | null,
): Promise<DiscussedChild[]> {
  const rows = await db
    .selectFrom('strategy_children')
    .selectAll()
    .where('discussion_id', '=', discussionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const name =
      (r.referral_child_id !== null ? nameOfReferralChild(r.referral_child_id) : null) ??
      r.name ??
      'Name not recorded';
    return {
      id: r.id,
      referralChildId: r.referral_child_id,
      name,
      initials: initialsOf(name),
      lookedAfter: r.looked_after === 1,
    };
  });
}

/** "Amy Smith" → "A. S."; letters of any script; words in brackets ("(last name not known)") skipped. */
export function initialsOf(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s-]+/u)
    .map((w) => /\p{L}/u.exec(w)?.[0])
    .filter((c): c is string => c !== undefined)
    .map((c) => `${c.toLocaleUpperCase('en-GB')}.`)
    .join(' ');
}

export async function insertInvitee(
  db: Db,
  discussionId: string,
  invitee: Omit<InviteeInput, 'directoryId'> & { directoryId: string | null },
  stamp: Stamp,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('strategy_invitees')
    .values({
      id,
      discussion_id: discussionId,
      directory_id: invitee.directoryId,
      name: invitee.name,
      job_title: invitee.jobTitle || null,
      agency: invitee.agency,
      email: invitee.email || null,
      seniority: invitee.seniority,
      covers: invitee.covers,
      added_at: stamp.at,
      added_by: stamp.userId,
      removed_at: null,
      removed_by: null,
      removed_reason: null,
    })
    .execute();
  return id;
}

/** Marks an invitee removed (kept for the record); false when not there or already removed. */
export async function removeInvitee(
  db: Db,
  discussionId: string,
  inviteeId: string,
  reason: string | null,
  stamp: Stamp,
): Promise<boolean> {
  const res = await db
    .updateTable('strategy_invitees')
    .set({ removed_at: stamp.at, removed_by: stamp.userId, removed_reason: reason })
    .where('id', '=', inviteeId)
    .where('discussion_id', '=', discussionId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

function toInvitee(r: StrategyInviteeRow, names: Map<string, string>): InviteeRecord {
  return {
    id: r.id,
    directoryId: r.directory_id,
    name: r.name,
    jobTitle: r.job_title,
    agency: r.agency,
    email: r.email,
    seniority: r.seniority,
    covers: r.covers as RoleId | null,
    addedAt: r.added_at,
    addedBy: userRef(names, r.added_by),
  };
}

/** Current invitees (not removed), in the order they were added. */
export async function inviteesOf(
  db: Db,
  discussionId: string,
  names: Map<string, string>,
): Promise<InviteeRecord[]> {
  const rows = await db
    .selectFrom('strategy_invitees')
    .selectAll()
    .where('discussion_id', '=', discussionId)
    .where('removed_at', 'is', null)
    // Insertion order (rowid): several invitees added in one save share a time.
    .orderBy(sql`rowid`)
    .execute();
  return rows.map((r) => toInvitee(r, names));
}

export async function addHistory(
  db: Db,
  discussionId: string,
  entry: { kind: HistoryKind; from: Slot | null; to: Slot | null; reason: string | null },
  stamp: Stamp,
): Promise<void> {
  await db
    .insertInto('strategy_history')
    .values({
      id: randomUUID(),
      discussion_id: discussionId,
      kind: entry.kind,
      from_slot: entry.from === null ? null : toJson(entry.from),
      to_slot: entry.to === null ? null : toJson(entry.to),
      reason: entry.reason,
      at: stamp.at,
      by: stamp.userId,
    })
    .execute();
}

function toHistory(r: StrategyHistoryRow, names: Map<string, string>): HistoryEntry {
  return {
    id: r.id,
    kind: r.kind as HistoryKind,
    from: fromJson(r.from_slot) as Slot | null,
    to: fromJson(r.to_slot) as Slot | null,
    reason: r.reason,
    at: r.at,
    by: userRef(names, r.by),
  };
}

export async function historyOf(
  db: Db,
  discussionId: string,
  names: Map<string, string>,
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('strategy_history')
    .selectAll()
    .where('discussion_id', '=', discussionId)
    // Insertion order (rowid): entries made in one second share a time.
    .orderBy(sql`rowid`)
    .execute();
  return rows.map((r) => toHistory(r, names));
}

/** List rows: discussions with their referral's reference and current minutes state. */
export async function listDiscussions(
  db: Db,
  where: { referralId?: string; chairId?: string },
  names: Map<string, string>,
): Promise<StrategyListItem[]> {
  let q = db
    .selectFrom('strategy_discussions as d')
    .innerJoin('referrals as r', 'r.id', 'd.referral_id')
    .select([
      'd.id',
      'd.referral_id',
      'r.reference',
      'd.sequence',
      'd.status',
      'd.starts_at',
      'd.ends_at',
      'd.format',
      'd.chair_id',
      'd.version',
    ])
    .select((eb) => [
      eb
        .selectFrom('strategy_minutes as m')
        .select('m.status')
        .whereRef('m.discussion_id', '=', 'd.id')
        .orderBy('m.number', 'desc')
        .limit(1)
        .as('minutes_status'),
      eb
        .selectFrom('strategy_minutes as m')
        .select((e2) => e2.fn.max('m.number').as('n'))
        .whereRef('m.discussion_id', '=', 'd.id')
        .as('minutes_number'),
    ]);
  if (where.referralId !== undefined) q = q.where('d.referral_id', '=', where.referralId);
  if (where.chairId !== undefined) q = q.where('d.chair_id', '=', where.chairId);
  const rows = await q.orderBy('d.starts_at').orderBy('d.sequence').execute();
  return rows.map((r) => ({
    id: r.id,
    referralId: r.referral_id,
    referralReference: r.reference,
    sequence: r.sequence,
    status: r.status,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    format: r.format,
    chair: userRef(names, r.chair_id) ?? { id: r.chair_id, displayName: 'Unknown user' },
    minutes:
      r.minutes_status === null || r.minutes_number === null
        ? null
        : { status: r.minutes_status, number: r.minutes_number },
    version: r.version,
  }));
}
