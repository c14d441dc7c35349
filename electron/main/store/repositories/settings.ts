// Settings: one versioned JSON row per key. 'app' holds edition, local policy overrides,
// organisation details (with the protective marking wording) and closure days.
import type { OrganisationDetails } from '../../../../shared/domain/records';
import type { Edition, IsoDate } from '../../../../shared/domain/types';
import type { PolicyOverrides } from '../../../../shared/policy/types';
import { StaleWriteError } from '../errors';
import { type Db, fromJson, toJson, userNames } from './common';

export type AppSettingsValue = {
  edition: Edition;
  overrides: PolicyOverrides;
  organisation: OrganisationDetails;
  closures: IsoDate[];
};

export const DEFAULT_SETTINGS: AppSettingsValue = {
  edition: 2023,
  overrides: {},
  organisation: { name: '', address: '', phone: '', email: '', marking: 'OFFICIAL-SENSITIVE' },
  closures: [],
};

export type StoredSetting<T> = {
  value: T;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
};

export async function getSetting<T>(db: Db, key: string, fallback: T): Promise<StoredSetting<T>> {
  const r = await db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
  if (!r) return { value: fallback, version: 0, updatedAt: null, updatedBy: null };
  return {
    value: { ...fallback, ...(fromJson(r.value) as T) },
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** Versioned write; version 0 means "not stored yet" (insert). */
export async function putSetting(
  db: Db,
  key: string,
  value: unknown,
  expectedVersion: number,
  stamp: { at: string; userId: string },
): Promise<void> {
  if (expectedVersion === 0) {
    const res = await db
      .insertInto('settings')
      .values({
        key,
        value: toJson(value),
        version: 1,
        updated_by: stamp.userId,
        updated_at: stamp.at,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if ((res.numInsertedOrUpdatedRows ?? 0n) > 0n) return;
  } else {
    const res = await db
      .updateTable('settings')
      .set({
        value: toJson(value),
        version: expectedVersion + 1,
        updated_by: stamp.userId,
        updated_at: stamp.at,
      })
      .where('key', '=', key)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (res.numUpdatedRows > 0n) return;
  }
  const current = await db
    .selectFrom('settings')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  const names = await userNames(db);
  throw new StaleWriteError(
    current.updated_by === null
      ? 'someone else'
      : (names.get(current.updated_by) ?? 'someone else'),
    current.updated_at,
    current.version,
  );
}
