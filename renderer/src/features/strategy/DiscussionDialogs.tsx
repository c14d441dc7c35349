// The decisions a chair takes on a scheduled discussion, each in a dialog: confirm (with the
// reason where a required role has nobody invited), change the time or place, cancel (reason),
// and record that it was held. The main process's refusals show beside the field they concern.

import { useState, type ReactElement, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AppUser } from '../../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../../shared/domain/strategy';
import { S47_TYPE_LABELS, S47_TYPES, type S47Type } from '../../../../shared/progress/events';
import type { RescheduleInput } from '../../../../shared/strategy/schemas';
import { ApiError, errorMessage } from '../../api/client';
import { londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { flatErrors, kitFormOptions, showServerErrors } from '../../components/form-kit';
import { ChoiceGroup, TextBox } from '../decisions/fields';
import {
  buildReschedule,
  movesTimeOrPlace,
  rescheduleFormFrom,
  type RescheduleForm,
} from './schedule-model';
import { SlotFields } from './SlotFields';
import { useStrategyChange } from './strategy-queries';

function Frame(props: {
  id: string;
  title: string;
  children: ReactNode;
  onClose: () => void;
  action: ReactNode;
  wide?: boolean;
}): ReactElement {
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby={props.id}
      maxWidth={props.wide ? 'md' : 'sm'}
      fullWidth
    >
      <DialogTitle id={props.id}>{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          {props.children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Go back</Button>
        {props.action}
      </DialogActions>
    </Dialog>
  );
}

/** The server's answer: its field errors beside the fields, anything else as one message. */
function refusal(error: unknown): { fields: Record<string, string>; message: string | null } {
  if (error instanceof ApiError && error.fieldErrors)
    return { fields: error.fieldErrors, message: null };
  return { fields: {}, message: errorMessage(error) };
}

export function ConfirmDialog(props: {
  discussion: StrategyDiscussionRecord;
  onDone: (confirmed: boolean) => void;
}): ReactElement {
  const d = props.discussion;
  const confirm = useStrategyChange('strategy:confirm');
  const [reason, setReason] = useState('');
  const [fail, setFail] = useState(refusal(null));
  const missing = d.roleCheck.roles.filter((r) => !r.covered);
  return (
    <Frame
      id="confirm-title"
      title="Confirm the meeting"
      onClose={() => {
        props.onDone(false);
      }}
      action={
        <Button
          variant="contained"
          disabled={confirm.isPending}
          onClick={() => {
            const t = reason.trim();
            confirm
              .mutateAsync({
                id: d.id,
                version: d.version,
                ...(t === '' ? {} : { missingRolesReason: t }),
              })
              .then(
                () => {
                  props.onDone(true);
                },
                (e: unknown) => {
                  setFail(refusal(e));
                },
              );
          }}
        >
          {missing.length > 0 ? 'Confirm without them' : 'Confirm'}
        </Button>
      }
    >
      <Typography>
        Nobody is invited for {missing.length === 1 ? 'this required role' : 'these required roles'}
        :
      </Typography>
      <ul style={{ margin: 0 }}>
        {missing.map((m) => (
          <li key={m.key}>
            <strong>{m.label}</strong> — {m.source}
          </li>
        ))}
      </ul>
      <Typography>
        Invite someone for each, or, as the chair, record why the discussion goes ahead without
        them. The reason is kept with the discussion and shown in the minutes.
      </Typography>
      <TextBox
        path="confirm-missingRolesReason"
        label="Why the discussion goes ahead without them"
        multiline
        value={reason}
        error={fail.fields.missingRolesReason}
        onChange={setReason}
      />
      {fail.message ? <Alert severity="error">{fail.message}</Alert> : null}
    </Frame>
  );
}

export function CancelDialog(props: {
  discussion: StrategyDiscussionRecord;
  onDone: (cancelled: boolean) => void;
}): ReactElement {
  const d = props.discussion;
  const cancel = useStrategyChange('strategy:cancel');
  const [reason, setReason] = useState('');
  const [fail, setFail] = useState(refusal(null));
  return (
    <Frame
      id="cancel-title"
      title="Cancel the discussion"
      onClose={() => {
        props.onDone(false);
      }}
      action={
        <Button
          color="error"
          variant="contained"
          disabled={cancel.isPending}
          onClick={() => {
            cancel.mutateAsync({ id: d.id, version: d.version, reason }).then(
              () => {
                props.onDone(true);
              },
              (e: unknown) => {
                setFail(refusal(e));
              },
            );
          }}
        >
          Cancel the discussion
        </Button>
      }
    >
      <Typography>
        The discussion and its history are kept. Afterwards, download the cancellation and send it
        to the invitees so it leaves their calendars.
      </Typography>
      <TextBox
        path="cancel-reason"
        label="Why it is cancelled"
        multiline
        value={reason}
        error={fail.fields.reason}
        onChange={setReason}
      />
      {fail.message ? <Alert severity="error">{fail.message}</Alert> : null}
    </Frame>
  );
}

export function RescheduleDialog(props: {
  discussion: StrategyDiscussionRecord;
  users: readonly AppUser[];
  onDone: (changed: { moved: boolean } | null) => void;
}): ReactElement {
  const d = props.discussion;
  const nowSource = useNowSource();
  const update = useStrategyChange('strategy:update');
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, setValue, setError, formState } = useForm<
    RescheduleForm,
    unknown,
    RescheduleInput
  >({
    defaultValues: rescheduleFormFrom(d),
    ...kitFormOptions((f: RescheduleForm) =>
      buildReschedule(f, { discussion: d, now: nowSource() }),
    ),
  });
  const form = useWatch({ control }) as RescheduleForm;
  const errors = flatErrors(formState.errors);
  const set = (patch: Partial<RescheduleForm>): void => {
    for (const [k, v] of Object.entries(patch)) {
      setValue(k as keyof RescheduleForm, v as never, { shouldDirty: true });
    }
  };
  const moved = movesTimeOrPlace(form, d, nowSource());
  const save = async (input: RescheduleInput): Promise<void> => {
    setFailure(null);
    try {
      await update.mutateAsync(input);
    } catch (e) {
      const r = refusal(e);
      showServerErrors(setError, r.fields);
      setFailure(r.message);
      return;
    }
    props.onDone({ moved });
  };
  return (
    <Frame
      id="reschedule-title"
      title="Change the time or place"
      wide
      onClose={() => {
        props.onDone(null);
      }}
      action={
        <Button
          variant="contained"
          disabled={update.isPending}
          onClick={() => {
            void handleSubmit(save)();
          }}
        >
          Save the change
        </Button>
      }
    >
      <Alert severity={moved ? 'warning' : 'info'}>
        {moved
          ? `The time or place changes: the invite goes up to version ${String(d.icsSequence + 1)}. Download the new invite and send it to every invitee; their calendars update the meeting.`
          : 'A change of time or place makes a new version of the invite for every invitee.'}
      </Alert>
      {Object.keys(errors).length > 0 ? (
        <Alert severity="error" role="alert">
          Check the fields marked below.
        </Alert>
      ) : null}
      <SlotFields
        form={form}
        errors={errors}
        users={props.users}
        today={londonDay(nowSource())}
        onChange={set}
      />
      <TextBox
        path="change-reason"
        label="Reason for the change (optional)"
        multiline
        value={form.reason}
        error={errors.reason}
        onChange={(reason) => {
          set({ reason });
        }}
      />
      {failure ? <Alert severity="error">{failure}</Alert> : null}
    </Frame>
  );
}

export function MarkHeldDialog(props: {
  discussion: StrategyDiscussionRecord;
  onDone: (held: boolean) => void;
}): ReactElement {
  const d = props.discussion;
  const held = useStrategyChange('strategy:mark-held');
  const [s47, setS47] = useState<'yes' | 'no' | 'later' | ''>('');
  const [s47Type, setS47Type] = useState<S47Type | ''>('');
  const [fail, setFail] = useState(refusal(null));
  return (
    <Frame
      id="held-title"
      title="Mark the discussion as held"
      onClose={() => {
        props.onDone(false);
      }}
      action={
        <Button
          variant="contained"
          disabled={held.isPending}
          onClick={() => {
            const decision =
              s47 === 'yes' || s47 === 'no'
                ? { s47, ...(s47 === 'yes' && s47Type !== '' ? { s47Type } : {}) }
                : undefined;
            held
              .mutateAsync({ id: d.id, version: d.version, ...(decision ? { decision } : {}) })
              .then(
                () => {
                  props.onDone(true);
                },
                (e: unknown) => {
                  setFail(refusal(e));
                },
              );
          }}
        >
          Mark as held
        </Button>
      }
    >
      <Typography>
        This meets the strategy discussion clock. The section 47 decision can be recorded now or in
        the minutes.
      </Typography>
      <ChoiceGroup
        path="held-s47"
        legend="Is a section 47 enquiry to start?"
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
          { value: 'later', label: 'Record it in the minutes' },
        ]}
        value={s47}
        error={fail.fields['decision.s47']}
        row
        onChange={setS47}
      />
      {s47 === 'yes' ? (
        <ChoiceGroup
          path="held-s47Type"
          legend="Who carries out the enquiry?"
          options={S47_TYPES.map((t) => ({ value: t, label: S47_TYPE_LABELS[t] }))}
          value={s47Type}
          error={fail.fields['decision.s47Type']}
          onChange={setS47Type}
        />
      ) : null}
      {fail.message ? <Alert severity="error">{fail.message}</Alert> : null}
    </Frame>
  );
}
