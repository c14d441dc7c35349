// Someone else saved the referral after these corrections were started. Rather than "reload"
// (which lost the worker's changes), show what each side changed, field by field: the worker keeps
// theirs, takes the other, or chooses per field, then saves again against the version now on
// record.

import { useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReferralRecord } from '../../../../shared/domain/records';
import { useSession } from '../../api/queries';
import { formatDateTime } from '../../components/format';
import { compareForms, mergeForms } from './conflict-model';
import { recordToForm } from './form-from-record';
import type { ReferralForm } from './form-model';

export function ConflictPanel(props: {
  mine: ReferralForm;
  base: ReferralRecord;
  theirs: ReferralRecord;
  onResolve: (merged: ReferralForm) => void;
  onCancel: () => void;
}): ReactElement {
  const theirsForm = useMemo(() => recordToForm(props.theirs), [props.theirs]);
  const changes = useMemo(
    () => compareForms(recordToForm(props.base), props.mine, theirsForm),
    [props.base, props.mine, theirsForm],
  );
  const shown = changes.filter((c) => !c.hidden);
  const conflicts = shown.filter((c) => c.changedBy === 'both');
  const [keepMine, setKeepMine] = useState<Set<string>>(
    () => new Set(conflicts.map((c) => c.path)),
  );
  const session = useSession();
  // The same worker in another window or tab is told so, not named like a colleague.
  const byMe =
    props.theirs.updatedBy !== null && props.theirs.updatedBy.id === session.data?.user.id;
  const who = byMe ? 'You' : (props.theirs.updatedBy?.displayName ?? 'Someone else');
  const after = byMe ? 'in another window, after you started here' : 'after you started';
  const resolve = (choice: 'mine' | 'theirs' | 'chosen'): void => {
    const keep =
      choice === 'mine'
        ? new Set(conflicts.map((c) => c.path))
        : choice === 'theirs'
          ? new Set<string>()
          : keepMine;
    // "Take theirs" drops the worker's other changes too: it is their version as it stands.
    props.onResolve(
      choice === 'theirs' ? theirsForm : mergeForms(props.mine, theirsForm, changes, keep),
    );
  };
  return (
    <Alert severity="warning" sx={{ mb: 3 }} data-testid="conflict">
      <AlertTitle>
        {who} saved this referral at {formatDateTime(props.theirs.updatedAt)}, {after}
      </AlertTitle>
      <Typography sx={{ mb: 2 }}>
        Nothing has been lost. Here is what each of you changed. Choose what to keep, then save
        again.
      </Typography>
      <Table size="small" aria-label="What each of you changed">
        <TableHead>
          <TableRow>
            <TableCell scope="col">Field</TableCell>
            <TableCell scope="col">
              {byMe ? 'Saved in the other window' : `${who}’s version`}
            </TableCell>
            <TableCell scope="col">{byMe ? 'Here' : 'Your version'}</TableCell>
            <TableCell scope="col">Keep</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((c) => (
            <TableRow key={c.path} data-path={c.path}>
              <TableCell>{c.label}</TableCell>
              <TableCell>{c.theirs}</TableCell>
              <TableCell>{c.mine}</TableCell>
              <TableCell>
                {c.changedBy === 'both' ? (
                  <RadioGroup
                    row
                    aria-label={`Keep for ${c.label}`}
                    value={keepMine.has(c.path) ? 'mine' : 'theirs'}
                    onChange={(_e, v) => {
                      setKeepMine((prev) => {
                        const next = new Set(prev);
                        if (v === 'mine') next.add(c.path);
                        else next.delete(c.path);
                        return next;
                      });
                    }}
                  >
                    <FormControlLabel value="mine" control={<Radio />} label="Yours" />
                    <FormControlLabel value="theirs" control={<Radio />} label="Theirs" />
                  </RadioGroup>
                ) : c.changedBy === 'me' ? (
                  'Yours (only you changed it)'
                ) : (
                  'Theirs (only they changed it)'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          onClick={() => {
            resolve('chosen');
          }}
        >
          {conflicts.length > 0 ? 'Use these choices' : 'Combine both'}
        </Button>
        <Button
          variant="outlined"
          onClick={() => {
            resolve('mine');
          }}
        >
          Keep all of mine
        </Button>
        <Button
          variant="outlined"
          onClick={() => {
            resolve('theirs');
          }}
        >
          Take theirs and drop my changes
        </Button>
        <Button onClick={props.onCancel}>Decide later</Button>
      </Stack>
    </Alert>
  );
}
