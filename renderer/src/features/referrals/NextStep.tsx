// The referral page's next step: what the worker can do now (take it, record the decision, correct
// the referral, carry on a correction), offered by role and status.

import type { ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AppUser, ReferralRecord } from '../../../../shared/domain/records';
import { useQuery } from '@tanstack/react-query';
import { ApiError, call } from '../../api/client';
import { SavePdfButton } from '../../components/SavePdfButton';
import { formatDayDate } from '../../components/format';
import { useAssign } from '../decisions/decision-queries';
import { unresolvedChildren } from './LinkChildren';
import { canCall } from '../../../../shared/ipc/access';
import type { Channel } from '../../../../shared/ipc/contract';

export function NextStep(props: { r: ReferralRecord; user: AppUser }): ReactElement | null {
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
