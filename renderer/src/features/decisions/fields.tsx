// Small GOV.UK-style form pieces for the decision screens: a labelled group of radios and a text
// box, each with its hint and its error message beside it. Ids come from the field path
// (ErrorSummary fieldId) so the error summary links land on the right control.

import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DatePickerButton } from '../../components/DatePickerButton';
import { fieldId } from '../../components/ErrorSummary';
import { visuallyHidden } from './a11y';

export type Option<T extends string> = { value: T; label: ReactNode; hint?: string };

function ErrorText(props: { id: string; error: string | undefined }): ReactElement | null {
  if (!props.error) return null;
  return (
    <FormHelperText id={props.id} error sx={{ fontWeight: 600, mx: 0, fontSize: '1rem' }}>
      <Box component="span" sx={visuallyHidden}>
        Error:{' '}
      </Box>
      {props.error}
    </FormHelperText>
  );
}

export function ChoiceGroup<T extends string>(props: {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly Option<T>[];
  value: T | '';
  error?: string | undefined;
  row?: boolean;
  onChange: (value: T) => void;
}): ReactElement {
  const id = fieldId(props.path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <FormControl
      component="fieldset"
      error={Boolean(props.error)}
      aria-describedby={describedBy || undefined}
      sx={{
        display: 'block',
        pl: props.error ? 2 : 0,
        borderLeft: props.error ? 4 : 0,
        borderColor: 'error.main',
      }}
    >
      <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 600, mb: 0.5 }}>
        {props.legend}
      </FormLabel>
      {props.hint ? (
        <Typography id={hintId} variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
          {props.hint}
        </Typography>
      ) : null}
      <ErrorText id={errorId} error={props.error} />
      <RadioGroup
        row={props.row ?? false}
        value={props.value}
        onChange={(_e, v) => {
          props.onChange(v as T);
        }}
      >
        {props.options.map((o, i) => (
          <FormControlLabel
            key={o.value}
            value={o.value}
            control={<Radio slotProps={{ input: i === 0 ? { id } : {} }} />}
            label={
              o.hint ? (
                <span>
                  {o.label}
                  <Typography
                    component="span"
                    variant="body2"
                    color="text.secondary"
                    sx={{ display: 'block' }}
                  >
                    {o.hint}
                  </Typography>
                </span>
              ) : (
                o.label
              )
            }
            sx={{
              mr: 4,
              alignItems: o.hint ? 'flex-start' : 'center',
              '& .MuiRadio-root': o.hint ? { pt: 0.5 } : {},
            }}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}

/** The error (announced as such) above the hint, or the hint alone: GOV.UK error message. */
function helperText(error: string | undefined, hint: string | undefined): ReactNode {
  if (!error) return hint;
  return (
    <>
      <Box component="span" sx={visuallyHidden}>
        Error:{' '}
      </Box>
      <Box component="span" sx={{ fontWeight: 600, fontSize: '1rem' }}>
        {error}
      </Box>
      {hint ? (
        <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
          {hint}
        </Box>
      ) : null}
    </>
  );
}

/** A small form set inside a page section (add an event, record progress), with its heading. */
export function InlineForm(props: {
  titleId: string;
  title: string;
  onSubmit: () => void;
  children: ReactNode;
}): ReactElement {
  return (
    <Box
      component="form"
      noValidate
      aria-labelledby={props.titleId}
      sx={{ p: 2.5, border: 1, borderColor: 'divider', borderRadius: 1 }}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <Typography
        id={props.titleId}
        variant="h3"
        component="h3"
        sx={{ fontSize: '1.15rem', fontWeight: 700, mb: 2 }}
      >
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

export function TextBox(props: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  multiline?: boolean;
  width?: number | string;
  onChange: (value: string) => void;
}): ReactElement {
  const id = fieldId(props.path);
  return (
    <Box sx={{ maxWidth: props.width ?? 640 }}>
      <TextField
        id={id}
        label={props.label}
        value={props.value}
        error={Boolean(props.error)}
        helperText={helperText(props.error, props.hint)}
        multiline={props.multiline ?? false}
        minRows={props.multiline ? 4 : undefined}
        fullWidth
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    </Box>
  );
}

/** A typed DD/MM/YYYY date with the calendar button beside it, its hint and its error. */
export function DateBox(props: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  /** Latest and earliest days the calendar offers, `YYYY-MM-DD`; typing is still validated. */
  maxDate?: string;
  minDate?: string;
  /** Longest text accepted; more than 10 where words are allowed ("1 December 2026"). */
  maxLength?: number;
  onChange: (value: string) => void;
}): ReactElement {
  const id = fieldId(props.path);
  const hint = props.hint ?? 'As DD/MM/YYYY, for example 27/03/2026';
  const maxLength = props.maxLength ?? 10;
  return (
    <Box sx={{ maxWidth: 260 }}>
      <TextField
        id={id}
        label={props.label}
        value={props.value}
        error={Boolean(props.error)}
        placeholder="DD/MM/YYYY"
        helperText={helperText(props.error, hint)}
        slotProps={{
          htmlInput: maxLength > 10 ? { maxLength } : { inputMode: 'numeric', maxLength },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <DatePickerButton
                  value={props.value}
                  label={props.label}
                  inputId={id}
                  describedBy={`${id}-label`}
                  maxDate={props.maxDate}
                  minDate={props.minDate}
                  onPick={props.onChange}
                />
              </InputAdornment>
            ),
          },
        }}
        fullWidth
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    </Box>
  );
}
