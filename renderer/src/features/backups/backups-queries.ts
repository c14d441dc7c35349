// Server state for the Backups page: where backups are kept and how fresh the newest good one is
// (also read by the warning banner and the status line), the list, and the three actions.
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type {
  BackupListItem,
  BackupStatus,
  RestoreResult,
} from '../../../../shared/domain/backups';
import { call } from '../../api/client';

export const backupKeys = {
  all: ['backups'] as const,
  status: ['backups', 'status'] as const,
  list: ['backups', 'list'] as const,
};

/** Checked again every few minutes, so the "older than a day" warning appears without a reload. */
const STATUS_REFRESH_MS = 5 * 60_000;

export function useBackupStatus(enabled = true): UseQueryResult<BackupStatus> {
  return useQuery({
    queryKey: backupKeys.status,
    queryFn: () => call('backups:status', {}),
    enabled,
    refetchInterval: STATUS_REFRESH_MS,
  });
}

export function useBackups(): UseQueryResult<BackupListItem[]> {
  return useQuery({ queryKey: backupKeys.list, queryFn: () => call('backups:list', {}) });
}

function useRefreshBackups(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: backupKeys.all });
}

export function useCreateBackup() {
  const refresh = useRefreshBackups();
  return useMutation<BackupListItem, Error, { taskId: string }>({
    mutationFn: (input) => call('backups:create', input),
    onSettled: refresh,
  });
}

export function useCheckBackup() {
  const refresh = useRefreshBackups();
  return useMutation<BackupListItem, Error, { file: string }>({
    mutationFn: (input) => call('backups:check', input),
    onSettled: refresh,
  });
}

/** After a restore nothing is refreshed here: the whole window reloads (see RestoreDialog). */
export function useRestoreBackup() {
  const refresh = useRefreshBackups();
  return useMutation<RestoreResult, Error, { file: string }>({
    mutationFn: (input) => call('backups:restore', input),
    // A refusal (damaged backup) changes what the list says about that backup.
    onError: () => void refresh(),
  });
}
