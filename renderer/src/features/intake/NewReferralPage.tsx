// New referral (issue 4): a calm single-column form with search-first matches beside it,
// autosaved as a draft, checked with the same referralSchema the main process uses.

import { useContext, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { FormProvider, useFieldArray, useForm, useFormContext, useWatch } from 'react-hook-form';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { createWorkingDayCalendar, londonNow, receiptDay } from '../../../../shared/calendar';
import {
  NO_FACTORS_CODE,
  collectionYearFor,
  referralSource,
  selectableAssessmentFactors,
  selectableReferralSources,
} from '../../../../shared/codes';
import type { DirectoryEntry, ReferralRecord } from '../../../../shared/domain/records';
import {
  AGENCY_TYPES,
  AGENCY_TYPE_LABELS,
  EXPECTED_DOB_MAX_MONTHS_AHEAD,
  EXPECTED_DOB_MAX_MONTHS_PAST,
  addMonthsIso,
  ARTICLE6_BASIS_LABELS,
  CONSENT_STATUS_LABELS,
  CRIMINAL_OFFENCE_DATA_LABELS,
  FEEDBACK_METHOD_LABELS,
  LEGACY_LAWFUL_BASES,
  PUBLIC_RELATIONSHIP_LABELS,
  REFERRAL_CHANNEL_LABELS,
  SPECIAL_CATEGORY_LABELS,
  YES_NO_UNKNOWN_LABELS,
  legacyLawfulBasisText,
} from '../../../../shared/validation';
import { ApiError, call, errorMessage } from '../../api/client';
import { useReferral, useSettings } from '../../api/queries';
import { ErrorSummary, fieldId } from '../../components/ErrorSummary';
import { useNowSource } from '../../components/now';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { ErrorsContext, Radios, Section, Select, Text, YES_NO, labelled } from './fields';
import {
  emptyChild,
  emptyForm,
  emptyHouseholdMember,
  emptySharing,
  recordToForm,
  orderedErrors,
  receivedInstant,
  sexOptions,
  suggestedSource,
  validateForm,
  withFormDefaults,
  type ReferralForm,
} from './form-model';
import { MatchPanel, matchQueryFor } from './MatchPanel';
import { OrganisationField } from './OrganisationField';
import { RepeatingSection } from './RepeatingSection';

const SCHOOL_TYPES = ['school', 'education-service'] as const;
const GP_TYPES = ['gp'] as const;

const AUTOSAVE_MS = 700;
const AUTOSAVE_MAX_WAIT_MS = 1_000;

function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function timeOf(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

export function NewReferralPage(): ReactElement {
  const [params, setParams] = useSearchParams();
  const key = params.get('draft');
  useEffect(() => {
    if (!key) setParams({ draft: newKey() }, { replace: true });
  }, [key, setParams]);
  const draft = useQuery({
    queryKey: ['drafts', 'get', key],
    queryFn: () => call('drafts:get', { kind: 'referral', key: key ?? '' }),
    enabled: key !== null,
    staleTime: Infinity,
    gcTime: 0,
  });
  if (!key || draft.isPending) return <Typography>Opening the form…</Typography>;
  const saved = draft.data?.data as Partial<ReferralForm> | undefined;
  return (
    <IntakeForm
      key={key}
      draftKey={key}
      mode={{ kind: 'new' }}
      restored={saved ? withFormDefaults(saved) : null}
    />
  );
}

/** A correction's draft: the form, and the version of the referral it was started from. */
type EditDraft = { form: Partial<ReferralForm>; baseVersion: number };

function isEditDraft(data: unknown): data is EditDraft {
  return (
    typeof data === 'object' &&
    data !== null &&
    'form' in data &&
    'baseVersion' in data &&
    typeof data.baseVersion === 'number'
  );
}

/** Correct a saved referral: the same form, filled from the record, saved as a new version. */
export function EditReferralPage(): ReactElement {
  const id = useParams().id ?? '';
  const referral = useReferral(id);
  const draft = useQuery({
    queryKey: ['drafts', 'get', 'referral-edit', id],
    queryFn: () => call('drafts:get', { kind: 'referral-edit', key: id }),
    staleTime: Infinity,
    gcTime: 0,
  });
  if (referral.isError || draft.isError) {
    return (
      <ErrorPanel
        title="The referral could not be opened"
        error={referral.error ?? draft.error}
        onRetry={() => {
          void referral.refetch();
          void draft.refetch();
        }}
      />
    );
  }
  if (!referral.data || draft.isPending) return <Loading label="Opening the referral…" />;
  const saved = draft.data?.data;
  const restored = isEditDraft(saved) ? saved : null;
  return (
    <IntakeForm
      key={id}
      draftKey={id}
      mode={{
        kind: 'edit',
        referral: referral.data,
        // A restored correction is saved against the version it began from, so someone else's
        // change in the meantime is refused (stale write), never silently overwritten.
        baseVersion: restored?.baseVersion ?? referral.data.version,
      }}
      restored={restored ? withFormDefaults(restored.form) : null}
    />
  );
}

type FormMode = { kind: 'new' } | { kind: 'edit'; referral: ReferralRecord; baseVersion: number };

function IntakeForm(props: {
  draftKey: string;
  mode: FormMode;
  restored: ReferralForm | null;
}): ReactElement {
  const { mode } = props;
  const editing = mode.kind === 'edit';
  const draftKind = editing ? 'referral-edit' : 'referral';
  // Fixed when the form opens: if the referral is reloaded underneath (someone else saved), the
  // correction still goes in against the version it was made from and is refused as stale.
  const [baseVersion] = useState(mode.kind === 'edit' ? mode.baseVersion : null);
  const nowSource = useNowSource();
  const now = londonNow(nowSource());
  const today = now.date;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const methods = useForm<ReferralForm>({
    defaultValues:
      props.restored ?? (mode.kind === 'edit' ? recordToForm(mode.referral) : emptyForm(now)),
  });
  const { control, setValue, getValues } = methods;
  const children = useFieldArray({ control, name: 'children' });
  const household = useFieldArray({ control, name: 'householdMembers' });
  const sharing = useFieldArray({ control, name: 'informationSharing' });
  const values = useWatch({ control }) as ReferralForm;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [savedAt, setSavedAt] = useState<string | null>(props.restored ? 'restored' : null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [discardOpen, setDiscardOpen] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  // Autosave: the whole form, ~700 ms after the last change — and never more than a second after
  // the previous save while someone keeps typing, so a crash loses at most the last second.
  const json = JSON.stringify(values);
  const first = useRef(true);
  const lastSave = useRef(Date.now());
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const sinceLast = Date.now() - lastSave.current;
    const delay = Math.max(0, Math.min(AUTOSAVE_MS, AUTOSAVE_MAX_WAIT_MS - sinceLast));
    const t = window.setTimeout(() => {
      lastSave.current = Date.now();
      const data = baseVersion === null ? getValues() : { form: getValues(), baseVersion };
      call('drafts:save', { kind: draftKind, key: props.draftKey, data })
        .then((d) => {
          setSavedAt(timeOf(d.updatedAt));
          setSaveError(null);
        })
        .catch((e: unknown) => {
          setSaveError(errorMessage(e));
        });
    }, delay);
    return () => {
      window.clearTimeout(t);
    };
  }, [json, props.draftKey, getValues, draftKind, baseVersion]);

  const year = collectionYearFor(today);
  const factors = useMemo(() => selectableAssessmentFactors(year), [year]);
  const sources = useMemo(() => selectableReferralSources(year), [year]);

  const received = receivedInstant(values.received);
  const policy = settings.data?.policy;
  const closures = settings.data?.closures;
  const receivedAt = received.kind === 'ok' ? received.instant : null;
  const receipt = useMemo(() => {
    if (!policy || receivedAt === null) return null;
    try {
      return receiptDay(receivedAt, policy, createWorkingDayCalendar({ closures: closures ?? [] }));
    } catch {
      return null;
    }
  }, [policy, closures, receivedAt]);

  const setSource = (): void => {
    const s = suggestedSource(getValues('referrer'), today);
    if (s) setValue('referralSourceCode', s, { shouldDirty: true });
  };

  const directoryText = useState('');
  const directory = useQuery({
    queryKey: ['directory', directoryText[0]],
    queryFn: () => call('directory:list', directoryText[0] ? { text: directoryText[0] } : {}),
    enabled: values.referrer.kind === 'professional',
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

  const copyFromFirst = (i: number): void => {
    const c0 = getValues('children.0');
    const opts = { shouldDirty: true };
    setValue(`children.${i}.address`, { ...c0.address }, opts);
    setValue(`children.${i}.school`, c0.school, opts);
    setValue(`children.${i}.gp`, c0.gp, opts);
    setValue(`children.${i}.firstLanguage`, c0.firstLanguage, opts);
    if (!getValues(`children.${i}.familyName`))
      setValue(`children.${i}.familyName`, c0.familyName, opts);
  };

  const submit = async (): Promise<void> => {
    setSubmitError(null);
    const form = getValues();
    const result = validateForm(form, today, { isNewRecord: !editing });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      // Linked children carry their personId in the referral; children confirmed as new are
      // made into person records in the same save, so nothing is half-done if it fails.
      const newChildren = form.children.flatMap((c, i) => (c.matchDecision === 'new' ? [i] : []));
      const extra = newChildren.length > 0 ? { newChildren } : {};
      const record =
        mode.kind === 'edit'
          ? await call('referrals:update', {
              id: mode.referral.id,
              version: baseVersion ?? mode.referral.version,
              referral: result.referral,
              ...extra,
            })
          : await call('referrals:create', {
              referral: result.referral,
              draftKey: props.draftKey,
              ...extra,
            });
      if (mode.kind === 'edit') {
        await call('drafts:discard', { kind: 'referral-edit', key: props.draftKey });
      }
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      void navigate(`/referrals/${record.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors) {
        const fe: Record<string, string> = {};
        for (const [k, v] of Object.entries(e.fieldErrors)) {
          fe[k.startsWith('referral.') ? k.slice('referral.'.length) : k] = v;
        }
        setErrors(fe);
      } else if (e instanceof ApiError && e.code === 'STALE') {
        setSubmitError(
          `${e.message} Your corrections are kept as a draft. Discard them to start again from the referral as it is now.`,
        );
      } else setSubmitError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  const discard = async (): Promise<void> => {
    await call('drafts:discard', { kind: draftKind, key: props.draftKey });
    void queryClient.invalidateQueries({ queryKey: ['drafts'] });
    void navigate(mode.kind === 'edit' ? `/referrals/${mode.referral.id}` : '/');
  };

  const kind = values.referrer.kind;
  const sourceLabel = referralSource(values.referralSourceCode)?.label;
  const summary = orderedErrors(errors);

  return (
    <ErrorsContext.Provider value={errors}>
      <FormProvider {...methods}>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 760px) minmax(340px, 1fr)' },
            gap: { xs: 3, lg: 5 },
            alignItems: 'start',
          }}
        >
          <Box
            component="form"
            noValidate
            aria-labelledby="new-referral-heading"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Stack spacing={1} sx={{ mb: 3 }}>
              <Typography id="new-referral-heading" variant="h1">
                {mode.kind === 'edit'
                  ? `Correct referral ${mode.referral.reference}`
                  : 'New referral'}
              </Typography>
              {mode.kind === 'edit' ? (
                <Typography>
                  Change what was recorded wrongly. The referral keeps its history: the chronology
                  notes the correction and the audit shows who changed what.
                </Typography>
              ) : null}
              <Typography color="text.secondary" role="status" data-testid="draft-status">
                {saveError
                  ? `Draft not saved: ${saveError}`
                  : savedAt === 'restored'
                    ? 'Your draft has been restored. Changes save automatically.'
                    : savedAt
                      ? `Draft saved ${savedAt}`
                      : 'Changes save automatically as a draft.'}
              </Typography>
            </Stack>
            <ErrorSummary errors={summary} />
            {submitError ? (
              <Alert severity="error" sx={{ mb: 3 }}>
                {submitError}
              </Alert>
            ) : null}

            <Stack spacing={4}>
              <Section title="Received" id="sec-received">
                <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
                  <Text
                    name="received.date"
                    date={{ maxDate: today }}
                    label="Date"
                    hint="For example 27/03/2024"
                    width={200}
                    inputMode="numeric"
                    alsoErrorFor="receivedAt"
                  />
                  <Text
                    name="received.time"
                    label="Time (24-hour)"
                    hint="For example 14:05"
                    width={170}
                  />
                </Stack>
                {received.kind === 'ambiguous' ? (
                  <Radios
                    name="received.dstChoice"
                    legend={received.message}
                    options={[
                      { value: 'earlier', label: 'The first (BST)' },
                      { value: 'later', label: 'The second (GMT)' },
                    ]}
                  />
                ) : null}
                {receipt?.outOfHours ? (
                  <Alert severity="info" data-testid="out-of-hours">
                    Out of hours. {receipt.reason}
                  </Alert>
                ) : null}
                <Select
                  name="channel"
                  label="How it was received"
                  options={labelled(REFERRAL_CHANNEL_LABELS)}
                  width={300}
                />
              </Section>

              <Section title="Referrer" id="sec-referrer">
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
                        directoryText[1](v);
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
                    <Text
                      name="referrer.relationshipDetails"
                      label="Relationship details (optional)"
                    />
                  </>
                ) : null}
                {kind === 'professional' || kind === 'public' ? (
                  <>
                    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
                      <Text name="referrer.phone" label="Phone" width={260} inputMode="tel" />
                      <Text name="referrer.email" label="Email" width={360} inputMode="email" />
                    </Stack>
                    <Radios
                      name="referrer.wantsFeedback"
                      legend="Does the referrer want to hear what happens next?"
                      options={YES_NO}
                    />
                    <Select
                      name="referrer.feedbackMethod"
                      label="How to give feedback"
                      options={labelled(FEEDBACK_METHOD_LABELS)}
                      width={300}
                    />
                    {values.referrer.feedbackMethod === 'letter' ? (
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
                        ? `Suggested from the referrer: ${values.referralSourceCode} ${sourceLabel}. Change it if it is wrong.`
                        : 'Set from the referrer; change it if it is wrong.'
                    }
                    options={sources.map((s) => ({
                      value: s.code,
                      label: `${s.code} – ${s.label}`,
                    }))}
                  />
                ) : null}
              </Section>

              <Section
                title="Children"
                id="sec-children"
                intro="Everyone under 18 the referral is about, including an unborn baby."
              >
                <RepeatingSection
                  items={children.fields}
                  heading={(i) => `Child ${String(i + 1)}`}
                  noun="child"
                  min={1}
                  addLabel="Add another child"
                  onAdd={() => {
                    children.append(emptyChild(), {
                      focusName: `children.${String(children.fields.length)}.status`,
                    });
                  }}
                  onRemove={(i) => {
                    children.remove(i);
                  }}
                  testId={(i) => `child-${String(i)}`}
                >
                  {(_f, i) => (
                    <>
                      <Radios
                        name={`children.${i}.status`}
                        legend="Is the child born?"
                        options={[
                          { value: 'born', label: 'Born' },
                          { value: 'unborn', label: 'Unborn' },
                        ]}
                      />
                      {i > 0 ? (
                        <Box>
                          <Button
                            variant="outlined"
                            onClick={() => {
                              copyFromFirst(i);
                            }}
                          >
                            Copy address, school, GP and language from child 1
                          </Button>
                        </Box>
                      ) : null}
                      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
                        <Text name={`children.${i}.givenNames`} label="First name" width={300} />
                        <Text name={`children.${i}.familyName`} label="Last name" width={300} />
                      </Stack>
                      {values.children[i]?.status === 'unborn' ? (
                        <>
                          <Text
                            name={`children.${i}.expectedDateOfBirth`}
                            date={{
                              minDate: addMonthsIso(today, -EXPECTED_DOB_MAX_MONTHS_PAST),
                              maxDate: addMonthsIso(today, EXPECTED_DOB_MAX_MONTHS_AHEAD),
                            }}
                            label="Expected date of birth"
                            hint="For example 27/03/2024"
                            width={240}
                            inputMode="numeric"
                          />
                          <Text name={`children.${i}.motherName`} label="Mother's name" />
                        </>
                      ) : (
                        <>
                          <Text
                            name={`children.${i}.dateOfBirth`}
                            label="Date of birth"
                            date={{ maxDate: today }}
                            hint="For example 27/03/2024"
                            width={240}
                            inputMode="numeric"
                          />
                          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
                            <Select
                              name={`children.${i}.gender`}
                              label="Sex"
                              hint="As recorded for the Children in Need census (from 2024-25: male, female or not known)"
                              options={sexOptions(values.children[i]?.gender ?? '')}
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
                      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
                        <Text
                          name={`children.${i}.address.town`}
                          label="Town or city"
                          width={300}
                        />
                        <Text
                          name={`children.${i}.address.postcode`}
                          label="Postcode"
                          width={180}
                        />
                      </Stack>
                      <OrganisationField
                        name={`children.${i}.school`}
                        label="School or nursery"
                        types={SCHOOL_TYPES}
                      />
                      <OrganisationField
                        name={`children.${i}.gp`}
                        label="GP practice"
                        types={GP_TYPES}
                      />
                      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
                        <Text
                          name={`children.${i}.firstLanguage`}
                          label="First language"
                          width={300}
                        />
                      </Stack>
                      <Radios
                        name={`children.${i}.interpreterNeeded`}
                        legend="Is an interpreter needed?"
                        options={YES_NO}
                      />
                      {values.children[i]?.status !== 'unborn' ? (
                        <Radios
                          name={`children.${i}.disability`}
                          legend="Does the child have a disability?"
                          options={labelled(YES_NO_UNKNOWN_LABELS)}
                        />
                      ) : null}
                      {values.children[i]?.disability === 'yes' ? (
                        <Text
                          name={`children.${i}.disabilityDetails`}
                          label="Disability details"
                          multiline
                          rows={2}
                        />
                      ) : null}
                    </>
                  )}
                </RepeatingSection>
              </Section>

              <Section title="Household and parental responsibility" id="sec-household">
                <RepeatingSection
                  items={household.fields}
                  heading={(i) => `Person ${String(i + 1)}`}
                  noun="person"
                  addLabel="Add a household member"
                  onAdd={() => {
                    household.append(emptyHouseholdMember(), {
                      focusName: `householdMembers.${String(household.fields.length)}.givenNames`,
                    });
                  }}
                  onRemove={(i) => {
                    household.remove(i);
                  }}
                >
                  {(_f, i) => (
                    <>
                      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
                        <Text
                          name={`householdMembers.${i}.givenNames`}
                          label="First name"
                          width={300}
                        />
                        <Text
                          name={`householdMembers.${i}.familyName`}
                          label="Last name"
                          width={300}
                        />
                      </Stack>
                      <Text
                        name={`householdMembers.${i}.relationship`}
                        label="Relationship"
                        hint="For example mother of Amy and Ben"
                      />
                      <Text
                        name={`householdMembers.${i}.dateOfBirth`}
                        label="Date of birth (optional)"
                        date={{ maxDate: today }}
                        width={240}
                      />
                      <Radios
                        name={`householdMembers.${i}.parentalResponsibility`}
                        legend="Parental responsibility?"
                        options={YES_NO}
                      />
                      <Radios
                        name={`householdMembers.${i}.livesInHousehold`}
                        legend="Lives in the child's household?"
                        options={YES_NO}
                      />
                    </>
                  )}
                </RepeatingSection>
              </Section>

              <Section title="The concern" id="sec-concern">
                <Text
                  name="concern"
                  label="What is the referrer worried about?"
                  multiline
                  rows={6}
                />
                <FactorPicker factors={factors} />
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
                  options={YES_NO}
                />
              </Section>

              <Section title="Parents and consent" id="sec-consent">
                <Radios
                  name="parentsAware"
                  legend="Do the parents know about the referral?"
                  options={labelled(YES_NO_UNKNOWN_LABELS)}
                />
                <Radios
                  name="parentsAgree"
                  legend="Do the parents agree with the referral?"
                  options={labelled(YES_NO_UNKNOWN_LABELS)}
                />
                {values.parentsAware === 'no' || values.parentsAgree === 'no' ? (
                  <Text name="parentsReason" label="Why not?" multiline rows={2} />
                ) : null}
                <Radios
                  name="consent.status"
                  legend="Consent"
                  options={labelled(CONSENT_STATUS_LABELS)}
                />
                {values.consent.status === 'given' ? (
                  <>
                    <Text name="consent.givenBy" label="Who gave consent" />
                    <Text name="consent.date" label="Date" width={240} date={{ maxDate: today }} />
                  </>
                ) : null}
                {values.consent.status === 'refused' ? (
                  <>
                    <Text name="consent.refusedBy" label="Who refused consent" />
                    <Text name="consent.date" label="Date" width={240} date={{ maxDate: today }} />
                  </>
                ) : null}
                {values.consent.status === 'refused' || values.consent.status === 'not-sought' ? (
                  <Text name="consent.reason" label="Reason" multiline rows={2} />
                ) : null}
              </Section>

              <Section
                title="Information sharing"
                id="sec-sharing"
                intro="Record each decision to share, or not to share, information."
              >
                <RepeatingSection
                  items={sharing.fields}
                  noun="decision"
                  addLabel="Add an information-sharing decision"
                  onAdd={() => {
                    sharing.append(emptySharing(), {
                      focusName: `informationSharing.${String(sharing.fields.length)}.decision`,
                    });
                  }}
                  onRemove={(i) => {
                    sharing.remove(i);
                  }}
                >
                  {(_f, i) => (
                    <>
                      <Radios
                        name={`informationSharing.${i}.decision`}
                        legend={`Decision ${i + 1}`}
                        options={[
                          { value: 'shared', label: 'Shared' },
                          { value: 'not-shared', label: 'Not shared' },
                        ]}
                      />
                      <Text
                        name={`informationSharing.${i}.date`}
                        label="Date"
                        width={240}
                        date={{ maxDate: today }}
                      />
                      <Text name={`informationSharing.${i}.what`} label="What" />
                      <Text name={`informationSharing.${i}.withWhom`} label="With whom" />
                      <Text name={`informationSharing.${i}.why`} label="Why" />
                      <LegacyLawfulBasis basis={values.informationSharing[i]?.lawfulBasis ?? ''} />
                      <Select
                        name={`informationSharing.${i}.article6Basis`}
                        label="Lawful basis (UK GDPR Article 6)"
                        hint="Usually public task for a council. Since 2024 DfE's information-sharing advice is clear that consent is not needed to share where a child is at risk of harm."
                        options={labelled(ARTICLE6_BASIS_LABELS)}
                      />
                      <Select
                        name={`informationSharing.${i}.specialCategory`}
                        label="Special category data"
                        hint="For example health, ethnicity, religion or sex life (UK GDPR Article 9)"
                        options={labelled(SPECIAL_CATEGORY_LABELS)}
                      />
                      <Select
                        name={`informationSharing.${i}.criminalOffenceData`}
                        label="Criminal offence data"
                        hint="Allegations, offences or convictions (UK GDPR Article 10)"
                        options={labelled(CRIMINAL_OFFENCE_DATA_LABELS)}
                      />
                      <Text
                        name={`informationSharing.${i}.lawfulBasisDetails`}
                        label="Lawful basis details (optional)"
                      />
                      <Text name={`informationSharing.${i}.recordedBy`} label="Recorded by" />
                    </>
                  )}
                </RepeatingSection>
              </Section>

              <Stack
                direction="row"
                spacing={2}
                sx={{ borderTop: 1, borderColor: 'divider', pt: 3 }}
              >
                <Button type="submit" variant="contained" size="large" disabled={submitting}>
                  {submitting ? 'Saving…' : editing ? 'Save corrections' : 'Save referral'}
                </Button>
                <Button
                  color="inherit"
                  size="large"
                  onClick={() => {
                    setDiscardOpen(true);
                  }}
                >
                  {editing ? 'Discard corrections' : 'Discard draft'}
                </Button>
              </Stack>
            </Stack>
          </Box>

          <Box
            component="aside"
            aria-label="Existing records"
            sx={{
              position: { lg: 'sticky' },
              top: { lg: 88 },
              display: 'flex',
              flexDirection: 'column',
              gap: 2,
            }}
          >
            {children.fields.map((f, i) => {
              const child = values.children[i];
              if (!child) return null;
              return (
                <MatchPanel
                  key={f.id}
                  index={i}
                  name={`${child.givenNames} ${child.familyName}`}
                  query={matchQueryFor(child)}
                  decision={child.matchDecision}
                  personId={child.personId}
                  newWithoutSearch={child.status === 'unborn'}
                  waiting={
                    child.status === 'unborn'
                      ? 'An unborn baby is not searched for by date of birth. Check the mother is known in the household section, then confirm the baby as a new record.'
                      : undefined
                  }
                  onLink={(personId) => {
                    setValue(`children.${i}.personId`, personId, { shouldDirty: true });
                    setValue(`children.${i}.matchDecision`, 'linked', { shouldDirty: true });
                  }}
                  onNew={() => {
                    setValue(`children.${i}.personId`, '', { shouldDirty: true });
                    setValue(`children.${i}.matchDecision`, 'new', { shouldDirty: true });
                  }}
                  onUndo={() => {
                    setValue(`children.${i}.personId`, '', { shouldDirty: true });
                    setValue(`children.${i}.matchDecision`, '', { shouldDirty: true });
                  }}
                />
              );
            })}
          </Box>
        </Box>
        <Dialog
          open={discardOpen}
          onClose={() => {
            setDiscardOpen(false);
          }}
          aria-labelledby="discard-title"
        >
          <DialogTitle id="discard-title">
            {editing ? 'Discard your corrections?' : 'Discard this draft?'}
          </DialogTitle>
          <DialogContent>
            <Typography>
              {editing
                ? 'The referral stays as it was saved. What you changed here will be lost.'
                : 'Everything typed on this referral will be deleted. This cannot be undone.'}
            </Typography>
          </DialogContent>
          <DialogActions>
            <Button
              onClick={() => {
                setDiscardOpen(false);
              }}
            >
              Keep the draft
            </Button>
            <Button color="error" variant="contained" onClick={() => void discard()}>
              {editing ? 'Discard corrections' : 'Discard draft'}
            </Button>
          </DialogActions>
        </Dialog>
      </FormProvider>
    </ErrorsContext.Provider>
  );
}

function AnonymityConfirm(): ReactElement {
  const errors = useContextErrors();
  const { register } = useFormContextTyped();
  const error = errors['referrer.toldAnonymityCannotBeGuaranteed'];
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

/**
 * A decision recorded before the lawful basis was split into its parts keeps its old value; it is
 * shown (never offered as a choice) so the worker knows to choose the parts.
 */
function LegacyLawfulBasis(props: { basis: string }): ReactElement | null {
  const basis = LEGACY_LAWFUL_BASES.find((b) => b === props.basis);
  if (basis === undefined) return null;
  return (
    <Alert severity="info">{`${legacyLawfulBasisText(basis)} — choose the bases below`}</Alert>
  );
}

function FactorPicker(props: { factors: { code: string; label: string }[] }): ReactElement {
  const { control, setValue } = useFormContextTyped();
  const value = useWatch({ control, name: 'assessmentFactors' });
  const error = useContextErrors().assessmentFactors;
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
        // 21 "no factors identified" stands alone.
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

// Small typed wrappers so the helpers above read simply.
function useContextErrors(): Record<string, string> {
  return useContext(ErrorsContext);
}
function useFormContextTyped() {
  return useFormContext<ReferralForm>();
}
