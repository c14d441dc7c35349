// Merging a duplicate record into this child's record, and undoing a merge (managers and
// administrators only, as the contract allows). Both need a reason, kept with the merge and in
// the audit. A refusal (for example "undo the later merge first") is shown in words.
import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { PersonRecord } from '../../../../shared/domain/records';
import { ApiError, errorMessage } from '../../api/client';
import { useDebounced } from '../../components/useDebounced';
import { TYPE_AHEAD_DELAY_MS, childDetails, childName } from '../search/search-model';
import { useSearch } from '../search/search-queries';
import { useMergeInto, useSameChildCandidates, useUnmerge } from './person-queries';
import { personLabel } from './person-model';

type Choice = { id: string; name: string; detail: string; why: string };

function ReasonField(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
}): ReactElement {
  return (
    <TextField
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={(e) => {
        props.onChange(e.target.value);
      }}
      error={props.error !== undefined}
      helperText={props.error ?? 'Kept with the merge and in the audit log.'}
      // A fixed height, not MUI's autosizing textarea: measuring its height while the dialog
      // fades in re-renders it in a loop on a slow machine ("Maximum update depth exceeded").
      multiline
      rows={3}
      required
      fullWidth
      slotProps={{ htmlInput: { maxLength: 2000 } }}
    />
  );
}

/** Errors beside the fields from the server, and anything else in words above them. */
function serverErrors(error: unknown): { fields: Record<string, string>; message: string | null } {
  if (error instanceof ApiError && error.fieldErrors) {
    return { fields: error.fieldErrors, message: null };
  }
  return { fields: {}, message: error ? errorMessage(error) : null };
}

export function MergeDialog(props: {
  person: PersonRecord;
  open: boolean;
  onClose: () => void;
}): ReactElement {
  const { person } = props;
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const candidates = useSameChildCandidates(person, props.open);
  const debounced = useDebounced(text, TYPE_AHEAD_DELAY_MS);
  const search = useSearch(debounced, 10, props.open);
  const merge = useMergeInto(person.id);
  const server = serverErrors(merge.error);
  const errors = { ...server.fields, ...local };

  const choices: Choice[] = [];
  const seen = new Set<string>([person.id]);
  for (const m of candidates.data ?? []) {
    if (seen.has(m.person.id)) continue;
    seen.add(m.person.id);
    choices.push({
      id: m.person.id,
      name: personLabel(m.person),
      detail: childDetails({
        ...m.person,
        personId: m.person.id,
        why: [],
      }),
      why: m.reasons.map((r) => r.text).join('; '),
    });
  }
  for (const c of text.trim() === '' ? [] : (search.data?.children ?? [])) {
    if (seen.has(c.personId)) continue;
    seen.add(c.personId);
    choices.push({
      id: c.personId,
      name: childName(c),
      detail: childDetails(c),
      why: 'Found by search',
    });
  }

  const close = (): void => {
    setChoice('');
    setReason('');
    setText('');
    setLocal({});
    merge.reset();
    props.onClose();
  };

  const submit = (): void => {
    const missing: Record<string, string> = {};
    if (choice === '') missing.mergeId = 'Choose the record that is the same child';
    if (reason.trim() === '')
      missing.reason = 'Say why these are the same child (for example, the NHS numbers match)';
    setLocal(missing);
    if (Object.keys(missing).length > 0) return;
    merge.mutate(
      { mergeId: choice, reason: reason.trim() },
      {
        onSuccess: close,
      },
    );
  };

  return (
    <Dialog open={props.open} onClose={close} maxWidth="md" fullWidth aria-labelledby="merge-title">
      <DialogTitle id="merge-title">This is the same child as…</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          Choose the other record for {personLabel(person)}. Its referrals and household links move
          to this record, and the other record then points here. A manager can undo this later.
        </Typography>
        {server.message ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="merge-refused">
            {server.message}
          </Alert>
        ) : null}
        <TextField
          id="merge-search"
          label="Search for the other record (name, NHS number, date of birth…)"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
          fullWidth
          sx={{ mb: 2 }}
          helperText={search.data?.hint ?? ' '}
        />
        <FormControl error={errors.mergeId !== undefined} sx={{ mb: 2, width: '100%' }}>
          <FormLabel id="merge-choice-label">Records that may be this child</FormLabel>
          {errors.mergeId ? (
            <FormHelperText id="merge-choice-error">{errors.mergeId}</FormHelperText>
          ) : null}
          {candidates.isPending ? <Typography>Checking records…</Typography> : null}
          {!candidates.isPending && choices.length === 0 ? (
            <Typography color="text.secondary">
              No other record looks like this child. Search for it above.
            </Typography>
          ) : null}
          <RadioGroup
            aria-labelledby="merge-choice-label"
            aria-describedby={errors.mergeId ? 'merge-choice-error' : undefined}
            value={choice}
            onChange={(e) => {
              setChoice(e.target.value);
            }}
          >
            {choices.map((c) => (
              <FormControlLabel
                key={c.id}
                value={c.id}
                control={<Radio />}
                sx={{ alignItems: 'flex-start', my: 0.5 }}
                label={
                  <Box sx={{ pt: 1 }}>
                    <Typography sx={{ fontWeight: 700 }}>{c.name}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      {c.detail}
                    </Typography>
                    <Typography variant="body2">{c.why}</Typography>
                  </Box>
                }
              />
            ))}
          </RadioGroup>
        </FormControl>
        <ReasonField
          id="merge-reason"
          label="Why are these the same child?"
          value={reason}
          error={errors.reason}
          onChange={setReason}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={merge.isPending}>
          Merge into this record
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function UndoMergeDialog(props: {
  mergeId: string | null;
  description: string;
  onClose: () => void;
}): ReactElement {
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>(undefined);
  const unmerge = useUnmerge();
  const server = serverErrors(unmerge.error);
  const close = (): void => {
    setReason('');
    setLocal(undefined);
    unmerge.reset();
    props.onClose();
  };
  const submit = (): void => {
    if (props.mergeId === null) return;
    if (reason.trim() === '') {
      setLocal('Say why the merge is being undone');
      return;
    }
    setLocal(undefined);
    unmerge.mutate({ mergeId: props.mergeId, reason: reason.trim() }, { onSuccess: close });
  };
  return (
    <Dialog
      open={props.mergeId !== null}
      onClose={close}
      maxWidth="sm"
      fullWidth
      aria-labelledby="unmerge-title"
    >
      <DialogTitle id="unmerge-title">Undo this merge</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{props.description}</Typography>
        {server.message ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="unmerge-refused">
            {server.message}
          </Alert>
        ) : null}
        <ReasonField
          id="unmerge-reason"
          label="Why is the merge being undone?"
          value={reason}
          error={local ?? server.fields.reason}
          onChange={setReason}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={unmerge.isPending}>
          Undo the merge
        </Button>
      </DialogActions>
    </Dialog>
  );
}
