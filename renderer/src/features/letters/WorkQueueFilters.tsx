// The filters above the work queue: kind, who the letter is for, overdue only, and due by a date
// (typed DD/MM/YYYY with the app's calendar button, read by the one shared date parser).
import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
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
import { FilterDateField } from '../../components/DateTextField';
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
      <FilterDateField
        id={DUE_BY_ID}
        label="Due by"
        width={178}
        value={value.dueBy}
        onChange={(dueBy) => {
          onChange({ ...value, dueBy });
        }}
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
