// The referral form (new, or a correction of a saved one): a calm single column of sections with
// search-first matches beside it. Autosaved as a draft once there is something worth keeping;
// checked with the same referralSchema the main process uses, and every error shown at once.

import { useMemo, useRef, useState, type ReactElement } from 'react';
import { FormProvider, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { londonNow } from '../../../../shared/calendar';
import { collectionYearFor, selectableAssessmentFactors } from '../../../../shared/codes';
import type { ReferralRecord } from '../../../../shared/domain/records';
import type { ReferralInput } from '../../../../shared/validation';
import { ApiError, call, errorMessage } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formatDateTime } from '../../components/format';
import { useNowSource } from '../../components/now';
import { flatErrors, kitFormOptions, showServerErrors } from '../../components/form-kit';
import { useAutosave } from '../../components/useAutosave';
import { ConflictPanel } from './ConflictPanel';
import { ErrorsContext } from './fields';
import { recordToForm } from './form-from-record';
import { orderedErrors, validateForm } from './form-input';
import { emptyForm, hasMeaningfulAnswer, type ReferralForm } from './form-model';
import { MatchAside } from './MatchAside';
import { ChildrenSection } from './sections/ChildrenSection';
import { ConcernSection } from './sections/ConcernSection';
import { ConsentSection } from './sections/ConsentSection';
import { HouseholdSection } from './sections/HouseholdSection';
import { ReceivedSection } from './sections/ReceivedSection';
import { ReferrerSection } from './sections/ReferrerSection';
import { SharingSection } from './sections/SharingSection';

export type FormMode =
  { kind: 'new' } | { kind: 'edit'; referral: ReferralRecord; baseVersion: number };

/**
 * The draft's autosave and its status line. The only part of the form that watches every value:
 * a keystroke re-renders this line and the field typed in, not every section of the form.
 * A draft is made on the first meaningful answer (not on any keystroke); a correction is a draft
 * from the first change.
 */
function DraftStatus(props: {
  editing: boolean;
  restored: boolean;
  done: { readonly current: boolean };
  save: (form: ReferralForm) => Promise<{ updatedAt: string }>;
}): ReactElement {
  const values = useWatch<ReferralForm>() as ReferralForm;
  const autosave = useAutosave({
    value: values,
    enabled: props.editing || hasMeaningfulAnswer(values),
    done: props.done,
    save: props.save,
  });
  return (
    <Typography color="text.secondary" role="status" data-testid="draft-status">
      {autosave.kind === 'failed'
        ? `Draft not saved: ${autosave.message}`
        : autosave.kind === 'saved'
          ? `Draft saved ${formatDateTime(autosave.at).slice(11)}`
          : autosave.kind === 'saving'
            ? 'Saving the draft…'
            : props.restored
              ? 'Your draft has been restored. Changes save automatically.'
              : 'Changes save automatically as a draft once you start.'}
    </Typography>
  );
}

export function IntakeForm(props: {
  draftKey: string;
  mode: FormMode;
  restored: ReferralForm | null;
}): ReactElement {
  const { mode } = props;
  const editing = mode.kind === 'edit';
  const draftKind = editing ? 'referral-edit' : 'referral';
  // Fixed when the form opens: if the referral is saved underneath (someone else), the correction
  // still goes in against the version it was made from and is refused as stale, never overwriting.
  const [baseVersion, setBaseVersion] = useState(mode.kind === 'edit' ? mode.baseVersion : null);
  const nowSource = useNowSource();
  const now = nowSource();
  const today = londonNow(now).date;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The one kit: react-hook-form, checked on "Save" by validateForm (the shared codecs and the
  // same referralSchema the main process runs), every error at once.
  const methods = useForm<ReferralForm, unknown, ReferralInput>({
    defaultValues:
      props.restored ??
      (mode.kind === 'edit' ? recordToForm(mode.referral) : emptyForm(londonNow(now))),
    ...kitFormOptions((form: ReferralForm) => {
      const at = nowSource();
      const result = validateForm(form, londonNow(at).date, { isNewRecord: !editing, now: at });
      return result.ok ? { ok: true, value: result.referral } : result;
    }),
  });
  const { control, getValues, reset, handleSubmit, setError, formState } = methods;
  const children = useFieldArray({ control, name: 'children' });
  const errors = flatErrors(formState.errors);
  const [discardOpen, setDiscardOpen] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ReferralRecord | null>(null);

  // Saved or discarded: leaving the form must not write the draft again.
  const done = useRef(false);

  const year = collectionYearFor(today);
  const factors = useMemo(() => selectableAssessmentFactors(year), [year]);

  const save = async (referral: ReferralInput): Promise<void> => {
    const form = getValues();
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
              referral,
              ...extra,
            })
          : await call('referrals:create', { referral, draftKey: props.draftKey, ...extra });
      if (mode.kind === 'edit') {
        await call('drafts:discard', { kind: 'referral-edit', key: props.draftKey });
      }
      done.current = true;
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      void navigate(`/referrals/${record.id}`, { state: { saved: true } });
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors) {
        const fe: Record<string, string> = {};
        for (const [k, v] of Object.entries(e.fieldErrors)) {
          fe[k.startsWith('referral.') ? k.slice('referral.'.length) : k] = v;
        }
        showServerErrors(setError, fe);
      } else if (e instanceof ApiError && e.code === 'STALE' && mode.kind === 'edit') {
        // Someone else saved first: show what they changed beside the worker's changes.
        try {
          setConflict(await call('referrals:get', { id: mode.referral.id }));
        } catch (again) {
          setSubmitError(errorMessage(again));
        }
      } else setSubmitError(errorMessage(e));
    }
  };

  const discard = async (): Promise<void> => {
    done.current = true;
    await call('drafts:discard', { kind: draftKind, key: props.draftKey });
    void queryClient.invalidateQueries({ queryKey: ['drafts'] });
    void navigate(mode.kind === 'edit' ? `/referrals/${mode.referral.id}` : '/');
  };

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
              setSubmitError(null);
              void handleSubmit(save)(e);
            }}
          >
            <Stack spacing={1} sx={{ mb: 3 }}>
              <Typography id="new-referral-heading" variant="h1" tabIndex={-1}>
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
              <DraftStatus
                editing={editing}
                restored={props.restored !== null}
                done={done}
                save={(form) =>
                  call('drafts:save', {
                    kind: draftKind,
                    key: props.draftKey,
                    data: baseVersion === null ? form : { form, baseVersion },
                  })
                }
              />
            </Stack>
            <ErrorSummary errors={summary} />
            {submitError ? (
              <Alert severity="error" sx={{ mb: 3 }}>
                {submitError}
              </Alert>
            ) : null}
            {conflict && mode.kind === 'edit' ? (
              <ConflictPanel
                mine={getValues()}
                base={mode.referral}
                theirs={conflict}
                onResolve={(merged) => {
                  // Start again from their version with the chosen values: the next save goes in
                  // against the version now on record.
                  reset(merged);
                  setBaseVersion(conflict.version);
                  setConflict(null);
                }}
                onCancel={() => {
                  setConflict(null);
                }}
              />
            ) : null}

            <Stack spacing={4}>
              <ReceivedSection today={today} />
              <ReferrerSection today={today} />
              <ChildrenSection today={today} fields={children} />
              <HouseholdSection today={today} />
              <ConcernSection factors={factors} />
              <ConsentSection today={today} />
              <SharingSection today={today} />
              <Stack
                direction="row"
                spacing={2}
                sx={{ borderTop: 1, borderColor: 'divider', pt: 3 }}
              >
                <Button
                  type="submit"
                  variant="contained"
                  size="large"
                  disabled={formState.isSubmitting}
                >
                  {formState.isSubmitting
                    ? 'Saving…'
                    : editing
                      ? 'Save corrections'
                      : 'Save referral'}
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
          <MatchAside fields={children.fields} today={today} />
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
