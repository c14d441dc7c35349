// "Organisation" (issue 14, administrators): the organisation's name, address, phone and team
// mailbox, and the letterhead every referrer letter is printed with (contact line, who signs and
// their role, logo). One form, saved through 'settings:update' with the settings' version; the
// details set elsewhere (protective marking, invite initials) go back exactly as they are.

import { useEffect, useRef, useState, type SyntheticEvent, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { SettingsRecord } from '../../../../shared/domain/records';
import { ApiError, errorMessage } from '../../api/client';
import { useSettings } from '../../api/queries';
import { ErrorSummary, fieldId, type SummaryError } from '../../components/ErrorSummary';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { useSaveSettings } from '../letters/template-queries';
import { LogoField } from './LogoField';
import {
  DETAIL_FIELDS,
  LETTERHEAD_FIELDS,
  ORGANISATION_FIELDS,
  checkOrganisation,
  formFrom,
  type OrganisationForm,
  type TextField as FieldName,
} from './organisation-model';

export function OrganisationPage(): ReactElement {
  const settings = useSettings();
  return (
    <Stack spacing={3} sx={{ maxWidth: 880 }}>
      <Box>
        <Typography variant="h1" gutterBottom>
          Organisation
        </Typography>
        <Typography color="text.secondary">
          Who you are, as every letter and document Front Door makes shows it, and the letterhead
          referrer letters are printed with. Letters already made keep the details they were made
          with.
        </Typography>
      </Box>
      {settings.isPending ? (
        <Loading label="Loading the organisation details…" />
      ) : settings.isError ? (
        <ErrorPanel
          title="The organisation details could not be loaded"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <OrganisationFormView settings={settings.data} onRefresh={() => void settings.refetch()} />
      )}
    </Stack>
  );
}

/** The main process's field errors as they are (already under 'organisation.<field>'). */
function serverErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError && error.fieldErrors ? { ...error.fieldErrors } : {};
}

function OrganisationFormView(props: {
  settings: SettingsRecord;
  onRefresh: () => void;
}): ReactElement {
  const { settings } = props;
  const [form, setForm] = useState<OrganisationForm>(() => formFrom(settings.organisation));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // GOV.UK pattern: the summary lists what stopped the last "Save"; a refused logo shows beside
  // its field at once, but only a save moves focus to the summary.
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useSaveSettings();
  const status = useRef<HTMLDivElement | null>(null);
  // Focus on the confirmation once it is on screen, so a screen reader hears it and the place is
  // not lost (a fixed next frame was sometimes before the re-render on a busy machine).
  useEffect(() => {
    if (saved) status.current?.focus();
  }, [saved]);

  const set = (patch: Partial<OrganisationForm>): void => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  };

  const onSubmit = (e: SyntheticEvent): void => {
    e.preventDefault();
    const check = checkOrganisation(settings.organisation, form);
    const found = check.ok ? {} : { ...check.errors };
    if (errors['organisation.logo']) found['organisation.logo'] = errors['organisation.logo'];
    setErrors(found);
    setSummary(Object.entries(found).map(([field, message]) => ({ field, message })));
    if (!check.ok || Object.keys(found).length > 0) return;
    save.mutate(
      { version: settings.version, organisation: check.value },
      {
        onSuccess: () => {
          setSaved(true);
        },
        onError: (error) => {
          const own = serverErrors(error);
          setErrors(own);
          setSummary(Object.entries(own).map(([field, message]) => ({ field, message })));
          // Someone else saved first: fetch theirs, so the next save carries their version and
          // every detail this page does not show as they left it.
          if (error instanceof ApiError && (error.code === 'STALE' || error.code === 'CONFLICT')) {
            props.onRefresh();
          }
        },
      },
    );
  };

  const stale =
    save.error instanceof ApiError &&
    (save.error.code === 'STALE' || save.error.code === 'CONFLICT');

  const box = (name: FieldName): ReactElement => {
    const spec = ORGANISATION_FIELDS[name];
    const path = `organisation.${name}`;
    const error = errors[path];
    return (
      <TextField
        key={name}
        id={fieldId(path)}
        label={spec.label}
        value={form[name]}
        required={name === 'name'}
        multiline={spec.multiline ?? false}
        minRows={spec.multiline ? 3 : undefined}
        onChange={(e) => {
          set({ [name]: e.target.value });
        }}
        error={error !== undefined}
        helperText={error ?? spec.hint}
        fullWidth
        slotProps={{
          htmlInput: {
            autoComplete: spec.autoComplete ?? 'off',
            ...(name === 'email' ? { inputMode: 'email' as const, spellCheck: false } : {}),
          },
        }}
      />
    );
  };

  return (
    <Box component="form" noValidate onSubmit={onSubmit}>
      <Stack spacing={3}>
        <ErrorSummary errors={summary} />
        {saved ? (
          <Alert severity="success" role="status" ref={status} tabIndex={-1}>
            Organisation details saved. Letters and documents made from now on use them.
          </Alert>
        ) : null}
        {stale ? (
          <Alert
            severity="warning"
            action={
              <Button
                color="inherit"
                onClick={() => {
                  setForm(formFrom(settings.organisation));
                  setErrors({});
                  setSummary([]);
                  save.reset();
                }}
              >
                Use the saved details
              </Button>
            }
          >
            {errorMessage(save.error)} Your changes are still below: save again to replace theirs,
            or use the saved details.
          </Alert>
        ) : save.isError && Object.keys(serverErrors(save.error)).length === 0 ? (
          <Alert severity="error">The details were not saved: {errorMessage(save.error)}</Alert>
        ) : null}
        <Section
          id="organisation-details-heading"
          title="Organisation details"
          intro="Printed at the top of every letter and document, and given to referrers for replies."
        >
          {DETAIL_FIELDS.map(box)}
        </Section>
        <Section
          id="letterhead-heading"
          focusable
          title="Letterhead"
          intro="Printed on every referrer letter, under your organisation’s name and address."
        >
          {LETTERHEAD_FIELDS.map(box)}
          <LogoField
            logo={form.logo}
            error={errors['organisation.logo']}
            onChange={(logo) => {
              set({ logo });
              setErrors(({ 'organisation.logo': _drop, ...rest }) => rest);
            }}
            onProblem={(message) => {
              setErrors((e) => ({ ...e, 'organisation.logo': message }));
            }}
          />
        </Section>
        <Box>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save the organisation details'}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
