// The decision checklist (domain §2.1): answer the edition's questions, see the recommended
// response update as you go, choose the response and say why, and record the police, family and
// seeing-the-child decisions. Autosaved as a draft; errors in the GOV.UK pattern.

import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { censusFactorIssues } from '../../../../shared/codes';
import type { ReferralRecord, SettingsRecord } from '../../../../shared/domain/records';
import {
  RESPONSE_LABELS,
  RESPONSE_TYPES,
  type ResponseType,
} from '../../../../shared/domain/types';
import { editionLabel } from '../../../../shared/policy';
import { ApiError, call, errorMessage } from '../../api/client';
import { useReferral, useSession, useSettings } from '../../api/queries';
import { ClockChip } from '../../components/ClockChip';
import { ErrorSummary, fieldId, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { formatDateTime } from '../../components/format';
import { useNowSource } from '../../components/now';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { unresolvedChildren } from '../referrals/LinkChildren';
import { ChecklistQuestions, RecommendationPanel } from './ChecklistSection';
import {
  FamilyAgreementField,
  FamilySection,
  PoliceSection,
  Section,
  SeeingChildSection,
} from './DecisionDetails';
import {
  buildDecision,
  emptyDecisionForm,
  formFromDraft,
  orderErrors,
  recommendationFor,
  signOffText,
  stepsDown,
  type DecisionForm,
} from './decision-model';
import { useDecisionDraft, useRecordDecision } from './decision-queries';
import { ChoiceGroup, TextBox } from './fields';

const AUTOSAVE_MS = 800;

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
  return (
    <DecisionFormView
      key={referral.data.id}
      referral={referral.data}
      settings={settings.data}
      decidedBy={session.data.user.displayName}
      initial={restored}
      restoredAt={restored && draft.data ? draft.data.updatedAt : null}
    />
  );
}

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

function DecisionFormView(props: {
  referral: ReferralRecord;
  settings: SettingsRecord;
  decidedBy: string;
  initial: DecisionForm | null;
  restoredAt: string | null;
}): ReactElement {
  const { referral, settings } = props;
  const { policy, edition } = settings;
  const nowSource = useNowSource();
  const navigate = useNavigate();
  const record = useRecordDecision();
  const [form, setForm] = useState<DecisionForm>(() => props.initial ?? emptyDecisionForm());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const dirty = useRef(false);

  // Domain §7: each child is linked or confirmed new before the decision (the service insists).
  const unresolved = unresolvedChildren(referral);
  const recommendation = recommendationFor(edition, form);
  const recommended = recommendation.kind === 'recommended' ? recommendation.response : null;
  const steppingDown = stepsDown(edition, form);
  // CIN census: factor 21 "no factors identified" stands only with no further action.
  const censusWarnings = censusFactorIssues(
    referral.assessmentFactors,
    form.chosenResponse === '' ? undefined : form.chosenResponse,
  );

  // Autosave: a short pause after typing stops; nothing typed is lost.
  useEffect(() => {
    if (!dirty.current) return;
    const timer = window.setTimeout(() => {
      setSave({ kind: 'saving' });
      call('drafts:save', { kind: 'decision', key: referral.id, data: form })
        .then((d) => {
          setSave({ kind: 'saved', at: d.updatedAt });
        })
        .catch(() => {
          setSave({ kind: 'failed' });
        });
    }, AUTOSAVE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [form, referral.id]);

  // Errors stay until the next submit (GOV.UK pattern): clearing them while typing would move
  // focus to the error summary mid-word.
  const update = (patch: Partial<DecisionForm>): void => {
    dirty.current = true;
    setForm((f) => ({ ...f, ...patch }));
  };

  const submit = async (): Promise<void> => {
    setFailure(null);
    const built = buildDecision(form, {
      edition,
      policy,
      decidedBy: props.decidedBy,
      now: nowSource(),
    });
    setErrors(built.errors);
    if (!built.decision) return;
    try {
      await record.mutateAsync({
        referralId: referral.id,
        version: referral.version,
        decision: built.decision,
      });
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors) {
        setErrors(orderErrors(error.fieldErrors));
      } else {
        setFailure(error);
      }
      return;
    }
    await call('drafts:discard', { kind: 'decision', key: referral.id }).catch(() => undefined);
    void navigate(`/referrals/${referral.id}`, { state: { decisionRecorded: true } });
  };

  const err = (path: string): string | undefined => errors[path];
  const differs = form.chosenResponse !== '' && form.chosenResponse !== recommended;
  const names = referral.children.map((c) => c.displayName).join(', ');
  const detailProps = { form, errors, update };

  return (
    <Stack spacing={3} sx={{ maxWidth: 960 }}>
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
          {save.kind === 'saving'
            ? 'Saving your draft…'
            : save.kind === 'saved'
              ? `Draft saved at ${formatDateTime(save.at).slice(11)}`
              : save.kind === 'failed'
                ? 'Your draft could not be saved just now. Keep going; it will be tried again.'
                : ''}
        </Typography>
      </Box>

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
        component="form"
        noValidate
        aria-label="Decision checklist"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack spacing={3}>
          <Section id="sec-checklist" title="The checklist">
            <ChecklistQuestions
              edition={edition}
              form={form}
              errors={errors}
              onAnswer={(answers) => {
                update({ answers });
              }}
            />
          </Section>

          <RecommendationPanel recommendation={recommendation} />

          <Section id="sec-your-decision" title="Your decision">
            <ChoiceGroup<ResponseType>
              path="chosenResponse"
              legend="What type of response have you decided on?"
              hint="You may choose differently from the recommendation; you will be asked why."
              options={RESPONSE_TYPES.map((r) => ({
                value: r,
                label:
                  r === recommended ? `${RESPONSE_LABELS[r]} (recommended)` : RESPONSE_LABELS[r],
              }))}
              value={form.chosenResponse}
              error={err('chosenResponse')}
              onChange={(v) => {
                update({ chosenResponse: v });
              }}
            />
            {steppingDown ? (
              <Alert severity="warning" data-testid="step-down">
                <AlertTitle>This is lower than the safety questions point to</AlertTitle>
                {policy.managerSignOff === 'off'
                  ? 'Your local policy has switched manager sign-off off, so it takes effect when you record it: explain fully why the child is safe without a strategy discussion.'
                  : 'A manager must agree it: the decision will wait for sign-off after you record it. Explain fully why the child is safe without it.'}
              </Alert>
            ) : null}
            {differs ? (
              <TextBox
                path="differsReason"
                label={
                  recommended === null
                    ? 'Why have you chosen this response?'
                    : 'Why have you chosen a different response from the recommendation?'
                }
                value={form.differsReason}
                error={err('differsReason')}
                multiline
                onChange={(v) => {
                  update({ differsReason: v });
                }}
              />
            ) : null}
            <TextBox
              path="rationale"
              label="Reasons for your decision"
              hint="What you know, what you weighed up and why this response. At least 20 characters."
              value={form.rationale}
              error={err('rationale')}
              multiline
              onChange={(v) => {
                update({ rationale: v });
              }}
            />
            <FamilyAgreementField {...detailProps} />
            {censusWarnings.length > 0 ? (
              <Alert severity="info" data-testid="census-warning">
                <AlertTitle>Assessment factors and the census</AlertTitle>
                {censusWarnings.join(' ')} Correct the factors on the referral page if needed.
              </Alert>
            ) : null}
          </Section>

          <PoliceSection {...detailProps} />
          <FamilySection {...detailProps} />
          <SeeingChildSection {...detailProps} policy={policy} />

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
    </Stack>
  );
}
