// "Backups" (issue 14): where backups are kept, when the newest checked one was made (with a
// warning when there is none from the last day), "Back up now" with its progress and result, the
// list of backups with a full check on request, and restore through a deliberate confirmation.
import { useCallback, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { londonDateAtTime, type BackupListItem } from '../../../../shared/domain/backups';
import type { TaskProgress } from '../../../../shared/ipc/events';
import { errorMessage } from '../../api/client';
import { useAppEvent } from '../../api/files';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { BackupStatusLine } from './BackupStatusLine';
import { BackupsGrid } from './BackupsGrid';
import { RestoreDialog } from './RestoreDialog';
import { formatMegabytes, newBackupTaskId } from './backups-model';
import { useBackupStatus, useBackups, useCheckBackup, useCreateBackup } from './backups-queries';

export function BackupsPage(): ReactElement {
  const status = useBackupStatus();
  const backups = useBackups();
  const create = useCreateBackup();
  const check = useCheckBackup();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [restoring, setRestoring] = useState<BackupListItem | null>(null);

  useAppEvent('task:progress', (p: TaskProgress) => {
    if (p.taskId === taskId) setProgress(p);
  });

  const backUp = (): void => {
    const id = newBackupTaskId();
    setTaskId(id);
    setProgress(null);
    check.reset();
    create.mutate({ taskId: id });
  };
  const onCheck = useCallback(
    (b: BackupListItem) => {
      create.reset();
      check.mutate({ file: b.file });
    },
    [check, create],
  );
  const onRestore = useCallback((b: BackupListItem) => {
    setRestoring(b);
  }, []);

  const pct =
    progress !== null && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : null;

  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <Typography variant="h1">Backups</Typography>
      {status.isPending ? <Loading label="Reading the backups…" /> : null}
      {status.isError ? (
        <ErrorPanel
          title="Could not read the backups"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : null}
      {status.data ? (
        <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="where">
          <Typography id="where" component="h2" variant="h6" sx={{ mb: 1 }}>
            Where backups are kept
          </Typography>
          <Typography
            component="code"
            data-testid="backup-folder"
            sx={{ display: 'block', fontFamily: 'monospace', wordBreak: 'break-all', mb: 1 }}
          >
            {status.data.folder}
          </Typography>
          <Typography sx={{ mb: 2 }}>
            Each backup is checked in full when it is made. The newest {status.data.keep} are kept;
            older ones are deleted as new ones are made. Copy this folder to another safe place
            (such as a network drive your IT service backs up) as your organisation requires.
          </Typography>
          <BackupStatusLine />
          {status.data.warning !== null ? (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {status.data.warning}
            </Alert>
          ) : null}
        </Paper>
      ) : null}

      <Box component="section" aria-labelledby="back-up-now">
        <Typography id="back-up-now" component="h2" variant="h6" sx={{ mb: 1 }}>
          Back up now
        </Typography>
        <Button variant="contained" onClick={backUp} disabled={create.isPending}>
          Back up now
        </Button>
        {create.isPending ? (
          <Box role="status" aria-live="polite" sx={{ mt: 2, maxWidth: 560 }}>
            <Typography sx={{ fontSize: '0.875rem' }}>
              {progress !== null && progress.state === 'running'
                ? `${progress.label}: ${String(pct ?? 0)}%`
                : 'Making a backup…'}
            </Typography>
            <LinearProgress
              aria-label="Making a backup"
              variant={pct === null ? 'indeterminate' : 'determinate'}
              value={pct ?? undefined}
              data-testid="backup-progress"
            />
          </Box>
        ) : null}
        {create.isSuccess ? (
          <Alert severity="success" sx={{ mt: 2 }} role="status">
            Backup made on {londonDateAtTime(create.data.createdAt)} (
            {formatMegabytes(create.data.sizeBytes)}) and checked: it is complete.
          </Alert>
        ) : null}
        {create.isError ? (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            The backup was not made. {errorMessage(create.error)}
          </Alert>
        ) : null}
      </Box>

      <Paper variant="outlined" component="section" aria-labelledby="backups-list">
        <Typography id="backups-list" component="h2" variant="h6" sx={{ px: 2, pt: 2 }}>
          Backups, newest first
        </Typography>
        {check.isSuccess ? (
          <Alert
            severity={check.data.verified ? 'success' : 'error'}
            sx={{ mx: 2, mt: 1 }}
            role="status"
          >
            {check.data.verified
              ? `The backup from ${londonDateAtTime(check.data.createdAt)} is complete.`
              : `The backup from ${londonDateAtTime(check.data.createdAt)} is damaged and cannot be restored (${check.data.problem ?? 'unknown problem'}).`}
          </Alert>
        ) : null}
        {check.isError ? (
          <Alert severity="error" sx={{ mx: 2, mt: 1 }} role="alert">
            {errorMessage(check.error)}
          </Alert>
        ) : null}
        {backups.isError ? (
          <Box sx={{ p: 2 }}>
            <ErrorPanel
              title="Could not list the backups"
              error={backups.error}
              onRetry={() => void backups.refetch()}
            />
          </Box>
        ) : (
          <BackupsGrid
            rows={backups.data ?? []}
            loading={backups.isPending}
            labelledBy="backups-list"
            checking={check.isPending ? check.variables.file : null}
            onCheck={onCheck}
            onRestore={onRestore}
          />
        )}
      </Paper>

      {restoring !== null && status.data ? (
        <RestoreDialog
          backup={restoring}
          folder={status.data.folder}
          safetyCopiesKept={status.data.safetyCopiesKept}
          onClose={() => {
            setRestoring(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
