import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import FormHelperText from '@mui/material/FormHelperText';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DatePickerButton } from '../../components/DatePickerButton';
import { fieldId } from '../../components/ErrorSummary';
import { visuallyHidden } from './a11y';
import type { DateTimeText } from './decision-model';

/**
 * A date (DD/MM/YYYY, typed) and a 24-hour time (HH:mm) in London, as one labelled group. The
 * error sits beside the group, as in the GOV.UK date input pattern; the field path's id is on the
 * date box so the error summary can move focus there.
 */
export function DateTimeField(props: {
  path: string;
  legend: string;
  hint?: string;
  value: DateTimeText;
  error?: string | undefined;
  onChange: (value: DateTimeText) => void;
  /** Latest day the calendar offers, `YYYY-MM-DD`; typed dates are still checked by validation. */
  maxDate?: string;
}): ReactElement {
  const id = fieldId(props.path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const legendId = `${id}-legend`;
  const describedBy = [hintId, props.error ? errorId : null].filter(Boolean).join(' ');
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography id={legendId} component="legend" sx={{ fontWeight: 600, mb: 0.5 }}>
        {props.legend}
      </Typography>
      <Typography id={hintId} variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {props.hint ?? 'Date as DD/MM/YYYY and time in 24 hours, for example 27/03/2026 16:55'}
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
            htmlInput: { inputMode: 'numeric', 'aria-describedby': describedBy, maxLength: 10 },
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
                    onPick={(text) => {
                      props.onChange({ ...props.value, date: text });
                    }}
                  />
                </InputAdornment>
              ),
            },
          }}
          sx={{ width: 210 }}
          onChange={(e) => {
            props.onChange({ ...props.value, date: e.target.value });
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
            props.onChange({ ...props.value, time: e.target.value });
          }}
        />
      </Box>
    </Box>
  );
}
