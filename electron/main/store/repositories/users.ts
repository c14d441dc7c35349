// App users: an operating-system account mapped to a display name and roles.
import type { AppUser } from '../../../../shared/domain/records';
import { USER_ROLES, type UserRole } from '../../../../shared/domain/types';
import type { UserRow } from '../schema';
import { type Db, bool, fromJson, int, toJson, versionedUpdate } from './common';

export function toAppUser(r: UserRow): AppUser {
  const roles = fromJson(r.roles);
  return {
    id: r.id,
    osAccount: r.os_account,
    displayName: r.display_name,
    roles: Array.isArray(roles) ? USER_ROLES.filter((role) => roles.includes(role)) : [],
    active: bool(r.active),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function userByOsAccount(db: Db, osAccount: string): Promise<AppUser | null> {
  const r = await db
    .selectFrom('users')
    .selectAll()
    .where('os_account', '=', osAccount)
    .executeTakeFirst();
  return r ? toAppUser(r) : null;
}

export async function userById(db: Db, id: string): Promise<AppUser | null> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toAppUser(r) : null;
}

export async function listUsers(db: Db): Promise<AppUser[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('display_name').execute();
  return rows.map(toAppUser);
}

export async function insertUser(
  db: Db,
  u: { osAccount: string; displayName: string; roles: UserRole[] },
  at: string,
): Promise<AppUser> {
  const id = crypto.randomUUID();
  const row = await db
    .insertInto('users')
    .values({
      id,
      os_account: u.osAccount,
      display_name: u.displayName,
      roles: toJson(u.roles),
      created_at: at,
      created_by: id,
      updated_at: at,
      updated_by: id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAppUser(row);
}

export async function setUserRoles(
  db: Db,
  id: string,
  expectedVersion: number,
  roles: UserRole[],
  stamp: { at: string; userId: string },
): Promise<void> {
  await versionedUpdate(
    db,
    { table: 'users', id, expectedVersion, what: 'The user' },
    { roles: toJson(roles) },
    stamp,
  );
}

/**
 * Switches a user's access off or on. The row is never deleted: their name stays on every record
 * and audit entry they made (issue 14: deactivate a leaver without losing their history).
 */
export async function setUserActive(
  db: Db,
  id: string,
  expectedVersion: number,
  active: boolean,
  stamp: { at: string; userId: string },
): Promise<void> {
  await versionedUpdate(
    db,
    { table: 'users', id, expectedVersion, what: 'The user' },
    { active: int(active) },
    stamp,
  );
}
