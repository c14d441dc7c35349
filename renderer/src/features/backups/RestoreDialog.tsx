// Restoring a backup (issue 14): a deliberate step. The dialog names the backup's date and time,
// says that everything saved after it will be replaced, that a copy of the current records is kept
// first and where, and asks for RESTORE to be typed. After the restore it says what happened and
// reloads Front Door, so no screen goes on showing records that are no longer there.
import { useEffect, useRef, useState, type ReactElement, type RefObject } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  RESTORE_CONFIRM_WORD,
  londonDateAtTime,
  type BackupListItem,
  type RestoreResult,
} from '../../../../shared/domain/backups';
import { errorMessage } from '../../api/client';
import { reloadFrontDoor } from './backups-model';
import { useRestoreBackup } from './backups-queries';

export type RestoreDialogProps = {
  backup: BackupListItem;
  /** The backups folder, where the copy of the current records is kept. */
  folder: string;
  safetyCopiesKept: number;
  onClose: () => void;
  /** Tests: what "Reload Front Door" does (default: reload the window). */
  onReload?: () => void;
};

export function RestoreDialog(props: RestoreDialogProps): ReactElement {
  const restore = useRestoreBackup();
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [done, setDone] = useState<RestoreResult | null>(null);
  const when = londonDateAtTime(props.backup.createdAt);
  const busy = restore.isPending;
  const reloadRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (done !== null) reloadRef.current?.focus();
  }, [done]);

  const submit = (): void => {
    if (typed.trim() !== RESTORE_CONFIRM_WORD) {
      setTypedError(`Type ${RESTORE_CONFIRM_WORD} in capital letters to restore this backup`);
      document.getElementById('restore-confirm')?.focus();
      return;
    }
    setTypedError(null);
    restore.mutate(
      { file: props.backup.file },
      {
        onSuccess: (result) => {
          setDone(result);
        },
      },
    );
  };

  return (
    // One dialog for both steps: focus moves inside it, never back to the page in between.
    <Dialog
      open
      // Once restored there is no going back to the page: only "Reload Front Door".
      onClose={busy || done !== null ? undefined : props.onClose}
      aria-labelledby={done === null ? 'restore-title' : 'restore-done-title'}
      aria-describedby={done === null ? 'restore-what-happens' : undefined}
      maxWidth="sm"
      fullWidth
      // autoFocus alone loses to the grid, which takes focus back to the clicked cell after the
      // dialog mounts; once the dialog has entered, the confirmation field gets it for certain.
      slotProps={{
        transition: {
          onEntered: () => {
            if (done === null) document.getElementById('restore-confirm')?.focus();
          },
        },
      }}
    >
      {done !== null ? (
        <Done
          when={when}
          result={done}
          reloadRef={reloadRef}
          onReload={props.onReload ?? reloadFrontDoor}
        />
      ) : (
        <>
          <DialogTitle id="restore-title">Restore the backup from {when}?</DialogTitle>
          <DialogContent>
            <div id="restore-what-happens">
              <Typography sx={{ mb: 1.5 }}>
                <strong>Everything saved in Front Door after {when} will be replaced</strong> by the
                records in this backup: referrals, decisions, strategy discussions, letters,
                settings, users and unfinished drafts.
              </Typography>
              <Typography sx={{ mb: 1.5 }}>
                First, a copy of the current records is kept in{' '}
                <Typography
                  component="code"
                  sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
                >
                  {props.folder}
                </Typography>{' '}
                (named pre-restore- with today&apos;s date). The newest {props.safetyCopiesKept}{' '}
                copies are kept.
              </Typography>
              <Typography sx={{ mb: 2 }}>
                Then Front Door reloads with the restored records.
              </Typography>
            </div>
            {restore.isError ? (
              <Alert severity="error" sx={{ mb: 2 }} role="alert">
                {errorMessage(restore.error)}
              </Alert>
            ) : null}
            <TextField
              id="restore-confirm"
              label={`Type ${RESTORE_CONFIRM_WORD} to confirm`}
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  submit();
                }
              }}
              error={typedError !== null}
              helperText={typedError ?? ' '}
              disabled={busy}
              autoComplete="off"
              autoFocus
              fullWidth
              slotProps={{ htmlInput: { spellCheck: false } }}
            />
            {busy ? <LinearProgress aria-label="Restoring the backup" sx={{ mt: 1 }} /> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose} disabled={busy}>
              Cancel
            </Button>
            <Button variant="contained" color="error" onClick={submit} disabled={busy}>
              Restore this backup
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

function Done(props: {
  when: string;
  result: RestoreResult;
  reloadRef: RefObject<HTMLButtonElement | null>;
  onReload: () => void;
}): ReactElement {
  const { when } = props;
  return (
    <>
      <DialogTitle id="restore-done-title">Backup restored</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }} role="status">
          The records are now as they were on {when}.
        </Typography>
        <Typography sx={{ mb: 2 }}>
          The records it replaced are kept in{' '}
          <Typography component="code" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {props.result.safetyCopyPath}
          </Typography>
          .
        </Typography>
        <Typography>
          <strong>What happens next:</strong> Front Door reloads to show the restored records.
          Re-enter anything saved after {when} that is still needed.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button ref={props.reloadRef} variant="contained" onClick={props.onReload}>
          Reload Front Door
        </Button>
      </DialogActions>
    </>
  );
}
