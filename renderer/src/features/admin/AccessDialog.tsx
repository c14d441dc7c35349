// Deactivate a leaver (with the reason, which is audited) or reactivate them. Deactivating never
// deletes anything: their name stays on every record and audit entry (issue 14).
import { useId, useState, type ReactElement, type SyntheticEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AppUser } from '../../../../shared/domain/records';
import { ApiError, errorMessage } from '../../api/client';
import { fieldId } from '../../components/ErrorSummary';
import { ROLE_LABELS } from './users-model';
import { useSetActive } from './users-queries';

/** The most a reason may hold (contract 'users:set-active'). */
export const REASON_MAX = 500;

export function AccessDialog(props: {
  user: AppUser;
  activate: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}): ReactElement {
  const { user, activate } = props;
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const setActive = useSetActive();

  const submit = async (e: SyntheticEvent): Promise<void> => {
    e.preventDefault();
    setFailure(null);
    const text = reason.trim();
    if (!activate) {
      const problem =
        text === ''
          ? 'Say why this person is being deactivated'
          : text.length > REASON_MAX
            ? `Give the reason in ${REASON_MAX} characters or fewer`
            : null;
      setReasonError(problem);
      if (problem !== null) {
        document.getElementById(fieldId('reason'))?.focus();
        return;
      }
    }
    try {
      const saved = await setActive.mutateAsync({
        id: user.id,
        version: user.version,
        active: activate,
        ...(activate ? {} : { reason: text }),
      });
      props.onDone(
        saved.active
          ? `${saved.displayName} can use Front Door again.`
          : `${saved.displayName} has been deactivated. Their records and history stay.`,
      );
    } catch (err) {
      const field = err instanceof ApiError ? err.fieldErrors?.reason : undefined;
      if (field !== undefined) setReasonError(field);
      else setFailure(errorMessage(err));
    }
  };

  const roles =
    user.roles.length === 0 ? 'no role' : user.roles.map((r) => ROLE_LABELS[r]).join(', ');
  return (
    <Dialog open onClose={props.onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id={titleId} component="h2">
          {activate ? 'Reactivate' : 'Deactivate'} {user.displayName}
        </DialogTitle>
        <DialogContent>
          {failure !== null ? (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {failure}
            </Alert>
          ) : null}
          {activate ? (
            <Typography>
              {user.displayName} ({user.osAccount}) will be able to use Front Door again, with the
              roles they had: {roles}.
            </Typography>
          ) : (
            <>
              <Typography sx={{ mb: 2 }}>
                Their records and history stay; they can no longer use Front Door. Their name still
                shows on everything they recorded. You can reactivate them later.
              </Typography>
              <TextField
                id={fieldId('reason')}
                label="Why are they being deactivated?"
                required
                multiline
                minRows={2}
                fullWidth
                autoFocus
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                }}
                error={reasonError !== null}
                helperText={
                  reasonError ??
                  `For example, "Left the authority". Up to ${REASON_MAX} characters.`
                }
                slotProps={{ htmlInput: { maxLength: REASON_MAX + 50 } }}
              />
            </>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            color={activate ? 'primary' : 'error'}
            disabled={setActive.isPending}
          >
            {activate ? 'Reactivate' : 'Deactivate'} {user.displayName}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
