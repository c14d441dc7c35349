// The idle lock's time (a setting every signed-in person reads) and the administrator's change.
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { IdleLockSetting } from '../../../../shared/domain/idle-lock';
import { call } from '../../api/client';

export const idleLockKey = ['session', 'lock-setting'] as const;

export function useIdleLockSetting(): UseQueryResult<IdleLockSetting> {
  return useQuery({
    queryKey: idleLockKey,
    queryFn: () => call('session:lock-setting', {}),
    // Follows an administrator's change made on another computer within the hour.
    staleTime: 60 * 60_000,
  });
}

export function useSetIdleLock() {
  const client = useQueryClient();
  return useMutation<IdleLockSetting, Error, { minutes: number; version: number }>({
    mutationFn: (input) => call('session:set-lock-setting', input),
    onSettled: () => client.invalidateQueries({ queryKey: idleLockKey }),
  });
}
