// Progress entries on a referral (migration 3, shared/progress): appended, and withdrawn with a
// reason, never deleted or edited. Rows map to ProgressEventRecord here and nowhere else.
import { randomUUID } from 'node:crypto';
import type { ProgressEventInput, ProgressEventRecord } from '../../../../shared/progress';
import type { ProgressEventRow } from '../schema';
import { type Db, fromJson, toJson, userRef } from './common';

function toRecord(row: ProgressEventRow, names: Map<string, string>): ProgressEventRecord {
  return {
    id: row.id,
    event: fromJson(row.data) as ProgressEventInput,
    recordedAt: row.recorded_at,
    recordedBy: userRef(names, row.recorded_by),
    withdrawn:
      row.withdrawn_at === null
        ? null
        : {
            at: row.withdrawn_at,
            by: userRef(names, row.withdrawn_by),
            reason: row.withdrawn_reason ?? '',
          },
  };
}

/** Every entry on the referrals, oldest event first (withdrawn ones included). */
export async function progressFor(
  db: Db,
  referralIds: readonly string[],
  names: Map<string, string>,
): Promise<Map<string, ProgressEventRecord[]>> {
  const out = new Map<string, ProgressEventRecord[]>();
  if (referralIds.length === 0) return out;
  const rows = await db
    .selectFrom('progress_events')
    .selectAll()
    .where('referral_id', 'in', referralIds)
    .orderBy('date')
    .orderBy('recorded_at')
    .execute();
  for (const row of rows) {
    const list = out.get(row.referral_id) ?? [];
    list.push(toRecord(row, names));
    out.set(row.referral_id, list);
  }
  return out;
}

export async function insertProgress(
  db: Db,
  referralId: string,
  event: ProgressEventInput,
  stamp: { at: string; userId: string },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('progress_events')
    .values({
      id,
      referral_id: referralId,
      kind: event.kind,
      date: event.date,
      data: toJson(event),
      recorded_at: stamp.at,
      recorded_by: stamp.userId,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawn_reason: null,
    })
    .execute();
  return id;
}

/** Marks an entry withdrawn; false when it was not there or already withdrawn. */
export async function withdrawProgress(
  db: Db,
  referralId: string,
  id: string,
  reason: string,
  stamp: { at: string; userId: string },
): Promise<boolean> {
  const res = await db
    .updateTable('progress_events')
    .set({ withdrawn_at: stamp.at, withdrawn_by: stamp.userId, withdrawn_reason: reason })
    .where('id', '=', id)
    .where('referral_id', '=', referralId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
