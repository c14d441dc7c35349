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
import type { BackupInfo, StartupProblemKind, StoreStatus } from '../../../shared/domain/records';
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

/** The screen's heading for each start-up problem, in plain words. */
const TITLES: Record<StartupProblemKind, string> = {
  damaged: 'Front Door needs to be restored from a backup',
  missing: "Front Door's records are missing",
  'in-use': 'Front Door is already open on this data folder',
  'read-only': 'Front Door cannot save to its records',
  'disk-full': 'The disk is full',
  'disk-error': 'The disk reported an error',
  'no-access': 'Front Door cannot use its data folder',
  'network-folder': 'Front Door cannot open its database',
  'newer-version': 'Front Door cannot open its database',
  'sign-in': 'Front Door could not sign you in',
  unknown: 'Front Door could not start',
};

/** "Copy details" for the IT service desk; says whether it worked. */
function CopyDetails(props: { details: string }): ReactElement {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Button
        variant="outlined"
        onClick={() => {
          navigator.clipboard.writeText(props.details).then(
            () => {
              setCopied('copied');
            },
            () => {
              setCopied('failed');
            },
          );
        }}
      >
        Copy details
      </Button>
      <Typography role="status">
        {copied === 'copied'
          ? 'Details copied. Paste them into your message to the IT service desk.'
          : copied === 'failed'
            ? 'Could not copy. Select the details below and copy them by hand.'
            : ''}
      </Typography>
    </Stack>
  );
}

/**
 * Shown instead of the app when the database cannot be trusted (reliability: "detected at open
 * with a recovery path (restore latest verified backup); never a crash loop"). No case data is
 * shown; the person at the machine can restore a backup.
 */
export function RecoveryScreen(props: { status: StoreStatus }): ReactElement {
  const { status } = props;
  const recover = useRecover();
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const problem = status.problem ?? null;
  // A backup is never suggested for a full disk, a read-only file or a folder in use.
  const refused = status.state === 'refused' || problem?.restoreOffered === false;
  const backups = [...status.backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Box component="main" id="main" sx={{ maxWidth: 820, mx: 'auto', px: 3, py: 6 }}>
      <Stack spacing={3}>
        <Typography variant="h1">
          {problem
            ? TITLES[problem.kind]
            : refused
              ? 'Front Door cannot open its database'
              : 'Front Door needs to be restored from a backup'}
        </Typography>
        <Alert severity="warning">
          <AlertTitle>What happened</AlertTitle>
          {problem?.message ??
            status.reason ??
            'The database did not pass its check when Front Door started.'}
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
        {problem ? (
          // Last on the page: the worker reads what happened and what to do first; the technical
          // details are for the IT service desk.
          <Stack spacing={1} component="section" aria-labelledby="details-heading">
            <Typography id="details-heading" variant="h2">
              For the IT service desk
            </Typography>
            <CopyDetails details={problem.details} />
            <Box
              component="pre"
              aria-label="Details for the IT service desk"
              sx={{ whiteSpace: 'pre-wrap', fontSize: '0.85rem', m: 0, userSelect: 'all' }}
            >
              {problem.details}
            </Box>
          </Stack>
        ) : null}
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
