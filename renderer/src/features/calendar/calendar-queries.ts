// Server state for "Closure days and bank holidays": what the imported GOV.UK file covers, and the
// import. An import changes the working-day calendar, so the settings (which carry the table every
// screen counts with) and the referral lists (whose stored due dates may have moved) are fetched
// again.
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type {
  BankHolidayImportResult,
  BankHolidayStatus,
} from '../../../../shared/ipc/channels/calendar';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';

export const bankHolidayStatusKey = ['bank-holidays', 'status'] as const;

export function useBankHolidayStatus(): UseQueryResult<BankHolidayStatus> {
  return useQuery({
    queryKey: bankHolidayStatusKey,
    queryFn: () => call('bank-holidays:status', {}),
  });
}

export function useImportBankHolidays() {
  const client = useQueryClient();
  return useMutation<BankHolidayImportResult, Error, ChannelInput<'bank-holidays:import'>>({
    mutationFn: (input) => call('bank-holidays:import', input),
    onSuccess: async (result) => {
      client.setQueryData(bankHolidayStatusKey, result.status);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.settings }),
        client.invalidateQueries({ queryKey: queryKeys.session }),
        client.invalidateQueries({ queryKey: ['referrals'] }),
      ]);
    },
  });
}
