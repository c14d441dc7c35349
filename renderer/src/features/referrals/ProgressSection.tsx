// "Progress since the decision": strategy discussions and what they decided, the section 47 enquiry and its
// outcome, conferences and the assessment. The clocks above follow these entries. An entry
// recorded in error is withdrawn with a reason and stays visible, struck through.

import { useRef, useState, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReferralRecord } from '../../../../shared/domain/records';
import {
  PROGRESS_KIND_LABELS,
  S47_OUTCOMES,
  S47_OUTCOME_LABELS,
  S47_TYPES,
  S47_TYPE_LABELS,
  type ProgressEventInput,
  type ProgressEventRecord,
  type ProgressKind,
} from '../../../../shared/progress';
import { ApiError } from '../../api/client';
import { ErrorSummary, fieldId, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { formatDateTime, formatUkDate, londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { ErrorPanel } from '../../components/StatePanels';
import { useRecordProgress, useWithdrawProgress } from '../decisions/decision-queries';
import { ChoiceGroup, DateBox, InlineForm, TextBox } from '../decisions/fields';
import {
  buildProgress,
  emptyProgressForm,
  kindsToOffer,
  type ProgressForm,
} from './progress-model';

/** One line about an entry: what and when, and what it decided. */
export function progressSummary(e: ProgressEventInput): string {
  const when = formatUkDate(e.date);
  switch (e.kind) {
    case 'strategy-discussion':
      return e.s47 === 'yes'
        ? `${when}: strategy discussion. Section 47 enquiry to start${e.s47Type ? ` (${S47_TYPE_LABELS[e.s47Type].toLowerCase()})` : ''}.`
        : `${when}: strategy discussion. No section 47 enquiry.`;
    case 's47-outcome':
      return `${when}: outcome of the section 47 enquiry. ${S47_OUTCOME_LABELS[e.outcome]}.`;
    case 'icpc-not-required':
      return `${when}: initial child protection conference not required. ${e.reason}`;
    default:
      return `${when}: ${PROGRESS_KIND_LABELS[e.kind]}.`;
  }
}

export function ProgressSection(props: {
  referral: ReferralRecord;
  canRecord: boolean;
  canWithdraw: boolean;
  hasInitialAssessment: boolean;
}): ReactElement {
  const r = props.referral;
  return (
    <Stack spacing={3}>
      {r.progress.length === 0 ? (
        <Typography color="text.secondary">
          Nothing recorded yet. Record each strategy discussion and what it decided, the section 47
          enquiry and its outcome, conferences and the assessment: the clocks follow them.
        </Typography>
      ) : (
        <Box component="ol" data-testid="progress" sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {r.progress.map((p) => (
            <ProgressItem key={p.id} referralId={r.id} p={p} canWithdraw={props.canWithdraw} />
          ))}
        </Box>
      )}
      {props.canRecord ? (
        <RecordForm referral={r} hasInitialAssessment={props.hasInitialAssessment} />
      ) : null}
    </Stack>
  );
}

function ProgressItem(props: {
  referralId: string;
  p: ProgressEventRecord;
  canWithdraw: boolean;
}): ReactElement {
  const { p } = props;
  const withdraw = useWithdrawProgress();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const path = `withdraw-${p.id}`;
  const submit = async (): Promise<void> => {
    setFailure(null);
    if (reason.trim() === '') {
      setError('Say why the entry is being withdrawn');
      return;
    }
    try {
      await withdraw.mutateAsync({ referralId: props.referralId, id: p.id, reason: reason.trim() });
      setOpen(false);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors?.reason) setError(e.fieldErrors.reason);
      else setFailure(e);
    }
  };
  return (
    <Box component="li" sx={{ py: 1.25, borderTop: 1, borderColor: 'divider' }}>
      <Typography
        sx={p.withdrawn ? { textDecoration: 'line-through', color: 'text.secondary' } : {}}
      >
        {progressSummary(p.event)}
      </Typography>
      {p.event.note ? (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {p.event.note}
        </Typography>
      ) : null}
      <Typography variant="body2" color="text.secondary">
        Recorded {formatDateTime(p.recordedAt)}
        {p.recordedBy ? ` by ${p.recordedBy.displayName}` : ''}
        {p.withdrawn
          ? `. Withdrawn ${formatDateTime(p.withdrawn.at)}${p.withdrawn.by ? ` by ${p.withdrawn.by.displayName}` : ''}: ${p.withdrawn.reason}`
          : ''}
      </Typography>
      {props.canWithdraw && !p.withdrawn && !open ? (
        <Button
          size="small"
          sx={{ mt: 0.5 }}
          onClick={() => {
            setOpen(true);
            setReason('');
            setError(undefined);
          }}
        >
          Withdraw (recorded in error)
        </Button>
      ) : null}
      {open ? (
        <Box
          component="form"
          noValidate
          aria-label="Withdraw this entry"
          sx={{ mt: 1, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {failure ? <ErrorPanel title="The entry was not withdrawn" error={failure} /> : null}
          <TextBox
            path={path}
            label="Why was this recorded in error?"
            hint="The entry stays on the record, struck through, with your reason."
            value={reason}
            error={error}
            onChange={setReason}
          />
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            <Button type="submit" variant="contained" color="warning" disabled={withdraw.isPending}>
              Withdraw entry
            </Button>
            <Button
              onClick={() => {
                setOpen(false);
              }}
            >
              Cancel
            </Button>
          </Stack>
        </Box>
      ) : null}
    </Box>
  );
}

function RecordForm(props: {
  referral: ReferralRecord;
  hasInitialAssessment: boolean;
}): ReactElement {
  const r = props.referral;
  const nowSource = useNowSource();
  const record = useRecordProgress();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<ProgressForm>(emptyProgressForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const offer = kindsToOffer(r, props.hasInitialAssessment);
  const update = (patch: Partial<ProgressForm>): void => {
    setForm((f) => ({ ...f, ...patch }));
  };

  if (!open) {
    return (
      <Box>
        {recorded ? (
          <Typography role="status" sx={{ mb: 1 }}>
            Recorded: {recorded}
          </Typography>
        ) : null}
        <Button
          ref={openButton}
          variant="outlined"
          onClick={() => {
            setForm(emptyProgressForm());
            setErrors({});
            setRecorded(null);
            setOpen(true);
          }}
        >
          Record progress
        </Button>
      </Box>
    );
  }

  const submit = async (): Promise<void> => {
    setFailure(null);
    const today = londonDay(nowSource());
    const built = buildProgress(form, r, {
      today,
      hasInitialAssessment: props.hasInitialAssessment,
    });
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    try {
      await record.mutateAsync({ referralId: r.id, event: built.event });
      setRecorded(progressSummary(built.event));
      setOpen(false);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors) setErrors(e.fieldErrors);
      else setFailure(e);
    }
  };

  const kind = form.kind;
  return (
    <InlineForm
      titleId="record-progress-title"
      title="Record progress"
      onSubmit={() => {
        void submit();
      }}
    >
      <ErrorSummary errors={summaryFromFieldErrors(errors)} />
      {failure ? <ErrorPanel title="It was not recorded" error={failure} /> : null}
      <Stack spacing={3}>
        <Box sx={{ maxWidth: 520 }}>
          <TextField
            id={fieldId('event.kind')}
            select
            label="What happened"
            value={kind}
            error={Boolean(errors['event.kind'])}
            helperText={errors['event.kind']}
            fullWidth
            onChange={(e) => {
              update({ kind: e.target.value as ProgressKind });
            }}
          >
            {offer.map((o) => (
              <MenuItem key={o.value} value={o.value}>
                {o.label}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <DateBox
          path="event.date"
          label="Date"
          value={form.date}
          error={errors['event.date']}
          maxDate={londonDay(nowSource())}
          onChange={(v) => {
            update({ date: v });
          }}
        />
        {kind === 'strategy-discussion' ? (
          <>
            <ChoiceGroup
              path="event.s47"
              legend="Did the discussion decide to start a section 47 enquiry?"
              hint="There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm (Children Act 1989 s47)."
              options={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
              ]}
              value={form.s47}
              error={errors['event.s47']}
              row
              onChange={(v) => {
                update({ s47: v });
              }}
            />
            {form.s47 === 'yes' ? (
              <ChoiceGroup
                path="event.s47Type"
                legend="Who carries out the enquiry?"
                options={S47_TYPES.map((t) => ({ value: t, label: S47_TYPE_LABELS[t] }))}
                value={form.s47Type}
                error={errors['event.s47Type']}
                onChange={(v) => {
                  update({ s47Type: v });
                }}
              />
            ) : null}
          </>
        ) : null}
        {kind === 's47-outcome' ? (
          <ChoiceGroup
            path="event.outcome"
            legend="What did the enquiry find?"
            hint="A conference is convened only where the child is judged likely to suffer significant harm (Working Together, outcome of section 47 enquiries)."
            options={S47_OUTCOMES.map((o) => ({ value: o, label: S47_OUTCOME_LABELS[o] }))}
            value={form.outcome}
            error={errors['event.outcome']}
            onChange={(v) => {
              update({ outcome: v });
            }}
          />
        ) : null}
        {kind === 'icpc-not-required' ? (
          <TextBox
            path="event.reason"
            label="Why is no conference needed?"
            hint="Recorded for the Children in Need census (its field ICPCnotRequired), for example the child moved to another authority that will hold the conference."
            value={form.reason}
            error={errors['event.reason']}
            multiline
            onChange={(v) => {
              update({ reason: v });
            }}
          />
        ) : null}
        <TextBox
          path="event.note"
          label="Note (optional)"
          value={form.note}
          error={errors['event.note']}
          multiline
          onChange={(v) => {
            update({ note: v });
          }}
        />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" disabled={record.isPending}>
            {record.isPending ? 'Recording…' : 'Record'}
          </Button>
          <Button
            onClick={() => {
              setOpen(false);
            }}
          >
            Cancel
          </Button>
        </Stack>
      </Stack>
    </InlineForm>
  );
}
