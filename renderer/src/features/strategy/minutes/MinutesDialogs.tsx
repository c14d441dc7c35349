// The two decisions about the minutes themselves: finalising (the chair confirms; the minutes are
// then locked) and amending finalised minutes (what changed and why, kept with the new version).

import { useState, type ReactElement } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { amendmentSchema, type AmendmentInput } from '../../../../../shared/strategy/minutes';
import { fieldErrorsFromZod } from '../../../../../shared/validation/errors';
import { ApiError, errorMessage } from '../../../api/client';
import { TextBox } from '../../decisions/fields';

export function FinaliseDialog(props: {
  open: boolean;
  number: number;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}): ReactElement {
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      aria-labelledby="finalise-title"
      aria-describedby="finalise-text"
    >
      <DialogTitle id="finalise-title">Finalise version {props.number} of the minutes?</DialogTitle>
      <DialogContent>
        <DialogContentText id="finalise-text">
          The minutes will be locked: nobody can change them after this. To correct them later, make
          an amendment, which keeps this version as it is and says what changed and why.
        </DialogContentText>
        {props.error ? (
          <Typography color="error" role="alert" sx={{ mt: 2, fontWeight: 600 }}>
            {props.error}
          </Typography>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Keep editing</Button>
        <Button variant="contained" onClick={props.onConfirm} disabled={props.busy}>
          {props.busy ? 'Finalising…' : 'Finalise and lock the minutes'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function AmendDialog(props: {
  open: boolean;
  nextNumber: number;
  onCancel: () => void;
  /** Starts the amendment; rejects with the main process's error. */
  onAmend: (amendment: AmendmentInput) => Promise<void>;
}): ReactElement {
  const [whatChanged, setWhatChanged] = useState('');
  const [why, setWhy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setFailure(null);
    const parsed = amendmentSchema.safeParse({ whatChanged, why });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await props.onAmend(parsed.data);
      setWhatChanged('');
      setWhy('');
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors) {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(error.fieldErrors)) {
          out[k.replace(/^amendment\./, '')] = v;
        }
        setErrors(out);
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      aria-labelledby="amend-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="amend-title">Amend the minutes</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          noValidate
          spacing={2.5}
          sx={{ pt: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogContentText>
            This starts version {props.nextNumber}, a draft copied from the finalised minutes. The
            finalised version stays as it is and can still be read and downloaded.
          </DialogContentText>
          <TextBox
            path="amendment.whatChanged"
            label="What changes"
            multiline
            value={whatChanged}
            error={errors.whatChanged}
            onChange={setWhatChanged}
          />
          <TextBox
            path="amendment.why"
            label="Why the minutes are being amended"
            multiline
            value={why}
            error={errors.why}
            onChange={setWhy}
          />
          {failure ? (
            <Typography color="error" role="alert" sx={{ fontWeight: 600 }}>
              {failure}
            </Typography>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          variant="contained"
          disabled={busy}
          onClick={() => {
            void submit();
          }}
        >
          {busy ? 'Starting…' : `Start version ${String(props.nextNumber)}`}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
