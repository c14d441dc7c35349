// The audit log as a data grid: the store filters and pages (paginationMode "server"), newest
// first; the grid shows one page and the total. A row opens its details (Enter or a click).
import { useMemo, type ReactElement } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import {
  DataGrid,
  type GridCellParams,
  type GridColDef,
  type GridPaginationModel,
  type GridRowParams,
} from '@mui/x-data-grid';
import { auditActionLabel, auditEntityLabel } from '../../../../shared/domain/audit';
import type { AuditEntry } from '../../../../shared/domain/records';
import { formatDateTime } from '../../components/format';
import { AUDIT_PAGE_SIZES, entityLink } from './audit-model';

export type AuditGridProps = {
  rows: readonly AuditEntry[];
  total: number;
  references: Record<string, string>;
  loading: boolean;
  paginationModel: GridPaginationModel;
  onPaginationModelChange: (model: GridPaginationModel) => void;
  onOpen: (entry: AuditEntry) => void;
  labelledBy: string;
};

function WhatCell(props: {
  entry: AuditEntry;
  references: Record<string, string>;
  tabIndex: -1 | 0;
}): ReactElement {
  const { entry } = props;
  const to = entityLink(entry);
  const label = auditEntityLabel(entry.entityType);
  const reference =
    entry.entityType === 'referral' && entry.entityId !== null
      ? (props.references[entry.entityId] ?? null)
      : null;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography sx={{ fontSize: '0.875rem' }}>{label}</Typography>
      {to !== null ? (
        <Link
          component={RouterLink}
          to={to}
          tabIndex={props.tabIndex}
          sx={{ fontSize: '0.8125rem' }}
          onClick={(e) => {
            e.stopPropagation();
          }}
        >
          {reference ?? (entry.entityType === 'person' ? 'Open the record' : 'Open')}
        </Link>
      ) : null}
    </Box>
  );
}

export function AuditGrid(props: AuditGridProps): ReactElement {
  const { references, onOpen } = props;
  const columns = useMemo<GridColDef<AuditEntry>[]>(
    () => [
      {
        field: 'at',
        headerName: 'When',
        width: 152,
        sortable: false,
        valueFormatter: (value: string) => formatDateTime(value),
      },
      {
        field: 'user',
        headerName: 'Who',
        width: 150,
        sortable: false,
        valueGetter: (_v, row) => row.user?.displayName ?? 'The system',
      },
      {
        field: 'action',
        headerName: 'Action',
        width: 140,
        sortable: false,
        valueGetter: (_v, row) => auditActionLabel(row.action),
      },
      {
        field: 'entityType',
        headerName: 'What',
        width: 160,
        sortable: false,
        renderCell: (p) => <WhatCell entry={p.row} references={references} tabIndex={p.tabIndex} />,
      },
      {
        field: 'summary',
        headerName: 'Summary',
        flex: 1,
        minWidth: 220,
        sortable: false,
      },
    ],
    [references],
  );
  return (
    <DataGrid
      aria-labelledby={props.labelledBy}
      rows={props.rows}
      getRowId={(r) => r.seq}
      columns={columns}
      rowCount={props.total}
      loading={props.loading}
      paginationMode="server"
      sortingMode="server"
      filterMode="server"
      disableColumnFilter
      disableColumnMenu
      disableRowSelectionOnClick
      pageSizeOptions={[...AUDIT_PAGE_SIZES]}
      paginationModel={props.paginationModel}
      onPaginationModelChange={props.onPaginationModelChange}
      onRowClick={(p: GridRowParams<AuditEntry>) => {
        onOpen(p.row);
      }}
      onCellKeyDown={(p: GridCellParams<AuditEntry>, e) => {
        if (e.key === 'Enter' && p.field !== 'entityType') onOpen(p.row);
      }}
      getRowHeight={() => 'auto'}
      localeText={{ noRowsLabel: 'No audit entries match these filters' }}
      sx={{
        border: 0,
        '& .MuiDataGrid-row': { cursor: 'pointer' },
        '& .MuiDataGrid-cell': { py: 0.75, display: 'flex', alignItems: 'center' },
        '& .MuiDataGrid-cell[data-field="at"]': { whiteSpace: 'nowrap' },
      }}
    />
  );
}
