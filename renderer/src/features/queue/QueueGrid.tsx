// The queue as a data grid: the store pages, sorts and filters (paginationMode, sortingMode and
// filterMode "server"), the grid shows one page and the total. Rows and columns are memoised so a
// clock tick or a refetch with the same data re-renders nothing but the cells that changed.
import { memo, useCallback, useMemo, type KeyboardEvent, type ReactElement } from 'react';
import { useNavigate } from 'react-router';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridRowParams,
  type GridSortModel,
} from '@mui/x-data-grid';
import type { AppUser, QueueItem } from '../../../../shared/domain/records';
import { QUEUE_PAGE_SIZE_MAX } from '../../../../shared/ipc/contract';
import {
  ChildrenCell,
  ClockCell,
  HolderCell,
  ReceivedText,
  ReferenceCell,
  ReferrerText,
} from './queue-cells';
import { PAGE_SIZES, displayedRows, type AssignMode } from './queue-model';

export type QueueGridProps = {
  rows: readonly QueueItem[];
  total: number;
  loading: boolean;
  me: AppUser;
  /** Null when this user cannot assign (no casework role). */
  assignMode: AssignMode | null;
  paginationModel: GridPaginationModel;
  onPaginationModelChange: (model: GridPaginationModel) => void;
  sortModel: GridSortModel;
  onSortModelChange: (model: GridSortModel) => void;
  onAssign: (item: QueueItem, mode: AssignMode) => void;
  labelledBy: string;
};

/** Clicks and Enter on a link or button inside a row do their own thing, not "open the row". */
function fromControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('a, button, input, select') !== null;
}

const slotsFor = (open: (id: string) => void) => ({
  row: {
    'data-testid': 'queue-row',
    // Focusable from script (tabindex -1), not a tab stop: the grid's own arrow-key navigation
    // moves between cells, and Enter on any cell or on the row opens the referral.
    tabIndex: -1,
    onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'Enter' || fromControl(event.target)) return;
      const id = event.currentTarget.dataset.id;
      if (id === undefined) return;
      event.preventDefault();
      open(id);
    },
  },
});

export const QueueGrid = memo(function QueueGrid(props: QueueGridProps): ReactElement {
  const navigate = useNavigate();
  const { onAssign, me, assignMode } = props;
  const open = useCallback(
    (id: string) => {
      void navigate(`/referrals/${encodeURIComponent(id)}`);
    },
    [navigate],
  );

  const columns = useMemo<GridColDef<QueueItem>[]>(() => {
    // Widths fit 1280 px with the navigation beside the grid, without a sideways scroll.
    const cols: GridColDef<QueueItem>[] = [
      {
        field: 'urgency',
        headerName: 'Time left',
        width: 246,
        renderCell: (p) => <ClockCell item={p.row} />,
      },
      {
        field: 'reference',
        headerName: 'Reference',
        width: 150,
        renderCell: (p) => <ReferenceCell item={p.row} tabIndex={p.tabIndex} />,
      },
      {
        field: 'children',
        headerName: 'Children',
        flex: 1.8,
        minWidth: 200,
        sortable: false,
        renderCell: (p) => <ChildrenCell item={p.row} tabIndex={p.tabIndex} />,
      },
      {
        field: 'referrer',
        headerName: 'Referrer',
        flex: 1,
        minWidth: 120,
        renderCell: (p) => <ReferrerText item={p.row} />,
      },
      {
        field: 'receivedAt',
        headerName: 'Received',
        width: 100,
        renderCell: (p) => <ReceivedText item={p.row} />,
      },
      {
        field: 'assignedTo',
        headerName: 'Assigned to',
        width: 125,
        renderCell: (p) => (
          <HolderCell
            item={p.row}
            meId={me.id}
            mode={assignMode}
            tabIndex={p.tabIndex}
            onAssign={onAssign}
          />
        ),
      },
    ];
    return cols.map((c) => ({ ...c, filterable: false, hideable: false }));
  }, [assignMode, me.id, onAssign]);

  const slotProps = useMemo(() => slotsFor(open), [open]);
  const localeText = useMemo(
    () => ({
      paginationDisplayedRows: displayedRows,
      paginationRowsPerPage: 'Rows per page:',
      noRowsLabel: 'No referrals',
    }),
    [],
  );

  return (
    <DataGrid
      aria-labelledby={props.labelledBy}
      rows={props.rows}
      columns={columns}
      rowCount={props.total}
      loading={props.loading}
      paginationMode="server"
      sortingMode="server"
      filterMode="server"
      paginationModel={props.paginationModel}
      onPaginationModelChange={props.onPaginationModelChange}
      pageSizeOptions={PAGE_SIZES.filter((n) => n <= QUEUE_PAGE_SIZE_MAX)}
      sortModel={props.sortModel}
      onSortModelChange={props.onSortModelChange}
      sortingOrder={['asc', 'desc', null]}
      disableColumnFilter
      disableColumnSelector
      disableRowSelectionOnClick
      // At most 100 rows a page: every row stays in the page (find-in-page, screen readers,
      // tests), and no row is measured twice while scrolling.
      disableVirtualization
      density="compact"
      getRowHeight={() => 'auto'}
      columnHeaderHeight={36}
      onRowClick={(params: GridRowParams<QueueItem>, event) => {
        if (fromControl(event.target)) return;
        open(params.row.id);
      }}
      localeText={localeText}
      slotProps={slotProps}
      sx={{
        bgcolor: 'background.paper',
        '& .MuiDataGrid-row': { cursor: 'pointer' },
        '& .MuiDataGrid-cell': {
          display: 'flex',
          alignItems: 'center',
          py: 0.375,
          fontSize: '0.875rem',
          lineHeight: 1.35,
        },
        '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 700 },
        '& .MuiDataGrid-row:focus-visible, & .MuiDataGrid-row:focus': {
          outline: '3px solid',
          outlineColor: 'primary.main',
          outlineOffset: -3,
        },
      }}
    />
  );
});
