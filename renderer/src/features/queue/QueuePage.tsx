import { useMemo, useRef, type KeyboardEvent, type ReactElement } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import UndoIcon from '@mui/icons-material/Undo';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { createWorkingDayCalendar } from '../../../../shared/calendar';
import { QUEUE_FILTERS, type QueueFilter } from '../../../../shared/ipc/contract';
import { useQueue } from '../../api/queries';
import { ClockChip } from '../../components/ClockChip';
import { formatDateTime, formatDayDate, londonDay, workingDays } from '../../components/format';
import { useNow } from '../../components/now';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { DraftsList } from '../intake/DraftsList';
import {
  EMPTY_TEXT,
  FILTER_HEADINGS,
  FILTER_LABELS,
  birthLine,
  isQueueFilter,
  returnedLine,
  sortQueue,
  type QueueRow,
} from './queue-model';

export type QueuePageProps = {
  /** Administrator closure days (settings), so the clocks count working days correctly. */
  closures: readonly string[];
  /** The local decision timescale in working days (policy), for the explanation line. */
  decisionWorkingDays: number;
};

/** Home: referrals awaiting a decision, most urgent first, each with its live clock. */
export function QueuePage(props: QueuePageProps): ReactElement {
  const [params, setParams] = useSearchParams();
  const raw = params.get('filter');
  const filter: QueueFilter = isQueueFilter(raw, QUEUE_FILTERS) ? raw : 'all';
  const queue = useQueue(filter);
  const now = useNow();
  const today = londonDay(now);
  // Keyed on the dates, not the array, so a re-render with equal closures keeps the calendar.
  const closuresKey = props.closures.join(',');
  const calendar = useMemo(
    () => createWorkingDayCalendar({ closures: closuresKey === '' ? [] : closuresKey.split(',') }),
    [closuresKey],
  );
  const rows = useMemo(
    () => (queue.data ? sortQueue(queue.data, today, calendar) : []),
    [queue.data, today, calendar],
  );

  const setFilter = (next: QueueFilter | null) => {
    if (next === null) return;
    setParams(next === 'all' ? {} : { filter: next }, { replace: true });
  };

  return (
    <Stack spacing={3}>
      <Box>
        <Box
          sx={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'flex-start',
            gap: 2,
          }}
        >
          <Typography variant="h1" gutterBottom>
            Referral queue
          </Typography>
          <Button component={RouterLink} to="/referrals/new" variant="contained" size="large">
            New referral
          </Button>
        </Box>
        <Typography color="text.secondary">
          Decide the type of response within {workingDays(props.decisionWorkingDays)} of receiving
          each referral. Today is {formatDayDate(today)}.
        </Typography>
      </Box>

      <DraftsList />

      <ToggleButtonGroup
        exclusive
        value={filter}
        onChange={(_e, next: QueueFilter | null) => {
          setFilter(next);
        }}
        aria-label="Which referrals to show"
        sx={{ flexWrap: 'wrap' }}
      >
        {QUEUE_FILTERS.map((f) => (
          <ToggleButton
            key={f}
            value={f}
            sx={{ px: 2.5, textTransform: 'none', fontSize: '0.95rem' }}
          >
            {FILTER_LABELS[f]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>

      <Paper variant="outlined" component="section" aria-labelledby="queue-heading">
        <Box
          sx={{
            px: 3,
            py: 2,
            display: 'flex',
            alignItems: 'baseline',
            justifyContent: 'space-between',
            gap: 2,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          <Typography id="queue-heading" variant="h2">
            {FILTER_HEADINGS[filter]}
          </Typography>
          {queue.data ? (
            <Typography color="text.secondary" aria-live="polite">
              {rows.length === 1 ? '1 referral' : `${rows.length} referrals`}
            </Typography>
          ) : null}
        </Box>
        <Box sx={{ px: 3, py: queue.data && rows.length > 0 ? 0 : 2 }}>
          {queue.isPending ? <Loading label="Loading the queue…" /> : null}
          {queue.isError ? (
            <ErrorPanel
              title="The queue could not be loaded"
              error={queue.error}
              onRetry={() => void queue.refetch()}
            />
          ) : null}
          {queue.data && rows.length === 0 ? (
            <Typography sx={{ py: 2 }}>{EMPTY_TEXT[filter]}</Typography>
          ) : null}
        </Box>
        {queue.data && rows.length > 0 ? <QueueTable rows={rows} today={today} /> : null}
      </Paper>
    </Stack>
  );
}

function QueueTable(props: { rows: QueueRow[]; today: string }): ReactElement {
  const navigate = useNavigate();
  const body = useRef<HTMLTableSectionElement>(null);
  const open = (id: string) => {
    void navigate(`/referrals/${encodeURIComponent(id)}`);
  };
  const moveFocus = (from: HTMLElement, step: 1 | -1) => {
    const rows = Array.from(body.current?.querySelectorAll<HTMLElement>('tr[data-row]') ?? []);
    const next = rows[rows.indexOf(from) + step];
    next?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveFocus(event.currentTarget, event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <TableContainer>
      <Table
        aria-labelledby="queue-heading"
        sx={{ tableLayout: 'fixed', minWidth: 960, '& td, & th': { px: 3 } }}
      >
        <TableHead>
          <TableRow>
            <TableCell scope="col" sx={{ width: 315 }}>
              Time left
            </TableCell>
            <TableCell scope="col">Children</TableCell>
            <TableCell scope="col">Referrer</TableCell>
            <TableCell scope="col" sx={{ width: 150 }}>
              Received
            </TableCell>
            <TableCell scope="col" sx={{ width: 150 }}>
              Assigned to
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody ref={body}>
          {props.rows.map(({ item, status }) => (
            <TableRow
              key={item.id}
              data-row
              data-testid="queue-row"
              hover
              tabIndex={0}
              onClick={() => {
                open(item.id);
              }}
              onKeyDown={(e) => {
                onKeyDown(e, item.id);
              }}
              sx={{
                cursor: 'pointer',
                verticalAlign: 'top',
                '&:focus-visible': {
                  outline: '3px solid',
                  outlineColor: 'primary.main',
                  outlineOffset: -3,
                },
              }}
            >
              <TableCell>
                <Stack spacing={0.75} sx={{ alignItems: 'flex-start' }}>
                  <ClockChip status={status} />
                  <Typography variant="body2" color="text.secondary">
                    {status.kind === 'met' ? 'Decision was due' : 'Due'}{' '}
                    {formatDayDate(item.decisionDue)}
                  </Typography>
                  <ReturnedLine item={item} />
                </Stack>
              </TableCell>
              <TableCell>
                <Stack spacing={0.5}>
                  {item.children.map((c) => (
                    <Box key={c.position}>
                      <Typography sx={{ fontWeight: 600 }}>{c.displayName}</Typography>
                      <Typography variant="body2" color="text.secondary">
                        {birthLine(c, props.today)}
                      </Typography>
                    </Box>
                  ))}
                  <Typography variant="body2" color="text.secondary">
                    {item.reference}
                  </Typography>
                  {item.immediateProtection ? (
                    <Chip
                      size="small"
                      color="error"
                      variant="outlined"
                      icon={<WarningAmberIcon />}
                      label="May need immediate protection"
                      sx={{ alignSelf: 'flex-start' }}
                    />
                  ) : null}
                </Stack>
              </TableCell>
              <TableCell>{item.referrerLabel}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.receivedAt)}</TableCell>
              <TableCell>
                {item.assignedTo ? (
                  item.assignedTo.displayName
                ) : (
                  <Typography
                    component="span"
                    variant="body2"
                    color="text.secondary"
                    sx={{ fontStyle: 'italic' }}
                  >
                    Unassigned
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * A decision the manager returned, on the row itself so it cannot be missed: who and what they
 * asked for (local sign-off policy; WT 2013 and 2015 Flowchart 1), under the decision clock. Long
 * comments are cut to four lines on screen; a screen reader hears all of it.
 */
function ReturnedLine(props: { item: QueueRow['item'] }): ReactElement | null {
  const text = returnedLine(props.item);
  if (text === null) return null;
  return (
    <Box
      data-testid="queue-returned"
      sx={{
        display: 'flex',
        gap: 0.75,
        alignItems: 'flex-start',
        alignSelf: 'stretch',
        px: 1,
        py: 0.5,
        borderLeft: 4,
        borderColor: 'warning.main',
        bgcolor: 'rgba(237, 108, 2, 0.08)',
      }}
    >
      <UndoIcon fontSize="small" aria-hidden sx={{ mt: 0.25, color: 'warning.dark' }} />
      <Typography
        variant="body2"
        sx={{
          fontWeight: 600,
          display: '-webkit-box',
          WebkitLineClamp: 4,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
        }}
      >
        {text}
      </Typography>
    </Box>
  );
}
