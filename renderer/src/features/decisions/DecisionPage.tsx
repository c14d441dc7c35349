// The decision checklist (WT 2013 ch.1 onward: decide the type of response within one working
// day): answer the edition's questions with the concern, the children's previous involvement and
// the assessment factors beside them, see the recommended response update as you go, choose the
// response and say why, and record the police, family and seeing-the-child decisions. Autosaved
// as a draft (the one useAutosave); errors in the GOV.UK pattern. A decision a manager returned
// opens with its answers filled in and the manager's comment at the top.

import { useCallback, useRef, useState, type ReactElement } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { AnswerValue, Decision } from '../../../../shared/validation';
import type { ReferralRecord, SettingsRecord } from '../../../../shared/domain/records';
import { editionLabel } from '../../../../shared/policy';
import { ApiError, call, errorMessage } from '../../api/client';
import { useReferral, useSession, useSettings } from '../../api/queries';
import { ClockChip } from '../../components/ClockChip';
import { ErrorSummary, fieldId, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { formatDateTime, londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { flatErrors, kitFormOptions, showServerErrors } from '../../components/form-kit';
import { usePick, useSameContent } from '../../components/usePick';
import { useAutosave, type AutosaveState } from '../../components/useAutosave';
import { unresolvedChildren } from '../referrals/LinkChildren';
import { ChecklistQuestions, RecommendationPanel } from './ChecklistSection';
import { DecisionContext } from './DecisionContext';
import { FamilySection, PoliceSection, SeeingChildSection } from './DecisionDetails';
import { TextBox } from './fields';
import {
  FAMILY_FIELDS,
  POLICE_FIELDS,
  RESPONSE_FIELDS,
  SEEING_FIELDS,
  emptyDecisionForm,
  formFromDecision,
  formFromDraft,
  hasSomethingToKeep,
  recommendationFor,
  signOffText,
  stepsDown,
  type DecisionForm,
} from './decision-model';
import { buildDecision, orderErrors } from './decision-build';
import { useDecisionDraft, useRecordDecision } from './decision-queries';
import { ResponseSection } from './ResponseSection';
import { lastReturn, returnedText, type LastReturn } from './returned';

export function DecisionPage(): ReactElement {
  const id = useParams().id ?? '';
  const referral = useReferral(id);
  const settings = useSettings();
  const session = useSession();
  const draft = useDecisionDraft(id);

  const back = (
    <Box>
      <Button component={RouterLink} to={`/referrals/${id}`} startIcon={<ArrowBackIcon />}>
        Back to the referral
      </Button>
    </Box>
  );
  if (referral.isError || settings.isError || draft.isError) {
    return (
      <Stack spacing={3}>
        {back}
        <ErrorPanel
          title="The decision checklist could not be opened"
          error={referral.error ?? settings.error ?? draft.error}
          onRetry={() => {
            void referral.refetch();
            void settings.refetch();
            void draft.refetch();
          }}
        />
      </Stack>
    );
  }
  if (!referral.data || !settings.data || !session.data || draft.isPending) {
    return (
      <Stack spacing={3}>
        {back}
        <Loading label="Opening the decision checklist…" />
      </Stack>
    );
  }
  if (referral.data.status !== 'awaiting-decision') {
    return (
      <Stack spacing={3}>
        {back}
        <Alert severity="info">
          <AlertTitle>No decision is needed here now</AlertTitle>
          {referral.data.status === 'awaiting-sign-off'
            ? 'A decision on this referral is waiting for a manager to sign it off.'
            : 'A decision has already been recorded on this referral.'}
        </Alert>
      </Stack>
    );
  }
  const restored = draft.data ? formFromDraft(draft.data.data) : null;
  const returned = lastReturn(referral.data);
  // A draft is the worker's latest word; without one, a returned decision is changed, not retyped.
  const prefilled = restored === null && returned !== null;
  return (
    <DecisionFormView
      key={referral.data.id}
      referral={referral.data}
      settings={settings.data}
      decidedBy={session.data.user.displayName}
      initial={restored ?? (returned ? formFromDecision(returned.decision.decision) : null)}
      restoredAt={restored && draft.data ? draft.data.updatedAt : null}
      returned={returned}
      prefilled={prefilled}
    />
  );
}

function saveText(state: AutosaveState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving your draft…';
    case 'saved':
      return `Draft saved at ${formatDateTime(state.at).slice(11)}`;
    case 'failed':
      return 'Your draft could not be saved just now. Keep going; it will be tried again.';
  }
}

function DecisionFormView(props: {
  referral: ReferralRecord;
  settings: SettingsRecord;
  decidedBy: string;
  initial: DecisionForm | null;
  restoredAt: string | null;
  returned: LastReturn | null;
  /** The form opened with the returned decision's answers. */
  prefilled: boolean;
}): ReactElement {
  const { referral, settings } = props;
  const { policy, edition } = settings;
  const nowSource = useNowSource();
  const navigate = useNavigate();
  const record = useRecordDecision();
  // The one kit: react-hook-form, checked on "Record decision" by buildDecision (the shared
  // decisionSchema and the policy's completeness rules), every error at once.
  const { control, handleSubmit, setValue, getValues, setError, formState } = useForm<
    DecisionForm,
    unknown,
    Decision
  >({
    defaultValues: props.initial ?? emptyDecisionForm(),
    ...kitFormOptions((f: DecisionForm) => {
      const built = buildDecision(f, {
        edition,
        policy,
        decidedBy: props.decidedBy,
        now: nowSource(),
      });
      return built.decision
        ? { ok: true, value: built.decision }
        : { ok: false, errors: built.errors };
    }),
  });
  const form = useWatch({ control }) as DecisionForm;
  // Errors change only on submit: the same object until then, so memoised sections skip.
  const errors = useSameContent(flatErrors(formState.errors));
  const [failure, setFailure] = useState<unknown>(null);
  const [recorded, setRecorded] = useState(false);

  // One autosave for every form: after a pause, and at least once a second while typing. No
  // draft until there is an answer or some text; none once the decision is recorded.
  // Recorded: leaving the page must not write the draft again.
  const done = useRef(false);
  const autosave = useAutosave({
    value: form,
    enabled: !recorded && hasSomethingToKeep(form),
    done,
    save: (data) => call('drafts:save', { kind: 'decision', key: referral.id, data }),
  });

  // Domain §7: each child is linked or confirmed new before the decision (the service insists).
  const unresolved = unresolvedChildren(referral);
  const recommendation = recommendationFor(edition, form);
  const recommended = recommendation.kind === 'recommended' ? recommendation.response : null;
  const steppingDown = stepsDown(edition, form);

  // The sections change the form a few fields at a time. Errors stay until the next submit
  // (GOV.UK pattern): clearing them while typing would move focus to the summary mid-word.
  // Stable (setValue never changes), so memoised parts of the form skip unrelated changes.
  const update = useCallback(
    (patch: Partial<DecisionForm>): void => {
      for (const [key, value] of Object.entries(patch)) {
        setValue(key as keyof DecisionForm, value, {
          shouldDirty: true,
        });
      }
    },
    [setValue],
  );
  // One answer onto the answers as they are now (not as they were when a question last rendered).
  const setAnswer = useCallback(
    (id: string, value: AnswerValue): void => {
      setValue('answers', { ...getValues('answers'), [id]: value }, { shouldDirty: true });
    },
    [getValues, setValue],
  );

  const save = async (decision: Decision): Promise<void> => {
    try {
      await record.mutateAsync({ referralId: referral.id, version: referral.version, decision });
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors) {
        showServerErrors(setError, orderErrors(error.fieldErrors));
      } else {
        setFailure(error);
      }
      return;
    }
    done.current = true;
    setRecorded(true);
    await call('drafts:discard', { kind: 'decision', key: referral.id }).catch(() => undefined);
    void navigate(`/referrals/${referral.id}`, { state: { decisionRecorded: true } });
  };

  const names = referral.children.map((c) => c.displayName).join(', ');
  // Each section sees only its own fields: typing in one re-renders that section, not the rest.
  const responseForm = usePick(form, RESPONSE_FIELDS);
  const policeForm = usePick(form, POLICE_FIELDS);
  const familyForm = usePick(form, FAMILY_FIELDS);
  const seeingForm = usePick(form, SEEING_FIELDS);

  return (
    <Stack spacing={3}>
      <Box>
        <Button
          component={RouterLink}
          to={`/referrals/${referral.id}`}
          startIcon={<ArrowBackIcon />}
        >
          Back to the referral
        </Button>
      </Box>
      <Box>
        <Typography variant="h1" gutterBottom>
          Record the decision
        </Typography>
        <Stack
          direction="row"
          spacing={1.5}
          useFlexGap
          sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
        >
          <Typography sx={{ fontWeight: 600 }}>{names}</Typography>
          <Typography color="text.secondary">Reference {referral.reference}</Typography>
          <ClockChip status={referral.clock} />
        </Stack>
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          Checklist for {editionLabel(edition)}. Your answers are saved as you go.
        </Typography>
        <Typography role="status" variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {saveText(autosave)}
        </Typography>
      </Box>

      {props.returned ? (
        <Alert severity="warning" data-testid="returned-notice" sx={{ borderLeft: 6 }}>
          <AlertTitle>A manager returned the last decision</AlertTitle>
          {returnedText(props.returned, { withDate: true })}
          {props.prefilled
            ? ' Your previous answers are filled in; change what the manager asked for.'
            : ''}
        </Alert>
      ) : null}

      {props.restoredAt ? (
        <Alert severity="info">
          We restored the decision you were working on (saved {formatDateTime(props.restoredAt)}).
        </Alert>
      ) : null}

      {referral.input.immediateProtectionMayBeNeeded ? (
        <Alert severity="error">
          The referrer said the child may need immediate protection: decide now.
        </Alert>
      ) : null}

      <ErrorSummary errors={summaryFromFieldErrors(errors)} />
      {unresolved.length > 0 ? (
        // The summary's link for the server's `children` error lands here.
        <Alert severity="warning" id={fieldId('children')} tabIndex={-1}>
          <AlertTitle>Check existing records first</AlertTitle>
          {unresolved.length === 1
            ? `Child ${String(unresolved[0])} has not been linked to a record or confirmed as new.`
            : `Children ${unresolved.join(', ')} have not been linked to records or confirmed as new.`}{' '}
          The decision can be recorded once that is done on the{' '}
          <RouterLink to={`/referrals/${referral.id}`}>referral page</RouterLink>. Your answers here
          are kept as a draft.
        </Alert>
      ) : null}
      {failure ? <ErrorPanel title="The decision was not saved" error={failure} /> : null}

      <Box
        sx={{
          display: 'grid',
          gap: 3,
          // Beside the form on a wide screen; above it on a narrow one (read it, then decide).
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 320px' },
          alignItems: 'start',
        }}
      >
        <Box sx={{ gridColumn: { lg: 2 }, gridRow: { lg: 1 }, alignSelf: 'stretch' }}>
          <DecisionContext referral={referral} today={londonDay(nowSource())} />
        </Box>
        <Box
          component="form"
          noValidate
          aria-label="Decision checklist"
          sx={{ gridColumn: { lg: 1 }, gridRow: { lg: 1 }, minWidth: 0 }}
          onSubmit={(e) => {
            setFailure(null);
            void handleSubmit(save)(e);
          }}
        >
          <Stack spacing={3}>
            <Section id="sec-checklist" title="The checklist">
              <ChecklistQuestions
                edition={edition}
                answers={form.answers}
                errors={errors}
                onAnswer={setAnswer}
              />
            </Section>

            <RecommendationPanel recommendation={recommendation} />

            <ResponseSection
              form={responseForm}
              errors={errors}
              update={update}
              policy={policy}
              recommended={recommended}
              steppingDown={steppingDown}
              assessmentFactors={referral.assessmentFactors}
            />
            <PoliceSection form={policeForm} errors={errors} update={update} />
            <FamilySection form={familyForm} errors={errors} update={update} />
            <SeeingChildSection form={seeingForm} errors={errors} update={update} policy={policy} />

            <Section id="sec-decided-by" title="Who made the decision">
              <Typography sx={{ mb: 2 }}>
                You are signed in as <strong>{props.decidedBy}</strong>: the decision is recorded in
                your name.
              </Typography>
              <TextBox
                path="onBehalfOf"
                label="Recorded on behalf of (optional)"
                hint="Only if someone else made this decision, for example a manager on the phone. Both names are kept with the decision."
                value={form.onBehalfOf}
                error={errors.onBehalfOf}
                width={480}
                onChange={(v) => {
                  update({ onBehalfOf: v });
                }}
              />
            </Section>

            <Alert
              severity={policy.managerSignOff === 'required' || steppingDown ? 'warning' : 'info'}
              data-testid="sign-off-rule"
            >
              <AlertTitle>Manager sign-off</AlertTitle>
              {signOffText(policy)}
            </Alert>

            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button type="submit" variant="contained" size="large" disabled={record.isPending}>
                {record.isPending ? 'Recording…' : 'Record decision'}
              </Button>
              <Button component={RouterLink} to={`/referrals/${referral.id}`}>
                Come back to it later
              </Button>
            </Stack>
            {failure ? (
              <Typography color="error" role="alert">
                {errorMessage(failure)}
              </Typography>
            ) : null}
          </Stack>
        </Box>
      </Box>
    </Stack>
  );
}
