// A child's school or GP practice: pick an organisation already in the directory (so the same
// school is spelt the same way on every referral and can be found again), or type one that is
// not there yet. The typed text is the value either way.

import { useMemo, useState, type ReactElement } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { DirectoryEntry } from '../../../../shared/domain/records';
import type { AgencyType } from '../../../../shared/validation';
import { call } from '../../api/client';
import { fieldId } from '../../components/ErrorSummary';
import { useFieldError, type Path } from './fields';
import type { ReferralForm } from './form-model';

/** Distinct organisation names of the given types, in name order. */
export function organisationNames(
  entries: readonly DirectoryEntry[],
  types: readonly AgencyType[],
): string[] {
  const names = new Set<string>();
  for (const e of entries) {
    if (!types.includes(e.agencyType as AgencyType)) continue;
    const name = e.kind === 'agency' ? e.name : e.agency;
    if (name?.trim()) names.add(name.trim());
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

export function OrganisationField(props: {
  name: Path;
  label: string;
  types: readonly AgencyType[];
  hint?: string;
}): ReactElement {
  const { control } = useFormContext<ReferralForm>();
  const error = useFieldError(props.name);
  const [text, setText] = useState('');
  const directory = useQuery({
    queryKey: ['directory', text],
    queryFn: () => call('directory:list', text ? { text } : {}),
    staleTime: 60_000,
  });
  const options = useMemo(
    () => organisationNames(directory.data ?? [], props.types),
    [directory.data, props.types],
  );
  const id = fieldId(props.name);
  return (
    <Controller
      control={control}
      name={props.name}
      render={({ field }) => (
        <Autocomplete
          id={id}
          freeSolo
          autoSelect={false}
          options={options}
          value={typeof field.value === 'string' ? field.value : ''}
          inputValue={typeof field.value === 'string' ? field.value : ''}
          onInputChange={(_e, v) => {
            field.onChange(v);
            setText(v.trim().slice(0, 100));
          }}
          onChange={(_e, v) => {
            field.onChange(typeof v === 'string' ? v : '');
          }}
          renderInput={(p) => (
            <TextField
              {...p}
              inputRef={field.ref}
              onBlur={field.onBlur}
              label={props.label}
              error={error !== undefined}
              helperText={error ?? props.hint ?? 'Pick from the directory, or type the name'}
            />
          )}
        />
      )}
    />
  );
}
