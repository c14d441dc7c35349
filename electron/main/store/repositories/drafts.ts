// Autosaved drafts, one per (user, kind, key). The renderer saves about every second; each save
// is one small upsert committed with synchronous=FULL, so a crash or power cut loses at most the
// keystrokes typed since the last confirmed save (architecture §3).
import type { DraftKind, DraftRecord } from '../../../../shared/domain/records';
import type { DraftRow } from '../schema';
import { type Db, fromJson, toJson } from './common';

export function toDraftRecord(r: DraftRow): DraftRecord {
  return {
    id: r.id,
    kind: r.kind as DraftKind,
    key: r.key,
    data: fromJson(r.data),
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function upsertDraft(
  db: Db,
  userId: string,
  kind: DraftKind,
  key: string,
  data: unknown,
  at: string,
): Promise<DraftRecord> {
  const row = await db
    .insertInto('drafts')
    .values({
      id: crypto.randomUUID(),
      user_id: userId,
      kind,
      key,
      data: toJson(data ?? null),
      updated_at: at,
      version: 1,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind', 'key']).doUpdateSet((eb) => ({
        data: eb.ref('excluded.data'),
        updated_at: eb.ref('excluded.updated_at'),
        version: eb('drafts.version', '+', 1),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDraftRecord(row);
}

export async function getDraft(
  db: Db,
  userId: string,
  kind: DraftKind,
  key: string,
): Promise<DraftRecord | null> {
  const r = await db
    .selectFrom('drafts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('key', '=', key)
    .executeTakeFirst();
  return r ? toDraftRecord(r) : null;
}

export async function listDrafts(db: Db, userId: string): Promise<DraftRecord[]> {
  const rows = await db
    .selectFrom('drafts')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map(toDraftRecord);
}

export async function deleteDraft(
  db: Db,
  userId: string,
  kind: DraftKind,
  key: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('drafts')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('key', '=', key)
    .executeTakeFirst();
  return res.numDeletedRows > 0n;
}
