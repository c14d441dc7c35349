// The two questions the templates screen asks before doing something that cannot be taken back
// by "Undo": leaving with unsaved changes, and putting back the standard wording.

import { useId, type ReactElement, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}): ReactElement {
  const titleId = useId();
  const textId = useId();
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      aria-labelledby={titleId}
      aria-describedby={textId}
    >
      <DialogTitle id={titleId} component="h2">
        {props.title}
      </DialogTitle>
      <DialogContent>
        <DialogContentText id={textId} component="div">
          {props.children}
        </DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {/* The safe choice first and focused: Enter by habit keeps the work. */}
        <Button onClick={props.onCancel} variant="contained" autoFocus>
          {props.cancel}
        </Button>
        <Button onClick={props.onConfirm} color="warning" variant="outlined" disabled={props.busy}>
          {props.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** "You have unsaved changes" before leaving the template being edited. */
export function LeaveDialog(props: {
  open: boolean;
  onStay: () => void;
  onLeave: () => void;
}): ReactElement {
  return (
    <ConfirmDialog
      open={props.open}
      title="Leave without saving?"
      confirm="Leave and lose my changes"
      cancel="Stay and keep editing"
      onConfirm={props.onLeave}
      onCancel={props.onStay}
    >
      You have changed this template and not saved it. If you leave now, your changes are lost.
    </ConfirmDialog>
  );
}
