// A strategy discussion (issue 12; domain §2.4): its details and status, the invitees beside the
// policy's required roles, confirm / change / cancel / mark as held, the calendar invite, its
// history, the documents kept for it, and the minutes (MinutesPanel).

import { useState, type ReactElement } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { AppUser } from '../../../../shared/domain/records';
import type { StrategyDiscussionRecord } from '../../../../shared/domain/strategy';
import { CHANGEABLE_STATUSES } from '../../../../shared/strategy/types';
import { canCall } from '../../../../shared/ipc/access';
import type { Channel } from '../../../../shared/ipc/contract';
import { errorMessage } from '../../api/client';
import { completeHandOver } from '../../api/files';
import { useSession, useUsers } from '../../api/queries';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { MinutesPanel } from './minutes/MinutesPanel';
import { CancelDialog, ConfirmDialog, MarkHeldDialog, RescheduleDialog } from './DiscussionDialogs';
import { DiscussionDetails, DocumentsList, HistoryList, StatusChip } from './DiscussionParts';
import { InviteesSection } from './InviteesPanel';
import { NotIncludedNotice, useInviteEmail } from './InviteEmail';
import {
  useDiscussion,
  useDiscussionDocuments,
  useRefreshStrategy,
  useStrategyChange,
  useStrategyFile,
} from './strategy-queries';

export function DiscussionPage(): ReactElement {
  const id = useParams().id ?? '';
  const discussion = useDiscussion(id);
  const users = useUsers();
  const back = (
    <Box>
      <Button component={RouterLink} to="/strategy" startIcon={<ArrowBackIcon />}>
        My strategy discussions
      </Button>
    </Box>
  );
  if (discussion.isError || users.isError) {
    return (
      <Stack spacing={3}>
        {back}
        <ErrorPanel
          title="The strategy discussion could not be opened"
          error={discussion.error ?? users.error}
          onRetry={() => {
            void discussion.refetch();
            void users.refetch();
          }}
        />
      </Stack>
    );
  }
  if (!discussion.data || !users.data) {
    return (
      <Stack spacing={3}>
        {back}
        <Loading label="Opening the strategy discussion…" />
      </Stack>
    );
  }
  return <Discussion d={discussion.data} users={users.data} />;
}

type Open = 'confirm' | 'cancel' | 'reschedule' | 'held' | null;

function Discussion(props: { d: StrategyDiscussionRecord; users: AppUser[] }): ReactElement {
  const { d } = props;
  const location = useLocation();
  const justScheduled =
    typeof location.state === 'object' && location.state !== null && 'scheduled' in location.state;
  const [status, setStatus] = useState(
    justScheduled ? 'Scheduled. Now invite the people who must take part.' : '',
  );
  const [open, setOpen] = useState<Open>(null);
  const refresh = useRefreshStrategy();
  const confirm = useStrategyChange('strategy:confirm');
  const invite = useStrategyFile('strategy:invite');
  const again = useStrategyFile('documents:download');
  const editable = CHANGEABLE_STATUSES.includes(d.status);
  // Each control is shown exactly when the call it makes would be allowed (shared/ipc/access.ts):
  // a minute-taker sees the discussion and its minutes, not the arranging.
  const user = useSession().data?.user;
  const may = (channel: Channel): boolean => user !== undefined && canCall(channel, user);
  const documents = useDiscussionDocuments(d.id, may('documents:list'));
  const [failure, setFailure] = useState<unknown>(null);
  const email = useInviteEmail(d.id, setStatus, setFailure);

  const downloadInvite = (): void => {
    setFailure(null);
    invite.mutateAsync({ id: d.id }).then(
      (r) => {
        setStatus(completeHandOver(r.outcome));
      },
      (e: unknown) => {
        setFailure(e);
      },
    );
  };
  const onConfirm = (): void => {
    if (d.roleCheck.missing.length > 0) {
      setOpen('confirm');
      return;
    }
    setFailure(null);
    confirm.mutateAsync({ id: d.id, version: d.version }).then(
      () => {
        setStatus('Confirmed. Download the invite and send it to the invitees.');
      },
      (e: unknown) => {
        // A role went missing meanwhile (someone removed an invitee): ask for the reason.
        setFailure(e);
      },
    );
  };

  const minutesFirst = !editable && d.status !== 'cancelled';
  // The minutes panel brings its own heading.
  const minutesPanel = (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <MinutesPanel
        discussion={d}
        onChanged={() => {
          void refresh(d);
        }}
      />
    </Paper>
  );

  return (
    <Stack spacing={3}>
      <Box>
        {may('referrals:get') ? (
          <Button
            component={RouterLink}
            to={`/referrals/${d.referralId}`}
            startIcon={<ArrowBackIcon />}
          >
            Back to referral {d.referralReference}
          </Button>
        ) : (
          <Button component={RouterLink} to="/strategy" startIcon={<ArrowBackIcon />}>
            My strategy discussions
          </Button>
        )}
      </Box>
      <Box>
        <Typography variant="h1" gutterBottom>
          Strategy discussion {d.sequence} for {d.referralReference}
        </Typography>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <StatusChip status={d.status} />
          <Typography color="text.secondary">
            {d.sequence === 1
              ? "The referral's first strategy discussion"
              : `Number ${String(d.sequence)} on this referral`}
          </Typography>
        </Stack>
      </Box>
      <Typography
        role="status"
        data-testid="status-line"
        sx={{ minHeight: '1.5em', fontWeight: 600 }}
      >
        {status}
      </Typography>
      {failure ? <ErrorPanel title="That did not work" error={failure} /> : null}
      {d.status === 'cancelled' ? (
        <Alert severity="info">
          Cancelled. Download the cancellation and send it to the invitees so it leaves their
          calendars.
        </Alert>
      ) : null}

      <Section id="sec-details" title="Details">
        <DiscussionDetails discussion={d} />
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {d.status === 'scheduled' && may('strategy:confirm') ? (
            <Button variant="contained" disabled={confirm.isPending} onClick={onConfirm}>
              Confirm the meeting
            </Button>
          ) : null}
          {d.status !== 'minutes-finalised' && d.status !== 'held' && may('strategy:invite') ? (
            <Button variant="outlined" disabled={invite.isPending} onClick={downloadInvite}>
              {d.status === 'cancelled' ? 'Download cancellation (.ics)' : 'Download invite (.ics)'}
            </Button>
          ) : null}
          {d.status !== 'minutes-finalised' &&
          d.status !== 'held' &&
          may('strategy:invite-email') ? (
            <Button variant="outlined" disabled={email.busy} onClick={email.save}>
              Save email draft (.eml)
            </Button>
          ) : null}
          {editable && may('strategy:update') ? (
            <Button
              variant="outlined"
              onClick={() => {
                setOpen('reschedule');
              }}
            >
              Change time or place
            </Button>
          ) : null}
          {editable && may('strategy:mark-held') ? (
            <Button
              variant="outlined"
              onClick={() => {
                setOpen('held');
              }}
            >
              Mark as held
            </Button>
          ) : null}
          {editable && may('strategy:cancel') ? (
            <Button
              color="error"
              onClick={() => {
                setOpen('cancel');
              }}
            >
              Cancel the discussion
            </Button>
          ) : null}
        </Stack>
        <NotIncludedNotice people={email.notIncluded} />
      </Section>

      <Section
        id="sec-invitees"
        title="Invitees and required roles"
        intro="Family members are not invited. Each invitee should be senior enough to decide for their agency."
      >
        <InviteesSection
          discussion={d}
          editable={editable && may('strategy:add-invitee') && may('strategy:remove-invitee')}
          onStatus={setStatus}
        />
      </Section>

      {/* Before the meeting the documents and history come first; after it, the minutes. */}
      {minutesFirst ? minutesPanel : null}
      {may('documents:list') ? (
        <Section id="sec-documents" title="Documents kept">
          {documents.isError ? (
            <ErrorPanel title="The documents could not be listed" error={documents.error} />
          ) : documents.data ? (
            <DocumentsList
              documents={documents.data}
              busy={again.isPending}
              onDownload={(doc) => {
                again.mutateAsync({ id: doc.id }).then(
                  (r) => {
                    setStatus(completeHandOver(r.outcome));
                  },
                  (e: unknown) => {
                    setStatus(errorMessage(e));
                  },
                );
              }}
            />
          ) : (
            <Loading label="Listing the documents…" />
          )}
        </Section>
      ) : null}

      <Section id="sec-history" title="History">
        <HistoryList discussion={d} />
      </Section>

      {minutesFirst ? null : minutesPanel}

      {open === 'confirm' ? (
        <ConfirmDialog
          discussion={d}
          onDone={(ok) => {
            setOpen(null);
            if (ok) setStatus('Confirmed. Download the invite and send it to the invitees.');
          }}
        />
      ) : null}
      {open === 'cancel' ? (
        <CancelDialog
          discussion={d}
          onDone={(ok) => {
            setOpen(null);
            if (ok) setStatus('Cancelled. Download the cancellation and send it to the invitees.');
          }}
        />
      ) : null}
      {open === 'reschedule' ? (
        <RescheduleDialog
          discussion={d}
          users={props.users}
          onDone={(changed) => {
            setOpen(null);
            if (changed) {
              setStatus(
                changed.moved
                  ? 'Changed. Download the new invite and send it to every invitee.'
                  : 'Changed.',
              );
            }
          }}
        />
      ) : null}
      {open === 'held' ? (
        <MarkHeldDialog
          discussion={d}
          onDone={(ok) => {
            setOpen(null);
            if (ok) setStatus('Marked as held. Record the minutes below.');
          }}
        />
      ) : null}
    </Stack>
  );
}
