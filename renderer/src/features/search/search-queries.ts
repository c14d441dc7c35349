// The search query over `search:all`. Kept while typing (placeholderData) so the list does not
// flash empty between keystrokes.
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SearchResults } from '../../../../shared/domain/search';
import { call } from '../../api/client';

export const searchKeys = {
  all: ['search'] as const,
  text: (text: string, limit: number) => ['search', text, limit] as const,
};

export function useSearch(
  text: string,
  limit: number,
  enabled = true,
): UseQueryResult<SearchResults> {
  const trimmed = text.trim();
  return useQuery({
    queryKey: searchKeys.text(trimmed, limit),
    queryFn: () => call('search:all', { text: trimmed, limit }),
    enabled: enabled && trimmed !== '',
    placeholderData: keepPreviousData,
    // A search shows records as they are now: asked again when returned to, never cached long.
    staleTime: 0,
  });
}
