// Query and mutation hooks for the referral page and the decision screens. The shared keys come
// from api/queries so a change here refreshes the queue and the referral everywhere.

import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type {
  AuditEntry,
  DecisionRecord,
  DraftRecord,
  ReferralRecord,
} from '../../../../shared/domain/records';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';

export const decisionKeys = {
  draft: (referralId: string) => ['drafts', 'decision', referralId] as const,
  audit: (referralId: string) => ['audit', 'referral', referralId] as const,
};

export function useDecisionDraft(referralId: string): UseQueryResult<DraftRecord | null> {
  return useQuery({
    queryKey: decisionKeys.draft(referralId),
    queryFn: () => call('drafts:get', { kind: 'decision', key: referralId }),
    staleTime: Infinity,
    gcTime: 0,
  });
}

export function useReferralAudit(
  referralId: string,
  enabled: boolean,
): UseQueryResult<AuditEntry[]> {
  return useQuery({
    queryKey: decisionKeys.audit(referralId),
    queryFn: () => call('audit:list', { entityType: 'referral', entityId: referralId }),
    enabled,
  });
}

/** After any change to a referral: refresh it, the queue and its audit. */
function useRefreshReferral(): (referralId: string, record?: ReferralRecord) => Promise<void> {
  const client = useQueryClient();
  return async (referralId, record) => {
    if (record) client.setQueryData(queryKeys.referral(referralId), record);
    await Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.referral(referralId) }),
      client.invalidateQueries({ queryKey: ['referrals', 'list'] }),
      client.invalidateQueries({ queryKey: decisionKeys.audit(referralId) }),
    ]);
  };
}

export function useRecordDecision() {
  const refresh = useRefreshReferral();
  return useMutation<DecisionRecord, Error, ChannelInput<'decisions:record'>>({
    mutationFn: (input) => call('decisions:record', input),
    onSuccess: async (rec) => {
      await refresh(rec.referralId);
    },
  });
}

export function useSignOff() {
  const refresh = useRefreshReferral();
  return useMutation<DecisionRecord, Error, ChannelInput<'decisions:sign-off'>>({
    mutationFn: (input) => call('decisions:sign-off', input),
    onSuccess: async (rec) => {
      await refresh(rec.referralId);
    },
  });
}

export function useAssign() {
  const refresh = useRefreshReferral();
  return useMutation<ReferralRecord, Error, ChannelInput<'referrals:assign'>>({
    mutationFn: (input) => call('referrals:assign', input),
    onSuccess: async (rec) => {
      await refresh(rec.id, rec);
    },
  });
}

export function useAddEvent() {
  const refresh = useRefreshReferral();
  return useMutation<ReferralRecord, Error, ChannelInput<'referrals:add-event'>>({
    mutationFn: (input) => call('referrals:add-event', input),
    onSuccess: async (rec) => {
      await refresh(rec.id, rec);
    },
  });
}

export function useLinkChild() {
  const refresh = useRefreshReferral();
  return useMutation<ReferralRecord, Error, ChannelInput<'people:link'>>({
    mutationFn: (input) => call('people:link', input),
    onSuccess: async (rec) => {
      await refresh(rec.id, rec);
    },
    // A stale or refused link: show the referral as it now is, so the worker can try again.
    onError: async (_e, input) => {
      await refresh(input.referralId);
    },
  });
}

export function useRecordProgress() {
  const refresh = useRefreshReferral();
  return useMutation<ReferralRecord, Error, ChannelInput<'progress:record'>>({
    mutationFn: (input) => call('progress:record', input),
    onSuccess: async (rec) => {
      await refresh(rec.id, rec);
    },
  });
}

export function useWithdrawProgress() {
  const refresh = useRefreshReferral();
  return useMutation<ReferralRecord, Error, ChannelInput<'progress:withdraw'>>({
    mutationFn: (input) => call('progress:withdraw', input),
    onSuccess: async (rec) => {
      await refresh(rec.id, rec);
    },
    onError: async (_e, input) => {
      await refresh(input.referralId);
    },
  });
}
