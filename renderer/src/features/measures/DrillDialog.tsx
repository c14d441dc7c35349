// The referrals behind one figure: a grid paged by the main process (paginationMode "server"),
// each reference a link to the referral. Shows no child's details: only what picks a referral out.
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { Period } from '../../../../shared/measures/period';
import { describePeriod } from '../../../../shared/measures/period';
import type { DrillRow } from '../../../../shared/measures/types';
import { errorMessage } from '../../api/client';
import { formatDateTime, formatUkDate } from '../../components/format';
import { DRILL_PAGE_SIZES, showingText, type DrillRequest } from './measures-model';
import { useDrill } from './measures-queries';

const NO_ROWS: readonly DrillRow[] = [];

export function DrillDialog(props: {
  period: Period;
  request: DrillRequest | null;
  onClose: () => void;
}): ReactElement {
  const { request, period } = props;
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  useEffect(() => {
    setPaging((p) => ({ ...p, page: 0 }));
  }, [request]);
  const input =
    request === null
      ? null
      : {
          from: period.from,
          to: period.to,
          drill: request.drill,
          ...(request.key === undefined ? {} : { key: request.key }),
          page: paging.page,
          pageSize: paging.pageSize,
        };
  const drill = useDrill(input);
  const columns = useMemo<GridColDef<DrillRow>[]>(
    () => [
      {
        field: 'reference',
        headerName: 'Reference',
        width: 150,
        sortable: false,
        renderCell: (p) => (
          <Link component={RouterLink} to={`/referrals/${p.row.id}`} tabIndex={p.tabIndex}>
            {p.row.reference}
          </Link>
        ),
      },
      {
        field: 'receivedAt',
        headerName: 'Received',
        width: 150,
        sortable: false,
        valueFormatter: (v: string) => formatDateTime(v),
      },
      { field: 'referrer', headerName: 'Referrer', flex: 1, minWidth: 140, sortable: false },
      { field: 'sourceCode', headerName: 'Source', width: 80, sortable: false },
      {
        field: 'outcome',
        headerName: 'Decided as',
        flex: 1,
        minWidth: 160,
        sortable: false,
        valueGetter: (_v, row) => row.outcome ?? 'Not decided yet',
      },
      {
        field: 'decisionDue',
        headerName: 'Decision due',
        width: 120,
        sortable: false,
        valueFormatter: (v: string) => formatUkDate(v),
      },
      {
        field: 'decidedAt',
        headerName: 'Decided',
        width: 150,
        sortable: false,
        valueFormatter: (v: string | null) => (v === null ? '–' : formatDateTime(v)),
      },
      {
        field: 'decidedBy',
        headerName: 'Decided by',
        width: 140,
        sortable: false,
        valueGetter: (_v, row) => row.decidedBy ?? '–',
      },
    ],
    [],
  );
  const total = drill.data?.total ?? 0;
  return (
    <Dialog
      open={request !== null}
      onClose={props.onClose}
      fullWidth
      maxWidth="xl"
      aria-labelledby="measures-drill-title"
    >
      <DialogTitle id="measures-drill-title">
        {drill.data?.title ?? request?.label ?? 'Referrals'}
      </DialogTitle>
      <DialogContent>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          Received {describePeriod(period)}.{' '}
          <span role="status">
            {drill.isPending ? 'Loading…' : showingText(paging.page, paging.pageSize, total)}
          </span>
        </Typography>
        {drill.isError ? (
          <Alert severity="error">
            The referrals could not be listed: {errorMessage(drill.error)}
          </Alert>
        ) : null}
        <Box sx={{ height: 520 }}>
          <DataGrid
            aria-labelledby="measures-drill-title"
            rows={drill.data?.rows ?? NO_ROWS}
            columns={columns}
            rowCount={total}
            loading={drill.isFetching}
            paginationMode="server"
            sortingMode="server"
            filterMode="server"
            disableColumnFilter
            disableColumnMenu
            disableRowSelectionOnClick
            pageSizeOptions={[...DRILL_PAGE_SIZES]}
            paginationModel={paging}
            onPaginationModelChange={setPaging}
            localeText={{ noRowsLabel: 'No referrals in this list' }}
            // Long referrers and responses wrap rather than being cut off.
            getRowHeight={() => 'auto'}
            sx={{
              border: 0,
              '& .MuiDataGrid-cell': { py: 0.75, display: 'flex', alignItems: 'center' },
              '& .MuiDataGrid-cell[data-field="referrer"], & .MuiDataGrid-cell[data-field="outcome"]':
                { whiteSpace: 'normal', lineHeight: 1.3 },
            }}
          />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
