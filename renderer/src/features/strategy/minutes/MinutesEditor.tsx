// The minutes being written (a first draft, or an amendment's): one form with the shared kit
// (react-hook-form, checked on "Finalise" by the same minutesFinalSchema the main process runs),
// autosaved as a draft while the chair or minute-taker types, then finalised by the chair.

import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type ReactElement,
} from 'react';
import { useForm, useWatch } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  MinutesVersionRecord,
  StrategyDiscussionRecord,
} from '../../../../../shared/domain/strategy';
import type { MinutesFinal } from '../../../../../shared/strategy/minutes';
import { ApiError, call, errorMessage } from '../../../api/client';
import { ErrorSummary, summaryFromFieldErrors } from '../../../components/ErrorSummary';
import { formatDateTime, londonDay } from '../../../components/format';
import { useNowSource } from '../../../components/now';
import { flatErrors, kitFormOptions, showServerErrors } from '../../../components/form-kit';
import { useAutosave, type AutosaveState } from '../../../components/useAutosave';
import {
  AttendanceSection,
  ChildrenSection,
  InformationSection,
  ReasonSection,
  RisksSection,
  type SectionProps,
  type SetField,
} from './MeetingSections';
import { ActionsSection, DissentSection } from './ListSections';
import { DecisionSection, FamilySection, NextSection, SafetySection } from './OutcomeSections';
import { FinaliseDialog } from './MinutesDialogs';
import { checkFinal, draftToSave, formErrorsFromServer, requiredInviteeIds } from './minutes-build';
import {
  formFromMinutes,
  hasSomethingToKeep,
  syncAttendance,
  type MinutesForm,
} from './minutes-form';

function saveText(state: AutosaveState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving the draft…';
    case 'saved':
      return `Draft saved at ${formatDateTime(state.at).slice(11)}`;
    case 'failed':
      return `The draft could not be saved just now (${state.message}). Keep going; it will be tried again.`;
  }
}

export function MinutesEditor(props: {
  discussion: StrategyDiscussionRecord;
  /** The draft being written; null before the first save. */
  draft: MinutesVersionRecord | null;
  canFinalise: boolean;
  /** The discussion after finalising (shown at once, before the page reloads it). */
  onFinalised: (record: StrategyDiscussionRecord) => void;
  /** Someone else saved first: reload the latest minutes. */
  onReload: () => void;
  /** Download this draft as a PDF (after saving what was typed). */
  onDownload: (save: () => Promise<void>) => void;
}): ReactElement {
  const { discussion, draft } = props;
  const nowSource = useNowSource();
  const today = (): string => londonDay(nowSource());
  // The form opens with the saved draft; later saves are this form's own, so it is read once.
  const [initial] = useState(() => formFromMinutes(discussion, draft?.minutes ?? null));
  const { control, handleSubmit, setValue, setError, formState } = useForm<
    MinutesForm,
    unknown,
    MinutesFinal
  >({
    defaultValues: initial,
    ...kitFormOptions((f: MinutesForm) => checkFinal(f, today(), discussion)),
  });
  const form = useWatch({ control }) as MinutesForm;
  // Stable while unchanged, so a keystroke re-renders only the section it is in.
  const flat = flatErrors(formState.errors);
  const errorsJson = JSON.stringify(flat);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const errors = useMemo(() => flat, [errorsJson]);
  const set: SetField = useCallback(
    (path, value) => {
      setValue(path, value, { shouldDirty: true });
    },
    [setValue],
  );

  // Invitees added or taken off while the form is open: their attendance rows follow.
  const inviteeKey = discussion.invitees.map((i) => i.id).join(',');
  useEffect(() => {
    const synced = syncAttendance(form.attendance, inviteeKey === '' ? [] : inviteeKey.split(','));
    if (synced) setValue('attendance', synced);
    // Only when the invitees change; the rows themselves are the form's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inviteeKey]);

  // Saves go one at a time, each with the version the last one returned (the main process
  // refuses a stale version rather than overwrite: architecture §3 optimistic concurrency).
  const version = useRef<number | null>(draft?.version ?? null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [stale, setStale] = useState<string | null>(null);
  const [finalising, setFinalising] = useState(false);
  const done = useRef(false);

  const saveNow = (f: MinutesForm): Promise<{ updatedAt: string }> => {
    const run = async (): Promise<{ updatedAt: string }> => {
      try {
        const saved = await call('strategy:save-minutes', {
          id: discussion.id,
          minutesVersion: version.current,
          minutes: draftToSave(f, today()),
        });
        version.current = saved.version;
        return { updatedAt: saved.savedAt };
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'STALE' || error.code === 'CONFLICT')) {
          setStale(error.message);
        }
        throw error;
      }
    };
    const next = chain.current.then(run, run);
    chain.current = next.catch(() => undefined);
    return next;
  };

  const autosave = useAutosave({
    value: form,
    enabled: !finalising && stale === null && hasSomethingToKeep(form),
    done,
    save: saveNow,
  });

  const [confirm, setConfirm] = useState<MinutesFinal | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const finalise = async (minutes: MinutesFinal): Promise<void> => {
    setFinalising(true);
    setFailure(null);
    try {
      // What is on screen is saved first, so the draft kept is exactly what is finalised.
      await saveNow(form);
      const record = await call('strategy:finalise-minutes', {
        id: discussion.id,
        minutesVersion: version.current ?? 1,
        minutes,
      });
      done.current = true;
      setConfirm(null);
      props.onFinalised(record);
    } catch (error) {
      setFinalising(false);
      if (error instanceof ApiError && error.fieldErrors) {
        setConfirm(null);
        showServerErrors(setError, formErrorsFromServer(error.fieldErrors));
      } else {
        setFailure(errorMessage(error));
      }
    }
  };

  const number = draft?.number ?? 1;
  return (
    <Stack spacing={3}>
      <Box>
        <Typography color="text.secondary">
          A draft until the chair finalises it. The chair and the minute-taker can both write here;
          it is saved as you type.
        </Typography>
        <Typography role="status" variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {saveText(autosave)}
        </Typography>
      </Box>
      {draft?.amendment ? (
        <Alert severity="info">
          <AlertTitle>Version {number} amends the finalised minutes</AlertTitle>
          <Box component="span" sx={{ display: 'block' }}>
            What changes: {draft.amendment.whatChanged}
          </Box>
          <Box component="span" sx={{ display: 'block' }}>
            Why: {draft.amendment.why}
          </Box>
        </Alert>
      ) : null}
      {stale ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" onClick={props.onReload}>
              Load the latest minutes
            </Button>
          }
        >
          <AlertTitle>Someone else saved these minutes</AlertTitle>
          {stale} Your typing since then is not saved: note it down, then load the latest.
        </Alert>
      ) : null}
      <ErrorSummary errors={summaryFromFieldErrors(errors)} />
      <Box
        component="form"
        noValidate
        aria-label="Minutes"
        onSubmit={(e) => {
          setFailure(null);
          void handleSubmit((value) => {
            setConfirm(value);
          })(e);
        }}
      >
        <Stack spacing={3}>
          <MinutesSections form={form} errors={errors} set={set} discussion={discussion} />
          <Stack
            direction="row"
            spacing={2}
            useFlexGap
            sx={{ flexWrap: 'wrap', alignItems: 'center' }}
          >
            {props.canFinalise ? (
              <Button type="submit" variant="contained" size="large" disabled={finalising}>
                Finalise the minutes
              </Button>
            ) : (
              <Typography>
                Only the chair ({discussion.chair.displayName}) or a manager can finalise the
                minutes.
              </Typography>
            )}
            <Button
              variant="outlined"
              onClick={() => {
                props.onDownload(async () => {
                  if (hasSomethingToKeep(form)) await saveNow(form);
                });
              }}
            >
              Download draft minutes (PDF)
            </Button>
          </Stack>
          {failure && confirm === null ? (
            <Typography color="error" role="alert" sx={{ fontWeight: 600 }}>
              {failure}
            </Typography>
          ) : null}
        </Stack>
      </Box>
      <FinaliseDialog
        open={confirm !== null}
        number={number}
        busy={finalising}
        error={failure}
        onCancel={() => {
          setConfirm(null);
          setFailure(null);
        }}
        onConfirm={() => {
          if (confirm) void finalise(confirm);
        }}
      />
    </Stack>
  );
}

type Props = SectionProps & { required?: Set<string> };

/**
 * A section that re-renders only when its own part of the form (or its errors) changes: a long
 * form stays quick to type in.
 */
function bySlice(
  render: (props: Props) => ReactElement,
  keys: readonly (keyof MinutesForm)[],
): ComponentType<Props> {
  const mine = (errors: Record<string, string>): string =>
    JSON.stringify(
      Object.entries(errors).filter(([path]) =>
        keys.some((k) => path === k || path.startsWith(`${k}.`)),
      ),
    );
  return memo(render, (a, b) => {
    const others = (Object.keys(a) as (keyof Props)[]).filter(
      (k) => k !== 'form' && k !== 'errors',
    );
    return (
      others.every((k) => a[k] === b[k]) &&
      (a.errors === b.errors || mine(a.errors) === mine(b.errors)) &&
      keys.every(
        (k) => a.form[k] === b.form[k] || JSON.stringify(a.form[k]) === JSON.stringify(b.form[k]),
      )
    );
  });
}

const Sections = {
  reason: bySlice(ReasonSection, ['reason', 'immediateAction']),
  attendance: bySlice(
    (p) => <AttendanceSection {...p} required={p.required ?? new Set()} />,
    ['attendance'],
  ),
  information: bySlice(InformationSection, ['information']),
  children: bySlice(ChildrenSection, ['childViews']),
  risks: bySlice(RisksSection, ['risks', 'strengths']),
  decision: bySlice(DecisionSection, ['decision']),
  family: bySlice(FamilySection, ['family']),
  safety: bySlice(SafetySection, ['safetyPlan']),
  actions: bySlice(ActionsSection, ['actions']),
  next: bySlice(NextSection, ['next']),
  dissent: bySlice(DissentSection, ['dissent']),
};

function MinutesSections(props: SectionProps): ReactElement {
  const { discussion } = props;
  const required = useMemo(() => requiredInviteeIds(discussion), [discussion]);
  return (
    <>
      <Sections.reason {...props} />
      <Sections.attendance {...props} required={required} />
      <Sections.information {...props} />
      <Sections.children {...props} />
      <Sections.risks {...props} />
      <Sections.decision {...props} />
      <Sections.family {...props} />
      <Sections.safety {...props} />
      <Sections.actions {...props} />
      <Sections.next {...props} />
      <Sections.dissent {...props} />
    </>
  );
}
