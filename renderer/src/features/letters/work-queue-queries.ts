// Server state for the admin work queue: one page at a time from the store (letters:queue), kept
// fresh while the screen is open, and the actions on the selection (make, cancel, mark sent, save).
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { DocumentDownloadRecord } from '../../../../shared/domain/documents';
import type { BatchResult, SendMethod, WorkQueuePage } from '../../../../shared/domain/letters';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { LetterKind } from '../../../../shared/letters/types';
import { ApiError, call, errorMessage } from '../../api/client';
import type { WorkQueueInput } from './work-queue-model';

/**
 * How often an open work queue asks again: a letter finalised or a decision recorded on another
 * desktop appears without a reload (issue 13), a little less often than the referral queue.
 */
export const WORK_QUEUE_REFRESH_MS = 60_000;

export const workQueueKey = (input: WorkQueueInput) => ['letters', 'queue', input] as const;

export function useWorkQueue(input: WorkQueueInput): UseQueryResult<WorkQueuePage> {
  return useQuery({
    queryKey: workQueueKey(input),
    queryFn: () => call('letters:queue', input),
    // The rows on screen stay while the next page, sort or filter loads: nothing jumps or blanks.
    placeholderData: keepPreviousData,
    refetchInterval: WORK_QUEUE_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
}

/** After any change to letters or invites: the queue, and the referral pages ("Referrer told"). */
async function refreshAfterChange(client: ReturnType<typeof useQueryClient>): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: ['letters'] }),
    client.invalidateQueries({ queryKey: ['referrals'] }),
    client.invalidateQueries({ queryKey: ['strategy'] }),
  ]);
}

export type GenerateRequest = {
  taskId: string;
  items: { referralId: string; kind: LetterKind }[];
};

export function useGenerateLetters() {
  const client = useQueryClient();
  return useMutation<{ results: BatchResult[]; cancelled: boolean }, Error, GenerateRequest>({
    mutationFn: (input) => call('letters:generate', input),
    // Whatever happened, some letters may have been made: show the queue as it now is.
    onSettled: () => refreshAfterChange(client),
  });
}

export function useCancelLetters() {
  return useMutation<{ cancelled: boolean }, Error, { taskId: string }>({
    mutationFn: (input) => call('letters:cancel', input),
  });
}

export type MarkSentRequest = {
  letterIds: string[];
  discussionIds: string[];
  method: SendMethod;
  sentAt: string;
};

/** What marking the selection sent did: each invite is its own call, so each can fail alone. */
export type MarkSentOutcome = {
  letters: number;
  invites: number;
  failures: { what: string; message: string; fieldErrors?: Record<string, string> }[];
};

export function useMarkSent(describeInvite: (discussionId: string) => string) {
  const client = useQueryClient();
  return useMutation<MarkSentOutcome, Error, MarkSentRequest>({
    mutationFn: async (req) => {
      const outcome: MarkSentOutcome = { letters: 0, invites: 0, failures: [] };
      if (req.letterIds.length > 0) {
        const input: ChannelInput<'letters:mark-sent'> = {
          letterIds: req.letterIds,
          method: req.method,
          sentAt: req.sentAt,
        };
        // The letters go as one call: the service records them together or refuses them all.
        const done = await call('letters:mark-sent', input).then(
          (rows) => ({ ok: true as const, n: rows.length }),
          (e: unknown) => ({ ok: false as const, e }),
        );
        if (done.ok) outcome.letters = done.n;
        else outcome.failures.push(failureOf('The letters', done.e));
      }
      for (const discussionId of req.discussionIds) {
        try {
          await call('invites:mark-sent', {
            discussionId,
            method: req.method,
            sentAt: req.sentAt,
          });
          outcome.invites += 1;
        } catch (e) {
          outcome.failures.push(failureOf(describeInvite(discussionId), e));
        }
      }
      return outcome;
    },
    onSettled: () => refreshAfterChange(client),
  });
}

function failureOf(what: string, e: unknown): MarkSentOutcome['failures'][number] {
  const fieldErrors = e instanceof ApiError ? e.fieldErrors : undefined;
  return { what, message: errorMessage(e), ...(fieldErrors ? { fieldErrors } : {}) };
}

/** Save a made letter, or its email draft, exactly as kept (the files port hands it over). */
export function useLetterFile() {
  const client = useQueryClient();
  return useMutation<
    DocumentDownloadRecord,
    Error,
    { letterId: string; file: 'pdf' | 'email'; reference: string }
  >({
    mutationFn: ({ letterId, file }) =>
      call(file === 'pdf' ? 'letters:download' : 'letters:email-draft', { letterId }),
    onSuccess: async (_out, req) => {
      // An email draft is kept as a document of the letter: the referral page lists it.
      if (req.file === 'email') await client.invalidateQueries({ queryKey: ['referrals'] });
    },
  });
}
