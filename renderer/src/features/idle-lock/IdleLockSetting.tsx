// "Lock after (minutes)" (issue 14, idle lock): the administrator's setting, for the Settings
// page. Checked with the same schema as the main process (shared/ipc/channels/session.ts); the
// error is shown beside the field. Others see the time in words.
import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { canCall, type Caller } from '../../../../shared/ipc/access';
import { idleLockMinutesSchema } from '../../../../shared/ipc/channels/session';
import { ApiError, errorMessage } from '../../api/client';
import { useIdleLockSetting, useSetIdleLock } from './idle-lock-queries';

const FIELD_ID = 'field-idleLockMinutes';

function minutesText(n: number): string {
  return n === 1 ? '1 minute' : `${String(n)} minutes`;
}

export function IdleLockSetting(props: { user: Caller }): ReactElement {
  const setting = useIdleLockSetting();
  const save = useSetIdleLock();
  const [text, setText] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  if (setting.isPending) return <Typography>Reading the screen lock time…</Typography>;
  if (setting.isError) {
    return (
      <Alert severity="error">
        Could not read the screen lock time: {errorMessage(setting.error)}
      </Alert>
    );
  }
  const current = setting.data;
  if (!canCall('session:set-lock-setting', props.user)) {
    return (
      <Typography data-testid="idle-lock-setting">
        Front Door locks after {minutesText(current.minutes)} without use.
      </Typography>
    );
  }
  const value = text ?? String(current.minutes);

  const submit = (): void => {
    setSaved(null);
    const trimmed = value.trim();
    const parsed = idleLockMinutesSchema.safeParse(trimmed === '' ? Number.NaN : Number(trimmed));
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? 'Enter a number of minutes');
      document.getElementById(FIELD_ID)?.focus();
      return;
    }
    setFieldError(null);
    save.mutate(
      { minutes: parsed.data, version: current.version },
      {
        onSuccess: (next) => {
          setText(null);
          setSaved(next.minutes);
        },
        onError: (err) => {
          const beside = err instanceof ApiError ? err.fieldErrors?.minutes : undefined;
          if (beside !== undefined) setFieldError(beside);
        },
      },
    );
  };

  const refusal =
    save.isError && !(save.error instanceof ApiError && save.error.fieldErrors?.minutes)
      ? errorMessage(save.error)
      : null;

  return (
    <Box
      component="form"
      data-testid="idle-lock-setting"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, maxWidth: 480 }}
    >
      <Typography>
        When Front Door is not used for this long, the screen locks and hides case details until the
        person clicks Continue. Anything being typed is kept.
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
        <TextField
          id={FIELD_ID}
          label="Lock after (minutes)"
          value={value}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(null);
          }}
          error={fieldError !== null}
          helperText={fieldError ?? 'From 1 to 120 minutes. The usual time is 10.'}
          slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
          sx={{ width: 260 }}
        />
        <Button type="submit" variant="outlined" disabled={save.isPending} sx={{ mt: 1 }}>
          Save lock time
        </Button>
      </Box>
      {saved !== null ? (
        <Alert severity="success" role="status">
          Front Door now locks after {minutesText(saved)} without use.
        </Alert>
      ) : null}
      {refusal !== null ? (
        <Alert severity="error" role="alert">
          {refusal}
        </Alert>
      ) : null}
    </Box>
  );
}
