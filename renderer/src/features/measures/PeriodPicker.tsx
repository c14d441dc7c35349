// The period the measures cover: From and To typed as DD/MM/YYYY (or picked from the calendar),
// and quick picks. A date that cannot be read is said beside its field; the figures stay on the
// last good period until the dates are right.
import { useEffect, useState, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import {
  QUICK_PICKS,
  QUICK_PICK_LABELS,
  quickPeriod,
  quickPickOf,
  type Period,
} from '../../../../shared/measures/period';
import { parseTypedDate } from '../../../../shared/validation/typed-dates';
import { formatUkDate } from '../../../../shared/validation/formats';
import { DateTextField } from '../../components/DateTextField';

function DayField(props: {
  id: string;
  label: string;
  value: string;
  today: string;
  problem: string | null;
  onChange: (date: string) => void;
}): ReactElement {
  const [text, setText] = useState(formatUkDate(props.value));
  const [error, setError] = useState<string | null>(null);
  // A quick pick changes the date from outside: show it.
  useEffect(() => {
    setText(formatUkDate(props.value));
    setError(null);
  }, [props.value]);
  // Read when the date is finished (leaving the field, Enter, or the calendar), never half-typed:
  // "01/01/20" on the way to "01/01/2025" is not a date anyone meant.
  const read = (t: string): void => {
    const parsed = parseTypedDate(t, { today: props.today, twoDigitYears: 'past' });
    if (parsed.ok) {
      setError(null);
      if (parsed.date !== props.value) props.onChange(parsed.date);
      else setText(formatUkDate(parsed.date));
    } else {
      setError(t.trim() === '' ? `Enter the ${props.label.toLowerCase()} date` : parsed.error);
    }
  };
  return (
    <DateTextField
      id={props.id}
      label={props.label}
      text={text}
      message={error ?? props.problem}
      reserveHelperLine
      width={190}
      onText={setText}
      onCommit={read}
    />
  );
}

export function PeriodPicker(props: {
  value: Period;
  today: string;
  /** Beside "To": an end before the start, or a period too long. */
  problem: { from: string | null; to: string | null };
  onChange: (next: Period) => void;
}): ReactElement {
  const { value, today, onChange } = props;
  const picked = quickPickOf(value, today);
  return (
    <Box
      role="group"
      aria-label="Period"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2 }}
    >
      <DayField
        id="field-measures-from"
        label="From"
        value={value.from}
        today={today}
        problem={props.problem.from}
        onChange={(from) => {
          onChange({ ...value, from });
        }}
      />
      <DayField
        id="field-measures-to"
        label="To"
        value={value.to}
        today={today}
        problem={props.problem.to}
        onChange={(to) => {
          onChange({ ...value, to });
        }}
      />
      <ToggleButtonGroup
        exclusive
        size="small"
        aria-label="Quick picks"
        value={picked}
        onChange={(_e, next: unknown) => {
          const pick = QUICK_PICKS.find((p) => p === next);
          if (pick !== undefined) onChange(quickPeriod(pick, today));
        }}
        sx={{ mt: 0.25 }}
      >
        {QUICK_PICKS.map((p) => (
          <ToggleButton key={p} value={p} sx={{ textTransform: 'none', px: 1.5 }}>
            {QUICK_PICK_LABELS[p]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}
