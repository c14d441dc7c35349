// The referral page (issue 4): everything captured, the clocks, the decision(s) and what they set
// in motion, the chronology with significant events, and the audit of who viewed and changed it.

import type { ReactElement, ReactNode } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  REFERRAL_STATUS_LABELS,
  type AppUser,
  type ReferralRecord,
  type SettingsRecord,
} from '../../../../shared/domain/records';
import { lawfulBasisSummary } from '../../../../shared/validation/consent';
import { REFERRAL_CHANNEL_LABELS } from '../../../../shared/validation/referral';
import { FEEDBACK_METHOD_LABELS } from '../../../../shared/validation/referrer';
import { useReferral, useSession, useSettings } from '../../api/queries';
import { ClockChip } from '../../components/ClockChip';
import { formatDateTime, formatDayDate, formatUkDate, londonDay } from '../../components/format';
import { useNow } from '../../components/now';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { DecisionCard } from '../decisions/DecisionCard';
import { lastReturn, returnedText } from '../decisions/returned';
import { AuditTrail } from './AuditSection';
import { ClocksList, HowWeCount } from './ClocksSection';
import { ProgressSection } from './ProgressSection';
import { Chronology } from './ChronologySection';
import { LinkChildren, unresolvedChildren } from './LinkChildren';
import { HouseholdMemberSafety, ReferrerText } from './ReferrerFacts';
import { factorLabel, referralClocks } from './referral-model';
import { Section } from '../../components/Section';
import { Facts } from '../../components/Facts';
import { discussionCalledFor, ReferralDiscussions } from '../strategy/ReferralDiscussions';
import { canCall } from '../../../../shared/ipc/access';
import type { Channel } from '../../../../shared/ipc/contract';
import { canWorkLetters, ReferralLetters } from '../letters/ReferralLetters';
import { NextStep } from './NextStep';
import { ChildFacts, consentText, known } from './ChildFacts';

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
