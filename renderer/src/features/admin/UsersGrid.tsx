// The people who use Front Door as a data grid (house style: renderer/src/features/letters/
// WorkQueueGrid.tsx). A front door has tens of users, so the grid holds them all (client-side
// paging off); new users waiting for a role are listed first by the page.
import { memo, useMemo, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { GridCellButton } from '../../components/GridCellButton';
import type { AppUser } from '../../../../shared/domain/records';
import { formatDateTime } from '../../components/format';
import { ROLE_LABELS, isWaiting, statusText } from './users-model';

export type UserAction = { user: AppUser; kind: 'roles' | 'deactivate' | 'reactivate' };

function RolesCell(props: { user: AppUser }): ReactElement {
  const { user } = props;
  if (user.roles.length === 0) {
    return (
      <Typography
        data-testid="user-waiting"
        sx={{
          fontSize: '0.875rem',
          fontWeight: 600,
          px: 0.75,
          borderLeft: 4,
          borderColor: isWaiting(user) ? 'warning.main' : 'divider',
        }}
      >
        {isWaiting(user) ? 'Waiting for a role' : 'No role'}
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, m: 0, p: 0 }}>
      {user.roles.map((r) => (
        <Box component="li" key={r} sx={{ listStyle: 'none' }}>
          <Chip size="small" label={ROLE_LABELS[r]} variant="outlined" />
        </Box>
      ))}
    </Box>
  );
}

function ActionsCell(props: {
  user: AppUser;
  tabIndex: -1 | 0;
  isMe: boolean;
  onAction: (a: UserAction) => void;
}): ReactElement {
  const { user } = props;
  const button = (kind: UserAction['kind'], label: string) => (
    <GridCellButton
      label={label}
      forWhom={user.displayName}
      tabIndex={props.tabIndex}
      color={kind === 'deactivate' ? 'error' : 'primary'}
      onClick={() => {
        props.onAction({ user, kind });
      }}
    />
  );
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {user.active ? button('roles', 'Change roles') : null}
      {/* You cannot switch yourself off (users:set-active refuses it): no button to press. */}
      {user.active && !props.isMe ? button('deactivate', 'Deactivate') : null}
      {!user.active ? button('reactivate', 'Reactivate') : null}
    </Box>
  );
}

export const UsersGrid = memo(function UsersGrid(props: {
  rows: readonly AppUser[];
  meId: string;
  loading: boolean;
  labelledBy: string;
  onAction: (a: UserAction) => void;
}): ReactElement {
  const { onAction, meId } = props;
  const columns = useMemo<GridColDef<AppUser>[]>(() => {
    // Widths fit 1280 px with the navigation beside the grid, without a sideways scroll.
    const cols: GridColDef<AppUser>[] = [
      {
        field: 'displayName',
        headerName: 'Name',
        flex: 1,
        minWidth: 140,
        renderCell: (p) => (
          <span>
            <Box component="span" sx={{ fontWeight: 600 }}>
              {p.row.displayName}
            </Box>
            {/* The harness seed's name already says "(you)": do not say it twice. */}
            {p.row.id === meId && !/\(you\)$/i.test(p.row.displayName) ? ' (you)' : ''}
          </span>
        ),
      },
      {
        field: 'osAccount',
        headerName: 'Computer account',
        width: 168,
        renderCell: (p) => <span>{p.row.osAccount}</span>,
      },
      {
        field: 'roles',
        headerName: 'Roles',
        flex: 1.4,
        minWidth: 180,
        sortable: false,
        renderCell: (p) => <RolesCell user={p.row} />,
      },
      {
        field: 'active',
        headerName: 'Access',
        width: 110,
        renderCell: (p) => (
          <Typography
            data-testid="user-status"
            sx={{
              fontSize: '0.875rem',
              fontWeight: p.row.active ? 400 : 700,
              color: p.row.active ? 'text.primary' : 'error.dark',
            }}
          >
            {p.row.active ? 'Active' : statusText(p.row)}
          </Typography>
        ),
      },
      {
        field: 'updatedAt',
        headerName: 'Last changed',
        width: 146,
        renderCell: (p) => <span>{p.row.updatedAt ? formatDateTime(p.row.updatedAt) : '—'}</span>,
      },
      {
        field: 'actions',
        headerName: 'Actions',
        width: 150,
        sortable: false,
        renderCell: (p) => (
          <ActionsCell
            user={p.row}
            tabIndex={p.tabIndex}
            isMe={p.row.id === meId}
            onAction={onAction}
          />
        ),
      },
    ];
    return cols.map((c) => ({ ...c, filterable: false, hideable: false }));
  }, [meId, onAction]);

  const localeText = useMemo(() => ({ noRowsLabel: 'Nobody has signed in yet' }), []);
  const slotProps = useMemo(() => ({ row: { 'data-testid': 'user-row' } }), []);

  return (
    <DataGrid
      aria-labelledby={props.labelledBy}
      rows={props.rows}
      getRowId={(r: AppUser) => r.id}
      columns={columns}
      loading={props.loading}
      // The page's order (waiting first) is the default; a header click re-sorts, a third clears.
      sortingOrder={['asc', 'desc', null]}
      disableColumnFilter
      disableColumnSelector
      disableRowSelectionOnClick
      // Tens of people fit one page of 100; the footer shows only if there are ever more.
      hideFooter={props.rows.length <= 100}
      initialState={{ pagination: { paginationModel: { pageSize: 100, page: 0 } } }}
      pageSizeOptions={[100]}
      // Tens of rows: every row stays in the page (find-in-page, screen readers, tests).
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
          py: 0.75,
          fontSize: '0.875rem',
          lineHeight: 1.35,
          whiteSpace: 'normal',
        },
        '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 700 },
      }}
    />
  );
});
