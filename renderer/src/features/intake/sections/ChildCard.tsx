// One child on the referral: born or unborn, the name and date of birth (each may be "Not known",
// with an approximate age instead of a date of birth), sex, NHS number, address, school and GP,
// language, disability. An unborn baby is not asked for a school, sex or disability.

import type { ReactElement } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import {
  APPROXIMATE_AGE_MAX,
  EXPECTED_DOB_MAX_MONTHS_AHEAD,
  EXPECTED_DOB_MAX_MONTHS_PAST,
  YES_NO_UNKNOWN_LABELS,
  addMonthsIso,
} from '../../../../../shared/validation';
import { fieldId } from '../../../components/ErrorSummary';
import { Radios, Select, Text, labelled, useFieldError, type Path } from '../fields';
import { doubtfulDateOfBirth } from '../form-input';
import { sexOptions, type ChildForm, type ReferralForm } from '../form-model';
import { OrganisationField } from '../OrganisationField';
import { parseTypedDate } from '../../../../../shared/validation/typed-dates';

const SCHOOL_TYPES = ['school', 'education-service'] as const;
const GP_TYPES = ['gp'] as const;

const INTERPRETER_OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Not known' },
] as const;

/** A "Not known" tick box beside a field; ticking it clears the field. */
function NotKnown(props: { name: Path; clears: Path; label?: string }): ReactElement {
  const { control, setValue } = useFormContext<ReferralForm>();
  const checked = useWatch({ control, name: props.name }) === true;
  return (
    <FormControlLabel
      sx={{ mt: 1 }}
      control={
        <Checkbox
          checked={checked}
          slotProps={{ input: { id: fieldId(props.name) } }}
          onChange={(e) => {
            setValue(props.name, e.target.checked, { shouldDirty: true });
            if (e.target.checked) setValue(props.clears, '', { shouldDirty: true });
          }}
        />
      }
      label={props.label ?? 'Not known'}
    />
  );
}

export function ChildCard(props: {
  index: number;
  today: string;
  onCopyFromFirst?: () => void;
}): ReactElement {
  const i = props.index;
  const { today } = props;
  const { control, setValue } = useFormContext<ReferralForm>();
  const child = useWatch({ control, name: `children.${i}` }) as ChildForm | undefined;
  const unborn = child?.status === 'unborn';
  // "Is this right?": a date of birth over 25 years ago, or before 1990, is usually a slip.
  const dob =
    child && !unborn ? parseTypedDate(child.dateOfBirth, { today, twoDigitYears: 'past' }) : null;
  const doubt = dob?.ok === true ? doubtfulDateOfBirth(dob.date, today) : null;
  const confirmError = useFieldError(`children.${i}.dateOfBirth`);
  return (
    <>
      <Radios
        name={`children.${i}.status`}
        legend="Is the child born?"
        options={[
          { value: 'born', label: 'Born' },
          { value: 'unborn', label: 'Unborn' },
        ]}
      />
      {props.onCopyFromFirst ? (
        <Box>
          <Button variant="outlined" onClick={props.onCopyFromFirst}>
            Copy address, school, GP and language from child 1
          </Button>
        </Box>
      ) : null}
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Box>
          <Text
            name={`children.${i}.givenNames`}
            label="First name"
            width={300}
            disabled={!unborn && child?.givenNamesNotKnown === true}
          />
          {unborn ? null : (
            <Box>
              <NotKnown
                name={`children.${i}.givenNamesNotKnown`}
                clears={`children.${i}.givenNames`}
              />
            </Box>
          )}
        </Box>
        <Box>
          <Text
            name={`children.${i}.familyName`}
            label="Last name"
            width={300}
            disabled={!unborn && child?.familyNameNotKnown === true}
          />
          {unborn ? null : (
            <Box>
              <NotKnown
                name={`children.${i}.familyNameNotKnown`}
                clears={`children.${i}.familyName`}
              />
            </Box>
          )}
        </Box>
      </Stack>
      {unborn ? (
        <>
          <Text
            name={`children.${i}.expectedDateOfBirth`}
            date={{
              minDate: addMonthsIso(today, -EXPECTED_DOB_MAX_MONTHS_PAST),
              maxDate: addMonthsIso(today, EXPECTED_DOB_MAX_MONTHS_AHEAD),
            }}
            label="Expected date of birth"
            hint="For example 27/03/2027 or 27 Mar 27"
            width={260}
          />
          <Text name={`children.${i}.motherName`} label="Mother's name" />
        </>
      ) : (
        <>
          <Stack
            direction="row"
            spacing={2}
            useFlexGap
            sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'flex-start' }}
          >
            <Box>
              <Text
                name={`children.${i}.dateOfBirth`}
                label="Date of birth"
                date={{ maxDate: today }}
                hint="For example 14/06/2015, 14/6/15 or 14 Jun 2015"
                width={260}
                disabled={child?.dateOfBirthNotKnown === true}
              />
              <Box>
                <NotKnown
                  name={`children.${i}.dateOfBirthNotKnown`}
                  clears={`children.${i}.dateOfBirth`}
                />
              </Box>
            </Box>
            {child?.dateOfBirthNotKnown === true ? (
              <Text
                name={`children.${i}.approximateAge`}
                label="Approximate age in years (optional)"
                hint={`"About 6": a whole number from 0 (under one) to ${String(APPROXIMATE_AGE_MAX)}`}
                width={260}
                inputMode="numeric"
              />
            ) : null}
          </Stack>
          {doubt !== null &&
          (confirmError !== undefined || child?.dateOfBirthConfirmed === true) ? (
            <FormControlLabel
              control={
                <Checkbox
                  checked={child?.dateOfBirthConfirmed === true}
                  slotProps={{ input: { id: fieldId(`children.${i}.dateOfBirthConfirmed`) } }}
                  onChange={(e) => {
                    setValue(`children.${i}.dateOfBirthConfirmed`, e.target.checked, {
                      shouldDirty: true,
                    });
                  }}
                />
              }
              label="Yes, this date of birth is right"
            />
          ) : null}
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Select
              name={`children.${i}.gender`}
              label="Sex"
              hint="As recorded for the Children in Need census (from 2024-25: male, female or not known)"
              options={sexOptions(child?.gender ?? '')}
              width={240}
            />
            <Text
              name={`children.${i}.nhsNumber`}
              label="NHS number (if known)"
              width={240}
              inputMode="numeric"
            />
          </Stack>
          <Text name={`children.${i}.otherNames`} label="Other names (optional)" />
          <Text
            name={`children.${i}.ethnicity`}
            label="Ethnicity (optional)"
            hint="The census code or the family's own description"
            width={360}
          />
        </>
      )}
      <Text name={`children.${i}.address.line1`} label="Address line 1" />
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Text name={`children.${i}.address.town`} label="Town or city" width={300} />
        <Text name={`children.${i}.address.postcode`} label="Postcode" width={180} />
      </Stack>
      {unborn ? null : (
        <OrganisationField
          name={`children.${i}.school`}
          label="School or nursery"
          types={SCHOOL_TYPES}
        />
      )}
      <OrganisationField name={`children.${i}.gp`} label="GP practice" types={GP_TYPES} />
      <Text name={`children.${i}.firstLanguage`} label="First language" width={300} />
      <Radios
        name={`children.${i}.interpreterNeeded`}
        legend="Is an interpreter needed?"
        options={INTERPRETER_OPTIONS}
      />
      {unborn ? null : (
        <Radios
          name={`children.${i}.disability`}
          legend="Does the child have a disability?"
          options={labelled(YES_NO_UNKNOWN_LABELS)}
        />
      )}
      {!unborn && child?.disability === 'yes' ? (
        <Text
          name={`children.${i}.disabilityDetails`}
          label="Disability details"
          multiline
          rows={2}
        />
      ) : null}
    </>
  );
}
