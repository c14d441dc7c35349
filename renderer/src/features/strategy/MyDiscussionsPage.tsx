// "My strategy discussions" (issue 12): for the signed-in chair, what is coming up, what needs
// minutes, and which minutes wait to be finalised; and one calendar file with this week's
// invites (those left out are named, with why).

import { useMemo, useState, type ReactElement } from 'react';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { DataGrid, type GridColDef, type GridRowParams } from '@mui/x-data-grid';
import type { StrategyListItem } from '../../../../shared/domain/strategy';
import { STRATEGY_FORMAT_LABELS } from '../../../../shared/strategy/types';
import { parseTypedDate } from '../../../../shared/validation/typed-dates';
import { canCall } from '../../../../shared/ipc/access';
import { ApiError } from '../../api/client';
import { useSession } from '../../api/queries';
import { completeHandOver } from '../../api/files';
import { formatUkDate, londonDay } from '../../components/format';
import { useNowSource } from '../../components/now';
import { Section } from '../../components/Section';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { DateBox } from '../decisions/fields';
import { slotText, StatusChip } from './DiscussionParts';
import { useMyDiscussions, useStrategyFile } from './strategy-queries';

function minutesText(m: StrategyListItem['minutes']): string {
  if (m === null) return 'None yet';
  return m.status === 'finalised'
    ? `Version ${String(m.number)} finalised`
    : `Version ${String(m.number)} draft`;
}

function DiscussionGrid(props: {
  rows: StrategyListItem[];
  labelledBy: string;
  empty: string;
  /** The team's list (a minute-taker's) names each chair; a chair's own list need not. */
  showChair: boolean;
}): ReactElement {
  const navigate = useNavigate();
  const showChair = props.showChair;
  const columns = useMemo<GridColDef<StrategyListItem>[]>(() => {
    const cols: GridColDef<StrategyListItem>[] = [
      {
        field: 'startsAt',
        headerName: 'When (London)',
        width: showChair ? 180 : 190,
        renderCell: (p) => slotText(p.row.startsAt, p.row.endsAt),
      },
      {
        field: 'referralReference',
        headerName: 'Referral',
        // Narrower beside the chair's name, so every column fits at 1280 px without scrolling.
        width: showChair ? 180 : 230,
        renderCell: (p) => (
          <Link component={RouterLink} to={`/strategy/${p.row.id}`} tabIndex={p.tabIndex}>
            {p.row.referralReference} · discussion {p.row.sequence}
          </Link>
        ),
      },
      {
        field: 'format',
        headerName: 'How',
        flex: 1,
        minWidth: showChair ? 90 : 120,
        renderCell: (p) => STRATEGY_FORMAT_LABELS[p.row.format],
      },
      {
        field: 'status',
        headerName: 'Status',
        width: showChair ? 200 : 230,
        renderCell: (p) => <StatusChip status={p.row.status} />,
      },
      {
        field: 'minutes',
        headerName: 'Minutes',
        width: showChair ? 120 : 130,
        sortable: false,
        renderCell: (p) => minutesText(p.row.minutes),
      },
    ];
    if (showChair) {
      cols.splice(2, 0, {
        field: 'chair',
        headerName: 'Chair',
        width: 140,
        sortable: false,
        renderCell: (p) => p.row.chair.displayName,
      });
    }
    return cols.map((c) => ({ ...c, filterable: false, hideable: false }));
  }, [showChair]);
  return (
    <DataGrid
      aria-labelledby={props.labelledBy}
      rows={props.rows}
      columns={columns}
      hideFooter={props.rows.length <= 25}
      autoHeight
      disableColumnFilter
      disableColumnSelector
      disableRowSelectionOnClick
      disableVirtualization
      density="compact"
      // Rows grow to fit their text: a reference or a format is never cut off.
      getRowHeight={() => 'auto'}
      localeText={{ noRowsLabel: props.empty }}
      onRowClick={(p: GridRowParams<StrategyListItem>, event) => {
        if (event.target instanceof Element && event.target.closest('a')) return;
        void navigate(`/strategy/${p.row.id}`);
      }}
      sx={{
        bgcolor: 'background.paper',
        '& .MuiDataGrid-row': { cursor: 'pointer' },
        '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 700 },
        '& .MuiDataGrid-cell': {
          display: 'flex',
          alignItems: 'center',
          py: 0.75,
          whiteSpace: 'normal',
          lineHeight: 1.35,
        },
      }}
    />
  );
}

export function MyDiscussionsPage(): ReactElement {
  const mine = useMyDiscussions();
  const session = useSession();
  const user = session.data?.user;
  // Shown exactly when 'strategy:week-invites' would be allowed (a minute-taker sends none).
  const mayInvite = user !== undefined && canCall('strategy:week-invites', user);
  const team = mine.data?.scope === 'team';
  const nowSource = useNowSource();
  const week = useStrategyFile('strategy:week-invites');
  const [status, setStatus] = useState('');
  const [leftOut, setLeftOut] = useState<{ reference: string; why: string }[]>([]);
  const today = londonDay(nowSource());
  const [weekText, setWeekText] = useState(() => formatUkDate(today));
  const [weekError, setWeekError] = useState<string | undefined>(undefined);

  const downloadWeek = (): void => {
    setStatus('');
    setLeftOut([]);
    const day = parseTypedDate(weekText, { today, twoDigitYears: 'future' });
    if (!day.ok) {
      setWeekError(day.error);
      return;
    }
    setWeekError(undefined);
    week.mutateAsync({ weekOf: day.date }).then(
      (r) => {
        setLeftOut(r.leftOut);
        setStatus(completeHandOver(r.outcome));
      },
      (e: unknown) => {
        // "No discussions that week" belongs beside the date; anything else in the panel below.
        setWeekError(e instanceof ApiError ? e.fieldErrors?.weekOf : undefined);
      },
    );
  };

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1" gutterBottom>
          My strategy discussions
        </Typography>
        <Typography color="text.secondary">
          {team
            ? "The team's discussions whose minutes are not finalised yet. Open one to write the minutes: the chair finalises them."
            : 'The discussions you chair. Open one to invite people, confirm it, or record the minutes.'}
        </Typography>
      </Box>
      {mayInvite ? (
        <Section
          id="sec-week"
          title="Calendar invites for a week"
          intro="One file with every discussion you chair that week (Monday to Sunday), to send or import at once."
        >
          <Stack
            direction="row"
            spacing={2}
            useFlexGap
            sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
          >
            <DateBox
              path="weekOf"
              label="Any day in the week"
              value={weekText}
              error={weekError}
              onChange={setWeekText}
            />
            <Button
              variant="outlined"
              disabled={week.isPending}
              onClick={downloadWeek}
              sx={{ mt: 1 }}
            >
              Download the week&apos;s invites (.ics)
            </Button>
          </Stack>
          <Typography role="status" data-testid="status-line" sx={{ fontWeight: 600 }}>
            {status}
          </Typography>
          {week.isError && !weekError ? (
            <ErrorPanel title="The invites were not made" error={week.error} />
          ) : null}
          {leftOut.length > 0 ? (
            <Alert severity="info" data-testid="left-out">
              <AlertTitle>Not in this week&apos;s file</AlertTitle>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {leftOut.map((l) => (
                  <li key={`${l.reference}:${l.why}`}>
                    {l.reference}: {l.why}
                  </li>
                ))}
              </Box>
            </Alert>
          ) : null}
        </Section>
      ) : null}
      {mine.isError ? (
        <ErrorPanel
          title="Your strategy discussions could not be listed"
          error={mine.error}
          onRetry={() => {
            void mine.refetch();
          }}
        />
      ) : !mine.data ? (
        <Loading label="Listing your strategy discussions…" />
      ) : (
        <>
          <Section
            id="sec-upcoming"
            title={`Upcoming (${String(mine.data.upcoming.length)})`}
            spacing={0}
          >
            <DiscussionGrid
              rows={mine.data.upcoming}
              labelledBy="sec-upcoming"
              empty="No discussions coming up"
              showChair={team}
            />
          </Section>
          <Section
            id="sec-to-minute"
            title={`To minute (${String(mine.data.toMinute.length)})`}
            spacing={0}
          >
            <DiscussionGrid
              rows={mine.data.toMinute}
              labelledBy="sec-to-minute"
              empty="Nothing waiting for minutes"
              showChair={team}
            />
          </Section>
          <Section
            id="sec-to-finalise"
            title={`To finalise (${String(mine.data.toFinalise.length)})`}
            spacing={0}
          >
            <DiscussionGrid
              rows={mine.data.toFinalise}
              labelledBy="sec-to-finalise"
              empty="No draft minutes waiting"
              showChair={team}
            />
          </Section>
        </>
      )}
    </Stack>
  );
}
