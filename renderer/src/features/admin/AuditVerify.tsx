// "Verify integrity" (issue 14; reliability "Audit chain"): runs the chain check with a task id,
// shows its progress from task:progress, then says plainly that every entry is sound or names
// the first broken entry and why. Administrators only ('audit:verify').
import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { TaskProgress } from '../../../../shared/ipc/events';
import { errorMessage } from '../../api/client';
import { useAppEvent } from '../../api/files';
import { newAuditTaskId } from './audit-model';
import { useVerifyAudit } from './audit-queries';

export function AuditVerify(): ReactElement {
  const verify = useVerifyAudit();
  const [fromStart, setFromStart] = useState(false);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [progress, setProgress] = useState<TaskProgress | null>(null);

  useAppEvent('task:progress', (p: TaskProgress) => {
    if (p.taskId === taskId) setProgress(p);
  });

  const run = (): void => {
    const id = newAuditTaskId();
    setTaskId(id);
    setProgress(null);
    verify.mutate({ taskId: id, fromStart });
  };

  const pct =
    progress !== null && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : null;
  return (
    <Box
      component="section"
      aria-labelledby="audit-verify-heading"
      sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Typography id="audit-verify-heading" component="h2" variant="h6">
        Integrity
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <Button variant="outlined" onClick={run} disabled={verify.isPending}>
          Verify integrity
        </Button>
        <FormControlLabel
          control={
            <Checkbox
              checked={fromStart}
              onChange={(e) => {
                setFromStart(e.target.checked);
              }}
              disabled={verify.isPending}
            />
          }
          label="Check from the start"
        />
      </Box>
      {verify.isPending ? (
        <Box role="status" aria-live="polite">
          <Typography sx={{ fontSize: '0.875rem' }}>
            {progress !== null
              ? `${progress.label || 'Checking the audit log'}: ${progress.done.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')}`
              : 'Checking the audit log…'}
          </Typography>
          <LinearProgress
            aria-label="Checking the audit log"
            variant={pct === null ? 'indeterminate' : 'determinate'}
            value={pct ?? undefined}
            data-testid="audit-verify-progress"
          />
        </Box>
      ) : null}
      {verify.isError ? (
        <Alert severity="error" role="alert">
          The check could not run: {errorMessage(verify.error)}
        </Alert>
      ) : null}
      {verify.isSuccess ? (
        verify.data.ok ? (
          <Alert severity="success" role="status" data-testid="audit-verify-result">
            All {verify.data.count.toLocaleString('en-GB')} entries are sound
            {` (checked from entry ${String((verify.data.checkedFrom ?? 0) + 1)})`}
          </Alert>
        ) : (
          <Alert
            severity="error"
            role="alert"
            data-testid="audit-verify-result"
            sx={{ fontSize: '1.05rem', borderLeft: 6, borderColor: 'error.main' }}
          >
            <AlertTitle sx={{ fontWeight: 700 }}>
              The audit log has been altered at entry {verify.data.firstBrokenSeq}
            </AlertTitle>
            {verify.data.reason} Keep the database file as it is: it is the evidence of what
            changed.
          </Alert>
        )
      ) : null}
    </Box>
  );
}
