// "Who has viewed and changed this", for any record: loaded only when asked for (reading the
// audit is itself not audited, but it need not run on every page view), newest first.
import { useState, type ReactElement } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { AuditEntry } from '../../../shared/domain/records';
import { formatDateTime } from './format';
import { ErrorPanel, Loading } from './StatePanels';

export function AuditTable(props: {
  /** The record's id, passed to `useEntries`. */
  id: string;
  /** The query for this kind of record's audit (keeps its own cache key for invalidation). */
  useEntries: (id: string, enabled: boolean) => UseQueryResult<AuditEntry[]>;
  buttonLabel: string;
  caption: string;
  testId: string;
}): ReactElement {
  const [open, setOpen] = useState(false);
  const audit = props.useEntries(props.id, open);
  if (!open) {
    return (
      <Box>
        <Button
          variant="outlined"
          onClick={() => {
            setOpen(true);
          }}
        >
          {props.buttonLabel}
        </Button>
      </Box>
    );
  }
  if (audit.isPending) return <Loading label="Reading the audit…" />;
  if (audit.isError) {
    return (
      <ErrorPanel
        title="The audit could not be read"
        error={audit.error}
        onRetry={() => void audit.refetch()}
      />
    );
  }
  const entries = [...audit.data].sort((a, b) => b.seq - a.seq);
  if (entries.length === 0) return <Typography>No one has viewed or changed this yet.</Typography>;
  return (
    <Box
      component="table"
      data-testid={props.testId}
      sx={{
        borderCollapse: 'collapse',
        width: '100%',
        '& th, & td': {
          textAlign: 'left',
          py: 1,
          pr: 2,
          borderTop: 1,
          borderColor: 'divider',
          verticalAlign: 'top',
        },
        '& th': { color: 'text.secondary', fontWeight: 600 },
      }}
    >
      <caption style={{ textAlign: 'left', captionSide: 'top', paddingBottom: 8 }}>
        {props.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq}>
            <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</td>
            <td>{e.user?.displayName ?? 'The system'}</td>
            <td>{e.summary}</td>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}
