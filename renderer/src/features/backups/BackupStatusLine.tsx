// One line saying when the newest checked backup was made, for the Backups page and the Settings
// page: "Last checked backup: 23/11/2026 at 10:05". Said as a warning when there is none or it is
// more than a day old (shared/domain/backups backupWarning decides).
import type { ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import WarningAmberOutlinedIcon from '@mui/icons-material/WarningAmberOutlined';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import { londonDateAtTime } from '../../../../shared/domain/backups';
import { errorMessage } from '../../api/client';
import { useBackupStatus } from './backups-queries';

export function BackupStatusLine(props: {
  /** Add a link to the Backups page (not wanted on the Backups page itself). */
  linkToBackups?: boolean;
}): ReactElement {
  const status = useBackupStatus();
  if (status.isPending) {
    return <Typography data-testid="backup-status-line">Looking for backups…</Typography>;
  }
  if (status.isError) {
    return (
      <Typography data-testid="backup-status-line" color="error">
        Could not read the backups: {errorMessage(status.error)}
      </Typography>
    );
  }
  const { lastVerified, warning } = status.data;
  const text =
    lastVerified === null
      ? 'Last checked backup: none yet'
      : `Last checked backup: ${londonDateAtTime(lastVerified.createdAt)}`;
  const stale = warning !== null;
  return (
    <Box
      data-testid="backup-status-line"
      sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
    >
      {stale ? (
        <WarningAmberOutlinedIcon sx={{ color: 'warning.dark' }} aria-hidden />
      ) : (
        <CheckCircleOutlineIcon sx={{ color: 'success.main' }} aria-hidden />
      )}
      <Typography component="span" sx={{ fontWeight: 600 }}>
        {text}
        {stale && lastVerified !== null ? ' (more than a day ago)' : ''}
      </Typography>
      {props.linkToBackups === true ? (
        <Link component={RouterLink} to="/admin/backups">
          Backups
        </Link>
      ) : null}
    </Box>
  );
}
