// Who is invited, beside the policy's required roles (WT minimum participants by edition, plus
// local policy and the looked-after child's fostering or residential service), and the
// suggested optional invitees each with an "Invite" button that fills the add form.

import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorOutlineIcon from '@mui/icons-material/CancelOutlined';
import type { InviteeRecord, StrategyDiscussionRecord } from '../../../../shared/domain/strategy';
import { ROLE_LABELS } from '../../../../shared/domain/types';
import { SENIORITY_LABELS } from '../../../../shared/strategy/types';
import { errorMessage } from '../../api/client';
import { TextBox } from '../decisions/fields';
import { emptyInvitee, InviteeForm, type InviteeFormValues } from './InviteeForm';
import { useStrategyChange } from './strategy-queries';

export function InviteesList(props: {
  discussion: StrategyDiscussionRecord;
  editable: boolean;
  onRemove: (invitee: InviteeRecord) => void;
}): ReactElement {
  const { invitees } = props.discussion;
  if (invitees.length === 0) {
    return <Typography>Nobody is invited yet.</Typography>;
  }
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="invitees">
      {invitees.map((i) => (
        <Box
          component="li"
          key={i.id}
          sx={{
            display: 'flex',
            gap: 2,
            alignItems: 'flex-start',
            justifyContent: 'space-between',
            py: 1.25,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          <Box>
            <Typography sx={{ fontWeight: 600 }}>
              {i.name}
              {i.jobTitle ? `, ${i.jobTitle}` : ''}
            </Typography>
            <Typography variant="body2">
              {i.agency}
              {i.email ? ` · ${i.email}` : ''}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {i.covers ? `Covers: ${ROLE_LABELS[i.covers]}` : 'No required role'} ·{' '}
              {SENIORITY_LABELS[i.seniority]}
            </Typography>
          </Box>
          {props.editable ? (
            <Button
              size="small"
              color="error"
              aria-label={`Remove ${i.name}`}
              onClick={() => {
                props.onRemove(i);
              }}
            >
              Remove
            </Button>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}

export function RequiredRoles(props: { discussion: StrategyDiscussionRecord }): ReactElement {
  const { roleCheck } = props.discussion;
  return (
    <Stack spacing={1.5}>
      {roleCheck.missing.length > 0 ? (
        <Alert severity="warning">
          {roleCheck.missing.length === 1
            ? 'One required role has nobody invited.'
            : `${String(roleCheck.missing.length)} required roles have nobody invited.`}{' '}
          The meeting cannot be confirmed until each is covered, unless the chair records why.
        </Alert>
      ) : (
        <Alert severity="success">Every required role has someone invited.</Alert>
      )}
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="required-roles">
        {roleCheck.roles.map((r) => (
          <Box component="li" key={r.key} sx={{ display: 'flex', gap: 1.25, py: 0.75 }}>
            {r.covered ? (
              <CheckCircleIcon color="success" aria-hidden sx={{ mt: 0.25 }} />
            ) : (
              <ErrorOutlineIcon color="error" aria-hidden sx={{ mt: 0.25 }} />
            )}
            <Box>
              <Typography sx={{ fontWeight: 600 }}>
                {r.label}:{' '}
                {r.covered ? (
                  <Box component="span" sx={{ fontWeight: 400 }}>
                    {r.invitees.map((i) => `${i.name} (${i.agency})`).join(', ')}
                  </Box>
                ) : (
                  <Box component="span" sx={{ color: 'error.dark' }}>
                    missing
                  </Box>
                )}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {r.source}
              </Typography>
            </Box>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}

export function Suggestions(props: {
  discussion: StrategyDiscussionRecord;
  editable: boolean;
  onInvite: (values: InviteeFormValues) => void;
}): ReactElement | null {
  const { suggestions } = props.discussion;
  const [all, setAll] = useState(false);
  if (suggestions.length === 0) return null;
  // People the referral names (the referrer, the school) first; the roles to consider after,
  // folded away so the list does not push the add form off the screen.
  const named = suggestions.filter((s) => s.name !== null);
  const roles = suggestions.filter((s) => s.name === null);
  const shown = all ? [...named, ...roles] : named;
  return (
    <Box>
      <Typography variant="h3" sx={{ fontSize: '1.1rem', fontWeight: 700, mb: 1 }}>
        Also consider inviting
      </Typography>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="suggestions">
        {shown.map((s, n) => (
          <Box
            component="li"
            key={`${s.covers}-${String(n)}`}
            sx={{ display: 'flex', gap: 2, justifyContent: 'space-between', py: 0.75 }}
          >
            <Box>
              <Typography sx={{ fontWeight: 600 }}>
                {s.name ? `${s.name}, ${s.label.toLowerCase()}` : s.label}
                {s.agency ? ` (${s.agency})` : ''}
              </Typography>
              <Typography variant="body2">{s.why}</Typography>
              <Typography variant="body2" color="text.secondary">
                Source: {s.source}
              </Typography>
            </Box>
            {props.editable ? (
              <Button
                size="small"
                variant="outlined"
                sx={{ alignSelf: 'center', flexShrink: 0 }}
                aria-label={`Invite ${s.name ?? s.label}`}
                onClick={() => {
                  props.onInvite({
                    ...emptyInvitee(),
                    name: s.name ?? '',
                    agency: s.agency ?? '',
                    email: s.email ?? '',
                    covers: s.covers,
                  });
                }}
              >
                Invite
              </Button>
            ) : null}
          </Box>
        ))}
      </Box>
      {roles.length > 0 ? (
        <Button
          size="small"
          aria-expanded={all}
          onClick={() => {
            setAll((v) => !v);
          }}
        >
          {all
            ? 'Show fewer'
            : `Show ${String(roles.length)} other ${roles.length === 1 ? 'role' : 'roles'} the guidance names`}
        </Button>
      ) : null}
    </Box>
  );
}

/** The invitees and the role checklist side by side, the add form under them. */
export function InviteesSection(props: {
  discussion: StrategyDiscussionRecord;
  editable: boolean;
  onStatus: (text: string) => void;
}): ReactElement {
  const d = props.discussion;
  const [preset, setPreset] = useState<{ key: number; values: InviteeFormValues } | null>(null);
  const [removing, setRemoving] = useState<InviteeRecord | null>(null);
  return (
    <Stack spacing={3}>
      <Box
        sx={{
          display: 'grid',
          gap: 4,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' },
        }}
      >
        <Box>
          <Typography variant="h3" sx={{ fontSize: '1.1rem', fontWeight: 700, mb: 1 }}>
            Invited ({d.invitees.length})
          </Typography>
          <InviteesList discussion={d} editable={props.editable} onRemove={setRemoving} />
        </Box>
        <Box>
          <Typography variant="h3" sx={{ fontSize: '1.1rem', fontWeight: 700, mb: 1 }}>
            Required roles
          </Typography>
          <RequiredRoles discussion={d} />
        </Box>
      </Box>
      <Suggestions
        discussion={d}
        editable={props.editable}
        onInvite={(values) => {
          setPreset((p) => ({ key: (p?.key ?? 0) + 1, values }));
          props.onStatus('The invitee form is filled in below: check it, then add them.');
          window.setTimeout(() => {
            document.getElementById('add-invitee-title')?.scrollIntoView({ block: 'start' });
            document.getElementById('field-invitee-name')?.focus();
          }, 0);
        }}
      />
      {props.editable ? (
        <InviteeForm
          discussion={d}
          preset={preset}
          onAdded={(name) => {
            props.onStatus(`${name} is invited.`);
          }}
        />
      ) : null}
      {removing ? (
        <RemoveDialog
          discussion={d}
          invitee={removing}
          onClose={(removed) => {
            setRemoving(null);
            if (removed) props.onStatus(`${removing.name} is no longer invited.`);
          }}
        />
      ) : null}
    </Stack>
  );
}

function RemoveDialog(props: {
  discussion: StrategyDiscussionRecord;
  invitee: InviteeRecord;
  onClose: (removed: boolean) => void;
}): ReactElement {
  const remove = useStrategyChange('strategy:remove-invitee');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <Dialog
      open
      onClose={() => {
        props.onClose(false);
      }}
      aria-labelledby="remove-invitee-title"
    >
      <DialogTitle id="remove-invitee-title">Remove {props.invitee.name}?</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          They stay in the discussion&apos;s record as removed. Send them the new invite once you
          have made your changes.
        </Typography>
        <TextBox
          path="remove-reason"
          label="Reason (optional)"
          value={reason}
          error={error}
          multiline
          onChange={setReason}
        />
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            props.onClose(false);
          }}
        >
          Keep them
        </Button>
        <Button
          color="error"
          variant="contained"
          disabled={remove.isPending}
          onClick={() => {
            const t = reason.trim();
            remove
              .mutateAsync({
                id: props.discussion.id,
                version: props.discussion.version,
                inviteeId: props.invitee.id,
                ...(t === '' ? {} : { reason: t }),
              })
              .then(
                () => {
                  props.onClose(true);
                },
                (e: unknown) => {
                  setError(errorMessage(e));
                },
              );
          }}
        >
          Remove
        </Button>
      </DialogActions>
    </Dialog>
  );
}
