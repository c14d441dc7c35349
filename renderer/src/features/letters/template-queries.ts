// Query and mutation hooks for the letter templates screen: the templates, a template's preview
// against the sample referral (asked for when the administrator pauses typing), saving a new
// version, and saving the letterhead through the settings.

import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { TemplateRecord } from '../../../../shared/domain/letters';
import type { SettingsRecord } from '../../../../shared/domain/records';
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import type { TemplateKey } from '../../../../shared/letters/types';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { useDebounced } from '../../components/useDebounced';

export const templateKeys = {
  list: ['letter-templates', 'list'] as const,
  preview: (key: TemplateKey, text: string) => ['letter-templates', 'preview', key, text] as const,
};

/** How long typing must pause before the preview is asked for again. */
export const PREVIEW_DELAY_MS = 400;

export function useTemplates(): UseQueryResult<TemplateRecord[]> {
  return useQuery({
    queryKey: templateKeys.list,
    queryFn: () => call('letter-templates:list', {}),
  });
}

/**
 * The template as it would read for the sample referral, following the text as it is typed.
 * The previous preview stays on screen while the next is worked out, so it does not flicker.
 */
export function useTemplatePreview(
  key: TemplateKey,
  text: string,
): {
  preview: UseQueryResult<ChannelOutput<'letter-templates:preview'>>;
  /** True when the preview shown is of the text as it is now (not still catching up). */
  settled: boolean;
} {
  const asked = useDebounced({ key, text }, PREVIEW_DELAY_MS);
  const query = useQuery({
    queryKey: templateKeys.preview(asked.key, asked.text),
    queryFn: () => call('letter-templates:preview', { key: asked.key, text: asked.text }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const settled = asked.key === key && asked.text === text && !query.isPlaceholderData;
  return { preview: query, settled };
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation<TemplateRecord, Error, ChannelInput<'letter-templates:save'>>({
    mutationFn: (input) => call('letter-templates:save', input),
    onSuccess: (saved) => {
      client.setQueryData<TemplateRecord[]>(templateKeys.list, (list) =>
        list?.map((r) => (r.key === saved.key ? saved : r)),
      );
      // Letter previews on referrals read the templates too.
      void client.invalidateQueries({ queryKey: ['letters'] });
    },
  });
}

/** Save organisation details (the letterhead) and refresh everything that shows them. */
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation<SettingsRecord, Error, ChannelInput<'settings:update'>>({
    mutationFn: (input) => call('settings:update', input),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.settings, saved);
      await client.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}
