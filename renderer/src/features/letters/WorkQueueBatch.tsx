// Making the selected letters in one go: the progress bar (from the events map's task:progress),
// a Cancel that stops after the letter being made, then each letter's result on its own line —
// a failure with its reason (issue 13: "each letter fails or succeeds on its own").
import { useEffect, useRef, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { BatchResult } from '../../../../shared/domain/letters';
import type { TaskProgress } from '../../../../shared/ipc/events';
import { LETTER_KIND_LABELS } from '../../../../shared/letters/types';
import { ErrorPanel } from '../../components/StatePanels';
import { plural, progressPercent, progressText } from './work-queue-model';

export type Batch = {
  taskId: string;
  total: number;
  progress: TaskProgress | null;
  cancelling: boolean;
  cancelError: unknown;
  outcome: { results: BatchResult[]; cancelled: boolean } | null;
  error: unknown;
};

export function BatchPanel(props: {
  batch: Batch;
  onCancel: () => void;
  onDismiss: () => void;
}): ReactElement {
  const { batch } = props;
  const running = batch.outcome === null && batch.error === null;
  const resultsRef = useRef<HTMLDivElement>(null);
  const finished = !running;
  // When the work ends, the results take focus: a keyboard or screen-reader user hears them.
  useEffect(() => {
    if (finished) resultsRef.current?.focus();
  }, [finished]);

  if (running) {
    const progress = batch.progress ?? {
      label: 'Making letters',
      done: 0,
      total: batch.total,
    };
    const text = progressText(progress);
    return (
      <Box
        data-testid="batch-progress"
        sx={{ px: 1.5, py: 1.25, borderBottom: 1, borderColor: 'divider' }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Typography role="status" aria-live="polite" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {batch.cancelling ? `${text}. Stopping after the letter being made…` : text}
          </Typography>
          <Button
            variant="outlined"
            color="inherit"
            disabled={batch.cancelling}
            onClick={props.onCancel}
          >
            Cancel
          </Button>
        </Box>
        <LinearProgress
          variant="determinate"
          value={progressPercent(progress)}
          aria-label={text}
          sx={{ mt: 1, height: 8, borderRadius: 1 }}
        />
        {batch.cancelError ? (
          <Box sx={{ mt: 1 }}>
            <ErrorPanel title="Could not stop making the letters" error={batch.cancelError} />
          </Box>
        ) : null}
      </Box>
    );
  }

  const results = batch.outcome?.results ?? [];
  const made = results.filter((r) => r.outcome.ok);
  const failed = results.filter((r) => !r.outcome.ok);
  const notStarted = batch.total - results.length;
  return (
    <Box
      ref={resultsRef}
      tabIndex={-1}
      data-testid="batch-results"
      aria-labelledby="batch-results-heading"
      role="region"
      sx={{ px: 1.5, py: 0.75, borderBottom: 1, borderColor: 'divider', outline: 'none' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2 }}>
        <Typography
          id="batch-results-heading"
          variant="h2"
          sx={{ fontSize: '1.125rem', flexGrow: 1 }}
        >
          {batch.error !== null
            ? 'The letters could not be made'
            : batch.outcome?.cancelled
              ? `Stopped: ${plural(made.length, 'letter', 'letters')} made`
              : `${plural(made.length, 'letter', 'letters')} made${failed.length > 0 ? `, ${plural(failed.length, 'not made', 'not made')}` : ''}`}
        </Typography>
        <Button onClick={props.onDismiss}>Close</Button>
      </Box>
      {batch.error !== null ? <ErrorPanel title="Nothing was made" error={batch.error} /> : null}
      {batch.outcome?.cancelled && notStarted > 0 ? (
        <Typography sx={{ mt: 0.5 }}>
          You cancelled: {plural(notStarted, 'letter was', 'letters were')} not started. Select them
          again to make them.
        </Typography>
      ) : null}
      {failed.length > 0 ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          <Typography sx={{ fontWeight: 700 }}>Not made</Typography>
          <Box component="ul" data-testid="batch-failed" sx={{ m: 0, pl: 2.5 }}>
            {failed.map((r) => (
              <li key={r.key}>
                {r.reference}, {LETTER_KIND_LABELS[r.kind].toLowerCase()}:{' '}
                {r.outcome.ok ? '' : r.outcome.reason}
              </li>
            ))}
          </Box>
        </Alert>
      ) : null}
      {made.length > 0 ? (
        <Box sx={{ mt: 0.5 }}>
          <Typography sx={{ fontWeight: 700 }}>Made, ready to send</Typography>
          <Box component="ul" data-testid="batch-made" sx={{ m: 0, pl: 2.5 }}>
            {made.map((r) => (
              <li key={r.key}>
                {r.reference}, {LETTER_KIND_LABELS[r.kind].toLowerCase()}
                {r.outcome.ok ? ` to ${r.outcome.letter.recipient}` : ''}
              </li>
            ))}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}
