import { useState, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReferralRecord } from '../../../../shared/domain/records';
import { ApiError } from '../../api/client';
import { ErrorSummary, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { formatDateTime, londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { ErrorPanel } from '../../components/StatePanels';
import { DateTimeField } from '../../components/DateTimeField';
import { nowDateTime, readDateTime, type DateTimeText } from '../decisions/decision-model';
import { useAddEvent } from '../decisions/decision-queries';
import { InlineForm, TextBox } from '../decisions/fields';

/** What happened, oldest first, and a form to add a significant event. */
export function Chronology(props: { referral: ReferralRecord; canAdd: boolean }): ReactElement {
  const r = props.referral;
  const entries = [...r.chronology].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Stack spacing={3}>
      {entries.length === 0 ? (
        <Typography color="text.secondary">Nothing has been recorded yet.</Typography>
      ) : (
        <Box component="ol" data-testid="chronology" sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {entries.map((e) => (
            <Box
              component="li"
              key={e.id}
              sx={{
                display: 'grid',
                gridTemplateColumns: { xs: '1fr', sm: '150px 1fr' },
                gap: 2,
                py: 1.25,
                borderTop: 1,
                borderColor: 'divider',
              }}
            >
              <Typography color="text.secondary">{formatDateTime(e.at)}</Typography>
              <Box>
                <Typography sx={{ whiteSpace: 'pre-wrap' }}>
                  {e.kind === 'significant' ? (
                    <Chip
                      label="Significant event"
                      size="small"
                      variant="outlined"
                      sx={{ mr: 1 }}
                    />
                  ) : null}
                  {e.text}
                </Typography>
                {e.by ? (
                  <Typography variant="body2" color="text.secondary">
                    {e.by.displayName}
                  </Typography>
                ) : null}
              </Box>
            </Box>
          ))}
        </Box>
      )}
      {props.canAdd ? <AddEventForm referralId={r.id} /> : null}
    </Stack>
  );
}

function AddEventForm(props: { referralId: string }): ReactElement {
  const nowSource = useNowSource();
  const addEvent = useAddEvent();
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState<DateTimeText>(() => nowDateTime(nowSource()));
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [added, setAdded] = useState(false);

  if (!open) {
    return (
      <Box>
        {added ? (
          <Typography role="status" sx={{ mb: 1 }}>
            The event has been added.
          </Typography>
        ) : null}
        <Button
          variant="outlined"
          onClick={() => {
            setWhen(nowDateTime(nowSource()));
            setText('');
            setErrors({});
            setAdded(false);
            setOpen(true);
          }}
        >
          Add significant event
        </Button>
      </Box>
    );
  }

  const submit = async (): Promise<void> => {
    setFailure(null);
    const next: Record<string, string> = {};
    // An event that happened: a two-digit year is in the past (14/6/25 is 2025).
    const parsed = readDateTime(when, nowSource(), 'past', 'it happened');
    if (parsed.kind === 'blank') next.at = 'Enter when it happened';
    else if (parsed.kind !== 'ok') next.at = parsed.message;
    else if (Date.parse(parsed.instant) > nowSource().getTime() + 60_000) {
      next.at = 'The time it happened cannot be in the future';
    }
    if (text.trim() === '') next.text = 'Describe what happened';
    setErrors(next);
    if (Object.keys(next).length > 0 || parsed.kind !== 'ok') return;
    try {
      await addEvent.mutateAsync({ id: props.referralId, at: parsed.instant, text: text.trim() });
      setOpen(false);
      setAdded(true);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors) setErrors(e.fieldErrors);
      else setFailure(e);
    }
  };

  return (
    <InlineForm
      titleId="add-event-title"
      title="Add a significant event"
      onSubmit={() => {
        void submit();
      }}
    >
      <ErrorSummary errors={summaryFromFieldErrors(errors)} />
      {failure ? <ErrorPanel title="The event was not added" error={failure} /> : null}
      <Stack spacing={3}>
        <Box>
          <DateTimeField
            path="at"
            today={londonDay(nowSource())}
            twoDigitYears="past"
            maxDate={londonDay(nowSource())}
            legend="When it happened"
            value={when}
            error={errors.at}
            onChange={setWhen}
          />
        </Box>
        <TextBox
          path="text"
          label="What happened"
          value={text}
          error={errors.text}
          multiline
          onChange={setText}
        />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" disabled={addEvent.isPending}>
            Add event
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
