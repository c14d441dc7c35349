// One local setting on the Settings screen: its control, and beside it the chosen edition's
// default with where that default comes from (the guidance citation, or the documented local
// default). A setting that differs from the default is marked "Local policy" and can be put back;
// a setting the guidance leaves to local policy ([verify] in the domain brief) says so.

import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { fieldId } from '../../components/ErrorSummary';
import { VERIFY_UI_TEXT } from '../../../../shared/policy';
import { editionLabel } from '../../../../shared/policy/editions';
import { visuallyHidden } from '../decisions/a11y';
import { ChoiceGroup, TextBox } from '../decisions/fields';
import {
  CHOICES,
  NUMBER_KEYS,
  choiceLabel,
  editionDefaultSource,
  editionDefaultText,
  editionRequiresManager,
  isLocal,
  isVerifySetting,
  numberUnit,
  settingLabel,
  shownValue,
  toEdition,
  type EditableKey,
  type SettingsForm,
} from './settings-model';

type NumberKey = (typeof NUMBER_KEYS)[number];

function isNumberKey(key: EditableKey): key is NumberKey {
  return (NUMBER_KEYS as readonly string[]).includes(key);
}

function numberHint(key: NumberKey): string {
  if (key === 'seeChildInNeedWorkingDays')
    return 'In working days. Leave blank for “as soon as possible” with no local figure.';
  if (key === 'strategyDiscussionWorkingDays') return 'In working days; 0 means the same day.';
  return `In ${numberUnit(key)}.`;
}

/**
 * A short box (a number or a time) with its label above it in full: a long label inside a narrow
 * box would be cut short. The error is announced as such, above the hint (GOV.UK).
 */
function ShortBox(props: {
  path: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}): ReactElement {
  const id = fieldId(props.path);
  return (
    <Box>
      <Typography component="label" htmlFor={id} sx={{ display: 'block', fontWeight: 600, mb: 1 }}>
        {props.label}
      </Typography>
      <TextField
        id={id}
        value={props.value}
        error={Boolean(props.error)}
        helperText={
          props.error ? (
            <>
              <Box component="span" sx={visuallyHidden}>
                Error:{' '}
              </Box>
              <Box component="span" sx={{ fontWeight: 600, fontSize: '1rem' }}>
                {props.error}
              </Box>
              <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
                {props.hint}
              </Box>
            </>
          ) : (
            props.hint
          )
        }
        sx={{ width: 260 }}
        slotProps={{ htmlInput: { autoComplete: 'off' } }}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    </Box>
  );
}

export function SettingRow(props: {
  name: EditableKey;
  form: SettingsForm;
  error: string | undefined;
  noteError: string | undefined;
  onValue: (value: string) => void;
  onNote: (note: string) => void;
  onReset: () => void;
}): ReactElement {
  const { name, form } = props;
  const edition = toEdition(form.edition);
  const local = isLocal(form, name);
  const label = settingLabel(name);
  const path = `overrides.${name}`;
  const value = shownValue(form, name);

  let control: ReactElement;
  if (name === 'requiredRoles' || !isNumberKey(name)) {
    if (name === 'officeHoursStart' || name === 'officeHoursEnd') {
      control = (
        <ShortBox
          path={path}
          label={label}
          hint="24-hour time, HH:mm, UK time. For example 08:30."
          value={value}
          error={props.error}
          onChange={props.onValue}
        />
      );
    } else {
      const required = name === 'requiredRoles' && editionRequiresManager(edition);
      const options = CHOICES[name]
        .filter((v) => !(required && v === 'optional'))
        .map((v) => ({ value: v, label: choiceLabel(name, v) }));
      control = (
        <ChoiceGroup
          path={path}
          legend={label}
          hint={
            required
              ? `${editionLabel(edition)} requires the manager: local policy cannot make them optional.`
              : undefined
          }
          options={options}
          value={value}
          error={props.error}
          onChange={props.onValue}
        />
      );
    }
  } else {
    control = (
      <ShortBox
        path={path}
        label={label}
        hint={numberHint(name)}
        value={value}
        error={props.error}
        onChange={props.onValue}
      />
    );
  }

  return (
    <Box
      component="section"
      aria-label={label}
      sx={{
        display: 'grid',
        gridTemplateColumns: { md: 'minmax(0, 1fr) minmax(0, 1fr)' },
        gap: 2.5,
        borderTop: 1,
        borderColor: 'divider',
        pt: 2.5,
      }}
    >
      <Stack spacing={1.5}>
        {local || isVerifySetting(name) ? (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {local ? <Chip size="small" color="primary" label="Local policy" /> : null}
            {isVerifySetting(name) ? (
              <Chip size="small" variant="outlined" label="Local setting" />
            ) : null}
          </Stack>
        ) : null}
        {control}
        {local ? (
          <>
            <TextBox
              path={`${path}.note`}
              label="Why your authority sets this (optional)"
              hint="Kept with the setting and shown on the Rules and clocks screen, for example the local procedure it comes from."
              value={form.overrides[name].note}
              error={props.noteError}
              onChange={props.onNote}
            />
            <Box>
              <Button variant="outlined" onClick={props.onReset}>
                Use the edition default
                <Box component="span" sx={visuallyHidden}>
                  {` for ${label}`}
                </Box>
              </Button>
            </Box>
          </>
        ) : null}
      </Stack>
      <Box sx={{ bgcolor: 'action.hover', borderRadius: 1, p: 2, alignSelf: 'start' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {editionLabel(edition)} default: {editionDefaultText(edition, name)}
          {local ? '' : ' (in use)'}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          Where it comes from: {editionDefaultSource(edition, name)}
        </Typography>
        {isVerifySetting(name) ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {VERIFY_UI_TEXT}
          </Typography>
        ) : null}
      </Box>
    </Box>
  );
}
