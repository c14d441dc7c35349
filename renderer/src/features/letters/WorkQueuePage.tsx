// "Letters and invites": the admin team's work queue (issue 13). Letters due and invites to send,
// soonest due first (overdue first), filtered, sorted and paged by the store; the selection made
// in one go with a progress bar that can be cancelled, saved, drafted as email, or marked sent.
import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridPaginationModel, GridRowSelectionModel, GridSortModel } from '@mui/x-data-grid';
import type { ImportedBankHolidays } from '../../../../shared/calendar';
import type { WorkItem } from '../../../../shared/domain/letters';
import type { TaskProgress } from '../../../../shared/ipc/events';
import { errorMessage } from '../../api/client';
import { completeHandOver, useAppEvent } from '../../api/files';
import { formatUkDate } from '../../components/format';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { QueueDayProvider, TodayText } from '../queue/queue-cells';
import { BatchPanel, type Batch } from './WorkQueueBatch';
import { WorkQueueFilters } from './WorkQueueFilters';
import { WorkQueueGrid, type FileRequest } from './WorkQueueGrid';
import { MarkSentDialog } from './WorkQueueMarkSent';
import { SelectionBar } from './WorkQueueSelectionBar';
import {
  NO_FILTERS,
  WORK_DEFAULT_PAGE_SIZE,
  filtersActive,
  newTaskId,
  planSelection,
  selectedRows,
  workQueueInput,
  workShowingText,
  workSortFromModel,
  type WorkFilters,
} from './work-queue-model';
import {
  useCancelLetters,
  useGenerateLetters,
  useLetterFile,
  useWorkQueue,
  type MarkSentOutcome,
} from './work-queue-queries';

const NO_ROWS: readonly WorkItem[] = [];
const NOTHING_SELECTED: GridRowSelectionModel = { type: 'include', ids: new Set() };

/** Read by screen readers, not drawn: the page title already says it on screen. */
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function WorkQueuePage(props: {
  closures: readonly string[];
  bankHolidays?: ImportedBankHolidays | null;
}): ReactElement {
  return (
    <QueueDayProvider closures={props.closures} bankHolidays={props.bankHolidays ?? null}>
      <WorkQueueScreen />
    </QueueDayProvider>
  );
}

type Notice = { severity: 'success' | 'error' | 'info'; text: string; details?: string[] };

function WorkQueueScreen(): ReactElement {
  const [filters, setFilters] = useState<WorkFilters>(NO_FILTERS);
  const [paging, setPaging] = useState<GridPaginationModel>({
    page: 0,
    pageSize: WORK_DEFAULT_PAGE_SIZE,
  });
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const [selection, setSelection] = useState<GridRowSelectionModel>(NOTHING_SELECTED);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [marking, setMarking] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [filtersEpoch, setFiltersEpoch] = useState(0);

  // A new filter or sort starts at the first page (the old page may not exist in it).
  useEffect(() => {
    setPaging((p) => (p.page === 0 ? p : { ...p, page: 0 }));
  }, [filters, sortModel]);
  // The selection is of the rows on screen: another page, filter or sort starts afresh.
  useEffect(() => {
    setSelection(NOTHING_SELECTED);
  }, [filters, sortModel, paging]);

  const input = useMemo(
    () => workQueueInput(filters, workSortFromModel(sortModel), paging),
    [filters, sortModel, paging],
  );
  const queue = useWorkQueue(input);
  const rows = queue.data?.rows ?? NO_ROWS;
  const total = queue.data?.total ?? 0;

  // Items sent or made elsewhere can empty the last page: step back to a page that has rows.
  useEffect(() => {
    const data = queue.data;
    if (data && data.rows.length === 0 && data.total > 0 && paging.page > 0) {
      setPaging((p) => ({ ...p, page: Math.max(0, Math.ceil(data.total / p.pageSize) - 1) }));
    }
  }, [queue.data, paging.page]);

  const selected = useMemo(() => selectedRows(selection, rows), [selection, rows]);
  const plan = useMemo(() => planSelection(selected), [selected]);

  const generate = useGenerateLetters();
  const cancel = useCancelLetters();
  const running = batch !== null && batch.outcome === null && batch.error === null;

  useAppEvent('task:progress', (p: TaskProgress) => {
    setBatch((b) =>
      b !== null && b.taskId === p.taskId && b.outcome === null ? { ...b, progress: p } : b,
    );
  });

  const makeSelected = (): void => {
    if (plan.makeable.length === 0 || running) return;
    const taskId = newTaskId();
    const items = plan.makeable.map((m) => ({ referralId: m.item.referralId, kind: m.kind }));
    setNotice(null);
    setBatch({
      taskId,
      total: items.length,
      progress: null,
      cancelling: false,
      cancelError: null,
      outcome: null,
      error: null,
    });
    generate.mutate(
      { taskId, items },
      {
        onSuccess: (outcome) => {
          setBatch((b) => (b?.taskId === taskId ? { ...b, outcome } : b));
          setSelection(NOTHING_SELECTED);
        },
        onError: (error) => {
          setBatch((b) => (b?.taskId === taskId ? { ...b, error } : b));
        },
      },
    );
  };

  const cancelBatch = (): void => {
    if (batch === null) return;
    const { taskId } = batch;
    setBatch((b) => (b ? { ...b, cancelling: true, cancelError: null } : b));
    cancel.mutate(
      { taskId },
      {
        onError: (cancelError) => {
          setBatch((b) => (b?.taskId === taskId ? { ...b, cancelling: false, cancelError } : b));
        },
      },
    );
  };

  const file = useLetterFile();
  const fileNow = file.mutate;
  const onFile = useCallback(
    (req: FileRequest) => {
      if (req.item.letterId === null) return;
      setNotice(null);
      fileNow(
        { letterId: req.item.letterId, file: req.file, reference: req.item.reference },
        {
          onSuccess: (out) => {
            setNotice({ severity: 'success', text: completeHandOver(out.outcome) });
          },
          onError: (e) => {
            // e.g. no email address for this referrer: the service says so, in words.
            const what = req.file === 'pdf' ? 'The letter' : 'The email draft';
            setNotice({
              severity: 'error',
              text: `${what} for ${req.item.reference} could not be saved: ${errorMessage(e)}`,
            });
          },
        },
      );
    },
    [fileNow],
  );
  const busyKey = file.isPending
    ? (rows.find((r) => r.letterId === file.variables.letterId)?.key ?? null)
    : null;

  const onMarked = (message: string, failures: MarkSentOutcome['failures']): void => {
    setMarking(false);
    setSelection(NOTHING_SELECTED);
    setNotice(
      failures.length === 0
        ? { severity: 'success', text: message }
        : {
            severity: 'error',
            text: message,
            details: failures.map((f) => `${f.what}: not recorded. ${f.message}`),
          },
    );
  };

  const sendable = plan.ready.length + plan.invites.length;
  return (
    <Stack spacing={1} sx={{ mt: -3.5 }}>
      <Box>
        <Typography variant="h1" sx={{ fontSize: '1.75rem', mb: 0.25 }}>
          Letters and invites
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {queue.data
            ? `Letters for referrals received since ${formatUkDate(queue.data.windowStart)}, and strategy discussion invites to send. `
            : null}
          Today is <TodayText />.
        </Typography>
      </Box>

      <Paper variant="outlined" component="section" aria-labelledby="work-heading">
        {/* The page's title names the list; the heading names the grid for screen readers. */}
        <Typography id="work-heading" variant="h2" sx={visuallyHidden}>
          Letters and invites to make and send
        </Typography>
        {/* Cleared by starting the filters afresh, so a half-typed date goes too. */}
        <WorkQueueFilters key={filtersEpoch} value={filters} onChange={setFilters} />
        <SelectionBar
          selectedCount={selected.length}
          makeable={plan.makeable.length}
          blocked={plan.blocked}
          sendable={sendable}
          running={running}
          showing={
            queue.data ? workShowingText(paging.page, paging.pageSize, rows.length, total) : null
          }
          onClearFilters={
            filtersActive(filters)
              ? () => {
                  setFilters(NO_FILTERS);
                  setFiltersEpoch((n) => n + 1);
                }
              : null
          }
          onMake={makeSelected}
          onMarkSent={() => {
            setNotice(null);
            setMarking(true);
          }}
        />
        {batch !== null ? (
          <BatchPanel
            batch={batch}
            onCancel={cancelBatch}
            onDismiss={() => {
              setBatch(null);
            }}
          />
        ) : null}
        <Box role="status" aria-live="polite">
          {notice !== null ? (
            <Alert
              severity={notice.severity}
              sx={{ mx: 1.5, my: 1 }}
              onClose={() => {
                setNotice(null);
              }}
            >
              {notice.text}
              {notice.details ? (
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {notice.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </Box>
              ) : null}
            </Alert>
          ) : null}
        </Box>
        {queue.isPending ? (
          <Box sx={{ px: 2 }}>
            <Loading label="Loading letters and invites…" />
          </Box>
        ) : null}
        {queue.isError ? (
          <Box sx={{ px: 2, py: 2 }}>
            <ErrorPanel
              title="Letters and invites could not be loaded"
              error={queue.error}
              onRetry={() => void queue.refetch()}
            />
          </Box>
        ) : null}
        {queue.data && total === 0 ? (
          <Typography sx={{ px: 2, py: 2 }} data-testid="work-empty">
            {filtersActive(filters)
              ? 'Nothing matches these filters.'
              : 'Nothing to send. Letters due and invites to send will appear here.'}
          </Typography>
        ) : null}
        {queue.data && total > 0 ? (
          <Box sx={{ height: 'max(420px, calc(100vh - 250px))' }}>
            <WorkQueueGrid
              rows={rows}
              total={total}
              loading={queue.isFetching && queue.isPlaceholderData}
              paginationModel={paging}
              onPaginationModelChange={setPaging}
              sortModel={sortModel}
              onSortModelChange={setSortModel}
              selection={selection}
              onSelectionChange={setSelection}
              onFile={onFile}
              busyKey={busyKey}
              labelledBy="work-heading"
            />
          </Box>
        ) : null}
      </Paper>
      {marking && sendable > 0 ? (
        <MarkSentDialog
          plan={plan}
          onClose={() => {
            setMarking(false);
          }}
          onDone={onMarked}
        />
      ) : null}
    </Stack>
  );
}
