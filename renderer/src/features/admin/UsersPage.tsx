// "Users and roles" (issue 14): everyone who has signed in on this database, new people waiting
// for a role first, with their roles in words, whether they may use Front Door and when that last
// changed. Administrators give roles, deactivate leavers (history kept) and reactivate them;
// 'users:set-roles' and 'users:set-active' are theirs alone and the main process enforces it.
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useSession, useUsers } from '../../api/queries';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { AccessDialog } from './AccessDialog';
import { RolesDialog } from './RolesDialog';
import { UsersGrid, type UserAction } from './UsersGrid';
import { isWaiting, sortUsers } from './users-model';

export function UsersPage(): ReactElement {
  const session = useSession();
  const users = useUsers();
  const [action, setAction] = useState<UserAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const onAction = useCallback((a: UserAction) => {
    setDone(null);
    setAction(a);
  }, []);
  // The button that opened a dialog may be gone afterwards ("Deactivate" becomes "Reactivate"):
  // focus goes to the confirmation, which also tells a screen reader what happened.
  useEffect(() => {
    if (done !== null) doneRef.current?.focus();
  }, [done]);

  const me = session.data?.user;
  if (users.isError)
    return (
      <ErrorPanel
        title="The list of users could not be loaded"
        error={users.error}
        onRetry={() => void users.refetch()}
      />
    );
  if (!users.data || !me) return <Loading label="Loading users" />;
  const rows = sortUsers(users.data);
  const waiting = rows.filter(isWaiting).length;

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 1040 }}>
      <Box>
        <Typography variant="h1" id="users-heading" gutterBottom>
          Users and roles
        </Typography>
        <Typography color="text.secondary">
          Everyone who has opened Front Door on this database, by their computer account. Give
          people the roles their work needs; deactivate leavers. Nothing they recorded is deleted.
        </Typography>
      </Box>
      {done !== null ? (
        <Alert severity="success" ref={doneRef} tabIndex={-1} role="status">
          {done}
        </Alert>
      ) : null}
      {waiting > 0 ? (
        <Alert severity="warning" data-testid="waiting-summary">
          {waiting === 1
            ? '1 person is waiting for a role. They are listed first.'
            : `${waiting} people are waiting for a role. They are listed first.`}
        </Alert>
      ) : null}
      <UsersGrid
        rows={rows}
        meId={me.id}
        loading={users.isFetching && !users.data}
        labelledBy="users-heading"
        onAction={onAction}
      />
      {action?.kind === 'roles' ? (
        <RolesDialog
          user={action.user}
          me={me}
          users={users.data}
          onClose={() => {
            setAction(null);
          }}
          onDone={(message) => {
            setAction(null);
            setDone(message);
          }}
        />
      ) : null}
      {action !== null && action.kind !== 'roles' ? (
        <AccessDialog
          user={action.user}
          activate={action.kind === 'reactivate'}
          onClose={() => {
            setAction(null);
          }}
          onDone={(message) => {
            setAction(null);
            setDone(message);
          }}
        />
      ) : null}
    </Stack>
  );
}
