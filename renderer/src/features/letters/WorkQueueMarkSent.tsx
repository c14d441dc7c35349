// "Mark selected sent": how and when the selected letters and invites were sent (issue 13: post,
// secure email, phone first then letter, hand delivered; when and by whom). WT 2018 ch.1 para 60
// and local practice: telephone first, then the letter, the date and method of each recorded.
import { useState, type SyntheticEvent, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import {
  SEND_METHODS,
  SEND_METHOD_LABELS,
  type SendMethod,
} from '../../../../shared/domain/letters';
import { errorMessage } from '../../api/client';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary, fieldId, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { formatDateTime, londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { nowDateTime, readDateTime, type DateTimeText } from '../decisions/decision-model';
import { plural, type SelectionPlan } from './work-queue-model';
import { useMarkSent, type MarkSentOutcome } from './work-queue-queries';

/** A minute's grace for a clock a little ahead of the server's. */
const FUTURE_GRACE_MS = 60_000;

export function sentSummary(outcome: MarkSentOutcome, method: SendMethod, at: string): string {
  const parts: string[] = [];
  if (outcome.letters > 0) parts.push(plural(outcome.letters, 'letter', 'letters'));
  if (outcome.invites > 0) parts.push(plural(outcome.invites, 'invite', 'invites'));
  return `Recorded as sent: ${parts.join(' and ')} (${SEND_METHOD_LABELS[method]}, ${formatDateTime(at)}).`;
}

export function MarkSentDialog(props: {
  plan: Pick<SelectionPlan, 'ready' | 'invites'>;
  onClose: () => void;
  onDone: (message: string, failures: MarkSentOutcome['failures']) => void;
}): ReactElement {
  const { plan } = props;
  const nowSource = useNowSource();
  const [method, setMethod] = useState<SendMethod | ''>('');
  const [when, setWhen] = useState<DateTimeText>(() => nowDateTime(nowSource()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState<MarkSentOutcome['failures']>([]);
  const references = new Map(plan.invites.map((i) => [i.discussionId, i.reference]));
  const markSent = useMarkSent((id) => `The invites for ${references.get(id) ?? 'the discussion'}`);

  const submit = async (e: SyntheticEvent): Promise<void> => {
    e.preventDefault();
    setFailures([]);
    const next: Record<string, string> = {};
    if (method === '') next.method = 'Select how they were sent';
    // Something that happened: a two-digit year is in the past (1/12/26 is 2026).
    const parsed = readDateTime(when, nowSource(), 'past', 'they were sent');
    if (parsed.kind === 'blank') next.sentAt = 'Enter when they were sent';
    else if (parsed.kind !== 'ok') next.sentAt = parsed.message;
    else if (Date.parse(parsed.instant) > nowSource().getTime() + FUTURE_GRACE_MS) {
      next.sentAt = 'The time they were sent cannot be in the future';
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || parsed.kind !== 'ok' || method === '') return;
    let outcome: MarkSentOutcome;
    try {
      outcome = await markSent.mutateAsync({
        letterIds: plan.ready.map((r) => r.letterId),
        discussionIds: plan.invites.map((i) => i.discussionId),
        method,
        sentAt: parsed.instant,
      });
    } catch (err) {
      setFailures([{ what: 'Nothing was recorded', message: errorMessage(err) }]);
      return;
    }
    const fieldErrors = Object.assign(
      {},
      ...outcome.failures.map((f) => f.fieldErrors ?? {}),
    ) as Record<string, string>;
    const known = Object.fromEntries(
      Object.entries(fieldErrors).filter(([k]) => k === 'method' || k === 'sentAt'),
    );
    setErrors(known);
    setFailures(outcome.failures);
    // Anything recorded closes the dialog (those rows leave the queue; asking again would record
    // them twice); what failed is listed with its reason on the page. Nothing recorded: stay.
    if (outcome.letters + outcome.invites > 0) {
      props.onDone(sentSummary(outcome, method, parsed.instant), outcome.failures);
    }
  };

  const what = [
    plan.ready.length > 0 ? plural(plan.ready.length, 'letter', 'letters') : null,
    plan.invites.length > 0
      ? plural(plan.invites.length, 'strategy invite', 'strategy invites')
      : null,
  ]
    .filter(Boolean)
    .join(' and ');
  const today = londonDay(nowSource());
  const methodError = errors.method;
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="mark-sent-title" maxWidth="sm" fullWidth>
      <Box
        component="form"
        noValidate
        // A column like the dialog itself: the fields scroll, the buttons stay in view.
        sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: '1 1 auto' }}
        onSubmit={(e: SyntheticEvent) => void submit(e)}
      >
        <DialogTitle id="mark-sent-title">Mark as sent</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>
            {what}: {[...plan.ready, ...plan.invites].map((i) => i.reference).join(', ')}
          </Typography>
          <ErrorSummary errors={summaryFromFieldErrors(errors)} />
          {failures.length > 0 ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="mark-sent-failures">
              {failures.map((f) => (
                <Typography key={f.what}>
                  {f.what}: not recorded. {f.message}
                </Typography>
              ))}
            </Alert>
          ) : null}
          <Box
            component="fieldset"
            aria-describedby={methodError ? `${fieldId('method')}-error` : undefined}
            sx={{ border: 0, p: 0, m: 0, mb: 3 }}
          >
            <Typography component="legend" sx={{ fontWeight: 600, mb: 0.5 }}>
              How they were sent
            </Typography>
            {methodError ? (
              <FormHelperText
                id={`${fieldId('method')}-error`}
                error
                sx={{ fontWeight: 600, mx: 0, fontSize: '1rem' }}
              >
                {methodError}
              </FormHelperText>
            ) : null}
            <RadioGroup
              // Two columns: the date and time stay in view at 1280×720 without scrolling.
              sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}
              value={method}
              onChange={(_e, v) => {
                setMethod(SEND_METHODS.find((m) => m === v) ?? '');
              }}
            >
              {SEND_METHODS.map((m, i) => (
                <FormControlLabel
                  key={m}
                  value={m}
                  control={
                    <Radio slotProps={{ input: i === 0 ? { id: fieldId('method') } : {} }} />
                  }
                  label={SEND_METHOD_LABELS[m]}
                />
              ))}
            </RadioGroup>
          </Box>
          <DateTimeField
            path="sentAt"
            legend="When they were sent"
            value={when}
            error={errors.sentAt}
            onChange={setWhen}
            today={today}
            twoDigitYears="past"
            maxDate={today}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={markSent.isPending}>
            {markSent.isPending ? 'Recording…' : 'Record as sent'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
