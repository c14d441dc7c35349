// Pure helpers for the Users and roles screen (issue 14): the order users are listed in, what
// each role may do in plain words, and whether the administrator role may be taken away.
import type { AppUser } from '../../../../shared/domain/records';
import { USER_ROLES, type UserRole } from '../../../../shared/domain/types';
import { canCall } from '../../../../shared/ipc/access';
import { ROLE_LABELS } from '../../components/format';

export { ROLE_LABELS };

/** One line per role: what the contract's `access` lets that role do (shared/ipc/contract.ts). */
export const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  'duty-worker': 'Records contacts and referrals, makes the front door decision and sends letters.',
  manager: 'Does what a duty worker does, signs off decisions and merges records of one child.',
  chair: 'Takes part in strategy discussions and records their minutes.',
  'minute-taker':
    "Writes up the team's strategy discussions and saves the draft minutes for the chair. Sees nothing else of the child's record.",
  admin: 'Gives people roles, changes settings and letter templates, and makes backups.',
};

export const ROLE_ORDER: readonly UserRole[] = USER_ROLES;

/** Signed in at least once but given no role yet: the people an administrator has to act on. */
export function isWaiting(u: AppUser): boolean {
  return u.active && u.roles.length === 0;
}

/** New users waiting for a role first, then active people, then those deactivated; by name. */
export function sortUsers(users: readonly AppUser[]): AppUser[] {
  const rank = (u: AppUser): number => (isWaiting(u) ? 0 : u.active ? 1 : 2);
  return [...users].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.displayName.localeCompare(b.displayName, 'en-GB', { sensitivity: 'base' }),
  );
}

export function activeAdminCount(users: readonly AppUser[]): number {
  return users.filter((u) => canCall('users:set-roles', u)).length;
}

/**
 * Why the administrator box may not be cleared for this user, or null when it may. The main
 * process refuses it too ('users:set-roles'): someone must always be able to give roles.
 */
export function adminLockReason(
  target: AppUser,
  me: AppUser,
  users: readonly AppUser[],
): string | null {
  if (!canCall('users:set-roles', target)) return null;
  if (activeAdminCount(users) > 1) return null;
  return target.id === me.id
    ? 'You are the only administrator, so you cannot remove your own administrator role: nobody could give roles after that. Make someone else an administrator first.'
    : `${target.displayName} is the only administrator. Make someone else an administrator first.`;
}

export function statusText(u: AppUser): string {
  if (!u.active) return 'Deactivated';
  return isWaiting(u) ? 'Waiting for a role' : 'Active';
}
