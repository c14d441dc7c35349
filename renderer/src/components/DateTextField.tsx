// A day typed as people type it (DD/MM/YYYY, "1/3/25", "yesterday") with the app's calendar
// button, used wherever a screen filters or chooses by day. `DateTextField` is the box itself;
// `FilterDateField` is the optional filter date: blank clears it, a readable date applies as it is
// typed, and what cannot be read is said beside the field when the user leaves it or presses Enter.
import { useState, type ReactElement } from 'react';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { parseTypedDate } from '../../../shared/validation/typed-dates';
import { DatePickerButton } from './DatePickerButton';
import { londonDay } from './format';
import { useNowSource } from './now';

export function DateTextField(props: {
  id: string;
  label: string;
  text: string;
  /** Every keystroke. */
  onText: (text: string) => void;
  /** The date is finished: the field was left or Enter was pressed. */
  onCommit: (text: string) => void;
  /** A day was picked from the calendar (its text); without this, picking is typing then Enter. */
  onPick?: (text: string) => void;
  /** Beside the field: what is wrong, or null. */
  message: string | null;
  /** Keep the helper line's height when there is no message, so a row of fields does not jump. */
  reserveHelperLine?: boolean;
  width: number;
}): ReactElement {
  const { id, label, text, message } = props;
  return (
    <TextField
      size="small"
      id={id}
      label={label}
      placeholder="DD/MM/YYYY"
      value={text}
      error={message !== null}
      helperText={message ?? (props.reserveHelperLine === true ? ' ' : undefined)}
      onChange={(e) => {
        props.onText(e.target.value);
      }}
      onBlur={() => {
        props.onCommit(text);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') props.onCommit(text);
      }}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { maxLength: 24 },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <DatePickerButton
                value={text}
                label={label}
                inputId={id}
                describedBy={`${id}-label`}
                onPick={(picked) => {
                  if (props.onPick !== undefined) {
                    props.onPick(picked);
                    return;
                  }
                  props.onText(picked);
                  props.onCommit(picked);
                }}
              />
            </InputAdornment>
          ),
        },
      }}
      sx={{ width: props.width }}
    />
  );
}

/** An optional day for a filter (`YYYY-MM-DD` or null). Two-digit years read as the nearest. */
export function FilterDateField(props: {
  id: string;
  label: string;
  value: string | null;
  onChange: (date: string | null) => void;
  /** A problem found beyond the field itself (an end before the start). */
  problem?: string | null;
  width: number;
}): ReactElement {
  const nowSource = useNowSource();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const read = (t: string, showError: boolean): void => {
    if (t.trim() === '') {
      setError(null);
      if (props.value !== null) props.onChange(null);
      return;
    }
    const parsed = parseTypedDate(t, { today: londonDay(nowSource()), twoDigitYears: 'near' });
    if (parsed.ok) {
      setError(null);
      if (parsed.date !== props.value) props.onChange(parsed.date);
    } else if (showError) {
      setError(parsed.error);
    }
  };
  return (
    <DateTextField
      id={props.id}
      label={props.label}
      text={text}
      message={error ?? props.problem ?? null}
      width={props.width}
      onText={(t) => {
        setText(t);
        read(t, false);
      }}
      onCommit={(t) => {
        read(t, true);
      }}
      onPick={(t) => {
        setText(t);
        read(t, true);
      }}
    />
  );
}
