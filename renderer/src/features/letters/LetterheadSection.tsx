// The letterhead every referrer letter is printed with (issue 13: organisation name, address,
// logo, contact line, signatory). Name and address are the organisation's own settings; here the
// administrator sets the contact line, who signs and the logo. Saved through 'settings:update'
// with the settings' version, keeping every other organisation detail exactly as it is.

import { useRef, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { OrganisationDetails, SettingsRecord } from '../../../../shared/domain/records';
import { ApiError, errorMessage } from '../../api/client';
import { useSettings } from '../../api/queries';
import { ErrorSummary, fieldId, type SummaryError } from '../../components/ErrorSummary';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { logoFileProblem } from './template-model';
import { useSaveSettings } from './template-queries';

type Form = { contactLine: string; signatory: string; signatoryRole: string; logo: string | null };
type TextName = Exclude<keyof Form, 'logo'>;

const LABELS: Record<TextName, { label: string; hint: string; max: number }> = {
  contactLine: {
    label: 'Contact line',
    hint: 'Under the address on every letter, for example “Call 0300 123 4567, 8.30am to 5pm, Monday to Friday”.',
    max: 300,
  },
  signatory: { label: 'Who signs the letters', hint: 'For example “Jo Bloggs”.', max: 120 },
  signatoryRole: {
    label: 'Their role',
    hint: 'For example “Team Manager, Front Door”.',
    max: 200,
  },
};

function formFrom(o: OrganisationDetails): Form {
  return {
    contactLine: o.contactLine ?? '',
    signatory: o.signatory ?? '',
    signatoryRole: o.signatoryRole ?? '',
    logo: o.logo ?? null,
  };
}

/** The organisation as it is, with the letterhead's parts replaced (blank means none). */
function organisationWith(o: OrganisationDetails, form: Form): OrganisationDetails {
  const { contactLine: _c, signatory: _s, signatoryRole: _r, logo: _l, ...rest } = o;
  const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
  return {
    ...rest,
    ...(text(form.contactLine) !== undefined ? { contactLine: text(form.contactLine) } : {}),
    ...(text(form.signatory) !== undefined ? { signatory: text(form.signatory) } : {}),
    ...(text(form.signatoryRole) !== undefined ? { signatoryRole: text(form.signatoryRole) } : {}),
    ...(form.logo !== null ? { logo: form.logo } : {}),
  };
}

/** The main process's field errors, keyed by this form's names ('organisation.logo' → logo). */
function ownErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.fieldErrors) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    out[path.replace(/^organisation\./, '')] = message;
  }
  return out;
}

function toSummary(errors: Record<string, string>): SummaryError[] {
  return Object.entries(errors).map(([field, message]) => ({
    field: `organisation.${field}`,
    message,
  }));
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read'));
    };
    reader.readAsDataURL(file);
  });
}

export function LetterheadSection(): ReactElement {
  const settings = useSettings();
  return (
    <Section
      id="letterhead-heading"
      focusable
      title="Letterhead"
      intro="Printed on every referrer letter, with your organisation’s name and address from the settings."
    >
      {settings.isPending ? (
        <Loading label="Loading the letterhead…" />
      ) : settings.isError ? (
        <ErrorPanel
          title="The letterhead could not be loaded"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <LetterheadForm settings={settings.data} onRefresh={() => void settings.refetch()} />
      )}
    </Section>
  );
}

function LetterheadForm(props: { settings: SettingsRecord; onRefresh: () => void }): ReactElement {
  const { settings } = props;
  const [form, setForm] = useState<Form>(() => formFrom(settings.organisation));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  // GOV.UK pattern: the summary lists what stopped the last "Save" (a refused logo shows beside
  // its field straight away, but only a save moves focus to the summary).
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const save = useSaveSettings();
  const fileInput = useRef<HTMLInputElement | null>(null);

  const set = (patch: Partial<Form>): void => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  };

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const problem = logoFileProblem(file);
    if (problem) {
      setErrors((e) => ({ ...e, logo: problem }));
      return;
    }
    try {
      const url = await readAsDataUrl(file);
      setErrors(({ logo: _drop, ...rest }) => rest);
      set({ logo: url });
    } catch {
      setErrors((e) => ({ ...e, logo: `${file.name} could not be read. Choose it again.` }));
    }
  };

  const onSave = (): void => {
    const found: Record<string, string> = {};
    for (const name of Object.keys(LABELS) as TextName[]) {
      const { label, max } = LABELS[name];
      if (form[name].trim().length > max) {
        found[name] = `${label}: keep it to ${max} characters or fewer.`;
      }
    }
    if (errors.logo) found.logo = errors.logo;
    setErrors(found);
    setSummary(toSummary(found));
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { version: settings.version, organisation: organisationWith(settings.organisation, form) },
      {
        onSuccess: () => {
          setSaved(true);
        },
        onError: (error) => {
          setErrors(ownErrors(error));
          setSummary(toSummary(ownErrors(error)));
          // Someone else saved the settings first: fetch theirs, so the next save carries their
          // version and every other organisation detail as they left it.
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

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 720 }}>
      <ErrorSummary errors={summary} />
      <Typography data-testid="letterhead-organisation">
        <Box component="span" sx={{ fontWeight: 600 }}>
          From the organisation settings:
        </Box>{' '}
        {[
          settings.organisation.name,
          settings.organisation.address.replace(/\s*\n\s*/g, ', '),
          settings.organisation.phone,
          settings.organisation.email,
        ]
          .filter((part) => part.trim() !== '')
          .join(' · ')}
      </Typography>
      {saved ? (
        <Alert severity="success" role="status">
          Letterhead saved. Letters made from now on use it.
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
                save.reset();
              }}
            >
              Use the saved letterhead
            </Button>
          }
        >
          {errorMessage(save.error)} Your letterhead is still below: save again to replace theirs,
          or use the saved one.
        </Alert>
      ) : save.isError && Object.keys(ownErrors(save.error)).length === 0 ? (
        <Alert severity="error">The letterhead was not saved: {errorMessage(save.error)}</Alert>
      ) : null}
      {(Object.keys(LABELS) as TextName[]).map((name) => {
        const id = fieldId(`organisation.${name}`);
        const error = errors[name];
        return (
          <TextField
            key={name}
            id={id}
            label={LABELS[name].label}
            value={form[name]}
            onChange={(e) => {
              const value = e.target.value;
              setForm((f) => ({ ...f, [name]: value }));
              setSaved(false);
            }}
            error={error !== undefined}
            helperText={error ?? LABELS[name].hint}
            fullWidth
            slotProps={{ htmlInput: { autoComplete: 'off' } }}
          />
        );
      })}
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" sx={{ fontWeight: 600, mb: 0.5, p: 0 }}>
          Logo
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          A PNG or JPEG image of 300 KB or smaller, printed in the letterhead.
        </Typography>
        {form.logo ? (
          <Box
            component="img"
            src={form.logo}
            alt="The letterhead logo as it will be printed"
            data-testid="logo-preview"
            sx={{
              display: 'block',
              maxHeight: 96,
              maxWidth: 320,
              mb: 1.5,
              border: 1,
              borderColor: 'divider',
              p: 1,
              bgcolor: 'common.white',
            }}
          />
        ) : (
          <Typography sx={{ mb: 1.5 }}>No logo: letters are printed without one.</Typography>
        )}
        <Stack direction="row" spacing={1.5}>
          <Button
            id={fieldId('organisation.logo')}
            variant="outlined"
            onClick={() => fileInput.current?.click()}
            aria-describedby={errors.logo ? 'letterhead-logo-error' : undefined}
          >
            {form.logo ? 'Choose a different logo' : 'Choose a logo'}
          </Button>
          {form.logo ? (
            <Button
              variant="text"
              onClick={() => {
                set({ logo: null });
              }}
            >
              Remove the logo
            </Button>
          ) : null}
        </Stack>
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg"
          hidden
          data-testid="logo-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Choosing the same file again after a fix should still be read.
            e.target.value = '';
            void onFile(file);
          }}
        />
        {errors.logo ? (
          <FormHelperText error id="letterhead-logo-error" sx={{ mt: 1 }}>
            {errors.logo}
          </FormHelperText>
        ) : null}
      </Box>
      <Box>
        <Button variant="contained" onClick={onSave} disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save the letterhead'}
        </Button>
      </Box>
    </Stack>
  );
}
