// The referral page (issue 4): everything captured, the clocks, the decision(s) and what they set
// in motion, the chronology with significant events, and the audit of who viewed and changed it.

import type { ReactElement, ReactNode } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  REFERRAL_STATUS_LABELS,
  type AppUser,
  type ReferralChildRecord,
  type ReferralRecord,
  type SettingsRecord,
} from '../../../../shared/domain/records';
import { CONSENT_STATUS_LABELS, lawfulBasisSummary } from '../../../../shared/validation/consent';
import { approximateAgeText, childSexLabel } from '../../../../shared/validation/child';
import { formatNhsNumber } from '../../../../shared/validation/formats';
import { REFERRAL_CHANNEL_LABELS } from '../../../../shared/validation/referral';
import { FEEDBACK_METHOD_LABELS } from '../../../../shared/validation/referrer';
import { useQuery } from '@tanstack/react-query';
import { ApiError, call } from '../../api/client';
import { SavePdfButton } from '../../components/SavePdfButton';
import { useReferral, useSession, useSettings } from '../../api/queries';
import { ClockChip } from '../../components/ClockChip';
import { formatDateTime, formatDayDate, formatUkDate, londonDay } from '../../components/format';
import { useNow } from '../../components/now';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { DecisionCard } from '../decisions/DecisionCard';
import { useAssign } from '../decisions/decision-queries';
import { lastReturn, returnedText } from '../decisions/returned';
import { ageInYears } from '../queue/queue-model';
import { AuditTrail } from './AuditSection';
import { ClocksList, HowWeCount } from './ClocksSection';
import { ProgressSection } from './ProgressSection';
import { Chronology } from './ChronologySection';
import { LinkChildren, unresolvedChildren } from './LinkChildren';
import { HouseholdMemberSafety, ReferrerText } from './ReferrerFacts';
import { YES_NO_UNKNOWN, addressText, factorLabel, referralClocks } from './referral-model';
import { Section } from '../../components/Section';
import { Facts } from '../../components/Facts';
import { discussionCalledFor, ReferralDiscussions } from '../strategy/ReferralDiscussions';
import { canCall } from '../../../../shared/ipc/access';
import type { Channel } from '../../../../shared/ipc/contract';
import { canWorkLetters, ReferralLetters } from '../letters/ReferralLetters';

export function ReferralPage(): ReactElement {
  const id = useParams().id ?? '';
  const referral = useReferral(id);
  const settings = useSettings();
  const session = useSession();

  return (
    <Stack spacing={3} sx={{ maxWidth: 1040 }}>
      <Box>
        <Button component={RouterLink} to="/" startIcon={<ArrowBackIcon />}>
          Back to the queue
        </Button>
      </Box>
      {referral.isPending || settings.isPending || session.isPending ? (
        <Loading label="Opening the referral…" />
      ) : null}
      {referral.isError || settings.isError ? (
        <ErrorPanel
          title="The referral could not be opened"
          error={referral.error ?? settings.error}
          onRetry={() => {
            void referral.refetch();
            void settings.refetch();
          }}
        />
      ) : null}
      {referral.data && settings.data && session.data ? (
        <Page r={referral.data} settings={settings.data} user={session.data.user} />
      ) : null}
    </Stack>
  );
}

function Page(props: { r: ReferralRecord; settings: SettingsRecord; user: AppUser }): ReactElement {
  const { r, settings, user } = props;
  const now = useNow();
  const today = londonDay(now);
  const location = useLocation();
  const justRecorded =
    typeof location.state === 'object' &&
    location.state !== null &&
    'decisionRecorded' in location.state;
  const names = r.children.map((c) => c.displayName).join(', ');
  // Each control is shown exactly when the call it makes would be allowed (shared/ipc/access.ts).
  const may = (channel: Channel): boolean => canCall(channel, user);
  const clocks = referralClocks(r, settings, now);
  const ordered = [...r.decisions].reverse();
  // Read defensively: a record saved before a field existed must still open.
  const input: Partial<ReferralRecord['input']> = r.input;
  const sharing = input.informationSharing ?? [];
  // A decision the manager returned is unmissable: at the top, with what they asked for.
  const returned = lastReturn(r);
  // Strategy discussions (issue 12): first on the page when the decision calls for one.
  const strategyRole = may('strategy:list-for-referral');
  const strategyFirst = strategyRole && discussionCalledFor(r);

  return (
    <>
      <Box>
        <Typography variant="h1" gutterBottom>
          {names}
        </Typography>
        <Stack
          direction="row"
          spacing={1.5}
          useFlexGap
          sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
        >
          <ClockChip
            status={
              r.status === 'awaiting-decision' ? (clocks.clocks[0]?.status ?? r.clock) : r.clock
            }
          />
          <Chip label={REFERRAL_STATUS_LABELS[r.status]} variant="outlined" />
          <Typography color="text.secondary">Reference {r.reference}</Typography>
        </Stack>
      </Box>

      {justRecorded ? (
        <Alert severity="success">
          <AlertTitle>Decision recorded</AlertTitle>
          {r.status === 'awaiting-sign-off'
            ? 'It is now waiting for a manager to sign it off. What happens next is listed below.'
            : 'What happens next is listed below.'}
        </Alert>
      ) : null}

      {r.input.immediateProtectionMayBeNeeded ? (
        <Alert severity="error">The referrer said the child may need immediate protection.</Alert>
      ) : null}

      {returned ? (
        <Alert severity="warning" data-testid="returned-notice" sx={{ borderLeft: 6 }}>
          <AlertTitle>A manager returned the decision</AlertTitle>
          {returnedText(returned, { withDate: true })}
          {may('decisions:record') && r.status === 'awaiting-decision'
            ? ' Record the decision again: the previous answers will be filled in for you to change.'
            : ''}
        </Alert>
      ) : null}

      <NextStep r={r} user={user} />

      {strategyFirst ? <ReferralDiscussions referral={r} user={user} /> : null}

      {may('people:link') && unresolvedChildren(r).length > 0 ? (
        <Section spacing={0} id="sec-link" title="Already known?" focusable>
          <LinkChildren r={r} />
        </Section>
      ) : null}

      <Section spacing={0} id="sec-clocks" title="Clocks">
        <ClocksList clocks={clocks.clocks} bankHolidays={settings.bankHolidays ?? null} />
        <HowWeCount settings={settings} />
      </Section>

      {ordered.length > 0 ? (
        <Section
          spacing={0}
          id="sec-decisions"
          title={ordered.length === 1 ? 'Decision' : 'Decisions'}
        >
          {ordered.map((d) => (
            <DecisionCard key={d.id} decision={d} user={user} />
          ))}
        </Section>
      ) : null}

      {ordered.length > 0 || r.progress.length > 0 ? (
        <Section spacing={0} id="sec-progress" title="Progress since the decision">
          <ProgressSection
            referral={r}
            canRecord={may('progress:record')}
            canWithdraw={may('progress:withdraw')}
            hasInitialAssessment={settings.policy.initialAssessmentWorkingDays !== null}
          />
        </Section>
      ) : null}

      {strategyRole && !strategyFirst ? <ReferralDiscussions referral={r} user={user} /> : null}

      {/* Issue 13: who was told what and how; letters due, made and sent. */}
      {canWorkLetters(user) ? <ReferralLetters referral={r} settings={settings} /> : null}

      <Section spacing={0} id="sec-concern" title="The concern">
        <Typography sx={{ whiteSpace: 'pre-wrap', maxWidth: '75ch', mb: 2 }}>
          {r.input.concern}
        </Typography>
        <Facts
          items={[
            ["Child's whereabouts now", r.input.currentWhereabouts],
            [
              'Immediate protection may be needed',
              r.input.immediateProtectionMayBeNeeded ? 'Yes' : 'No',
            ],
            [
              'Assessment factors',
              r.assessmentFactors.length === 0 ? (
                'None recorded'
              ) : (
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {r.assessmentFactors.map((f) => (
                    <li key={f}>{factorLabel(f)}</li>
                  ))}
                </Box>
              ),
            ],
            ['Parents know about the referral', known(input.parentsAware)],
            ['Parents agree with the referral', known(input.parentsAgree)],
            ...(r.input.parentsReason
              ? ([['Why', r.input.parentsReason]] as [string, ReactNode][])
              : []),
          ]}
        />
      </Section>

      <Section spacing={0} id="sec-children" title={r.children.length === 1 ? 'Child' : 'Children'}>
        <Stack spacing={3}>
          {r.children.map((c) => (
            <ChildFacts key={c.id} c={c} today={today} />
          ))}
        </Stack>
      </Section>

      <Section spacing={0} id="sec-household" title="Household and parental responsibility">
        {r.householdMembers.length === 0 ? (
          <Typography color="text.secondary">No household members recorded.</Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {r.householdMembers.map((h) => (
              <Box
                component="li"
                key={h.id}
                sx={{ py: 1.25, borderTop: 1, borderColor: 'divider' }}
              >
                <Typography sx={{ fontWeight: 600 }}>
                  {h.member.givenNames} {h.member.familyName}{' '}
                  <Box component="span" sx={{ fontWeight: 400, color: 'text.secondary' }}>
                    ({h.member.relationship})
                  </Box>
                </Typography>
                <Typography color="text.secondary">
                  {h.member.parentalResponsibility
                    ? 'Has parental responsibility'
                    : 'No parental responsibility'}
                  {' · '}
                  {h.member.livesInHousehold
                    ? 'Lives in the household'
                    : 'Does not live in the household'}
                  {h.member.dateOfBirth ? ` · Born ${formatUkDate(h.member.dateOfBirth)}` : ''}
                </Typography>
                <HouseholdMemberSafety member={h.member} />
                {h.member.notes ? <Typography sx={{ mt: 0.5 }}>{h.member.notes}</Typography> : null}
              </Box>
            ))}
          </Box>
        )}
      </Section>

      <Section spacing={0} id="sec-received" title="Received and referrer">
        <Facts
          items={[
            ['Received', formatDateTime(r.receivedAt)],
            ...(clocks.receipt.outOfHours
              ? ([['Out of hours', clocks.receipt.reason]] as [string, ReactNode][])
              : []),
            ['How', REFERRAL_CHANNEL_LABELS[r.channel]],
            ['Clock counted from', formatDayDate(r.countedFrom)],
            ['Referrer', <ReferrerText key="referrer" r={r} />],
            [
              'Feedback',
              r.referrer.wantsFeedback
                ? `Wants to hear what happens (${FEEDBACK_METHOD_LABELS[r.referrer.feedbackMethod]})`
                : 'No feedback wanted',
            ],
            ['Referral source code', r.sourceCode],
            ['Assigned to', r.assignedTo?.displayName ?? 'Unassigned'],
          ]}
        />
      </Section>

      <Section spacing={0} id="sec-consent" title="Consent and information sharing">
        <Facts items={[['Consent', consentText(r)]]} />
        {sharing.length === 0 ? (
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            No information-sharing decisions recorded.
          </Typography>
        ) : (
          <Box component="ul" sx={{ mt: 2, mb: 0, p: 0, listStyle: 'none' }}>
            {sharing.map((e, i) => (
              <Box
                component="li"
                key={`${e.date}-${String(i)}`}
                sx={{ py: 1.25, borderTop: 1, borderColor: 'divider' }}
              >
                <Typography sx={{ fontWeight: 600 }}>
                  {formatUkDate(e.date)}: {e.decision === 'shared' ? 'Shared' : 'Not shared'} with{' '}
                  {e.withWhom}
                </Typography>
                <Typography>{e.what}</Typography>
                <Typography color="text.secondary">
                  Why: {e.why}
                  {lawfulBasisSummary(e) ? ` · ${lawfulBasisSummary(e) ?? ''}` : ''} · Recorded by{' '}
                  {e.recordedBy}
                </Typography>
              </Box>
            ))}
          </Box>
        )}
      </Section>

      <Section spacing={0} id="sec-chronology" title="What has happened">
        <Chronology referral={r} canAdd={may('referrals:add-event')} />
      </Section>

      {may('audit:list') ? (
        <Section spacing={0} id="sec-audit" title="Who has viewed and changed this">
          <AuditTrail referralId={r.id} />
        </Section>
      ) : null}
    </>
  );
}

function NextStep(props: { r: ReferralRecord; user: AppUser }): ReactElement | null {
  const { r, user } = props;
  const may = (channel: Channel): boolean => canCall(channel, user);
  const assign = useAssign();
  const canCorrect = may('referrals:update');
  // A correction in progress (autosaved): offer to carry on with it rather than start again.
  const correcting = useQuery({
    queryKey: ['drafts', 'get', 'referral-edit', r.id],
    queryFn: () => call('drafts:get', { kind: 'referral-edit', key: r.id }),
    enabled: canCorrect && may('drafts:get'),
  });
  if (!may('referrals:export-pdf')) return null;
  const mine = r.assignedTo?.id === user.id;
  const unresolved = unresolvedChildren(r);
  const stale =
    assign.error instanceof ApiError &&
    (assign.error.code === 'STALE' || assign.error.code === 'CONFLICT');
  return (
    <Paper variant="outlined" sx={{ p: 3, borderLeft: 6, borderLeftColor: 'primary.main' }}>
      <Stack spacing={2}>
        <Typography>
          {r.status === 'awaiting-decision'
            ? `A decision on the type of response is due by ${formatDayDate(r.decisionDue)}.${
                unresolved.length > 0
                  ? ` First check whether ${unresolved.length === 1 ? `child ${String(unresolved[0])} is` : 'the children are'} already known, below.`
                  : ''
              }`
            : r.status === 'awaiting-sign-off'
              ? may('decisions:sign-off')
                ? 'The decision below is waiting for sign-off: review it, then agree it or return it with a comment.'
                : 'The decision is waiting for a manager to sign it off.'
              : 'The decision has been made.'}{' '}
          {r.assignedTo
            ? `Assigned to ${mine ? 'you' : r.assignedTo.displayName}.`
            : 'Not assigned to anyone yet.'}
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {r.status === 'awaiting-decision' && unresolved.length > 0 && may('people:link') ? (
            <Button
              variant="contained"
              size="large"
              onClick={() => {
                // Focus scrolls the section into view and tells a screen reader where it is.
                document.getElementById('sec-link')?.focus();
              }}
            >
              Check existing records
            </Button>
          ) : null}
          {r.status === 'awaiting-decision' &&
          unresolved.length === 0 &&
          may('decisions:record') ? (
            <Button
              component={RouterLink}
              to={`/referrals/${r.id}/decision`}
              variant="contained"
              size="large"
            >
              Record decision
            </Button>
          ) : null}
          {canCorrect ? (
            <Button component={RouterLink} to={`/referrals/${r.id}/edit`} variant="outlined">
              {correcting.data ? 'Continue your corrections' : 'Correct details'}
            </Button>
          ) : null}
          <SavePdfButton
            label="Save referral as PDF"
            make={() => call('referrals:export-pdf', { id: r.id })}
          />
          {!may('referrals:assign') ? null : mine ? (
            <Button
              variant="outlined"
              disabled={assign.isPending}
              onClick={() => {
                assign.mutate({ id: r.id, version: r.version, userId: null });
              }}
            >
              Unassign
            </Button>
          ) : (
            <Button
              variant="outlined"
              disabled={assign.isPending}
              onClick={() => {
                assign.mutate({ id: r.id, version: r.version, userId: user.id });
              }}
            >
              Assign to me
            </Button>
          )}
        </Stack>
        {assign.isError ? (
          <Alert severity="warning" role="alert">
            {stale
              ? 'Someone else changed this referral just now, so it was not reassigned. The page now shows their change; try again if you still need to.'
              : assign.error.message}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Yes / No / Not known, or "Not recorded" for older records without the answer. */
function known(v: string | undefined): string {
  return v === undefined ? 'Not recorded' : (YES_NO_UNKNOWN[v] ?? v);
}

function consentText(r: ReferralRecord): string {
  // Older records may lack the consent block: say so rather than fail.
  const input: Partial<ReferralRecord['input']> = r.input;
  const c = input.consent;
  if (c === undefined) return 'Not recorded';
  switch (c.status) {
    case 'given':
      return `${CONSENT_STATUS_LABELS.given} by ${c.givenBy} on ${formatUkDate(c.date)}${c.scope ? ` (${c.scope})` : ''}`;
    case 'refused':
      return `${CONSENT_STATUS_LABELS.refused} by ${c.refusedBy} on ${formatUkDate(c.date)}: ${c.reason}`;
    case 'not-sought':
      return `${CONSENT_STATUS_LABELS['not-sought']}: ${c.reason}`;
  }
}

function ChildFacts(props: { c: ReferralChildRecord; today: string }): ReactElement {
  const { c, today } = props;
  const child = c.child;
  const birth =
    child.status === 'unborn'
      ? `Unborn, expected ${formatUkDate(child.expectedDateOfBirth)}`
      : child.dateOfBirth === undefined
        ? `Not known${child.approximateAge === undefined ? '' : `: ${approximateAgeText(child.approximateAge)} when referred`}`
        : (() => {
            const age = ageInYears(child.dateOfBirth, today);
            return `${formatUkDate(child.dateOfBirth)} (${age < 1 ? 'under 1' : `age ${String(age)}`})`;
          })();
  return (
    <Box>
      <Stack
        direction="row"
        spacing={1.5}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1 }}
      >
        <Typography variant="h3" component="h3" sx={{ fontSize: '1.2rem', fontWeight: 700 }}>
          {c.personId ? (
            <Link component={RouterLink} to={`/people/${c.personId}`}>
              {c.displayName}
            </Link>
          ) : (
            c.displayName
          )}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={c.personId ? 'primary' : 'warning'}
          label={c.personId ? "Linked to the child's record" : 'Not yet checked against records'}
        />
        {c.reReferral ? (
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            label="Re-referral: referred within the last 12 months"
          />
        ) : null}
      </Stack>
      <Facts
        items={[
          [child.status === 'unborn' ? 'Expected' : 'Date of birth', birth],
          [
            'NHS number',
            child.status === 'born' && child.nhsNumber
              ? formatNhsNumber(child.nhsNumber)
              : 'Not recorded',
          ],
          ['Address', addressText(child.address)],
          ['School or nursery', child.school ?? 'Not recorded'],
          ['GP', child.gp ?? 'Not recorded'],
          [
            'Language',
            `${child.firstLanguage ?? 'Not recorded'}${
              child.interpreterNeeded === 'unknown'
                ? ' (whether an interpreter is needed is not known)'
                : child.interpreterNeeded
                  ? ' (interpreter needed)'
                  : ''
            }`,
          ],
          ...(child.status === 'born'
            ? ([
                ['Sex', childSexLabel(child.gender)],
                ['Ethnicity', child.ethnicity ?? 'Not recorded'],
                [
                  'Disability',
                  `${YES_NO_UNKNOWN[child.disability] ?? child.disability}${child.disabilityDetails ? `: ${child.disabilityDetails}` : ''}`,
                ],
              ] as [string, ReactNode][])
            : []),
        ]}
      />
    </Box>
  );
}
