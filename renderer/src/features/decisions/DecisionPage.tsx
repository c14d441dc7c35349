// The decision checklist (domain §2.1): answer the edition's questions, see the recommended
// response update as you go, choose the response and say why, and record the police, family and
// seeing-the-child decisions. Autosaved as a draft; errors in the GOV.UK pattern.

import { useEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { checklistFor } from '../../../../shared/checklist';
import type { ReferralRecord, SettingsRecord } from '../../../../shared/domain/records';
import {
  RESPONSE_LABELS,
  RESPONSE_TYPES,
  type ResponseType,
} from '../../../../shared/domain/types';
import { editionLabel } from '../../../../shared/policy';
import {
  FAMILY_WITHHELD_REASONS,
  FAMILY_WITHHELD_REASON_LABELS,
  type AnswerValue,
} from '../../../../shared/validation/decision';
import { ApiError, call, errorMessage } from '../../api/client';
import { useReferral, useSession, useSettings } from '../../api/queries';
import { ClockChip } from '../../components/ClockChip';
import { ErrorSummary, fieldId, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { formatDateTime, londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { unresolvedChildren } from '../referrals/LinkChildren';
import { DateTimeField } from './DateTimeField';
import {
  buildDecision,
  emptyDecisionForm,
  formFromDraft,
  needsLeadPractitioner,
  needsSeeingPlan,
  nowDateTime,
  orderErrors,
  recommendationFor,
  signOffText,
  type DecisionForm,
} from './decision-model';
import { useDecisionDraft, useRecordDecision } from './decision-queries';
import { ChoiceGroup, TextBox } from './fields';

const ANSWER_OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Not known' },
] as const satisfies readonly { value: AnswerValue; label: string }[];

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

function Section(props: { id: string; title: string; children: ReactNode }): ReactElement {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={props.id} sx={{ p: 3 }}>
      <Typography id={props.id} variant="h2" gutterBottom>
        {props.title}
      </Typography>
      <Stack spacing={3}>{props.children}</Stack>
    </Paper>
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

  const checklist = useMemo(() => checklistFor(edition), [edition]);
  // Domain §7: each child is linked or confirmed new before the decision (the service insists).
  const unresolved = unresolvedChildren(referral);
  const recommendation = recommendationFor(edition, form);
  // Never suggest "no further action" before a single question is answered.
  const nothingAnswered = recommendation.unanswered.length === checklist.questions.length;

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
  const differs = form.chosenResponse !== '' && form.chosenResponse !== recommendation.response;
  const names = referral.children.map((c) => c.displayName).join(', ');

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
            {checklist.questions.map((q) => (
              <ChoiceGroup
                key={q.id}
                path={`answers.${q.id}`}
                legend={q.text}
                hint={q.help}
                options={ANSWER_OPTIONS}
                value={form.answers[q.id] ?? ''}
                error={err(`answers.${q.id}`)}
                row
                onChange={(v) => {
                  const answers = { ...form.answers, [q.id]: v };
                  // The police question below follows the checklist's answer until set there.
                  if (q.id === 'crime-suspected' && v !== 'unknown' && form.crimeSuspected === '') {
                    update({ answers, crimeSuspected: v });
                  } else {
                    update({ answers });
                  }
                }}
              />
            ))}
          </Section>

          <Paper
            component="section"
            aria-labelledby="sec-recommendation"
            data-testid="recommendation"
            sx={{ p: 3, bgcolor: 'action.hover', borderLeft: 6, borderColor: 'primary.main' }}
          >
            <Typography id="sec-recommendation" variant="h2" gutterBottom>
              Recommended response
            </Typography>
            {nothingAnswered ? (
              <Typography aria-live="polite">
                Answer the questions above to see the recommended response.
              </Typography>
            ) : (
              <Box aria-live="polite">
                <Typography sx={{ fontWeight: 700, fontSize: '1.25rem' }}>
                  {RESPONSE_LABELS[recommendation.response]}
                </Typography>
                <Box component="ul" sx={{ mt: 1, mb: 0, pl: 2.5 }}>
                  {recommendation.because.map((b) => (
                    <li key={b}>
                      <Typography>{b}</Typography>
                    </li>
                  ))}
                </Box>
                {recommendation.note ? (
                  <Typography color="text.secondary" sx={{ mt: 1 }}>
                    {recommendation.note}
                  </Typography>
                ) : null}
              </Box>
            )}
          </Paper>

          <Section id="sec-your-decision" title="Your decision">
            <ChoiceGroup<ResponseType>
              path="chosenResponse"
              legend="What type of response have you decided on?"
              hint="You may choose differently from the recommendation; you will be asked why."
              options={RESPONSE_TYPES.map((r) => ({
                value: r,
                label:
                  r === recommendation.response && !nothingAnswered
                    ? `${RESPONSE_LABELS[r]} (recommended)`
                    : RESPONSE_LABELS[r],
              }))}
              value={form.chosenResponse}
              error={err('chosenResponse')}
              onChange={(v) => {
                update({ chosenResponse: v });
              }}
            />
            {differs ? (
              <TextBox
                path="differsReason"
                label="Why have you chosen a different response from the recommendation?"
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
          </Section>

          <Section id="sec-police" title="The police">
            <ChoiceGroup
              path="crimeSuspected"
              legend="Has a crime been, or may a crime have been, committed?"
              hint="If so, discuss it with the police at the earliest opportunity and record who you told."
              options={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
              ]}
              value={form.crimeSuspected}
              error={err('crimeSuspected') ?? err('policeNotification')}
              row
              onChange={(v) => {
                update({ crimeSuspected: v });
              }}
            />
            {form.crimeSuspected === 'yes' ? (
              <Stack spacing={3} sx={{ pl: 2, borderLeft: 4, borderColor: 'divider' }}>
                <Typography sx={{ fontWeight: 600 }}>Who you told at the police</Typography>
                <TextBox
                  path="policeNotification.officerName"
                  label="Officer's name"
                  value={form.police.officerName}
                  error={err('policeNotification.officerName')}
                  width={480}
                  onChange={(v) => {
                    update({ police: { ...form.police, officerName: v } });
                  }}
                />
                <TextBox
                  path="policeNotification.rankOrRole"
                  label="Rank or role (optional)"
                  value={form.police.rankOrRole}
                  error={err('policeNotification.rankOrRole')}
                  width={480}
                  onChange={(v) => {
                    update({ police: { ...form.police, rankOrRole: v } });
                  }}
                />
                <TextBox
                  path="policeNotification.forceOrTeam"
                  label="Police force or team"
                  value={form.police.forceOrTeam}
                  error={err('policeNotification.forceOrTeam')}
                  width={480}
                  onChange={(v) => {
                    update({ police: { ...form.police, forceOrTeam: v } });
                  }}
                />
                <Box>
                  <DateTimeField
                    path="policeNotification.notifiedAt"
                    maxDate={londonDay(nowSource())}
                    legend="When you told them"
                    value={form.police.notifiedAt}
                    error={err('policeNotification.notifiedAt')}
                    onChange={(v) => {
                      update({ police: { ...form.police, notifiedAt: v } });
                    }}
                  />
                  <Button
                    size="small"
                    sx={{ mt: 1 }}
                    onClick={() => {
                      update({ police: { ...form.police, notifiedAt: nowDateTime(nowSource()) } });
                    }}
                  >
                    Use the time now
                  </Button>
                </Box>
                <TextBox
                  path="policeNotification.reference"
                  label="Police reference number"
                  value={form.police.reference}
                  error={err('policeNotification.reference')}
                  width={320}
                  onChange={(v) => {
                    update({ police: { ...form.police, reference: v } });
                  }}
                />
              </Stack>
            ) : null}
          </Section>

          <Section id="sec-family" title="The family">
            <ChoiceGroup
              path="familyInformed"
              legend="Will the family be told about this decision?"
              hint="Tell the family unless that would jeopardise a police investigation or put the child at risk of significant harm."
              options={[
                { value: 'yes', label: 'Yes, the family will be told' },
                { value: 'no-withheld', label: 'No, not yet: I will record why' },
              ]}
              value={form.familyInformed}
              error={err('familyInformed')}
              onChange={(v) => {
                update({ familyInformed: v });
              }}
            />
            {form.familyInformed === 'no-withheld' ? (
              <Stack spacing={3} sx={{ pl: 2, borderLeft: 4, borderColor: 'divider' }}>
                <ChoiceGroup
                  path="familyWithheldReason"
                  legend="Why is the family not being told?"
                  options={FAMILY_WITHHELD_REASONS.map((r) => ({
                    value: r,
                    label: FAMILY_WITHHELD_REASON_LABELS[r],
                  }))}
                  value={form.familyWithheldReason}
                  error={err('familyWithheldReason')}
                  onChange={(v) => {
                    update({ familyWithheldReason: v });
                  }}
                />
                <TextBox
                  path="familyWithheldExplanation"
                  label="Explain"
                  value={form.familyWithheldExplanation}
                  error={err('familyWithheldExplanation')}
                  multiline
                  onChange={(v) => {
                    update({ familyWithheldExplanation: v });
                  }}
                />
              </Stack>
            ) : null}
          </Section>

          {needsSeeingPlan(form) ? (
            <Section id="sec-see-child" title="Seeing the child">
              <TextBox
                path="seeingChildPlan"
                label="Who will see the child, and how"
                hint={`See the child as soon as possible (local standard: within ${policy.seeChildWithinHours} hours).`}
                value={form.seeingChildPlan}
                error={err('seeingChildPlan')}
                multiline
                onChange={(v) => {
                  update({ seeingChildPlan: v });
                }}
              />
              <DateTimeField
                path="seeChildBy"
                legend="See the child by (optional)"
                value={form.seeChildBy}
                error={err('seeChildBy')}
                onChange={(v) => {
                  update({ seeChildBy: v });
                }}
              />
              {needsLeadPractitioner(policy, form) ? (
                <TextBox
                  path="leadPractitioner"
                  label="Lead practitioner"
                  hint="Named by a social-work-qualified manager or practice supervisor (Working Together 2023 ch.3)."
                  value={form.leadPractitioner}
                  error={err('leadPractitioner')}
                  width={480}
                  onChange={(v) => {
                    update({ leadPractitioner: v });
                  }}
                />
              ) : null}
            </Section>
          ) : null}

          <Alert
            severity={policy.managerSignOff === 'required' ? 'warning' : 'info'}
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
