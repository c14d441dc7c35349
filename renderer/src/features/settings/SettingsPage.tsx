// "Settings" (issue 14, administrators): the guidance edition and each local setting beside the
// edition's default and its source, the protective marking and what calendar invites carry.
// "Check and save" asks the main process what the change would do ('settings:preview'), shows it
// in plain words, and only then saves ('settings:update' with the settings' version). Someone
// else's save in between is said so and the page reloads theirs.

import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SettingsRecord } from '../../../../shared/domain/records';
import type { SettingsPreview } from '../../../../shared/ipc/channels/settings';
import { ApiError, call, errorMessage } from '../../api/client';
import { useSession, useSettings } from '../../api/queries';
import { BackupStatusLine } from '../backups';
import { IdleLockSetting } from '../idle-lock';
import { ErrorSummary, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { flatErrors, kitFormOptions, showServerErrors } from '../../components/form-kit';
import { ChoiceGroup, TextBox } from '../decisions/fields';
import { ConfirmDialog } from '../letters/TemplatesDialogs';
import { useLeaveGuard } from '../letters/template-leave';
import { useSaveSettings } from '../letters/template-queries';
import { ChangeDialog } from './ChangeDialog';
import { SettingRow } from './SettingRow';
import {
  checkSettings,
  editionChoices,
  formFrom,
  formPath,
  type EditableKey,
  type SettingsChange,
  type SettingsForm,
} from './settings-model';

/** The settings in groups, as an administrator thinks of them. */
const GROUPS: { id: string; title: string; intro: string; keys: EditableKey[] }[] = [
  {
    id: 'settings-decisions',
    title: 'Decisions',
    intro:
      'How a decision on the type of response becomes final, and what the case holder is called.',
    keys: ['managerSignOff', 'caseHolderTerm'],
  },
  {
    id: 'settings-strategy',
    title: 'Strategy discussions and conferences',
    intro: 'Who must be involved, when the discussion is due and what the conference counts from.',
    keys: ['requiredRoles', 'strategyDiscussionWorkingDays', 'icpcAnchor'],
  },
  {
    id: 'settings-hours',
    title: 'Office hours and the decision clock',
    intro: 'When the one working day to decide starts for a referral received out of hours.',
    keys: ['officeHoursStart', 'officeHoursEnd', 'outOfHoursRule'],
  },
  {
    id: 'settings-child',
    title: 'Assessments and seeing the child',
    intro: 'Local standards the guidance leaves to each authority.',
    keys: [
      'internalReviewWorkingDays',
      'seeChildWithinHours',
      'seeChildInNeedWorkingDays',
      'ladoReferralWorkingDays',
    ],
  },
  {
    id: 'settings-statutory',
    title: 'Statutory timescales',
    intro:
      'Set by the guidance or regulations. Local policy can set a shorter time, never a longer one.',
    keys: [
      'assessmentWorkingDays',
      'icpcWorkingDays',
      'firstCoreGroupWorkingDays',
      'firstReviewMonths',
      'reviewIntervalMonths',
      'privateFosteringVisitWorkingDays',
    ],
  },
];

export function SettingsPage(): ReactElement {
  const settings = useSettings();
  const session = useSession();
  // Kept here: a save or someone else's save gives new settings, and the form starts afresh.
  const [notice, setNotice] = useState<{ kind: 'saved' | 'stale'; text: string } | null>(null);
  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <Box>
        <Typography variant="h1" gutterBottom>
          Settings
        </Typography>
        <Typography color="text.secondary">
          The Working Together edition your authority follows and your local policy on top of it.
          Each setting shows the edition&apos;s default and where it comes from. Before anything is
          saved you see what the change does.
        </Typography>
      </Box>
      {settings.isPending ? (
        <Loading label="Loading the settings…" />
      ) : settings.isError ? (
        <ErrorPanel
          title="The settings could not be loaded"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <SettingsFormView
          key={settings.data.version}
          settings={settings.data}
          notice={notice}
          onNotice={setNotice}
          onReload={() => void settings.refetch()}
        />
      )}
      {/* Saved on their own, so outside the settings form. */}
      {session.data ? (
        <Section
          id="settings-lock-backups"
          title="Screen lock and backups"
          intro="Each saves on its own: the screen lock here, backups on the Backups page."
        >
          <IdleLockSetting user={session.data.user} />
          <BackupStatusLine linkToBackups />
        </Section>
      ) : null}
    </Stack>
  );
}

function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'STALE' || error.code === 'CONFLICT');
}

function SettingsFormView(props: {
  settings: SettingsRecord;
  notice: { kind: 'saved' | 'stale'; text: string } | null;
  onNotice: (n: { kind: 'saved' | 'stale'; text: string } | null) => void;
  onReload: () => void;
}): ReactElement {
  const { settings } = props;
  const { control, handleSubmit, setValue, setError, formState, reset } = useForm<
    SettingsForm,
    unknown,
    SettingsChange
  >({
    defaultValues: formFrom(settings),
    ...kitFormOptions((f: SettingsForm) => checkSettings(settings, f)),
  });
  const form = useWatch({ control }) as SettingsForm;
  const errors = flatErrors(formState.errors);
  const dirty = formState.isDirty;
  const [pending, setPending] = useState<{
    change: SettingsChange;
    preview: SettingsPreview;
  } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const [leave, setLeave] = useState<(() => void) | null>(null);
  const status = useRef<HTMLDivElement | null>(null);
  const preview = useMutation<SettingsPreview, Error, SettingsChange>({
    mutationFn: (change) => call('settings:preview', change),
  });
  const save = useSaveSettings();
  // The outcome of a save takes focus, so a screen reader hears it and the place is not lost.
  const notice = props.notice;
  useEffect(() => {
    if (notice) status.current?.focus();
  }, [notice]);
  useLeaveGuard(dirty && !save.isPending, (go) => {
    setLeave(() => go);
  });

  const set = (path: Path<SettingsForm>, value: unknown): void => {
    setValue(path, value as never, { shouldDirty: true });
    setUnchanged(false);
    if (props.notice?.kind === 'saved') props.onNotice(null);
  };
  const setRule = (
    key: EditableKey,
    patch: Partial<SettingsForm['overrides'][EditableKey]>,
  ): void => {
    set(`overrides.${key}`, { ...form.overrides[key], ...patch });
  };

  const serverErrors = (fieldErrors: Record<string, string>): void => {
    const mapped: Record<string, string> = {};
    for (const [path, message] of Object.entries(fieldErrors)) mapped[formPath(path)] ??= message;
    showServerErrors(setError, mapped);
  };

  const check = async (change: SettingsChange): Promise<void> => {
    setFailure(null);
    props.onNotice(null);
    if (!dirty) {
      setUnchanged(true);
      return;
    }
    try {
      const result = await preview.mutateAsync(change);
      setPending({ change, preview: result });
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors) serverErrors(error.fieldErrors);
      else setFailure(errorMessage(error));
    }
  };

  const confirm = async (): Promise<void> => {
    if (!pending) return;
    setFailure(null);
    // mutateAsync, not mutate's callbacks: the saved settings give a new version, which remounts
    // this form, and a mutate callback would not run once it has unmounted.
    try {
      await save.mutateAsync({ version: settings.version, ...pending.change });
      props.onNotice({
        kind: 'saved',
        text: 'Settings saved. Front Door uses them from now on, and the change is in the audit log.',
      });
    } catch (error) {
      if (isStale(error)) {
        setPending(null);
        reset(undefined, { keepValues: true });
        props.onNotice({
          kind: 'stale',
          text: `Your changes were not saved: someone else saved the settings while you were working. ${errorMessage(error)} The page now shows their settings; make your change again if it is still needed.`,
        });
        props.onReload();
      } else if (error instanceof ApiError && error.fieldErrors) {
        setPending(null);
        serverErrors(error.fieldErrors);
      } else {
        setFailure(errorMessage(error));
      }
    }
  };

  const rows = (keys: EditableKey[]): ReactElement[] =>
    keys.map((key) => (
      <SettingRow
        key={key}
        name={key}
        form={form}
        error={errors[`overrides.${key}`]}
        noteError={errors[`overrides.${key}.note`]}
        onValue={(value) => {
          setRule(key, { local: true, value });
        }}
        onNote={(note) => {
          setRule(key, { note });
        }}
        onReset={() => {
          setRule(key, { local: false, value: '', note: '' });
        }}
      />
    ));

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void handleSubmit(check)();
      }}
    >
      <Stack spacing={3}>
        {props.notice ? (
          <Alert
            severity={props.notice.kind === 'saved' ? 'success' : 'warning'}
            role={props.notice.kind === 'saved' ? 'status' : 'alert'}
            ref={status}
            tabIndex={-1}
          >
            {props.notice.text}
          </Alert>
        ) : null}
        <ErrorSummary errors={summaryFromFieldErrors(errors)} title="The settings were not saved" />
        {failure && !pending ? (
          <Alert severity="error">The change could not be checked: {failure}</Alert>
        ) : null}
        <Section
          id="settings-edition"
          title="Guidance edition"
          intro="Every rule below starts from this edition. Changing it keeps your local policy on top of the new edition."
        >
          <ChoiceGroup
            path="edition"
            legend="Working Together edition your authority follows"
            options={editionChoices()}
            value={form.edition}
            error={errors.edition}
            onChange={(value) => {
              set('edition', value);
            }}
          />
        </Section>
        {GROUPS.map((g) => (
          <Section key={g.id} id={g.id} title={g.title} intro={g.intro} spacing={2.5}>
            {rows(g.keys)}
          </Section>
        ))}
        <Section
          id="settings-documents"
          title="Documents and calendar invites"
          intro="What every document and calendar invite about a child carries."
        >
          <TextBox
            path="organisation.marking"
            label="Protective marking"
            hint="Printed at the top and bottom of every page and on calendar invites. Default: OFFICIAL-SENSITIVE; some authorities add PERSONAL."
            value={form.organisation.marking}
            error={errors['organisation.marking']}
            width={480}
            onChange={(value) => {
              set('organisation.marking', value);
            }}
          />
          <ChoiceGroup
            path="organisation.inviteInitials"
            legend="What text calendar invites may carry"
            hint="Calendar entries never carry a child's name."
            options={[
              { value: 'no', label: 'The case reference only' },
              { value: 'yes', label: "The case reference and the children's initials" },
            ]}
            value={form.organisation.inviteInitials}
            error={errors['organisation.inviteInitials']}
            onChange={(value) => {
              set('organisation.inviteInitials', value);
            }}
          />
          <Typography variant="body2" color="text.secondary">
            The wording of letters is set on the{' '}
            <Link component={RouterLink} to="/letters/templates">
              Letter templates
            </Link>{' '}
            page; the letterhead on the{' '}
            <Link component={RouterLink} to="/admin/organisation">
              Organisation
            </Link>{' '}
            page.
          </Typography>
        </Section>
        {unchanged ? (
          <Alert severity="info" role="status">
            You have not changed anything, so there is nothing to save.
          </Alert>
        ) : null}
        <Box>
          <Button type="submit" variant="contained" disabled={preview.isPending}>
            {preview.isPending ? 'Checking…' : 'Check and save the settings'}
          </Button>
        </Box>
      </Stack>
      <ChangeDialog
        open={pending !== null}
        sentences={pending?.preview.sentences ?? []}
        saving={save.isPending}
        failure={failure}
        onSave={() => void confirm()}
        onCancel={() => {
          setPending(null);
          setFailure(null);
        }}
      />
      <ConfirmDialog
        open={leave !== null}
        title="Leave without saving?"
        confirm="Leave and lose my changes"
        cancel="Stay and keep editing"
        onCancel={() => {
          setLeave(null);
        }}
        onConfirm={() => {
          const go = leave;
          setLeave(null);
          go?.();
        }}
      >
        You have changed the settings and not saved them. If you leave now, your changes are lost.
      </ConfirmDialog>
    </Box>
  );
}
