// "Save as PDF": asks the main process to make the document (kept as made, audited), then
// completes the hand-over (a save dialog in the app, a download in the browser harness) and says
// what happened beside the button. Never the browser's print of the screen.
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentDownloadRecord } from '../../../shared/domain/documents';
import { errorMessage } from '../api/client';
import { completeHandOver } from '../api/files';

export function SavePdfButton(props: {
  label: string;
  make: () => Promise<DocumentDownloadRecord>;
}) {
  const [said, setSaid] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: props.make,
    onSuccess: (out) => {
      setSaid(completeHandOver(out.outcome));
    },
  });
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="outlined"
        startIcon={<PictureAsPdfIcon />}
        disabled={save.isPending}
        onClick={() => {
          setSaid(null);
          save.mutate();
        }}
      >
        {save.isPending ? 'Making the PDF…' : props.label}
      </Button>
      <div role="status" aria-live="polite">
        {said !== null ? <Alert severity="success">{said}</Alert> : null}
        {save.isError ? <Alert severity="error">{errorMessage(save.error)}</Alert> : null}
      </div>
    </Stack>
  );
}
