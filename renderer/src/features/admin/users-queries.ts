// Server state for Users and roles: the list (shared key with the rest of the app, so names and
// roles elsewhere follow a change at once) and the two changes an administrator makes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppUser } from '../../../../shared/domain/records';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';

function useRefreshUsers(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.users }),
      // Your own roles may have changed (the navigation follows them).
      client.invalidateQueries({ queryKey: queryKeys.session }),
    ]);
  };
}

export function useSetRoles() {
  const refresh = useRefreshUsers();
  return useMutation<AppUser, Error, ChannelInput<'users:set-roles'>>({
    mutationFn: (input) => call('users:set-roles', input),
    // A refusal (stale, last administrator) may mean the list is out of date too.
    onSettled: refresh,
  });
}

export function useSetActive() {
  const refresh = useRefreshUsers();
  return useMutation<AppUser, Error, ChannelInput<'users:set-active'>>({
    mutationFn: (input) => call('users:set-active', input),
    onSettled: refresh,
  });
}
