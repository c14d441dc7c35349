// Who made the referral: a professional (picked from the directory or typed), a member of the
// public, or anonymous; their contact details, whether they want to hear what happens (how, only
// if they do), and the census referral source suggested from the referrer.

import { useMemo, useState, type ReactElement } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  collectionYearFor,
  referralSource,
  selectableReferralSources,
} from '../../../../../shared/codes';
import type { DirectoryEntry } from '../../../../../shared/domain/records';
import {
  AGENCY_TYPES,
  AGENCY_TYPE_LABELS,
  FEEDBACK_METHOD_LABELS,
  PUBLIC_RELATIONSHIP_LABELS,
} from '../../../../../shared/validation';
import { call } from '../../../api/client';
import { fieldId } from '../../../components/ErrorSummary';
import { Check, Radios, Select, Text, YES_NO, labelled, useFieldError } from '../fields';
import { Section } from '../../../components/Section';
import { suggestedSource, type ReferralForm } from '../form-model';

// "No feedback" is the answer "no" above; it is not offered again as a way to give feedback.
const FEEDBACK_METHODS = labelled(FEEDBACK_METHOD_LABELS).filter((o) => o.value !== 'none');

/** A child who referred themselves: a letter home could be read by the person they fear. */
function SelfReferral(): ReactElement {
  return (
    <>
      <Alert severity="info" data-testid="self-referral-note">
        Letters to a child who referred themselves need a safe way to contact them: a letter sent
        home may be opened by the person they are worried about.
      </Alert>
      <Text
        name="referrer.safeContact"
        label="How is it safe to contact them? (optional)"
        hint="For example, by phone after school, or through the school nurse"
      />
    </>
  );
}

function AnonymityConfirm(): ReactElement {
  const error = useFieldError('referrer.toldAnonymityCannotBeGuaranteed');
  const { register } = useFormContext<ReferralForm>();
  const { ref, ...rest } = register('referrer.toldAnonymityCannotBeGuaranteed');
  return (
    <Box>
      <FormControlLabel
        control={
          <Checkbox
            {...rest}
            slotProps={{
              input: { id: fieldId('referrer.toldAnonymityCannotBeGuaranteed'), ref },
            }}
          />
        }
        label="I have told the referrer that their anonymity cannot be guaranteed"
      />
      {error ? <FormHelperText error>{error}</FormHelperText> : null}
      <Typography color="text.secondary" variant="body2">
        An anonymous referrer cannot be given feedback.
      </Typography>
    </Box>
  );
}

export function ReferrerSection(props: { today: string }): ReactElement {
  const { today } = props;
  const { control, setValue, getValues } = useFormContext<ReferralForm>();
  const referrer = useWatch({ control, name: 'referrer' });
  const sourceCode = useWatch({ control, name: 'referralSourceCode' });
  const kind = referrer.kind;
  const year = collectionYearFor(today);
  const sources = useMemo(() => selectableReferralSources(year), [year]);
  const sourceLabel = referralSource(sourceCode)?.label;

  const setSource = (): void => {
    const s = suggestedSource(getValues('referrer'), today);
    if (s) setValue('referralSourceCode', s, { shouldDirty: true });
  };

  const [directoryText, setDirectoryText] = useState('');
  const directory = useQuery({
    queryKey: ['directory', directoryText],
    queryFn: () => call('directory:list', directoryText ? { text: directoryText } : {}),
    enabled: kind === 'professional',
    staleTime: 60_000,
  });
  const pickDirectory = (e: DirectoryEntry | null): void => {
    if (!e) return;
    const agencyType = (AGENCY_TYPES as readonly string[]).includes(e.agencyType ?? '')
      ? (e.agencyType ?? '')
      : '';
    const opts = { shouldDirty: true };
    setValue('referrer.directoryId', e.id, opts);
    setValue('referrer.name', e.kind === 'professional' ? e.name : '', opts);
    setValue('referrer.role', e.role ?? '', opts);
    setValue('referrer.agencyName', e.agency ?? (e.kind === 'agency' ? e.name : ''), opts);
    setValue('referrer.agencyType', agencyType, opts);
    setValue('referrer.phone', e.phone ?? '', opts);
    setValue('referrer.email', e.email ?? '', opts);
    setSource();
  };

  return (
    <Section variant="rule" title="Referrer" id="sec-referrer">
      <Radios
        name="referrer.kind"
        legend="Who made the referral?"
        options={[
          { value: 'professional', label: 'A professional' },
          { value: 'public', label: 'A member of the public' },
          { value: 'anonymous', label: 'Anonymous' },
        ]}
        onChosen={(v) => {
          if (v === 'anonymous') {
            setValue('referrer.wantsFeedback', 'no');
            setValue('referrer.feedbackMethod', 'none');
          }
          setSource();
        }}
      />
      {kind === 'professional' ? (
        <>
          <Autocomplete
            id="directory-search"
            options={directory.data ?? []}
            getOptionLabel={(e) => [e.name, e.role, e.agency].filter(Boolean).join(' – ')}
            filterOptions={(x) => x}
            onInputChange={(_e, v) => {
              setDirectoryText(v);
            }}
            onChange={(_e, v) => {
              pickDirectory(v);
            }}
            renderInput={(p) => (
              <TextField
                {...p}
                label="Find in the directory (optional)"
                helperText="Type a name or organisation, or fill in the details below"
              />
            )}
          />
          <Text name="referrer.name" label="Name" />
          <Text name="referrer.role" label="Job title" />
          <Text name="referrer.agencyName" label="Organisation" />
          <Select
            name="referrer.agencyType"
            label="Type of organisation"
            options={labelled(AGENCY_TYPE_LABELS)}
            onChosen={() => {
              setSource();
            }}
          />
        </>
      ) : null}
      {kind === 'public' ? (
        <>
          <Text name="referrer.name" label="Name" />
          <Select
            name="referrer.relationship"
            label="Relationship to the child"
            options={labelled(PUBLIC_RELATIONSHIP_LABELS)}
            onChosen={() => {
              setSource();
            }}
          />
          <Text name="referrer.relationshipDetails" label="Relationship details (optional)" />
          {referrer.relationship === 'family-member' ? (
            <Radios
              name="referrer.parentalResponsibility"
              legend="Does the referrer have parental responsibility for the child? (optional)"
              hint="A family member with parental responsibility is told only what the family is told."
              options={YES_NO}
            />
          ) : null}
          {referrer.relationship === 'self' ? <SelfReferral /> : null}
        </>
      ) : null}
      {kind === 'professional' || kind === 'public' ? (
        <>
          <Check
            name="referrer.confidential"
            label="Keep the referrer’s identity confidential"
            hint="The referrer asked for their identity to be kept from the family."
          />
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Text name="referrer.phone" label="Phone" width={260} inputMode="tel" />
            <Text name="referrer.email" label="Email" width={360} inputMode="email" />
          </Stack>
          <Radios
            name="referrer.wantsFeedback"
            legend="Does the referrer want to hear what happens next?"
            options={YES_NO}
            onChosen={(v) => {
              // Not wanted: no method to ask for. Wanted: choose one (the old "none" is cleared).
              setValue('referrer.feedbackMethod', v === 'no' ? 'none' : '', { shouldDirty: true });
            }}
          />
          {referrer.wantsFeedback === 'yes' ? (
            <Select
              name="referrer.feedbackMethod"
              label="How to give feedback"
              options={FEEDBACK_METHODS}
              width={300}
            />
          ) : null}
          {referrer.wantsFeedback === 'yes' && referrer.feedbackMethod === 'letter' ? (
            <>
              <Text name="referrer.address.line1" label="Address line 1" />
              <Text name="referrer.address.postcode" label="Postcode" width={200} />
            </>
          ) : null}
        </>
      ) : null}
      {kind === 'anonymous' ? <AnonymityConfirm /> : null}
      {kind !== '' ? (
        <Select
          name="referralSourceCode"
          label="Census referral source"
          hint={
            sourceLabel
              ? `Suggested from the referrer: ${sourceCode} ${sourceLabel}. Change it if it is wrong.`
              : 'Set from the referrer; change it if it is wrong.'
          }
          options={sources.map((s) => ({ value: s.code, label: `${s.code} – ${s.label}` }))}
        />
      ) : null}
    </Section>
  );
}
