// Server state for the Measures screen: the figures for a period (measures:get) and one page of
// the referrals behind a figure (measures:drill).
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { DrillPage, Measures } from '../../../../shared/measures/types';
import type { Period } from '../../../../shared/measures/period';
import { call } from '../../api/client';

export function useMeasures(period: Period, enabled: boolean): UseQueryResult<Measures> {
  return useQuery({
    enabled,
    queryKey: ['measures', period.from, period.to],
    queryFn: () => call('measures:get', period),
    placeholderData: keepPreviousData,
  });
}

export function useDrill(input: ChannelInput<'measures:drill'> | null): UseQueryResult<DrillPage> {
  return useQuery({
    enabled: input !== null,
    queryKey: ['measures', 'drill', input],
    queryFn: () => {
      if (input === null) throw new Error('No list chosen');
      return call('measures:drill', input);
    },
    placeholderData: keepPreviousData,
  });
}
