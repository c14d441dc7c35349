// TanStack Query hooks over the typed client: one place for query keys, so a mutation can
// refresh exactly what it changed.

import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { QueueFilter } from '../../../shared/ipc/contract';
import type {
  AppUser,
  BackupInfo,
  QueueItem,
  ReferralRecord,
  SessionInfo,
  SettingsRecord,
  StoreStatus,
} from '../../../shared/domain/records';
import { ApiError, call } from './client';

export const queryKeys = {
  status: ['system', 'status'] as const,
  session: ['session'] as const,
  settings: ['settings'] as const,
  users: ['users'] as const,
  queue: (filter: QueueFilter) => ['referrals', 'list', filter] as const,
  referral: (id: string) => ['referrals', 'get', id] as const,
};

/** Errors that will not go away by asking again. */
const FINAL_CODES = new Set([
  'VALIDATION',
  'FORBIDDEN',
  'NOT_FOUND',
  'NO_USER',
  'RECOVERY_NEEDED',
  'DISK_FULL',
]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, error) =>
          !(error instanceof ApiError && FINAL_CODES.has(error.code)) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

export function useSystemStatus(): UseQueryResult<StoreStatus> {
  return useQuery({
    queryKey: queryKeys.status,
    queryFn: () => call('system:status', {}),
    // While the start-up check runs after the window opened, follow it every second: its end
    // (or the damage it finds, which turns the app to the recovery screen) shows at once.
    refetchInterval: (query) =>
      query.state.data?.startupCheck?.state === 'running' ? 1_000 : false,
  });
}

export function useSession(enabled = true): UseQueryResult<SessionInfo> {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: () => call('session:current', {}),
    enabled,
  });
}

export function useSettings(enabled = true): UseQueryResult<SettingsRecord> {
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => call('settings:get', {}),
    enabled,
  });
}

export function useUsers(): UseQueryResult<AppUser[]> {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => call('users:list', {}) });
}

/** The referral queue; refreshed every minute so new referrals appear without a reload. */
export function useQueue(filter: QueueFilter, enabled = true): UseQueryResult<QueueItem[]> {
  return useQuery({
    queryKey: queryKeys.queue(filter),
    queryFn: () => call('referrals:list', { filter }),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useReferral(id: string): UseQueryResult<ReferralRecord> {
  return useQuery({
    queryKey: queryKeys.referral(id),
    queryFn: () => call('referrals:get', { id }),
  });
}

/**
 * Restore while the database cannot be opened: the named backup, or the newest good one. Served
 * without a signed-in user (none can be read from a damaged store); see contract `system:recover`.
 */
export function useRecover() {
  const client = useQueryClient();
  return useMutation<BackupInfo, Error, string | undefined>({
    mutationFn: (file) => call('system:recover', file === undefined ? {} : { file }),
    onSuccess: async () => {
      await client.invalidateQueries();
    },
  });
}
