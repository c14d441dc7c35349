// The time, place, chair, minute-taker and children of a strategy discussion: the part of the
// form that scheduling and rescheduling share. Each field has its error beside it; ids come from
// the schema's paths so the error summary (and the main process's errors) land on them.

import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AppUser } from '../../../../shared/domain/records';
import { STRATEGY_FORMAT_LABELS, STRATEGY_FORMATS } from '../../../../shared/strategy/types';
import { DateTimeField } from '../../components/DateTimeField';
import { fieldId } from '../../components/ErrorSummary';
import { ChoiceGroup, TextBox } from '../decisions/fields';
import { canChair, type SlotForm } from './schedule-model';

export function SlotFields(props: {
  form: SlotForm;
  errors: Record<string, string>;
  users: readonly AppUser[];
  today: string;
  onChange: (patch: Partial<SlotForm>) => void;
}): ReactElement {
  const { form, errors, onChange } = props;
  const chairs = props.users.filter(canChair);
  return (
    <Stack spacing={3}>
      <DateTimeField
        path="startsAt"
        legend="Starts"
        value={form.start}
        error={errors.startsAt}
        today={props.today}
        twoDigitYears="future"
        minDate={props.today}
        onChange={(start) => {
          // The end is usually the same day: fill its date the first time.
          const end =
            form.end.date === '' || form.end.date === form.start.date
              ? { ...form.end, date: start.date }
              : form.end;
          onChange({ start, end });
        }}
      />
      <DateTimeField
        path="endsAt"
        legend="Ends"
        hint="Usually the same day. Time in 24 hours, for example 15:00"
        value={form.end}
        error={errors.endsAt}
        today={props.today}
        twoDigitYears="future"
        minDate={props.today}
        onChange={(end) => {
          onChange({ end });
        }}
      />
      <ChoiceGroup
        path="format"
        legend="How it is held"
        options={STRATEGY_FORMATS.map((f) => ({ value: f, label: STRATEGY_FORMAT_LABELS[f] }))}
        value={form.format}
        error={errors.format}
        onChange={(format) => {
          onChange({ format });
        }}
      />
      {form.format === 'in-person' ? (
        <TextBox
          path="location"
          label="Where"
          hint="The room and building, as invitees should find it"
          value={form.location}
          error={errors.location}
          onChange={(location) => {
            onChange({ location });
          }}
        />
      ) : null}
      {form.format === 'video' || form.format === 'phone' ? (
        <TextBox
          path="joinLink"
          label={form.format === 'video' ? 'Joining link' : 'Dial-in number or who calls whom'}
          hint="Goes into the calendar invite. Never put a child's name here."
          value={form.joinLink}
          error={errors.joinLink}
          onChange={(joinLink) => {
            onChange({ joinLink });
          }}
        />
      ) : null}
      <Box sx={{ maxWidth: 480 }}>
        <TextField
          select
          id={fieldId('chairId')}
          label="Chair"
          value={form.chairId}
          error={Boolean(errors.chairId)}
          helperText={errors.chairId ?? 'Someone with the chair or manager role'}
          fullWidth
          onChange={(e) => {
            onChange({ chairId: e.target.value });
          }}
        >
          {chairs.map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.displayName}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <TextBox
        path="minuteTaker"
        label="Minute-taker (optional)"
        value={form.minuteTaker}
        error={errors.minuteTaker}
        width={480}
        onChange={(minuteTaker) => {
          onChange({ minuteTaker });
        }}
      />
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" sx={{ fontWeight: 600, mb: 0.5 }}>
          Children discussed
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          All children in the household are considered. Say if a child is looked after: the
          fostering or residential service is then required.
        </Typography>
        {errors.children ? (
          <FormHelperText error sx={{ fontWeight: 600, fontSize: '1rem', mx: 0 }}>
            {errors.children}
          </FormHelperText>
        ) : null}
        <Stack spacing={0.5} id={fieldId('children')} tabIndex={-1}>
          {form.children.map((c, i) => (
            <Box
              key={c.referralChildId || c.name}
              sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3, alignItems: 'center' }}
            >
              <FormControlLabel
                sx={{ minWidth: 260 }}
                control={
                  <Checkbox
                    checked={c.include}
                    onChange={(e) => {
                      const children = form.children.map((x, j) =>
                        j === i ? { ...x, include: e.target.checked } : x,
                      );
                      onChange({ children });
                    }}
                  />
                }
                label={c.name}
              />
              <FormControlLabel
                control={
                  <Checkbox
                    checked={c.lookedAfter}
                    disabled={!c.include}
                    onChange={(e) => {
                      const children = form.children.map((x, j) =>
                        j === i ? { ...x, lookedAfter: e.target.checked } : x,
                      );
                      onChange({ children });
                    }}
                    slotProps={{ input: { 'aria-label': `${c.name} is looked after` } }}
                  />
                }
                label="Looked after"
              />
            </Box>
          ))}
        </Stack>
      </Box>
    </Stack>
  );
}
