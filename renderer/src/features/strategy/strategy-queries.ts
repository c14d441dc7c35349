// Query and mutation hooks for strategy discussions (issue 12): one place for their keys, so a
// change to a discussion refreshes the discussion, the chair's list, the referral's list and the
// documents kept for it.

import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { DocumentRecord } from '../../../../shared/domain/documents';
import type { DirectoryEntry } from '../../../../shared/domain/records';
import type {
  MyStrategyDiscussions,
  StrategyDiscussionRecord,
  StrategyListItem,
} from '../../../../shared/domain/strategy';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';

export const strategyKeys = {
  all: ['strategy'] as const,
  discussion: (id: string) => ['strategy', 'get', id] as const,
  mine: ['strategy', 'mine'] as const,
  forReferral: (referralId: string) => ['strategy', 'referral', referralId] as const,
  documents: (id: string) => ['documents', 'strategy-discussion', id] as const,
  directory: (text: string) => ['directory', 'list', text] as const,
};

export function useDiscussion(id: string): UseQueryResult<StrategyDiscussionRecord> {
  return useQuery({
    queryKey: strategyKeys.discussion(id),
    queryFn: () => call('strategy:get', { id }),
  });
}

export function useMyDiscussions(): UseQueryResult<MyStrategyDiscussions> {
  return useQuery({
    queryKey: strategyKeys.mine,
    queryFn: () => call('strategy:list-mine', {}),
    refetchInterval: 60_000,
  });
}

export function useReferralDiscussions(
  referralId: string,
  enabled = true,
): UseQueryResult<StrategyListItem[]> {
  return useQuery({
    queryKey: strategyKeys.forReferral(referralId),
    queryFn: () => call('strategy:list-for-referral', { referralId }),
    enabled,
  });
}

export function useDiscussionDocuments(
  id: string,
  enabled = true,
): UseQueryResult<DocumentRecord[]> {
  return useQuery({
    queryKey: strategyKeys.documents(id),
    queryFn: () => call('documents:list', { subjectType: 'strategy-discussion', subjectId: id }),
    enabled,
  });
}

/** The directory, searched as the chair types (no search: the first entries). */
export function useDirectory(text: string, enabled: boolean): UseQueryResult<DirectoryEntry[]> {
  const trimmed = text.trim();
  return useQuery({
    queryKey: strategyKeys.directory(trimmed),
    queryFn: () => call('directory:list', trimmed === '' ? {} : { text: trimmed }),
    enabled,
    staleTime: 60_000,
  });
}

/** Refresh everything a change to a discussion can touch (its referral's clocks included). */
export function useRefreshStrategy(): (record?: StrategyDiscussionRecord) => Promise<void> {
  const client = useQueryClient();
  return async (record) => {
    if (record) client.setQueryData(strategyKeys.discussion(record.id), record);
    await Promise.all([
      client.invalidateQueries({ queryKey: strategyKeys.all }),
      client.invalidateQueries({ queryKey: ['documents'] }),
      record
        ? client.invalidateQueries({ queryKey: queryKeys.referral(record.referralId) })
        : Promise.resolve(),
      client.invalidateQueries({ queryKey: ['referrals', 'list'] }),
    ]);
  };
}

type RecordChannel =
  | 'strategy:schedule'
  | 'strategy:update'
  | 'strategy:cancel'
  | 'strategy:confirm'
  | 'strategy:mark-held'
  | 'strategy:add-invitee'
  | 'strategy:remove-invitee';

/** A change to a discussion through one channel; the record it returns refreshes the screens. */
export function useStrategyChange<C extends RecordChannel>(channel: C) {
  const refresh = useRefreshStrategy();
  return useMutation<ChannelOutput<C>, Error, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: async (rec) => {
      await refresh(rec);
    },
  });
}

type FileChannel =
  'strategy:invite' | 'strategy:invite-email' | 'strategy:week-invites' | 'documents:download';

/** Make or fetch a document and hand it over; the documents list then shows it. */
export function useStrategyFile<C extends FileChannel & Channel>(channel: C) {
  const client = useQueryClient();
  return useMutation<ChannelOutput<C>, Error, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['documents'] });
    },
  });
}
