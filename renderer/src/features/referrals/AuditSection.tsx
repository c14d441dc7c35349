import { useState, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../components/format';
import { ErrorPanel, Loading } from '../../components/StatePanels';
import { useReferralAudit } from '../decisions/decision-queries';

/** "Who has viewed and changed this": loaded when asked for, newest first. */
export function AuditTrail(props: { referralId: string }): ReactElement {
  const [open, setOpen] = useState(false);
  const audit = useReferralAudit(props.referralId, open);
  if (!open) {
    return (
      <Box>
        <Button
          variant="outlined"
          onClick={() => {
            setOpen(true);
          }}
        >
          Show who has viewed and changed this
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
      data-testid="audit"
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
        Every view and change, newest first
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
