// Giving a referral to a worker from the queue. A manager chooses any active duty worker or
// manager; a duty worker takes it themselves. Taking a referral someone else holds always asks
// first, naming them, so nobody loses a piece of work without the other seeing it was deliberate.
import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AppUser, QueueItem } from '../../../../shared/domain/records';
import { ApiError } from '../../api/client';
import { useColleagues, useQueueAssign } from './queue-queries';

const NOBODY = '';

export type AssignRequest = {
  item: QueueItem;
  /** A manager picks a colleague; anyone else takes the referral themselves. */
  mode: 'choose' | 'take';
};

function errorText(error: Error): string {
  if (error instanceof ApiError && (error.code === 'STALE' || error.code === 'CONFLICT'))
    return `${error.message} The queue has been refreshed: check who holds it now and try again.`;
  if (error instanceof ApiError && error.fieldErrors?.userId) return error.fieldErrors.userId;
  return error.message;
}

export function AssignDialog(props: {
  request: AssignRequest;
  me: AppUser;
  onClose: (assigned: boolean) => void;
}): ReactElement {
  const { item, mode } = props.request;
  const holder = item.assignedTo;
  const colleagues = useColleagues(mode === 'choose');
  const assign = useQueueAssign();
  const [chosen, setChosen] = useState<string>(
    mode === 'take' ? props.me.id : (holder?.id ?? NOBODY),
  );
  const [confirming, setConfirming] = useState(false);
  const target = chosen === NOBODY ? null : chosen;
  const targetName =
    target === null
      ? 'nobody'
      : target === props.me.id
        ? 'you'
        : (colleagues.data?.find((u) => u.id === target)?.displayName ?? 'the chosen worker');
  // Someone else holds it and it is going elsewhere: that is taking it from them.
  const takesFromOther = holder !== null && holder.id !== props.me.id && holder.id !== target;
  const needsConfirm = takesFromOther && (mode === 'take' || confirming);
  /** The worker it is being taken from, while asking (null when there is nothing to ask). */
  const from = needsConfirm ? holder : null;
  const titleId = `assign-title-${item.id}`;

  const save = () => {
    assign.mutate(
      { id: item.id, version: item.version, userId: target },
      {
        onSuccess: () => {
          props.onClose(true);
        },
      },
    );
  };

  const onPrimary = () => {
    if (takesFromOther && !needsConfirm) {
      setConfirming(true);
      return;
    }
    save();
  };

  return (
    <Dialog
      open
      onClose={() => {
        props.onClose(false);
      }}
      aria-labelledby={titleId}
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id={titleId}>
        {from ? `Take over from ${from.displayName}?` : `Assign ${item.reference}`}
      </DialogTitle>
      <DialogContent>
        {from ? (
          <Typography>
            {from.displayName} holds {item.reference} now.{' '}
            {target === props.me.id
              ? 'If you take it over, it moves to you'
              : `If you go on, it moves to ${targetName}`}{' '}
            and {from.displayName} will see it is no longer theirs.
          </Typography>
        ) : (
          <TextField
            select
            fullWidth
            autoFocus
            label="Assign to"
            value={chosen}
            onChange={(e) => {
              setChosen(e.target.value);
              assign.reset();
            }}
            slotProps={{ select: { native: true } }}
            helperText={
              holder
                ? `Held by ${holder.id === props.me.id ? 'you' : holder.displayName} now.`
                : 'Nobody holds it now.'
            }
            sx={{ mt: 1 }}
          >
            <option value={NOBODY}>Nobody (unassigned)</option>
            {(colleagues.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
                {u.id === props.me.id ? ' (you)' : ''}
              </option>
            ))}
          </TextField>
        )}
        {colleagues.isError ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            The list of workers could not be loaded: {colleagues.error.message}
          </Alert>
        ) : null}
        {assign.error ? (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {errorText(assign.error)}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            props.onClose(false);
          }}
        >
          Cancel
        </Button>
        <Button
          variant="contained"
          onClick={onPrimary}
          disabled={assign.isPending || (mode === 'choose' && target === (holder?.id ?? null))}
          autoFocus={needsConfirm}
        >
          {from
            ? target === props.me.id
              ? `Take over from ${from.displayName}`
              : `Move from ${from.displayName}`
            : target === null
              ? 'Unassign'
              : 'Assign'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
