// The backups, newest first: when each was made (London time), its size, whether its last full
// check passed, and the two things to do with one: check it again, or restore it.
import { useMemo, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { londonDateAtTime, type BackupListItem } from '../../../../shared/domain/backups';
import { checkText, formatMegabytes } from './backups-model';

const cellButton = {
  size: 'small',
  variant: 'outlined',
  sx: { py: 0, px: 0.75, minWidth: 0, whiteSpace: 'nowrap', fontSize: '0.8125rem' },
} as const;

export type BackupsGridProps = {
  rows: readonly BackupListItem[];
  loading: boolean;
  labelledBy: string;
  /** The file being checked now, if any (its button waits). */
  checking: string | null;
  onCheck: (b: BackupListItem) => void;
  onRestore: (b: BackupListItem) => void;
};

export function BackupsGrid(props: BackupsGridProps): ReactElement {
  const { onCheck, onRestore, checking } = props;
  const columns = useMemo<GridColDef<BackupListItem>[]>(
    () => [
      {
        field: 'createdAt',
        headerName: 'Made',
        width: 190,
        sortable: false,
        valueFormatter: (value: string) => londonDateAtTime(value),
      },
      {
        field: 'sizeBytes',
        headerName: 'Size',
        width: 100,
        sortable: false,
        align: 'right',
        headerAlign: 'right',
        valueFormatter: (value: number) => formatMegabytes(value),
      },
      {
        field: 'verified',
        headerName: 'Checked and complete',
        flex: 1,
        minWidth: 240,
        sortable: false,
        valueGetter: (_v, row) => checkText(row),
      },
      {
        field: 'actions',
        headerName: 'Actions',
        width: 250,
        sortable: false,
        renderCell: (p) => {
          const when = londonDateAtTime(p.row.createdAt);
          return (
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button
                {...cellButton}
                tabIndex={p.tabIndex}
                disabled={checking !== null}
                // The grid reads a cell without its row: the name says which backup.
                aria-label={`Check this backup, from ${when}`}
                onClick={() => {
                  onCheck(p.row);
                }}
              >
                {checking === p.row.file ? 'Checking…' : 'Check this backup'}
              </Button>
              <Button
                {...cellButton}
                tabIndex={p.tabIndex}
                color="error"
                aria-label={`Restore the backup from ${when}`}
                onClick={() => {
                  onRestore(p.row);
                }}
              >
                Restore
              </Button>
            </Box>
          );
        },
      },
    ],
    [checking, onCheck, onRestore],
  );
  return (
    <DataGrid
      aria-labelledby={props.labelledBy}
      rows={props.rows}
      getRowId={(r) => r.file}
      columns={columns}
      loading={props.loading}
      disableColumnFilter
      disableColumnMenu
      disableRowSelectionOnClick
      hideFooter={props.rows.length <= 25}
      pageSizeOptions={[25]}
      initialState={{ pagination: { paginationModel: { pageSize: 25, page: 0 } } }}
      getRowClassName={() => 'backup-row'}
      localeText={{ noRowsLabel: 'There are no backups yet. Make one with “Back up now”.' }}
      autoHeight
      sx={{ border: 0, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}
    />
  );
}
