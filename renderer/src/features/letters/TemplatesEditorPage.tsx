// One letter template, opened from "Letter templates" (route letters/templates/:key): the editor
// for an administrator, the wording and its preview for anyone else who may read it.

import type { ReactElement } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TemplateKey } from '../../../../shared/letters/types';
import { useSession } from '../../api/queries';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { TemplatesEditor } from './TemplatesEditor';
import { canEditTemplates } from './template-model';
import { useTemplates } from './template-queries';

export function TemplatesEditorPage(): ReactElement {
  const params = useParams();
  const session = useSession();
  const templates = useTemplates();
  const key = params.key ?? '';
  const back = (
    <Box>
      <Link component={RouterLink} to="/letters/templates">
        ← All letter templates
      </Link>
    </Box>
  );
  if (templates.isPending || session.isPending) {
    return (
      <Stack spacing={2}>
        {back}
        <Loading label="Loading the template…" />
      </Stack>
    );
  }
  if (templates.isError) {
    return (
      <Stack spacing={2}>
        {back}
        <ErrorPanel
          title="The letter templates could not be loaded"
          error={templates.error}
          onRetry={() => void templates.refetch()}
        />
      </Stack>
    );
  }
  const record = templates.data.find((t) => t.key === (key as TemplateKey));
  if (!record) {
    return (
      <Stack spacing={2}>
        {back}
        <Typography variant="h1">Template not found</Typography>
        <Typography>There is no letter template called “{key}”.</Typography>
      </Stack>
    );
  }
  return (
    <Stack spacing={2}>
      {back}
      <TemplatesEditor
        key={record.key}
        record={record}
        editable={canEditTemplates(session.data?.user)}
        onRefresh={() => templates.refetch()}
      />
    </Stack>
  );
}
