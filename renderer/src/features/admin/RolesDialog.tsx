// "Change roles": a checkbox per role with what that role may do. The administrator box is locked
// when clearing it would leave nobody able to give roles (the main process refuses it too), and
// the reason is said beside it. Errors from the main process are shown beside the roles.
import { useId, useState, type ReactElement, type SyntheticEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';
import type { AppUser } from '../../../../shared/domain/records';
import type { UserRole } from '../../../../shared/domain/types';
import { ApiError, errorMessage } from '../../api/client';
import { fieldId } from '../../components/ErrorSummary';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_ORDER, adminLockReason } from './users-model';
import { useSetRoles } from './users-queries';

export function RolesDialog(props: {
  user: AppUser;
  me: AppUser;
  users: readonly AppUser[];
  onClose: () => void;
  onDone: (message: string) => void;
}): ReactElement {
  const { user } = props;
  const titleId = useId();
  const [roles, setRoles] = useState<UserRole[]>(user.roles);
  const [error, setError] = useState<string | null>(null);
  const setRolesCall = useSetRoles();
  const lock = adminLockReason(user, props.me, props.users);
  const errorId = `${fieldId('roles')}-error`;
  const lockId = `${fieldId('roles')}-lock`;

  const toggle = (role: UserRole, on: boolean): void => {
    setError(null);
    setRoles((now) => ROLE_ORDER.filter((r) => (r === role ? on : now.includes(r))));
  };

  const submit = async (e: SyntheticEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      const saved = await setRolesCall.mutateAsync({ id: user.id, version: user.version, roles });
      props.onDone(
        saved.roles.length === 0
          ? `${saved.displayName} now has no role.`
          : `${saved.displayName} now has the roles: ${saved.roles.map((r) => ROLE_LABELS[r]).join(', ')}.`,
      );
    } catch (err) {
      const field = err instanceof ApiError ? err.fieldErrors?.roles : undefined;
      setError(field ?? errorMessage(err));
    }
  };

  return (
    <Dialog open onClose={props.onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id={titleId} component="h2">
          Change roles for {user.displayName}
        </DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>
            Computer account {user.osAccount}. Changes apply from their next action in Front Door.
          </Typography>
          <FormControl component="fieldset" error={error !== null} id={fieldId('roles')}>
            <FormLabel component="legend" sx={{ fontWeight: 700, color: 'text.primary', mb: 1 }}>
              Roles
            </FormLabel>
            {error !== null ? (
              <FormHelperText id={errorId} role="alert" sx={{ fontSize: '1rem', mx: 0, mb: 1 }}>
                {error}
              </FormHelperText>
            ) : null}
            <FormGroup>
              {ROLE_ORDER.map((role) => {
                const locked = role === 'admin' && lock !== null;
                const descId = `${fieldId(`roles.${role}`)}-hint`;
                return (
                  <FormControlLabel
                    key={role}
                    sx={{ alignItems: 'flex-start', mb: 1.25 }}
                    control={
                      <Checkbox
                        checked={roles.includes(role)}
                        disabled={locked}
                        onChange={(_e, on) => {
                          toggle(role, on);
                        }}
                        sx={{ pt: 0.25 }}
                        slotProps={{
                          input: {
                            'aria-describedby':
                              [descId, locked ? lockId : null, error !== null ? errorId : null]
                                .filter((x) => x !== null)
                                .join(' ') || undefined,
                          },
                        }}
                      />
                    }
                    label={
                      <span>
                        <Typography component="span" sx={{ fontWeight: 600, display: 'block' }}>
                          {ROLE_LABELS[role]}
                        </Typography>
                        <Typography
                          component="span"
                          id={descId}
                          color="text.secondary"
                          sx={{ display: 'block', fontSize: '0.875rem' }}
                        >
                          {ROLE_DESCRIPTIONS[role]}
                        </Typography>
                      </span>
                    }
                  />
                );
              })}
            </FormGroup>
            {lock !== null ? (
              <Alert severity="info" id={lockId} sx={{ mt: 1 }}>
                {lock}
              </Alert>
            ) : null}
          </FormControl>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={setRolesCall.isPending}>
            Save roles
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
