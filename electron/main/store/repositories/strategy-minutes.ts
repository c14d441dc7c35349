// Minutes versions of a strategy discussion (migration 8). A draft is updated in place under its
// own version number (autosave); a finalised version is locked by the database itself, and an
// amendment is a new version that starts as a copy with what changed and why.
import { randomUUID } from 'node:crypto';
import type { MinutesVersionRecord } from '../../../../shared/domain/strategy';
import type { MinutesDraft } from '../../../../shared/strategy/minutes';
import type { StrategyMinutesRow } from '../schema';
import { StaleWriteError } from '../errors';
import { type Db, fromJson, toJson, userRef } from './common';

type Stamp = { at: string; userId: string };

function toRecord(r: StrategyMinutesRow, names: Map<string, string>): MinutesVersionRecord {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    minutes: fromJson(r.data) as MinutesDraft,
    amendment: fromJson(r.amendment) as MinutesVersionRecord['amendment'],
    version: r.version,
    savedAt: r.saved_at,
    savedBy: userRef(names, r.saved_by),
    finalisedAt: r.finalised_at,
    finalisedBy: userRef(names, r.finalised_by),
  };
}

export async function minutesOf(
  db: Db,
  discussionId: string,
  names: Map<string, string>,
): Promise<MinutesVersionRecord[]> {
  const rows = await db
    .selectFrom('strategy_minutes')
    .selectAll()
    .where('discussion_id', '=', discussionId)
    .orderBy('number')
    .execute();
  return rows.map((r) => toRecord(r, names));
}

export async function latestMinutesRow(
  db: Db,
  discussionId: string,
): Promise<StrategyMinutesRow | undefined> {
  return db
    .selectFrom('strategy_minutes')
    .selectAll()
    .where('discussion_id', '=', discussionId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertMinutes(
  db: Db,
  discussionId: string,
  number: number,
  data: MinutesDraft,
  amendment: { whatChanged: string; why: string } | null,
  stamp: Stamp,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('strategy_minutes')
    .values({
      id,
      discussion_id: discussionId,
      number,
      status: 'draft',
      data: toJson(data),
      amendment: amendment === null ? null : toJson(amendment),
      version: 1,
      saved_at: stamp.at,
      saved_by: stamp.userId,
      finalised_at: null,
      finalised_by: null,
    })
    .execute();
  return id;
}

async function refuseStale(db: Db, id: string): Promise<never> {
  const row = await db
    .selectFrom('strategy_minutes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const names = new Map(
    (await db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [
      u.id,
      u.display_name,
    ]),
  );
  throw new StaleWriteError(
    row.saved_by === null ? 'someone else' : (names.get(row.saved_by) ?? 'someone else'),
    row.saved_at,
    row.version,
  );
}

/** Autosave of a draft at `expectedVersion`; STALE when someone saved in between. */
export async function saveMinutesDraft(
  db: Db,
  id: string,
  expectedVersion: number,
  data: MinutesDraft,
  stamp: Stamp,
): Promise<number> {
  const res = await db
    .updateTable('strategy_minutes')
    .set({
      data: toJson(data),
      version: expectedVersion + 1,
      saved_at: stamp.at,
      saved_by: stamp.userId,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (res.numUpdatedRows === 0n) await refuseStale(db, id);
  return expectedVersion + 1;
}

/** Locks the draft as finalised (the trigger refuses any later change). */
export async function finaliseMinutes(
  db: Db,
  id: string,
  expectedVersion: number,
  data: MinutesDraft,
  stamp: Stamp,
): Promise<void> {
  const res = await db
    .updateTable('strategy_minutes')
    .set({
      status: 'finalised',
      data: toJson(data),
      version: expectedVersion + 1,
      finalised_at: stamp.at,
      finalised_by: stamp.userId,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (res.numUpdatedRows === 0n) await refuseStale(db, id);
}
