import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import type { ImportedBankHolidays } from '../../../../shared/calendar';
import type { QueueItem } from '../../../../shared/domain/records';
import { QUEUE_FILTERS, type QueueFilter } from '../../../../shared/ipc/contract';
import { canCall } from '../../../../shared/ipc/access';
import { useSession } from '../../api/queries';
import { workingDays } from '../../components/format';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { DraftsList } from '../intake/DraftsList';
import { AssignDialog, type AssignRequest } from './AssignDialog';
import { QueueDayProvider, TodayText } from './queue-cells';
import { QueueGrid } from './QueueGrid';
import { StrategyToArrangePanel } from './StrategyToArrange';
import {
  DEFAULT_PAGE_SIZE,
  EMPTY_TEXT,
  FILTER_HEADINGS,
  FILTER_LABELS,
  assignModeFor,
  isQueueFilter,
  showingText,
  sortFromModel,
  type AssignMode,
} from './queue-model';
import { useQueueAssign, useQueuePage } from './queue-queries';

export type QueuePageProps = {
  /** Administrator closure days (settings), so the clocks count working days correctly. */
  closures: readonly string[];
  /** The imported GOV.UK bank holidays (settings), or none. */
  bankHolidays?: ImportedBankHolidays | null;
  /** The local decision timescale in working days (policy), for the explanation line. */
  decisionWorkingDays: number;
};

const NO_ROWS: readonly QueueItem[] = [];

/** Read by screen readers, not drawn: the pressed filter already says it on screen. */
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
  p: 0,
  m: -1,
} as const;

/** Typing settles for this long before the store is asked (one query per pause, not per key). */
const TEXT_DEBOUNCE_MS = 250;

/**
 * Home: the referral queue as a work list. Referrals that may need immediate protection first,
 * then the most urgent decision; every referral reachable by paging, with the total in words.
 */
export function QueuePage(props: QueuePageProps): ReactElement {
  return (
    <QueueDayProvider closures={props.closures} bankHolidays={props.bankHolidays ?? null}>
      <QueueScreen decisionWorkingDays={props.decisionWorkingDays} />
    </QueueDayProvider>
  );
}

function QueueScreen(props: { decisionWorkingDays: number }): ReactElement {
  const [params, setParams] = useSearchParams();
  const raw = params.get('filter');
  const filter: QueueFilter = isQueueFilter(raw, QUEUE_FILTERS) ? raw : 'all';
  const session = useSession();
  const [paging, setPaging] = useState<GridPaginationModel>({
    page: 0,
    pageSize: DEFAULT_PAGE_SIZE,
  });
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [assigning, setAssigning] = useState<AssignRequest | null>(null);

  useEffect(() => {
    const t = window.setTimeout(() => {
      setText(typed.trim());
    }, TEXT_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(t);
    };
  }, [typed]);

  // A new filter, sort or search starts at the first page (the old page may not exist in it).
  useEffect(() => {
    setPaging((p) => (p.page === 0 ? p : { ...p, page: 0 }));
  }, [filter, sortModel, text]);

  const input = useMemo(
    () => ({
      filter,
      page: paging.page,
      pageSize: paging.pageSize,
      sort: sortFromModel(sortModel),
      ...(text === '' ? {} : { text }),
    }),
    [filter, paging, sortModel, text],
  );
  const queue = useQueuePage(input);
  const rows = queue.data?.rows ?? NO_ROWS;
  const total = queue.data?.total ?? 0;

  // A referral decided elsewhere can empty the last page: step back to a page that has rows.
  useEffect(() => {
    const data = queue.data;
    if (data && data.rows.length === 0 && data.total > 0 && paging.page > 0) {
      setPaging((p) => ({ ...p, page: Math.max(0, Math.ceil(data.total / p.pageSize) - 1) }));
    }
  }, [queue.data, paging.page]);

  const me = session.data?.user;
  const assignMode = me ? assignModeFor(me) : null;
  const take = useQueueAssign();
  const meId = me?.id;
  // Shown exactly when 'strategy:to-arrange' would be allowed.
  const strategyRole = me !== undefined && canCall('strategy:to-arrange', me);
  const takeNow = take.mutate;
  const onAssign = useCallback(
    (item: QueueItem, mode: AssignMode) => {
      // Taking a referral nobody holds needs no question; taking one a colleague holds does.
      if (mode === 'take' && item.assignedTo === null && meId !== undefined) {
        takeNow({ id: item.id, version: item.version, userId: meId });
        return;
      }
      setAssigning({ item, mode });
    },
    [meId, takeNow],
  );

  const setFilter = (next: QueueFilter | null) => {
    if (next === null) return;
    setParams(next === 'all' ? {} : { filter: next }, { replace: true });
  };

  return (
    <Stack spacing={1} sx={{ mt: -3.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h1" sx={{ fontSize: '1.75rem', mb: 0.25 }}>
            Referral queue
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Decide within {workingDays(props.decisionWorkingDays)} of receipt. Today is{' '}
            <TodayText />.
          </Typography>
        </Box>
        <TextField
          size="small"
          label="Find in the queue"
          placeholder="Reference, child or referrer"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
          }}
          slotProps={{ htmlInput: { maxLength: 200 } }}
          sx={{ width: 250, flexShrink: 0 }}
        />
        {me !== undefined && canCall('referrals:create', me) ? (
          <Button
            component={RouterLink}
            to="/referrals/new"
            variant="contained"
            size="large"
            sx={{ flexShrink: 0 }}
          >
            New referral
          </Button>
        ) : null}
      </Box>

      {me !== undefined && canCall('drafts:list', me) ? <DraftsList /> : null}

      <Paper variant="outlined" component="section" aria-labelledby="queue-heading">
        {/* The pressed filter says which list this is; the heading names it for screen readers. */}
        <Typography id="queue-heading" variant="h2" sx={visuallyHidden}>
          {FILTER_HEADINGS[filter]}
          {text === '' ? '' : `, matching “${text}”`}
        </Typography>
        <Box
          sx={{
            px: 1.5,
            py: 0.5,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            flexWrap: 'wrap',
            gap: 2,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          <ToggleButtonGroup
            exclusive
            size="small"
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
                sx={{ px: 1.5, py: 0.25, textTransform: 'none', fontSize: '0.9rem' }}
              >
                {FILTER_LABELS[f]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {queue.data ? (
            <Typography aria-live="polite" data-testid="queue-showing" sx={{ fontWeight: 600 }}>
              {showingText(paging.page, paging.pageSize, rows.length, total)}
              {text === '' ? '' : ` matching “${text}”`}
            </Typography>
          ) : null}
        </Box>
        {take.error ? (
          <Alert
            severity="error"
            sx={{ m: 1.5 }}
            onClose={() => {
              take.reset();
            }}
          >
            The referral could not be taken: {take.error.message}
          </Alert>
        ) : null}
        {queue.isPending ? (
          <Box sx={{ px: 2, py: 2 }}>
            <Loading label="Loading the queue…" />
          </Box>
        ) : null}
        {queue.isError ? (
          <Box sx={{ px: 2, py: 2 }}>
            <ErrorPanel
              title="The queue could not be loaded"
              error={queue.error}
              onRetry={() => void queue.refetch()}
            />
          </Box>
        ) : null}
        {queue.data && total === 0 ? (
          <Typography sx={{ px: 2, py: 2 }}>
            {text === '' ? EMPTY_TEXT[filter] : `No referrals here match “${text}”.`}
          </Typography>
        ) : null}
        {queue.data && total > 0 && me ? (
          <Box sx={{ height: 'max(440px, calc(100vh - 176px))' }}>
            <QueueGrid
              rows={rows}
              total={total}
              loading={queue.isFetching && queue.isPlaceholderData}
              me={me}
              assignMode={assignMode}
              paginationModel={paging}
              onPaginationModelChange={setPaging}
              sortModel={sortModel}
              onSortModelChange={setSortModel}
              onAssign={onAssign}
              labelledBy="queue-heading"
            />
          </Box>
        ) : null}
      </Paper>

      <StrategyToArrangePanel enabled={strategyRole} />
      {assigning && me ? (
        <AssignDialog
          key={assigning.item.id}
          // The row as the store last sent it, so a refresh after a clash carries its new version.
          request={{
            ...assigning,
            item: rows.find((r) => r.id === assigning.item.id) ?? assigning.item,
          }}
          me={me}
          onClose={() => {
            setAssigning(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
