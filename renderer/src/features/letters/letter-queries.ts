// Query and mutation hooks for a referral's letters: one place for their keys, so each action
// (finalise, email draft, mark sent) refreshes the letters section, the referral's chronology and
// the work queue, which all show what was sent.

import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type {
  LetterPreview,
  LetterRecord,
  ReferralLetters,
} from '../../../../shared/domain/letters';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { LetterKind } from '../../../../shared/letters/types';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';

export const letterKeys = {
  /** Every letters query (the work queue's too): a send changes them all. */
  all: ['letters'] as const,
  forReferral: (referralId: string) => ['letters', 'referral', referralId] as const,
  preview: (referralId: string, kind: LetterKind) =>
    ['letters', 'preview', referralId, kind] as const,
};

export function useReferralLetters(
  referralId: string,
  enabled = true,
): UseQueryResult<ReferralLetters> {
  return useQuery({
    queryKey: letterKeys.forReferral(referralId),
    queryFn: () => call('letters:for-referral', { referralId }),
    enabled,
  });
}

/** The wording as it would be made now: always asked afresh (templates or the case may change). */
export function useLetterPreview(
  referralId: string,
  kind: LetterKind,
): UseQueryResult<LetterPreview> {
  return useQuery({
    queryKey: letterKeys.preview(referralId, kind),
    queryFn: () => call('letters:preview', { referralId, kind }),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** Refresh what a letter action can change: the letters, the referral (chronology), documents. */
export function useRefreshLetters(): (referralId: string) => Promise<void> {
  const client = useQueryClient();
  return async (referralId) => {
    await Promise.all([
      // Not the open dialog's preview: it was asked for on opening, and is not asked again.
      client.invalidateQueries({
        queryKey: letterKeys.all,
        predicate: (q) => q.queryKey[1] !== 'preview',
      }),
      client.invalidateQueries({ queryKey: queryKeys.referral(referralId) }),
      client.invalidateQueries({ queryKey: ['documents'] }),
    ]);
  };
}

export function useFinaliseLetter() {
  const refresh = useRefreshLetters();
  return useMutation({
    mutationFn: (input: ChannelInput<'letters:finalise'>) => call('letters:finalise', input),
    onSuccess: (letter: LetterRecord) => refresh(letter.referralId),
  });
}

export function useMarkSent(referralId: string) {
  const refresh = useRefreshLetters();
  return useMutation({
    mutationFn: (input: ChannelInput<'letters:mark-sent'>) => call('letters:mark-sent', input),
    onSuccess: () => refresh(referralId),
  });
}
