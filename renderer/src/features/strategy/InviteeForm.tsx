// Add an invitee to a strategy discussion: pick someone from the directory (their details fill
// the form), or type them in on the spot and keep them in the directory for next time. Checked
// with the same inviteeSchema `strategy:add-invitee` runs; errors beside each field, under the
// channel's paths (`invitee.name`) so the main process's errors land in the same place.

import { useState, type ReactElement } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DirectoryEntry } from '../../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../../shared/domain/strategy';
import { ROLE_IDS, ROLE_LABELS, type RoleId } from '../../../../shared/domain/types';
import { inviteeSchema, type InviteeInput } from '../../../../shared/strategy/schemas';
import { SENIORITIES, SENIORITY_LABELS, type Seniority } from '../../../../shared/strategy/types';
import { fieldErrorsFromZod } from '../../../../shared/validation/errors';
import { ApiError } from '../../api/client';
import { ErrorSummary, fieldId, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { ErrorPanel } from '../../components/StatePanels';
import { flatErrors, kitFormOptions, showServerErrors } from '../../components/form-kit';
import { useDebounced } from '../../components/useDebounced';
import { ChoiceGroup, InlineForm, TextBox } from '../decisions/fields';
import { useDirectory, useStrategyChange } from './strategy-queries';

export type InviteeFormValues = {
  directoryId: string;
  name: string;
  jobTitle: string;
  agency: string;
  email: string;
  seniority: Seniority | '';
  covers: RoleId | '';
  addToDirectory: boolean;
};

export function emptyInvitee(): InviteeFormValues {
  return {
    directoryId: '',
    name: '',
    jobTitle: '',
    agency: '',
    email: '',
    seniority: '',
    covers: '',
    addToDirectory: true,
  };
}

const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** The form's values as the channel's `invitee`, or the errors under `invitee.<field>`. */
export function checkInvitee(
  f: InviteeFormValues,
): { ok: true; value: InviteeInput } | { ok: false; errors: Record<string, string> } {
  const fromDirectory = f.directoryId !== '';
  const parsed = inviteeSchema.safeParse({
    directoryId: opt(f.directoryId),
    name: f.name,
    jobTitle: opt(f.jobTitle),
    agency: f.agency,
    email: opt(f.email),
    seniority: f.seniority === '' ? undefined : f.seniority,
    covers: f.covers === '' ? null : f.covers,
    addToDirectory: fromDirectory ? undefined : f.addToDirectory,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrorsFromZod(parsed.error))) {
    errors[`invitee.${k}`] = v;
  }
  return { ok: false, errors };
}

export function InviteeForm(props: {
  discussion: StrategyDiscussionRecord;
  /** Filled in from a suggestion ("Invite"); a new value resets the form to it. */
  preset: { key: number; values: InviteeFormValues } | null;
  onAdded: (name: string) => void;
}): ReactElement {
  const add = useStrategyChange('strategy:add-invitee');
  const [failure, setFailure] = useState<unknown>(null);
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 250);
  const directory = useDirectory(debounced, debounced.trim().length >= 2);
  const { control, handleSubmit, setValue, setError, formState, reset } = useForm<
    InviteeFormValues,
    unknown,
    InviteeInput
  >({
    defaultValues: props.preset?.values ?? emptyInvitee(),
    ...kitFormOptions(checkInvitee),
  });
  const form = useWatch({ control }) as InviteeFormValues;
  const errors = flatErrors(formState.errors);
  const [presetKey, setPresetKey] = useState(props.preset?.key ?? 0);
  if (props.preset && props.preset.key !== presetKey) {
    setPresetKey(props.preset.key);
    reset(props.preset.values);
  }
  const set = (patch: Partial<InviteeFormValues>): void => {
    for (const [k, v] of Object.entries(patch)) {
      setValue(k as keyof InviteeFormValues, v as never, { shouldDirty: true });
    }
  };
  const pick = (e: DirectoryEntry): void => {
    set({
      directoryId: e.id,
      name: e.name,
      jobTitle: e.role ?? '',
      agency: e.agency ?? e.name,
      email: e.email ?? '',
      addToDirectory: false,
    });
    setSearch('');
    document.getElementById(fieldId('invitee.seniority'))?.focus();
  };
  const save = async (invitee: InviteeInput): Promise<void> => {
    setFailure(null);
    try {
      await add.mutateAsync({
        id: props.discussion.id,
        version: props.discussion.version,
        invitee,
      });
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors) {
        showServerErrors(setError, error.fieldErrors);
      } else {
        setFailure(error);
      }
      return;
    }
    reset(emptyInvitee());
    props.onAdded(invitee.name);
  };
  const results = debounced.trim().length >= 2 ? (directory.data ?? []) : [];

  return (
    <InlineForm
      titleId="add-invitee-title"
      title="Add an invitee"
      onSubmit={() => {
        void handleSubmit(save)();
      }}
    >
      <Stack spacing={2.5}>
        <ErrorSummary errors={summaryFromFieldErrors(errors)} title="The invitee was not added" />
        <Box>
          <TextField
            id="directory-search"
            label="Find in the directory"
            helperText="Type two letters or more of a name or agency"
            value={search}
            fullWidth
            sx={{ maxWidth: 480 }}
            onChange={(e) => {
              setSearch(e.target.value);
            }}
          />
          {results.length > 0 ? (
            <List dense aria-label="Directory matches" sx={{ maxWidth: 560 }}>
              {results.slice(0, 8).map((e) => (
                <ListItem
                  key={e.id}
                  secondaryAction={
                    <Button
                      size="small"
                      onClick={() => {
                        pick(e);
                      }}
                      aria-label={`Choose ${e.name}`}
                    >
                      Choose
                    </Button>
                  }
                >
                  <ListItemText
                    primary={e.name}
                    secondary={[e.role, e.agency, e.email].filter(Boolean).join(' · ')}
                  />
                </ListItem>
              ))}
            </List>
          ) : debounced.trim().length >= 2 && directory.isSuccess ? (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Nobody in the directory matches: add them below.
            </Typography>
          ) : null}
        </Box>
        {form.directoryId !== '' ? (
          <Typography variant="body2" color="text.secondary">
            From the directory.{' '}
            <Button
              size="small"
              onClick={() => {
                set({ directoryId: '', addToDirectory: true });
              }}
            >
              Type someone else instead
            </Button>
          </Typography>
        ) : null}
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          <TextBox
            path="invitee.name"
            label="Name"
            value={form.name}
            error={errors['invitee.name']}
            onChange={(name) => {
              set({ name });
            }}
          />
          <TextBox
            path="invitee.jobTitle"
            label="Job title (optional)"
            value={form.jobTitle}
            error={errors['invitee.jobTitle']}
            onChange={(jobTitle) => {
              set({ jobTitle });
            }}
          />
          <TextBox
            path="invitee.agency"
            label="Agency"
            value={form.agency}
            error={errors['invitee.agency']}
            onChange={(agency) => {
              set({ agency });
            }}
          />
          <TextBox
            path="invitee.email"
            label="Email (optional)"
            hint="For the calendar invite"
            value={form.email}
            error={errors['invitee.email']}
            onChange={(email) => {
              set({ email });
            }}
          />
        </Box>
        <TextField
          select
          id={fieldId('invitee.covers')}
          label="Role they cover"
          value={form.covers === '' ? 'none' : form.covers}
          error={Boolean(errors['invitee.covers'])}
          helperText={
            errors['invitee.covers'] ?? 'Which required or suggested role this person covers'
          }
          sx={{ maxWidth: 480 }}
          onChange={(e) => {
            set({ covers: e.target.value === 'none' ? '' : (e.target.value as RoleId) });
          }}
        >
          <MenuItem value="none">None of these</MenuItem>
          {ROLE_IDS.map((r) => (
            <MenuItem key={r} value={r}>
              {ROLE_LABELS[r]}
            </MenuItem>
          ))}
        </TextField>
        <ChoiceGroup
          path="invitee.seniority"
          legend="Can they make decisions for their agency?"
          hint="Working Together: attendees should be senior enough to decide for their agency."
          options={SENIORITIES.map((s) => ({ value: s, label: SENIORITY_LABELS[s] }))}
          value={form.seniority}
          error={errors['invitee.seniority']}
          onChange={(seniority) => {
            set({ seniority });
          }}
        />
        {form.directoryId === '' ? (
          <FormControlLabel
            control={
              <Checkbox
                checked={form.addToDirectory}
                onChange={(e) => {
                  set({ addToDirectory: e.target.checked });
                }}
              />
            }
            label="Also keep them in the directory for next time"
          />
        ) : null}
        {failure ? <ErrorPanel title="The invitee was not added" error={failure} /> : null}
        <Box>
          <Button type="submit" variant="contained" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add invitee'}
          </Button>
        </Box>
      </Stack>
    </InlineForm>
  );
}
