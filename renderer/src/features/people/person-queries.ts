// Queries and changes for a child's record page: the record (`people:get`, audited as a view),
// who has viewed it, possible duplicates, and merging or undoing a merge.
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type {
  AuditEntry,
  MergeRecord,
  PersonDetail,
  PersonMatch,
  PersonRecord,
} from '../../../../shared/domain/records';
import { call } from '../../api/client';
import { searchKeys } from '../search/search-queries';

export const personKeys = {
  detail: (id: string) => ['people', 'get', id] as const,
  audit: (id: string) => ['people', 'audit', id] as const,
  sameAs: (id: string) => ['people', 'same-as', id] as const,
};

export function usePerson(id: string): UseQueryResult<PersonDetail> {
  return useQuery({ queryKey: personKeys.detail(id), queryFn: () => call('people:get', { id }) });
}

export function usePersonAudit(id: string, enabled: boolean): UseQueryResult<AuditEntry[]> {
  return useQuery({
    queryKey: personKeys.audit(id),
    queryFn: () => call('audit:list', { entityType: 'person', entityId: id }),
    enabled,
  });
}

/** Other records that may be this child (the same matching as "Already known?"). */
export function useSameChildCandidates(
  person: PersonRecord,
  enabled: boolean,
): UseQueryResult<PersonMatch[]> {
  return useQuery({
    queryKey: personKeys.sameAs(person.id),
    queryFn: async () => {
      const dob = person.dateOfBirth ?? person.expectedDateOfBirth;
      const matches = await call('people:match', {
        ...(person.givenNames ? { givenNames: person.givenNames } : {}),
        ...(person.familyName ? { familyName: person.familyName } : {}),
        ...(dob ? { dateOfBirth: dob } : {}),
        ...(dob === null && person.approxBirthYear !== null
          ? { approxBirthYear: person.approxBirthYear }
          : {}),
        ...(person.nhsNumber ? { nhsNumber: person.nhsNumber } : {}),
        ...(person.postcode ? { postcode: person.postcode } : {}),
      });
      return matches.filter((m) => m.person.id !== person.id && m.person.mergedInto === null);
    },
    enabled,
  });
}

function useRefreshPeople(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['people'] });
    await client.invalidateQueries({ queryKey: searchKeys.all });
    await client.invalidateQueries({ queryKey: ['referrals'] });
  };
}

export function useMergeInto(keepId: string) {
  const refresh = useRefreshPeople();
  return useMutation<MergeRecord, Error, { mergeId: string; reason: string }>({
    mutationFn: ({ mergeId, reason }) => call('people:merge', { keepId, mergeId, reason }),
    onSuccess: refresh,
  });
}

export function useUnmerge() {
  const refresh = useRefreshPeople();
  return useMutation<MergeRecord, Error, { mergeId: string; reason: string }>({
    mutationFn: ({ mergeId, reason }) => call('people:unmerge', { mergeId, reason }),
    onSuccess: refresh,
  });
}
