// While the start-up check reads a large records file after the window has opened, say so: what
// can be done now (the queue), what waits (saving, and searching or opening a record, which are
// logged) and roughly how long is left. The status is polled every second meanwhile
// (useSystemStatus); a check that finds damage turns the status to recovery, and the app gate
// shows that screen.
import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { StartupCheck } from '../../../shared/domain/records';
import { londonTime } from '../../../shared/calendar';
import { useSystemStatus } from '../api/queries';
import { useNow } from '../components/now';

/** Progress from the expected length, held below 100% until the check says it has finished. */
export function checkProgress(
  check: StartupCheck,
  now: Date,
): { percent: number | null; text: string } {
  const started = `Started at ${londonTime(check.startedAt)}.`;
  if (check.expectedMs === null) return { percent: null, text: started };
  const elapsed = Math.max(0, now.getTime() - Date.parse(check.startedAt));
  const percent = Math.min(95, Math.round((elapsed / check.expectedMs) * 100));
  const leftS = Math.ceil((check.expectedMs - elapsed) / 1000);
  const left =
    leftS > 1
      ? `About ${String(leftS)} seconds left.`
      : 'Nearly finished: it is taking longer than last time.';
  return { percent, text: `${started} ${left}` };
}

export function StartupCheckBanner(): ReactElement | null {
  const status = useSystemStatus();
  const now = useNow(1000);
  const check = status.data?.startupCheck;
  if (check?.state !== 'running') return null;
  const { percent, text } = checkProgress(check, now);
  return (
    <Alert severity="info" sx={{ mb: 3 }} data-testid="startup-check-banner">
      <AlertTitle>Checking the records file</AlertTitle>
      <Typography variant="body2">
        Front Door checks its file for damage each time it starts. You can read the queue now.
        Searching and opening a referral or a child&apos;s record wait until the check has finished,
        because each is logged. Anything you save waits too, then saves by itself, so nothing is
        lost.
      </Typography>
      <LinearProgress
        sx={{ my: 1 }}
        aria-label="Check of the records file"
        {...(percent === null
          ? { variant: 'indeterminate' as const }
          : { variant: 'determinate' as const, value: percent })}
      />
      <Typography variant="body2">{text}</Typography>
    </Alert>
  );
}
