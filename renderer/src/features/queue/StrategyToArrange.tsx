// Below the queue: referrals whose decision called for a strategy discussion that has not been
// held (issue 12). A decided referral leaves the queue, so without this list a discussion not yet
// booked, booked after the local deadline, or overdue would wait where nobody looks.
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import type { StrategyToArrange as Row } from '../../../../shared/domain/strategy-arrange';
import { call, errorMessage } from '../../api/client';
import { ClockChip } from '../../components/ClockChip';
import { formatDateTime, formatDayDate } from '../../components/format';

const RESPONSE: Record<Row['response'], string> = {
  'strategy-discussion': 'Strategy discussion',
  'emergency-action': 'Emergency action',
};

/** Refetched like the queue: on focus and every minute, so another desktop's booking shows. */
export function useStrategyToArrange(enabled: boolean) {
  return useQuery({
    queryKey: ['strategy', 'to-arrange'],
    queryFn: () => call('strategy:to-arrange', {}),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function StrategyToArrangePanel(props: { enabled: boolean }): ReactElement | null {
  const q = useStrategyToArrange(props.enabled);
  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      {
        field: 'reference',
        headerName: 'Reference',
        width: 150,
        renderCell: (p) => (
          <Link component={RouterLink} to={`/referrals/${p.row.referralId}`}>
            {p.row.reference}
          </Link>
        ),
      },
      {
        field: 'response',
        headerName: 'Decision',
        width: 170,
        valueGetter: (_v, row) => RESPONSE[row.response],
      },
      {
        field: 'decidedAt',
        headerName: 'Decided',
        width: 150,
        valueFormatter: (v: string) => formatDateTime(v),
      },
      {
        field: 'due',
        headerName: 'Hold by',
        width: 230,
        renderCell: (p) => (
          <span>
            {formatDayDate(p.row.due)} <ClockChip status={p.row.clock} size="small" />
          </span>
        ),
      },
      {
        field: 'booked',
        headerName: 'Booked',
        flex: 1,
        minWidth: 220,
        sortable: false,
        renderCell: (p) =>
          p.row.booked === null ? (
            <Link component={RouterLink} to={`/referrals/${p.row.referralId}/strategy/new`}>
              Not booked: arrange it
            </Link>
          ) : (
            <Link component={RouterLink} to={`/strategy/${p.row.booked.id}`}>
              {formatDateTime(p.row.booked.startsAt)}
              {p.row.booked.late ? ' (after the deadline)' : ''}
            </Link>
          ),
      },
    ],
    [],
  );
  if (!props.enabled) return null;
  if (q.isError) {
    return (
      <Typography role="alert" color="error">
        Strategy discussions to arrange could not be loaded: {errorMessage(q.error)}
      </Typography>
    );
  }
  const rows = q.data ?? [];
  if (rows.length === 0) return null;
  const overdue = rows.filter((r) => r.clock.kind === 'overdue').length;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="to-arrange-heading"
      sx={{ p: 2 }}
    >
      <Typography id="to-arrange-heading" variant="h2" sx={{ fontSize: '1.25rem', mb: 0.5 }}>
        Strategy discussions to arrange ({rows.length}
        {overdue > 0 ? `, ${String(overdue)} overdue` : ''})
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Referrals decided in the last 90 days whose strategy discussion has not been held yet.
      </Typography>
      <DataGrid
        aria-labelledby="to-arrange-heading"
        rows={rows}
        columns={columns}
        getRowId={(r) => r.referralId}
        density="compact"
        disableColumnFilter
        disableColumnSelector
        disableRowSelectionOnClick
        hideFooter={rows.length <= 10}
        initialState={{ pagination: { paginationModel: { pageSize: 10 } } }}
        pageSizeOptions={[10]}
        autoHeight
      />
    </Paper>
  );
}
