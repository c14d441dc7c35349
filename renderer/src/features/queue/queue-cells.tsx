// The cells of the queue grid. The working-day clocks tick here, not in the page: the page's rows
// and columns stay the same objects, so a tick re-renders only the cells that read the day
// (domain §7: a live clock on every referral; issue 11: no re-sorting on a tick).
import { createContext, memo, useContext, useMemo, type ReactElement, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import UndoIcon from '@mui/icons-material/Undo';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
  createWorkingDayCalendar,
  type ImportedBankHolidays,
  type WorkingDayCalendar,
} from '../../../../shared/calendar';
import type { QueueItem } from '../../../../shared/domain/records';
import { ClockChip } from '../../components/ClockChip';
import { formatDateTime, formatDayDate, londonDay } from '../../components/format';
import { useNow } from '../../components/now';
import { birthLine, liveStatus, returnedLine, shortBirth, type AssignMode } from './queue-model';
import { srOnly } from '../../components/GridCellButton';

type Day = { today: string; calendar: WorkingDayCalendar };
const DayContext = createContext<Day | null>(null);

/**
 * Ticks every minute but hands its cells a new value only when the London day (or the closure
 * days) change: `children` is the same element each tick, so React re-renders the consumers of the
 * day and nothing else.
 */
export function QueueDayProvider(props: {
  closures: readonly string[];
  /** The imported GOV.UK bank holidays (settings), or none: the rules apply. */
  bankHolidays?: ImportedBankHolidays | null;
  children: ReactNode;
}): ReactElement {
  const today = londonDay(useNow());
  // Keyed on the dates, not the array, so a re-render with equal closures keeps the calendar.
  const closuresKey = props.closures.join(',');
  const bankHolidays = props.bankHolidays ?? null;
  const value = useMemo<Day>(
    () => ({
      today,
      calendar: createWorkingDayCalendar({
        closures: closuresKey === '' ? [] : closuresKey.split(','),
        bankHolidays,
      }),
    }),
    // The query keeps an equal refetched table the same object, so this changes only with an import.
    [today, closuresKey, bankHolidays],
  );
  return <DayContext.Provider value={value}>{props.children}</DayContext.Provider>;
}

export function useQueueDay(): Day {
  const day = useContext(DayContext);
  if (day === null) throw new Error('useQueueDay needs a QueueDayProvider');
  return day;
}

/** "Today is Monday 23/11/2026", the one line of the page header that moves with the day. */
export function TodayText(): ReactElement {
  return <>{formatDayDate(useQueueDay().today)}</>;
}

const oneLine = {
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
} as const;

/**
 * The decision clock as it stands today, the immediate-protection flag in words (never colour
 * alone), the due date, and a manager's return if there is one.
 */
export const ClockCell = memo(function ClockCell(props: { item: QueueItem }): ReactElement {
  const { today, calendar } = useQueueDay();
  const status = liveStatus(props.item, today, calendar);
  const returned = returnedLine(props.item);
  return (
    <Box
      sx={{
        minWidth: 0,
        width: '100%',
        // A little smaller than elsewhere so the longest clock ("Overdue by 12 working days")
        // stays on one line in the column.
        '& .MuiChip-label': { fontSize: '0.75rem', px: 0.75 },
      }}
    >
      <ClockChip status={status} size="small" />
      {props.item.immediateProtection ? (
        <Typography
          variant="body2"
          data-testid="queue-immediate"
          sx={{
            color: 'error.dark',
            fontWeight: 700,
            fontSize: '0.75rem',
            lineHeight: 1.2,
            mt: 0.25,
            whiteSpace: 'nowrap',
          }}
        >
          <WarningAmberIcon
            fontSize="inherit"
            aria-hidden
            sx={{ mr: 0.5, verticalAlign: '-2px' }}
          />
          May need immediate protection
        </Typography>
      ) : null}
      <Typography
        color="text.secondary"
        sx={{ ...oneLine, mt: 0.25, fontSize: '0.8125rem', lineHeight: 1.2 }}
      >
        {status.kind === 'met' ? 'Decision was due' : 'Due'} {formatDayDate(props.item.decisionDue)}
      </Typography>
      {returned === null ? null : (
        // On the row so it cannot be missed (local sign-off policy; WT 2013 and 2015 Flowchart 1);
        // one line on screen, all of it for a screen reader and in the tooltip.
        <Box
          data-testid="queue-returned"
          title={returned}
          sx={{
            ...oneLine,
            mt: 0.25,
            px: 0.75,
            borderLeft: 4,
            borderColor: 'warning.main',
            bgcolor: 'rgba(237, 108, 2, 0.08)',
            fontWeight: 600,
            fontSize: '0.8125rem',
          }}
        >
          <UndoIcon
            fontSize="inherit"
            aria-hidden
            sx={{ mr: 0.5, verticalAlign: '-2px', color: 'warning.dark' }}
          />
          {returned}
        </Box>
      )}
    </Box>
  );
});

/** The reference, linking to the referral. */
export const ReferenceCell = memo(function ReferenceCell(props: {
  item: QueueItem;
  tabIndex: 0 | -1;
}): ReactElement {
  const { item } = props;
  return (
    <Box sx={{ py: 0.25, minWidth: 0 }}>
      <Link
        component={RouterLink}
        to={`/referrals/${encodeURIComponent(item.id)}`}
        tabIndex={props.tabIndex}
        sx={{ fontWeight: 600, fontSize: 'inherit', whiteSpace: 'nowrap' }}
      >
        {item.reference}
      </Link>
    </Box>
  );
});

/** Each child on a line: the name (linking to their record when known) and date of birth. */
export const ChildrenCell = memo(function ChildrenCell(props: {
  item: QueueItem;
  tabIndex: 0 | -1;
}): ReactElement {
  const { today } = useQueueDay();
  return (
    <Box sx={{ py: 0.25, minWidth: 0 }}>
      {props.item.children.map((c, i) => {
        // Each child's name and date of birth (or "unborn", "about 6"), one after another so
        // brothers and sisters do not make the row tall; the full line, with the age, is the
        // tooltip and is what a screen reader hears.
        const full = birthLine(c, today);
        return (
          <Box
            component="span"
            key={c.position}
            title={full ?? undefined}
            sx={{ lineHeight: 1.35 }}
          >
            {i > 0 ? '; ' : null}
            {c.personId === null ? (
              <Typography
                component="span"
                data-testid="queue-child-name"
                sx={{ fontWeight: 600, fontSize: 'inherit' }}
              >
                {c.displayName}
              </Typography>
            ) : (
              <Link
                component={RouterLink}
                to={`/people/${encodeURIComponent(c.personId)}`}
                data-testid="queue-child-name"
                tabIndex={props.tabIndex}
                sx={{ fontWeight: 600, fontSize: 'inherit' }}
              >
                {c.displayName}
              </Link>
            )}
            {full === null ? null : (
              <Typography component="span" color="text.secondary" sx={{ fontSize: 'inherit' }}>
                {' '}
                <span aria-hidden>{shortBirth(c)}</span>
                <Box component="span" sx={srOnly}>
                  {full}
                </Box>
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
});

const twoLines = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

/** The referrer, two lines at most on screen; all of it in the tooltip and for a screen reader. */
export const ReferrerText = memo(function ReferrerText(props: { item: QueueItem }): ReactElement {
  return (
    <Typography
      variant="body2"
      title={props.item.referrerLabel}
      sx={{ ...twoLines, lineHeight: 1.3 }}
    >
      {props.item.referrerLabel}
    </Typography>
  );
});

/** "30/11/2026" over "09:45": the received time in London, in a narrow column. */
export const ReceivedText = memo(function ReceivedText(props: { item: QueueItem }): ReactElement {
  const [date, time] = formatDateTime(props.item.receivedAt).split(' ');
  return (
    <Typography variant="body2" sx={{ lineHeight: 1.25 }}>
      {`${date ?? ''} `}
      <br />
      {time}
    </Typography>
  );
});

/**
 * Who holds the referral ("Unassigned" in words, not a blank) and, for casework roles, the button
 * to assign it (managers) or take it (duty workers).
 */
export const HolderCell = memo(function HolderCell(props: {
  item: QueueItem;
  meId: string;
  mode: AssignMode | null;
  tabIndex: 0 | -1;
  onAssign: (item: QueueItem, mode: AssignMode) => void;
}): ReactElement {
  const { item, mode } = props;
  const holder = item.assignedTo;
  const mine = holder?.id === props.meId;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography
        variant="body2"
        data-testid="queue-holder"
        sx={{
          ...oneLine,
          lineHeight: 1.3,
          fontStyle: holder === null ? 'italic' : 'normal',
          color: holder === null ? 'text.secondary' : 'text.primary',
          fontWeight: mine ? 700 : 400,
        }}
      >
        {holder === null ? 'Unassigned' : `${holder.displayName}${mine ? ' (you)' : ''}`}
      </Typography>
      {mode === null || (mode === 'take' && mine) ? null : (
        <Button
          size="small"
          variant="text"
          tabIndex={props.tabIndex}
          aria-label={`${mode === 'take' ? 'Take' : 'Assign'} ${item.reference}`}
          onClick={(e) => {
            e.stopPropagation();
            props.onAssign(item, mode);
          }}
          sx={{ minWidth: 0, px: 0.5, py: 0, ml: -0.5, fontWeight: 600, lineHeight: 1.25 }}
        >
          {mode === 'take' ? 'Take' : 'Assign…'}
        </Button>
      )}
    </Box>
  );
});
