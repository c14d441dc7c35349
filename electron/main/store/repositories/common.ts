// Small helpers shared by the repositories: JSON columns, user names, and the optimistic
// concurrency check (architecture §3: a stale write is refused, never silently overwritten).
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { UserRef } from '../../../../shared/domain/records';
import { NotFoundError, StaleWriteError } from '../errors';
import type { Database } from '../schema';

export type Db = Kysely<Database> | Transaction<Database>;

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Parses a JSON column; callers assert the shape the column was written with. */
export function fromJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

export const bool = (n: number | null | undefined): boolean => n === 1;
export const int = (b: boolean): number => (b ? 1 : 0);

/** Display names of all users (a front door has tens of users, not thousands). */
export async function userNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export function userRef(names: Map<string, string>, id: string | null): UserRef | null {
  if (id === null) return null;
  return { id, displayName: names.get(id) ?? 'Unknown user' };
}

/** Tables whose rows carry version + updated_at/updated_by. */
export type VersionedTable =
  | 'users'
  | 'people'
  | 'directory'
  | 'referrals'
  | 'decisions'
  | 'checklist_answers'
  | 'strategy_discussions'
  | 'actions'
  | 'letters';

/** checklist_answers is keyed by referral_id, so it has no `id` to update or look up by. */
export type VersionedByIdTable = Exclude<VersionedTable, 'checklist_answers'>;

/**
 * The columns a caller may set in a versioned update: the row's own data. Identity, creation
 * and the version/updated stamps are left out because versionedUpdate owns them.
 */
export type VersionedSet<T extends VersionedByIdTable> = Omit<
  Updateable<Database[T]>,
  'id' | 'version' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by'
>;

/**
 * Optimistic-concurrency update: writes `set` only if the row is still at `expectedVersion`,
 * bumping the version and stamping who and when; otherwise throws NotFoundError or
 * StaleWriteError (see staleOrMissing).
 */
export async function versionedUpdate<T extends VersionedByIdTable>(
  db: Db,
  target: { table: T; id: string; expectedVersion: number; what: string },
  set: VersionedSet<T>,
  stamp: { at: string; userId: string },
): Promise<void> {
  // Kysely cannot resolve `.set` on a builder for a generic table, so the query is built over
  // the union of versioned tables; the signature has already checked `set` against T's columns.
  const table: VersionedByIdTable = target.table;
  const res = await db
    .updateTable(table)
    .set({
      ...set,
      version: target.expectedVersion + 1,
      updated_at: stamp.at,
      updated_by: stamp.userId,
    })
    .where('id', '=', target.id)
    .where('version', '=', target.expectedVersion)
    .executeTakeFirst();
  if (res.numUpdatedRows === 0n) await staleOrMissing(db, table, target.id, target.what);
}

/**
 * Called when a versioned `UPDATE … WHERE id = ? AND version = ?` changed no rows: either the
 * record is gone (NotFoundError) or someone saved first (StaleWriteError naming them and when).
 */
export async function staleOrMissing(
  db: Db,
  table: VersionedByIdTable,
  id: string,
  what: string,
): Promise<never> {
  const row = await db
    .selectFrom(table)
    .select(['version', 'updated_at', 'updated_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw new NotFoundError(what);
  const names = await userNames(db);
  const by =
    row.updated_by === null ? 'someone else' : (names.get(row.updated_by) ?? 'someone else');
  throw new StaleWriteError(by, row.updated_at, row.version);
}
