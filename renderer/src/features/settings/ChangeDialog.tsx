// "Save these changes?": what a settings change does, in plain words with today's counts, from
// 'settings:preview' (services/settings-change), before anything is saved (issue 14).

import { useId, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';

export function ChangeDialog(props: {
  open: boolean;
  sentences: readonly string[];
  saving: boolean;
  /** Why the last save failed (not a field error or someone else's save), if it did. */
  failure: string | null;
  onSave: () => void;
  onCancel: () => void;
}): ReactElement {
  const titleId = useId();
  const textId = useId();
  return (
    <Dialog
      open={props.open}
      onClose={props.saving ? undefined : props.onCancel}
      aria-labelledby={titleId}
      aria-describedby={textId}
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id={titleId} component="h2">
        Save these changes?
      </DialogTitle>
      <DialogContent>
        <Box id={textId}>
          {props.sentences.length === 0 ? (
            <Typography>
              Nothing changes in how Front Door works: only the notes kept with your local settings
              are saved.
            </Typography>
          ) : (
            <>
              <Typography sx={{ mb: 1 }}>What this change does:</Typography>
              <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="change-sentences">
                {props.sentences.map((s) => (
                  <Typography component="li" key={s} sx={{ mb: 0.75 }}>
                    {s}
                  </Typography>
                ))}
              </Box>
            </>
          )}
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            The change is kept in the audit log with each setting before and after.
          </Typography>
        </Box>
        {props.failure ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            The settings were not saved: {props.failure}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={props.onCancel} disabled={props.saving}>
          Go back to the settings
        </Button>
        <Button variant="contained" onClick={props.onSave} disabled={props.saving}>
          {props.saving ? 'Saving…' : 'Save the settings'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
