// The work queue as a data grid: the store pages, sorts and filters (paginationMode, sortingMode
// and filterMode "server", as the referral queue does), the grid shows one page, the total and
// checkboxes for the selection. Columns are memoised so a refetch re-renders only changed cells.
import { memo, useEffect, useMemo, type ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import {
  DataGrid,
  gridTabIndexCellSelector,
  useGridApiRef,
  type GridColDef,
  type GridPaginationModel,
  type GridRowSelectionModel,
  type GridSortModel,
} from '@mui/x-data-grid';
import { clockStatus } from '../../../../shared/calendar';
import { GridCellButton, srOnly } from '../../components/GridCellButton';
import type { WorkItem } from '../../../../shared/domain/letters';
import { LETTER_VARIANT_LABELS } from '../../../../shared/letters/types';
import { ClockChip } from '../../components/ClockChip';
import { formatDayDate } from '../../components/format';
import { useQueueDay } from '../queue/queue-cells';
import {
  blockedText,
  stateLabel,
  WORK_PAGE_SIZES,
  kindLabel,
  letterForText,
  workDisplayedRows,
} from './work-queue-model';

export type FileRequest = { item: WorkItem; file: 'pdf' | 'email' };

export type WorkQueueGridProps = {
  rows: readonly WorkItem[];
  total: number;
  loading: boolean;
  paginationModel: GridPaginationModel;
  onPaginationModelChange: (model: GridPaginationModel) => void;
  sortModel: GridSortModel;
  onSortModelChange: (model: GridSortModel) => void;
  selection: GridRowSelectionModel;
  onSelectionChange: (model: GridRowSelectionModel) => void;
  onFile: (request: FileRequest) => void;
  /** A file is being made: its buttons wait. */
  busyKey: string | null;
  labelledBy: string;
};

/** The due date on the working-day calendar, with the clock in words (never colour alone). */
const DueCell = memo(function DueCell(props: { item: WorkItem }): ReactElement {
  const { today, calendar } = useQueueDay();
  let status;
  try {
    status = clockStatus(props.item.dueOn, today, calendar);
  } catch {
    status = null;
  }
  return (
    <Box sx={{ minWidth: 0, '& .MuiChip-label': { fontSize: '0.75rem', px: 0.75 } }}>
      {status !== null ? (
        <ClockChip status={status} size="small" />
      ) : props.item.overdue ? (
        <Typography sx={{ fontWeight: 700, color: 'error.dark' }}>Overdue</Typography>
      ) : null}
      <Typography color="text.secondary" sx={{ mt: 0.25, fontSize: '0.8125rem', lineHeight: 1.2 }}>
        Due {formatDayDate(props.item.dueOn)}
      </Typography>
    </Box>
  );
});

function StateCell(props: {
  item: WorkItem;
  tabIndex: -1 | 0;
  busy: boolean;
  onFile: (request: FileRequest) => void;
}): ReactElement {
  const { item } = props;
  const blocked = blockedText(item);
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography
        data-testid="work-state"
        sx={{
          fontWeight: 600,
          fontSize: '0.875rem',
          color: item.state === 'ready' ? 'success.dark' : 'text.primary',
        }}
      >
        {stateLabel(item)}
      </Typography>
      {blocked !== null ? (
        <Typography
          data-testid="work-blocked"
          sx={{
            mt: 0.25,
            px: 0.75,
            borderLeft: 4,
            borderColor: 'warning.main',
            fontSize: '0.8125rem',
            lineHeight: 1.3,
          }}
        >
          {blocked}
        </Typography>
      ) : null}
      <ActionsCell item={item} tabIndex={props.tabIndex} busy={props.busy} onFile={props.onFile} />
    </Box>
  );
}

function ActionsCell(props: {
  item: WorkItem;
  tabIndex: -1 | 0;
  busy: boolean;
  onFile: (request: FileRequest) => void;
}): ReactElement | null {
  const { item } = props;
  if (item.kind === 'invite' && item.discussionId !== null) {
    return (
      <Link
        component={RouterLink}
        to={`/strategy/${encodeURIComponent(item.discussionId)}`}
        tabIndex={props.tabIndex}
        sx={{ fontSize: '0.875rem', display: 'inline-block', mt: 0.25 }}
      >
        Open the discussion
        <Box component="span" sx={srOnly}>
          {` for ${item.reference}`}
        </Box>
      </Link>
    );
  }
  if (item.state !== 'ready' || item.letterId === null) return null;
  const button = (file: 'pdf' | 'email', label: string) => (
    <GridCellButton
      label={label}
      forWhom={item.reference}
      tabIndex={props.tabIndex}
      disabled={props.busy}
      onClick={() => {
        props.onFile({ item, file });
      }}
    />
  );
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}>
      {button('pdf', 'Save PDF')}
      {item.hasEmail ? button('email', 'Email draft') : null}
    </Box>
  );
}

export const WorkQueueGrid = memo(function WorkQueueGrid(props: WorkQueueGridProps): ReactElement {
  const { onFile, busyKey } = props;
  const columns = useMemo<GridColDef<WorkItem>[]>(() => {
    // Widths fit 1280 px with the navigation beside the grid, without a sideways scroll.
    const cols: GridColDef<WorkItem>[] = [
      {
        field: 'reference',
        headerName: 'Reference',
        width: 128,
        renderCell: (p) => (
          <Link
            component={RouterLink}
            to={`/referrals/${encodeURIComponent(p.row.referralId)}`}
            tabIndex={p.tabIndex}
            sx={{ fontWeight: 600, fontSize: '0.875rem' }}
          >
            {p.row.reference}
          </Link>
        ),
      },
      {
        field: 'kind',
        headerName: 'What',
        width: 120,
        renderCell: (p) => <span>{kindLabel(p.row.kind)}</span>,
      },
      {
        field: 'recipient',
        headerName: 'To',
        flex: 1.4,
        minWidth: 150,
        sortable: false,
        renderCell: (p) => <span>{p.row.recipient}</span>,
      },
      {
        field: 'variant',
        headerName: 'Letter for',
        flex: 1,
        minWidth: 120,
        sortable: false,
        renderCell: (p) => (
          <span title={p.row.variant ? LETTER_VARIANT_LABELS[p.row.variant] : undefined}>
            {letterForText(p.row)}
          </span>
        ),
      },
      {
        field: 'due',
        headerName: 'Due',
        width: 166,
        renderCell: (p) => <DueCell item={p.row} />,
      },
      {
        field: 'state',
        headerName: 'State',
        width: 186,
        sortable: false,
        renderCell: (p) => (
          <StateCell
            item={p.row}
            tabIndex={p.tabIndex}
            busy={busyKey === p.row.key}
            onFile={onFile}
          />
        ),
      },
    ];
    return cols.map((c) => ({ ...c, filterable: false, hideable: false }));
  }, [busyKey, onFile]);

  const localeText = useMemo(
    () => ({
      paginationDisplayedRows: workDisplayedRows,
      paginationRowsPerPage: 'Rows per page:',
      noRowsLabel: 'Nothing to send',
      checkboxSelectionHeaderName: 'Select',
      checkboxSelectionSelectAllRows: 'Select every row on this page',
      checkboxSelectionUnselectAllRows: 'Clear the selection on this page',
      checkboxSelectionSelectRow: 'Select this row',
      checkboxSelectionUnselectRow: 'Clear this row',
      footerRowSelected: (n: number) =>
        n === 1 ? '1 selected' : `${n.toLocaleString('en-GB')} selected`,
    }),
    [],
  );
  const slotProps = useMemo(() => ({ row: { 'data-testid': 'work-row' } }), []);

  // The grid keeps one tab stop (a roving tabindex). When the row holding it leaves the queue
  // (sent, or made elsewhere) MUI X 9 clears the focus but not the tab stop, and the grid could
  // no longer be reached with the Tab key: give the stop back to the column headers.
  const apiRef = useGridApiRef();
  useEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    const cell = gridTabIndexCellSelector(apiRef);
    if (cell === null || props.rows.some((r) => r.key === cell.id)) return;
    api.setState((state) => ({
      ...state,
      tabIndex: {
        cell: null,
        columnHeader: { field: 'reference' },
        columnHeaderFilter: null,
        columnGroupHeader: null,
      },
    }));
  }, [apiRef, props.rows]);

  return (
    <DataGrid
      apiRef={apiRef}
      aria-labelledby={props.labelledBy}
      rows={props.rows}
      getRowId={(r: WorkItem) => r.key}
      columns={columns}
      rowCount={props.total}
      loading={props.loading}
      paginationMode="server"
      sortingMode="server"
      filterMode="server"
      paginationModel={props.paginationModel}
      onPaginationModelChange={props.onPaginationModelChange}
      pageSizeOptions={[...WORK_PAGE_SIZES]}
      sortModel={props.sortModel}
      onSortModelChange={props.onSortModelChange}
      sortingOrder={['asc', 'desc', null]}
      checkboxSelection
      rowSelectionModel={props.selection}
      onRowSelectionModelChange={props.onSelectionChange}
      disableColumnFilter
      disableColumnSelector
      disableRowSelectionOnClick
      // At most 100 rows a page: every row stays in the page (find-in-page, screen readers, tests).
      disableVirtualization
      density="compact"
      getRowHeight={() => 'auto'}
      columnHeaderHeight={36}
      localeText={localeText}
      slotProps={slotProps}
      sx={{
        bgcolor: 'background.paper',
        '& .MuiDataGrid-cell': {
          display: 'flex',
          alignItems: 'center',
          py: 0.5,
          fontSize: '0.875rem',
          lineHeight: 1.35,
          whiteSpace: 'normal',
        },
        '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 700 },
      }}
    />
  );
});
