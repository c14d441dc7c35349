// The referral's strategy discussions, in order, on the referral page, with "Schedule a strategy
// discussion": first and prominent when the decision is a strategy discussion or emergency
// action (WT: a discussion follows as soon as possible), always possible on an open case (new
// information). Nothing to schedule before a decision.

import type { ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AppUser, ReferralRecord } from '../../../../shared/domain/records';
import { canCall } from '../../../../shared/ipc/access';
import { Section } from '../../components/Section';
import { ErrorPanel } from '../../components/StatePanels';
import { slotText, StatusChip } from './DiscussionParts';
import { standingDecision, triggerChoices } from './schedule-model';
import { useReferralDiscussions } from './strategy-queries';

/** Whether the referral's decision calls for a discussion that is not booked yet. */
export function discussionCalledFor(referral: ReferralRecord): boolean {
  const chosen = standingDecision(referral)?.chosen;
  return chosen === 'strategy-discussion' || chosen === 'emergency-action';
}

export function ReferralDiscussions(props: {
  referral: ReferralRecord;
  user: AppUser;
}): ReactElement | null {
  const r = props.referral;
  const schedulable = r.status !== 'closed' && triggerChoices(r).length > 0;
  // Shown exactly when 'strategy:schedule' would be allowed.
  const canSchedule = schedulable && canCall('strategy:schedule', props.user);
  const list = useReferralDiscussions(r.id, schedulable || r.status === 'closed');
  if (!canSchedule && (list.data ?? []).length === 0) return null;
  const items = list.data ?? [];
  const live = items.filter((d) => d.status !== 'cancelled');
  const due = discussionCalledFor(r) && live.length === 0;
  return (
    <Section spacing={0} id="sec-strategy" title="Strategy discussions">
      <Stack spacing={2}>
        {due ? (
          <Alert severity="warning">
            The decision is{' '}
            {standingDecision(r)?.chosen === 'emergency-action'
              ? 'emergency action: a strategy discussion follows as soon as possible.'
              : 'a strategy discussion, and none is booked yet.'}
          </Alert>
        ) : null}
        {list.isError ? (
          <ErrorPanel title="The strategy discussions could not be listed" error={list.error} />
        ) : null}
        {items.length > 0 ? (
          <Box component="ol" sx={{ m: 0, pl: 2.5 }} data-testid="referral-discussions">
            {items.map((d) => (
              <Box component="li" key={d.id} sx={{ mb: 1 }}>
                <Stack
                  direction="row"
                  spacing={1.5}
                  sx={{ alignItems: 'center', flexWrap: 'wrap' }}
                >
                  <Link component={RouterLink} to={`/strategy/${d.id}`} sx={{ fontWeight: 600 }}>
                    Discussion {d.sequence}: {slotText(d.startsAt, d.endsAt)}
                  </Link>
                  <StatusChip status={d.status} />
                  <Typography variant="body2" color="text.secondary">
                    Chair: {d.chair.displayName}
                  </Typography>
                </Stack>
              </Box>
            ))}
          </Box>
        ) : list.isSuccess && !due ? (
          <Typography>No strategy discussion has been scheduled.</Typography>
        ) : null}
        {canSchedule ? (
          <Box>
            <Button
              component={RouterLink}
              to={`/referrals/${r.id}/strategy/new`}
              variant={due ? 'contained' : 'outlined'}
            >
              Schedule a strategy discussion
            </Button>
          </Box>
        ) : null}
      </Stack>
    </Section>
  );
}
