// The template as it would read for the sample referral ('letter-templates:preview'), beside the
// text being edited: the paragraphs as a letter would print them, with the sample's made-up
// names and dates filled in.

import type { ReactElement } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { errorMessage } from '../../api/client';

export function TemplatesPreview(props: {
  preview: UseQueryResult<ChannelOutput<'letter-templates:preview'>>;
  settled: boolean;
}): ReactElement {
  const { preview } = props;
  return (
    <Box component="section" aria-labelledby="template-preview-heading">
      <Typography variant="h2" id="template-preview-heading" gutterBottom>
        Preview
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 1.5 }}>
        As it would read for a sample referral (made-up names and dates).
      </Typography>
      <Paper
        variant="outlined"
        data-testid="template-preview"
        aria-busy={!props.settled}
        sx={{ p: 3, minHeight: 240, bgcolor: 'common.white' }}
      >
        {preview.isPending ? (
          <Typography color="text.secondary">Working out the preview…</Typography>
        ) : preview.isError ? (
          <Alert severity="error">
            The preview could not be shown: {errorMessage(preview.error)}
          </Alert>
        ) : preview.data.errors.length > 0 ? (
          <Typography color="text.secondary">
            The preview will show again when the problems beside the wording are put right.
          </Typography>
        ) : preview.data.paragraphs.length === 0 ? (
          <Typography color="text.secondary">
            The template has no wording yet, so the letter would have no paragraphs here.
          </Typography>
        ) : (
          preview.data.paragraphs.map((p, i) => (
            <Typography key={i} sx={{ mb: 2, whiteSpace: 'pre-line', maxWidth: '68ch' }}>
              {p}
            </Typography>
          ))
        )}
      </Paper>
      {preview.isSuccess && !props.settled ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Updating the preview…
        </Typography>
      ) : null}
    </Box>
  );
}
