// "Mark sent": how and when a letter reached the referrer (domain §2.5, WT 2018 ch.1 para 60:
// telephone first, then the letter; the date and method of each is recorded). The chronology and
// the audit record each send; the referral page then shows "Referrer told: <date>, <method>".

import { useCallback, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  SEND_METHOD_LABELS,
  SEND_METHODS,
  type LetterRecord,
  type SendMethod,
} from '../../../../shared/domain/letters';
import { ApiError, errorMessage } from '../../api/client';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary, fieldId, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { nowDateTime, readDateTime, type DateTimeText } from '../decisions/decision-model';
import { useMarkSent } from './letter-queries';
import { letterTitle } from './letter-text';

/** A callback ref that moves focus to the dialog's heading once, when it appears. */
export function useFocusOnMount(): (el: HTMLElement | null) => void {
  return useCallback((el: HTMLElement | null) => {
    el?.focus();
  }, []);
}

export function MarkSentDialog(props: {
  letter: LetterRecord;
  /** False where the referrer's address matches the household: post is not offered. */
  postalAllowed: boolean;
  onClose: (sent: boolean) => void;
}): ReactElement {
  const { letter } = props;
  const nowSource = useNowSource();
  const markSent = useMarkSent(letter.referralId);
  const [method, setMethod] = useState<SendMethod | ''>('');
  const [when, setWhen] = useState<DateTimeText>(() => nowDateTime(nowSource()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useFocusOnMount();
  const methods = SEND_METHODS.filter((m) => props.postalAllowed || m !== 'post');
  const methodId = fieldId('method');

  const submit = (): void => {
    setFailure(null);
    const next: Record<string, string> = {};
    if (method === '') next.method = 'Select how it was sent';
    // Something that happened: a two-digit year is in the past (24/11/26 is 2026).
    const parsed = readDateTime(when, nowSource(), 'past', 'it was sent');
    if (parsed.kind === 'blank') next.sentAt = 'Enter when it was sent';
    else if (parsed.kind === 'choose') next.sentAt = parsed.message;
    else if (parsed.kind === 'error') next.sentAt = parsed.message;
    else if (Date.parse(parsed.instant) > nowSource().getTime() + 60_000) {
      next.sentAt = 'The time it was sent cannot be in the future';
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || parsed.kind !== 'ok' || method === '') return;
    markSent.mutate(
      { letterIds: [letter.id], method, sentAt: parsed.instant },
      {
        onSuccess: () => {
          props.onClose(true);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.fieldErrors) {
            const { letterIds, ...fields } = e.fieldErrors;
            setErrors(fields);
            if (letterIds !== undefined) setFailure(letterIds);
          } else {
            setFailure(errorMessage(e));
          }
        },
      },
    );
  };

  return (
    <Dialog
      open
      onClose={() => {
        props.onClose(false);
      }}
      aria-labelledby="mark-sent-title"
      maxWidth="sm"
      fullWidth
    >
      <Box
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id="mark-sent-title" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
          Mark as sent: {letterTitle(letter)}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={3} sx={{ pt: 1 }}>
            <ErrorSummary errors={summaryFromFieldErrors(errors)} />
            <Typography>
              Record how and when it reached the referrer. The referral&apos;s chronology and the
              audit record it, and the referral page shows who was told and when.
            </Typography>
            <TextField
              select
              id={methodId}
              label="How it was sent"
              value={method}
              error={Boolean(errors.method)}
              helperText={
                errors.method ??
                (props.postalAllowed
                  ? undefined
                  : "Post is not offered: the referrer's address matches the child's household or an alleged perpetrator's.")
              }
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              sx={{ maxWidth: 420 }}
              onChange={(e) => {
                setMethod(e.target.value as SendMethod | '');
              }}
            >
              <option value="">Select how it was sent</option>
              {methods.map((m) => (
                <option key={m} value={m}>
                  {SEND_METHOD_LABELS[m]}
                </option>
              ))}
            </TextField>
            <DateTimeField
              path="sentAt"
              legend="When it was sent"
              value={when}
              error={errors.sentAt}
              today={londonDay(nowSource())}
              twoDigitYears="past"
              maxDate={londonDay(nowSource())}
              onChange={setWhen}
            />
            {failure !== null ? (
              <Alert severity="error" role="alert">
                {failure}
              </Alert>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              props.onClose(false);
            }}
          >
            Go back
          </Button>
          <Button type="submit" variant="contained" disabled={markSent.isPending}>
            {markSent.isPending ? 'Recording…' : 'Record as sent'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
