// Schedule a strategy discussion (issue 12; domain §2.4): what led to it, when and how it is
// held, who chairs and takes the minutes, and which children are discussed. One form kit: the
// fields are read by schedule-model and checked with the same zod schema `strategy:schedule`
// runs; errors in the GOV.UK pattern, the main process's beside the same fields.

import { useState, type ReactElement } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { AppUser, ReferralRecord } from '../../../../shared/domain/records';
import { RESPONSE_LABELS } from '../../../../shared/domain/types';
import type { ScheduleInput } from '../../../../shared/strategy/schemas';
import {
  EMERGENCY_MEASURE_LABELS,
  EMERGENCY_MEASURES,
  TRIGGER_LABELS,
} from '../../../../shared/strategy/types';
import { ApiError } from '../../api/client';
import { useReferral, useSession, useUsers } from '../../api/queries';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary, summaryFromFieldErrors } from '../../components/ErrorSummary';
import { formatDateTime, londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { flatErrors, kitFormOptions, showServerErrors } from '../../components/form-kit';
import { ChoiceGroup, TextBox } from '../decisions/fields';
import {
  buildSchedule,
  emptyScheduleForm,
  standingDecision,
  triggerChoices,
  type ScheduleForm,
} from './schedule-model';
import { SlotFields } from './SlotFields';
import { useStrategyChange } from './strategy-queries';

export function SchedulePage(): ReactElement {
  const id = useParams().id ?? '';
  const referral = useReferral(id);
  const session = useSession();
  const users = useUsers();
  const back = (
    <Box>
      <Button component={RouterLink} to={`/referrals/${id}`} startIcon={<ArrowBackIcon />}>
        Back to the referral
      </Button>
    </Box>
  );
  if (referral.isError || users.isError) {
    return (
      <Stack spacing={3}>
        {back}
        <ErrorPanel
          title="The scheduling form could not be opened"
          error={referral.error ?? users.error}
          onRetry={() => {
            void referral.refetch();
            void users.refetch();
          }}
        />
      </Stack>
    );
  }
  if (!referral.data || !session.data || !users.data) {
    return (
      <Stack spacing={3}>
        {back}
        <Loading label="Opening the scheduling form…" />
      </Stack>
    );
  }
  if (triggerChoices(referral.data).length === 0) {
    return (
      <Stack spacing={3}>
        {back}
        <Alert severity="info">
          Record the decision on this referral first: a strategy discussion follows a decision,
          emergency action, or new information on an open case.
        </Alert>
      </Stack>
    );
  }
  return (
    <ScheduleFormView
      key={referral.data.id}
      referral={referral.data}
      me={session.data.user}
      users={users.data}
    />
  );
}

function ScheduleFormView(props: {
  referral: ReferralRecord;
  me: AppUser;
  users: AppUser[];
}): ReactElement {
  const { referral } = props;
  const nowSource = useNowSource();
  const navigate = useNavigate();
  const schedule = useStrategyChange('strategy:schedule');
  const [failure, setFailure] = useState<unknown>(null);
  const { control, handleSubmit, setValue, setError, formState } = useForm<
    ScheduleForm,
    unknown,
    ScheduleInput
  >({
    defaultValues: emptyScheduleForm(referral, props.me),
    ...kitFormOptions((f: ScheduleForm) => buildSchedule(f, { referral, now: nowSource() })),
  });
  const form = useWatch({ control }) as ScheduleForm;
  const errors = flatErrors(formState.errors);
  const today = londonDay(nowSource());
  const update = (patch: Partial<ScheduleForm>): void => {
    for (const [key, value] of Object.entries(patch)) {
      setValue(key as keyof ScheduleForm, value as never, { shouldDirty: true });
    }
  };
  const decision = standingDecision(referral);
  const choices = triggerChoices(referral);

  const save = async (input: ScheduleInput): Promise<void> => {
    let created;
    try {
      created = await schedule.mutateAsync(input);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors) {
        showServerErrors(setError, error.fieldErrors);
      } else {
        setFailure(error);
      }
      return;
    }
    void navigate(`/strategy/${created.id}`, { state: { scheduled: true } });
  };

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
          Schedule a strategy discussion
        </Typography>
        <Typography color="text.secondary">
          Reference {referral.reference}
          {decision ? ` · Decision: ${RESPONSE_LABELS[decision.chosen]}` : ''}
        </Typography>
      </Box>
      <ErrorSummary errors={summaryFromFieldErrors(errors)} />
      {failure ? <ErrorPanel title="The discussion was not scheduled" error={failure} /> : null}
      <Box
        component="form"
        noValidate
        aria-label="Schedule a strategy discussion"
        sx={{ maxWidth: 880 }}
        onSubmit={(e) => {
          setFailure(null);
          void handleSubmit(save)(e);
        }}
      >
        <Stack spacing={3}>
          <Section id="sec-trigger" title="What led to this discussion">
            <ChoiceGroup
              path="trigger.kind"
              legend="Reason for the discussion"
              options={choices.map((k) => ({ value: k, label: TRIGGER_LABELS[k] }))}
              value={form.triggerKind}
              error={errors['trigger.kind'] ?? errors['trigger.decisionId'] ?? errors.trigger}
              onChange={(triggerKind) => {
                update({ triggerKind });
              }}
            />
            {form.triggerKind === 'emergency-action' ? (
              <>
                <ChoiceGroup
                  path="trigger.measure"
                  legend="Emergency action taken"
                  options={EMERGENCY_MEASURES.map((m) => ({
                    value: m,
                    label: EMERGENCY_MEASURE_LABELS[m],
                  }))}
                  value={form.measure}
                  error={errors['trigger.measure']}
                  onChange={(measure) => {
                    update({ measure });
                  }}
                />
                <DateTimeField
                  path="trigger.takenAt"
                  legend="When the child was protected"
                  value={form.takenAt}
                  error={errors['trigger.takenAt']}
                  today={today}
                  twoDigitYears="past"
                  maxDate={today}
                  onChange={(takenAt) => {
                    update({ takenAt });
                  }}
                />
                <Alert severity="info">
                  After emergency action a strategy discussion is held as soon as possible.
                </Alert>
              </>
            ) : null}
            {form.triggerKind === 'new-information' ? (
              <TextBox
                path="trigger.summary"
                label="What the new information is"
                hint="A sentence or two: what came in, from whom, and when"
                multiline
                value={form.newInformation}
                error={errors['trigger.summary']}
                onChange={(newInformation) => {
                  update({ newInformation });
                }}
              />
            ) : null}
          </Section>
          <Section id="sec-when" title="When, where and who">
            <SlotFields
              form={form}
              errors={errors}
              users={props.users}
              today={today}
              onChange={update}
            />
          </Section>
          <Typography color="text.secondary">
            Next you add the invitees: the required roles (social worker, health, police and any
            your local policy adds) are listed beside them.
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button type="submit" variant="contained" size="large" disabled={schedule.isPending}>
              {schedule.isPending ? 'Scheduling…' : 'Schedule the discussion'}
            </Button>
            <Button component={RouterLink} to={`/referrals/${referral.id}`}>
              Cancel
            </Button>
          </Stack>
          {schedule.isSuccess ? (
            <Typography role="status">
              Scheduled for {formatDateTime(schedule.data.startsAt)}
            </Typography>
          ) : null}
        </Stack>
      </Box>
    </Stack>
  );
}
