// The banner administrators see on every screen when there is no checked backup from the last
// day (issue 14: "warn when the last backup is older than a day"). Nobody else sees it: only an
// administrator can make a backup ('backups:status' and 'backups:create' are theirs).
import type { ReactElement } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { canCallAll, type Caller } from '../../../../shared/ipc/access';
import { useBackupStatus } from './backups-queries';

export function BackupWarningBanner(props: { user: Caller }): ReactElement | null {
  const allowed = canCallAll(['backups:status', 'backups:create'], props.user);
  const status = useBackupStatus(allowed);
  const here = useLocation().pathname === '/admin/backups';
  // No answer yet, or no answer at all: the Backups page says why; the banner stays quiet
  // rather than cry wolf on every screen.
  if (!allowed || status.data?.warning == null) return null;
  return (
    <Alert
      severity="warning"
      // One slim line: it is on every screen, and the queue must still show eight rows at
      // 1280×720. The bottom margin clears the queue page, which pulls its heading up by 3.5.
      sx={{
        mb: 4.5,
        py: 0,
        alignItems: 'center',
        '& .MuiAlert-icon, & .MuiAlert-message': { py: 0.5 },
        '& .MuiAlert-action': { py: 0 },
      }}
      data-testid="backup-warning"
      action={
        here ? null : (
          <Button
            component={RouterLink}
            to="/admin/backups"
            color="inherit"
            size="small"
            sx={{ whiteSpace: 'nowrap' }}
          >
            Go to Backups
          </Button>
        )
      }
    >
      {status.data.warning}
    </Alert>
  );
}
