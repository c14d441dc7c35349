// Autosaved drafts, one per (user, kind, key). The renderer saves about every second; each save
// is one small upsert committed with synchronous=FULL, so a crash or power cut loses at most the
// keystrokes typed since the last confirmed save (architecture §3).
import { sql } from 'kysely';
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

export type DraftUsage = { count: number; bytes: number };

/**
 * How many drafts a user has and their total size in bytes (UTF-8, as stored), leaving out the
 * one with this kind and key (the one about to be replaced).
 */
export async function draftUsage(
  db: Db,
  userId: string,
  except: { kind: DraftKind; key: string },
): Promise<DraftUsage> {
  const r = await db
    .selectFrom('drafts')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      // length() of a BLOB is its size in bytes (https://sqlite.org/lang_corefunc.html#length).
      eb.fn
        .coalesce(eb.fn.sum<number>(sql<number>`length(CAST(data AS BLOB))`), sql<number>`0`)
        .as('bytes'),
    ])
    .where('user_id', '=', userId)
    .where((eb) => eb.not(eb.and([eb('kind', '=', except.kind), eb('key', '=', except.key)])))
    .executeTakeFirstOrThrow();
  return { count: r.count, bytes: r.bytes };
}
