// The filters above the work queue: kind, who the letter is for, overdue only, and due by a date
// (typed DD/MM/YYYY with the app's calendar button, read by the one shared date parser).
import { useState, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import {
  WORK_ITEM_KINDS,
  WORK_ITEM_KIND_LABELS,
  type WorkItemKind,
} from '../../../../shared/domain/letters';
import { LETTER_VARIANTS, type LetterVariant } from '../../../../shared/letters/types';
import { parseTypedDate } from '../../../../shared/validation/typed-dates';
import { DatePickerButton } from '../../components/DatePickerButton';
import { londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { VARIANT_SHORT_LABELS, type WorkFilters } from './work-queue-model';

const KIND_SHORT: Record<WorkItemKind, string> = {
  acknowledgement: 'Acknowledgements',
  outcome: 'Outcome letters',
  invite: 'Strategy invites',
};

const DUE_BY_ID = 'field-dueBy';

export function WorkQueueFilters(props: {
  value: WorkFilters;
  onChange: (next: WorkFilters) => void;
}): ReactElement {
  const { value, onChange } = props;
  const nowSource = useNowSource();
  const [dueText, setDueText] = useState('');
  const [dueError, setDueError] = useState<string | null>(null);

  /** Apply a typed due-by date when it reads as a real date; blank clears the filter. */
  const readDue = (text: string, showError: boolean): void => {
    if (text.trim() === '') {
      setDueError(null);
      if (value.dueBy !== null) onChange({ ...value, dueBy: null });
      return;
    }
    const parsed = parseTypedDate(text, { today: londonDay(nowSource()), twoDigitYears: 'near' });
    if (parsed.ok) {
      setDueError(null);
      if (parsed.date !== value.dueBy) onChange({ ...value, dueBy: parsed.date });
    } else if (showError) {
      setDueError(parsed.error);
    }
  };

  return (
    <Box
      role="group"
      aria-label="Filters"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 1.5, px: 1.5, py: 1 }}
    >
      <ToggleButtonGroup
        size="small"
        value={[...value.kinds]}
        onChange={(_e, next: WorkItemKind[]) => {
          onChange({ ...value, kinds: WORK_ITEM_KINDS.filter((k) => next.includes(k)) });
        }}
        aria-label="Show only these kinds (none pressed shows every kind)"
        sx={{ flexWrap: 'wrap', mt: 0.5 }}
      >
        {WORK_ITEM_KINDS.map((k) => (
          <ToggleButton
            key={k}
            value={k}
            title={WORK_ITEM_KIND_LABELS[k]}
            sx={{ px: 1, py: 0.25, textTransform: 'none', fontSize: '0.8125rem' }}
          >
            {KIND_SHORT[k]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <TextField
        select
        size="small"
        id="field-variant"
        label="Letter for"
        value={value.variant}
        onChange={(e) => {
          const v = LETTER_VARIANTS.find((x) => x === e.target.value);
          onChange({ ...value, variant: v ?? '' });
        }}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        sx={{ width: 165 }}
      >
        <option value="">Every referrer</option>
        {LETTER_VARIANTS.map((v: LetterVariant) => (
          <option key={v} value={v}>
            {VARIANT_SHORT_LABELS[v]}
          </option>
        ))}
      </TextField>
      <TextField
        size="small"
        id={DUE_BY_ID}
        label="Due by"
        placeholder="DD/MM/YYYY"
        value={dueText}
        error={dueError !== null}
        helperText={dueError ?? undefined}
        onChange={(e) => {
          setDueText(e.target.value);
          readDue(e.target.value, false);
        }}
        onBlur={() => {
          readDue(dueText, true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') readDue(dueText, true);
        }}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: { maxLength: 24 },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <DatePickerButton
                  value={dueText}
                  label="Due by"
                  inputId={DUE_BY_ID}
                  describedBy={`${DUE_BY_ID}-label`}
                  onPick={(text) => {
                    setDueText(text);
                    readDue(text, true);
                  }}
                />
              </InputAdornment>
            ),
          },
        }}
        sx={{ width: 178 }}
      />
      <FormControlLabel
        control={
          <Switch
            checked={value.overdueOnly}
            onChange={(e) => {
              onChange({ ...value, overdueOnly: e.target.checked });
            }}
          />
        }
        label="Overdue only"
        sx={{ mt: 0.25 }}
      />
    </Box>
  );
}
