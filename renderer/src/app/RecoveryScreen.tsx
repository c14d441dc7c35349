import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { BackupInfo, StoreStatus } from '../../../shared/domain/records';
import { errorMessage } from '../api/client';
import { useRecover } from '../api/queries';
import { formatDateTime } from '../components/format';

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${String(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * Shown instead of the app when the database cannot be trusted (reliability: "detected at open
 * with a recovery path (restore latest verified backup); never a crash loop"). No case data is
 * shown; the person at the machine can restore a backup.
 */
export function RecoveryScreen(props: { status: StoreStatus }): ReactElement {
  const { status } = props;
  const recover = useRecover();
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const refused = status.state === 'refused';
  const backups = [...status.backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Box component="main" id="main" sx={{ maxWidth: 820, mx: 'auto', px: 3, py: 6 }}>
      <Stack spacing={3}>
        <Typography variant="h1">
          {refused
            ? 'Front Door cannot open its database'
            : 'Front Door needs to be restored from a backup'}
        </Typography>
        <Alert severity="warning">
          <AlertTitle>What happened</AlertTitle>
          {status.reason ?? 'The database did not pass its check when Front Door started.'}
          {status.uncleanShutdown ? ' Front Door did not close properly last time.' : ''}
        </Alert>
        <Typography>
          Nothing has been changed. Case records stay closed until this is put right, so that no one
          works from damaged data.
        </Typography>

        {recover.isError ? (
          <Alert severity="error">The backup was not restored. {errorMessage(recover.error)}</Alert>
        ) : null}

        {refused ? null : (
          <Paper
            variant="outlined"
            component="section"
            aria-labelledby="backups-heading"
            sx={{ p: 3 }}
          >
            <Typography id="backups-heading" variant="h2" gutterBottom>
              Backups
            </Typography>
            {backups.length === 0 ? (
              <Typography>
                There are no backups in {status.dataDir}. Contact your IT service desk.
              </Typography>
            ) : (
              <List>
                {backups.map((b, i) => (
                  <ListItem
                    key={b.file}
                    divider
                    secondaryAction={
                      <Button
                        variant={i === 0 ? 'contained' : 'outlined'}
                        disabled={recover.isPending}
                        onClick={() => {
                          setChosen(b);
                        }}
                      >
                        Restore{' '}
                        <Box component="span" sx={visuallyHidden}>
                          {`the backup from ${formatDateTime(b.createdAt)}`}
                        </Box>
                      </Button>
                    }
                  >
                    <ListItemText
                      primary={`${formatDateTime(b.createdAt)}${i === 0 ? ' (newest)' : ''}`}
                      secondary={`${b.verified ? 'Checked and complete' : 'Not checked yet'} · ${size(b.sizeBytes)}`}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </Paper>
        )}
      </Stack>

      <Dialog
        open={chosen !== null}
        onClose={() => {
          setChosen(null);
        }}
        aria-labelledby="restore-title"
      >
        <DialogTitle id="restore-title">Restore this backup?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Front Door will go back to how it was at{' '}
            {chosen ? formatDateTime(chosen.createdAt) : ''}. Anything saved after that will need to
            be entered again.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              setChosen(null);
            }}
          >
            Cancel
          </Button>
          <Button
            variant="contained"
            onClick={() => {
              if (chosen) recover.mutate(chosen.file);
              setChosen(null);
            }}
          >
            Restore
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
