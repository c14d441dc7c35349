// Server state for the audit screen: one page of the search at a time (audit:search), and the
// integrity check (audit:verify), whose progress arrives as task:progress events.
import {
  keepPreviousData,
  useMutation,
  useQuery,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { AuditSearchResult } from '../../../../shared/domain/audit';
import type { DocumentDownloadRecord } from '../../../../shared/domain/documents';
import type { AuditVerification } from '../../../../shared/domain/records';
import { call } from '../../api/client';
import type { AuditSearchInput } from './audit-model';

export function useAuditSearch(
  input: AuditSearchInput,
  enabled = true,
): UseQueryResult<AuditSearchResult> {
  return useQuery({
    enabled,
    queryKey: ['audit', 'search', input],
    queryFn: () => call('audit:search', input),
    // The rows on screen stay while the next page or filter loads: nothing jumps or blanks.
    placeholderData: keepPreviousData,
    // Each search is itself audited: not asked again just because the window regained focus.
    refetchOnWindowFocus: false,
  });
}

export function useExportSubjectAudit() {
  return useMutation<DocumentDownloadRecord, Error, { personId: string }>({
    mutationFn: (input) => call('audit:export-subject', input),
  });
}

export type VerifyRequest = { taskId: string; fromStart: boolean };

export function useVerifyAudit() {
  return useMutation<AuditVerification, Error, VerifyRequest>({
    mutationFn: (input) => call('audit:verify', input),
  });
}
