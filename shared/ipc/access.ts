// Who may call a channel, decided in one place from the contract's `access`. The main process
// refuses a call with it (ipc/dispatch.ts) and the renderer shows a control or a screen with it,
// so what a user is offered and what they are allowed can never disagree.
import type { UserRole } from '../domain/types';
import { contract, type Channel } from './contract';

export type Caller = { readonly roles: readonly UserRole[]; readonly active: boolean };

export function canCall(channel: Channel, user: Caller): boolean {
  const access = contract[channel].access;
  if (access === 'any-user') return true;
  // A leaver keeps their history but can no longer act (users:set-active).
  if (!user.active) return false;
  return user.roles.some((r) => access.includes(r));
}

/** Whether the user may call every one of the channels a screen or control needs. */
export function canCallAll(channels: readonly Channel[], user: Caller): boolean {
  return channels.every((c) => canCall(c, user));
}
