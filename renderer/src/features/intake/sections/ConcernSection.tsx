// What the referrer is worried about, the census assessment factors, where the child is now and
// whether they may need immediate protection.

import type { ReactElement } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { NO_FACTORS_CODE } from '../../../../../shared/codes';
import { fieldId } from '../../../components/ErrorSummary';
import { Radios, Text, YES_NO, useFieldError } from '../fields';
import { Section } from '../../../components/Section';
import type { ReferralForm } from '../form-model';

function FactorPicker(props: { factors: { code: string; label: string }[] }): ReactElement {
  const { control, setValue } = useFormContext<ReferralForm>();
  const value = useWatch({ control, name: 'assessmentFactors' });
  const error = useFieldError('assessmentFactors');
  const byCode = new Map(props.factors.map((f) => [f.code, f]));
  const selected = value.map((c) => byCode.get(c) ?? { code: c, label: c });
  return (
    <Autocomplete
      id={fieldId('assessmentFactors')}
      multiple
      options={props.factors}
      value={selected}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      getOptionLabel={(f) => `${f.code} ${f.label}`}
      onChange={(_e, next) => {
        const codes = next.map((f) => f.code);
        const added = codes.find((c) => !value.includes(c));
        // CIN census: 21 "no factors identified" stands alone.
        const result =
          added === NO_FACTORS_CODE
            ? [NO_FACTORS_CODE]
            : codes.filter((c) => c !== NO_FACTORS_CODE || codes.length === 1);
        setValue('assessmentFactors', result, { shouldDirty: true });
      }}
      renderInput={(p) => (
        <TextField
          {...p}
          label="Assessment factors (census codes)"
          error={error !== undefined}
          helperText={
            error ?? 'Type a word or code, for example "domestic" or 3A. 21 means no factors.'
          }
        />
      )}
    />
  );
}

export function ConcernSection(props: {
  factors: { code: string; label: string }[];
}): ReactElement {
  return (
    <Section variant="rule" title="The concern" id="sec-concern">
      <Text name="concern" label="What is the referrer worried about?" multiline rows={6} />
      <FactorPicker factors={props.factors} />
      <Text
        name="currentWhereabouts"
        label="Where is the child now?"
        hint="Or 'not known'"
        multiline
        rows={2}
      />
      <Radios
        name="immediateProtectionMayBeNeeded"
        legend="May the child need immediate protection?"
        hint="If yes, the decision is due now, whatever the time or day."
        options={YES_NO}
      />
    </Section>
  );
}
