// Server state for the queue grid: one page at a time from the store (referrals:queue), kept fresh
// while the screen is open so a change made on another desktop shows without a reload.
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { AppUser, QueuePage, ReferralRecord } from '../../../../shared/domain/records';
import type { ChannelInput, QueueQueryInput } from '../../../../shared/ipc/contract';
import { canCall } from '../../../../shared/ipc/access';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';

/** How often an open queue asks again (issue 11: "refresh when another desktop changes it"). */
export const QUEUE_REFRESH_MS = 30_000;

// Under ['referrals', 'list'] so every mutation that already refreshes the queue (decisions,
// corrections, assignment on the referral page) refreshes the grid too.
export const queuePageKey = (input: QueueQueryInput) =>
  ['referrals', 'list', 'page', input] as const;

export function useQueuePage(input: QueueQueryInput): UseQueryResult<QueuePage> {
  return useQuery({
    queryKey: queuePageKey(input),
    queryFn: () => call('referrals:queue', input),
    // The rows on screen stay while the next page or sort loads, so nothing jumps or blanks.
    placeholderData: keepPreviousData,
    refetchInterval: QUEUE_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
}

/** Who a referral can be given to: those who may record its decision (services/referrals assign). */
export function assignable(users: readonly AppUser[]): AppUser[] {
  return users
    .filter((u) => canCall('decisions:record', u))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

export function useColleagues(enabled: boolean): UseQueryResult<AppUser[]> {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: () => call('users:list', {}),
    select: assignable,
    enabled,
  });
}

export function useQueueAssign() {
  const client = useQueryClient();
  return useMutation<ReferralRecord, Error, ChannelInput<'referrals:assign'>>({
    mutationFn: (input) => call('referrals:assign', input),
    onSuccess: async (rec) => {
      client.setQueryData(queryKeys.referral(rec.id), rec);
      await client.invalidateQueries({ queryKey: ['referrals', 'list'] });
    },
    // Someone else changed it first: show the queue as it now is, so the next try can succeed.
    onError: async () => {
      await client.invalidateQueries({ queryKey: ['referrals', 'list'] });
    },
  });
}
