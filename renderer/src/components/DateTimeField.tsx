// A date (typed as people type it, with a calendar button) and a 24-hour time in London, as one
// labelled group, read by the one shared parseLondonDateTime. On the night the clocks go back a
// time between 01:00 and 01:59 happens twice: the field then offers the choice as a control, so it
// can be recorded either way; a time that does not exist (the night they go forward) is refused.
// The error sits beside the group (GOV.UK date input pattern); the field path's id is on the date
// box so the error summary can move focus there.

import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import InputAdornment from '@mui/material/InputAdornment';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  parseLondonDateTime,
  type ClockChangeChoice,
  type DateTimeText,
  type TwoDigitYears,
} from '../../../shared/validation/typed-dates';
import { DatePickerButton } from './DatePickerButton';
import { fieldId } from './ErrorSummary';
import { formatDateTime } from './format';

// Pixel units as strings: MUI reads a bare 1 as 100%, which would widen the page.
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

export function DateTimeField(props: {
  path: string;
  legend: string;
  hint?: string;
  value: DateTimeText;
  error?: string | undefined;
  onChange: (value: DateTimeText) => void;
  /** Today in London (`YYYY-MM-DD`): reads two-digit years. */
  today: string;
  /** How a two-digit year is read: 'past' for things that happened, 'future' for plans. */
  twoDigitYears: TwoDigitYears;
  /** Latest and earliest days the calendar offers, `YYYY-MM-DD`; typing is still validated. */
  maxDate?: string;
  minDate?: string;
}): ReactElement {
  const id = fieldId(props.path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const legendId = `${id}-legend`;
  const describedBy = [hintId, props.error ? errorId : null].filter(Boolean).join(' ');
  const parsed = parseLondonDateTime(props.value, {
    today: props.today,
    twoDigitYears: props.twoDigitYears,
    what: '',
  });
  // Keep the choice on screen once made, so it can be changed.
  const ambiguous =
    parsed.kind === 'choose'
      ? parsed
      : (props.value.choice ?? '') !== ''
        ? parseLondonDateTime(
            { ...props.value, choice: '' },
            { today: props.today, twoDigitYears: props.twoDigitYears, what: '' },
          )
        : null;
  const set = (patch: Partial<DateTimeText>): void => {
    props.onChange({ ...props.value, ...patch });
  };
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography id={legendId} component="legend" sx={{ fontWeight: 600, mb: 0.5 }}>
        {props.legend}
      </Typography>
      <Typography id={hintId} variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {props.hint ??
          'Date as day, month and year, and the time in 24 hours, for example 27/03/2026 16:55'}
      </Typography>
      {props.error ? (
        <FormHelperText id={errorId} error sx={{ fontWeight: 600, mx: 0, mb: 1, fontSize: '1rem' }}>
          <Box component="span" sx={visuallyHidden}>
            Error:{' '}
          </Box>
          {props.error}
        </FormHelperText>
      ) : null}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextField
          id={id}
          label="Date"
          value={props.value.date}
          error={Boolean(props.error)}
          placeholder="DD/MM/YYYY"
          slotProps={{
            htmlInput: { 'aria-describedby': describedBy, maxLength: 24 },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <DatePickerButton
                    value={props.value.date}
                    label={props.legend}
                    inputId={id}
                    // "When you told them, Date": the legend says which of several dates this is.
                    describedBy={`${legendId} ${id}-label`}
                    maxDate={props.maxDate}
                    minDate={props.minDate}
                    onPick={(text) => {
                      set({ date: text, choice: '' });
                    }}
                  />
                </InputAdornment>
              ),
            },
          }}
          sx={{ width: 220 }}
          onChange={(e) => {
            set({ date: e.target.value, choice: '' });
          }}
        />
        <TextField
          id={`${id}-time`}
          label="Time (24-hour)"
          value={props.value.time}
          error={Boolean(props.error)}
          placeholder="HH:mm"
          slotProps={{
            htmlInput: { inputMode: 'numeric', 'aria-describedby': describedBy, maxLength: 5 },
          }}
          sx={{ width: 180 }}
          onChange={(e) => {
            set({ time: e.target.value, choice: '' });
          }}
        />
      </Box>
      {ambiguous !== null && ambiguous.kind === 'choose' ? (
        <Box
          role="group"
          aria-labelledby={`${id}-choice-legend`}
          data-testid={`${props.path}-clock-change`}
          sx={{ mt: 1.5, pl: 2, borderLeft: 4, borderColor: 'warning.main' }}
        >
          <Typography id={`${id}-choice-legend`} sx={{ fontWeight: 600 }}>
            {ambiguous.message}
          </Typography>
          <RadioGroup
            value={props.value.choice ?? ''}
            onChange={(_e, v) => {
              set({ choice: v as ClockChangeChoice });
            }}
          >
            <FormControlLabel
              value="earlier"
              control={<Radio slotProps={{ input: { id: `${id}-choice` } }} />}
              label={`${formatDateTime(ambiguous.earlier).slice(11)} the first time (British Summer Time, before the clocks went back)`}
            />
            <FormControlLabel
              value="later"
              control={<Radio />}
              label={`${formatDateTime(ambiguous.later).slice(11)} the second time (Greenwich Mean Time, after the clocks went back)`}
            />
          </RadioGroup>
        </Box>
      ) : null}
    </Box>
  );
}
