// Closure days (domain §4: days the office is shut are not working days, so every statutory clock
// counts over them). Add one by date, remove one after confirming, and undo a removal. Saved with
// 'settings:update' (closures only), which the main process audits before → after.

import { useMemo, useRef, useState, type SyntheticEvent, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { calendarFromSettings, describeDate } from '../../../../shared/calendar';
import type { SettingsRecord } from '../../../../shared/domain/records';
import type { IsoDate } from '../../../../shared/domain/types';
import { ApiError, errorMessage } from '../../api/client';
import { fieldId } from '../../components/ErrorSummary';
import { visuallyHidden } from '../decisions/a11y';
import { DateBox } from '../decisions/fields';
import { useSaveSettings } from '../letters/template-queries';
import { checkClosureDay, closureRows } from './calendar-model';

type Notice =
  | { kind: 'added'; date: IsoDate }
  | { kind: 'removed'; date: IsoDate }
  | { kind: 'restored'; date: IsoDate }
  | null;

export function ClosureDays(props: {
  settings: SettingsRecord;
  today: IsoDate;
  onRefresh: () => void;
}): ReactElement {
  const { settings, today } = props;
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<IsoDate | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const save = useSaveSettings();
  const noticeRef = useRef<HTMLDivElement | null>(null);
  const bankHolidays = settings.bankHolidays ?? null;
  const calendar = useMemo(
    () => calendarFromSettings({ closures: settings.closures, bankHolidays }),
    [settings.closures, bankHolidays],
  );
  const rows = closureRows(settings.closures, today);

  const saveClosures = (closures: IsoDate[], done: Notice): void => {
    save.mutate(
      { version: settings.version, closures },
      {
        onSuccess: () => {
          setNotice(done);
          requestAnimationFrame(() => noticeRef.current?.focus());
        },
        onError: (e) => {
          // Someone else saved the settings first: fetch theirs so the next try carries them.
          if (e instanceof ApiError && (e.code === 'STALE' || e.code === 'CONFLICT')) {
            props.onRefresh();
          }
          const field = e instanceof ApiError ? e.fieldErrors?.closures : undefined;
          if (field !== undefined) setError(field);
        },
      },
    );
  };

  const onAdd = (e: SyntheticEvent): void => {
    e.preventDefault();
    const check = checkClosureDay(typed, {
      today,
      closures: settings.closures,
      calendar,
      bankHolidays,
    });
    if (!check.ok) {
      setError(check.error);
      document.getElementById(fieldId('closureDate'))?.focus();
      return;
    }
    setError(undefined);
    setTyped('');
    saveClosures([...settings.closures, check.date].sort(), { kind: 'added', date: check.date });
  };

  const remove = (date: IsoDate): void => {
    setConfirming(null);
    saveClosures(
      settings.closures.filter((d) => d !== date),
      { kind: 'removed', date },
    );
  };

  const undo = (date: IsoDate): void => {
    saveClosures([...settings.closures, date].sort(), { kind: 'restored', date });
  };

  return (
    <Stack spacing={2.5}>
      {notice !== null ? (
        <Alert
          severity="success"
          role="status"
          ref={noticeRef}
          tabIndex={-1}
          data-testid="closure-notice"
          action={
            notice.kind === 'removed' ? (
              <Button
                color="inherit"
                onClick={() => {
                  undo(notice.date);
                }}
                disabled={save.isPending}
              >
                Undo
              </Button>
            ) : undefined
          }
        >
          {notice.kind === 'added'
            ? `${describeDate(notice.date)} added as a closure day. Clocks that count over it move on a working day.`
            : notice.kind === 'removed'
              ? `${describeDate(notice.date)} is no longer a closure day: it counts as a working day again.`
              : `${describeDate(notice.date)} is a closure day again.`}
        </Alert>
      ) : null}
      {save.isError && save.error instanceof ApiError && !save.error.fieldErrors ? (
        <Alert severity="error">The closure days were not saved: {errorMessage(save.error)}</Alert>
      ) : null}
      {rows.length === 0 ? (
        <Typography>
          No closure days yet. Weekends and bank holidays are never working days.
        </Typography>
      ) : (
        <Table size="small" aria-label="Closure days" sx={{ maxWidth: 640 }}>
          <TableHead>
            <TableRow>
              <TableCell scope="col">Date</TableCell>
              <TableCell scope="col">When</TableCell>
              <TableCell scope="col">
                <Box component="span" sx={visuallyHidden}>
                  Change
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.date} data-testid="closure-row">
                <TableCell>{r.label}</TableCell>
                <TableCell>{r.past ? 'Past' : 'Coming up'}</TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    onClick={() => {
                      setConfirming(r.date);
                    }}
                    aria-label={`Remove ${r.label}`}
                    disabled={save.isPending}
                  >
                    Remove
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Box
        component="form"
        noValidate
        onSubmit={onAdd}
        aria-labelledby="add-closure-title"
        sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <Typography id="add-closure-title" component="h3" variant="h3" sx={{ width: '100%' }}>
          Add a closure day
        </Typography>
        <DateBox
          path="closureDate"
          label="Closure day"
          hint="A weekday the office is shut, for example 24/12/2026"
          value={typed}
          error={error}
          minDate={today}
          maxLength={20}
          onChange={(v) => {
            setTyped(v);
          }}
        />
        <Button type="submit" variant="contained" sx={{ mt: 1 }} disabled={save.isPending}>
          Add closure day
        </Button>
      </Box>
      {confirming !== null ? (
        <Dialog
          open
          onClose={() => {
            setConfirming(null);
          }}
          aria-labelledby="remove-closure-title"
          aria-describedby="remove-closure-text"
        >
          <DialogTitle id="remove-closure-title" component="h2">
            Remove {describeDate(confirming)} as a closure day?
          </DialogTitle>
          <DialogContent>
            <DialogContentText id="remove-closure-text">
              It will count as a working day again, so clocks that count over it will be due a
              working day sooner. You can undo this straight after.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button
              onClick={() => {
                setConfirming(null);
              }}
            >
              Cancel
            </Button>
            <Button
              variant="contained"
              color="error"
              onClick={() => {
                remove(confirming);
              }}
            >
              Remove closure day
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </Stack>
  );
}
