// Small form controls for the intake form: each takes its react-hook-form path, uses fieldId(path)
// as the input id (so the error summary links to it) and shows its error beside it.

import { createContext, useContext, type ReactElement } from 'react';
import { Controller, useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DatePickerButton } from '../../components/DatePickerButton';
import { fieldId } from '../../components/ErrorSummary';
import type { ReferralForm } from './form-model';

export type Path = FieldPath<ReferralForm>;

export const ErrorsContext = createContext<Record<string, string>>({});

export function useFieldError(name: string): string | undefined {
  return useContext(ErrorsContext)[name];
}

export function Text(props: {
  name: Path;
  label: string;
  hint?: string;
  multiline?: boolean;
  rows?: number;
  width?: number | string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  /** Another path whose error should show here (e.g. received date shows receivedAt). */
  alsoErrorFor?: string;
  /** A DD/MM/YYYY date: adds a calendar button; limits are `YYYY-MM-DD`. */
  date?: { minDate?: string; maxDate?: string };
  disabled?: boolean;
}): ReactElement {
  const { register, control } = useFormContext<ReferralForm>();
  // The label moves up whenever there is text, including text the form put there (a directory
  // pick, "copy from child 1", a restored draft): MUI only notices what is typed.
  const value: unknown = useWatch({ control, name: props.name });
  const filled = typeof value === 'string' && value !== '';
  const own = useFieldError(props.name);
  const other = useFieldError(props.alsoErrorFor ?? '');
  const error = own ?? (props.alsoErrorFor ? other : undefined);
  const { ref, ...rest } = register(props.name);
  const id = fieldId(props.name);
  const hintId = `${id}-hint`;
  // A field switched off ("Not known" ticked) needs no hint on how to fill it in; MUI would grey
  // it below the contrast a reader needs.
  const hint = props.disabled === true ? undefined : props.hint;
  return (
    <TextField
      {...rest}
      inputRef={ref}
      id={id}
      label={props.label}
      multiline={props.multiline}
      minRows={props.multiline ? (props.rows ?? 4) : undefined}
      error={error !== undefined}
      helperText={error ?? hint}
      disabled={props.disabled}
      fullWidth={props.width === undefined}
      sx={props.width !== undefined ? { width: props.width, maxWidth: '100%' } : undefined}
      slotProps={{
        inputLabel: filled ? { shrink: true } : {},
        htmlInput: {
          autoComplete: props.autoComplete ?? 'off',
          inputMode: props.inputMode,
          'aria-describedby': error !== undefined || hint ? hintId : undefined,
        },
        formHelperText: { id: hintId },
        input: props.date
          ? {
              endAdornment: (
                <InputAdornment position="end">
                  <TextDatePicker
                    name={props.name}
                    label={props.label}
                    inputId={id}
                    minDate={props.date.minDate}
                    maxDate={props.date.maxDate}
                  />
                </InputAdornment>
              ),
            }
          : undefined,
      }}
    />
  );
}

/**
 * The calendar for a registered text box. It watches the value itself so only the button, not the
 * whole field, re-renders as the user types.
 */
function TextDatePicker(props: {
  name: Path;
  label: string;
  inputId: string;
  minDate: string | undefined;
  maxDate: string | undefined;
}): ReactElement {
  const { control, setValue } = useFormContext<ReferralForm>();
  const value: unknown = useWatch({ control, name: props.name });
  return (
    <DatePickerButton
      value={typeof value === 'string' ? value : ''}
      label={props.label}
      inputId={props.inputId}
      // MUI gives the TextField's <label> this id.
      describedBy={`${props.inputId}-label`}
      minDate={props.minDate}
      maxDate={props.maxDate}
      onPick={(text) => {
        setValue(props.name, text, { shouldDirty: true, shouldValidate: false });
      }}
    />
  );
}

/** A native select: quick with the keyboard (type to jump) and reliable with screen readers. */
export function Select(props: {
  name: Path;
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  width?: number | string;
  onChosen?: (value: string) => void;
}): ReactElement {
  const { register } = useFormContext<ReferralForm>();
  const error = useFieldError(props.name);
  const { ref, onChange, ...rest } = register(props.name);
  const id = fieldId(props.name);
  return (
    <TextField
      {...rest}
      select
      inputRef={ref}
      id={id}
      label={props.label}
      error={error !== undefined}
      helperText={error ?? props.hint}
      onChange={(e) => {
        void onChange(e);
        props.onChosen?.(e.target.value);
      }}
      sx={{ width: props.width ?? '100%', maxWidth: '100%' }}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      <option value="">Select…</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

export function Radios(props: {
  name: Path;
  legend: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  row?: boolean;
  onChosen?: (value: string) => void;
}): ReactElement {
  const { control } = useFormContext<ReferralForm>();
  const error = useFieldError(props.name);
  const id = fieldId(props.name);
  return (
    <Controller
      control={control}
      name={props.name}
      render={({ field }) => (
        <FormControl error={error !== undefined} component="fieldset">
          <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 600, mb: 0.5 }}>
            {props.legend}
          </FormLabel>
          {props.hint ? (
            <Typography variant="body2" color="text.secondary">
              {props.hint}
            </Typography>
          ) : null}
          {error ? <FormHelperText sx={{ mx: 0, fontWeight: 600 }}>{error}</FormHelperText> : null}
          <RadioGroup
            row={props.row ?? true}
            name={props.name}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={(_e, v) => {
              field.onChange(v);
              props.onChosen?.(v);
            }}
          >
            {props.options.map((o, i) => (
              <FormControlLabel
                key={o.value}
                value={o.value}
                label={o.label}
                control={
                  // The first radio takes the field's ref so the form can focus the group.
                  <Radio slotProps={{ input: i === 0 ? { id, ref: field.ref } : {} }} />
                }
              />
            ))}
          </RadioGroup>
        </FormControl>
      )}
    />
  );
}

/**
 * A tick box for a yes-or-nothing fact ("alleged to have caused harm"): ticked is true, unticked
 * says nothing. The hint sits under the label, the error above it, and both are read with it.
 */
export function Check(props: { name: Path; label: string; hint?: string }): ReactElement {
  const { control } = useFormContext<ReferralForm>();
  const error = useFieldError(props.name);
  const id = fieldId(props.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described =
    [error !== undefined ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <Controller
      control={control}
      name={props.name}
      render={({ field }) => (
        <FormControl error={error !== undefined}>
          {error ? (
            <FormHelperText id={errorId} sx={{ mx: 0, fontWeight: 600 }}>
              {error}
            </FormHelperText>
          ) : null}
          <FormControlLabel
            label={props.label}
            control={
              <Checkbox
                checked={field.value === true}
                onChange={(e) => {
                  field.onChange(e.target.checked);
                }}
                onBlur={field.onBlur}
                slotProps={{
                  input: { id, ref: field.ref, 'aria-describedby': described },
                }}
              />
            }
          />
          {props.hint ? (
            // In line with the label text, past the box (GOV.UK checkbox hint).
            <Typography
              id={hintId}
              variant="body2"
              color="text.secondary"
              sx={{ pl: 4, mt: -0.75 }}
            >
              {props.hint}
            </Typography>
          ) : null}
        </FormControl>
      )}
    />
  );
}

export const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

export function labelled<K extends string>(
  labels: Record<K, string>,
): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
